"""The number layer: digits, decimals, thousands separators, number words and scale words.

`number_tokens(text)` yields every number in the text with its exact character range and value.
It knows nothing about currencies, units or facts; it only refuses numbers that are glued to an
identifier (Il-76, G20, Type 96A, 2+4, 73/27, 75th, 1930s), which are never quantities.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractor.lexicon import lexicon, trie_regex


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: Decimal
    text: str
    kind: str  # "digits" | "words"
    scale: str | None = None  # the scale word or abbreviation applied, lower case

    @property
    def is_year_like(self) -> bool:
        """A bare four-digit integer that reads as a year (1900-2099)."""
        text = self.text
        return (
            len(text) == 4
            and self.scale is None
            and text.isdigit()
            and text[:2] in ("19", "20")
            and self.kind == "digits"
        )


# Scale abbreviations that may stand one space after the digits ("3.2 mln", "US$1.7 bln") and
# read as a scale even without a currency ("4bn people"); the others (k, m, B, cr) need a
# currency ("$12.5m"), since "100m" alone is a distance.
SPACED_ABBREVIATIONS = ("bln", "mln", "trn", "bn", "mn", "Bn", "BN")


@cache
def _number_re() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    units = trie_regex(list(lex.units))
    units_1_9 = trie_regex([w for w, v in lex.units.items() if 1 <= v <= 9])
    tens = trie_regex(list(lex.tens))
    # written-out scale words; lakh and crore are read only after digits ("6.2 lakh crore")
    word_scales = [w for w in lex.scales if w not in ("lakh", "crore")]
    scale_words = trie_regex(word_scales)
    abbrevs = "|".join(sorted(lex.abbreviations, key=len, reverse=True))
    numw = rf"(?:(?:{tens})(?:[-\s](?:{units_1_9}))?|{units})"
    piece = rf"(?:{numw}|{scale_words}|dozen)"
    # Permissive here; `_word_runs` keeps only well-formed runs ("nine and ten" is two numbers).
    words = rf"(?:(?:half\s+)?an?\s+(?:{scale_words}|dozen)|{piece})(?:(?:\s+and)?[\s-]+{piece})*"
    # Starts with \d (no look-behind) so the engine can skip to digits: ~80 MB/s.
    digits = (
        r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)"
        r"|\d*(?:\.\d+)?)"
    )
    big = "|".join(w for w in lex.scales if w != "hundred")
    single = trie_regex([*lex.units, *lex.tens, *word_scales, "dozen"])
    scale = (
        rf"(?:[\s-]?(?:{big})(?:\s+(?:{big}))?(?![a-z])"
        rf"(?:\s+(?P<extra>\d{{1,3}})(?![\d,.]))?"
        rf"|\s?(?:{'|'.join(SPACED_ABBREVIATIONS)})(?![A-Za-z])|(?:{abbrevs})(?![A-Za-z]))"
    )
    return (
        re.compile(rf"(?P<d>{digits})(?P<s>{scale})?(?!\d)"),
        # number words are found in two steps on lower-cased text: any single number word
        # (a plain word trie runs at ~40 MB/s), then the whole run anchored there
        re.compile(rf"(?P<w>{words})(?!\w)"),
        re.compile(rf"\b(?:{single})\b"),
    )


_WORD_PIECE = re.compile(r"[A-Za-z]+")


def _word_runs(text: str) -> list[tuple[int, int]]:
    """Split a run of number words into well-formed numbers, as (start, end) offsets.

    A unit or tens word may follow another only across a scale word ("two hundred and fifty");
    "and" may only follow a scale word.  "forty to ninety" never reaches here as one run.
    """
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    start = end = -1
    prev = ""  # "num" | "scale" | "and" | "a" | "tens"
    for m in _WORD_PIECE.finditer(text):
        word = m.group().lower()
        if word in lex.tens or word in lex.units:
            kind = "tens" if word in lex.tens else "num"
            ok = prev in ("", "scale", "and", "a") or (
                prev == "tens" and kind == "num" and 1 <= lex.units[word] <= 9
            )
        elif word in lex.scales or word == "dozen":
            kind = "scale"
            ok = prev in ("num", "tens", "scale", "a")
        elif word == "and":
            kind, ok = "and", prev == "scale"
        elif word in ("a", "an", "half"):
            kind, ok = "a", prev == "" or (prev == "a" and word != "half")
        else:
            kind, ok = "", False
        if not ok and start >= 0:
            runs.append((start, end))
            start, prev = -1, ""
            ok = kind in ("num", "tens", "a")
        if ok and kind:
            if start < 0:
                start = m.start()
            if kind != "and":
                end = m.end()
            prev = kind
    if start >= 0:
        runs.append((start, end))
    # a run must hold a number, not just "a"/"half a"
    return [
        (s, e)
        for s, e in runs
        if any(w.lower() not in ("a", "an", "half", "and") for w in _WORD_PIECE.findall(text[s:e]))
    ]


def words_value(text: str) -> Decimal:
    """Value of a run of number words: 'twenty-three' -> 23, 'two hundred thousand' -> 200000."""
    lex = lexicon()
    total = Decimal(0)
    current = Decimal(0)
    half = False
    for word in _WORD_PIECE.findall(text.lower()):
        if word == "and":
            continue
        if word in ("a", "an"):
            current = current or Decimal(1)
        elif word == "half":
            half = True
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word in lex.scales:
            total += (current or Decimal(1)) * lex.scales[word]
            current = Decimal(0)
    value = total + current
    return value / 2 if half else value


def _scale_value(scale: str) -> int:
    """'million' -> 10^6, 'bn' -> 10^9, 'lakh crore' -> 10^12, '-billion' -> 10^9."""
    lex = lexicon()
    value = 1
    for word in scale.strip(" -").lower().split():
        value *= lex.scales.get(word) or lex.abbreviations[word]
    return value


def _glued_to_identifier(text: str, start: int, end: int) -> bool:
    """True when the digits at [start, end) are part of a code, model number or ordinal."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if text[end : end + 2] == "pc" and not text[end + 2 : end + 3].isalpha():
        return False  # "2.5pc of GDP": per cent in British newspapers
    if after.isalpha() or (after in "+/" and end + 1 < len(text) and text[end + 1].isdigit()):
        return True  # 96A, 75th, 1930s, 2+4, 73/27
    if before in "+/":
        return True
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        return True  # Il-76, Covid-19, S-400
    if before.isalpha():
        # G20, IP4 -- but A$250, EUR7.3 and $US167 are currencies, decided by the caller
        return lexicon().prefix_re.search(text[max(0, start - 6) : start]) is None
    return False


def _after_dotted_symbol(text: str, start: int) -> bool:
    """'Rs.250', 'kr.40': a currency symbol that ends with a dot, glued to the digits."""
    return (
        text[start - 1] == "."
        and start >= 2
        and text[start - 2].isalpha()
        and lexicon().prefix_re.search(text[max(0, start - 8) : start]) is not None
    )


_ARTICLE = re.compile(r"(?<![\w-])(?:half\s+)?an?\s+$")


def _word_tokens(text: str) -> Iterator[NumberToken]:
    _, run_re, single_re = _number_re()
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        run_re = re.compile(run_re.pattern, re.IGNORECASE)
        single_re = re.compile(single_re.pattern, re.IGNORECASE)
        lowered = text
    consumed = 0
    for hit in single_re.finditer(lowered):
        start = hit.start()
        if start < consumed or (start and lowered[start - 1] == "-"):
            continue  # inside a run already read, or "S-three"
        article = _ARTICLE.search(lowered, max(0, start - 9), start)  # "a dozen", "half a million"
        m = (run_re.match(lowered, article.start()) if article else None) or run_re.match(
            lowered, start
        )
        if m is None:
            continue
        consumed = m.end()
        base = m.start("w")
        for s, e in _word_runs(m.group("w")):
            run = text[base + s : base + e]
            yield NumberToken(base + s, base + e, words_value(run), run, "words")


def _digit_tokens(text: str) -> Iterator[NumberToken]:
    for m in _number_re()[0].finditer(text):
        s, e = m.span("d")
        if s and text[s - 1] in "0123456789.," and not _after_dotted_symbol(text, s):
            continue  # ".5", the tail of something already refused
        digits = m.group("d")
        if _glued_to_identifier(text, s, m.end() if m.group("s") else e):
            continue
        if not digits.isdigit():
            digits = digits.replace(",", "").replace(" ", "").replace("\u00a0", "")
            digits = digits.replace("\u202f", "")
        value = Decimal(digits)
        scale = m.group("s")
        end = e
        if scale:
            value *= _scale_value(re.sub(r"\s+\d+$", "", scale))
            if m.group("extra"):
                value += Decimal(m.group("extra"))
            end = m.end("s")
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
            scale = re.sub(r"\s+\d+$", "", scale).strip(" -").lower()
        yield NumberToken(s, end, value, text[s:end], "digits", scale or None)


def number_tokens(text: str) -> Iterator[NumberToken]:
    """Every number in `text`, in order, with its exact span and value."""
    return heapq.merge(_digit_tokens(text), _word_tokens(text), key=lambda t: t.start)
