"""The grammar's fast paths against the plain forms they replace: each must find exactly what
the slower, obvious code found (property tests over text built from the grammar's own words)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extractor.exclusions import _DAY, patterns
from extractor.lexicon import lexicon, month_pattern, trie_regex
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


def _plain_exclusions() -> dict[str, str]:
    """The exclusion patterns as first written (each opening with a look-behind or \\b)."""
    day = _DAY
    month = month_pattern()
    return {
        "date.iso": r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)",
        "date.numeric": r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])",
        "date.day_month": (
            rf"(?<!\d){day}(?:\s*(?:-|–|to|and)\s*{day})?\s+(?:of\s+)?{month}"
            r"(?:,?\s+\d{4})?(?!\d)"
        ),
        "date.month_day": (
            rf"\b{month}\s+{day}(?!\d)(?:\s*(?:-|–|to|and)\s*{day}(?!\d))?(?:,?\s+\d{{4}})?(?!\d)"
        ),
        "date.month_year": rf"\b{month}\s+\d{{4}}(?!\d)",
        "date.year_range": (
            r"(?<![\d,.])(?:1[6-9]|20)\d\d\s*(?:-|–|/)\s*(?:(?:1[6-9]|20)\d\d|\d\d)(?![\d%])"
        ),
        "time.clock": (
            r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)|(?<!\d)\d{1,2}\s*[ap]\.m\."
        ),
        "version.dotted": r"(?<![\d.])\d+\.\d+\.\d+(?:\.\d+)*(?![\d])",
    }


_DATE_WORDS = ["March ", "Sept. ", "May", "xMay", "Jun", "Dec", " of ", " to ", " and ", "st", "th"]
DATE_PIECES = st.sampled_from(
    [*"0123456789 -–/.:,%\napmx", *_DATE_WORDS, "1st", "31", "2024", "1999", "20", "16", "0"]
)


@given(st.lists(DATE_PIECES, max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_exclusion_patterns_match_what_their_plain_forms_match(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(pieces)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    fast = patterns()
    for name, plain in _plain_exclusions().items():
        want = [m.span() for m in re.compile(plain).finditer(text, lo, hi)]
        got = [m.span() for m in re.compile(fast[name]).finditer(text, lo, hi)]
        assert got == want, name
