"""The number layer: digits, decimals, thousands separators, number words and scale words.

`number_tokens(text)` yields every number in the text with its exact character range and value.
It knows nothing about currencies, units or facts; it only refuses numbers that are glued to an
identifier (Il-76, G20, Type 96A, 2+4, 73/27, 75th, 1930s), which are never quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Context, Decimal
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from extractor.lexicon import lexicon, trie_regex

Pattern = re.Pattern[str]


class NumberToken(NamedTuple):
    """A number with its exact span.  A NamedTuple: one is built for every number in a text,
    and a frozen dataclass's __init__ costs several times as much."""

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
def _number_re() -> tuple[Pattern, Pattern, tuple[Pattern, Pattern], Pattern]:
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
    words = (
        rf"(?:(?:half\s+)?an?\s+(?:{scale_words}|dozen)|{piece})"
        rf"(?:(?:\s+and)?[\s-]+{piece}|\s+and\s+a\s+half\s+(?:{scale_words}|dozen))*"
    )
    # Starts with \d (no look-behind) so the engine can skip to digits: ~80 MB/s.
    # Separator styles (see `_digits_value` for how an ambiguous one is read):
    digits = (
        # Indian grouping: 1,00,000; 45,00,000; 6,21,940.85 (a decimal tail after the last group)
        r"\d(?:\d?(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,]|\.\d)"
        r"|\d{0,2}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.5
        r"|\d{0,2}(?:\.\d{3})+,\d+"  # 1.234.567,5 (continental)
        r"|\d{0,2}(?:\.\d{3}){2,}(?![\d.,]\d)"  # 1.234.567
        r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)"  # 20 000
        r"|\d*,\d{1,2}(?![\d,])"  # 4,5 (a decimal comma, when a scale or unit follows)
        r"|\d*(?:\.\d+)?)"  # 2.5; 9.500 (a decimal or dot thousands)
    )
    big = "|".join(w for w in lex.scales if w != "hundred")
    single = trie_regex([*lex.units, *lex.tens, *word_scales, "dozen"])
    scale = (
        rf"(?:[\s-]?(?:{big})(?:\s+(?:{big}))?(?![a-z])"
        # spoken compounds: "2 million 450 thousand", "4 thousand 300" (never "$9 million
        # 300-bed": a figure glued to a noun is a figure of its own)
        rf"(?:\s+(?P<extra>\d{{1,3}})(?:\s+(?P<xscale>thousand|hundred)(?![a-z]))?(?![\d,.-]))?"
        rf"|\s?(?:{'|'.join(SPACED_ABBREVIATIONS)})(?![A-Za-z])|(?:{abbrevs})(?![A-Za-z]))"
    )
    return (
        re.compile(rf"(?P<d>{digits})(?P<s>{scale})?(?!\d)"),
        # number words are found in two steps on lower-cased text: any single number word,
        # then the whole run anchored there.  A pattern that opens with \b or a look-behind
        # is tried at every position; one that opens with a literal only where the literal
        # stands (a fast search), one that opens with a class where the class matches.  So
        # the scan reads the character before the word: a space (the literal), or any other
        # non-word character (a class that leaves out the space); a word at the very start of
        # the text is matched apart (the last pattern).  2x faster than \b(?:...)\b.
        re.compile(rf"(?P<w>{words})(?!\w)"),
        (
            re.compile(rf" (?P<n>{single})\b"),
            re.compile(rf"[^ a-z0-9_](?<!\w)(?P<n>{single})\b"),
        ),
        re.compile(rf"(?:{single})\b"),
    )


_WORD_PIECE = re.compile(r"[A-Za-z]+")


def _word_runs(text: str, *, lead: bool = False) -> list[tuple[int, int]]:
    """Split a run of number words into well-formed numbers, as (start, end) offsets.

    A unit or tens word may follow another only across a scale word ("two hundred and fifty");
    "and" may only follow a scale word.  "forty to ninety" never reaches here as one run.
    `lead`: the run follows words that stand for the article ("another", "a quarter of a"), so
    it may open with a scale word ("million").
    """
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    start = end = -1
    prev = "a" if lead else ""  # "num" | "scale" | "and" | "a" | "tens" | "half"
    pieces = list(_WORD_PIECE.finditer(text))
    for i, m in enumerate(pieces):
        word = m.group().lower()
        if (
            prev in ("num", "tens")
            and word == "and"
            and (after := [p.group().lower() for p in pieces[i + 1 : i + 4]])[:2] == ["a", "half"]
            and len(after) == 3
            and (after[2] in lex.scales or after[2] == "dozen")
        ):
            prev = "and_half"  # "one and a half million": a fraction, then the scale word
            continue
        if prev == "and_half" or prev == "and_half_a":
            prev = "and_half_a" if word == "a" else "half"
            continue
        if prev == "half" and start >= 0 and (word in lex.scales or word == "dozen"):
            end, prev = m.end(), "scale"
            continue
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
    words = _WORD_PIECE.findall(text.lower())
    for i, word in enumerate(words):
        if word == "and" and words[i + 1 : i + 3] == ["a", "half"] and i + 3 < len(words):
            current += Decimal("0.5")  # "one and a half million"
            words[i + 1 : i + 3] = ["and", "and"]
            continue
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
    value = value / 2 if half else value
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


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
        lex = lexicon()
        m = lex.prefix_re.search(text[max(0, start - 6) : start])
        if m is None:
            return True
        if lex.currency_entry(m.group(), "prefix").scale_only:
            # "N4.91 trillion" is money; "the N1 road", "the P5 states" are names
            return _SCALE_WORD_AFTER.match(text, _past_digits(text, start)) is None
    return False


_SCALE_WORD_AFTER = re.compile(
    r"[\s-]?(?:[mb]illions?|trillions?|thousand|lakh|crore|bn|mn|mln|bln|trn|tn|[mbkMBK]\b)"
)


_DIGITS_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def _past_digits(text: str, start: int) -> int:
    """Where the digits that start at `start` end ('4.91' in 'N4.91 trillion')."""
    m = _DIGITS_RUN.match(text, start)
    return m.end() if m else start


def _after_dotted_symbol(text: str, start: int) -> bool:
    """'Rs.250', 'kr.40': a currency symbol that ends with a dot, glued to the digits."""
    return (
        text[start - 1] == "."
        and start >= 2
        and text[start - 2].isalpha()
        and lexicon().prefix_re.search(text[max(0, start - 8) : start]) is not None
    )


_ARTICLE = re.compile(r"(?<![\w-])(?:half\s+)?an?\s+$")
# Words before a scale word that make it a number of its own: a fraction of it ("a quarter of a
# million", "three-quarters of a billion", "a half million") or one more of it ("another
# million", "a further billion").  Matched case-blind: _word_tokens may read the text unlowered.
_FRACTION = re.compile(
    r"(?i)(?<![\w-])(?P<n>an?|one|two|three)[\s-]+(?P<d>quarter|third|half)s?\s+(?:of\s+an?\s+)?$"
)
_FURTHER = re.compile(r"(?i)(?<![\w-])(?:another|an?\s+(?:further|additional|extra))\s+$")
_FRACTION_AHEAD = re.compile(r"[\s-]+(?:quarter|third|half)s?\s+(?:of\s+an?\s+)?(?=[a-z])", re.I)
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_DENOMINATORS = {"quarter": 4, "third": 3, "half": 2}


@cache
def _scale_heads() -> frozenset[str]:
    """The words a fraction or "another" may stand before: "a quarter of a million"."""
    return frozenset([*(w for w in lexicon().scales if w not in ("lakh", "crore")), "dozen"])


def _scale_led(
    text: str, lowered: str, start: int, run_re: re.Pattern[str]
) -> tuple[NumberToken, int] | None:
    """A scale word read as a number by the words before it: "a quarter of a million" =
    250,000, "a third of a million" = 333,333 (a fraction of a scale word is rounded to the
    unit), "a further million" = 1,000,000.  The token spans those words; (token, its end)."""
    fraction = _FRACTION.search(lowered, max(0, start - 28), start)
    lead = fraction or _FURTHER.search(lowered, max(0, start - 24), start)
    m = run_re.match(lowered, start) if lead else None
    if lead is None or m is None:
        return None
    runs = _word_runs(m.group("w"), lead=True)
    if not runs or runs[0][0] != 0:
        return None
    end = start + runs[0][1]
    value = words_value(text[start:end])
    if fraction is not None:
        n = _NUMERATORS[fraction.group("n").lower()]
        value = value * n / _DENOMINATORS[fraction.group("d").lower()]
        value = value.to_integral_value() if value >= 100 else value.normalize()
    begin = lead.start()
    return NumberToken(begin, end, value, text[begin:end], "words"), end


def _word_hits(
    lowered: str, scans: tuple[Pattern, Pattern], word_at: Pattern
) -> list[tuple[int, int, str]]:
    """(start, end, word) of every single number word, in order: one at the very start, one
    after a space, one after any other non-word character.  No two overlap (each starts after
    a non-word character and ends at a word boundary), so the order is that of one scan."""
    first = word_at.match(lowered)
    hits = [(0, first.end(), first.group())] if first is not None else []
    for scan in scans:
        hits += [(m.start("n"), m.end("n"), m.group("n")) for m in scan.finditer(lowered)]
    hits.sort()
    return hits


@cache
def _byte_scan() -> tuple[re.Pattern[bytes], bytes]:
    """The number-word scan over a byte copy of a text, and the table that makes the copy.

    The copy has one byte per character (latin-1, "?" for any other character), mapped by the
    table: ASCII letters to lower case, digits and "_" kept, another word character of latin-1
    to "_", every other character to a space.  So one scan for a space and a number word finds
    each word _word_hits finds after a space and after any other non-word character, with one
    pattern that opens with a literal (a fast skip) instead of two scans, one of them reading
    every character.  A character the copy cannot tell ("?") reads as a space: the scan may
    find more, never less, and `_number_word_hits` keeps what _word_hits keeps.
    """
    lex = lexicon()
    words = [*lex.units, *lex.tens, *(w for w in lex.scales if w not in ("lakh", "crore"))]
    single = trie_regex([*words, "dozen"])
    table = bytearray(b" " * 256)
    for code in range(256):
        ch = chr(code)
        if ch.isascii() and (ch.isalnum() or ch == "_"):
            table[code] = ord(ch.lower())
        elif not ch.isascii() and _WORD_CHAR.match(ch):
            table[code] = ord("_")
    return re.compile(rb" (?P<n>" + single.encode() + rb")\b"), bytes(table)


_WORD_CHAR = re.compile(r"\w")


def _number_word_hits(text: str) -> list[tuple[int, int, str]]:
    """_word_hits(text.lower(), ...), with each word as the text writes it ("Two")."""
    scan, table = _byte_scan()
    copy = b" " + text.encode("latin-1", "replace").translate(table)  # the space: offset 1
    spans = [(m.start("n") - 1, m.end("n") - 1) for m in scan.finditer(copy)]
    if not text.isascii():
        # the copy read a character beyond latin-1 as a space: a word character ("łone") is none
        size = len(text)
        spans = [
            (s, e)
            for s, e in spans
            if not (s and text[s - 1] > "\xff" and _WORD_CHAR.match(text, s - 1))
            and not (e < size and text[e] > "\xff" and _WORD_CHAR.match(text, e))
        ]
    return [(s, e, text[s:e]) for s, e in spans]


# Characters the number-word patterns below never read past (no letter, space or hyphen: a
# run of number words, a fraction, an article end before one), and how far past a number word
# one is looked for.
_STOPPER = re.compile(r"[0-9.,;:!?()\[\]\"']")
_STOP_REACH = 256
_BACK_REACH = 64  # more than any of those patterns looks back from a number word (28)


def _lowered_near(text: str, hits: list[tuple[int, int, str]]) -> str:
    """text.lower() where the number-word patterns read it: from _BACK_REACH characters before
    each hit to the first stopper after it, the rest of the text as it is.  Lower-casing a
    whole text costs more than reading its number words.  The patterns never read outside
    these stretches, so they find what they found in text.lower(); only a final sigma at a
    stretch's edge may differ (σ or ς, which no pattern tells apart).  When no stopper follows
    a hit soon enough, the whole text is lowered."""
    stretches: list[tuple[int, int]] = []
    stop = -1  # the first stopper after the hit before: still the first after this one?
    for start, end, _ in hits:
        if stop < end:  # each character is looked at once, however dense the hits
            found = _STOPPER.search(text, end, end + _STOP_REACH)
            if found is None:
                return text.lower()
            stop = found.start()
        lo, hi = max(0, start - _BACK_REACH), stop + 1
        if stretches and lo <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(hi, stretches[-1][1]))
        else:
            stretches.append((lo, hi))
    pieces: list[str] = []
    done = 0
    for lo, hi in stretches:
        pieces += [text[done:lo], text[lo:hi].lower()]
        done = hi
    pieces.append(text[done:])
    return "".join(pieces)


# "İ" is the one character whose lower case is longer ("i̇"; the test checks every code point).
_LONGER_IN_LOWER_CASE = "\u0130"


def _word_tokens(text: str) -> Iterator[NumberToken]:
    _, run_re, scans, word_at = _number_re()
    if _LONGER_IN_LOWER_CASE in text:  # its lower case is longer: offsets would shift
        run_re = re.compile(run_re.pattern, re.IGNORECASE)
        scans = (
            re.compile(scans[0].pattern, re.IGNORECASE),
            re.compile(scans[1].pattern, re.IGNORECASE),
        )
        word_at = re.compile(word_at.pattern, re.IGNORECASE)
        lowered = text
        hits = _word_hits(lowered, scans, word_at)
    else:
        hits = _number_word_hits(text)
        lowered = _lowered_near(text, hits)
    consumed = 0
    heads = _scale_heads()
    units, tens = lexicon().units, lexicon().tens
    for start, hit_end, hit_word in hits:
        if start < consumed or (start and lowered[start - 1] == "-"):
            continue  # inside a run already read, or "S-three"
        word = hit_word.lower()
        at = start
        if word in _NUMERATORS:  # "two thirds of a million": the numerator of a fraction
            ahead = _FRACTION_AHEAD.match(lowered, hit_end)
            if ahead is not None:
                at = ahead.end()
                nxt = word_at.match(lowered, at)
                word = nxt.group().lower() if nxt else ""
        if (
            at > 1
            and lowered[at - 1] in " \t\n"
            and word in heads
            and (lowered[at - 2].isalpha() or lowered[at - 2].isspace())  # not "2 million"
        ):
            led = _scale_led(text, lowered, at, run_re)
            if led is not None:
                consumed = led[1]
                yield led[0]
                continue
        article = _ARTICLE.search(lowered, max(0, start - 9), start)  # "a dozen", "half a million"
        m = (run_re.match(lowered, article.start()) if article else None) or run_re.match(
            lowered, start
        )
        if m is None:
            continue
        consumed = m.end()
        base = m.start("w")
        run_words = m.group("w")
        if run_words.isalpha():  # one word, the common case: what _word_runs would make of it
            one = run_words.lower()
            value = units.get(one, tens.get(one))
            if value is not None:
                end = m.end("w")
                yield NumberToken(base, end, Decimal(value), text[base:end], "words")
            continue  # a scale word alone is no number
        for s, e in _word_runs(run_words):
            run = text[base + s : base + e]
            yield NumberToken(base + s, base + e, words_value(run), run, "words")


# A longer run of digits is no figure and is not read as one (a serial number, a hash); a
# shorter one is read exactly, and the pipeline refuses a figure beyond 2^63 - 1 by name.
MAX_SIGNIFICANT_DIGITS = 50
@cache
def _scale_after() -> re.Pattern[str]:
    """A percent sign or a scale right after a number ('4,5 billion', '1,28%', '€2,3bn'): every
    scale word of the lexicon but 'hundred', and every scale abbreviation (one data table)."""
    lex = lexicon()
    words = trie_regex([w for w in lex.scales if w != "hundred"])
    abbreviations = trie_regex(list(lex.abbreviations))
    return re.compile(
        rf"\s?(?:%|per\s?cent|percent|pc\b)|[\s-]?(?:(?:{words})s?|(?:{abbreviations})\b)"
    )


_ENGLISH_THOUSANDS = re.compile(r"\d,\d{3}(?![\d,])")
_SPACED = frozenset(a.lower() for a in SPACED_ABBREVIATIONS)
_EXACT = Context(prec=80)  # more than MAX_SIGNIFICANT_DIGITS times any scale: exact


def _decimal_comma_ok(text: str, s: int, e: int) -> bool:
    """'€4,5 billion', '1,28%': a comma before one or two digits is a decimal comma when a scale
    word, percent sign or currency stands beside the number (a list "1,2" is not a number)."""
    if _scale_after().match(text, e):
        return True
    return lexicon().prefix_re.search(text[max(0, s - 10) : s]) is not None


def _digits_value(digits: str, *, scaled: bool, english: bool) -> Decimal:
    """The value of a run of digits and separators.

    The decision rule for the ambiguous separators: a comma or dot followed by exactly three
    digits groups thousands, with one exception: a single dot before three digits ("1.375") is
    a decimal point when a scale or percent follows ("1.375 billion", "2.125%") or when the
    document itself groups thousands with commas (its own convention); otherwise ("9.500
    soldiers", "€9.500") it groups thousands.  A comma before one or two digits is a decimal
    comma ("4,5 billion").  "1.234,5" is continental: dots group, the comma is decimal.
    """
    if digits.isdigit():
        return Decimal(digits)
    for ch in " \u00a0\u202f":
        digits = digits.replace(ch, "")
    if "," in digits and "." in digits:
        if digits.index(",") < digits.index("."):
            return Decimal(digits.replace(",", ""))  # 1,234.5
        return Decimal(digits.replace(".", "").replace(",", "."))  # 1.234,5
    if "," in digits:
        head, _, tail = digits.rpartition(",")
        if len(tail) == 3:
            return Decimal(digits.replace(",", ""))  # 1,234 and 1,00,000
        return Decimal(head.replace(",", "") + "." + tail)  # 4,5
    if digits.count(".") > 1:
        return Decimal(digits.replace(".", ""))  # 1.234.567
    head, _, tail = digits.partition(".")
    if len(tail) == 3 and head[:1] not in ("", "0") and not scaled and not english:
        return Decimal(head + tail)  # 9.500 soldiers
    return Decimal(digits)


# Characters beside a number that never make it part of an identifier (_glued_to_identifier
# is False for them, so it is not asked): the common case, decided without a call.
_FREE_BEFORE = frozenset(" \t\n(")
_FREE_AFTER = frozenset(" \t\n,;:)")


@cache
def _bmp_digits() -> str:
    r"""A class of the characters up to U+FFFF that \d matches (the decimal digits, Nd).

    Python's re reads \d as a call into the Unicode database for each character it scans; a
    class of those characters compiles to a lookup table, and the scan that opens with it is
    about twice as fast.  It matches what \d matches in a text with no character beyond
    U+FFFF (tests/test_speed_equiv_grammar.py checks every code point)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isdecimal():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]"


@cache
def _digits_re_bmp() -> Pattern:
    """The digit pattern of `_number_re` opening with `_bmp_digits` instead of \\d (the
    character a scan looks for; the rest is unchanged)."""
    pattern = _number_re()[0].pattern
    assert pattern.startswith(r"(?P<d>\d")
    return re.compile(pattern.replace(r"\d", _bmp_digits(), 1))


def _digit_scan(text: str) -> Pattern:
    """The digit pattern to scan `text` with: the table form unless a character beyond U+FFFF
    (two UTF-16 units) is in it."""
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return _digits_re_bmp()
    return _number_re()[0]


def _digit_tokens(text: str) -> list[NumberToken]:
    """Every number written with digits, in order.  A list built in one loop: the common
    number (plain digits between spaces, no scale) takes the first branch and no call."""
    english: bool | None = None  # does the document group thousands with commas? (on first use)
    size = len(text)
    out: list[NumberToken] = []
    add = out.append
    for m in _digit_scan(text).finditer(text):
        s, e = m.span("d")
        prev = text[s - 1] if s else ""
        if prev and prev in "0123456789.," and not _after_dotted_symbol(text, s):
            continue  # ".5", the tail of something already refused
        digits = text[s:e]
        scale = m.group("s")
        stop = m.end() if scale else e
        if not (
            (not prev or prev in _FREE_BEFORE) and (stop == size or text[stop] in _FREE_AFTER)
        ) and _glued_to_identifier(text, s, stop):
            continue
        if not scale and digits.isdigit() and len(digits) <= MAX_SIGNIFICANT_DIGITS:
            # the common number: "128", "2024" (what the general branch makes of it)
            if prev and prev in "-−" and _signed(text, s):
                add(NumberToken(s - 1, e, -Decimal(digits), text[s - 1 : e], "digits", None))
            else:
                add(NumberToken(s, e, Decimal(digits), digits, "digits", None))
            continue
        if (
            len(digits) > MAX_SIGNIFICANT_DIGITS
            and sum(ch.isdigit() for ch in digits.lstrip("0")) > MAX_SIGNIFICANT_DIGITS
        ):
            continue
        if "," in digits and "." not in digits:
            tail = digits.rpartition(",")[2]
            if len(tail) < 3 and not _decimal_comma_ok(text, s, e):
                digits = digits.rpartition(",")[0]  # "pages 1,2": the number ends at the comma
                e = s + len(digits)
                scale = None
        scaled = bool(scale)
        if digits.count(".") == 1 and len(digits.partition(".")[2]) == 3:  # 9.500 or 1.375
            if english is None:
                english = _ENGLISH_THOUSANDS.search(text) is not None
            scaled = scaled or _scale_after().match(text, e) is not None
        value = _digits_value(digits, scaled=scaled, english=bool(english))
        end = e
        if scale:
            base = re.sub(r"\s+\d+(?:\s+(?:thousand|hundred))?$", "", scale)
            factor = _scale_value(base)
            value = _EXACT.multiply(value, Decimal(factor))
            extra = m.group("extra")
            if extra:
                xfactor = _scale_value(m.group("xscale")) if m.group("xscale") else 1
                spoken = base.strip(" -").lower() in ("thousand", "hundred")
                if xfactor < factor and (m.group("xscale") or spoken):
                    value = _EXACT.add(value, Decimal(extra) * xfactor)
                    end = m.end("s")
                else:
                    end = m.start("s") + len(base)  # "$9 million 300-bed": two figures
            else:
                end = m.end("s")
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1), context=_EXACT)
            scale = base.strip(" -").lower()
        if s and text[s - 1] in "-−" and _signed(text, s):
            s, value = s - 1, -value  # "-3.5%", "−2.1%"
        add(NumberToken(s, end, value, text[s:end], "digits", scale or None))
    return out


def _signed(text: str, start: int) -> bool:
    """A minus sign (hyphen-minus or U+2212) glued to the digits, after a space, an opening
    bracket or the start of a line: "fell to -3.5%", "(−2.1%)"; not "10-15" or "S-400"."""
    if start == 0 or text[start - 1] not in "-−":
        return False
    return start == 1 or text[start - 2] in " \t\n(["


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width spaces, joiners, soft hyphen


def number_tokens(text: str) -> Iterator[NumberToken]:
    """Every number in `text`, in order, with its exact span and value.

    Zero-width characters (pasted from web pages, "1\u200b000") are invisible to the number
    grammar: numbers are read from the text without them, and their spans are mapped back to
    `text`, so a span still quotes the text exactly.
    """
    if text.isascii() or not any(ch in text for ch in ZERO_WIDTH):  # str.find: no regex scan
        return iter(_merged(text))
    return _mapped_tokens(text)


def _merged(text: str) -> list[NumberToken]:
    """Digit and word tokens in order of their starts, digits first on a tie (a stable sort:
    cheaper than heapq.merge, whose key runs in Python for every token)."""
    return sorted([*_digit_tokens(text), *_word_tokens(text)], key=_START)


_START = attrgetter("start")


def _mapped_tokens(text: str) -> Iterator[NumberToken]:
    keep = [i for i, ch in enumerate(text) if ch not in ZERO_WIDTH]
    clean = "".join(text[i] for i in keep)
    for t in _merged(clean):
        start, end = keep[t.start], keep[t.end - 1] + 1
        yield NumberToken(start, end, t.value, text[start:end], t.kind, t.scale)


def scale_factor(tok: NumberToken) -> int:
    """The scale a token carries: 10^6 for '2 million' and 'two million', 1 for '250'."""
    lex = lexicon()
    if tok.kind == "digits":
        if tok.scale is None:
            return 1
        return lex.scales.get(tok.scale) or lex.abbreviations.get(tok.scale, 1)
    last = tok.text.lower().replace("-", " ").split()[-1]  # "two-billion": billion
    return lex.scales.get(last, 1) if last != "hundred" else 1
