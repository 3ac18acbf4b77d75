"""Validation of sheet files, with errors that name file, line and JSON path.

The pydantic model decides (it is fast, and it refuses what JSON Schema cannot say: NaN,
infinities, duplicate fact ids); only a sheet it refuses is run through jsonschema, whose
messages name the field and the rule broken.  A sheet the schema accepts but the model refuses
gets the model's message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic and jsonschema are imported when a sheet is validated
    from jsonschema import Draft202012Validator
    from pydantic import ValidationError

    from extractor.model import FactSheet


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
    from jsonschema import Draft202012Validator  # slow to import; only invalid sheets need it

    from extractor.model import json_schema

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


def _schema_findings(data: Any, lines: dict[str, int], file: str) -> list[Finding]:
    findings = []
    for error in sorted(
        validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = json_path(error.absolute_path)
        findings.append(Finding(file, line_of(lines, path), path, error.message))
    return findings


def _duplicate_ids(data: dict[str, Any], lines: dict[str, int], file: str) -> list[Finding]:
    first: dict[Any, int] = {}
    out = []
    for i, fact in enumerate(data.get("facts") or []):
        fid = fact.get("id") if isinstance(fact, dict) else None
        if fid in first:
            path = f"$.facts[{i}].id"
            out.append(
                Finding(
                    file,
                    line_of(lines, path),
                    path,
                    f"duplicate fact id {fid!r} (first at $.facts[{first[fid]}])",
                )
            )
        first.setdefault(fid, i)
    return out


def _model_findings(
    exc: ValidationError, data: Any, lines: dict[str, int], file: str
) -> list[Finding]:
    out = []
    for error in exc.errors():
        parts: list[Any] = []
        node: Any = data
        for part in error["loc"]:  # keep the part of the location that exists in the data
            inside = isinstance(node, dict) and part in node
            inside |= isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            if not inside:
                break
            parts.append(part)
            node = node[part]
        path = json_path(parts)
        message = str(error["msg"]).removeprefix("Value error, ")
        out.append(Finding(file, line_of(lines, path), path, message))
    return out


def validate_sheet(
    data: Any, lines: dict[str, int], file: str
) -> tuple[FactSheet | None, list[Finding]]:
    """The sheet (None when invalid) and the findings, each naming file, line and path."""
    from pydantic import ValidationError

    from extractor.model import FactSheet

    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        return None, [
            Finding(
                file,
                line_of(lines, "$"),
                "$",
                f"not a fact sheet: {kind}, not a mapping of schema_version, source, facts",
            )
        ]
    try:  # strict, on the JSON form: no coercion the schema would not allow ("12" -> 12)
        payload: str | None = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        payload = None  # holds something JSON has not (a date object): the schema names it
    error: ValidationError | None = None
    if payload is not None:
        try:
            return FactSheet.model_validate_json(payload, strict=True), []
        except ValidationError as exc:
            error = exc
    findings = _schema_findings(data, lines, file)
    if findings:
        return None, findings
    findings = _duplicate_ids(data, lines, file)
    if findings:
        return None, findings
    if error is None:
        try:
            return FactSheet.model_validate(data), []
        except ValidationError as exc:
            error = exc
    return None, _model_findings(error, data, lines, file)


def validate_data(data: Any, lines: dict[str, int], file: str) -> list[Finding]:
    return validate_sheet(data, lines, file)[1]


def validate_file(
    path: Path, display: str | None = None
) -> tuple[Any, dict[str, int], list[Finding]]:
    """Load and validate one sheet; returns the data (None if unreadable)."""
    from extractor.yamlio import SheetLoadError, read_sheet_file

    name = display or path.as_posix()
    try:
        data, lines = read_sheet_file(path)
    except SheetLoadError as exc:
        return None, {}, [Finding(name, exc.line, "$", str(exc))]
    return data, lines, validate_data(data, lines, name)
