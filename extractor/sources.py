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


@dataclass(frozen=True)
class Found:
    """A file found below a folder by `scan`."""

    path: Path
    reason: str | None  # why it is not used (a symbolic link not followed), else None
    parts: tuple[str, ...]  # its path below the folder
    linked: bool  # reached through a symbolic link (to it, or to a folder on the way)

    @property
    def key(self) -> str:
        """Its path below the folder without the suffix: `2024/05/x` (the source id, the sheet
        key)."""
        return "/".join((*self.parts[:-1], self.path.stem))


def scan(folder: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False) -> list[Found]:
    """Files under `folder` whose suffix is in `suffixes`, sorted by their path below `folder`,
    hidden files and folders left out; symbolic links that are not followed come with a reason.
    A folder reached twice (a link cycle) is walked once; one that cannot be read is skipped."""
    found: list[Found] = []
    seen: set[tuple[int, int]] = set()  # folders already walked
    link_reason = "is a symbolic link (use --follow-symlinks)"

    def visit(top: str, parts: tuple[str, ...], linked: bool) -> None:
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
            info = os.stat(top)
        except OSError:
            return
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        base = Path(top)
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    folders.append(entry)
                continue
            name = entry.name
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            symlink = entry.is_symlink()
            if symlink and not follow_symlinks:
                found.append(Found(path, link_reason, (*parts, name), True))
            elif entry.is_file():
                found.append(Found(path, None, (*parts, name), linked or symlink))
        for entry in sorted(folders, key=lambda e: e.name):
            symlink = entry.is_symlink()
            if symlink and not follow_symlinks:
                found.append(Found(base / entry.name, link_reason, (*parts, entry.name), True))
            else:
                visit(os.path.join(top, entry.name), (*parts, entry.name), linked or symlink)

    visit(os.fspath(folder), (), False)
    found.sort(key=lambda item: item.parts)
    return found


def walk(
    folder: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False
) -> Iterator[tuple[Path, str | None]]:
    """Files under `folder` whose suffix is in `suffixes`, sorted by their path below `folder`;
    with a reason (else None) for symbolic links that are not followed."""
    for item in scan(folder, suffixes, follow_symlinks=follow_symlinks):
        yield item.path, item.reason


def real_path(real_folder: str, item: Found) -> str:
    """`os.path.realpath` of a file `scan` found below the folder whose real path is
    `real_folder`: without a symbolic link on the way, that path and the file's own."""
    return os.path.realpath(item.path) if item.linked else os.path.join(real_folder, *item.parts)


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

    def add(item: Input, real: str | None = None) -> None:
        assert item.path is not None
        key = (real or os.path.realpath(item.path), item.id)
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
            found = scan(path, SUFFIXES, follow_symlinks=follow_symlinks)
            if not found:
                problems.append((raw, "folder holds no .txt, .md or .html file"))
            real = os.path.realpath(path)
            for item in found:
                if item.reason:
                    problems.append((display_path(item.path), item.reason))
                else:
                    add(Input(item.path, display_path(item.path), item.key), real_path(real, item))
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
