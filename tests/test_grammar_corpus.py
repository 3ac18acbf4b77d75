"""The grammar's corpora (tests/corpus/): real-style sentences read with exact offsets, a
negative corpus that must stay clean, and hypothesis properties composing currency, scale,
separator style, qualifier and range that parse each rendering back to its value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.context import resolve_currencies
from extractor.gazetteer import EntityIndex
from extractor.layout import Layout
from extractor.lexicon import lexicon
from extractor.quantities import Quantity, quantities

CORPUS = Path(__file__).parent / "corpus"
POSITIVE = yaml.safe_load((CORPUS / "grammar_positive.yaml").read_text(encoding="utf-8"))
NEGATIVE = yaml.safe_load((CORPUS / "grammar_negative.yaml").read_text(encoding="utf-8"))

lexicon()  # load the tables before hypothesis times the first example


def read(text: str) -> list[Quantity]:
    found = resolve_currencies(text, quantities(text), Layout(text), EntityIndex(text))
    return [q for q in found if q.kind != "number"]


@pytest.mark.parametrize("row", POSITIVE, ids=[r["quote"] for r in POSITIVE])
def test_positive_corpus(row: dict[str, Any]) -> None:
    text, quote, start = row["text"], row["quote"], row["start"]
    assert text[start : start + len(quote)] == quote  # the corpus row itself is right
    found = [q for q in read(text) if (q.start, q.end) == (start, start + len(quote))]
    assert found, [(text[q.start : q.end], q.start) for q in read(text)]
    for key, want in row["expect"].items():
        got = getattr(found[0], key)
        if isinstance(got, Decimal):
            assert got == Decimal(str(want)), key
        else:
            assert got == want, key


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_corpus(text: str) -> None:
    assert [(text[q.start : q.end], q.rule) for q in read(text)] == []


# --- properties -------------------------------------------------------------------------

SCALES = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, "bn": 10**9}
PREFIXES = {
    "€": "EUR",
    "£": "GBP",
    "A$": "AUD",
    "NZ$": "NZD",
    "US$": "USD",
    "NOK ": "NOK",
    "₹": "INR",
}
SUFFIXES = {" euros": "EUR", " Swedish kronor": "SEK", " zlotys": "PLN", " yen": "JPY"}
QUALIFIERS = {"": "exact", "about ": "approximate", "nearly ": "nearly", "more than ": "more_than"}
QUALIFIERS |= {"at least ": "at_least", "up to ": "at_most", "fewer than ": "less_than"}


def render(n: int, style: str) -> str:
    """An integer written with thousands separators in one of the styles the grammar reads."""
    if style == "comma":
        return f"{n:,}"
    if style == "space":
        return f"{n:,}".replace(",", "\u00a0")
    if style == "dot" and n >= 10**6:
        return f"{n:,}".replace(",", ".")  # 1.234.567: two groups, no doubt
    if style == "indian" and n >= 10**5:
        head, tail = str(n)[:-3], str(n)[-3:]
        pairs = []
        while len(head) > 2:
            head, pairs = head[:-2], [head[-2:], *pairs]
        return ",".join([head, *pairs, tail])
    return str(n)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99_999_999),
    style=st.sampled_from(["comma", "space", "dot", "indian", "plain"]),
    currency=st.sampled_from(sorted(PREFIXES) + sorted(SUFFIXES)),
    qualifier=st.sampled_from(sorted(QUALIFIERS)),
)
def test_money_renderings_read_back(n: int, style: str, currency: str, qualifier: str) -> None:
    digits = render(n, style)
    if currency in PREFIXES:
        figure, code = f"{currency}{digits}", PREFIXES[currency]
    else:
        figure, code = f"{digits}{currency}", SUFFIXES[currency]
    quote = f"{qualifier}{figure}"
    text = f"The ministry said {quote} was set aside."
    found = [q for q in read(text) if q.kind == "money"]
    assert [(text[q.start : q.end], q.value, q.unit, q.qualifier) for q in found] == [
        (quote, n, code, QUALIFIERS[qualifier])
    ]


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999),
    decimals=st.sampled_from(["", ".5", ".25", ",5", ",75"]),
    scale=st.sampled_from(sorted(SCALES)),
    currency=st.sampled_from(sorted(PREFIXES)),
)
def test_scaled_amounts_read_back(whole: int, decimals: str, scale: str, currency: str) -> None:
    if decimals.startswith(",") and not scale:
        decimals = ""  # a decimal comma is read only beside a scale word or a unit
    figure = f"{currency}{whole}{decimals}{scale}"
    text = f"Parliament approved {figure} on Monday."
    want = Decimal(f"{whole}{decimals.replace(',', '.')}") * SCALES[scale]
    found = [q for q in read(text) if q.kind == "money"]
    assert [(text[q.start : q.end], q.value, q.unit) for q in found] == [
        (figure, want, PREFIXES[currency])
    ]


@settings(max_examples=200, deadline=None)
@given(
    lo=st.integers(min_value=1, max_value=500),
    width=st.integers(min_value=1, max_value=500),
    scale=st.sampled_from(["", " thousand", " million"]),
    connector=st.sampled_from([" to ", "-", " – ", "–"]),
    between=st.booleans(),
    noun=st.sampled_from(["troops", "refugees", "tanks", "per cent"]),
)
def test_ranges_read_back(
    lo: int, width: int, scale: str, connector: str, between: bool, noun: str
) -> None:
    hi = lo + width
    if noun == "per cent":
        scale = ""
    body = f"between {lo} and {hi}{scale}" if between else f"{lo}{connector}{hi}{scale}"
    text = f"Officials expect {body} {noun} this year."
    factor = {"": 1, " thousand": 1000, " million": 10**6}[scale]
    found = read(text)
    assert [(q.min, q.max, q.value) for q in found] == [(lo * factor, hi * factor, None)]
    assert text[found[0].start :].startswith(body)


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=10**6),
    sign=st.sampled_from(["-", "−", "minus "]),
    unit=st.sampled_from(["%", " per cent", " percent"]),
)
def test_negative_percentages_read_back(n: int, sign: str, unit: str) -> None:
    figure = f"{sign}{n / 10:g}{unit}"
    text = f"Output changed by {figure} last year."
    (q,) = read(text)
    assert (text[q.start : q.end], q.value) == (figure, -Decimal(f"{n / 10:g}"))
