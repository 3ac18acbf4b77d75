"""The quantity record every layer above the number grammar reads, and its placeholders."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from extractor.lexicon import SHARED_PREFIX

CONTEXT_DOLLAR = "$"  # placeholder unit of a bare dollar until the context pass resolves it


class Quantity(NamedTuple):
    """A number with its unit.  A NamedTuple: built for every number in a text, and its
    C-level _replace is several times cheaper than dataclasses.replace."""

    kind: str  # money | percent | count | duration | measure | number (bare)
    unit: str
    qualifier: str
    start: int
    end: int
    rule: str  # the grammar rule that built it, e.g. "money.prefix"
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    of: str | None = None  # "GDP" for a share of gross domestic product
    currency_from: str | None = None  # "text" | "context" for money
    noun_phrase: str | None = None  # the counted words: "Soviet citizens"
    modifiers: tuple[str, ...] = ()  # words between number and head noun: ("US",)
    number_start: int = 0
    number_end: int = 0
    words: bool = False  # the number is written out ("nine")


def currency_from(unit: str) -> str:
    """'text' for an ISO code, 'context' for a unit the context pass still has to resolve."""
    return "context" if unit == CONTEXT_DOLLAR or unit.startswith(SHARED_PREFIX) else "text"
