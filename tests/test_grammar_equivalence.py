"""The grammar's fast paths against the plain forms they replace: each must find exactly what
the slower, obvious code found (property tests over text built from the grammar's own words)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extractor.lexicon import lexicon, trie_regex
from extractor.nouns import word_before
from extractor.numbers import _number_re, _word_hits, number_tokens

_REFERENCE_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’-]*)[ \t]*$")


def _reference_word_before(text: str, pos: int) -> str:
    m = _REFERENCE_WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


@given(st.text(alphabet="ab Z-'’\t\n1é.", max_size=60), st.integers(min_value=0, max_value=60))
def test_word_before_is_the_regex_read_backwards(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert word_before(text, pos) == _reference_word_before(text, pos)


def _number_words() -> list[str]:
    lex = lexicon()
    return [*lex.units, *lex.tens, *(w for w in lex.scales if w not in ("lakh", "crore")), "dozen"]


PIECES = st.sampled_from(
    [
        *_number_words(),
        "a",
        "the",
        "tenth",
        "someone",
        "5",
        "é",
        " ",
        "  ",
        "-",
        "\n",
        ",",
        "(",
        "_",
    ]
)


@given(st.lists(PIECES, max_size=40))
def test_the_number_word_scan_finds_what_a_word_boundary_scan_finds(pieces: list[str]) -> None:
    lowered = "".join(pieces)
    plain = re.compile(rf"\b(?:{trie_regex(_number_words())})\b")
    _, _, scans, word_at = _number_re()
    want = [(m.start(), m.end(), m.group()) for m in plain.finditer(lowered)]
    assert _word_hits(lowered, scans, word_at) == want


def test_number_words_are_read_in_a_text_whose_lower_case_is_longer() -> None:
    text = "İzmir sent Two tanks, TWENTY guns and one hundred men"
    got = [(t.text, int(t.value)) for t in number_tokens(text)]
    assert got == [("Two", 2), ("TWENTY", 20), ("one hundred", 100)]
