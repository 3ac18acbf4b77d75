"""Every grammar rule's examples and counter-examples, and the real-sentence corpora."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.context import resolve_currencies
from extractor.gazetteer import EntityIndex
from extractor.layout import Layout
from extractor.lists import LIST_RULES
from extractor.quantities import Quantity, quantities
from extractor.readers import READERS
from extractor.rules.grammar import GRAMMAR_RULES


def read(text: str, *, bare: bool = False) -> list[Quantity]:
    """Quantities as the domain layer sees them; bare numbers (no unit) only when asked."""
    found = resolve_currencies(text, quantities(text), Layout(text), EntityIndex(text))
    return [q for q in found if bare or q.kind != "number"]


def _check(q: Quantity, expect: dict[str, Any]) -> None:
    for key, want in expect.items():
        got = getattr(q, key)
        if isinstance(got, Decimal):
            assert float(got) == pytest.approx(float(want)), key
        else:
            assert got == want, key


EXAMPLES = [
    (r.id, text, quote, expect) for r in GRAMMAR_RULES for text, quote, expect in r.examples
]
COUNTER = [
    (r.id, *(c if isinstance(c, tuple) else (c, c)))
    for r in GRAMMAR_RULES
    for c in r.counter_examples
]


@pytest.mark.parametrize(("rule", "text", "quote", "expect"), EXAMPLES)
def test_rule_example(rule: str, text: str, quote: str, expect: dict[str, Any]) -> None:
    found = [q for q in read(text, bare=True) if text[q.start : q.end] == quote]
    assert found, f"{quote!r} not read from {text!r}: {[text[q.start : q.end] for q in read(text)]}"
    q = found[0]
    assert q.rule == rule
    _check(q, {"qualifier": "exact", **expect} if "qualifier" not in expect else expect)


@pytest.mark.parametrize(("rule", "text", "span"), COUNTER)
def test_rule_counter_example(rule: str, text: str, span: str) -> None:
    """No rule reads a figure over a counter-example's span (the whole sentence unless a span
    is named); bare numbers, which are no facts until a domain rule gives them a unit, aside."""
    lo = text.index(span)
    hi = lo + len(span)
    assert [
        (text[q.start : q.end], q.rule) for q in read(text) if q.start < hi and lo < q.end
    ] == []


def test_every_rule_has_examples() -> None:
    for rule in GRAMMAR_RULES:
        assert len(rule.examples) >= 2 or rule.id == "percent.of_gdp"
        assert rule.counter_examples, rule.id


def test_every_reader_rule_has_one_record_with_examples() -> None:
    """The unit readers and the list layer stamp exactly the documented rule ids, each once."""
    stamped = [rule for reader in READERS for rule in reader.rules] + list(LIST_RULES)
    assert len(stamped) == len(set(stamped))
    documented = [r.id for r in GRAMMAR_RULES]
    assert len(documented) == len(set(documented))
    assert set(stamped) == set(documented)
    assert len({reader.name for reader in READERS}) == len(READERS)


def test_every_rule_stamped_on_a_quantity_is_documented() -> None:
    ids = {r.id for r in GRAMMAR_RULES}
    text = " ".join(t for _, t, _, _ in EXAMPLES)
    assert {q.rule for q in read(text, bare=True)} <= ids


# Distractors from real articles: none of these is a quantitative fact.
NEGATIVE = [
    "On 14 July 2024 the leaders met.",
    "date 2024-07-11 NATO chief says",
    "Monday, July 15, 2024",
    "Báo Quốc Tế16/06/2023",
    "Posted Sep 26, 2020",
    "26.9.2020",
    "held from September 16 to 21 in Western Russia",
    "signed on June 5, 2019.",
    "in the 1930s and the fifties",
    "in fiscal 2023-24 and 2015-2016",
    "the 21st century and the 70th anniversary",
    "Rossiya-1 TV and WW2 and the G20",
    "at 10:30 am on Tuesday",
    "call +61 2 6277 7111 now",
    "The Sino-Russian alliance comes of age— Part 3",
    "since 2022 and by 2030",
    "the IP4 and AP4 groups",
    "Type 96A main battle tanks, H-6K strategic bombers, JH-7A fighter bombers",
    "The two leaders agreed.",
    "the group of four countries",
    "it is a Hong Kong-style “one country, two systems” formula",
    "He was five months old.",
    "Two, Poland began surging.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_corpus(text: str) -> None:
    assert [text[q.start : q.end] for q in read(text)] == []


def test_citation_marker_is_cut_off() -> None:
    text = "The war killed 100,000,[4] soldiers."
    got = [(text[q.start : q.end], q.value) for q in read(text)]
    assert got == []  # "100,000," is not followed by its noun; the marker never becomes 4
    text = "The war killed 100,000[4] soldiers."
    assert [text[q.start : q.end] for q in read(text)] == []


def test_offsets_inside_a_long_sentence() -> None:
    text = (
        "On the Russian side, the exercise reportedly involved 128,000 servicemen, over 20,000 "
        "pieces of hardware including 15 warships, 600 aircraft, 250 tanks."
    )
    quotes = [
        "128,000 servicemen",
        "over 20,000 pieces of hardware",
        "15 warships",
        "600 aircraft",
        "250 tanks",
    ]
    expected = [(text.index(s), text.index(s) + len(s)) for s in quotes]
    assert [(q.start, q.end) for q in read(text)] == expected
    assert expected[0] == (54, 72)


def test_bare_dollar_takes_currency_from_the_sentence() -> None:
    text = "It brings Australia's support to \\$A1.3 billion, including \\$1.1 billion for Ukraine."
    qs = read(text)
    assert [(q.unit, q.currency_from) for q in qs] == [("AUD", "text"), ("AUD", "context")]


def test_bare_dollar_takes_currency_from_the_country() -> None:
    text = "New Zealand's total contribution is now more than $130 million."
    (q,) = read(text)
    assert (q.unit, q.currency_from) == ("NZD", "context")


def test_bare_dollar_in_brackets_after_another_currency_is_not_that_currency() -> None:
    text = "Britain pledged £2.5bn (about $3.2bn) to Ukraine."
    qs = read(text)
    assert [q.unit for q in qs] == ["GBP", "USD"]


def test_bare_dollar_of_a_country_without_a_dollar_is_us_dollars() -> None:
    text = "Japan will spend about $240 billion over five years."
    assert read(text)[0].unit == "USD"


def test_a_share_of_gdp_is_shared_only_along_a_list() -> None:
    """Only percentages listed right before it (comma or 'and') become shares of GDP."""
    for text, quote in [
        ("Turnout was 61%. Spending is 2% of GDP.", "61%"),
        ("Support rose 4% while aid was 0.3% of GDP.", "4%"),
        ("Support rose from 2% to 3% of GDP.", "2%"),
    ]:
        (q,) = [q for q in read(text) if text[q.start : q.end] == quote]
        assert q.of is None, text


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("9.9"), places=1),
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("9.9"), places=1),
    st.sampled_from(["%", " per cent", " percent"]),
)
def test_two_shares_joined_by_and_are_two_figures(a: Decimal, b: Decimal, pct: str) -> None:
    """'A% and B% of GDP' without 'between' is a list: two figures, both shares of GDP;
    'between A% and B% of GDP' is one range."""
    text = f"Greece and Turkey spend {a}{pct} and {b}{pct} of GDP on defence."
    got = [(q.value, q.of) for q in read(text)]
    assert got == [(a, "GDP"), (b, "GDP")]
    lo, hi = sorted((a, b))
    text = f"Members should spend between {lo}{pct} and {hi}{pct} of GDP."
    got = [(q.value, q.min, q.max) for q in read(text)]
    assert got == ([(None, lo, hi)] if lo < hi else [(lo, None, None), (hi, None, None)])


@given(
    st.integers(min_value=1900, max_value=2099),
    st.sampled_from(["estimates", "figures", "budgets", "levels", "data", "forecasts", "reports"]),
    st.sampled_from(["", "defence ", "NATO "]),
)
def test_a_year_before_a_noun_of_statistics_dates_it(year: int, noun: str, mod: str) -> None:
    """'<year> estimates' counts nothing, with or without a modifier between; the same digits
    grouped ('2,024 estimates') or a noun of people ('2000 soldiers') are counts."""
    assert read(f"According to the {year} {mod}{noun}, spending grew.") == []
    if noun != "data":  # no count noun
        (q,) = read(f"They made {year:,} {mod}{noun} in May.")
        assert q.value == year and q.kind == "count"
    (q,) = read(f"They sent {year} soldiers in May.")
    assert q.value == year and q.unit == "soldier"


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
    st.sampled_from([("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]),
    st.sampled_from([("yen", "JPY"), ("euro", "EUR"), ("won", "KRW"), ("yuan", "CNY")]),
    st.sampled_from(["-", " "]),
)
def test_hyphenated_money_reads_scale_and_currency(
    amount: Decimal, scale: tuple[str, int], currency: tuple[str, str], sep: str
) -> None:
    """'a 60.8-billion-yen loan', 'a 1.5 billion-euro package': the amount, its scale and the
    currency after the hyphen make one money figure, quoted whole."""
    (word, factor), (name, code) = scale, currency
    figure = f"{amount}{sep}{word}-{name}"
    text = f"They agreed a {figure} loan."
    (q,) = read(text)
    assert (q.kind, q.unit, q.value) == ("money", code, amount * factor)
    assert text[q.start : q.end] == figure


@given(
    st.lists(st.integers(min_value=2, max_value=99_999), min_size=2, max_size=4),
    st.sampled_from([("troops", "troop"), ("engineers", "engineer"), ("drones", "drone")]),
    st.sampled_from(["Sweden", "Kenya", "Peru", "Vietnam"]),
    st.sampled_from([", ", " and ", ", while "]),
)
def test_a_gapped_list_counts_the_first_noun(
    figures: list[int], noun: tuple[str, str], name: str, joint: str
) -> None:
    """'A sent N nouns, B M and C K': every figure after a name counts the first one's noun."""
    plural_noun, unit = noun
    items = [f"{name} {n:,}" for n in figures[1:]]
    text = f"Chile sent {figures[0]:,} {plural_noun}{joint}{joint.join(items)}, it said."
    got = [(q.value, q.unit) for q in read(text)]
    assert got == [(n, unit) for n in figures]


@pytest.mark.parametrize(
    "text",
    [
        "In 2014 only three allies met the target.",
        "By 1990 some twenty nations had signed.",
        "In 2023 nearly two dozen countries took part.",
    ],
)
def test_a_noun_counted_by_a_later_number_word_is_not_the_year_s(text: str) -> None:
    """'In 2014 only three allies': the year counts nothing; the number word counts allies."""
    found = quantities(text)
    assert found, text
    assert all(not text[q.start : q.end].startswith(("2014", "1990", "2023")) for q in found)
