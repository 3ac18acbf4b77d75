"""Written-out numbers that lean on the words before a scale word (fractions of it, one more of
it), what a bare figure counts after its postfix qualifier, and qualifiers that depend on the
words around the usual qualifier word (a verb's particle, a hedge before the governing noun)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.numbers import number_tokens
from extractor.quantities import Quantity, quantities

quantities("about five Polish troops")  # load the tables before hypothesis times an example


def one(text: str, quote: str) -> Quantity:
    found = [q for q in quantities(text) if text[q.start : q.end] == quote]
    assert len(found) == 1, [(text[q.start : q.end], q.value) for q in quantities(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        (
            "as many as a quarter of a million Syrians fled",
            "as many as a quarter of a million Syrians",
            250_000,
        ),
        ("a third of a million workers struck", "a third of a million workers", 333_333),
        ("two-thirds of a million voters", "two-thirds of a million voters", 666_667),
        (
            "Three quarters of a billion euros went to Kosovo",
            "Three quarters of a billion euros",
            750_000_000,
        ),
        ("a quarter million refugees crossed", "a quarter million refugees", 250_000),
        ("a half million tonnes of grain", "a half million tonnes", 500_000),
        ("half a million volunteers", "half a million volunteers", 500_000),
        ("one quarter of a million ballots", "one quarter of a million ballots", 250_000),
    ],
)
def test_a_fraction_of_a_scale_word(text: str, quote: str, value: int) -> None:
    assert one(text, quote).value == value


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("another million Venezuelans left", "another million Venezuelans", 1_000_000, "person"),
        ("Brussels added another billion euros", "another billion euros", 10**9, "EUR"),
        ("a further thousand troops arrived", "a further thousand troops", 1000, "troop"),
        ("an additional million doses", "an additional million doses", 1_000_000, "dose"),
        ("another hundred thousand tents", "another hundred thousand tents", 100_000, "tent"),
        ("an extra dozen drones", "an extra dozen drones", 12, "drone"),
    ],
)
def test_one_more_of_a_scale_word_is_a_number(text: str, quote: str, value: int, unit: str) -> None:
    q = one(text, quote)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "a quarter of the budget went to Mali",
        "a third of the troops left",
        "two thirds of the voters",
        "per million inhabitants",
        "the Million Man March",
        "another of the brigades",
    ],
)
def test_fractions_and_scale_words_alone_are_no_figures(text: str) -> None:
    assert [q for q in quantities(text) if q.kind != "number"] == [], text


@given(
    st.sampled_from([("a", 1), ("one", 1), ("two", 2), ("three", 3)]),
    st.sampled_from([("quarter", 4), ("third", 3), ("half", 2)]),
    st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]),
    st.sampled_from([" ", "-"]),
)
def test_fraction_values(
    num: tuple[str, int], den: tuple[str, int], scale: tuple[str, int], sep: str
) -> None:
    n, d, s = num[1], den[1], scale[1]
    if n >= d:
        return
    plural = "s" if n > 1 else ""
    text = f"{num[0]}{sep}{den[0]}{plural} of a {scale[0]}"
    (tok,) = list(number_tokens(text))
    assert (tok.start, tok.end) == (0, len(text))
    assert tok.value == (Decimal(s) * n / d).to_integral_value()


@pytest.mark.parametrize(
    ("text", "quote", "unit", "qualifier"),
    [
        (
            "10,000 or more Sudanese refugees crossed",
            "10,000 or more Sudanese refugees",
            "refugee",
            "at_least",
        ),
        (
            "and a further million or more emigrated",
            "a further million or more",
            "person",
            "at_least",
        ),
        ("5,000 or so families", "5,000 or so families", "family", "approximate"),
    ],
)
def test_a_bare_figure_counts_the_noun_after_its_postfix_qualifier(
    text: str, quote: str, unit: str, qualifier: str
) -> None:
    q = one(text, quote)
    assert (q.unit, q.qualifier) == (unit, qualifier)


def test_and_more_still_starts_the_next_item() -> None:
    text = "40 tanks and more armour"
    (q,) = quantities(text)
    assert (text[q.start : q.end], q.qualifier) == ("40 tanks", "exact")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Seoul handed over 12 patrol boats", "12 patrol boats"),
        ("the militia turned over 300 rifles", "300 rifles"),
        ("Hanoi hands over 40 tonnes of rice", "40 tonnes"),
        ("after handing over 2,000 prisoners", "2,000 prisoners"),
    ],
)
def test_over_after_a_transfer_verb_is_its_particle(text: str, quote: str) -> None:
    assert one(text, quote).qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Lima has over 300 buses", "over 300 buses"),
        ("troops took over 40 villages", "over 40 villages"),
        ("it has given over 500 doses", "over 500 doses"),
        ("well over 1,000 protesters", "well over 1,000 protesters"),
    ],
)
def test_over_elsewhere_is_more_than(text: str, quote: str) -> None:
    assert one(text, quote).qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("built at an estimated cost of €80 million", "an estimated cost of €80 million"),
        ("a projected total of 4,000 reservists", "a projected total of 4,000 reservists"),
        ("the reported death toll of 1,200 people", "the reported death toll of 1,200 people"),
        ("an estimated total value of £2bn", "an estimated total value of £2bn"),
        ("a reported 300 drones", "a reported 300 drones"),
        ("an expected 7,000 pilgrims", "an expected 7,000 pilgrims"),
    ],
)
def test_a_hedge_before_the_governing_noun_is_approximate(text: str, quote: str) -> None:
    assert one(text, quote).qualifier == "approximate"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("built at a cost of €80 million", "€80 million"),
        ("the estimated cost was revised; a total of 4,000 reservists", "4,000 reservists"),
        ("an estimated ten days of talks and of 300 envoys", "300 envoys"),
    ],
)
def test_a_noun_of_without_a_hedge_stays_exact(text: str, quote: str) -> None:
    assert one(text, quote).qualifier == "exact"
