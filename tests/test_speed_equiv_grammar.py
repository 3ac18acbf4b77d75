"""The grammar's faster forms against the plain forms they replace (the speed work of
December 2026): each must find exactly what the plain form found, on text built from the
grammar's own surfaces and on windows of the seed articles."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from speed_corpus import seed_texts, windows

from extractor.lexicon import lexicon, trie_regex


@cache
def _seed_text() -> str:
    return "\n".join(seed_texts())


def _windows(count: int, longest: int, seed: int = 7) -> list[str]:
    return windows(count, longest, seed, text=_seed_text())


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
        assert _span(lexicon().prefix_re.search(window)) == _span(_plain_prefix_re().search(window))


def test_the_currency_prefix_finds_what_the_plain_form_finds_in_the_seeds() -> None:
    for window in _windows(20000, 14):
        assert _span(lexicon().prefix_re.search(window)) == _span(_plain_prefix_re().search(window))


# --- the digit scan: a table of the digits below U+FFFF instead of \d ------------------------


def test_the_digit_table_is_what_backslash_d_matches_below_u_ffff() -> None:
    from extractor.numbers import _bmp_digits

    table = re.compile(_bmp_digits())
    plain = re.compile(r"\d")
    for code in range(0x10000):
        ch = chr(code)
        assert (table.fullmatch(ch) is None) == (plain.fullmatch(ch) is None), hex(code)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern.finditer(text)]


DIGIT_TEXT = st.lists(
    st.sampled_from([*"0123456789 ,.-–%$€kmMbBn\n\u00a0\u202f٣५", "million", "bn", "thousand"]),
    max_size=40,
).map("".join)


@given(DIGIT_TEXT)
def test_the_digit_scan_finds_what_the_backslash_d_scan_finds(text: str) -> None:
    from extractor.numbers import _digit_scan, _number_re

    assert _matches(_digit_scan(text), text) == _matches(_number_re()[0], text)


def test_the_digit_scan_keeps_backslash_d_beside_a_character_beyond_u_ffff() -> None:
    from extractor.numbers import _digit_scan, _number_re, number_tokens

    text = "𝟓 tanks and 𝟑0 guns, 40 shells"  # mathematical digits: \d, beyond U+FFFF
    assert _digit_scan(text) is _number_re()[0]
    assert [t.text for t in number_tokens(text)] == ["𝟓", "𝟑0", "40"]


def test_the_digit_scan_finds_what_the_backslash_d_scan_finds_in_the_seeds() -> None:
    from extractor.numbers import _digit_scan, _number_re

    for window in _windows(3000, 400, seed=11):
        assert _matches(_digit_scan(window), window) == _matches(_number_re()[0], window)


# --- the exclusion mask: the pattern groups tried one after another ---------------------------


def _plain_covers(text: str, start: int, end: int) -> bool:
    """Mask.covers as first written: every pattern that could apply collected, then run."""
    from extractor.exclusions import _UNIT_AFTER, Mask, _compiled, _month_near

    if end - start > 5 and "." not in text[start:end]:
        return False
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    names: list[str] = []
    if before in "([":
        names += ["list.paren", "citation"]
    if after in ".)" and (start == 0 or text[start - 1] in " \t\n"):
        names.append("list.marker")
    if _month_near().search(text, max(0, start - 24), min(len(text), end + 24)):
        names += ["date.day_month", "date.month_day", "date.month_year"]
    if (
        after in "-–/.:"
        or before in "-–/.:"
        or text.startswith((" a.m", " p.m", " am", " pm"), end)
    ):
        names += ["date.iso", "date.numeric", "date.year_range", "version.dotted", "time.clock"]
    if end - start == 4 and (after in "-–/" or _UNIT_AFTER.match(text, end)):
        names += ["date.year_after_preposition", "date.year_range"]
    if "+" in text[max(0, start - 20) : start] or "(" in text[max(0, start - 8) : start]:
        names.append("phone")
    lo = max(0, start - Mask.WINDOW)
    while lo > 0 and lo > start - 2 * Mask.WINDOW and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), end + Mask.WINDOW)
    for name in dict.fromkeys(names):
        for m in _compiled()[name].finditer(text, lo, hi):
            if m.start() >= end:
                break
            if m.end() > start:
                return True
    return False


DATE_PIECES = st.lists(
    st.sampled_from(
        [*"0123456789 ,.-–/:()[]+\n", "May", "Sept.", "March", "of", "in", "am", "p.m.", "pc", "s"]
    ),
    max_size=30,
).map("".join)


def _digit_runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)*", text)]


@given(DATE_PIECES)
def test_the_mask_answers_what_the_plain_mask_answered(text: str) -> None:
    from extractor.exclusions import Mask

    mask = Mask(text)
    for start, end in _digit_runs(text):
        assert mask.covers(start, end) == _plain_covers(text, start, end)


def test_the_mask_answers_what_the_plain_mask_answered_in_the_seeds() -> None:
    from extractor.exclusions import Mask

    for window in _windows(3000, 300, seed=5):
        mask = Mask(window)
        for start, end in _digit_runs(window):
            assert mask.covers(start, end) == _plain_covers(window, start, end)


# --- the list layer: "respectively" looked for before the pattern that reads up to it --------


@given(
    st.lists(
        st.sampled_from([" ", "and", "10", ",", ".", "\n", "respectively", "x", "irrespectively"]),
        max_size=30,
    ).map("".join),
    st.integers(min_value=0, max_value=80),
)
def test_respectively_is_found_where_the_plain_pattern_finds_it(text: str, end: int) -> None:
    from extractor.lists import _RESPECTIVELY, respectively_follows
    from extractor.quantity import Quantity

    end = min(end, len(text))
    q = Quantity(kind="count", unit="tank", qualifier="exact", start=0, end=end, rule="count")
    assert respectively_follows(text, q) == (_RESPECTIVELY.match(text, end) is not None)


@given(st.text(alphabet=' \t\n\u00a0ab~"(', max_size=20))
def test_the_last_word_is_the_last_of_the_split(text: str) -> None:
    stripped = text.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    assert last == (stripped.split() or [""])[-1]


# --- ranges: the gap is looked at before it is cut out of the text ---------------------------

_GAP_WORDS = "| |  |\n|%|per cent|percent|to|and|-|–|—|up to|$|about|as many as|A$|the|t|p|a"
GAP_PIECES = st.lists(st.sampled_from(_GAP_WORDS.split("|")), max_size=6).map("".join)


@given(GAP_PIECES)
def test_every_range_gap_opens_as_the_connector_test_expects(gap: str) -> None:
    from extractor.quantities import _CONNECTOR_OPENS, _range_connector

    if _range_connector().fullmatch(gap):
        assert _CONNECTOR_OPENS.match(gap)


def test_every_range_gap_in_the_seeds_opens_as_the_connector_test_expects() -> None:
    from extractor.quantities import _CONNECTOR_OPENS, _range_connector

    for gap in _windows(20000, 30, seed=3):
        if _range_connector().fullmatch(gap):
            assert _CONNECTOR_OPENS.match(gap)


# --- layout: line starts without \r ------------------------------------------------------------


@given(st.text(alphabet="ab \n\r\t.", max_size=60))
def test_line_starts_are_those_of_the_plain_line_end_scan(text: str) -> None:
    from extractor.layout import _LINE_END, Layout

    assert Layout(text).line_starts == [0] + [m.end() for m in _LINE_END.finditer(text)]


# --- number words: one scan over a byte copy instead of two over the lower-cased text ----------

_WORDS = ["one", "Two", "THREE", "seventeen", "Seventy", "million", "dozen", "someone"]
# spaces, punctuation, latin-1 and other word characters, the Kelvin sign (lower case "k"),
# the long s, a digit beyond U+FFFF
_OTHERS = " |  |\n|-|,|(|_|5|é|ł|“|—|\u00a0|\u212a|ſ|?|À|\u00b5|ß|ª|Ω|\U0001d7d3|'".split("|")
WORD_PIECES = st.lists(st.sampled_from([*"lexicon", *_WORDS, *_OTHERS]), max_size=30).map("".join)


@given(WORD_PIECES)
def test_the_byte_scan_finds_what_the_two_scans_find_in_the_lower_case(text: str) -> None:
    from extractor.numbers import _number_re, _number_word_hits, _word_hits

    _, _, scans, word_at = _number_re()
    want = _word_hits(text.lower(), scans, word_at)
    got = [(s, e, w.lower()) for s, e, w in _number_word_hits(text)]
    if "\u0130" not in text:
        assert got == want


def test_the_byte_scan_finds_what_the_two_scans_find_in_the_seeds() -> None:
    from extractor.numbers import _number_re, _number_word_hits, _word_hits

    _, _, scans, word_at = _number_re()
    for window in [*_windows(2000, 600, seed=13), _seed_text(), _seed_text().upper()]:
        want = _word_hits(window.lower(), scans, word_at)
        assert [(s, e, w.lower()) for s, e, w in _number_word_hits(window)] == want


def test_only_one_character_changes_length_in_lower_case() -> None:
    from extractor.numbers import _LONGER_IN_LOWER_CASE

    longer = [chr(c) for c in range(0x110000) if len(chr(c).lower()) != 1]
    assert longer == [_LONGER_IN_LOWER_CASE]


def test_lower_case_keeps_word_and_space_characters() -> None:
    word, space = re.compile(r"\w"), re.compile(r"\s")
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if len(low) == 1:
            assert bool(word.match(ch)) == bool(word.match(low)), hex(code)
            assert bool(space.match(ch)) == bool(space.match(low)), hex(code)


# --- number words: the text lowered only around them --------------------------------------------

_RUN_WORDS = "a|an|half|and|quarter|thirds|of|another|hundred| |  |\n|-|,|.|(|“|—|Σ|ΑΣ|5|é|İ|'|x"
RUN_PIECES = st.lists(st.sampled_from([*_WORDS, *_RUN_WORDS.split("|")]), max_size=40).map("".join)


def _tokens_with_the_whole_text_lowered(text: str) -> list[object]:
    from unittest import mock

    from extractor import numbers

    with mock.patch.object(numbers, "_lowered_near", lambda text, hits: text.lower()):
        return list(numbers._word_tokens(text))


@given(RUN_PIECES)
def test_lowering_near_the_number_words_reads_them_as_lowering_all(text: str) -> None:
    from extractor.numbers import _word_tokens

    assert list(_word_tokens(text)) == _tokens_with_the_whole_text_lowered(text)


def test_lowering_near_the_number_words_reads_them_as_lowering_all_in_the_seeds() -> None:
    from extractor.numbers import _word_tokens

    texts = [*_windows(1500, 800, seed=17), _seed_text(), _seed_text().upper()]
    texts.append("one two three " * 200)  # no stopper in reach: the whole text is lowered
    for text in texts:
        assert list(_word_tokens(text)) == _tokens_with_the_whole_text_lowered(text)


@given(GAP_PIECES, GAP_PIECES, GAP_PIECES)
def test_the_range_connector_matched_in_place_is_the_one_matched_on_the_gap(
    before: str, gap: str, after: str
) -> None:
    from extractor.quantities import _range_connector

    text = before + gap + after
    start, end = len(before), len(before) + len(gap)
    on_gap = _range_connector().fullmatch(gap)
    in_place = _range_connector().fullmatch(text, start, end)
    assert (on_gap is None) == (in_place is None)
    if on_gap is not None and in_place is not None:
        assert on_gap.groupdict() == in_place.groupdict()


# --- layout: the sentence end opening with one class ---------------------------------------------

_PLAIN_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[A-Z0-9])|\n")


@given(
    st.lists(st.sampled_from([*'ab.!?\n \t"”’)]A5(“‘[', "U.S.", "Mr."]), max_size=40).map("".join),
    st.integers(min_value=0, max_value=40),
)
def test_the_sentence_end_is_the_plain_one(text: str, pos: int) -> None:
    from extractor.layout import _SENTENCE_END

    pos = min(pos, len(text))
    assert _matches_in(_SENTENCE_END, text, pos) == _matches_in(_PLAIN_SENTENCE_END, text, pos)


def _matches_in(pattern: re.Pattern[str], text: str, pos: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos, len(text))]


def test_the_sentence_end_is_the_plain_one_in_the_seeds() -> None:
    from extractor.layout import _SENTENCE_END

    text = _seed_text()
    assert _matches_in(_SENTENCE_END, text, 0) == _matches_in(_PLAIN_SENTENCE_END, text, 0)


def test_the_quantity_fields_are_in_the_order_build_gives_them() -> None:
    """_build makes the base quantity by position; a field moved would shift the others."""
    from extractor.quantity import Quantity

    assert Quantity._fields == (
        *("kind", "unit", "qualifier", "start", "end", "rule", "value", "min", "max", "of"),
        *("currency_from", "noun_phrase", "modifiers", "number_start", "number_end", "words"),
    )
