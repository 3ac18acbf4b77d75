"""Data tables of the grammar (extractor/data/*.yaml), loaded once and frozen.

Every regex that names a surface (currency, qualifier, number word) is generated here from the
tables, longest surface first, so a table entry and its regex cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


def load_data(name: str) -> Any:
    """Load one YAML data file shipped with the package."""
    text = resources.files("extractor").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C when present


@dataclass(frozen=True)
class CurrencySurface:
    surface: str
    code: str | None  # None: a dollar whose country comes from context
    position: str  # prefix | suffix | both


def trie_regex(words: list[str], *, fold_space: bool = False) -> str:
    """A regex alternation of literal `words`, factored as a trie ("Austr(?:alia|ia)").

    Python's engine tries alternatives one by one; sharing prefixes makes a list of hundreds
    of names cost about as much as one.  The longest word wins, as in a sorted alternation.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return r"\s+" if fold_space and ch == " " else re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [esc(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _alternation(surfaces: list[str], *, dollar_escape: bool = False) -> str:
    parts = []
    for surface in sorted(set(surfaces), key=lambda s: (-len(s), s)):
        pattern = re.escape(surface).replace(r"\ ", r"\s+")
        if dollar_escape:
            pattern = pattern.replace(r"\$", r"\\?\$")
        parts.append(pattern)
    return "|".join(parts)


@dataclass(frozen=True)
class Lexicon:
    currencies: tuple[CurrencySurface, ...]
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    abbreviations: dict[str, int]
    qualifiers: dict[str, str]
    durations: dict[str, str]
    temporal_offsets: frozenset[str]
    irregular_plurals: dict[str, str]
    invariant_nouns: frozenset[str]
    compound_units: tuple[str, ...]
    measure_nouns: frozenset[str]
    measures: dict[str, str]
    abstract_nouns: frozenset[str]
    determiners: frozenset[str]
    prefix_re: re.Pattern[str]  # a currency prefix ending where the number starts
    suffix_re: re.Pattern[str]  # a currency suffix starting where the number ends

    def currency_code(self, surface: str, position: str) -> str | None:
        """ISO code of a matched surface (None for a context dollar)."""
        key = re.sub(r"\s+", " ", surface.replace("\\$", "$"))
        for entry in self.currencies:
            if entry.surface == key and entry.position in (position, "both"):
                return entry.code
        for entry in self.currencies:  # case-insensitive fallback for words ("Euros")
            if entry.surface.lower() == key.lower() and entry.position in (position, "both"):
                return entry.code
        raise KeyError(surface)


@cache
def lexicon() -> Lexicon:
    lex = load_data("lexicon.yaml")
    currencies = tuple(CurrencySurface(**row) for row in load_data("currencies.yaml"))
    prefixes = [c.surface for c in currencies if c.position in ("prefix", "both")]
    suffixes = [c.surface for c in currencies if c.position in ("suffix", "both")]
    # Prefix: symbol glued or one space before the number; codes need a word boundary on the left.
    prefix_re = re.compile(
        r"(?:(?<![A-Za-z])(?:" + _alternation(prefixes, dollar_escape=True) + r"))\s?$"
    )
    suffix_re = re.compile(
        r"^\s?(?:" + _alternation(suffixes, dollar_escape=True) + r")(?![A-Za-z])"
    )
    quals = lex["qualifiers"]
    return Lexicon(
        currencies=currencies,
        units=dict(lex["units"]),
        tens=dict(lex["tens"]),
        scales=dict(lex["scales"]),
        abbreviations=dict(lex["abbreviations"]),
        qualifiers=dict(quals),
        durations=dict(lex["durations"]),
        temporal_offsets=frozenset(lex["temporal_offsets"]),
        irregular_plurals={k.lower(): v for k, v in lex["irregular_plurals"].items()},
        invariant_nouns=frozenset(lex["invariant_nouns"]),
        compound_units=tuple(sorted(lex["compound_units"], key=len, reverse=True)),
        measure_nouns=frozenset(lex["measure_nouns"]),
        measures=dict(lex["measures"]),
        abstract_nouns=frozenset(lex["abstract_nouns"]),
        determiners=frozenset(lex["determiners"]),
        prefix_re=prefix_re,
        suffix_re=suffix_re,
    )
