"""The unit layer of the quantity grammar: grammar rules as records.

A number arrives here with its qualifier and range already read (`extractor.quantities`).  Each
`Reader` in `READERS` looks at the words around it and either builds the quantity (stamped with
one of the rule ids it owns), refuses the number outright (`REFUSED`: "100m" with no currency is
a distance, "two weeks ago" a point in time), or passes (None) to the next reader.  The order is
the grammar's precedence: percent, money, durations, measures, counts, bare numbers.

The examples and counter-examples of every rule id are in `extractor.rules.grammar`; a test
checks that every id a reader stamps has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from extractor.gazetteer import gazetteer
from extractor.lexicon import lexicon, trie_regex
from extractor.nouns import TOKEN, Noun, counted_noun, is_plural, nationalities, word_before
from extractor.numbers import NumberToken, scale_factor
from extractor.quantity import CONTEXT_DOLLAR, Quantity, currency_from


class Frame(NamedTuple):
    """What the layers below know about one number when the unit layer reads it."""

    text: str
    tok: NumberToken  # the (low) number
    hi: NumberToken | None  # the high end of a range
    base: Quantity  # value or range, qualifier and span; no unit yet
    right: str  # up to 80 characters after the number
    currency: str | None  # a currency read before the number
    abbrev: bool  # a scale abbreviation that needs a currency ("100m")
    lo_value: Decimal


class _Refused:
    """A reader's verdict that the number is no figure at all (no later reader may try)."""


REFUSED = _Refused()
Verdict = Quantity | _Refused | None


@dataclass(frozen=True)
class Reader:
    name: str
    rules: tuple[str, ...]  # the rule ids it stamps (their examples: extractor.rules.grammar)
    read: Callable[[Frame], Verdict]


PERCENT = re.compile(
    r"(?:\s?%|\s?(?:per\s?cent|percent)(?![A-Za-z])|-(?:per-?cent|percent)(?![A-Za-z])"
    r"|pc(?![A-Za-z])|\s?pct\b|\s?p\.c\.(?![A-Za-z])"
    r"|\s?percentage\s+points?(?![A-Za-z]))"
)


_OF_GDP = re.compile(
    r"\s+of\s+(?:(?:their|its|his|her|our|the|national|annual|[A-Z][\w.]*(?:'s|’s)?)\s+)?"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output)(?![A-Za-z])"
)


# "nine of NATO's 30 members", "23 of the alliance's 32 members", "Twenty-three of 32 member
# countries", "three out of its four members"
_PARTITIVE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|these|those|our|all)\s+)?"
    r"(?:(?:[A-Za-z][\w.-]*(?:'s|’s))\s+)?(?=(?:\d|[a-z]))"
)


_PARTITIVE_TOTAL = re.compile(r"(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+")  # "of NATO's 30 members"


_QUOTE_OPEN = '“"‘'


_QUOTE_CLOSE = '”"’'


@cache
def _duration_re() -> re.Pattern[str]:
    words = "|".join(sorted(lexicon().durations, key=len, reverse=True))
    return re.compile(rf"(?P<sep>\s+|-)(?P<u>{words})(?![A-Za-z])(?P<old>-old)?")


@cache
def _measure_re() -> re.Pattern[str]:
    words = trie_regex(list(lexicon().measures), fold_space=True)
    return re.compile(rf"[ \t]?(?P<u>{words})(?![A-Za-z])")


@cache
def _hyphen_unit_re() -> re.Pattern[str]:
    return re.compile(rf"-(?P<u>{'|'.join(lexicon().hyphen_units)})(?![A-Za-z-])")


_DESIGNATION_TAIL = re.compile(r"-?\d|[A-Za-z]*\d")
_NEXT_TWO_WORDS = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)$")


def _inside_short_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) is inside a quoted phrase of six words at most (a name, a slogan)."""
    left = text[max(0, start - 40) : start]
    right = text[end : end + 40]
    opens = [left.rfind(q) for q in _QUOTE_OPEN]
    o = max(opens)
    if o < 0 or any(left.rfind(q) > o for q in "”\n"):
        return False
    closes = [c for c in (right.find(q) for q in _QUOTE_CLOSE) if c >= 0]
    if not closes or "\n" in right[: min(closes)]:
        return False
    phrase = left[o + 1 :] + text[start:end] + right[: min(closes)]
    return len(phrase.split()) <= 6


def is_identifier_context(text: str, tok: NumberToken, right: str) -> bool:
    """'Part 2', 'World War 2', 'Nord Stream 2', 'Article 5': a number after a capitalised word."""
    before = text[max(0, tok.start - 2) : tok.start]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    word = word_before(text, tok.start)
    if not word or not word[0].isupper() or word.lower() in lexicon().function_words:
        return False
    if word.endswith(("'s", "’s")):
        return False  # "NATO's 32 members" is a count, "Part 2" is not
    if tok.scale or PERCENT.match(right):
        return False  # "NATO 2 percent", "Germany 2 million"
    return not lexicon().suffix_re.match(right)


def _number_word_refused(text: str, tok: NumberToken, qstart: int) -> bool:
    """Rules for written-out numbers: references, names and idioms are not figures."""
    if tok.value == 1 and len(tok.text.split()) == 1:
        return True  # "one of", "one's own": never a figure on its own
    compound = text.startswith("-", tok.end)  # "the six-week massacre": the article is the noun's
    before = word_before(text, qstart).lower()
    if before == "of" and word_before(text, qstart - 3).lower() in lexicon().collectives:
        return True  # "the Group of Seven nations", "a club of four countries": a name
    hedged = qstart < tok.start and before != "between"  # "the estimated six million"
    relative = before in ("which", "whom") and (  # "in which fifty thousand were killed"
        word_before(text, qstart - len(before) - 1).lower() in lexicon().prepositions
    )
    if before in lexicon().determiners and not compound and not hedged and not relative:
        return True  # "the two countries", "these four partners", "between two countries"
    nxt = _NEXT_TWO_WORDS.match(text, tok.end)
    # "Eight AS90 guns", "Twelve F-16 jets": a model designation follows
    model = nxt is not None and _DESIGNATION_TAIL.match(text, nxt.end(1)) is not None
    if tok.text[0].isupper() and nxt and nxt.group(1)[0].isupper() and not model:
        # "Five Eyes", "Big Four": a name -- unless the capitalised word is a nationality or an
        # acronym ("Sixty Ukrainian soldiers", "Nine NATO members"), or the sentence starts
        # with the number and the capitalised plural ends the phrase ("Twenty-three Allies are
        # investing", "Thirty-two Allies met")
        first, second = nxt.group(1), nxt.group(2)
        initial = _SENTENCE_START.search(text, max(0, tok.start - 3), tok.start) is not None
        ends_phrase = (
            second is None
            or second.lower() in lexicon().np_stop
            or (second[0].islower() and not is_plural(second))
        )
        modifier = first in nationalities() or (len(first) > 1 and first.isupper())
        if not (modifier or (initial and is_plural(first) and ends_phrase)):
            return True
    prev = word_before(text, tok.start)
    if (
        tok.text[0].isupper()
        and prev
        and prev[0].isupper()
        and prev.lower() not in lexicon().function_words
    ):
        gap = text[max(0, tok.start - len(prev) - 2) : tok.start]
        if not re.search(r"[.!?:;\"“”]\s*\S*\s*$", gap):
            return True  # "World War Two"
    return _inside_short_quote(text, tok.start, tok.end)  # “one country, two systems”


@cache
def harmed_re() -> re.Pattern[str]:
    """A harm word right after a figure, perhaps behind an auxiliary: '42 dead', '100 killed',
    'as many as 140,000 had died', '300 were reportedly wounded'."""
    lex = lexicon()
    aux = trie_regex(list(lex.auxiliaries))
    harm = trie_regex(list(lex.harm_words))
    return re.compile(rf"[ \t]+(?:(?:{aux})[ \t]+(?:[a-z]+ly[ \t]+)?){{0,2}}(?:{harm})(?![A-Za-z])")


_PREDICATE = re.compile(r"[ \t]+(?:were|are)[ \t]+(?:(?:all|mostly|mainly)[ \t]+)?")


def _bare(text: str, tok: NumberToken, base: Quantity, right: str) -> Quantity | None:
    """A number with no noun after it.  '42 dead', 'as many as 140,000 had died': people.
    'About 8,000 were officers': the noun of the predicate.  Otherwise a bare number that only
    a domain rule can give a unit ('the death toll ranges from 40,000 to 300,000'); the pipeline
    drops it when none does.  Years are never bare figures, nor are small written-out numbers
    ("two said"); a written-out number with a scale word ("some fifteen thousand fled") is."""
    if tok.is_year_like:
        return None
    if harmed_re().match(right):
        return base._replace(kind="count", unit="person", rule="count.implicit_person")
    pm = _PREDICATE.match(right)
    if pm:
        noun = counted_noun(text, base.number_end + pm.end() - 1, value=tok.value)
        if noun is not None and noun.end - base.number_end < 60:
            return base._replace(
                unit=noun.unit,
                rule="count.predicate",
                noun_phrase=noun.phrase,
                modifiers=noun.modifiers,
            )
    if tok.kind == "words" and scale_factor(tok) < 1000:
        return None
    return base._replace(kind="number", unit="", rule="number.bare")


def read_percent(f: Frame) -> Verdict:
    """'2.4%', '16.5-percent', 'two per cent of GDP', '0.5 percentage points'."""
    pm = PERCENT.match(f.right)
    if not pm or f.abbrev:
        return None
    end = f.base.number_end + pm.end()
    unit = "percentage point" if "point" in pm.group(0) else "percent"
    of = None
    gm = _OF_GDP.match(f.text, end)
    if gm:
        end, of = gm.end(), "GDP"
    rule = "percent.of_gdp" if of else "percent"
    return f.base._replace(kind="percent", unit=unit, end=end, rule=rule, of=of)


def read_money_prefix(f: Frame) -> Verdict:
    """'A$250 million', 'NOK 12 billion', '₹1,00,000 crore' (the currency was read before)."""
    if f.currency is None:
        return None
    return f.base._replace(
        kind="money", unit=f.currency, rule="money.prefix", currency_from=currency_from(f.currency)
    )


# Words before a year that make the money after it a price basis: "constant 2015 dollars".
_PRICE_BASIS = re.compile(
    r"(?i)(?<![\w-])(?:constant|real|current|nominal|(?:inflation[- ])?adjusted|at)[ \t]+$"
)


_HYPHEN_POUND = re.compile(r" pound(?=[ \t-])")


def _hyphen_currency(right: str) -> re.Match[str] | None:
    """The currency word of a scaled compound adjective: 'a 60.8-billion-yen loan', 'a
    1.5-billion-euro package', 'a 300-million-dollar deal', 'a 2-billion-Swiss-franc bond'
    (its hyphens read as spaces; the word ends at a hyphen or a space: the noun follows).
    'pound' is the pound sterling here: a scale word stands before it."""
    window = " " + right[1:40].replace("-", " ")
    m = lexicon().suffix_re.match(window) or _HYPHEN_POUND.match(window)
    if m is None or window[m.end() : m.end() + 1] not in (" ", "\t"):
        return None
    return m


def read_money_suffix(f: Frame) -> Verdict:
    """'3.5 billion Swedish kronor', '186 billion PLN'; not '500 pounds of explosives'."""
    lex = lexicon()
    sm = lex.suffix_re.match(f.right)
    if sm is None and f.right[:1] == "-" and scale_factor(f.tok) > 1 and f.hi is None:
        sm = _hyphen_currency(f.right)
        if sm is None:
            return None
        unit = lex.currency_code(sm.group(0).strip().replace("pound", "pounds"), "suffix")
        end = f.base.number_end + sm.end()
        return f.base._replace(
            kind="money",
            unit=unit or CONTEXT_DOLLAR,
            end=end,
            rule="money.suffix",
            currency_from=currency_from(unit or CONTEXT_DOLLAR),
        )
    if not sm or (
        sm.group(0).strip().lower() == "pounds" and re.match(r"\s+of\b", f.right[sm.end() :])
    ):
        return None
    if (
        f.tok.is_year_like
        and f.hi is None
        and _PRICE_BASIS.search(f.text, max(0, f.base.start - 24), f.base.start)
    ):
        return REFUSED  # "in constant 2015 US dollars", "at 2020 prices": a price basis
    unit = lex.currency_code(sm.group(0).strip(), "suffix") or CONTEXT_DOLLAR
    end = f.base.number_end + sm.end()
    return f.base._replace(
        kind="money", unit=unit, end=end, rule="money.suffix", currency_from=currency_from(unit)
    )


_RATIO_BEFORE = re.compile(r"(?i)(?:\d|\bone)[ \t]+in[ \t]+$")
_RATIO_AFTER = re.compile(
    r"[ \t]+in[ \t]+(?:(?!(?:1[6-9]|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight"
    r"|nine|ten|every)\b"
    r"(?![ \t]+(?:hours?|days?|weeks?|months?|years?|decades?|minutes?|seconds?)\b)"
)


def refuse_unreadable(f: Frame) -> Verdict:
    """'100m' with no currency is a distance; a written-out number in a name or idiom."""
    if f.abbrev:
        return REFUSED
    if f.tok.kind == "words" and _number_word_refused(f.text, f.tok, f.base.start):
        return REFUSED
    return None


def read_duration(f: Frame) -> Verdict:
    """'six-week', 'less than two months'; not 'two weeks ago' or 'a five-year-old'."""
    dm = _duration_re().match(f.right)
    if not dm:
        return None
    if dm.group("old"):
        return REFUSED
    lex = lexicon()
    end = f.base.number_end + dm.end()
    after = re.match(r"[ \t]+([A-Za-z]+)", f.text[end : end + 20])
    if after and after.group(1).lower() in lex.temporal_offsets and dm.group("sep") != "-":
        return REFUSED
    unit = lex.durations[dm.group("u").lower()]
    rule = "duration.compound" if dm.group("sep") == "-" else "duration"
    q = f.base._replace(kind="duration", unit=unit, end=end, rule=rule)
    if q.qualifier == "more_than" and f.text[q.start : q.start + 4].lower() == "over":
        q = q._replace(qualifier="exact", start=f.tok.start)  # "over five years" = during
    return q


def read_measure(f: Frame) -> Verdict:
    """'100 km from the border'; not a calibre ('155 mm rounds')."""
    mm = _measure_re().match(f.right)
    if not mm:
        return None
    end = f.base.number_end + mm.end()
    nxt_word = TOKEN.match(f.text, end)
    if nxt_word and nxt_word.group("w").lower() not in lexicon().np_stop:
        return REFUSED
    unit = lexicon().measures[re.sub(r"\s+", " ", mm.group("u").lower())]
    return f.base._replace(kind="measure", unit=unit, end=end, rule="measure")


def read_count_compound(f: Frame) -> Verdict:
    """'700-person', 'a 3,000-strong force', 'a 300-bed hospital'."""
    hm = _hyphen_unit_re().match(f.right)
    if not hm:
        return None
    end = f.base.number_end + hm.end()
    unit = lexicon().hyphen_units[hm.group("u").lower()]
    return f.base._replace(kind="count", unit=unit, end=end, rule="count.compound")


_PLACE_FORMS = ("name", "capital")


def _place_after(text: str, pos: int) -> int:
    """The end of a place standing right after a figure, else 0: a city or country name of
    the gazetteer (one to three capitalised words: "1110 Brussels"), or a street, capitalised
    words up to a street word of the lexicon ("2520 Massachusetts Avenue")."""
    if not text.startswith(" ", pos) or not text[pos + 1 : pos + 2].isupper():
        return 0
    surfaces = gazetteer().surfaces
    streets = lexicon().street_words
    words: list[re.Match[str]] = []
    at = pos
    for _ in range(4):
        m = TOKEN.match(text, at)
        if m is None or not m.group("w")[0].isupper():
            break
        words.append(m)
        at = m.end()
        if m.group("w").rstrip(".") in streets:
            return at
    for n in range(min(len(words), 3), 0, -1):
        name = text[words[0].start("w") : words[n - 1].end()]
        if surfaces.get(name, ("", ""))[1] in _PLACE_FORMS:
            return words[n - 1].end()
    return 0


# A number word standing alone inside a noun phrase belongs to a figure of its own
_NUMBER_WORD_IN = re.compile(
    r"(?i)(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)(?![\w-])"
)


def read_count(f: Frame) -> Verdict:
    """'128,000 servicemen', 'nine of NATO's 30 members'; else a bare number ('42 dead',
    'About 8,000 were officers', or no unit at all); never the terms of a ratio."""
    text, tok, base = f.text, f.tok, f.base
    number_end = base.number_end
    start = tok.start
    if _RATIO_BEFORE.search(text, max(0, start - 8), start) or _RATIO_AFTER.match(f.right):
        return REFUSED  # the terms of a ratio: "1 in 4 Ukrainians"
    noun = counted_noun(text, number_end, value=f.lo_value)
    # a house or postal number is written as plain digits ("the 200,000 Moscow claimed" is not)
    place = _place_after(text, number_end) if text[start:number_end].isdigit() else 0
    if place and (noun is None or noun.end <= place):
        return REFUSED  # "1110 Brussels", "2520 Massachusetts Avenue": an address
    rule = "count.noun"
    if noun is None:
        # "nine of NATO's 30 members", "three out of its four members": the number is the
        # figure, the noun phrase after "of" names the unit
        pm = _PARTITIVE.match(text, number_end)
        if pm is None:
            return _bare(text, tok, base, f.right) or REFUSED
        noun = counted_noun(text, pm.end() - 1, value=f.lo_value)
        total = _PARTITIVE_TOTAL.match(text, pm.end())
        if noun is None and total is not None:
            noun = counted_noun(text, total.end() - 1, value=f.lo_value)
        if noun is None:
            return _bare(text, tok, base, f.right) or REFUSED
        noun = Noun(noun.unit, number_end, noun.phrase, noun.modifiers, noun.head)
        rule = "count.partitive"
    if tok.kind == "words" and noun.head.lower() in lexicon().abstract_nouns:
        return REFUSED
    if _NUMBER_WORD_IN.search(text, number_end, noun.end):
        return REFUSED  # "In 2014 only three allies": the noun is counted by the later number
    if tok.is_year_like and f.hi is None:
        head = noun.head.lower()
        if (base.qualifier == "exact" and not head.endswith("s")) or head in lexicon().year_nouns:
            return REFUSED  # "2024 estimates", "below 1990 levels": the year dates the noun
    return base._replace(
        unit=noun.unit, end=noun.end, rule=rule, noun_phrase=noun.phrase, modifiers=noun.modifiers
    )


READERS: tuple[Reader, ...] = (
    Reader("percent", ("percent", "percent.of_gdp"), read_percent),
    Reader("money.prefix", ("money.prefix",), read_money_prefix),
    Reader("money.suffix", ("money.suffix",), read_money_suffix),
    Reader("refusals", (), refuse_unreadable),
    Reader("duration", ("duration", "duration.compound"), read_duration),
    Reader("measure", ("measure",), read_measure),
    Reader("count.compound", ("count.compound",), read_count_compound),
    Reader(
        "count",
        (
            "count.noun",
            "count.partitive",
            "count.implicit_person",
            "count.predicate",
            "number.bare",
        ),
        read_count,
    ),
)


def read_unit(f: Frame) -> Quantity | None:
    """The first reader's verdict on a number: its quantity, or None (no figure)."""
    for reader in READERS:
        verdict = reader.read(f)
        if verdict is None:
            continue
        return verdict if isinstance(verdict, Quantity) else None
    return None
