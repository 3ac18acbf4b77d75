"""The quantity layer: numbers become money, percentages, counts and durations.

A `Quantity` (`extractor.quantity`) is a number with its unit, qualifier (nearly, about, more
than ...), range bounds and the exact span of text it came from.  It is built from the number
tokens of `extractor.numbers`: this module reads ranges and qualifiers, the unit readers of
`extractor.readers` (the grammar rules, as records) give the unit, and `extractor.lists` what a
figure takes from its neighbours.  It never re-parses digits.  A bare `$` is left with
`unit="$"`, a name several currencies share with `unit="¤" + candidates`, for the context pass
(`extractor.context`) to resolve.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor.exclusions import Mask
from extractor.lexicon import lexicon, trie_regex, word_codes
from extractor.lists import (
    PercentLists,
    gapped_count,
    header_percent,
    minus_word,
    one_in_a_list,
    postfix_qualifier,
    respectively_follows,
    share_noun_across_and,
    share_noun_respectively,
    share_of_across_list,
)
from extractor.nouns import is_plural, plural, singular
from extractor.numbers import SPACED_ABBREVIATIONS, NumberToken, number_tokens, scale_factor
from extractor.quantity import CONTEXT_DOLLAR, Quantity, currency_from
from extractor.readers import PERCENT, Frame, is_identifier_context, read_unit

__all__ = [
    "CONTEXT_DOLLAR",
    "Quantity",
    "currency_from",
    "is_plural",
    "plural",
    "quantities",
    "singular",
]

_SPACED = frozenset(a.lower() for a in SPACED_ABBREVIATIONS)


_CHANGE = re.compile(
    r"(?i)\b(?:rose|rise[sn]?|rising|increased?|increasing|grew|grow(?:s|n|ing)?|fell|falls?|falling"
    r"|dropped|drops?|declined?|climbed?|jumped?|surged?|raised?|raising|cut|boosted?|up|down"
    r"|doubled?|tripled?|went|gone|soared?|plunged?)\s+(?:\w+\s+){0,2}from\s+(?:\S+\s?)?$"
)


_YEAR_PREPOSITION = re.compile(r"(?i)\b(?:in|since|by|until|during|of)\s+$")


# A range whose low end is no figure ("from several hundred thousand to two million", "from
# hundreds of thousands to 1.5 million"): the figure after it is the high end all the same.
_VAGUE_LOW = re.compile(
    r"(?i)(?<![\w-])(?:from|between)[ \t]+(?:(?:several|a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]+"
    r"(?:hundred|thousand|million|dozen)|(?:hundreds|thousands|tens)(?:[ \t]+of[ \t]+"
    r"(?:thousands|millions))?)(?:[ \t]+(?:thousand|million))?[ \t]+(?:to|and)[ \t]+$"
)


_BETWEEN = re.compile(r"(?i)(?<![\w-])(?:between|from)\s+$")


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


# How every gap that _range_connector matches opens (a unit on the low end, or the connector):
# looked for without cutting the gap out of the text, which is mostly a sentence or more.
_CONNECTOR_OPENS = re.compile(r"\s*(?:%|per|to|and|–|—|-)")


_CEILING = re.compile(
    r"(?i)\b(?:cap|caps|capped|capping|limit|limits|limited|limiting|ceiling|restrict|restricts"
    r"|restricted|restricting)\b[^.;:!?\n]{0,50}?\b(?:to|at|of)\s+$"
)


_OPENERS = "([“\"‘'"


_WORD = re.compile(r"\S+")
_SIGN_QUALIFIERS = frozenset("~≈")
# "300+ soldiers", "a 5,000-plus force": at least the figure
_PLUS = re.compile(r"(?:\+|-plus\b)(?![\d+])")


@cache
def _hedged_noun() -> re.Pattern[str]:
    """A hedge before the one or two words of the noun that governs the figure: "an estimated
    cost of", "a projected total of", "the reported death toll of"."""
    hedges = trie_regex(list(lexicon().hedges))
    return re.compile(rf"(?i)(?<![\w-])(?:an?|the)\s+(?:{hedges})\s+(?:[a-z]+\s+){{1,2}}?of\s+$")


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
    if tail[-1:] in _SIGN_QUALIFIERS:  # "~300", "≈300"
        return lex.qualifiers[tail[-1]], start - 1
    stripped = tail.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""  # split()[-1], without the list
    # the common case: the word before the figure ends no qualifier (no words to look at)
    ends_one = last.lstrip(_OPENERS).lower() in _qualifier_last_words()
    words = stripped.split() if ends_one else []
    spans = [m.start() for m in _WORD.finditer(stripped)] if words else []
    for n in (4, 3, 2, 1) if words else ():
        if len(words) < n or (len(words) == n and len(tail) == 32 and start > 32):
            continue
        first = words[-n].lstrip(_OPENERS)
        phrase = " ".join([first, *words[len(words) - n + 1 :]]).lower()
        if first and phrase in lex.qualifiers:
            if phrase == "over" and len(words) > n and words[-n - 1].lower() in lex.particle_verbs:
                return "exact", start  # "handed over 500 rifles": the verb's particle
            offset = spans[-n] + (len(words[-n]) - len(first))
            return lex.qualifiers[phrase], start - len(tail) + offset
    if stripped.endswith(" of"):
        hedged = _hedged_noun().search(text, max(0, start - 48), start)
        if hedged is not None:  # "an estimated cost of $60 million"
            return "approximate", hedged.start()
    window = text[max(0, start - 80) : start]
    low = window.lower()
    if (
        "cap" in low or "limit" in low or "ceiling" in low or "restrict" in low
    ) and _CEILING.search(window):
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


def _prefix_currency(text: str, start: int, *, scaled: bool = True) -> tuple[str | None, int]:
    """(unit, start of the symbol) for a currency just before `start`: an ISO code,
    CONTEXT_DOLLAR, or a shared placeholder ("¤INR|PKR|..."; see lexicon.shared_candidates).
    A one-letter symbol that needs a scale word ("N4.91 trillion") counts only if `scaled`."""
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
    entry = lex.currency_entry(surface, "prefix")
    if entry.scale_only and not scaled:
        return None, start
    return entry.code or CONTEXT_DOLLAR, start - len(m.group(0))


def quantities(text: str, mask: Mask | None = None) -> list[Quantity]:
    """Every money, percent, count and duration quantity in `text`, in document order.

    Layers, each consuming the one below: number tokens (`extractor.numbers`); ranges and
    qualifiers (here); the unit readers (`extractor.readers`); the list layer
    (`extractor.lists`), where a figure takes what its neighbours or its list's header say.
    """
    mask = mask or Mask.of(text)
    tokens = [
        t for t in number_tokens(text) if t.kind == "words" or not mask.covers(t.start, t.end)
    ]
    out: list[Quantity] = []
    headers = PercentLists(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "words" and _lone_one(tok):
            one = one_in_a_list(text, tok, out)  # "two launchers, one radar system"
            if one is not None:
                out.append(one)
            i += 1
            continue
        q, consumed = _build(text, tok, tokens[i + 1] if i + 1 < len(tokens) else None)
        if q is not None and q.unit == "other":
            q = _unit_of_others(text, q, out)
        elif q is not None and q.kind == "number" and _OF_THEM.match(text, q.end):
            q = _unit_of_them(text, q, out)
        if (
            (q is None or (q.kind == "number" and q.value is not None))
            and tok.kind == "digits"
            and not tok.is_year_like
            and out
            and out[-1].kind == "count"
        ):
            # "350 personnel and Kazakhstan 120": the name's figure counts the same noun
            q = gapped_count(text, tok, q, out) or q
        if (
            (q is None or q.kind == "number")
            and tok.kind == "digits"
            and not tok.is_year_like
            and headers.covers(tok.start, tok.end)
        ):
            # "Poland: 4.12", "- Army 41.2" under "Defence spending, % of GDP:" (a row label
            # before a figure is no identifier here)
            q = header_percent(text, tok, q)
            consumed = 0
        if q is not None:
            q = minus_word(text, postfix_qualifier(text, q))
            out.append(q)
            if q.kind == "count" and respectively_follows(text, q):
                share_noun_respectively(text, out)
            elif q.kind == "count" and len(out) > 1 and out[-2].kind == "number":
                share_noun_across_and(text, out)
            elif q.of is not None and len(out) > 1 and out[-2].kind == "percent":
                share_of_across_list(text, out)
        i += 1 + consumed
    return out


def _unit_of_others(text: str, q: Quantity, before: list[Quantity]) -> Quantity | None:
    """'killed 42 people and wounded more than 100 others': others are people."""
    for prev in reversed(before[-3:]):
        gap = text[prev.end : q.start]
        if prev.kind == "count" and len(gap) < 120 and not re.search(r"[.!?;]\s", gap):
            return q._replace(unit=prev.unit)
    return None


_OF_THEM = re.compile(r"[ \t]+of[ \t]+(?:them|those|whom)\b")


def _unit_of_them(text: str, q: Quantity, before: list[Quantity]) -> Quantity:
    """'feeding 3 million people ... rations for up to 2 million of them': a bare figure of
    'them' counts what the last count before it counted, in its sentence or the one before."""
    last = before[-3:]
    for k in range(len(last) - 1, -1, -1):
        prev = last[k]
        if prev.kind != "count" or q.start - prev.end > 240:
            continue
        if k > 0 and last[k - 1].kind == "count" and FROM_GAP.fullmatch(
            text, last[k - 1].end, prev.start
        ):
            continue  # "20,000 soldiers from 13 nations ... 6,000 of them": the soldiers
        if len(re.findall(r"[.!?]\s", text[prev.end : q.start])) <= 1:
            return q._replace(kind="count", unit=prev.unit, rule="count.partitive")
    return q


# "20,000 soldiers from 13 nations": the gap before a count that says where another came from
FROM_GAP = re.compile(r"[ \t]+from[ \t]+")  # (a figure's span holds its qualifier words)


def _lone_one(tok: NumberToken) -> bool:
    """'one of', 'one's own': the word 'one' alone is never a figure (decided before any
    other work: it is the commonest number word in prose)."""
    return tok.value == 1 and " " not in tok.text and "-" not in tok.text


_YEAR_PREP_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:for|in|by|since|until|during|before|after|from|fiscal|FY)[ \t]+$"
)
_WORD_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s?$")
_YEAR_FOLLOWERS = re.compile(r"\s?(?:%|per\s?cent|percent|pc)|[ \t]+[A-Za-z]+s\b")


def _build(text: str, tok: NumberToken, nxt: NumberToken | None) -> tuple[Quantity | None, int]:
    lex = lexicon()
    currency, cur_start = _prefix_currency(text, tok.start, scaled=bool(tok.scale))
    if currency is None and tok.scale and tok.kind == "digits":
        word = _WORD_CODE.search(text, max(0, tok.start - 5), tok.start)
        if word and word.group(1) in word_codes():  # "GEL 1.9 billion", not "ALL 32 allies"
            currency, cur_start = word.group(1), word.start(1)
    if (
        currency is None
        and tok.is_year_like
        and (
            not _YEAR_FOLLOWERS.match(text, tok.end)
            # "the draft budget for 2026 foresees", "spending in 2025 stands at": a year after
            # a preposition of time is one, whatever word ending in -s follows it
            or _YEAR_PREP_BEFORE.search(text, max(0, tok.start - 12), tok.start) is not None
        )
        and not (nxt is not None and nxt.start - tok.end < 8)
        and not lex.suffix_re.match(text[tok.end : tok.end + 40])  # "2000 Swedish kronor"
    ):
        return None, 0  # a year: no unit after it, no currency before it, no range
    lo: NumberToken = tok
    hi: NumberToken | None = None
    consumed = 0
    qual: tuple[str, int] | None = None  # _qualifier(text, cur_start), when a range asked it
    # Ranges: "between 40,000 and 90,000", "40,000 to 90,000", "forty to ninety thousand", "10-15%".
    if nxt is not None and _CONNECTOR_OPENS.match(text, tok.end, nxt.start):
        # matched in place (its look-behinds never reach before the gap), cut out if it is one
        m = _range_connector().fullmatch(text, tok.end, nxt.start)
        gap = text[tok.end : nxt.start] if m else ""
        if m and (tok.kind == nxt.kind or "-" not in gap):
            # the connector after a unit on the low end: "3.5% and 3.7%" is a list, as
            # "3.5 and 3.7" is, unless "between" opens it
            connector = gap[m.end("pct") - tok.end :] if m.group("pct") else gap
            has_and = re.match(r"\s*and", connector) is not None
            # "between 40,000 and 90,000", "between about 3,000 and 4,000 tanks"
            qual = _qualifier(text, cur_start)
            lead = qual[1]
            between = _BETWEEN.search(text[max(0, lead - 12) : lead]) is not None
            is_hyphen = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
            ok = (not has_and or between) and not (is_hyphen and tok.kind == "words")
            if m.group("pct") and not PERCENT.match(text, nxt.end):
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
        factor = scale_factor(hi)
        if scale_factor(lo) == 1 and factor > 1 and lo.value * factor <= hi.value:
            lo_value = lo.value * factor  # "2.5–7.5 million": the scale is shared
            if lo_value == lo_value.to_integral_value():
                lo_value = lo_value.quantize(Decimal(1))
        if not lo_value < hi.value:
            hi, consumed, lo_value = None, 0, lo.value
            number_end = lo.end
        elif currency is None:
            currency, _ = _prefix_currency(text, hi.start, scaled=bool(hi.scale))
    plus = _PLUS.match(text, number_end) if hi is None else None
    if plus is not None:
        number_end = plus.end()
    right = text[number_end : number_end + 80]
    if tok.kind == "digits" and currency is None and is_identifier_context(text, tok, right):
        return None, 0  # asked before the qualifier: "Part 2" needs none
    qualifier, qstart = qual if qual is not None else _qualifier(text, start)
    if hi is not None:
        bm = _BETWEEN.search(text[max(0, qstart - 12) : qstart])
        if bm:
            qstart -= len(bm.group(0))
    if plus is not None and qualifier == "exact":
        qualifier = "at_least"
    if (
        qualifier == "exact"
        and hi is None
        and text.endswith(("to ", "and "), max(0, qstart - 4), qstart)
        and _VAGUE_LOW.search(text, max(0, qstart - 48), qstart)
    ):
        qualifier = "at_most"  # "from several hundred thousand to two million": the high end
    # by position (a NamedTuple built from keywords costs twice as much; built for every figure)
    base = Quantity(
        "count",  # kind
        "",  # unit
        qualifier,
        qstart,  # start
        number_end,  # end
        "",  # rule
        None if hi else lo_value,  # value
        lo_value if hi else None,  # min
        hi.value if hi else None,  # max
        None,  # of
        None,  # currency_from
        None,  # noun_phrase
        (),  # modifiers
        tok.start,  # number_start
        number_end,
        tok.kind == "words",  # words
    )
    abbrev = tok.scale in lex.abbreviations and tok.scale not in _SPACED
    q = read_unit(Frame(text, tok, hi, base, right, currency, abbrev, lo_value))
    return q, consumed if q is not None else 0
