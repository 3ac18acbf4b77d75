"""Where things are in a text: lines, sentences and paragraphs, each found once per document
and looked up by offset with bisect (so domain rules never rescan the whole text)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "adm",
        "sen",
        "rep",
        "gov",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "approx",
        "est",
    ]
)
# A sentence ends after . ! ? (and closing quotes/brackets) before white space and a capital,
# quote or digit -- unless the dot ends an abbreviation or a single capital initial (U.S., M.K.).
_SENTENCE_END = re.compile(r"(?<!\.)[.!?][\"”’)\]]*(?=\s+[\"“‘(\[A-Z0-9])|\n")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    last = word.rsplit(".", 1)[-1]
    return (len(last) == 1 and last.isupper()) or word.lower() in _ABBREVIATIONS


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass
class Layout:
    text: str
    line_starts: list[int] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    paragraph_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        text = self.text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.sentence_starts = [0] + [
            m.end()
            for m in _SENTENCE_END.finditer(text)
            if m.group() == "\n" or text[m.start()] != "." or not _is_abbreviation(text, m.start())
        ]
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]

    @staticmethod
    def _span(starts: list[int], pos: int, length: int) -> tuple[int, int, int]:
        i = bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else length
        return starts[i], end, i

    def line(self, pos: int) -> int:
        """1-based line number of an offset."""
        return bisect_right(self.line_starts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        s, e, _ = self._span(self.sentence_starts, pos, len(self.text))
        return s, e

    def sentence_index(self, pos: int) -> int:
        return self._span(self.sentence_starts, pos, len(self.text))[2]

    def sentence_at(self, index: int) -> tuple[int, int]:
        index = max(0, min(index, len(self.sentence_starts) - 1))
        s = self.sentence_starts[index]
        e = (
            self.sentence_starts[index + 1]
            if index + 1 < len(self.sentence_starts)
            else len(self.text)
        )
        return s, e

    def paragraph(self, pos: int) -> tuple[int, int]:
        s, e, _ = self._span(self.paragraph_starts, pos, len(self.text))
        return s, e

    def paragraph_index(self, pos: int) -> int:
        return self._span(self.paragraph_starts, pos, len(self.text))[2]
