"""Semantic diff of fact sheets: which facts were added, removed, changed (field by field) or
only moved, keyed by fact id.  One report model, three renderers (text, Markdown, JSON).

Sources of sheets: two files, two folders (sheets paired by file name), or a git revision
against the working tree (`--git REV`).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPAN_FIELDS = ("start", "end", "line")


class DiffError(Exception):
    pass


@dataclass
class FieldChange:
    path: str  # "quantity.value"
    old: Any
    new: Any


@dataclass
class FactChange:
    id: str
    family: str
    quote: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class SheetDiff:
    name: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[FactChange] = field(default_factory=list)
    moved: list[FactChange] = field(default_factory=list)  # only span offsets/line differ
    source: list[FieldChange] = field(default_factory=list)
    note: str | None = None  # "sheet added" / "sheet removed"

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.changed or self.moved or self.source or self.note
        )


@dataclass
class DiffReport:
    sheets: list[SheetDiff] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return all(s.empty for s in self.sheets)

    def counts(self) -> dict[str, int]:
        return {
            "added": sum(len(s.added) for s in self.sheets),
            "removed": sum(len(s.removed) for s in self.sheets),
            "changed": sum(len(s.changed) for s in self.sheets),
            "moved": sum(len(s.moved) for s in self.sheets),
        }


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, inner in value.items():
            out.update(_flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: value}


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    a, b = _flatten(old), _flatten(new)
    return [
        FieldChange(k, a.get(k), b.get(k))
        for k in sorted(set(a) | set(b), key=_order(a, b))
        if a.get(k) != b.get(k)
    ]


def _order(a: dict[str, Any], b: dict[str, Any]) -> Any:
    keys = list(dict.fromkeys([*a, *b]))
    return keys.index


def diff_sheets(old: dict[str, Any] | None, new: dict[str, Any] | None, name: str) -> SheetDiff:
    report = SheetDiff(name)
    if old is None or new is None:
        report.note = "sheet added" if old is None else "sheet removed"
        facts = (new or {}).get("facts", []) if old is None else (old or {}).get("facts", [])
        (report.added if old is None else report.removed).extend(facts)
        return report
    report.source = [c for c in _field_changes(old.get("source", {}), new.get("source", {}))]
    old_facts = {f["id"]: f for f in old.get("facts", [])}
    new_facts = {f["id"]: f for f in new.get("facts", [])}
    for fid, fact in new_facts.items():
        if fid not in old_facts:
            report.added.append(fact)
    for fid, fact in old_facts.items():
        if fid not in new_facts:
            report.removed.append(fact)
            continue
        changes = _field_changes(fact, new_facts[fid])
        if not changes:
            continue
        quote = str(new_facts[fid].get("span", {}).get("quote", ""))
        entry = FactChange(fid, str(fact.get("family")), quote, changes)
        span_only = all(c.path in {f"span.{k}" for k in SPAN_FIELDS} for c in changes)
        (report.moved if span_only else report.changed).append(entry)
    return report


# ---- loading ---------------------------------------------------------------------------------


def _load(path: Path) -> dict[str, Any]:
    """Loaded and validated by the loader every command shares: an invalid sheet is an error."""
    from extractor.sheets import SheetError, load_sheet_data

    try:
        return load_sheet_data(path)
    except SheetError as exc:
        raise DiffError(str(exc)) from None


def _sheets_in(folder: Path) -> dict[str, Path]:
    """The sheets of a folder tree, by their path below it (the shared discovery)."""
    from extractor.sheets import find_sheets

    files, problems = find_sheets([folder])
    if problems:
        raise DiffError(str(problems[0]))
    return {f.path.relative_to(folder).as_posix(): f.path for f in files}


def diff_paths(old: Path, new: Path) -> DiffReport:
    report = DiffReport()
    if old.is_dir() and new.is_dir():
        a, b = _sheets_in(old), _sheets_in(new)
        for name in sorted(set(a) | set(b)):
            report.sheets.append(
                diff_sheets(
                    _load(a[name]) if name in a else None,
                    _load(b[name]) if name in b else None,
                    name,
                )
            )
        return report
    for p in (old, new):
        if not p.exists():
            raise DiffError(f"{p}: no such file or folder")
    if old.is_dir() or new.is_dir():
        raise DiffError("compare two files or two folders, not one of each")
    report.sheets.append(diff_sheets(_load(old), _load(new), new.name))
    return report


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if result.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {result.stderr.strip().splitlines()[-1:]}")
    return result.stdout


def diff_git(rev: str, folder: Path) -> DiffReport:
    """The sheets in `folder` at revision `rev` against the working tree."""
    folder = folder.resolve()
    top = Path(
        _git(["rev-parse", "--show-toplevel"], folder if folder.is_dir() else Path.cwd()).strip()
    )
    rel = folder.relative_to(top).as_posix()
    listing = _git(["ls-tree", "-r", "--name-only", f"{rev}:{rel}"], top).splitlines()
    report = DiffReport()
    now = _sheets_in(folder) if folder.is_dir() else {}
    from extractor.sheets import SheetError, parse_sheet_text
    from extractor.sources import SHEET_SUFFIXES

    listing = [n for n in listing if n.endswith(SHEET_SUFFIXES)]
    for name in sorted(set(listing) | set(now)):
        old = None
        if name in listing:
            where = f"{rev}:{rel}/{name}"
            try:
                old = parse_sheet_text(_git(["show", where], top), where)
            except SheetError as exc:
                raise DiffError(str(exc)) from None
        report.sheets.append(diff_sheets(old, _load(now[name]) if name in now else None, name))
    return report


# ---- rendering -------------------------------------------------------------------------------


def _value(fact: dict[str, Any]) -> str:
    q = fact.get("quantity", {})
    has_value = q.get("value") is not None
    number = str(q["value"]) if has_value else f"{q.get('min')}–{q.get('max')}"
    return f"{number} {q.get('unit', '')}".strip()


def _fmt(v: Any) -> str:
    if v is None:
        return "(none)"
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _quote(fact: dict[str, Any]) -> str:
    return str(fact.get("span", {}).get("quote", ""))


def render_text(report: DiffReport, *, color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    lines: list[str] = []
    for sheet in report.sheets:
        if sheet.empty:
            continue
        lines.append(paint(sheet.name, "1") + (f" ({sheet.note})" if sheet.note else ""))
        for c in sheet.source:
            lines.append(f"  source {c.path}: {_fmt(c.old)} -> {_fmt(c.new)}")
        for sign, change, colour, facts in (
            ("+", "added", "32", sheet.added),
            ("-", "removed", "31", sheet.removed),
        ):
            for fact in facts:
                text = (
                    f"  {sign} {change} {fact['id']} ({fact.get('family')}): "
                    f'{_value(fact)} "{_quote(fact)}"'
                )
                lines.append(paint(text, colour))
        for ch in sheet.changed:
            lines.append(paint(f'  ~ changed {ch.id} ({ch.family}) "{ch.quote}"', "33"))
            lines.extend(f"      {c.path}: {_fmt(c.old)} -> {_fmt(c.new)}" for c in ch.changes)
        for ch in sheet.moved:
            where = ", ".join(f"{c.path.split('.')[-1]} {c.old} -> {c.new}" for c in ch.changes)
            lines.append(f'  > moved {ch.id} "{ch.quote}": {where}')
    summary = ", ".join(f"{n} {k}" for k, n in report.counts().items())
    lines.append("no differences" if report.empty else summary)
    return "\n".join(lines) + "\n"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(report: DiffReport) -> str:
    """A pull-request comment: a summary, then one table per family, the quote on each row."""
    out = ["### factsheet diff", ""]
    if report.empty:
        out.append("No differences in the fact sheets.")
        return "\n".join(out) + "\n"
    out.append(" · ".join(f"**{n}** {k}" for k, n in report.counts().items()))
    rows: dict[str, list[str]] = {}

    def row(family: str, change: str, sheet: str, fid: str, what: str, quote: str) -> None:
        rows.setdefault(family, []).append(
            f"| {change} | {sheet} | `{fid}` | {what} | {_cell(quote)} |"
        )

    for sheet in report.sheets:
        for change, facts in (("added", sheet.added), ("removed", sheet.removed)):
            for fact in facts:
                family = str(fact.get("family"))
                row(family, change, sheet.name, fact["id"], _cell(_value(fact)), _quote(fact))
        for ch in sheet.changed:
            what = "<br>".join(
                f"`{c.path}`: {_cell(_fmt(c.old))} → {_cell(_fmt(c.new))}" for c in ch.changes
            )
            row(ch.family, "changed", sheet.name, ch.id, what, ch.quote)
        for ch in sheet.moved:
            line = next((c for c in ch.changes if c.path == "span.line"), None)
            what = f"line {line.old} → {line.new}" if line else "offsets only"
            row(ch.family, "moved", sheet.name, ch.id, what, ch.quote)
    for family in sorted(rows):
        out += [
            "",
            f"#### {family}",
            "",
            "| change | sheet | fact | value / fields | quote |",
            "| --- | --- | --- | --- | --- |",
            *rows[family],
        ]
    return "\n".join(out) + "\n"


def render_sheet_lines(sheet: dict[str, Any]) -> str:
    """One line per fact, for people and for git's textconv."""
    source = sheet.get("source", {})
    lines = [f"# {source.get('id', '')} sha256={source.get('sha256', '')}"]
    for fact in sheet.get("facts", []):
        q = fact.get("quantity", {})
        attrs = " ".join(
            f"{k}={v if not isinstance(v, list) else ','.join(map(str, v))}"
            for k, v in fact.items()
            if k not in ("id", "family", "claim", "quantity", "span", "rule")
        )
        span = fact.get("span", {})
        head = f"{fact.get('id')} {fact.get('family')} {_value(fact)} {q.get('qualifier')}"
        body = " ".join(p for p in (head, attrs, "|", repr(span.get("quote", ""))) if p)
        lines.append(f"{body} line {span.get('line')}")
    return "\n".join(lines) + "\n"


def render_json(report: DiffReport) -> str:
    def changes(items: list[FactChange]) -> list[dict[str, Any]]:
        return [
            {
                "id": c.id,
                "family": c.family,
                "quote": c.quote,
                "fields": [f.__dict__ for f in c.changes],
            }
            for c in items
        ]

    def sheet(s: SheetDiff) -> dict[str, Any]:
        return {
            "sheet": s.name,
            "note": s.note,
            "source": [c.__dict__ for c in s.source],
            "added": s.added,
            "removed": s.removed,
            "changed": changes(s.changed),
            "moved": changes(s.moved),
        }

    data = {"counts": report.counts(), "sheets": [sheet(s) for s in report.sheets if not s.empty]}
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
