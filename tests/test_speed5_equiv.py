"""This session's faster forms (speed5) against the plain forms they replace, copied here
from the code they started from: each must answer exactly what the plain form answered, at
every offset or number of the seed articles, of random windows of them and of hostile text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from speed_corpus import seed_texts, windows

from extractor import numbers as N
from extractor.exclusions import (
    _BRACKET_PATTERNS,
    _MARKER_PATTERNS,
    _MONTH_PATTERNS,
    _PHONE_PATTERNS,
    _PUNCT_PATTERNS,
    _UNIT_AFTER,
    _YEAR_PATTERNS,
    Mask,
    _compiled,
    _month_near,
)
from extractor.gazetteer import EntityIndex, Mention
from extractor.layout import Layout


def _windows(count: int, longest: int) -> list[str]:
    return windows(count, longest, 5)


_HOSTILE = [
    "",
    "1",
    "-3.5% and −2.1%",
    "1,2 and 4,5 billion, 9.500 soldiers, 1.375 billion, 1,234.5, 1.234,5",
    "pages 1,2; 2 million 450 thousand; $9 million 300-bed; 0" + "1" * 60,
    "(1) 2. 3) 14 July 2024, 2023-24, 10:30 a.m., +44 20 7946 0958, [12], v1.2.3",
    "Il-76 G20 96A 75th 1930s 2+4 73/27 Rs.250 kr.40 A$250 EUR7.3",
    "One. Two.\n\nThree\n \nFour Mr. Smith paid U.S. $5.",
]


# -- Layout.sentence: the plain form bisected on the sentence starts alone ------------------


def _plain_sentence(layout: Layout, pos: int) -> tuple[int, int]:
    index = layout.paragraph_index(pos)
    starts = layout._sentence_starts(index)[:-1]  # less the paragraph's end after them
    i = bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else layout.paragraph_at(index)[1]
    return starts[i], end


def test_sentence_at_every_offset_of_the_seeds() -> None:
    for text in [*seed_texts(), *_HOSTILE]:
        layout, plain = Layout(text), Layout(text)  # (the plain form reads its own, unasked)
        for pos in range(-1, len(text) + 2):
            assert layout.sentence(pos) == _plain_sentence(plain, pos), (text[:40], pos)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n\t\"”)(A1", max_size=60))
def test_sentence_on_any_text(text: str) -> None:
    layout, plain = Layout(text), Layout(text)
    for pos in range(len(text) + 1):
        assert layout.sentence(pos) == _plain_sentence(plain, pos)


# -- Mask.covers: the plain form ran a generator of pattern groups ---------------------------


def _plain_candidates(mask: Mask, start: int, end: int) -> Iterator[tuple[str, ...]]:
    text = mask.text
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before in "([":
        yield _BRACKET_PATTERNS
    if after in ".)" and (start == 0 or text[start - 1] in " \t\n"):
        yield _MARKER_PATTERNS
    if _month_near().search(text, max(0, start - 24), min(len(text), end + 24)):
        yield _MONTH_PATTERNS
    clock = text.startswith((" a.m", " p.m", " am", " pm"), end)
    if after in "-–/.:" or before in "-–/.:" or clock:
        yield _PUNCT_PATTERNS
    if end - start == 4 and (after in "-–/" or _UNIT_AFTER.match(text, end)):
        yield _YEAR_PATTERNS
    if "+" in text[max(0, start - 20) : start] or "(" in text[max(0, start - 8) : start]:
        yield _PHONE_PATTERNS


def _plain_covers(mask: Mask, start: int, end: int) -> bool:
    text = mask.text
    if end - start > 5 and "." not in text[start:end]:
        return False
    lo = hi = -1
    tried: set[str] = set()
    for names in _plain_candidates(mask, start, end):
        if lo < 0:
            lo, hi = mask._window(start, end)
        for name in names:
            if name in tried:
                continue
            tried.add(name)
            for m in _compiled()[name].finditer(text, lo, hi):
                if m.start() >= end:
                    break
                if m.end() > start:
                    return True
    return False


def test_covers_for_every_number_and_digit_run() -> None:
    for text in [*seed_texts(), *_HOSTILE, *_windows(300, 200)]:
        mask = Mask(text)
        spans = [(t.start, t.end) for t in N.number_tokens(text)]
        spans += [m.span() for m in re.finditer(r"\d+", text)]
        for start, end in spans:
            assert mask.covers(start, end) == _plain_covers(mask, start, end), (text, start)


# -- _digit_tokens: the plain form took every number through the general branch -------------


def _plain_digit_tokens(text: str) -> Iterator[N.NumberToken]:
    english: bool | None = None
    for m in N._digit_scan(text).finditer(text):
        s, e = m.span("d")
        if s and text[s - 1] in "0123456789.," and not N._after_dotted_symbol(text, s):
            continue
        digits = m.group("d")
        scale = m.group("s")
        stop = m.end() if scale else e
        if not (
            (not s or text[s - 1] in N._FREE_BEFORE)
            and (stop == len(text) or text[stop] in N._FREE_AFTER)
        ) and N._glued_to_identifier(text, s, stop):
            continue
        if (
            len(digits) > N.MAX_SIGNIFICANT_DIGITS
            and sum(ch.isdigit() for ch in digits.lstrip("0")) > N.MAX_SIGNIFICANT_DIGITS
        ):
            continue
        if "," in digits and "." not in digits:
            tail = digits.rpartition(",")[2]
            if len(tail) < 3 and not N._decimal_comma_ok(text, s, e):
                digits = digits.rpartition(",")[0]
                e = s + len(digits)
                scale = None
        scaled = bool(scale)
        if digits.count(".") == 1 and len(digits.partition(".")[2]) == 3:
            if english is None:
                english = N._ENGLISH_THOUSANDS.search(text) is not None
            scaled = scaled or N._scale_after().match(text, e) is not None
        value = N._digits_value(digits, scaled=scaled, english=bool(english))
        end = e
        if scale:
            base = re.sub(r"\s+\d+(?:\s+(?:thousand|hundred))?$", "", scale)
            factor = N._scale_value(base)
            value = N._EXACT.multiply(value, Decimal(factor))
            extra = m.group("extra")
            if extra:
                xfactor = N._scale_value(m.group("xscale")) if m.group("xscale") else 1
                spoken = base.strip(" -").lower() in ("thousand", "hundred")
                if xfactor < factor and (m.group("xscale") or spoken):
                    value = N._EXACT.add(value, Decimal(extra) * xfactor)
                    end = m.end("s")
                else:
                    end = m.start("s") + len(base)
            else:
                end = m.end("s")
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1), context=N._EXACT)
            scale = base.strip(" -").lower()
        if s and text[s - 1] in "-−" and N._signed(text, s):
            s, value = s - 1, -value
        yield N.NumberToken(s, end, value, text[s:end], "digits", scale or None)


def _same_tokens(text: str) -> None:
    got = N._digit_tokens(text)
    want = list(_plain_digit_tokens(text))
    assert got == want
    # Decimal equality ignores the exponent ("5" == "5.0"): the written value must agree too
    assert [str(t.value) for t in got] == [str(t.value) for t in want]


def test_digit_tokens_of_the_seeds_and_hostile_text() -> None:
    for text in [*seed_texts(), *_HOSTILE, *_windows(500, 120)]:
        _same_tokens(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 ,.-−%$€()+/\u00a0abkmMn\n", max_size=40))
def test_digit_tokens_on_any_digits(text: str) -> None:
    _same_tokens(text)


# -- EntityIndex: Mentions as the plain scan built them ------------------------------------


def test_mentions_are_those_of_the_plain_scan() -> None:
    from extractor.gazetteer import gazetteer
    from extractor.tables import starts_word

    gaz = gazetteer()
    for text in [*seed_texts(), *_windows(200, 400)]:
        layout = Layout(text)
        index = EntityIndex(text, layout)
        for i in range(len(layout.paragraph_starts)):
            lo, hi = layout.paragraph_at(i)
            want = [
                Mention(m.start(), m.end(), *gaz.surfaces[m.group("s")], bool(m.group("pos")))
                for m in gaz.scan.finditer(text, lo, hi)
                if starts_word(text, m.start()) and m.group("s") not in gaz.ignored
            ]
            assert index._paragraph_mentions(i)[0] == want
