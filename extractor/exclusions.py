"""Spans of text whose digits are never figures: dates, year ranges, clock times, phone numbers,
list markers, citation markers and version-like dotted numbers.

`excluded_spans(text)` returns sorted, non-overlapping (start, end) ranges; `Mask` answers
"is this offset inside one?" in O(log n).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# Each pattern is named; the names appear in tests and in `--explain` output.
PATTERNS: dict[str, str] = {
    "date.iso": r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)",
    "date.numeric": r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])",
    "date.day_month": (
        rf"(?<!\d){_DAY}(?:\s*(?:-|–|to|and)\s*{_DAY})?\s+(?:of\s+)?{MONTHS}"
        r"(?:,?\s+\d{4})?(?!\d)"
    ),
    "date.month_day": (
        rf"\b{MONTHS}\s+{_DAY}(?!\d)(?:\s*(?:-|–|to|and)\s*{_DAY}(?!\d))?"
        r"(?:,?\s+\d{4})?(?!\d)"
    ),
    "date.month_year": rf"\b{MONTHS}\s+\d{{4}}(?!\d)",
    "date.year_range": (
        r"(?<![\d,.])(?:1[6-9]|20)\d\d\s*(?:-|–|/)\s*(?:(?:1[6-9]|20)\d\d|\d\d)(?![\d%])"
    ),
    "date.year_after_preposition": (
        r"(?i:\b(?:in|since|by|until|till|from|of|during|before|after|circa|early|late|mid|"
        r"year|summer|winter|spring|autumn|fall|fiscal|FY|the)\s+)"
        r"(?:1[6-9]|20)\d\d(?![\d%]|[,.]\d)"
    ),
    "time.clock": (
        r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)|(?<!\d)\d{1,2}\s*[ap]\.m\."
    ),
    "phone": (
        r"\+\d[\d\s().-]{7,}\d|\(\d{2,4}\)\s?\d{3,4}[\s-]\d{3,4}"
        r"|(?<!\d)\d{3}-\d{3,4}-\d{4}(?!\d)"
    ),
    "list.marker": r"(?<![^\n])[ \t]*(?:\d{1,3}|[A-Za-z])[.)](?=[ \t])",
    "list.paren": r"\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)",
    "citation": r"\[\d{1,3}(?:[,–-]\s*\d{1,3})*\]",
    "version.dotted": r"(?<![\d.])\d+\.\d+\.\d+(?:\.\d+)*(?![\d])",
}

_COMBINED = re.compile("|".join(f"(?:{p})" for p in PATTERNS.values()))


def excluded_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _COMBINED.finditer(text):
        spans.append(m.span())
    return spans


@dataclass
class Mask:
    """Excluded spans of one text, queried by offset range."""

    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> Mask:
        return cls(excluded_spans(text))

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps an excluded span."""
        i = bisect_right(self._starts, end - 1) - 1
        # spans do not overlap, so only the last span starting before `end` can reach `start`
        return i >= 0 and self.spans[i][1] > start


def which_pattern(text: str) -> str | None:
    """The name of the first exclusion pattern that matches all of `text` (for tests/explain)."""
    for name, pattern in PATTERNS.items():
        if re.fullmatch(pattern, text):
            return name
    return None
