"""Scoring fact sheets against gold, exactly as the reference scorer does
(`../shared/tools/score.py`, conventions in `tests/gold/README.md`).

Two gold formats are read: the seeds' (a mapping with `documents:`, each naming a file under
`--sources`) and the passages' (a list of cases with inline `text`).

A reported fact matches a gold fact when its span overlaps the gold quote's span, its value equals
the gold value and its unit agrees (money: the same ISO code; percent: any percent spelling;
counts: the gold unit's head noun, singularised, is among the reported unit's words, or the two
share a word).  A range fact stands for two reported facts: its low end `at_least` and its high
end `at_most`.  Each reported fact matches at most one gold fact, in gold order.  Unmatched
reported facts are false positives unless they overlap an `optional` string; those overlapping a
`trap` are also trap hits.  Qualifier and attribution accuracy are measured over matched facts;
attribution over `donor`, `recipient`, `subject`, `event` and `year` (an event matches when the
normalised names are equal or one contains the other; a year by its first four characters; lists
when one is a subset of the other).  The other attribution fields the gold states (scope, status,
harm ...) are reported apart, compared exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.model import ATTRIBUTION_FIELDS, Fact, FactSheet

KEY_FIELDS = ("donor", "recipient", "subject", "event", "year")
CAUSES = ("not found", "value wrong", "unit or currency wrong", "attribution wrong")

# The reference scorer's event aliases: spellings of one event.
_EVENT_ALIASES = {
    "centre2019": "tsentr2019",
    "center2019": "tsentr2019",
    "nanjingmassacre": "nankingmassacre",
    "rapeofnanking": "nankingmassacre",
    "rapeofnanjing": "nankingmassacre",
    "worldwar2": "worldwarii",
    "ww2": "worldwarii",
    "wwii": "worldwarii",
    "secondworldwar": "worldwarii",
}
_DURATIONS = {"day", "week", "month", "year", "decade", "hour"}


class GoldError(Exception):
    pass


# --- matching, as the reference scorer does it ---------------------------------------------


def norm_event(name: Any) -> str:
    key = re.sub(r"[^a-z0-9]", "", str(name).lower())
    return _EVENT_ALIASES.get(key, key)


def singular(word: str) -> str:
    word = word.lower()
    for plural, single in (("men", "man"), ("ies", "y"), ("ves", "f")):
        if word.endswith(plural) and len(word) > 4:
            return word[: -len(plural)] + single
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _words(unit: Any) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]+", str(unit).lower())} - {"of", "and", "the"}


def unit_agrees(gold: Any, reported: Any) -> bool:
    g, p = str(gold), str(reported or "")
    if re.fullmatch(r"[A-Z]{3}", g):
        return p.upper() == g
    if g == "percent":
        return (
            p.lower().startswith("percent") or p.startswith("%") or p.lower() in ("pct", "per cent")
        )
    gw, pw = _words(g), _words(p)
    if g in _DURATIONS:
        return singular(g) in pw
    if not gw or not pw:
        return False
    head = singular(re.findall(r"[a-z]+", g.lower())[-1])
    return head in pw or bool(gw & pw)


def value_agrees(gold: Any, reported: Any) -> bool:
    try:
        g, p = float(gold), float(reported)
    except (TypeError, ValueError):
        return False
    return abs(g - p) <= 1e-6 * max(1.0, abs(g))


def attribution_agrees(key: str, gold: Any, reported: Any) -> bool:
    if reported is None:
        return False
    if key == "event":
        g, p = norm_event(gold), norm_event(reported)
        return g == p or g in p or p in g
    if key == "year":
        return str(gold) == str(reported)[:4]
    gs = {str(x).upper() for x in (gold if isinstance(gold, list) else [gold])}
    ps = {str(x).upper() for x in (reported if isinstance(reported, list) else [reported])}
    return gs <= ps or ps <= gs


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the n-th match of `quote`, scanning overlapping matches."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return (start, start + len(quote))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Reported:
    """One reported figure: a fact, or one end of a range fact."""

    fact: Fact
    value: Any
    qualifier: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.fact.span.start, self.fact.span.end)


def reported_figures(sheet: FactSheet) -> list[Reported]:
    out: list[Reported] = []
    for fact in sheet.facts:
        q = fact.quantity
        if q.value is None and q.min is not None and q.max is not None:
            out.append(Reported(fact, q.min, "at_least"))
            out.append(Reported(fact, q.max, "at_most"))
        else:
            out.append(Reported(fact, q.value, q.qualifier or "exact"))
    return out


# --- the report ------------------------------------------------------------------------------


@dataclass
class Score:
    gold: int = 0
    matched: int = 0
    false_positives: int = 0
    attribution: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]

    @property
    def predicted(self) -> int:
        return self.matched + self.false_positives

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def tally(self, key: str, right: bool) -> None:
        counts = self.attribution.setdefault(key, [0, 0])
        counts[0] += right
        counts[1] += 1


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    families: dict[str, Score] = field(default_factory=dict)
    qualifier_right: int = 0
    family_right: int = 0
    value_found: int = 0  # gold facts with an overlapping figure of the right value
    other_fields: dict[str, list[int]] = field(default_factory=dict)  # scope, status ...: exact
    metadata: dict[str, list[int]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CAUSES})
    false_positive_list: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # qualifier, family, other-field mistakes

    def family(self, name: str) -> Score:
        return self.families.setdefault(name, Score())

    @property
    def qualifier_accuracy(self) -> float | None:
        return _ratio(self.qualifier_right, self.overall.matched)

    @property
    def attribution_accuracy(self) -> float | None:
        a = self.overall.attribution
        return _ratio(sum(v[0] for v in a.values()), sum(v[1] for v in a.values()))

    @property
    def metadata_accuracy(self) -> float | None:
        m = {k: v for k, v in self.metadata.items() if k in ("title", "published")}
        return _ratio(sum(v[0] for v in m.values()), sum(v[1] for v in m.values()))

    def to_data(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        def score(s: Score) -> dict[str, Any]:
            return {
                "gold": s.gold,
                "predicted": s.predicted,
                "matched": s.matched,
                "false_positives": s.false_positives,
                "precision": r(s.precision),
                "recall": r(s.recall),
                "f1": r(s.f1),
                "attribution": {
                    k: {"right": v[0], "total": v[1], "accuracy": r(_ratio(v[0], v[1]))}
                    for k, v in sorted(s.attribution.items())
                },
            }

        o = self.overall
        return {
            "schema_version": 1,
            "overall": score(o),
            "families": {k: score(v) for k, v in sorted(self.families.items())},
            "precision": r(o.precision),
            "recall": r(o.recall),
            "f1": r(o.f1),
            "tp": o.matched,
            "fp": o.false_positives,
            "fn": o.gold - o.matched,
            "trap_hits": len(self.traps),
            "value_recall": r(_ratio(self.value_found, o.gold)),
            "qualifier_accuracy": r(self.qualifier_accuracy),
            "family_accuracy": r(_ratio(self.family_right, o.matched)),
            "attribution_accuracy": r(self.attribution_accuracy),
            "metadata_accuracy": r(self.metadata_accuracy),
            "attribution": score(o)["attribution"],
            "other_fields": {
                k: {"right": v[0], "total": v[1]} for k, v in sorted(self.other_fields.items())
            },
            "metadata": {
                k: {"right": v[0], "total": v[1]} for k, v in sorted(self.metadata.items())
            },
            "traps_reported": self.traps,
            "misses": {k: v for k, v in self.misses.items()},
            "false_positives": self.false_positive_list,
            "wrong_fields": self.wrong,
        }


def _shown(fact: Fact, key: str) -> Any:
    value = getattr(fact, key, None)
    return value if not isinstance(value, list) else [str(v) for v in value]


def score_document(
    report: Report, name: str, gold_doc: dict[str, Any], sheet: FactSheet | None, text: str
) -> None:
    """Add one document's gold against its sheet (None: nothing was extracted) to `report`."""
    for key in ("title", "published", "byline"):
        if key in gold_doc:
            got = getattr(sheet.source, key) if sheet is not None else None
            right = str(got or "").strip() == str(gold_doc[key]).strip()
            tally = report.metadata.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += 1
            if not right:
                report.wrong.append(f"{name}: {key}: expected {gold_doc[key]!r}, got {got!r}")
    preds = reported_figures(sheet) if sheet is not None else []
    used: set[int] = set()
    for gold in gold_doc.get("facts") or []:
        quote = str(gold["quote"])
        span = find_quote(text, quote, int(gold.get("occurrence", 1)))
        if span is None:
            raise GoldError(f"{name}: quote {quote!r} is not in the text")
        family = str(gold.get("family", "other"))
        fam = report.family(family)
        report.overall.gold += 1
        fam.gold += 1
        near = [i for i, p in enumerate(preds) if _overlaps(span, p.span)]
        same_value = [i for i in near if value_agrees(gold["value"], preds[i].value)]
        hit = next(
            (
                i
                for i in same_value
                if i not in used and unit_agrees(gold["unit"], preds[i].fact.quantity.unit)
            ),
            None,
        )
        report.value_found += bool(same_value)
        label = f"{name}: {quote!r} ({gold['value']} {gold['unit']})"
        if hit is None:
            if not near:
                report.misses["not found"].append(label)
            elif not same_value:
                got = ", ".join(f"{preds[i].value} {preds[i].fact.quantity.unit}" for i in near)
                report.misses["value wrong"].append(f"{label}: got {got}")
            else:
                got = ", ".join(f"{preds[i].fact.quantity.unit}" for i in same_value)
                report.misses["unit or currency wrong"].append(f"{label}: got {got}")
            continue
        used.add(hit)
        pred = preds[hit]
        fact = pred.fact
        report.overall.matched += 1
        fam.matched += 1
        want_q = gold.get("qualifier", "exact")
        report.qualifier_right += pred.qualifier == want_q
        if pred.qualifier != want_q:
            report.wrong.append(f"{label}: qualifier {pred.qualifier} != {want_q}")
        report.family_right += fact.family == family
        if fact.family != family:
            report.wrong.append(f"{label}: family {fact.family} != {family}")
        wrong_keys = []
        for key in KEY_FIELDS:
            if key in gold:
                right = attribution_agrees(key, gold[key], _shown(fact, key))
                report.overall.tally(key, right)
                fam.tally(key, right)
                if not right:
                    wrong_keys.append(f"{key} {_shown(fact, key)!r} != {gold[key]!r}")
        if wrong_keys:
            report.misses["attribution wrong"].append(f"{label}: " + "; ".join(wrong_keys))
        for key in ATTRIBUTION_FIELDS:
            if key in gold and key not in KEY_FIELDS:
                got, want = _shown(fact, key), gold[key]
                right = str(got) == str(want) if not isinstance(want, list) else got == want
                tally = report.other_fields.setdefault(key, [0, 0])
                tally[0] += right
                tally[1] += 1
                if not right:
                    report.wrong.append(f"{label}: {key} {got!r} != {want!r}")
    optional = [find_quote(text, str(q)) for q in gold_doc.get("optional") or []]
    traps = [(find_quote(text, str(q)), str(q)) for q in gold_doc.get("traps") or []]
    for i, pred in enumerate(preds):
        if i in used or any(o and _overlaps(o, pred.span) for o in optional):
            continue
        report.overall.false_positives += 1
        report.family(pred.fact.family).false_positives += 1
        q = pred.fact.quantity
        report.false_positive_list.append(
            f"{name}: {pred.fact.span.quote!r} -> {pred.value} {q.unit} "
            f"({pred.fact.family}, {pred.fact.rule}, line {pred.fact.span.line})"
        )
        trap = next((t for s, t in traps if s and _overlaps(s, pred.span)), None)
        if trap is not None:
            report.traps.append(f"{name}: {pred.fact.span.quote!r} over trap {trap!r}")


# --- gold files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldCase:
    """One scored document: its name (the file stem), its gold entry, and where its text is."""

    name: str
    gold: dict[str, Any]
    text: str | None = None  # inline text (passages)
    path: Path | None = None  # a file under --sources (seeds)


def gold_cases(data: Any, sources: Path) -> Iterator[GoldCase]:
    """The cases of either gold format; raises GoldError when the file is neither."""
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        for doc in data["documents"]:
            if not isinstance(doc, dict) or "document" not in doc:
                raise GoldError("every entry of 'documents' needs a 'document' file name")
            name = str(doc["document"])
            yield GoldCase(Path(name).stem, doc, path=sources / name)
    elif isinstance(data, list):
        for i, case in enumerate(data):
            if not isinstance(case, dict) or not isinstance(case.get("text"), str):
                raise GoldError(f"case {i + 1}: expected a mapping with 'id' and 'text'")
            yield GoldCase(str(case.get("id", i + 1)), case, text=case["text"])
    else:
        raise GoldError(
            "expected the seeds format (a mapping with a 'documents' list) "
            "or the passages format (a list of cases with inline 'text')"
        )


# --- text output -----------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def render_text(report: Report, *, title: str = "", brief: bool = False) -> str:
    head = f"{'family':<11} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'F1':>5}  " + " ".join(
        f"{k:>9}" for k in KEY_FIELDS
    )
    lines = [title] if title else []
    lines += [head, "-" * len(head)]

    def row(name: str, s: Score) -> str:
        attr = " ".join(
            f"{_pct(_ratio(*s.attribution[k])) if k in s.attribution else '    -':>9}"
            for k in KEY_FIELDS
        )
        return (
            f"{name:<11} {s.gold:>4} {s.predicted:>5} {_pct(s.precision)} {_pct(s.recall)} "
            f"{_pct(s.f1)}  {attr}"
        )

    for name, s in sorted(report.families.items()):
        lines.append(row(name, s))
    lines.append(row("all", report.overall))
    lines.append(
        f"qualifier {_pct(report.qualifier_accuracy).strip()}  attribution "
        f"{_pct(report.attribution_accuracy).strip()}  family "
        f"{_pct(_ratio(report.family_right, report.overall.matched)).strip()}  value recall "
        f"{_pct(_ratio(report.value_found, report.overall.gold)).strip()}  traps reported "
        f"{len(report.traps)}"
    )
    for key, (right, total) in sorted(report.other_fields.items()):
        lines.append(f"  {key:<10} {right}/{total} (exact)")
    for key, (right, total) in sorted(report.metadata.items()):
        lines.append(f"metadata {key}: {right}/{total}")
    if brief:
        return "\n".join(lines) + "\n"
    for cause in CAUSES:
        items = report.misses[cause]
        if items:
            lines.append(f"{cause} ({len(items)}):")
            lines.extend(f"  - {item}" for item in items)
    for heading, items in (
        ("false positives", report.false_positive_list),
        ("traps reported", report.traps),
        ("other wrong fields", report.wrong),
    ):
        if items:
            lines.append(f"{heading} ({len(items)}):")
            lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines) + "\n"


# --- running a whole gold file ---------------------------------------------------------------


class EvaluationError(Exception):
    """A gold file, a document or a committed sheet that cannot be read: one line, named."""


def evaluate_gold(gold_file: Path, *, sources: Path, facts_dir: Path | None = None) -> Report:
    """Score a fresh extraction (or the committed sheets in `facts_dir`) against `gold_file`."""
    from extractor.documents import DocumentError, load_document, parse_document
    from extractor.pipeline import build_sheet
    from extractor.yamlio import SheetLoadError, read_sheet_file

    try:
        data, _ = read_sheet_file(gold_file)
        cases = list(gold_cases(data, sources))
    except (SheetLoadError, GoldError) as exc:
        raise EvaluationError(f"{gold_file}: {exc}") from None
    report = Report()
    for case in cases:
        try:
            if case.path is not None:
                doc = load_document(case.path, display=case.path.as_posix())
            else:
                assert case.text is not None
                doc = parse_document(
                    case.text.encode("utf-8"), doc_id=case.name, path=f"{case.name}.txt"
                )
            if facts_dir is not None:
                sheet_data, _ = read_sheet_file(facts_dir / f"{case.name}.yaml")
                sheet = FactSheet.model_validate(sheet_data)
            else:
                sheet = build_sheet(doc)
            score_document(report, case.name, case.gold, sheet, doc.text)
        except (DocumentError, SheetLoadError, GoldError, ValueError) as exc:
            raise EvaluationError(f"{case.name}: {exc}") from None
    return report
