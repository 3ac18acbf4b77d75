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

from extractor.documents import DocumentError, load_document, parse_document
from extractor.model import FactSheet
from extractor.pipeline import ExtractionError, extract_document
from extractor.sheets import SheetError
from extractor.sheets import load_sheet as _load_sheet
from extractor.sources import display_path

__all__ = [
    "DocumentError",
    "ExtractionError",
    "SheetError",
    "extract",
    "extract_file",
    "load_sheet",
]


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

    Raises :class:`DocumentError` for text the CLI would refuse too (too large, NUL bytes) and
    :class:`ExtractionError` when extraction fails on this document.
    """
    parse_path = path
    if html and not path.lower().endswith((".html", ".htm")):
        parse_path = f"{path}.html"
    doc = parse_document(text.encode("utf-8"), doc_id=source_id, path=parse_path)
    if parse_path != path:
        doc = dataclasses.replace(doc, path=path)
    if published is not None:
        doc = dataclasses.replace(doc, published=published)
    return extract_document(doc)


def extract_file(
    path: str | os.PathLike[str], *, display: str | None = None, follow_symlinks: bool = False
) -> FactSheet:
    """Extract the facts of one file (``.txt``, ``.md`` or ``.html``), exactly as
    ``factsheet extract PATH`` writes them.  ``source.path`` is the path relative to the
    working directory (as the CLI records it) unless ``display`` is given; ``source.id`` is
    the file's stem.

    Raises :class:`DocumentError` when the file cannot be read as a document.
    """
    file = Path(path)
    doc = load_document(
        file, display=display or display_path(file), follow_symlinks=follow_symlinks
    )
    return extract_document(doc)


def load_sheet(path: str | os.PathLike[str]) -> FactSheet:
    """Read a fact sheet (``.yaml`` or ``.json``) and validate it with the loader every command
    uses.  Raises :class:`SheetError` with a one-line message naming the file, the line where
    known and the field at fault."""
    return _load_sheet(Path(path))
