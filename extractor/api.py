"""The Python API: the same fact sheets the command line writes, without the command line.

>>> from extractor import extract
>>> sheet = extract("Australia will give Ukraine A$100 million in military aid.")
>>> [(f.quantity.value, f.quantity.unit) for f in sheet.facts]
[(100000000, 'AUD')]
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from extractor.documents import DocumentError, load_document, parse_document
from extractor.model import FactSheet
from extractor.pipeline import build_sheet
from extractor.sources import display_path
from extractor.validate import line_of
from extractor.yamlio import SheetLoadError, read_sheet_file

__all__ = ["DocumentError", "SheetError", "extract", "extract_file", "load_sheet"]


class SheetError(ValueError):
    """A file that is not a readable, valid fact sheet; the message names the file and why."""


def extract(
    text: str,
    *,
    source_id: str = "stdin",
    path: str = "-",
    published: date | None = None,
    html: bool = False,
) -> FactSheet:
    """Extract the facts of one document given as a string.

    The result equals what ``factsheet extract - --stdout`` prints for the same text on
    standard input (with the default ``source_id`` and ``path``).  ``html=True`` reads the
    text as HTML (as the CLI does for ``*.html`` files); ``published`` overrides the date the
    document states, or supplies one (it is the reference for "last year").
    """
    parse_path = path
    if html and not path.lower().endswith((".html", ".htm")):
        parse_path = f"{path}.html"
    doc = parse_document(text.encode("utf-8"), doc_id=source_id, path=parse_path)
    if parse_path != path:
        doc = dataclasses.replace(doc, path=path)
    if published is not None:
        doc = dataclasses.replace(doc, published=published)
    return build_sheet(doc)


def extract_file(path: str | os.PathLike[str], *, display: str | None = None) -> FactSheet:
    """Extract the facts of one file (``.txt``, ``.md`` or ``.html``), exactly as
    ``factsheet extract PATH`` writes them.  ``source.path`` is the path relative to the
    working directory (as the CLI records it) unless ``display`` is given.

    Raises :class:`DocumentError` when the file cannot be read as a document.
    """
    file = Path(path)
    return build_sheet(load_document(file, display=display or display_path(file)))


def load_sheet(path: str | os.PathLike[str]) -> FactSheet:
    """Read a fact sheet (``.yaml`` or ``.json``) and validate it against the model.

    Raises :class:`SheetError` with a one-line message naming the file, the line where known
    and the field at fault.
    """
    file = Path(path)
    try:
        data, lines = read_sheet_file(file)
    except SheetLoadError as exc:
        where = f"{file}:{exc.line}" if exc.line else str(file)
        raise SheetError(f"{where}: {exc}") from None
    if not isinstance(data, dict):
        raise SheetError(f"{file}: not a fact sheet (expected a mapping)")
    try:
        return FactSheet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        line = line_of(lines, field)
        where = f"{file}:{line}" if line else str(file)
        raise SheetError(f"{where}: {field}: {first['msg']}") from None
