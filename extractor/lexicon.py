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


SHARED_PREFIX = "¤"  # unit of a shared non-dollar surface: "¤" + candidate codes joined by "|"


@dataclass(frozen=True)
class CurrencySurface:
    surface: str
    # The unit a quantity gets: an ISO code; None for a dollar whose country comes from
    # context (the bare $); or SHARED_PREFIX + "|".join(candidates) for another shared surface.
    code: str | None
    position: str  # prefix | suffix | both
    candidates: tuple[str, ...] = ()  # the ISO codes a shared surface may mean, likeliest first
    # a one-letter symbol the press writes only before a scaled amount ("R52 billion",
    # "N4.91 trillion", "P35 billion"): without a scale word it is no currency ("the N1 road")
    scale_only: bool = False
    # a small dollar's own sign ("SI$", "FJ$"): its currency is read where the sign is written,
    # but a bare '$' is not read as it (an Australian aid text names Fiji beside its own '$')
    own_sign_only: bool = False


def shared_candidates(unit: str) -> tuple[str, ...]:
    """The ISO codes a shared-currency unit ("¤INR|PKR|...") may stand for; () otherwise."""
    if unit.startswith(SHARED_PREFIX):
        return tuple(unit[len(SHARED_PREFIX) :].split("|"))
    return ()


def trie_regex(words: list[str], *, fold_space: bool = False, dollar_escape: bool = False) -> str:
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
        if fold_space and ch == " ":
            return r"\s+"
        if dollar_escape and ch == "$":
            return r"\\?\$"  # markdown writes \$
        return re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [esc(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def trie_after_non_letter(words: list[str], *, fold_space: bool = False) -> str:
    r"""`(?<![A-Za-z])(?:trie_regex(words))`, with $ escapes, written to open with the first
    character of a word: "(?<![A-Za-z])(?:AUD|\$)" is "A(?<![A-Za-z]A)UD|\$(?<![A-Za-z]\$)".

    Python's re tries a pattern that opens with a look-behind at every position of the text,
    one whose alternatives all open with a literal only where one of those characters stands.
    The alternatives keep their order (they open with distinct characters, so at most one
    matches at a position).  tests/test_speed_equiv_grammar.py checks it against the plain form.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches: list[str] = []
    for first, rests in sorted(groups.items()):
        rest = trie_regex(rests, fold_space=fold_space, dollar_escape=True)
        # "$" may be written "\$" (markdown): two first characters
        firsts = ["\\", "$"] if first == "$" else [first]
        for ch in firsts:
            esc = re.escape(ch)
            tail = r"\$" if ch == "\\" else ""
            branches.append(f"{esc}(?<![A-Za-z]{esc}){tail}{rest}")
    return "|".join(branches)


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
    year_nouns: frozenset[str]
    determiners: frozenset[str]
    harm_words: frozenset[str]
    prepositions: frozenset[str]
    months: dict[str, int]  # "january", "jan", "sept" -> month number
    np_stop: frozenset[str]
    np_leading: frozenset[str]
    not_plural: frozenset[str]
    adjective_endings: tuple[str, ...]
    function_words: frozenset[str]
    hyphen_units: dict[str, str]
    collectives: frozenset[str]
    postfix_qualifiers: dict[str, str]
    particle_verbs: frozenset[str]
    hedges: frozenset[str]
    street_words: frozenset[str]
    person_nouns: dict[str, str]
    auxiliaries: frozenset[str]
    prefix_re: re.Pattern[str]  # a currency prefix ending where the number starts
    suffix_re: re.Pattern[str]  # a currency suffix starting where the number ends

    currency_index: dict[tuple[str, str], CurrencySurface]  # (surface, prefix|suffix) -> entry

    def currency_entry(self, surface: str, position: str) -> CurrencySurface:
        """The table entry of a matched surface ("\\$A" and "A$ " are "$A" and "A$")."""
        key = re.sub(r"\s+", " ", surface.replace("\\$", "$").strip())
        return self.currency_index[(key, position)]

    def currency_code(self, surface: str, position: str) -> str | None:
        """The unit of a matched surface: ISO code, None for a context dollar, or a shared
        placeholder ("¤INR|PKR|...")."""
        return self.currency_entry(surface, position).code


@cache
def month_pattern() -> str:
    """A regex of every month name and abbreviation, capitalised ("January", "Sept"), not
    inside a longer word, with an optional dot ("Sept."), from the one month table."""
    names = [m.capitalize() for m in lexicon().months]
    return rf"(?:{trie_regex(names)})(?![a-z])\.?"


@cache
def lexicon() -> Lexicon:
    lex = load_data("lexicon.yaml")
    currencies = currency_table()
    index: dict[tuple[str, str], CurrencySurface] = {}
    for c in currencies:
        for pos in ("prefix", "suffix"):
            if c.position in (pos, "both"):
                index[(c.surface, pos)] = c
    prefixes = [s for s, pos in index if pos == "prefix"]
    suffixes = [s for s, pos in index if pos == "suffix"]
    # Prefix: symbol glued or one space before the number; codes need a word boundary on the left.
    prefix_re = re.compile(r"(?:" + trie_after_non_letter(prefixes, fold_space=True) + r")\s?$")
    suffix_re = re.compile(
        r"^\s?(?:" + trie_regex(suffixes, fold_space=True, dollar_escape=True) + r")(?![A-Za-z])"
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
        year_nouns=frozenset(lex["year_nouns"]),
        determiners=frozenset(lex["determiners"]),
        harm_words=frozenset(lex["harm_words"]),
        prepositions=frozenset(lex["prepositions"]),
        months={str(k): int(v) for k, v in lex["months"].items()},
        np_stop=frozenset(lex["noun_phrase"]["stop"]),
        np_leading=frozenset(lex["noun_phrase"]["leading"]),
        not_plural=frozenset(lex["noun_phrase"]["not_plural"]),
        adjective_endings=tuple(lex["noun_phrase"]["adjective_endings"]),
        function_words=frozenset(lex["function_words"]),
        hyphen_units=dict(lex["hyphen_units"]),
        collectives=frozenset(lex["collectives"]),
        postfix_qualifiers=dict(lex["postfix_qualifiers"]),
        particle_verbs=frozenset(lex["particle_verbs"]),
        hedges=frozenset(lex["hedges"]),
        street_words=frozenset(lex["street_words"]),
        person_nouns=dict(lex["person_nouns"]),
        auxiliaries=frozenset(lex["auxiliaries"]),
        prefix_re=prefix_re,
        suffix_re=suffix_re,
        currency_index=index,
    )


def _shared_unit(surface: str, codes: list[str], preference: list[str]) -> str | None:
    if "$" in surface or surface.lower() in ("dollar", "dollars"):
        return None  # a dollar: resolved like the bare $
    rank = {code: i for i, code in enumerate(preference)}
    ordered = sorted(set(codes), key=lambda c: (rank.get(c, len(rank)), c))
    return SHARED_PREFIX + "|".join(ordered)


@cache
def word_codes() -> frozenset[str]:
    """ISO codes that are also English words or abbreviations (ALL, GEL, MAD, PEN ...): never a
    currency on their own; the grammar reads one only in capitals right before a scaled amount
    ("GEL 1.9 billion", "MAD 73 billion")."""
    return frozenset(load_data("currencies.yaml")["not_codes"])


@cache
def currency_table() -> tuple[CurrencySurface, ...]:
    """Every currency surface: the CLDR table (currencies_cldr.yaml) with the hand table
    (currencies.yaml) merged over it, in a stable order (surface, then position)."""
    hand = load_data("currencies.yaml")
    preference: list[str] = list(hand["preference"])
    not_codes = word_codes()
    not_words = frozenset(hand["not_words"])
    found: dict[tuple[str, str], set[str]] = {}  # (surface, position) -> codes

    def add(surface: str, position: str, code: str) -> None:
        found.setdefault((surface, position), set()).add(code)

    for row in load_data("currencies_cldr.yaml"):
        code = row["code"]
        if code not in not_codes:
            add(code, "both", code)
        for name in row["names"]:
            add(name, "suffix", code)
            last = name.split()[-1]
            if last != name and last.lower() not in not_words and row.get("tender", True):
                add(last.lower(), "suffix", code)  # "Swedish kronor" -> "kronor"
        for symbol in row["symbols"]:
            add(symbol, "prefix" if "$" in symbol else "both", code)
    entries: dict[str, CurrencySurface] = {}
    for (surface, position), codes in found.items():
        if surface in entries:  # the same surface as a name and a symbol: widen
            old = entries[surface]
            codes = codes | set(old.candidates)
            position = "both"
        if len(codes) == 1:
            entries[surface] = CurrencySurface(surface, min(codes), position)
            continue
        unit = _shared_unit(surface, list(codes), preference)
        cands = shared_candidates(unit) if unit else tuple(sorted(codes))
        entries[surface] = CurrencySurface(surface, unit, position, cands)
    for row in hand["surfaces"]:
        surface = row["surface"]
        if "codes" in row:
            unit = _shared_unit(surface, row["codes"], preference)
            cands = shared_candidates(unit) if unit else tuple(row["codes"])
            entries[surface] = CurrencySurface(
                surface, unit, row["position"], cands, scale_only=row.get("needs") == "scale"
            )
        else:
            entries[surface] = CurrencySurface(
                surface,
                row["code"],
                row["position"],
                scale_only=row.get("needs") == "scale",
                own_sign_only=row.get("bare_dollar") == "never",
            )
    return tuple(sorted(entries.values(), key=lambda c: (c.surface, c.position)))
