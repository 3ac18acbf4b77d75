"""The quantity layer: numbers become money, percentages, counts and durations.

A `Quantity` is a number with its unit, qualifier (nearly, about, more than ...), range bounds
and the exact span of text it came from.  It is built from the number tokens of
`extractor.numbers` by looking at the words around each number; it never re-parses digits.
A bare `$` is left with `unit="$"` for the context pass (`extractor.context`) to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from extractor.exclusions import Mask
from extractor.gazetteer import gazetteer
from extractor.lexicon import SHARED_PREFIX, lexicon, trie_regex
from extractor.numbers import SPACED_ABBREVIATIONS, NumberToken, number_tokens

_SPACED = frozenset(a.lower() for a in SPACED_ABBREVIATIONS)
CONTEXT_DOLLAR = "$"  # placeholder unit of a bare dollar until the context pass resolves it


class Quantity(NamedTuple):
    """A number with its unit.  A NamedTuple: built for every number in a text, and its
    C-level _replace is several times cheaper than dataclasses.replace."""

    kind: str  # money | percent | count | duration | measure | number (bare)
    unit: str
    qualifier: str
    start: int
    end: int
    rule: str  # the grammar rule that built it, e.g. "money.prefix"
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    of: str | None = None  # "GDP" for a share of gross domestic product
    currency_from: str | None = None  # "text" | "context" for money
    noun_phrase: str | None = None  # the counted words: "Soviet citizens"
    modifiers: tuple[str, ...] = ()  # words between number and head noun: ("US",)
    number_start: int = 0
    number_end: int = 0
    words: bool = False  # the number is written out ("nine")


# Capitalised words that may stand right before a figure without making it an identifier.
FUNCTION_WORDS = frozenset(
    """
    a an the these those this that all another some about around over under up to and but or nor
    with without by of in on at for from since until than nearly almost roughly approximately
    estimated exactly just only least most more fewer less per each every its their his her our
    while when then now today also still including plus total totalling some another like as if
    after before during between among within into onto upon whereas although though because so
    yet there here it they we he she is are was were be been being has have had will would could
    should may might must can
    """.split()
)

# Words that end a counted noun phrase.
NP_STOP = frozenset(
    """
    and or but of in on at for to from with by as that which who whom whose were was are is be
    been being have has had will would could should may might must can the a an this these those
    their its his her our including such than when while since per each more less ago over under
    into onto via not no nor so if then there here where
    """.split()
)

HYPHEN_UNITS = {
    "person": "person",
    "man": "man",
    "woman": "woman",
    "member": "member",
    "strong": "person",
    "seat": "seat",
    "nation": "nation",
    "country": "country",
    "vessel": "vessel",
    "ship": "ship",
    "bed": "bed",
}

# A word of a counted noun phrase: letters, or a model designation with digits ("AH-64",
# "M1A1", "PAC-3"), or a number inside the phrase ("Challenger 2").
_TOKEN = re.compile(
    r"(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"
    r"(?P<w>(?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*|\d[\w,.'’-]*)"
)
_PERCENT = re.compile(
    r"(?:\s?%|\s?(?:per\s?cent|percent)(?![A-Za-z])|-(?:per-?cent|percent)(?![A-Za-z])"
    r"|pc(?![A-Za-z])"
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
_CHANGE = re.compile(
    r"(?i)\b(?:rose|rise[sn]?|rising|increased?|increasing|grew|grow(?:s|n|ing)?|fell|falls?|falling"
    r"|dropped|drops?|declined?|climbed?|jumped?|surged?|raised?|raising|cut|boosted?|up|down"
    r"|doubled?|tripled?|went|gone|soared?|plunged?)\s+(?:\w+\s+){0,2}from\s+(?:\S+\s?)?$"
)
_YEAR_PREPOSITION = re.compile(r"(?i)\b(?:in|since|by|until|during|of)\s+$")
_BETWEEN = re.compile(r"(?i)(?<![\w-])(?:between|from)\s+$")
_QUOTE_OPEN = '“"‘'
_QUOTE_CLOSE = '”"’'


@cache
def _range_connector() -> re.Pattern[str]:
    lex = lexicon()
    prefix = lex.prefix_re.pattern.removesuffix(r"\s?$")
    # "from 70,000 to as many as 100,000", "between 3 million and more than 10 million": the
    # high end may carry its own qualifier (a word phrase: not "~")
    quals = trie_regex([q for q in lex.qualifiers if q[0].isalpha()], fold_space=True)
    # "2% and 2.5%", "10 per cent to 15 per cent": the unit may stand on both ends
    return re.compile(
        rf"(?P<pct>\s?(?:%|per\s?cent|percent))?\s*(?:to|and|–|—|-)\s*"
        rf"(?:(?P<q>{quals})\s+)?(?P<cur>{prefix})?\s?"
    )


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
    return re.compile(rf"-(?P<u>{'|'.join(HYPHEN_UNITS)})(?![A-Za-z-])")


@cache
def _demonyms() -> frozenset[str]:
    """Plural nationality nouns ('Ukrainians', 'Russians'): counted as people."""
    gaz = gazetteer()
    return frozenset(
        s for s, (_, form) in gaz.surfaces.items() if form == "adjective" and s.endswith("s")
    )


def singular(word: str) -> str:
    """The singular, lower-case unit of a plural noun ('servicemen' -> 'serviceman')."""
    lex = lexicon()
    low = word.lower()
    if low in lex.irregular_plurals:
        return lex.irregular_plurals[low]
    if low in lex.invariant_nouns:
        return low
    if len(word) > 2 and word[:-1].isupper() and word.endswith("s"):
        return word[:-1]  # IFVs -> IFV
    if low.endswith("men") and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zes")):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low


def is_plural(word: str) -> bool:
    lex = lexicon()
    low = word.lower()
    if low in lex.irregular_plurals or low in lex.invariant_nouns:
        return True
    if len(word) > 2 and word[:-1].isupper() and word.endswith("s"):
        return True
    if word.isupper():
        return False
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low.isalpha() is not False
    )


_NEXT_TWO_WORDS = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z'’-]*)[ \t]*$")


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


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


def _scale_factor(tok: NumberToken) -> int:
    lex = lexicon()
    if tok.kind == "digits":
        if tok.scale is None:
            return 1
        return lex.scales.get(tok.scale) or lex.abbreviations.get(tok.scale, 1)
    last = tok.text.lower().split()[-1]
    return lex.scales.get(last, 1) if last != "hundred" else 1


@dataclass
class _Noun:
    unit: str
    end: int
    phrase: str
    modifiers: tuple[str, ...]
    head: str


# Between two modifiers of one noun: "Polish, Lithuanian and Latvian troops".
_COORD = re.compile(r",(?:[ \t]+(?:and|or)(?=[ \t]))?")
# A first modifier that is a function word: "30 more Bushmaster APCs", "18 other countries".
_LEADING = frozenset({"more", "other", "additional", "extra", "further", "new", "fewer"})
# Words ending in -s that are not plural nouns.
_NOT_PLURAL = frozenset(
    "towards afterwards backwards upwards besides always sometimes perhaps thus whereas "
    "nevertheless nonetheless overseas across".split()
)
_ADJ_ENDINGS = ("ian", "ish", "ese", "an", "ic", "i", "ch", "al", "ed", "ive", "ous", "ary")


@cache
def _invariant_demonyms() -> frozenset[str]:
    """Nationality words that are their own plural ('300,000 Chinese', 'the Swiss')."""
    gaz = gazetteer()
    return frozenset(
        s
        for s, (_, form) in gaz.surfaces.items()
        if form == "adjective" and s.endswith(("ese", "ch", "sh", "ss"))
    )


def _coordinable(word: str) -> bool:
    """A modifier that may be listed with others before one noun: an adjective, a
    nationality, a lower-case noun used as a modifier ('ground, maritime and air forces')."""
    if word[0].islower():
        return not is_plural(word) and word not in NP_STOP
    if "." in word:
        return True  # "U.S., allied and partner forces"
    return word in _demonyms() or word in gazetteer().surfaces or word.endswith(_ADJ_ENDINGS)


def _is_head(word: str, low: str) -> bool:
    return is_plural(word) and low not in _NOT_PLURAL


def _counted_noun(text: str, pos: int, *, value: Decimal) -> _Noun | None:
    """The noun phrase a number counts: '128,000 servicemen' -> serviceman.

    Reads up to eight words of modifiers -- adjectives, nationality lists ('Polish, Lithuanian
    and Latvian'), model designations ('M113AS4', 'Leopard 1A5', '155mm'), 'more'/'other' --
    to the head noun, the first plural noun that ends the phrase.
    """
    lex = lexicon()
    mods: list[str] = []
    start_phrase = pos
    for _ in range(8):
        m = _TOKEN.match(text, pos)
        if m is None and mods and _coordinable(mods[-1]):
            c = _COORD.match(text, pos)
            m = _TOKEN.match(text, c.end()) if c else None
            if m is None or not (_coordinable(m.group("w")) or _is_head(m.group("w"), "")):
                return None
        elif m is not None and m.group("w") in ("and", "or") and mods and _coordinable(mods[-1]):
            nxt = _TOKEN.match(text, m.end())
            if nxt is None or not _coordinable(nxt.group("w")):
                return None
            m = nxt  # "artillery and multiple launch rocket systems"
        if not m:
            return None
        word = m.group("w")
        low = word.lower()
        if not mods and low in _LEADING:
            nxt = _TOKEN.match(text, m.end())
            if nxt and nxt.group("w").lower() not in NP_STOP:
                mods.append(word)
                pos = m.end()
                continue
        if low in NP_STOP or word.endswith(("'s", "’s")):
            return None
        if word[0].isdigit():
            # a model number inside the phrase: "18 Challenger 2 tanks", "six M777 155mm
            # howitzers", "25 Leopard 1A5 tanks"
            designation = any(ch.isalpha() for ch in word)
            if (designation or (mods and mods[-1][0].isupper())) and "," not in word:
                mods.append(word.rstrip("."))
                pos = m.start("w") + len(word.rstrip("."))
                continue
            return None
        if word in _invariant_demonyms():
            nxt = _TOKEN.match(text, m.end())
            c = _COORD.match(text, m.end())
            listed = _TOKEN.match(text, c.end()) if c else None
            if nxt is not None and nxt.group("w") in ("and", "or"):
                listed = _TOKEN.match(text, nxt.end())
            if listed is not None and _coordinable(listed.group("w")):
                pass  # "Polish, Lithuanian and Latvian troops": one of a list of modifiers
            elif nxt is None or not (nxt.group("w")[0].isupper() or is_plural(nxt.group("w"))):
                return _Noun(
                    "person", m.end(), text[start_phrase : m.end()].strip(), tuple(mods), word
                )
        if _is_head(word, low):
            nxt = _TOKEN.match(text, m.end())
            nxt_word = nxt.group("w") if nxt else ""
            if (
                nxt
                and low not in lex.irregular_plurals
                and nxt_word.lower() not in NP_STOP
                and _is_head(nxt_word, nxt_word.lower())
                and (
                    low in lex.invariant_nouns
                    or word[0].isupper()
                    or not (
                        _TOKEN.match(text, nxt.end())
                        and _is_head((_TOKEN.match(text, nxt.end()) or nxt).group("w"), "")
                    )
                )
            ):
                # "aircraft carriers", "Abrams tanks", "special operations vehicles": the first
                # plural-looking word is a modifier
                mods.append(word)
                pos = m.end()
                continue
            end = m.end()
            unit = "person" if word in _demonyms() else singular(word)
            unit = lex.person_nouns.get(unit, unit)  # "12,000 civilian deaths": people
            if low in lex.measure_nouns:
                of = re.match(r"\s+of\s+([A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)", text[end : end + 60])
                if of:
                    tail = of.group(1).split()
                    # "pieces of hardware including" -> stop at a function word
                    keep = [tail[0]] + [w for w in tail[1:2] if w.lower() not in NP_STOP]
                    unit = f"{unit} of {' '.join(keep).lower()}"
                    end = end + of.start(1) + len(" ".join(keep))
            words = [w.lower() for w in mods] + [unit]
            joined = " ".join(words)
            for compound in lex.compound_units:
                if joined == compound or joined.endswith(" " + compound):
                    unit = compound
                    break
            return _Noun(unit, end, text[start_phrase:end].strip(), tuple(mods), word)
        mods.append(word)
        pos = m.end()
    return None


def _is_identifier_context(text: str, tok: NumberToken, right: str) -> bool:
    """'Part 2', 'World War 2', 'Nord Stream 2', 'Article 5': a number after a capitalised word."""
    before = text[max(0, tok.start - 2) : tok.start]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    word = _word_before(text, tok.start)
    if not word or not word[0].isupper() or word.lower() in FUNCTION_WORDS:
        return False
    if word.endswith(("'s", "’s")):
        return False  # "NATO's 32 members" is a count, "Part 2" is not
    if tok.scale or _PERCENT.match(right):
        return False  # "NATO 2 percent", "Germany 2 million"
    return not lexicon().suffix_re.match(right)


def _number_word_refused(text: str, tok: NumberToken, qstart: int) -> bool:
    """Rules for written-out numbers: references, names and idioms are not figures."""
    if tok.value == 1 and len(tok.text.split()) == 1:
        return True  # "one of", "one's own": never a figure on its own
    compound = text.startswith("-", tok.end)  # "the six-week massacre": the article is the noun's
    before = _word_before(text, qstart).lower()
    if before == "of" and _word_before(text, qstart - 3).lower() in lexicon().collectives:
        return True  # "the Group of Seven nations", "a club of four countries": a name
    hedged = qstart < tok.start and before != "between"  # "the estimated six million"
    if before in lexicon().determiners and not compound and not hedged:
        return True  # "the two countries", "these four partners", "between two countries"
    nxt = _NEXT_TWO_WORDS.match(text, tok.end)
    model = nxt is not None and text[nxt.end(1) : nxt.end(1) + 1].isdigit()  # "Eight AS90 guns"
    if tok.text[0].isupper() and nxt and nxt.group(1)[0].isupper() and not model:
        # "Five Eyes", "Big Four": a name -- unless the sentence starts with the number and
        # the capitalised plural ends the phrase ("Twenty-three Allies are investing ...")
        initial = _SENTENCE_START.search(text, max(0, tok.start - 3), tok.start) is not None
        ends_phrase = nxt.group(2) is None or nxt.group(2).lower() in NP_STOP
        if not (initial and is_plural(nxt.group(1)) and ends_phrase):
            return True
    prev = _word_before(text, tok.start)
    if tok.text[0].isupper() and prev and prev[0].isupper() and prev.lower() not in FUNCTION_WORDS:
        gap = text[max(0, tok.start - len(prev) - 2) : tok.start]
        if not re.search(r"[.!?:;\"“”]\s*\S*\s*$", gap):
            return True  # "World War Two"
    return _inside_short_quote(text, tok.start, tok.end)  # “one country, two systems”


_CEILING = re.compile(
    r"(?i)\b(?:cap|caps|capped|capping|limit|limits|limited|limiting|ceiling|restrict|restricts"
    r"|restricted|restricting)\b[^.;:!?\n]{0,50}?\b(?:to|at|of)\s+$"
)


_OPENERS = "([“\"‘'"
_CEILING_HINTS = ("cap", "limit", "ceiling", "restrict")


_WORD = re.compile(r"\S+")


@cache
def _qualifier_last_words() -> frozenset[str]:
    return frozenset(phrase.split()[-1] for phrase in lexicon().qualifiers)


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """The qualifier right before a figure, else a ceiling verb governing it ("cap ... to").

    Looks the last one to three words up in the qualifier table (longest first) instead of
    running a regex: this is asked for every number.
    """
    lex = lexicon()
    tail = text[max(0, start - 32) : start]
    if tail.endswith("~"):
        return lex.qualifiers["~"], start - 1
    stripped = tail.rstrip()
    words = stripped.split()
    if not words or words[-1].lstrip(_OPENERS).lower() not in _qualifier_last_words():
        words = []  # the common case: the word before the figure ends no qualifier
    spans = [m.start() for m in _WORD.finditer(stripped)] if words else []
    for n in (4, 3, 2, 1):
        if len(words) < n or (len(words) == n and len(tail) == 32 and start > 32):
            continue
        first = words[-n].lstrip(_OPENERS)
        phrase = " ".join([first, *words[len(words) - n + 1 :]]).lower()
        if first and phrase in lex.qualifiers:
            offset = spans[-n] + (len(words[-n]) - len(first))
            return lex.qualifiers[phrase], start - len(tail) + offset
    window = text[max(0, start - 80) : start]
    low = window.lower()
    if any(h in low for h in _CEILING_HINTS) and _CEILING.search(window):
        return "at_most", start
    return "exact", start


@cache
def _prefix_ends() -> frozenset[str]:
    """The characters a currency prefix can end with that are not letters ($, €, ., ...)."""
    return frozenset(
        c.surface[-1]
        for c in lexicon().currencies
        if c.position in ("prefix", "both") and not c.surface[-1].isalpha()
    )


def _prefix_currency(text: str, start: int) -> tuple[str | None, int]:
    """(unit, start of the symbol) for a currency just before `start`: an ISO code,
    CONTEXT_DOLLAR, or a shared placeholder ("¤INR|PKR|..."; see lexicon.shared_candidates)."""
    lex = lexicon()
    before = text[start - 1 : start]
    if before == " ":
        before = text[start - 2 : start - 1]
    if not before or not (before.isalpha() or before in _prefix_ends()):
        return None, start  # the common case, decided without a regex
    m = lex.prefix_re.search(text[max(0, start - 10) : start])
    if not m:
        return None, start
    surface = m.group(0).strip()
    code = lex.currency_code(surface, "prefix")
    return code or CONTEXT_DOLLAR, start - len(m.group(0))


def currency_from(unit: str) -> str:
    """'text' for an ISO code, 'context' for a unit the context pass still has to resolve."""
    return "context" if unit == CONTEXT_DOLLAR or unit.startswith(SHARED_PREFIX) else "text"


def quantities(text: str, mask: Mask | None = None) -> list[Quantity]:
    """Every money, percent, count and duration quantity in `text`, in document order."""
    mask = mask or Mask.of(text)
    tokens = [
        t for t in number_tokens(text) if t.kind == "words" or not mask.covers(t.start, t.end)
    ]
    out: list[Quantity] = []
    headers = _PercentLists(text)
    i = 0
    while i < len(tokens):
        if tokens[i].kind == "words" and _lone_one(tokens[i]):
            one = _one_in_a_list(text, tokens[i], out)
            if one is not None:
                out.append(one)
            i += 1
            continue
        tok = tokens[i]
        q, consumed = _build(text, tok, tokens[i + 1] if i + 1 < len(tokens) else None)
        if q is not None and q.unit == "other":
            q = _unit_of_others(text, q, out)
        if (
            (q is None or q.kind == "number")
            and tok.kind == "digits"
            and not tok.is_year_like
            and headers.covers(tok.start, tok.end)
        ):
            # "Poland: 4.12", "- Army 41.2" under "Defence spending, % of GDP:" (a row label
            # before a figure is no identifier here)
            q = _header_percent(text, tok, q)
            consumed = 0
        if q is not None:
            q = _postfix_qualifier(text, q)
            if q.start == q.number_start and _MINUS.search(text, max(0, q.start - 8), q.start):
                q = _negated(q, text.rfind("minus", 0, q.start))  # "minus 2 per cent"
            out.append(q)
            if q.kind == "count" and _RESPECTIVELY.match(text, q.end):
                _share_noun_respectively(text, out)
            elif q.kind == "count" and len(out) > 1 and out[-2].kind == "number":
                _share_noun_across_and(text, out)
        i += 1 + consumed
    return out


# A modifier list ending in a coordinator, between a bare figure and the next figure:
# "8.7 million military and 19 million civilian deaths", "1,000 Russian and 500 Belarusian troops"
_SHARED_MODS = re.compile(r"(?:[ \t]+[A-Za-z][\w-]*){1,3}(?=[ \t]+(?:and|or)[ \t]+$)")


def _share_noun_across_and(text: str, out: list[Quantity]) -> None:
    """'8.7 million military and 19 million civilian deaths': the first figure, followed by
    its own modifiers and 'and', counts the head noun of the second."""
    prev, last = out[-2], out[-1]
    gap = text[prev.end : last.start]
    m = _SHARED_MODS.match(gap)
    if m is None or not all(_coordinable(w) for w in m.group().split()):
        return
    out[-2] = prev._replace(
        kind="count",
        unit=last.unit,
        end=prev.end + m.end(),
        rule="count.shared_noun",
        noun_phrase=m.group().strip(),
    )


_AND = re.compile(r"[ \t]+and\b")
_ONE_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")


def _one_in_a_list(text: str, tok: NumberToken, out: list[Quantity]) -> Quantity | None:
    """'two Patriot launchers, one Luna unmanned system and five ...': 'one' listed after a
    count counts the singular noun that ends its item (an item ends at a comma, 'and' or the
    end of the clause)."""
    if not out or out[-1].kind != "count" or not _LIST_GAP.fullmatch(text, out[-1].end, tok.start):
        return None
    pos, words = tok.end, []
    for _ in range(5):
        m = _ONE_WORD.match(text, pos)
        if m is None or m.group(1).lower() in NP_STOP:
            break
        words.append(m.group(1))
        pos = m.end()
        if text[pos : pos + 1] in (",", ";", ".", ":", ")") or _AND.match(text, pos):
            break
    else:
        return None
    if not words or text[pos : pos + 1] not in (",", ";", ".", ":", ")", " "):
        return None
    head = words[-1]
    if is_plural(head) or not head.isalpha() or head.lower() in lexicon().abstract_nouns:
        return None
    joined = " ".join(w.lower() for w in words)
    unit = next(
        (c for c in lexicon().compound_units if joined == c or joined.endswith(" " + c)),
        head.lower(),
    )
    return Quantity(
        kind="count",
        unit=unit,
        qualifier="exact",
        start=tok.start,
        end=pos,
        rule="count.one_listed",
        value=tok.value,
        noun_phrase=text[tok.end : pos].strip(),
        modifiers=tuple(words[:-1]),
        number_start=tok.start,
        number_end=tok.end,
        words=True,
    )


_RESPECTIVELY = re.compile(r"[^.;:!?\n]{0,60}?\brespectively\b")
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _share_noun_respectively(text: str, out: list[Quantity]) -> None:
    """'some 20 and 10 vessels respectively': the bare figures listed before the last one
    count the same noun."""
    last = out[-1]
    i = len(out) - 2
    nxt = last
    while i >= 0 and len(out) - i <= 6:
        prev = out[i]
        if prev.kind != "number" or not _LIST_GAP.fullmatch(text, prev.end, nxt.start):
            break
        out[i] = prev._replace(
            kind="count",
            unit=last.unit,
            rule="count.respectively",
            noun_phrase=last.noun_phrase,
            modifiers=last.modifiers,
        )
        nxt, i = prev, i - 1


_MINUS = re.compile(r"(?i)(?<![\w-])minus\s+$")


def _negated(q: Quantity, start: int) -> Quantity:
    def neg(v: Decimal | None) -> Decimal | None:
        return -v if v is not None else None

    lo, hi = neg(q.max), neg(q.min)
    return q._replace(start=start, value=neg(q.value), min=lo, max=hi)


# A header that states the unit of the list below it: "Defence spending, % of GDP:",
# "as a percentage of their GDP:".
_PERCENT_HEADER = re.compile(r"(?i)(?:%|\bper\s?cent|\bpercent|\bpercentage)[^\n]*:[ \t]*$")
# A row of such a list: a label, then the figure ending the line ("Poland: 4.12", "- USA 3.38").
_LIST_ROW = re.compile(
    r"[ \t]*(?:[-•*–][ \t]+)?[^\d\n:]{1,60}?(?::|[ \t])[ \t]*[-−]?\d[\d.,]*[ \t]*$"
)


def _header_percent(text: str, tok: NumberToken, q: Quantity | None) -> Quantity:
    if q is not None:
        return q._replace(kind="percent", unit="percent", rule="percent.header")
    return Quantity(
        kind="percent",
        unit="percent",
        qualifier="exact",
        start=tok.start,
        end=tok.end,
        rule="percent.header",
        value=tok.value,
        number_start=tok.start,
        number_end=tok.end,
    )


class _PercentLists:
    """Lines of a list headed by a line stating '%' or 'percentage' (found on first use, each
    line looked at once): a bare figure ending such a row is a percentage."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.rows: dict[int, bool] = {}  # line start -> in a percent list

    def _line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _in_list(self, start: int) -> bool:
        """Is the row starting at `start` under a percent header?  Walks up over rows only."""
        text = self.text
        walked: list[int] = []
        answer = False
        while start > 0:
            if start in self.rows:
                answer = self.rows[start]
                break
            prev = self._line_start(start - 1)
            line = text[prev : start - 1]
            walked.append(start)
            if _PERCENT_HEADER.search(line):
                answer = True
                break
            if not _LIST_ROW.fullmatch(line):
                break
            start = prev
        for w in walked:
            self.rows[w] = answer
        return answer

    def covers(self, number_start: int, number_end: int) -> bool:
        text = self.text
        if text[number_end : number_end + 1] not in ("", "\n", " ", "\t", "\r"):
            return False  # the common case: something follows the figure on its line
        end = text.find("\n", number_end)
        end = len(text) if end < 0 else end
        if text[number_end:end].strip():
            return False  # the figure does not end its line
        start = self._line_start(number_start)
        if not _LIST_ROW.fullmatch(text[start:end]):
            return False
        return self._in_list(start)


@cache
def _postfix_re() -> re.Pattern[str]:
    words = trie_regex(list(lexicon().postfix_qualifiers), fold_space=True)
    return re.compile(rf"[ \t]+(?P<p>{words})(?![\w-])(?![ \t]+[a-z]+s\b)")


def _postfix_qualifier(text: str, q: Quantity) -> Quantity:
    """'2 percent or more', '5,000 troops or so': a qualifier after the figure."""
    if q.qualifier != "exact" or q.value is None or text[q.end : q.end + 1] not in (" ", "\t"):
        return q
    m = _postfix_re().match(text, q.end)
    if m is None:
        return q
    phrase = re.sub(r"\s+", " ", m.group("p").lower())
    return q._replace(qualifier=lexicon().postfix_qualifiers[phrase], end=m.end())


@cache
def _harmed_re() -> re.Pattern[str]:
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
    if _harmed_re().match(right):
        return base._replace(kind="count", unit="person", rule="count.implicit_person")
    pm = _PREDICATE.match(right)
    if pm:
        noun = _counted_noun(text, base.number_end + pm.end() - 1, value=tok.value)
        if noun is not None and noun.end - base.number_end < 60:
            return base._replace(
                unit=noun.unit,
                rule="count.predicate",
                noun_phrase=noun.phrase,
                modifiers=noun.modifiers,
            )
    if tok.kind == "words" and _scale_factor(tok) < 1000:
        return None
    return base._replace(kind="number", unit="", rule="number.bare")


def _unit_of_others(text: str, q: Quantity, before: list[Quantity]) -> Quantity | None:
    """'killed 42 people and wounded more than 100 others': others are people."""
    for prev in reversed(before[-3:]):
        gap = text[prev.end : q.start]
        if prev.kind == "count" and len(gap) < 120 and not re.search(r"[.!?;]\s", gap):
            return q._replace(unit=prev.unit)
    return None


def _lone_one(tok: NumberToken) -> bool:
    """'one of', 'one's own': the word 'one' alone is never a figure (decided before any
    other work: it is the commonest number word in prose)."""
    return tok.value == 1 and " " not in tok.text and "-" not in tok.text


_YEAR_FOLLOWERS = re.compile(r"\s?(?:%|per\s?cent|percent|pc)|[ \t]+[A-Za-z]+s\b")


def _build(text: str, tok: NumberToken, nxt: NumberToken | None) -> tuple[Quantity | None, int]:
    lex = lexicon()
    currency, cur_start = _prefix_currency(text, tok.start)
    if (
        currency is None
        and tok.is_year_like
        and not _YEAR_FOLLOWERS.match(text, tok.end)
        and not (nxt is not None and nxt.start - tok.end < 8)
    ):
        return None, 0  # a year: no unit after it, no currency before it, no range
    lo: NumberToken = tok
    hi: NumberToken | None = None
    consumed = 0
    # Ranges: "between 40,000 and 90,000", "40,000 to 90,000", "forty to ninety thousand", "10-15%".
    if nxt is not None:
        gap = text[tok.end : nxt.start]
        m = _range_connector().fullmatch(gap)
        if m and (tok.kind == nxt.kind or "-" not in gap):
            has_and = re.match(r"\s*and", gap) is not None
            between = _BETWEEN.search(text[max(0, cur_start - 12) : cur_start]) is not None
            is_hyphen = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
            ok = (not has_and or between) and not (is_hyphen and tok.kind == "words")
            if m.group("pct") and not _PERCENT.match(text, nxt.end):
                ok = False  # "2% and 15 soldiers" is no range
            if ok and _CHANGE.search(text, max(0, cur_start - 40), cur_start):
                ok = False  # "rose from 2% to 3%": a change, two values
            if (
                ok
                and tok.is_year_like
                and currency is None
                and (
                    nxt.is_year_like
                    or m.group("cur")
                    or _YEAR_PREPOSITION.search(text, max(0, tok.start - 8), tok.start)
                )
            ):
                # "2019-2021"; "from 2,000 in 2022 to A$1.3 billion": a year is no low end
                ok = False
            if ok:
                hi = nxt
                consumed = 1
    start = cur_start
    number_end = (hi or lo).end
    lo_value = lo.value
    if hi is not None:
        factor = _scale_factor(hi)
        if _scale_factor(lo) == 1 and factor > 1 and lo.value * factor <= hi.value:
            lo_value = lo.value * factor
        if not lo_value < hi.value:
            hi, consumed, lo_value = None, 0, lo.value
            number_end = lo.end
        elif currency is None:
            currency, _ = _prefix_currency(text, hi.start)
            if currency is not None and hi.start - len(gap) < tok.end:
                pass
    qualifier, qstart = _qualifier(text, start)
    if hi is not None:
        bm = _BETWEEN.search(text[max(0, qstart - 12) : qstart])
        if bm:
            qstart -= len(bm.group(0))
    right = text[number_end : number_end + 80]
    base = Quantity(
        kind="count",
        unit="",
        qualifier=qualifier,
        start=qstart,
        end=number_end,
        rule="",
        value=None if hi else lo_value,
        min=lo_value if hi else None,
        max=hi.value if hi else None,
        number_start=tok.start,
        number_end=number_end,
        words=tok.kind == "words",
    )
    abbrev = tok.scale in lex.abbreviations and tok.scale not in _SPACED
    if tok.kind == "digits" and currency is None and _is_identifier_context(text, tok, right):
        return None, 0
    # Percent
    pm = _PERCENT.match(right)
    if pm and not abbrev:
        end = number_end + pm.end()
        unit = "percentage point" if "point" in pm.group(0) else "percent"
        of = None
        gm = _OF_GDP.match(text, end)
        if gm:
            end, of = gm.end(), "GDP"
        rule = "percent.of_gdp" if of else "percent"
        return base._replace(kind="percent", unit=unit, end=end, rule=rule, of=of), consumed
    # Money: a currency before the number, or after it
    if currency is None:
        sm = lex.suffix_re.match(right)
        if sm and not (
            sm.group(0).strip().lower() == "pounds" and re.match(r"\s+of\b", right[sm.end() :])
        ):
            unit = lex.currency_code(sm.group(0).strip(), "suffix") or CONTEXT_DOLLAR
            end = number_end + sm.end()
            return (
                base._replace(
                    kind="money",
                    unit=unit,
                    end=end,
                    rule="money.suffix",
                    currency_from=currency_from(unit),
                ),
                consumed,
            )
    else:
        return (
            base._replace(
                kind="money",
                unit=currency,
                rule="money.prefix",
                currency_from=currency_from(currency),
            ),
            consumed,
        )
    if abbrev:
        return None, 0  # "100m" with no currency is a distance, not a figure
    if tok.kind == "words" and _number_word_refused(text, tok, qstart):
        return None, 0
    # Durations: "six-week", "less than two months"; not "two weeks ago"
    dm = _duration_re().match(right)
    if dm:
        if dm.group("old"):
            return None, 0
        end = number_end + dm.end()
        after = re.match(r"[ \t]+([A-Za-z]+)", text[end : end + 20])
        if after and after.group(1).lower() in lex.temporal_offsets and dm.group("sep") != "-":
            return None, 0
        unit = lex.durations[dm.group("u").lower()]
        rule = "duration.compound" if dm.group("sep") == "-" else "duration"
        q = base._replace(kind="duration", unit=unit, end=end, rule=rule)
        if qualifier == "more_than" and text[qstart : qstart + 4].lower() == "over":
            q = q._replace(qualifier="exact", start=tok.start)  # "over five years" = during
        return q, consumed
    # Measures: "100 km from the border"; not a calibre ("155 mm rounds")
    mm = _measure_re().match(right)
    if mm:
        end = number_end + mm.end()
        nxt_word = _TOKEN.match(text, end)
        if nxt_word and nxt_word.group("w").lower() not in NP_STOP:
            return None, 0
        unit = lex.measures[re.sub(r"\s+", " ", mm.group("u").lower())]
        return base._replace(kind="measure", unit=unit, end=end, rule="measure"), consumed
    # Counts: "700-person", "128,000 servicemen"
    hm = _hyphen_unit_re().match(right)
    if hm:
        end = number_end + hm.end()
        unit = HYPHEN_UNITS[hm.group("u").lower()]
        return base._replace(kind="count", unit=unit, end=end, rule="count.compound"), consumed
    noun = _counted_noun(text, number_end, value=lo_value)
    rule = "count.noun"
    if noun is None:
        # "nine of NATO's 30 members", "three out of its four members": the number is the
        # figure, the noun phrase after "of" names the unit
        pm = _PARTITIVE.match(text, number_end)
        if pm is None:
            return _bare(text, tok, base, right), consumed
        noun = _counted_noun(text, pm.end() - 1, value=lo_value)
        total = _PARTITIVE_TOTAL.match(text, pm.end())
        if noun is None and total is not None:
            noun = _counted_noun(text, total.end() - 1, value=lo_value)
        if noun is None:
            return _bare(text, tok, base, right), consumed
        noun = _Noun(noun.unit, number_end, noun.phrase, noun.modifiers, noun.head)
        rule = "count.partitive"
    if tok.kind == "words" and noun.head.lower() in lex.abstract_nouns:
        return None, 0
    if (
        tok.is_year_like
        and hi is None
        and qualifier == "exact"
        and not noun.head.lower().endswith("s")
    ):
        return None, 0
    q = base._replace(
        unit=noun.unit,
        end=noun.end,
        rule=rule,
        noun_phrase=noun.phrase,
        modifiers=noun.modifiers,
    )
    return q, consumed


def plural(unit: str) -> str:
    """The plural of a unit, for prose: 'country' -> 'countries', 'piece of hardware' ->
    'pieces of hardware', 'person' -> 'people'."""
    if unit in ("personnel", "aircraft", "staff", "police") or unit.endswith("s"):
        return unit
    if " of " in unit:
        head, rest = unit.split(" of ", 1)
        return f"{plural(head)} of {rest}"
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit == "person":
        return "people"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    return unit + "s"
