"""Spans of text whose digits are never figures: dates, year ranges, clock times, phone numbers,
list markers, citation markers and version-like dotted numbers.

`excluded_spans(text)` returns sorted, non-overlapping (start, end) ranges of a whole text;
`Mask` answers "is this range inside one?" by looking only around the range.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.lexicon import lexicon, month_pattern, trie_regex

_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# The same day, not after a digit, written so that the pattern opens with a character class:
# Python's re tries a pattern that opens with a look-behind at every position of the window,
# one that opens with a class or literal only where it matches.  The look-behind moves past
# the first digit ("(?<!\d)\d" is "\d(?<!\d\d)"), and the alternatives of _DAY are chosen by
# the digit already read, in _DAY's order.  tests/test_grammar_equivalence.py checks every
# rewritten pattern against its plain form.
_DAY_NOT_AFTER_DIGIT = (
    r"\d(?<!\d\d)(?:(?<=3)[01]|(?<=[12])\d|(?<=0)[1-9]|(?<=[1-9]))(?:st|nd|rd|th)?"
)


@cache
def _month_at_word_start() -> str:
    r"""month_pattern() after a word boundary, opening with the month's first letter (a
    branch of literals) and checking the boundary behind it: "\bMarch" is "M(?<!\wM)arch"."""
    groups: dict[str, list[str]] = {}
    for name in (m.capitalize() for m in lexicon().months):
        groups.setdefault(name[0], []).append(name[1:])
    branches = "|".join(
        f"{c}(?<!\\w{c})(?:{trie_regex(rest)})" for c, rest in sorted(groups.items())
    )
    return rf"(?:{branches})(?![a-z])\.?"


# Each pattern is named; the names appear in tests and in `--explain` output.
@cache
def patterns() -> dict[str, str]:
    """The exclusion patterns by name (month names from the one month table)."""
    month = month_pattern()
    month_ws = _month_at_word_start()
    return {
        "date.iso": r"\d(?<!\d\d)\d{3}-\d{1,2}-\d{1,2}(?!\d)",
        "date.numeric": r"\d(?<!\d\d)\d?[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])",
        "date.day_month": (
            rf"{_DAY_NOT_AFTER_DIGIT}(?:\s*(?:-|–|to|and)\s*{_DAY})?\s+(?:of\s+)?{month}"
            r"(?:,?\s+\d{4})?(?!\d)"
        ),
        "date.month_day": (
            rf"{month_ws}\s+{_DAY}(?!\d)(?:\s*(?:-|–|to|and)\s*{_DAY}(?!\d))?"
            r"(?:,?\s+\d{4})?(?!\d)"
        ),
        "date.month_year": rf"{month_ws}\s+\d{{4}}(?!\d)",
        "date.year_range": (
            r"(?:1(?<![\d,.]1)[6-9]|2(?<![\d,.]2)0)\d\d\s*(?:-|–|/)\s*(?:(?:1[6-9]|20)\d\d|\d\d)"
            r"(?![\d%])"
        ),
        "date.year_after_preposition": (
            r"(?i:\b(?:in|since|by|until|till|from|of|during|before|after|circa|early|late|mid|"
            r"year|summer|winter|spring|autumn|fall|fiscal|FY|the)\s+)"
            r"(?:1[6-9]|20)\d\d(?![\d%]|[,.]\d)"
        ),
        "time.clock": (
            r"\d(?<!\d\d)(?:\d?:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)|\d?\s*[ap]\.m\.)"
        ),
        "phone": (
            r"\+\d[\d\s().-]{7,}\d|\(\d{2,4}\)\s?\d{3,4}[\s-]\d{3,4}"
            r"|(?<!\d)\d{3}-\d{3,4}-\d{4}(?!\d)"
        ),
        "list.marker": r"(?<![^\n])[ \t]*(?:\d{1,3}|[A-Za-z])[.)](?=[ \t])",
        "list.paren": r"\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)",
        "citation": r"\[\d{1,3}(?:[,–-]\s*\d{1,3})*\]",
        "version.dotted": r"\d(?<![\d.]\d)\d*\.\d+\.\d+(?:\.\d+)*(?![\d])",
    }


def excluded_spans(text: str) -> list[tuple[int, int]]:
    combined = re.compile("|".join(f"(?:{p})" for p in patterns().values()))
    return [m.span() for m in combined.finditer(text)]


@cache
def _compiled() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(pattern) for name, pattern in patterns().items()}


@cache
def _month_near() -> re.Pattern[str]:
    return re.compile(month_pattern())


_UNIT_AFTER = re.compile(r"\s?(?:%|per\s?cent|percent|pc)|[ \t]+[A-Za-z]+s\b")
_BRACKET_PATTERNS = ("list.paren", "citation")
_MARKER_PATTERNS = ("list.marker",)
_MONTH_PATTERNS = ("date.day_month", "date.month_day", "date.month_year")
_PUNCT_PATTERNS = ("date.iso", "date.numeric", "date.year_range", "version.dotted", "time.clock")
_YEAR_PATTERNS = ("date.year_after_preposition", "date.year_range")
# the year patterns not among _PUNCT_PATTERNS (asked when those were)
_YEAR_ONLY = tuple(n for n in _YEAR_PATTERNS if n not in _PUNCT_PATTERNS)
_PHONE_PATTERNS = ("phone",)


class Mask:
    """Answers "is [start, end) inside an excluded span?" for one text.

    Exclusions are only ever asked about next to a number, so instead of scanning the whole
    text once (which costs more than all the rest of extraction together), each question looks
    at the characters around the number, picks the few patterns that could apply, and runs
    just those over a small window.
    """

    WINDOW = 32  # longer than any date, time or phone number the patterns describe

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def of(cls, text: str) -> Mask:
        return cls(text)

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """Where the patterns run: WINDOW characters either side, the start moved back to a
        word boundary (over the word it cuts, at most as far again)."""
        text = self.text
        lo = max(0, start - self.WINDOW)
        if lo > 0 and not text[lo - 1].isspace():
            lo -= len(text[max(0, start - 2 * self.WINDOW) : lo].rsplit(None, 1)[-1])
        return lo, min(len(text), end + self.WINDOW)

    def covers(self, start: int, end: int) -> bool:
        """Is [start, end) inside a match of an exclusion pattern that could apply to it?  The
        answer is whether any of them matches, so the first match found answers.

        The groups of patterns that could apply to [start, end) are picked by the characters
        around it, each group run only when the one before it found nothing (inline: this is
        asked for every number of a text, and most need no pattern at all)."""
        text = self.text
        if end - start > 5 and "." not in text[start:end]:
            return False  # "128,000", "2 million": no date, time or list marker looks like that
        size = len(text)
        before = text[start - 1] if start else "\n"
        after = text[end] if end < size else "\n"
        window: tuple[int, int] | None = None
        if before in "([":
            window = self._window(start, end)
            if self._any(_BRACKET_PATTERNS, start, end, window):
                return True
        if after in ".)" and before in " \t\n":
            window = window or self._window(start, end)
            if self._any(_MARKER_PATTERNS, start, end, window):
                return True
        if _month_near().search(text, max(0, start - 24), min(size, end + 24)):
            window = window or self._window(start, end)
            if self._any(_MONTH_PATTERNS, start, end, window):
                return True
        punct = (
            after in "-–/.:"
            or before in "-–/.:"
            or text.startswith((" a.m", " p.m", " am", " pm"), end)
        )
        if punct:
            window = window or self._window(start, end)
            if self._any(_PUNCT_PATTERNS, start, end, window):
                return True
        if end - start == 4 and (after in "-–/" or _UNIT_AFTER.match(text, end)):
            # a plain year ("in 2022") is dropped by the quantity layer anyway; only a year
            # that looks like a figure ("in 2000 troops", "2023-24") needs the patterns
            window = window or self._window(start, end)
            if self._any(_YEAR_ONLY if punct else _YEAR_PATTERNS, start, end, window):
                return True
        if "+" in text[max(0, start - 20) : start] or "(" in text[max(0, start - 8) : start]:
            window = window or self._window(start, end)
            if self._any(_PHONE_PATTERNS, start, end, window):
                return True
        return False

    def _any(
        self, names: tuple[str, ...], start: int, end: int, window: tuple[int, int]
    ) -> bool:
        """Does one of the patterns `names` match over [start, end) within `window`?"""
        compiled = _compiled()
        text = self.text
        for name in names:
            for m in compiled[name].finditer(text, *window):
                if m.start() >= end:
                    break
                if m.end() > start:
                    return True
        return False
