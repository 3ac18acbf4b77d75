"""factsheet: rule-based extraction of quantitative facts into schema-validated fact sheets.

Layers, one direction: documents -> numbers -> quantities -> facts (domain rules) -> model -> I/O.
"""

__version__ = "0.1.0"
