"""One notion of "a sheet", shared by every command that reads sheets (check, validate, diff,
export, render, show): the same discovery, the same extensions, the same loader and validation.

- A folder is walked with its sub-folders (hidden ones skipped), in sorted order; every
  `*.yaml`, `*.yml` and `*.json` file in it is a sheet.  A file named on the command line is read
  whatever its name.
- A sheet's key is where it sits: its path below the folder without the suffix (a file named on
  the command line: its stem).  Two files with one key (`x.yaml` and `x.json`) are an error that
  names both, and so are two sheets with the same `source.id`.
- Loading refuses what `yamlio` refuses (aliases, duplicate keys, deep nesting, ...); validation
  is `validate.validate_sheet` (the model, then the schema for wording).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.sources import SHEET_SUFFIXES, display_path, real_path, scan
from extractor.validate import Finding, line_of

# The loader (PyYAML) and the model (pydantic) are imported when a sheet is read, so finding
# sheets (check of current sheets) does not pay for them.
if TYPE_CHECKING:
    from extractor.model import FactSheet


@dataclass(frozen=True)
class SheetFile:
    path: Path
    display: str  # for messages: relative to the working directory when inside it
    key: str  # its place in the tree: `2024/05/x` for facts/2024/05/x.yaml


@dataclass
class LoadedSheet:
    file: SheetFile
    data: Any = None  # None when the file could not be read or parsed
    lines: dict[str, int] = field(default_factory=dict)
    sheet: FactSheet | None = None  # None unless valid
    findings: list[Finding] = field(default_factory=list)

    @property
    def unreadable(self) -> bool:
        return self.data is None


class SheetError(Exception):
    """A sheet that cannot be used; the message names the file, and the line when known."""


def find_sheets(paths: list[Path]) -> tuple[list[SheetFile], list[Finding]]:
    """The sheet files in `paths` (files and folder trees), in order, each once; findings for
    missing paths, empty folders and two files with one key."""
    files: list[SheetFile] = []
    problems: list[Finding] = []
    seen: set[str] = set()  # real paths
    for path in paths:
        if str(path) == "-":  # standard input: one sheet
            found = [(SheetFile(path, "-", "stdin"), os.path.realpath(path))]
        elif path.is_dir():
            folder = os.path.realpath(path)
            found = [
                (SheetFile(f.path, display_path(f.path), f.key), real_path(folder, f))
                for f in scan(path, SHEET_SUFFIXES, follow_symlinks=True)
            ]
            problems += _key_clashes([item for item, _ in found])
        elif path.exists():
            found = [(SheetFile(path, display_path(path), path.stem), os.path.realpath(path))]
        else:
            problems.append(Finding(display_path(path), None, "$", "no such file or folder"))
            continue
        for item, real in found:
            if real not in seen:  # a folder and a file in it, or a folder twice: read once
                seen.add(real)
                files.append(item)
    return files, problems


def _key_clashes(files: list[SheetFile]) -> list[Finding]:
    by_key: dict[str, list[SheetFile]] = {}
    for item in files:
        by_key.setdefault(item.key.casefold(), []).append(item)
    out = []
    for group in by_key.values():
        for item in group[1:]:
            out.append(
                Finding(
                    item.display,
                    None,
                    "$",
                    f"two sheets for one document: {group[0].display} and {item.display}",
                )
            )
    return out


def load(file: SheetFile) -> LoadedSheet:
    """Read, parse and validate one sheet file."""
    from extractor.validate import validate_sheet
    from extractor.yamlio import SheetLoadError, read_sheet_file

    loaded = LoadedSheet(file)
    try:
        loaded.data, loaded.lines = read_sheet_file(file.path)
    except SheetLoadError as exc:
        loaded.findings.append(Finding(file.display, exc.line, "$", str(exc)))
        return loaded
    loaded.sheet, loaded.findings = validate_sheet(loaded.data, loaded.lines, file.display)
    return loaded


def duplicate_sources(loaded: list[LoadedSheet]) -> list[Finding]:
    """Two valid sheets that claim the same source id."""
    first: dict[str, LoadedSheet] = {}
    out = []
    for item in loaded:
        if item.sheet is None:
            continue
        sid = item.sheet.source.id
        if sid in first:
            out.append(
                Finding(
                    item.file.display,
                    line_of(item.lines, "$.source.id"),
                    "$.source.id",
                    f"duplicate source id {sid!r}: {first[sid].file.display} has it too",
                )
            )
        else:
            first[sid] = item
    return out


def load_all(paths: list[Path]) -> tuple[list[LoadedSheet], list[Finding]]:
    """Every sheet in `paths`, loaded and validated, and the findings about the set as a whole
    (missing paths, key clashes, duplicate source ids).  Each sheet's own findings stay on it."""
    files, problems = find_sheets(paths)
    loaded = [load(f) for f in files]
    return loaded, problems + duplicate_sources(loaded)


def load_valid(paths: list[Path]) -> tuple[list[FactSheet], list[Finding]]:
    """The valid sheets in `paths`, or every finding that stops a command from using them."""
    loaded, problems = load_all(paths)
    findings = problems + [f for item in loaded for f in item.findings]
    return [item.sheet for item in loaded if item.sheet is not None], findings


def load_sheet(path: Path) -> FactSheet:
    """Read and validate one sheet; SheetError names the file, line and field when invalid."""
    item = load(SheetFile(path, display_path(path), path.stem))
    if item.sheet is None:
        raise SheetError(str(item.findings[0]) if item.findings else f"{path}: invalid")
    return item.sheet


def load_sheet_data(path: Path) -> dict[str, Any]:
    """`load_sheet` as plain data, as read (for diff and show)."""
    item = load(SheetFile(path, display_path(path), path.stem))
    if item.sheet is None:
        raise SheetError(str(item.findings[0]) if item.findings else f"{path}: invalid")
    assert isinstance(item.data, dict)
    return item.data


def parse_sheet_text(text: str, display: str) -> dict[str, Any]:
    """A sheet from text (e.g. `git show REV:path`), loaded and validated like a file."""
    from extractor.validate import validate_sheet
    from extractor.yamlio import SheetLoadError, load_yaml_with_lines

    try:
        data, lines = load_yaml_with_lines(text)
    except SheetLoadError as exc:
        raise SheetError(str(Finding(display, exc.line, "$", str(exc)))) from None
    sheet, findings = validate_sheet(data, lines, display)
    if sheet is None:
        raise SheetError(str(findings[0]) if findings else f"{display}: invalid")
    assert isinstance(data, dict)
    return data
