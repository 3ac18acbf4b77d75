"""Scoring fact sheets against hand-made gold: precision, recall, F1, qualifier and attribution
accuracy, per family, with the misses, false positives and traps listed.

A predicted fact matches a gold fact when its span overlaps the gold quote's span and its value
(or min/max) and unit agree.  Facts over `optional` quotes are neither right nor wrong; a fact
over a `trap` is a false positive and is also counted as a trap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.model import ATTRIBUTION_FIELDS, FactSheet

KEY_FIELDS = ("donor", "recipient", "subject", "event", "year")


class GoldError(Exception):
    pass


def find_occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _norm_field(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value) if value is not None else None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    families: dict[str, Score] = field(default_factory=dict)
    qualifier_right: int = 0
    family_right: int = 0
    attribution: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]
    metadata: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def family(self, name: str) -> Score:
        return self.families.setdefault(name, Score())

    def ratio(self, right: int, total: int) -> float:
        return right / total if total else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.ratio(self.qualifier_right, self.overall.matched)

    @property
    def attribution_accuracy(self) -> float:
        right = sum(v[0] for v in self.attribution.values())
        total = sum(v[1] for v in self.attribution.values())
        return self.ratio(right, total)

    @property
    def key_attribution_accuracy(self) -> float:
        right = sum(v[0] for k, v in self.attribution.items() if k in KEY_FIELDS)
        total = sum(v[1] for k, v in self.attribution.items() if k in KEY_FIELDS)
        return self.ratio(right, total)

    def to_data(self) -> dict[str, Any]:
        def score(s: Score) -> dict[str, Any]:
            return {
                "gold": s.gold,
                "predicted": s.predicted,
                "matched": s.matched,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
            }

        return {
            "overall": score(self.overall),
            "families": {k: score(v) for k, v in sorted(self.families.items())},
            "qualifier_accuracy": round(self.qualifier_accuracy, 4),
            "family_accuracy": round(self.ratio(self.family_right, self.overall.matched), 4),
            "attribution_accuracy": round(self.attribution_accuracy, 4),
            "key_attribution_accuracy": round(self.key_attribution_accuracy, 4),
            "attribution": {
                k: {"right": v[0], "total": v[1]} for k, v in sorted(self.attribution.items())
            },
            "metadata": {
                k: {"right": v[0], "total": v[1]} for k, v in sorted(self.metadata.items())
            },
            "traps_reported": self.traps,
            "misses": self.misses,
            "false_positives": self.false_positives,
            "wrong_fields": self.wrong,
        }


def score_document(report: Report, gold_doc: dict[str, Any], sheet: FactSheet, text: str) -> None:
    name = str(gold_doc.get("document"))
    for key in ("title", "published", "byline"):
        if key in gold_doc:
            got = getattr(sheet.source, key)
            right = str(got) == str(gold_doc[key]) if got is not None else False
            tally = report.metadata.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += 1
            if not right:
                report.wrong.append(f"{name}: {key}: expected {gold_doc[key]!r}, got {got!r}")
    predicted = list(sheet.facts)
    used: set[int] = set()
    for gold in gold_doc.get("facts") or []:
        quote = str(gold["quote"])
        spans = find_occurrences(text, quote)
        occurrence = int(gold.get("occurrence", 1))
        if len(spans) < occurrence:
            raise GoldError(f"{name}: quote {quote!r} occurrence {occurrence} is not in the text")
        span = spans[occurrence - 1]
        family = str(gold.get("family", "other"))
        report.overall.gold += 1
        report.family(family).gold += 1
        hit = None
        for i, fact in enumerate(predicted):
            if i in used or not _overlaps(span, (fact.span.start, fact.span.end)):
                continue
            q = fact.quantity
            if str(q.unit).lower() != str(gold.get("unit", "")).lower():
                continue
            if "value" in gold and not _same_number(q.value, gold["value"]):
                continue
            if "min" in gold and not (
                _same_number(q.min, gold["min"]) and _same_number(q.max, gold["max"])
            ):
                continue
            hit = i
            break
        if hit is None:
            report.misses.append(f"{name}: {quote!r} ({gold.get('value', '')} {gold.get('unit')})")
            continue
        used.add(hit)
        fact = predicted[hit]
        report.overall.matched += 1
        report.family(family).matched += 1
        report.qualifier_right += fact.quantity.qualifier == gold.get("qualifier", "exact")
        report.family_right += fact.family == family
        if fact.quantity.qualifier != gold.get("qualifier", "exact"):
            report.wrong.append(
                f"{name}: {quote!r}: qualifier {fact.quantity.qualifier} != {gold.get('qualifier')}"
            )
        if fact.family != family:
            report.wrong.append(f"{name}: {quote!r}: family {fact.family} != {family}")
        for key in ATTRIBUTION_FIELDS:
            if key not in gold:
                continue
            got = _norm_field(getattr(fact, key, None))
            want = _norm_field(gold[key])
            tally = report.attribution.setdefault(key, [0, 0])
            tally[0] += got == want
            tally[1] += 1
            if got != want:
                report.wrong.append(f"{name}: {quote!r}: {key} {got!r} != {want!r}")
    optional = [s for q in gold_doc.get("optional") or [] for s in find_occurrences(text, str(q))]
    traps = [
        (s, str(q)) for q in gold_doc.get("traps") or [] for s in find_occurrences(text, str(q))
    ]
    for i, fact in enumerate(predicted):
        if i in used:
            continue
        fspan = (fact.span.start, fact.span.end)
        trap = next((q for s, q in traps if _overlaps(s, fspan)), None)
        if trap is None and any(_overlaps(s, fspan) for s in optional):
            continue
        report.overall.predicted += 1
        report.family(fact.family).predicted += 1
        report.false_positives.append(
            f"{name}: {fact.span.quote!r} ({fact.family}, line {fact.span.line})"
        )
        if trap is not None:
            report.traps.append(f"{name}: {fact.span.quote!r} over trap {trap!r}")
    for fact_index in used:
        report.overall.predicted += 1
        report.family(predicted[fact_index].family).predicted += 1


def render_text(report: Report) -> str:
    o = report.overall
    lines = [
        f"overall: precision {o.precision:.3f}  recall {o.recall:.3f}  F1 {o.f1:.3f}  "
        f"({o.matched} matched / {o.gold} gold / {o.predicted} reported)",
    ]
    for name, s in sorted(report.families.items()):
        lines.append(
            f"  {name:<11} precision {s.precision:.3f}  recall {s.recall:.3f}  "
            f"({s.matched}/{s.gold} gold, {s.predicted} reported)"
        )
    lines.append(
        f"qualifier accuracy {report.qualifier_accuracy:.3f}; family accuracy "
        f"{report.ratio(report.family_right, o.matched):.3f}"
    )
    lines.append(
        f"attribution accuracy {report.attribution_accuracy:.3f} (donor, recipient, "
        f"subject, event, year: {report.key_attribution_accuracy:.3f})"
    )
    for key, (right, total) in sorted(report.attribution.items()):
        lines.append(f"  {key:<10} {right}/{total}")
    for key, (right, total) in sorted(report.metadata.items()):
        lines.append(f"metadata {key}: {right}/{total}")
    lines.append(f"traps reported: {len(report.traps)}")
    for title, items in (
        ("traps", report.traps),
        ("misses", report.misses),
        ("false positives", report.false_positives),
        ("wrong fields", report.wrong),
    ):
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines) + "\n"
