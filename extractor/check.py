"""`factsheet check`: are the committed sheets valid, true to their sources and up to date?

Findings name the sheet, the YAML line and the JSON path.  When a source has changed since its
sheet was written, each committed fact is said to have moved, changed or gone, and each fact a
re-extraction would add is listed.

A finding about a source (it changed, a fresh extraction differs, it has no sheet) also has a
place in `CheckResult.places`: the file and line a GitHub annotation goes on, the source line
where the difference is rather than the sheet's.  Findings inside a sheet have no place: they are
annotated where they are.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.documents import (
    MAX_BYTES,
    MAX_SHEET_BYTES,
    SUFFIXES,
    Document,
    DocumentError,
    decode,
    load_document,
    read_capped,
)
from extractor.sheets import SheetFile, find_sheets
from extractor.sources import display_path, scan
from extractor.validate import Finding, line_of

# A current sheet is checked from bytes and digests alone: the YAML loader, the model, the diff
# and the layout are imported only for a sheet that needs a closer look.
if TYPE_CHECKING:
    from extractor.cache import ExtractionCache
    from extractor.layout import Layout

MAX_ANNOTATIONS = 10


# Where an annotation goes: a file (None: no file, it does not exist) and a line (None: the file).
Place = tuple[str | None, int | None]


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    sheets: int = 0
    # findings annotated somewhere else than their own file and line (see the module docstring)
    places: dict[Finding, Place] = field(default_factory=dict)
    # findings that only say a fact moved: annotated after the others, as the cap allows
    moves: set[Finding] = field(default_factory=set)

    def place(self, finding: Finding) -> Place:
        """The file and line the annotation of `finding` goes on."""
        return self.places.get(finding, (finding.file, finding.line))

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.findings else 0

    @property
    def all(self) -> list[Finding]:
        return self.unreadable + self.findings


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _describe(fact: dict[str, Any]) -> str:
    q = fact.get("quantity", {})
    value = q.get("value", f"{q.get('min')}-{q.get('max')}")
    return f"{fact['id']} {fact['span']['quote']!r} ({value} {q.get('unit')})"


def _shifts(committed: dict[str, Any], fresh: dict[str, Any]) -> list[tuple[int, int, int]]:
    """(old start, offset shift, line shift) of every fact present in both sheets, in order."""
    new_by_id = {f["id"]: f["span"] for f in fresh.get("facts", [])}
    out = []
    for fact in committed.get("facts", []):
        new = new_by_id.get(fact["id"])
        if new is not None:
            old = fact["span"]
            out.append((old["start"], new["start"] - old["start"], new["line"] - old["line"]))
    return sorted(out)


def _shift_at(shifts: list[tuple[int, int, int]], start: int) -> tuple[int, int]:
    """How far text at `start` moved: the shift of the nearest surviving fact before it."""
    before = [s for s in shifts if s[0] <= start]
    chosen = before[-1] if before else (shifts[0] if shifts else (0, 0, 0))
    return chosen[1], chosen[2]


# A finding about a fact, where the fact is in the current source (offset, quote), and whether
# the fact only moved.
Located = tuple[Finding, int, str, bool]


def source_changes(
    committed: dict[str, Any], fresh: dict[str, Any], text: str, sheet: str, lines: dict[str, int]
) -> list[Finding]:
    """What happened to each committed fact in the changed source, and what is new."""
    return [located[0] for located in _source_changes(committed, fresh, text, sheet, lines)]


def _nearest(text: str, quote: str, near: int) -> int:
    """The offset of the occurrence of `quote` in `text` nearest to `near` (-1: none)."""
    after = text.find(quote, max(0, near))
    before = text.rfind(quote, 0, max(0, near) + len(quote))
    found = [pos for pos in (before, after) if pos >= 0]
    return min(found, key=lambda pos: abs(pos - near)) if found else -1


def _source_changes(
    committed: dict[str, Any], fresh: dict[str, Any], text: str, sheet: str, lines: dict[str, int]
) -> list[Located]:
    from extractor.diff import diff_sheets

    report = diff_sheets(committed, fresh, sheet)
    index = {f["id"]: i for i, f in enumerate(committed.get("facts", []))}
    now = {f["id"]: f["span"] for f in fresh.get("facts", [])}
    out: list[Located] = []

    def at(fid: str) -> tuple[int | None, str]:
        path = f"$.facts[{index[fid]}]"
        return line_of(lines, path), path

    for ch in report.moved:
        line, path = at(ch.id)
        where = next((c for c in ch.changes if c.path == "span.line"), None)
        detail = f"line {where.old} -> {where.new}" if where else "offsets changed"
        finding = Finding(sheet, line, path, f"moved: {ch.id} {ch.quote!r}, {detail}")
        out.append((finding, now[ch.id]["start"], now[ch.id]["quote"], True))
    for ch in report.changed:
        line, path = at(ch.id)
        fields = "; ".join(f"{c.path}: {c.old!r} -> {c.new!r}" for c in ch.changes)
        finding = Finding(sheet, line, path, f"changed: {ch.id} {ch.quote!r}: {fields}")
        out.append((finding, now[ch.id]["start"], now[ch.id]["quote"], False))
    added = list(report.added)
    shifts = _shifts(committed, fresh)
    for old in report.removed:
        line, path = at(old["id"])
        d_start, d_line = _shift_at(shifts, old["span"]["start"])
        shifted = {"start": old["span"]["start"] + d_start, "end": old["span"]["end"] + d_start}
        partner = next(
            (
                new
                for new in added
                if new.get("family") == old.get("family")
                and (
                    _overlaps(new["span"], shifted)
                    or new["span"]["line"] == old["span"]["line"] + d_line
                )
            ),
            None,
        )
        quote = old["span"]["quote"]
        if partner is not None:
            added.remove(partner)
            changes = diff_sheets(
                {"facts": [old]}, {"facts": [{**partner, "id": old["id"]}]}, sheet
            ).changed
            fields = "; ".join(
                f"{c.path}: {c.old!r} -> {c.new!r}"
                for ch in changes
                for c in ch.changes
                if c.path != "claim" and (not c.path.startswith("span.") or c.path == "span.quote")
            )
            finding = Finding(
                sheet,
                line,
                path,
                f"changed: {_describe(old)} now reads {partner['span']['quote']!r} "
                f"at line {partner['span']['line']} ({fields})",
            )
            out.append((finding, partner["span"]["start"], partner["span"]["quote"], False))
        elif quote in text:
            finding = Finding(
                sheet, line, path, f"moved: {_describe(old)} is elsewhere in the source now"
            )
            out.append((finding, _nearest(text, quote, shifted["start"]), quote, True))
        else:
            finding = Finding(
                sheet, line, path, f"gone: {_describe(old)} is no longer in the source"
            )
            out.append((finding, min(max(0, shifted["start"]), len(text)), "", False))
    for new in added:
        finding = Finding(
            sheet,
            None,
            "$.facts",
            f"re-extraction would add {_describe(new)} at source line {new['span']['line']}",
        )
        out.append((finding, new["span"]["start"], new["span"]["quote"], False))
    return out


def first_difference(committed: dict[str, Any], text: str) -> int | None:
    """An offset of `text` where it first differs from the text `committed` was extracted
    from, estimated from the committed quotes (the old text itself is not kept); None when the
    sheet has no fact to go by.

    The facts still at their offsets and lines, in order, were before the difference; the
    first fact that is not was at or after it.  When that fact's quote still begins where it
    was, or is nowhere in the text any more, the difference is inside it (a corrected figure):
    where its old quote and the text part.  Otherwise the fact only moved (text was added or
    taken out before it) and the difference is somewhere after the end of the last fact in
    place: that end is the offset given, the start of the text when no fact is in place.
    """
    facts = sorted(committed.get("facts", []), key=lambda f: (f["span"]["start"], f["span"]["end"]))
    if not facts:
        return None
    from extractor.layout import Layout

    layout = Layout(text)
    before = 0
    for fact in facts:
        span = fact["span"]
        start: int = span["start"]
        end: int = span["end"]
        quote: str = span["quote"]
        if text[start:end] == quote:
            if layout.line(start) == span["line"]:
                before = max(before, end)
                continue
            return before  # in place, on another line: a line break came or went before it
        same = next(
            (i for i, (a, b) in enumerate(zip(quote, text[start:end], strict=False)) if a != b),
            min(len(quote), len(text[start:end])),
        )
        if same or quote not in text:
            return max(before, min(start + same, len(text)))
        return before
    return before


class _Lines:
    """Line numbers of a source file for offsets of its document text.  For a text file they
    are the same lines; an HTML page's text is not its file, so a fact is found there by its
    quote (None when it is not there as it is)."""

    def __init__(self, doc: Document, path: Path, follow_symlinks: bool) -> None:
        from extractor.layout import Layout

        self.layout = Layout(doc.text)
        self.raw: Layout | None = None
        if path.suffix.lower() in (".html", ".htm"):
            try:
                raw = decode(read_capped(path, MAX_BYTES, follow_symlinks=follow_symlinks))
            except (OSError, DocumentError):
                raw = ""
            self.raw = Layout(raw)

    def line(self, offset: int, quote: str | None = None) -> int | None:
        if self.raw is None:
            return self.layout.line(offset)
        if not quote:
            return None
        at = self.raw.text.find(quote)
        return self.raw.line(at) if at >= 0 else None


def check(
    sources: Path,
    facts: Path,
    *,
    follow_symlinks: bool = False,
    cache: ExtractionCache | None = None,
    jobs: int = 1,
) -> CheckResult:
    """Both folders are walked as trees: `sources/a/b.txt` is checked against `facts/a/b.yaml`
    (or `.yml`, `.json`), with the same discovery `extract` and every sheet reader use.
    With `cache`, fresh extractions of unchanged sources are taken from it (see cache.py);
    with `jobs` > 1 the sources are checked on a process pool, findings in the same order."""
    result = CheckResult()
    for folder, name in ((sources, "sources"), (facts, "facts")):
        if not folder.is_dir():
            missing = Finding(folder.as_posix(), None, "$", f"{name} folder not found")
            result.unreadable.append(missing)
            result.places[missing] = (None, None)  # no file to annotate
            return result
    docs: dict[str, list[tuple[Path, str]]] = {}  # (path, source id) by sheet key
    for found in scan(sources, SUFFIXES, follow_symlinks=follow_symlinks):
        if found.reason:
            result.unreadable.append(Finding(display_path(found.path), None, "$", found.reason))
        else:
            docs.setdefault(found.key.casefold(), []).append((found.path, found.key))
    files, problems = find_sheets([facts])
    result.findings.extend(problems)
    sheets: dict[str, SheetFile] = {}
    for item in files:
        sheets.setdefault(item.key.casefold(), item)
    for key in sorted(set(sheets) - set(docs)):
        result.findings.append(
            Finding(sheets[key].display, None, "$", f"sheet has no source in {sources.as_posix()}/")
        )
    tasks: list[_Task] = []
    for key, same in sorted(docs.items(), key=lambda kv: kv[1][0][1]):
        if len(same) > 1:
            names = " and ".join(display_path(p) for p, _ in same)
            result.findings.append(
                Finding(
                    display_path(same[0][0]),
                    None,
                    "$",
                    f"{names} would write the same sheet; rename one",
                )
            )
            continue
        path, doc_id = same[0]
        sheet = sheets.get(key) or SheetFile(
            facts / f"{doc_id}.yaml", display_path(facts / f"{doc_id}.yaml"), doc_id
        )
        tasks.append(_Task(path, doc_id, sheet, facts, follow_symlinks, cache))
    # A current sheet is settled from the cache's digests; the other sources whose extraction is
    # cached are checked here, in this process; the rest on the pool (warmed once).  Results are
    # merged in source order either way.
    parts: dict[int, CheckResult] = {}
    misses = []
    for i, task in enumerate(tasks):
        current, cached = _probe(task)
        if current:
            parts[i] = CheckResult(sheets=1)
        elif jobs > 1 and not cached:
            misses.append(i)
    if len(misses) > 1:
        from extractor.parallel import ordered_map

        pooled = ordered_map(_run_task, [tasks[i] for i in misses], jobs)
        parts.update(zip(misses, pooled, strict=True))
    for i, task in enumerate(tasks):
        part = parts.get(i) or _run_task(task)
        result.findings.extend(part.findings)
        result.unreadable.extend(part.unreadable)
        result.sheets += part.sheets
        result.places.update(part.places)
        result.moves.update(part.moves)
    return result


def _probe(task: _Task) -> tuple[bool, bool]:
    """(Is the committed sheet current, does the cache hold the fresh extraction?), from the
    bytes alone.  Current: the sheet's bytes are those a fresh extraction writes (their digest
    is in the signed cache entry of this very source), so they are valid and true to the source
    by construction, and there is nothing to check.  A source that cannot be read counts as
    cached: there is nothing to extract, `_check_one` reports it."""
    if task.cache is None:
        return False, False
    try:
        data = read_capped(task.doc_path, MAX_BYTES, follow_symlinks=task.follow_symlinks)
    except OSError:
        return False, True
    # the key of `load_document`'s Document: the sha256 of these bytes, its id and its path (an
    # entry exists only for bytes that were read and extracted before, so they decode)
    key = task.cache.key(hashlib.sha256(data).hexdigest(), task.doc_id, display_path(task.doc_path))
    entry = task.cache.entry(key)
    if entry is None:
        return False, False
    try:
        committed = read_capped(task.sheet.path, MAX_SHEET_BYTES, follow_symlinks=True)
    except OSError:
        return False, True
    as_json = task.sheet.path.suffix.lower() == ".json"
    digest = hashlib.sha256(committed).hexdigest()
    return digest == (entry.json_sha256 if as_json else entry.yaml_sha256), True


@dataclass(frozen=True)
class _Task:
    doc_path: Path
    doc_id: str
    sheet: SheetFile
    facts: Path
    follow_symlinks: bool
    cache: ExtractionCache | None


def _run_task(task: _Task) -> CheckResult:
    part = CheckResult()
    _check_one(
        part, task.doc_path, task.doc_id, task.sheet, task.facts, task.follow_symlinks, task.cache
    )
    return part


def _fresh(
    doc: Document, cache: ExtractionCache | None
) -> tuple[dict[str, Any] | None, str | None, str | None]:
    """A fresh extraction of `doc` (from the cache when it holds one) and its YAML, or the
    reason why not."""
    from extractor.yamlio import dump_yaml

    key = cache.key(doc.sha256, doc.id, doc.path) if cache is not None else ""
    fresh = cache.get(key) if cache is not None else None
    if fresh is not None:
        return fresh, dump_yaml(fresh), None
    from extractor.pipeline import ExtractionError, extract_document  # only on a miss

    try:
        fresh = extract_document(doc).to_data()
    except ExtractionError as exc:
        return None, None, str(exc)
    text = dump_yaml(fresh)
    if cache is not None:
        cache.put(key, fresh, text)
    return fresh, text, None


def _committed_text(path: Path) -> str | None:
    try:
        return read_capped(path, MAX_SHEET_BYTES, follow_symlinks=True).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _check_one(
    result: CheckResult,
    doc_path: Path,
    doc_id: str,
    sheet: SheetFile,
    facts: Path,
    follow_symlinks: bool,
    cache: ExtractionCache | None = None,
) -> None:
    shown = sheet.display
    rerun = f"run: factsheet extract {display_path(doc_path)} -o {facts.as_posix()}"
    if not sheet.path.exists():
        missing = Finding(
            shown, None, "$", f"no sheet for source {display_path(doc_path)}; {rerun}"
        )
        result.findings.append(missing)
        result.places[missing] = (display_path(doc_path), 1)  # the sheet is not there to annotate
        return
    result.sheets += 1
    doc_error = ""
    try:
        doc: Document | None = load_document(
            doc_path, display=display_path(doc_path), doc_id=doc_id, follow_symlinks=follow_symlinks
        )
    except DocumentError as exc:
        doc, doc_error = None, str(exc)
    fresh, fresh_yaml, fresh_error = _fresh(doc, cache) if doc is not None else (None, None, None)
    if fresh is not None:
        from extractor.yamlio import dump_json

        as_json = sheet.path.suffix.lower() == ".json"
        fresh_text = dump_json(fresh) + "\n" if as_json else fresh_yaml
        if fresh_text == _committed_text(sheet.path):
            return  # the very bytes a valid extraction of this source writes: nothing to check
    from extractor.sheets import load

    loaded = load(sheet)
    data, lines, problems = loaded.data, loaded.lines, loaded.findings
    if data is None:
        result.unreadable.extend(problems)
        return
    result.findings.extend(problems)
    if doc is None:
        result.unreadable.append(Finding(display_path(doc_path), None, "$", doc_error))
        return
    if problems:
        return
    source_changed = data["source"]["sha256"] != doc.sha256
    hash_finding = None
    if source_changed:
        hash_finding = Finding(
            shown,
            line_of(lines, "$.source.sha256"),
            "$.source.sha256",
            f"source hash differs: {display_path(doc_path)} changed since extraction; {rerun}",
        )
        result.findings.append(hash_finding)
    else:
        for i, fact in enumerate(data["facts"]):
            span = fact["span"]
            actual = doc.text[span["start"] : span["end"]]
            if actual != span["quote"]:
                path = f"$.facts[{i}].span.quote"
                result.findings.append(
                    Finding(
                        shown,
                        line_of(lines, path),
                        path,
                        f"quote {span['quote']!r} != source text {actual!r} "
                        f"at {span['start']}-{span['end']}",
                    )
                )
    if fresh is None:
        result.unreadable.append(Finding(display_path(doc_path), None, "$", str(fresh_error)))
        return
    # Each finding about the source is annotated on the source, at the line where it differs.
    source = display_path(doc_path)
    where = _Lines(doc, doc_path, follow_symlinks)
    details = _source_changes(data, fresh, doc.text, shown, lines)
    fact_lines: list[int] = []
    for finding, offset, quote, moved in details:
        line = where.line(offset, quote)
        result.places[finding] = (source, line)
        if moved:
            result.moves.add(finding)
            continue  # the line a fact moved to is not where the text changed
        if line is not None:
            fact_lines.append(line)
    first = min(fact_lines, default=None)
    if hash_finding is not None:
        estimate = first_difference(data, doc.text) if where.raw is None else None
        differs = where.line(estimate) if estimate is not None else first
        result.places[hash_finding] = (source, differs or 1)
    else:
        stale = Finding(
            shown,
            None,
            "$",
            f"out of date: a fresh extraction differs ({len(details)} fact(s)); {rerun}",
        )
        result.findings.append(stale)
        result.places[stale] = (source, first or 1)
    result.findings.extend(located[0] for located in details)


# ---- output ----------------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult) -> str:
    """GitHub workflow commands: at most MAX_ANNOTATIONS `::error` lines in all, the overflow
    said in one `::notice`, then a summary line.  Each annotation is on its finding's place
    (the source line for a changed source); when that is not the finding's own file and line,
    the title names them (the sheet and its line)."""
    lines = []
    shown = sorted(result.all, key=lambda finding: finding in result.moves)  # stable
    for finding in shown[:MAX_ANNOTATIONS]:
        file, line = result.place(finding)
        props = [f"file={_escape_property(file)}"] if file else []
        if file and line:
            props.append(f"line={line}")
        title = "factsheet check "
        if (file, line) != (finding.file, finding.line):
            title += f"{finding.file}:{finding.line} " if finding.line else f"{finding.file} "
        props.append(f"title={_escape_property(title + finding.path)}")
        lines.append(f"::error {','.join(props)}::{_escape_data(finding.message)}")
    extra = len(result.all) - MAX_ANNOTATIONS
    if extra > 0:
        lines.append(
            f"::notice::{extra} more problem(s) not shown as annotations; run factsheet check"
        )
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def summary_line(result: CheckResult) -> str:
    if not result.all:
        return f"factsheet check: {result.sheets} sheet(s) valid, true to their sources, up to date"
    return f"factsheet check: {len(result.all)} problem(s) in {result.sheets} sheet(s)"


def render_markdown_summary(result: CheckResult) -> str:
    out = ["## factsheet check", "", summary_line(result), ""]
    if result.all:
        out += ["| file | line | field | problem |", "| --- | --- | --- | --- |"]
        for f in result.all:
            message = f.message.replace("|", "\\|").replace("\n", " ")
            out.append(f"| {f.file} | {f.line or ''} | `{f.path}` | {message} |")
    return "\n".join(out) + "\n"


def render_json(result: CheckResult) -> str:
    return (
        json.dumps(
            {
                "schema_version": 1,
                "exit_code": result.exit_code,
                "sheets": result.sheets,
                "findings": [f.__dict__ for f in result.all],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
