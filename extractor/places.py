"""Places below the country: provinces, states and regions, each known to lie in one country.

The table (data/places.yaml) is generated from ISO 3166-2 by scripts/gen_places.py.  The
gazetteer decides first: a name it owns (a country, a capital, an adjective, a name it calls
ambiguous or ignores) is never read as a place here, so "Georgia" stays the country and
"Kabul" the capital.  Places are not actors: a rule asks for them only where a text says where
something happened ("killed 42 people in Zamfara state", "the Mandalay earthquake"); they
never give, receive or spend.

    >>> [(p.name, p.code) for p in places_in("Floods in Rio Grande do Sul and Sindh", 0, 37)]
    [('Rio Grande do Sul', 'BR'), ('Sindh', 'PK')]
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


# A run of capitalised words, with the small words names carry inside them ("Rio Grande do
# Sul", "Azad Jammu and Kashmir", "Al Hasakah").
_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*"
    r"(?:[ ](?:(?:de|do|da|del|dos|das|of|and|y|al|el|ar|as|ash|az|an|ad|at|es|la|le)[ ])*"
    r"[A-Z][\w'’-]*)*"
)
_WORD = re.compile(r"[^ ]+")


def readable(name: str) -> bool:
    """Whether `places_in` can read a name: one run of capitalised words (a generator keeps only
    such names)."""
    return _RUN.fullmatch(name) is not None


@cache
def _table() -> tuple[dict[str, str], int]:
    """Name -> country, without the names the gazetteer owns; and the longest name in words."""
    owned = set(gazetteer().surfaces) | set(gazetteer().ignored)
    hand = load_data("gazetteer.yaml")
    owned |= {str(s) for s in hand.get("ambiguous") or ()}
    names: dict[str, str] = {}
    for code, rows in load_data("places.yaml")["places"].items():
        for name in rows:
            if name not in owned:
                names[str(name)] = str(code)
    return names, max((len(n.split()) for n in names), default=1)


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
                code = names.get(text[start:end])
                if code is not None:
                    found.append(Place(start, end, text[start:end], code))
                    i = j
                    break
            else:
                i += 1
    return found
