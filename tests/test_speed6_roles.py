"""The gates of roles._role (speed6): a look-behind pattern is searched only where its gate
passes, so a gate must pass wherever its pattern matches; and _role must answer what the
plain form (every pattern searched, in the rules' order) answered."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.rules.roles as R

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (pattern, the gate that must pass where it matches)
_GATED = [
    (R._COMPARISON_BEFORE, lambda g: g.ends(R._COMPARISON_ENDS)),
    (R._POST_BEFORE, lambda g: g.ends(R._POST_ENDS)),
    (R._FROM_BEFORE, lambda g: g.ends(R._FROM_ENDS)),
    (R._TO_BEFORE, lambda g: g.ends(R._TO_ENDS, R._ARTICLES)),
    (R._REQUEST_BEFORE, lambda g: g.ends(R._REQUEST_ENDS)),
    (R._GIVE_BEFORE, lambda g: g.holds(R._GIVE_TO_STEMS)),
    (R._APPOSED_BEFORE, lambda g: g.ends_unspaced(R._APPOSED_ENDS)),
    (R._IN_BEFORE, lambda g: g.ends(R._IN_ENDS)),
]


def _words_of(pattern: re.Pattern[str]) -> list[str]:
    """Literal words of a pattern, written out ('provid\\w*' -> 'provid'), to build text of."""
    return sorted(set(re.findall(r"[A-Za-z]{2,}", pattern.pattern.replace(r"\s", " "))))


_HIT = ("hit", "stricken", "ravaged", "torn", "affected", "struck", "battered", "damaged")
_WORDS = sorted(
    {w for p, _ in _GATED for w in _words_of(p)}
    | {"the", "a", "an", "devastated", "war-torn", *(f"quake-{w}" for w in _HIT)}
)


@cache
def _seed_befores() -> list[str]:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    rng = random.Random(6)
    out = [text[max(0, at - 45) : at] for at in range(0, len(text), 7)]
    out += [
        text[at : at + rng.randrange(0, 60)]
        for at in (rng.randrange(len(text)) for _ in range(3000))
    ]
    return out


def _check(before: str) -> None:
    gate = R._Before(before)
    for pattern, passes in _GATED:
        if pattern.search(before):
            assert passes(gate), (pattern.pattern[:40], before)


def test_gates_pass_wherever_their_pattern_matches_on_real_text() -> None:
    matched = 0
    for before in _seed_befores():
        _check(before)
        _check(before.upper())
        matched += any(p.search(before) for p, _ in _GATED)
    assert matched > 100


_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ", ",
            ".",
            "-",
            "’",
            "\u017f",
            "\u0130",
            "\u0131",
            "\u00a0",
            "\u2003",
            "É",
        ]
    ),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECE, max_size=12), st.booleans())
def test_gates_pass_wherever_their_pattern_matches_on_any_words(
    pieces: list[str], upper: bool
) -> None:
    before = "".join(pieces)
    _check(before.upper() if upper else before)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=50))
def test_gates_pass_wherever_their_pattern_matches_on_any_text(before: str) -> None:
    _check(before)


def test_gates_pass_wherever_their_pattern_matches_on_word_sequences() -> None:
    """Every pattern word, then any word, then an article or nothing, spaced or not."""
    for first in _WORDS:
        for second in [*_WORDS, ""]:
            for third in ("", "the", "a", "of", "in"):
                words = " ".join(w for w in (first, second, third) if w)
                for before in (f"x {words} ", f"x, {words}  ", f"x {words}", f"x {words},"):
                    _check(before)
