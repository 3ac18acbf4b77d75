"""The number layer: property tests (hypothesis) and the currency table round trip."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractor.lexicon import lexicon
from extractor.numbers import number_tokens, words_value
from extractor.quantities import quantities

quantities("about 5 Polish, Czech and Chinese troops")  # load every table before hypothesis
# times the first example

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


def indian(n: int) -> str:
    """n grouped the Indian way: the last three digits, then pairs (12,34,567)."""
    head, tail = divmod(n, 1000)
    groups: list[str] = []
    while head:
        head, pair = divmod(head, 100)
        groups.insert(0, f"{pair:02d}" if head else str(pair))
    return ",".join([*groups, f"{tail:03d}"]) if groups else str(tail)


@given(
    st.integers(min_value=100_000, max_value=10**11),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["crore", "lakh", ""]),
)
def test_indian_grouping_round_trip(n: int, frac: int, scale: str) -> None:
    """Any Indian-grouped amount with or without a decimal tail reads whole, scale applied."""
    lex = lexicon()
    figure = f"{indian(n)}.{frac:02d}" if frac else indian(n)
    text = f"₹{figure} {scale}".rstrip() + " for the army"
    (q,) = quantities(text)
    factor = lex.scales[scale] if scale else 1
    assert q.value == Decimal(figure.replace(",", "")) * factor
    assert text[q.start : q.end] == f"₹{figure} {scale}".rstrip()


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


# --- issue 11, "Values": each reproducer is a regression test --------------------------


def test_adjacent_figures_never_merge_across_a_noun() -> None:
    text = "a $9 million 300-bed hospital"
    got = [(text[q.start : q.end], q.value) for q in quantities(text)]
    assert got == [("$9 million", 9_000_000), ("300-bed", 300)]
    text = "spent $9 million 300 times"
    assert quantities(text)[0].value == 9_000_000


def test_signs_are_negative_values() -> None:
    for text, quote in [
        ("GDP fell -3.5% in 2023", "-3.5%"),
        ("exports (−2.1%) slowed", "−2.1%"),
        ("growth of minus 2 per cent", "minus 2 per cent"),
        ("growth of Minus 2 per cent", "Minus 2 per cent"),
    ]:
        (q,) = quantities(text)
        assert text[q.start : q.end] == quote
        assert q.value is not None and q.value < 0


def test_indian_grouping_with_crore() -> None:
    text = "₹1,00,000 crore for defence"
    (q,) = quantities(text)
    assert (q.unit, q.value, text[q.start : q.end]) == ("INR", 10**12, "₹1,00,000 crore")


def test_indian_grouping_with_a_decimal_tail() -> None:
    """'6,21,940.85 crore': the lakh groups, then decimals; never the first digit alone."""
    for text, quote, value in [
        ("a defence outlay of ₹6,21,940.85 crore", "₹6,21,940.85 crore", 6219408500000),
        ("₹4,35,000.5 crore this year", "₹4,35,000.5 crore", 4350005000000),
        ("₹12,50,000.75 for the unit", "₹12,50,000.75", Decimal("1250000.75")),
    ]:
        (q,) = quantities(text)
        assert (q.unit, q.value, text[q.start : q.end]) == ("INR", value, quote)


def test_zero_width_characters_inside_numbers_are_ignored() -> None:
    for zw in ("\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"):
        text = f"sent 12,{zw}500 troops and 1{zw}000 tanks"
        got = [(text[q.start : q.end], q.value) for q in quantities(text)]
        assert got == [(f"12,{zw}500 troops", 12500), (f"1{zw}000 tanks", 1000)]


def test_lines_end_at_lf_crlf_and_lone_cr() -> None:
    from extractor.layout import Layout

    layout = Layout("one\rtwo\r\nthree\nfour")
    assert [layout.line(p) for p in (0, 4, 9, 15)] == [1, 2, 3, 4]


def test_huge_numbers_are_refused_by_a_stated_limit_never_an_error() -> None:
    from extractor.numbers import MAX_SIGNIFICANT_DIGITS

    ok = "9" * MAX_SIGNIFICANT_DIGITS
    (q,) = quantities(f"{ok} troops")
    assert q.value == int(ok)
    assert quantities(f"{ok}9 troops and 9{'0' * MAX_SIGNIFICANT_DIGITS} tanks") == []
    (q,) = quantities(f"${'9' * 20} trillion")  # 32 digits once scaled: still exact
    assert q.value == int("9" * 20) * 10**12


def test_lexicon_tables_hold_no_yaml_booleans() -> None:
    """YAML 1.1 reads `on`, `no`, `yes`, `off` as booleans: every such word must be quoted."""
    from extractor.lexicon import load_data

    def walk(node: object) -> None:
        assert not isinstance(node, bool)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                if key != "tender":  # the one boolean field (currencies_cldr.yaml)
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in ("lexicon.yaml", "currencies.yaml", "currencies_cldr.yaml"):
        walk(load_data(name))


def test_a_shared_scale_gives_whole_numbers_without_a_decimal_tail() -> None:
    """'2.5–7.5 million' -> min 2500000, written as such (not 2500000.0) in a sheet."""
    (q,) = quantities("2.5–7.5 million people")
    assert (str(q.min), str(q.max)) == ("2500000", "7500000")
    (q,) = quantities("One and a half million people")
    assert str(q.value) == "1500000"
