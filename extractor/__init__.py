"""factsheet: rule-based extraction of quantitative facts into schema-validated fact sheets.

Layers, one direction: documents -> numbers -> quantities -> facts (domain rules) -> model -> I/O.

The Python API (see the README)::

    from extractor import extract, extract_file, load_sheet

    sheet = extract_file("seeds/000_55791655ed5d24e6.txt")   # what `factsheet extract` writes
    for fact in sheet.facts:
        print(fact.family, fact.quantity.value, fact.quantity.unit, fact.span.quote)

The names are imported on first use, so ``import extractor`` (and ``factsheet --version``)
stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DocumentError",
    "ExtractionError",
    "FactSheet",
    "SheetError",
    "__version__",
    "extract",
    "extract_file",
    "load_sheet",
]

if TYPE_CHECKING:
    from extractor.api import (
        DocumentError,
        ExtractionError,
        SheetError,
        extract,
        extract_file,
        load_sheet,
    )
    from extractor.model import FactSheet


def __getattr__(name: str) -> Any:
    if name == "FactSheet":
        from extractor import model

        return model.FactSheet
    if name in __all__:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
