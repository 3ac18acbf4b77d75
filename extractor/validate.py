"""Schema validation of sheet files, with errors that name file, line and JSON path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from extractor.model import json_schema
from extractor.yamlio import SheetLoadError, read_sheet_file


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | None
    path: str  # JSON path, "$" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}"


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema())


def json_path(parts: Any) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def line_of(lines: dict[str, int], path: str) -> int | None:
    """The line of `path`, or of its nearest parent that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
    return lines.get("$")


def validate_data(data: Any, lines: dict[str, int], file: str) -> list[Finding]:
    findings = []
    for error in sorted(
        validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = json_path(error.absolute_path)
        findings.append(Finding(file, line_of(lines, path), path, error.message))
    return findings


def validate_file(
    path: Path, display: str | None = None
) -> tuple[Any, dict[str, int], list[Finding]]:
    """Load and schema-validate one sheet; returns the data (None if unreadable)."""
    name = display or path.as_posix()
    try:
        data, lines = read_sheet_file(path)
    except SheetLoadError as exc:
        return None, {}, [Finding(name, exc.line, "$", str(exc))]
    return data, lines, validate_data(data, lines, name)
