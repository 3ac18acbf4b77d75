"""Finding inputs: files, folders (every *.txt, *.md, *.html inside, sorted) and stdin."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from extractor.documents import SUFFIXES


@dataclass(frozen=True)
class Input:
    path: Path | None  # None for stdin
    display: str  # the path recorded in the sheet: relative, forward slashes


def display_path(path: Path) -> str:
    """A path for sheets and messages: relative to the working directory when inside it, so
    output never depends on where the repository is checked out."""
    try:
        rel = os.path.relpath(path.resolve(), Path.cwd().resolve())
    except ValueError:
        return path.name
    if rel.startswith(".."):
        return path.as_posix() if not path.is_absolute() else path.name
    return Path(rel).as_posix()


def expand(paths: list[str]) -> tuple[list[Input], list[tuple[str, str]]]:
    """Inputs in a stable order, and (path, reason) for those that cannot be used."""
    inputs: list[Input] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            inputs.append(Input(None, "-"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
            if not found:
                problems.append((raw, "folder holds no .txt, .md or .html file"))
            inputs.extend(Input(p, display_path(p)) for p in found)
        elif path.exists():
            inputs.append(Input(path, display_path(path)))
        else:
            problems.append((raw, "no such file or folder"))
    return inputs, problems
