"""Where things are in a text: lines, sentences and paragraphs, each found once per document
and looked up by offset with bisect (so domain rules never rescan the whole text)."""

from __future__ import annotations

import re
from bisect import bisect_right

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st gen lt col sgt capt maj adm sen rep gov prof inc ltd co corp vs etc no jan
    feb mar apr jun jul aug sep sept oct nov dec e.g i.e approx est
    """.split()
)
# A sentence ends after . ! ? (and closing quotes/brackets) before white space and a capital,
# quote or digit -- unless the dot ends an abbreviation or a single capital initial (U.S., M.K.).
# Written as r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[A-Z0-9])|\n", opening with one class of the characters
# its two alternatives open with: Python's re then skips to those characters instead of trying
# the pattern at each one (2x faster; tests/test_speed_equiv_grammar.py checks the two forms).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’)\]]*(?=\s+[\"“‘(\[A-Z0-9])|(?<=\n))")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    last = word.rsplit(".", 1)[-1]
    return (len(last) == 1 and last.isupper()) or word.lower() in _ABBREVIATIONS


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_END = re.compile(r"\r\n?|\n")
# The same line ends in a text without \r: a pattern that opens with a literal is searched for
# with a fast skip; one that opens with a choice ([\r\n]) reads every character (7x slower).
_NEWLINE = re.compile(r"\n")


class Layout:
    """Lines and paragraphs of a text, found once; sentences found per paragraph on first use
    (rules only ever ask about the paragraphs that hold a number)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # a line ends at \n, \r\n or a lone \r (old Mac files, some web exports)
        line_end = _LINE_END if "\r" in text else _NEWLINE
        self.line_starts = [0] + [m.end() for m in line_end.finditer(text)]
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._sentences: dict[int, list[int]] = {}

    def line(self, pos: int) -> int:
        """1-based line number of an offset."""
        return bisect_right(self.line_starts, pos)

    def paragraph_index(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def paragraph_at(self, index: int) -> tuple[int, int]:
        starts = self.paragraph_starts
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.text)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self.paragraph_at(self.paragraph_index(pos))

    def _sentence_starts(self, index: int) -> list[int]:
        """Where the sentences of paragraph `index` start, and last where it ends."""
        starts = self._sentences.get(index)
        if starts is None:
            text = self.text
            ps, pe = self.paragraph_at(index)
            starts = [ps] + [
                m.end()
                for m in _SENTENCE_END.finditer(text, ps, pe)
                if m.end() < pe
                and (
                    m.group() == "\n"
                    or text[m.start()] != "."
                    or not (
                        text[m.start() - 1 : m.start()] == "." or _is_abbreviation(text, m.start())
                    )
                )
            ]
            starts.append(pe)
            self._sentences[index] = starts
        return starts

    def sentence(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self.paragraph_starts, pos) - 1
        bounds = self._sentences.get(index) or self._sentence_starts(index)
        i = bisect_right(bounds, pos)
        if i == len(bounds):  # the paragraph's end (the text's end): its last sentence
            i -= 1
        elif i == 0:  # before the text (no caller asks): as bisect on the starts alone read it
            return bounds[-2], bounds[0]
        return bounds[i - 1], bounds[i]
