"""Places below the country: provinces, states, regions and cities, each in one country.

Two generated tables: data/places.yaml, first-level subdivisions from ISO 3166-2
(scripts/gen_places.py), and data/cities.yaml, GeoNames cities of 100,000 people or more
(scripts/gen_cities.py).  A subdivision's name wins over a city's.  The gazetteer decides
first: a name it owns (a country, a capital, an adjective, a name it calls ambiguous or
ignores) is never read as a place here, so "Georgia" stays the country and "Kabul" the
capital.  Places are not actors: a rule asks for them only where a text says where something
happened ("killed 42 people in Zamfara state", "the Mandalay earthquake", "a market in
Quetta"); they never give, receive or spend.  A city is read only where its name stands alone
in its run of capitalised words: "the Kiel Institute" and "Kobe Bryant" name no city.

The cities' threshold, measured on a hand list of 100 cities that casualty reports of recent
years name (Quetta, Kramatorsk, Maiduguri, El Fasher, Kaya ...), found with the subdivisions'
table: 250,000 people finds 63 (2,220 names), 150,000 finds 68 (3,786), 100,000 finds 73
(5,909), 50,000 finds 78 (12,287 names) but leaves 71 common words of the dictionary ("Bury",
"Date", "Most", "Normal", "Troy") against 16 at 100,000 to refuse by hand.  Most of the cities
missed GeoNames spells otherwise than the press ("Al Hudaydah", "Slov'yans'k").  Accuracy on
the gold and probe sets was the same at every threshold.

    >>> [(p.name, p.code) for p in places_in("Floods in Rio Grande do Sul and Sindh", 0, 37)]
    [('Rio Grande do Sul', 'BR'), ('Sindh', 'PK')]
    >>> [(p.name, p.code, p.kind) for p in places_in("a blast in Quetta", 0, 17)]
    [('Quetta', 'PK', 'city')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from extractor.gazetteer import gazetteer
from extractor.lexicon import load_data


class Place(NamedTuple):
    start: int
    end: int
    name: str
    code: str  # the ISO 3166-1 alpha-2 code of the country it lies in
    kind: str = "subdivision"  # or "city"


# A run of capitalised words, with the small words names carry inside them ("Rio Grande do
# Sul", "Azad Jammu and Kashmir", "Al Hasakah").
_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*"
    r"(?:[ ](?:(?:de|do|da|del|dos|das|of|and|y|al|el|ar|as|ash|az|an|ad|at|es|la|le)[ ])*"
    r"[A-Z][\w'’-]*)*"
)
_WORD = re.compile(r"[^ ]+")
# Capitalised words that may stand before a city in its run of capitalised words: a sentence's
# first word ("In Peshawar, ..."), not a name's ("Hurricane Milton", "Lloyd Austin").
_BEFORE_CITY = frozenset("In At Near Outside Inside Across Throughout From The".split())


def readable(name: str) -> bool:
    """Whether `places_in` can read a name: one run of capitalised words (a generator keeps only
    such names)."""
    return _RUN.fullmatch(name) is not None


@cache
def _table() -> tuple[dict[str, tuple[str, str]], int]:
    """Name -> (country, kind), without the names the gazetteer owns; and the longest name in
    words.  A subdivision's name wins over a city's (the generator keeps none of them)."""
    owned = set(gazetteer().surfaces) | set(gazetteer().ignored)
    hand = load_data("gazetteer.yaml")
    owned |= {str(s) for s in hand.get("ambiguous") or ()}
    names: dict[str, tuple[str, str]] = {}
    for table, kind in (("places", "subdivision"), ("cities", "city")):
        for code, rows in load_data(f"{table}.yaml")[table].items():
            for name in rows:
                if name not in owned:
                    names.setdefault(str(name), (str(code), kind))
    return names, max((len(n.split()) for n in names), default=1)


@cache
def _folded() -> dict[str, str]:
    """A place's name in lower case -> its country (a dateline writes it in capitals)."""
    names, _ = _table()
    return {name.casefold(): code for name, (code, _kind) in names.items()}


def place_country(name: str) -> str | None:
    """The country of the city or subdivision a dateline names, in any case ('PESHAWAR',
    'KANDAHAR', 'DAR ES SALAAM': many a city shares its name with its province)."""
    return _folded().get(" ".join(name.split()).casefold())


def _city_stands_alone(text: str, words: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether a city's name (the run's words i..j-1) names the city, not part of a longer name:
    no capitalised word of the same run before it ("Hurricane Milton", "Lloyd Austin"), unless
    that word begins a sentence ("In Peshawar"), and none after it ("the Kiel Institute",
    "Manchester United"); small words may stand around it ("the Battle of Mosul", "Aleppo and
    Idlib")."""
    if i > 0:
        start, end = words[i - 1]
        if text[start].isupper() and text[start:end] not in _BEFORE_CITY:
            return False
    return j == len(words) or not text[words[j][0]].isupper()


def places_in(text: str, lo: int, hi: int) -> list[Place]:
    """The places named in text[lo:hi], in order; the longest name wins where names nest
    ("Rio Grande do Sul", not "Rio Grande")."""
    names, longest = _table()
    found: list[Place] = []
    for run in _RUN.finditer(text, lo, hi):
        words = [(w.start(), w.end()) for w in _WORD.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + longest), i, -1):
                start, end = words[i][0], words[j - 1][1]
                known = names.get(text[start:end])
                if known is not None and (
                    known[1] != "city" or _city_stands_alone(text, words, i, j)
                ):
                    found.append(Place(start, end, text[start:end], *known))
                    i = j
                    break
            else:
                i += 1
    return found
