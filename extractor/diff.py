"""Semantic diff of fact sheets: which facts were added, removed, changed (field by field) or
only moved, keyed by fact id.  One report model, three renderers (text, Markdown, JSON).

Sources of sheets: two files, two folders (sheets paired by file name), or a git revision
against the working tree (`--git REV`).
"""

from __future__ import annotations

import json
import os
import subprocess
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from extractor.documents import MAX_SHEET_BYTES, read_capped

# The model (pydantic) comes with the loader's validation, and humanize (the lexicon) only with
# the Markdown renderer: `show`, `diff` of equal files and check's diffs need neither here.
SPAN_FIELDS = ("start", "end", "line")
# The version of `diff --format json` output; it grows by adding keys only.
DIFF_SCHEMA_VERSION = 1
# The last line of every Markdown report: a workflow finds its earlier comment by it and edits
# that comment in place instead of adding one per push.
COMMENT_MARKER = "<!-- factsheet-diff -->"


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
    # set when a removed and an added fact at the same place were paired as one change
    new_id: str | None = None
    old: dict[str, Any] = field(default_factory=dict, repr=False)
    new: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class SheetDiff:
    name: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[FactChange] = field(default_factory=list)
    moved: list[FactChange] = field(default_factory=list)  # only span offsets/line differ
    source: list[FieldChange] = field(default_factory=list)
    note: str | None = None  # "sheet added" / "sheet removed"
    source_path: str | None = None  # the document's path, for links to its lines

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

    def summary(self) -> str:
        """One line: `3 changed, 1 added in 2 sheets`."""
        if self.empty:
            return "no differences"
        counts = self.counts()
        parts = [f"{counts[k]} {k}" for k in ("changed", "added", "removed", "moved") if counts[k]]
        touched = sum(1 for s in self.sheets if not s.empty)
        if not parts:
            parts = ["source changed"]
        return f"{', '.join(parts)} in {touched} sheet{'s' if touched != 1 else ''}"


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


def diff_sheets(
    old: dict[str, Any] | None, new: dict[str, Any] | None, name: str, *, pair: bool = False
) -> SheetDiff:
    """Facts matched by id.  With `pair`, a removed and an added fact of the same family at the
    same place are reported as one change (see `pair_changes`)."""
    report = _unchanged(name, new or old)
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
        entry = FactChange(fid, str(fact.get("family")), quote, changes, None, fact, new_facts[fid])
        span_only = all(c.path in {f"span.{k}" for k in SPAN_FIELDS} for c in changes)
        (report.moved if span_only else report.changed).append(entry)
    if pair:
        pair_changes(report, old, new)
    return report


def _unchanged(name: str, sheet: dict[str, Any] | None) -> SheetDiff:
    """The report on a sheet that is the same on both sides: empty, with its source's path."""
    report = SheetDiff(name)
    report.source_path = str((sheet or {}).get("source", {}).get("path", "")) or None
    return report


def _pos(fact: dict[str, Any], key: str) -> int:
    span = fact.get("span")
    value = span.get(key) if isinstance(span, dict) else None
    return value if isinstance(value, int) else 0


# Two spans this close (after the text's shift) are "at the same place": "$16 million" edited
# to "about $18 million" overlaps; "16" -> "18 million" touches.
ADJACENT = 2


def _shifts(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[int, int, int]]:
    """(old start, offset shift, line shift) of every fact in both sheets, by old start."""
    new_spans = {f["id"]: f.get("span", {}) for f in new.get("facts", [])}
    out = []
    for fact in old.get("facts", []):
        span, moved = fact.get("span", {}), new_spans.get(fact["id"])
        if moved is not None and "start" in span and "start" in moved:
            out.append(
                (span["start"], moved["start"] - span["start"], moved["line"] - span["line"])
            )
    return sorted(out)


def _shift_at(shifts: list[tuple[int, int, int]], start: int) -> tuple[int, int]:
    """How far the text at `start` moved: the shift of the nearest surviving fact before it."""
    index = bisect_right(shifts, (start, 1 << 62, 0)) - 1
    if index >= 0:
        return shifts[index][1], shifts[index][2]
    return (shifts[0][1], shifts[0][2]) if shifts else (0, 0)


def pair_changes(report: SheetDiff, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Pair each removed fact with an added fact of the same family at the same place (spans
    overlapping or adjacent once the text's shift is applied; failing that, the only removed and
    the only added fact of that family on the same line), and report the pair as one change,
    field by field.  Ids stay as they are: the change names both."""
    shifts = _shifts(old, new)
    placed = []
    for fact in report.removed:
        d_start, d_line = _shift_at(shifts, _pos(fact, "start"))
        placed.append(
            (
                fact,
                _pos(fact, "start") + d_start,
                _pos(fact, "end") + d_start,
                _pos(fact, "line") + d_line,
            )
        )

    def same_line(family: str, line: int, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [f for f in facts if f.get("family") == family and _pos(f, "line") == line]

    added = list(report.added)
    paired: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for fact, start, end, line in placed:
        family = fact.get("family")
        near = [
            a
            for a in added
            if a.get("family") == family
            and _pos(a, "start") <= end + ADJACENT
            and start <= _pos(a, "end") + ADJACENT
        ]
        if not near:
            lonely = same_line(str(family), line, added)
            rivals = [p for p in placed if p[0].get("family") == family and p[3] == line]
            near = lonely if len(lonely) == 1 and len(rivals) == 1 else []
        if near:
            partner = min(near, key=lambda a: abs(_pos(a, "start") - start))
            added.remove(partner)
            paired.append((fact, partner))
    if not paired:
        return
    taken_old = {id(f) for f, _ in paired}
    report.removed = [f for f in report.removed if id(f) not in taken_old]
    report.added = added
    for before, after in paired:
        changes = [
            c
            for c in _field_changes(before, {**after, "id": before["id"]})
            if c.path not in {f"span.{k}" for k in SPAN_FIELDS}
        ]
        quote = str(after.get("span", {}).get("quote", ""))
        report.changed.append(
            FactChange(
                before["id"], str(before.get("family")), quote, changes, after["id"], before, after
            )
        )
    order = {f["id"]: i for i, f in enumerate(new.get("facts", []))}
    report.changed.sort(key=lambda c: order.get(c.new_id or c.id, len(order)))


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


def _same_bytes(old: Path, new: Path) -> bool:
    """Do the two files hold the same bytes?  (False when either cannot be read: loading it
    says why.)"""
    try:
        return read_capped(old, MAX_SHEET_BYTES, follow_symlinks=True) == read_capped(
            new, MAX_SHEET_BYTES, follow_symlinks=True
        )
    except OSError:
        return False


def _diff_files(old: Path | None, new: Path | None, name: str) -> SheetDiff:
    """Two sheet files (None: not on that side), loaded and validated, old first.  Equal bytes
    are loaded and validated once (the same bytes load as the same data, or fail the same way)
    and differ in nothing."""
    if old is not None and new is not None and _same_bytes(old, new):
        return _unchanged(name, _load(old))
    return diff_sheets(
        _load(old) if old is not None else None,
        _load(new) if new is not None else None,
        name,
        pair=True,
    )


def diff_paths(old: Path, new: Path) -> DiffReport:
    report = DiffReport()
    if old.is_dir() and new.is_dir():
        a, b = _sheets_in(old), _sheets_in(new)
        for name in sorted(set(a) | set(b)):
            report.sheets.append(_diff_files(a.get(name), b.get(name), name))
        return report
    for p in (old, new):
        if str(p) != "-" and not p.exists():
            raise DiffError(f"{p}: no such file or folder")
    if old.is_dir() or new.is_dir():
        raise DiffError("compare two files or two folders, not one of each")
    if str(old) == "-" or str(new) == "-":  # standard input is read once, by the loader
        report.sheets.append(diff_sheets(_load(old), _load(new), new.name, pair=True))
    else:
        report.sheets.append(_diff_files(old, new, new.name))
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
        text = None
        if name in listing:
            where = f"{rev}:{rel}/{name}"
            text = _git(["show", where], top)
            try:
                old = parse_sheet_text(text, where)
            except SheetError as exc:
                raise DiffError(str(exc)) from None
        if name in now and text is not None and _holds(now[name], text):
            report.sheets.append(_unchanged(name, old))  # the same text: the same valid sheet
            continue
        report.sheets.append(
            diff_sheets(old, _load(now[name]) if name in now else None, name, pair=True)
        )
    return report


def _holds(path: Path, text: str) -> bool:
    """Does the file at `path` hold exactly `text` (UTF-8)?"""
    try:
        return read_capped(path, MAX_SHEET_BYTES, follow_symlinks=True) == text.encode("utf-8")
    except OSError:
        return False


# ---- rendering -------------------------------------------------------------------------------


def _attribution_fields() -> tuple[str, ...]:
    from extractor.model import ATTRIBUTION_FIELDS

    return (*ATTRIBUTION_FIELDS, "restates", "part_of")  # and the links to other facts


def _value(fact: dict[str, Any]) -> str:
    q = fact.get("quantity", {})
    has_value = q.get("value") is not None
    number = str(q["value"]) if has_value else f"{q.get('min')}–{q.get('max')}"
    return f"{number} {q.get('unit', '')}".strip()


def _words(fact: dict[str, Any]) -> str:
    """The quantity as a reader writes it: `nearly NZ$18 million`."""
    q = fact.get("quantity")
    from extractor import humanize

    return humanize.quantity(q) if isinstance(q, dict) else ""


def _fmt(v: Any) -> str:
    if v is None:
        return "(none)"
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _quote(fact: dict[str, Any]) -> str:
    return str(fact.get("span", {}).get("quote", ""))


def _ids(ch: FactChange) -> str:
    return f"{ch.id} -> {ch.new_id}" if ch.new_id else ch.id


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
            lines.append(paint(f'  ~ changed {_ids(ch)} ({ch.family}) "{ch.quote}"', "33"))
            lines.extend(f"      {c.path}: {_fmt(c.old)} -> {_fmt(c.new)}" for c in ch.changes)
        for ch in sheet.moved:
            where = ", ".join(f"{c.path.split('.')[-1]} {c.old} -> {c.new}" for c in ch.changes)
            lines.append(f'  > moved {ch.id} "{ch.quote}": {where}')
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def _cell(text: Any) -> str:
    """Table-safe Markdown: no pipes, newlines or raw HTML from the sheet reach the comment."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", " ")
    )


def line_link(path: str | None, line: Any, env: Mapping[str, str]) -> str:
    """`line 54`, as a link to that line of the source at the commit under review when the
    GitHub Actions variables are set."""
    if not isinstance(line, int):
        return ""
    server, repo, sha = (
        env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    if not (path and server and repo and sha) or path.startswith(("/", "-")) or ".." in path:
        return f"line {line}"
    url = f"{server.rstrip('/')}/{quote(repo)}/blob/{quote(sha)}/{quote(path)}#L{line}"
    return f"[line {line}]({url})"


def _md_value(value: Any, path: str) -> str:
    """A field's value in the comment: numbers grouped (`18,000,000`), hashes shortened."""
    if path.endswith("sha256") and isinstance(value, str):
        return f"`{value[:12]}…`"
    if isinstance(value, int | float) and not isinstance(value, bool) and path != "year":
        from extractor import humanize

        return humanize.number(value) if not path.endswith(("since", "line")) else str(value)
    return _cell(_fmt(value))


def _attribution(fact: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}: {_cell(_fmt(fact[k]))}" for k in _attribution_fields() if fact.get(k) is not None
    )


def render_markdown(report: DiffReport, env: Mapping[str, str] | None = None) -> str:
    """A pull-request comment: a one-line summary, source changes, then one table per family
    with the value in words, the claim, the fields that changed, the quote and the line."""
    env = os.environ if env is None else env
    out = ["### factsheet diff", ""]
    if report.empty:
        out += ["No differences in the fact sheets.", "", COMMENT_MARKER]
        return "\n".join(out) + "\n"
    out.append(f"**{report.summary()}**")
    sources = [
        f"- `{_cell(s.name)}`: "
        + "; ".join(
            f"{c.path} {_md_value(c.old, c.path)} → {_md_value(c.new, c.path)}" for c in s.source
        )
        for s in report.sheets
        if s.source
    ]
    if sources:
        out += ["", "Sources that changed:", "", *sources]
    rows: dict[str, list[str]] = {}
    moves: list[str] = []

    def row(family: str, cells: list[str]) -> None:
        rows.setdefault(family, []).append("| " + " | ".join(cells) + " |")

    for sheet in report.sheets:
        name = _cell(sheet.name)
        for change, facts in (("added", sheet.added), ("removed", sheet.removed)):
            for fact in facts:
                span = fact.get("span", {})
                where = (
                    line_link(sheet.source_path, span.get("line"), env)
                    if change == "added"
                    else f"line {span.get('line')} (before)"
                )
                row(
                    str(fact.get("family")),
                    [
                        change,
                        f"`{_cell(fact.get('id'))}`",
                        _cell(_words(fact)),
                        _cell(fact.get("claim", "")),
                        _attribution(fact),
                        _cell(_quote(fact)),
                        f"{name} {where}",
                    ],
                )
        for ch in sheet.changed:
            fields = "<br>".join(
                f"`{c.path}`: {_md_value(c.old, c.path)} → {_md_value(c.new, c.path)}"
                for c in ch.changes
                if c.path != "claim"
            )
            before, after = _words(ch.old), _words(ch.new)
            value = _cell(after) if before == after else f"{_cell(before)} → {_cell(after)}"
            ids = f"`{ch.id}` → `{ch.new_id}`" if ch.new_id else f"`{ch.id}`"
            line = ch.new.get("span", {}).get("line")
            row(
                ch.family,
                [
                    "changed",
                    ids,
                    value,
                    _cell(ch.new.get("claim", "")),
                    fields,
                    _cell(ch.quote),
                    f"{name} {line_link(sheet.source_path, line, env)}",
                ],
            )
        for ch in sheet.moved:
            moved = next((c for c in ch.changes if c.path == "span.line"), None)
            what = f"line {moved.old} → {moved.new}" if moved else "offsets only"
            moves.append(
                f"| {name} | `{ch.id}` | {_cell(_words(ch.new))} | {_cell(ch.quote)} | {what} |"
            )
    for family in sorted(rows):
        out += [
            "",
            f"#### {family}",
            "",
            "| change | fact | value | claim | fields | quote | where |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows[family],
        ]
    if moves:
        out += [
            "",
            f"<details><summary>{len(moves)} moved (the text around them changed)</summary>",
            "",
            "| sheet | fact | value | quote | line |",
            "| --- | --- | --- | --- | --- |",
            *moves,
            "",
            "</details>",
        ]
    out += ["", COMMENT_MARKER]
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
        out = []
        for c in items:
            entry: dict[str, Any] = {"id": c.id}
            if c.new_id:
                entry["new_id"] = c.new_id
            entry.update(
                {
                    "family": c.family,
                    "quote": c.quote,
                    "fields": [f.__dict__ for f in c.changes],
                }
            )
            out.append(entry)
        return out

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

    data = {
        "schema_version": DIFF_SCHEMA_VERSION,
        "summary": report.summary(),
        "counts": report.counts(),
        "sheets": [sheet(s) for s in report.sheets if not s.empty],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
