"""Quantities as people write them: `nearly NZ$18 million`, `1,200 troops`, `2% of GDP`.

Used by every output meant for reading (the PR comment, the review page, series charts and the
conflicts report); data outputs keep the bare numbers.  Currency symbols come from the currency
table, so a new currency needs no change here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from extractor.lexicon import load_data

QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "about",
    "nearly": "nearly",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "at_most": "at most",
}

_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))


@cache
def _symbols() -> dict[str, str]:
    """ISO code -> the symbol a reader expects (`NZ$`, `€`): the first prefix surface of the
    hand currency table that is neither the code itself nor a `$X` form."""
    out: dict[str, str] = {}
    for row in load_data("currencies.yaml").get("surfaces", []):
        code, surface = row.get("code"), str(row.get("surface", ""))
        if not isinstance(code, str) or code in out or row.get("position") == "suffix":
            continue
        if surface == code or surface.startswith("$") or surface.isalpha():
            continue
        out[code] = surface
    return out


@cache
def _plurals() -> dict[str, str]:
    data = load_data("lexicon.yaml")
    out = {
        singular: plural
        for plural, singular in data.get("irregular_plurals", {}).items()
        if plural.islower() and singular not in ("person",)
    }
    out["person"] = "people"
    out.update({noun: noun for noun in data.get("invariant_nouns", [])})
    return out


def is_money(unit: str) -> bool:
    """An ISO code, the bare dollar (`$`) or a shared currency not yet resolved (`¤INR|PKR`)."""
    return (len(unit) == 3 and unit.isalpha() and unit.isupper()) or unit[:1] in ("$", "¤")


def number(value: float | int | None) -> str:
    """`1,200`, `3.5`, `250,000,000`; None as an empty string."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _scaled(value: float | int) -> str:
    for size, word in _SCALES:
        if abs(value) >= size:
            short = f"{value / size:.3f}".rstrip("0").rstrip(".")
            return f"{short} {word}"
    return number(value)


def plural(unit: str, count: float | int | None) -> str:
    if count == 1:
        return unit
    words = unit.split(" ")
    last = words[-1]
    table = _plurals()
    if last in table:
        last = table[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def amount(value: float | int | None, unit: str, of: str | None = None) -> str:
    """One number with its unit: `NZ$18 million`, `2% of GDP`, `1,200 troops`."""
    if value is None:
        return ""
    if is_money(unit):
        text = _scaled(value)
        if unit == "$":
            return f"${text}"
        if unit.startswith("¤"):
            return f"¤{text} ({unit[1:].replace('|', ' or ')})"
        symbol = _symbols().get(unit)
        return f"{symbol}{text}" if symbol else f"{unit} {text}"
    if unit == "percent":
        return f"{number(value)}%" + (f" of {of}" if of else "")
    return f"{number(value)} {plural(unit, value)}"


def quantity(q: dict[str, Any]) -> str:
    """A fact's quantity (as in the sheet) in words: `nearly NZ$18 million`, `40,000–90,000
    people`, `more than 2% of GDP`."""
    unit = str(q.get("unit", ""))
    of = q.get("of")
    if q.get("value") is not None:
        text = amount(q["value"], unit, of)
    else:
        low, high = amount(q.get("min"), unit, of), amount(q.get("max"), unit, of)
        # "40,000–90,000 people": the unit once, after the upper bound
        tail = high[len(number(q.get("max"))) :] if not is_money(unit) else ""
        head = low[: len(low) - len(tail)] if tail and low.endswith(tail) else low
        text = f"{head}–{high}" if tail else f"{low}–{high}"
    word = QUALIFIER_WORDS.get(str(q.get("qualifier", "exact")), "")
    return f"{word} {text}".strip()
