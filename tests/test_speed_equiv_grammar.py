"""The grammar's faster forms against the plain forms they replace (the speed work of
December 2026): each must find exactly what the plain form found, on text built from the
grammar's own surfaces and on windows of the seed articles."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from extractor.lexicon import lexicon, trie_regex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _windows(count: int, longest: int, seed: int = 7) -> list[str]:
    """Random windows of the seed articles (every kind of context a figure stands in)."""
    text = _seed_text()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        at = rng.randrange(len(text))
        out.append(text[at : at + rng.randrange(0, longest)])
    return out


def _span(m: re.Match[str] | None) -> tuple[tuple[int, int], str] | None:
    return None if m is None else (m.span(), m.group())


@cache
def _prefix_surfaces() -> list[str]:
    return [s for s, pos in lexicon().currency_index if pos == "prefix"]


@cache
def _plain_prefix_re() -> re.Pattern[str]:
    """The currency prefix as first written: a look-behind, then the trie."""
    trie = trie_regex(_prefix_surfaces(), fold_space=True, dollar_escape=True)
    return re.compile(r"(?:(?<![A-Za-z])(?:" + trie + r"))\s?$")


PREFIX_PIECES = st.lists(
    st.one_of(
        st.sampled_from(["a", "A", "z", " ", "  ", "\n", "\t", "\\", "$", ".", "5", "é", "US"]),
        st.sampled_from(sorted(set(_prefix_surfaces()))),
    ),
    max_size=6,
)


@given(PREFIX_PIECES)
def test_the_currency_prefix_opens_with_its_first_character(pieces: list[str]) -> None:
    text = "".join(pieces)
    for end in range(len(text) + 1):
        window = text[:end]
        assert _span(lexicon().prefix_re.search(window)) == _span(
            _plain_prefix_re().search(window)
        )


def test_the_currency_prefix_finds_what_the_plain_form_finds_in_the_seeds() -> None:
    for window in _windows(20000, 14):
        assert _span(lexicon().prefix_re.search(window)) == _span(
            _plain_prefix_re().search(window)
        )
