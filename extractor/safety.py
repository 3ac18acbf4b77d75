"""Safe outputs: what `render` may read and write, and what spreadsheets may not execute.

- A page's file name comes from a sanitised source id, never from a path.
- A sheet's `source.path` is only read under one root folder (`--sources`, or the sheet's own
  repository root): never an absolute path, never `..`, never through a symlink, regular files
  only (no FIFOs or devices), with the size cap applied while reading.
- Spreadsheet cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a `'`
  in front, so Excel, LibreOffice and Google Sheets show them as text, not as a formula.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from extractor.documents import MAX_BYTES


class UnsafePath(Exception):
    """A path a sheet names that factsheet will not read; the message says why."""


_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 120


def safe_name(source_id: str) -> str:
    """A file name (without suffix) for a source id: the id itself when it is already a plain
    name, otherwise its safe characters plus a hash of the whole id, so two different ids
    never share a page."""
    cleaned = _UNSAFE_CHARS.sub("_", source_id).strip("._-")[:MAX_NAME]
    if cleaned == source_id and cleaned not in ("", "index"):
        return cleaned
    digest = hashlib.sha256(source_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned or 'document'}-{digest}"


def relative_source(path: str) -> PurePosixPath:
    """`source.path` as a relative path inside a root, or UnsafePath."""
    if not path or "\x00" in path:
        raise UnsafePath("empty source path")
    if path.startswith(("/", "\\")) or PureWindowsPath(path).drive or ":" in path.split("/")[0]:
        raise UnsafePath("absolute source path refused")
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if ".." in parts:
        raise UnsafePath("source path with '..' refused")
    return PurePosixPath(*[p for p in parts if p != "."])


def repository_root(sheet_file: Path) -> Path:
    """The folder a sheet's `source.path` is relative to: the nearest folder above the sheet
    that holds `.git`, else the working directory."""
    for folder in sheet_file.resolve().parents:
        if (folder / ".git").exists():
            return folder
    return Path.cwd()


def read_source(root: Path, path: str, *, by_name: bool = False) -> bytes:
    """The bytes of `path` (a sheet's `source.path`) under `root`; with `by_name`, also try
    the file name alone (a `--sources` folder that holds the documents directly)."""
    rel = relative_source(path)
    top = root.resolve()
    candidates = [top / rel]
    if by_name and len(rel.parts) > 1:
        candidates.append(top / rel.name)
    chosen = next((c for c in candidates if os.path.lexists(c)), None)
    if chosen is None:
        raise UnsafePath(f"no such file under {root.as_posix()}/")
    for parent in [chosen, *chosen.parents]:
        if parent == top:
            break
        if parent.is_symlink():
            raise UnsafePath("source path through a symlink refused")
    if not chosen.resolve().is_relative_to(top):
        raise UnsafePath(f"source path outside {root.as_posix()}/ refused")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(chosen, flags)
    except OSError as exc:
        raise UnsafePath(exc.strerror or "cannot be read") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath("not a regular file")
        if info.st_size > MAX_BYTES:
            raise UnsafePath(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UnsafePath(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Prefix `'` to a text cell a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
