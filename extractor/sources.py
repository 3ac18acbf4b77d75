"""Finding inputs: files, folder trees (every *.txt, *.md, *.html inside, sorted) and stdin.

Source ids: a file given by name has its stem as id (`seeds/000_x.txt` -> `000_x`).  A file found
inside a folder given on the command line has its path below that folder, without the suffix, as
id (`archive/2024/05/x.txt` -> `2024/05/x`), so a file directly inside the folder keeps its stem
and same-named files in different sub-folders keep different ids.  The sheet of a source lives
at `<output>/<id>.yaml`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.documents import SUFFIXES

SHEET_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Input:
    path: Path | None  # None for stdin
    display: str  # the path recorded in the sheet: relative, forward slashes
    id: str = "stdin"  # the source id; the sheet is written to <output>/<id>.yaml


def display_path(path: Path) -> str:
    """A path for sheets and messages: relative to the working directory when inside it, so
    output never depends on where the repository is checked out.  A symbolic link is named as
    itself, not as its target."""
    if not path.is_absolute():  # the common case, without asking for the working directory
        rel = os.path.normpath(path)  # what relpath(abspath(path), cwd) gives when inside it
        if not rel.startswith(".."):
            return rel if os.sep == "/" else Path(rel).as_posix()
    try:
        rel = os.path.relpath(os.path.abspath(path), os.getcwd())
    except ValueError:
        return path.name
    if rel.startswith(".."):
        return path.as_posix() if not path.is_absolute() else path.name
    return Path(rel).as_posix()


def walk(
    folder: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False
) -> Iterator[tuple[Path, str | None]]:
    """Files under `folder` whose suffix is in `suffixes`, sorted by their path below `folder`;
    with a reason (else None) for symbolic links that are not followed."""
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()  # folders already walked: a link cycle is walked once
    for top, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        base = Path(top)
        try:
            info = os.stat(base)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if not follow_symlinks:
            for d in dirs:
                if (base / d).is_symlink():
                    found.append((base / d, "is a symbolic link (use --follow-symlinks)"))
        for name in files:
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            if path.is_symlink() and not follow_symlinks:
                found.append((path, "is a symbolic link (use --follow-symlinks)"))
            elif path.is_file():
                found.append((path, None))
    found.sort(key=lambda item: item[0].relative_to(folder).parts)
    yield from found


def tree_id(path: Path, folder: Path) -> str:
    """The source id of a file found below `folder`: its relative path without the suffix."""
    return path.relative_to(folder).with_suffix("").as_posix()


def expand(
    paths: list[str], *, follow_symlinks: bool = False
) -> tuple[list[Input], list[tuple[str, str]]]:
    """Inputs in a stable order, and (path, reason) for those that cannot be used.

    Sheets (.yaml, .yml, .json) and files that are not documents are refused by name; the same
    file named twice (or named and found in a folder with the same id) is read once.
    """
    inputs: list[Input] = []
    problems: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(item: Input) -> None:
        assert item.path is not None
        key = (str(item.path.resolve()), item.id)
        if key not in seen:
            seen.add(key)
            inputs.append(item)

    for raw in paths:
        if raw == "-":
            inputs.append(Input(None, "-", "stdin"))
            continue
        path = Path(raw)
        if path.is_symlink() and not follow_symlinks:
            problems.append((raw, "is a symbolic link (use --follow-symlinks to read it)"))
        elif path.is_dir():
            found = list(walk(path, SUFFIXES, follow_symlinks=follow_symlinks))
            if not found:
                problems.append((raw, "folder holds no .txt, .md or .html file"))
            for p, reason in found:
                if reason:
                    problems.append((display_path(p), reason))
                else:
                    add(Input(p, display_path(p), tree_id(p, path)))
        elif path.suffix.lower() in SHEET_SUFFIXES:
            problems.append((raw, "a fact sheet, not a document (extract reads .txt, .md, .html)"))
        elif path.exists() and path.suffix.lower() not in SUFFIXES:
            problems.append((raw, "not a document: extract reads .txt, .md and .html files"))
        elif path.exists():
            add(Input(path, display_path(path), path.stem))
        else:
            problems.append((raw, "no such file or folder"))
    return inputs, problems


def clashes(inputs: list[Input]) -> tuple[list[Input], list[tuple[str, str]]]:
    """Inputs that would write the same sheet (same id): all of them are refused, each with a
    reason naming the other."""
    by_id: dict[str, list[Input]] = {}
    for item in inputs:
        by_id.setdefault(item.id.casefold(), []).append(item)
    keep: list[Input] = []
    problems: list[tuple[str, str]] = []
    for item in inputs:
        group = by_id[item.id.casefold()]
        if len(group) == 1:
            keep.append(item)
            continue
        others = ", ".join(o.display for o in group if o is not item)
        problems.append((item.display, f"would write the same sheet ({item.id}) as {others}"))
    return keep, problems
