"""The number layer: property tests (hypothesis) and the currency table round trip."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractor.lexicon import lexicon
from extractor.numbers import number_tokens, words_value
from extractor.quantities import quantities

lexicon()  # load the tables before hypothesis times the first example

UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """A reference speller, independent of the parser."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return UNITS[n // 100] + " hundred" + (" and " + spell(rest) if rest else "")
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = n % scale
            return spell(n // scale) + " " + name + (" " + spell(rest) if rest else "")
    raise AssertionError(n)


@given(st.integers(min_value=2, max_value=999_999_999))
def test_number_words_round_trip(n: int) -> None:
    text = spell(n)
    (token,) = list(number_tokens(text))
    assert token.value == n
    assert (token.start, token.end) == (0, len(text))


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators_round_trip(n: int) -> None:
    text = f"{n:,} troops"
    (token,) = list(number_tokens(text))
    assert token.value == n
    assert text[token.start : token.end] == f"{n:,}"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimals_round_trip(whole: int, frac: int) -> None:
    text = f"{whole}.{frac:02d}"
    (token,) = list(number_tokens(text))
    assert token.value == Decimal(text)


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
    st.sampled_from([("million", 10**6), ("billion", 10**9), ("bn", 10**9), ("m", 10**6)]),
)
def test_scaled_money_round_trip(amount: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    sep = " " if len(word) > 2 else ""
    text = f"A${amount}{sep}{word}"
    (q,) = quantities(text)
    assert q.value == amount * factor
    assert q.unit == "AUD"
    assert (q.start, q.end) == (0, len(text))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_never_crashes_and_spans_are_in_bounds(text: str) -> None:
    for q in quantities(text):
        assert 0 <= q.start < q.end <= len(text)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges_keep_min_and_max(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    text = f"between {lo:,} and {hi:,} refugees"
    (q,) = [q for q in quantities(text) if q.kind != "number"]  # "between 1 and ..." is bare
    if lo < hi:
        assert (q.min, q.max, q.value) == (lo, hi, None)
    else:
        assert q.value == lo


def test_words_value() -> None:
    assert words_value("a dozen") == 12
    assert words_value("two hundred and fifty thousand") == 250000
    assert words_value("half a million") == 500000


def test_every_currency_surface_round_trips() -> None:
    lex = lexicon()
    for entry in lex.currencies:
        if entry.position in ("prefix", "both"):
            text = f"a grant of {entry.surface}250 million today"
            (q,) = quantities(text)
            assert q.value == 250_000_000, entry.surface
            assert q.unit == (entry.code or "$"), entry.surface
            assert text[q.start : q.end] == f"{entry.surface}250 million"
        if entry.position in ("suffix", "both"):
            text = f"a grant of 250 million {entry.surface} today"
            (q,) = quantities(text)
            assert q.unit == (entry.code or "$"), entry.surface
            assert text[q.start : q.end] == f"250 million {entry.surface}"


def test_currency_regex_prefers_the_longest_surface() -> None:
    (q,) = quantities("NZ$16 million")
    assert q.unit == "NZD"
    (q,) = quantities("\\$NZ16 million")
    assert q.unit == "NZD"
