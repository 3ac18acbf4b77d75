"""The list layer: what a figure takes from the figures listed around it, and what a list's
header or a word after the figure says about it.

These run over the quantities already read, in document order, each looking only at its
neighbours: "20 and 10 vessels respectively", "8.7 million military and 19 million civilian
deaths", "two launchers, one radar system", a percent list under "% of GDP:", "2% or more",
"minus 2 per cent".
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor.gazetteer import gazetteer
from extractor.lexicon import lexicon, trie_regex
from extractor.nouns import coordinable, counted_noun, is_plural
from extractor.numbers import NumberToken
from extractor.quantity import Quantity
from extractor.readers import harmed_re

# The rule ids this layer stamps (their examples: extractor.rules.grammar).
LIST_RULES = (
    "count.respectively",
    "count.shared_noun",
    "count.one_listed",
    "percent.header",
    "percent.shared_of",
    "count.gapped",
)

# A modifier list ending in a coordinator, between a bare figure and the next figure:
# "8.7 million military and 19 million civilian deaths", "1,000 Russian and 500 Belarusian troops"
_SHARED_MODS = re.compile(r"(?:[ \t]+[A-Za-z][\w-]*){1,3}(?=[ \t]+(?:and|or)[ \t]+$)")


_CHANGE_GAP = re.compile(r"[ \t]+to[ \t]+")
_FROM = re.compile(r"(?i)\bfrom[ \t]+$")


def share_noun_across_and(text: str, out: list[Quantity]) -> None:
    """'8.7 million military and 19 million civilian deaths': the first figure, followed by
    its own modifiers and 'and', counts the head noun of the second.  So does the first
    figure of a change: 'rose from 9 to 23 allies', 'fell from 40 to 12 ships'."""
    prev, last = out[-2], out[-1]
    gap = text[prev.end : last.start]
    if _CHANGE_GAP.fullmatch(gap) and _FROM.search(text, max(0, prev.start - 6), prev.start):
        out[-2] = prev._replace(
            kind="count", unit=last.unit, rule="count.shared_noun", noun_phrase=last.noun_phrase
        )
        return
    m = _SHARED_MODS.match(gap)
    if m is None or not all(coordinable(w) for w in m.group().split()):
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


def one_in_a_list(text: str, tok: NumberToken, out: list[Quantity]) -> Quantity | None:
    """'two Patriot launchers, one Luna unmanned system and five ...': 'one' listed after a
    count counts the singular noun that ends its item (an item ends at a comma, 'and' or the
    end of the clause)."""
    if not out or out[-1].kind != "count" or not _LIST_GAP.fullmatch(text, out[-1].end, tok.start):
        return None
    pos, words = tok.end, []
    for _ in range(5):
        m = _ONE_WORD.match(text, pos)
        if m is None or m.group(1).lower() in lexicon().np_stop:
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


def share_noun_respectively(text: str, out: list[Quantity]) -> None:
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


def share_of_across_list(text: str, out: list[Quantity]) -> None:
    """'4.7%, 3.5% and 3.7% of GDP': the percentages listed right before a share of GDP (a
    comma or 'and' between each two) are shares of GDP too."""
    last = out[-1]
    i = len(out) - 2
    nxt = last
    while i >= 0 and len(out) - i <= 8:
        prev = out[i]
        if (
            prev.kind != "percent"
            or prev.of is not None
            or prev.unit != last.unit
            or not _LIST_GAP.fullmatch(text, prev.end, nxt.start)
        ):
            break
        out[i] = prev._replace(of=last.of, rule="percent.shared_of")
        nxt, i = prev, i - 1


# Between a count and a bare figure of a list whose verb is said once: the coordinator, then
# the name the figure is about ("350 personnel and Kazakhstan 120", "..., Sweden 40").
_GAPPED = re.compile(
    r"[^\d.;:!?()\n]{0,40}?(?:,|;|\band|\bwhile|\bwhereas)[ \t]+(?:and[ \t]+)?"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]+$"
)
# ... and where the figure ends its item: no noun of its own after it
_GAPPED_END = re.compile(r"\s*(?:[,.;:)]|$)|[ \t]+(?:and|while|whereas|but|or)\b")
_GAPPED_FORMS = frozenset(("name", "capital", "organisation"))


def gapped_count(
    text: str, tok: NumberToken, q: Quantity | None, out: list[Quantity]
) -> Quantity | None:
    """'Russia sent 350 personnel and Kazakhstan 120, while Armenia declined': a figure with no
    noun right after a country's (or capital's, or organisation's) name, listed after a count
    of the same sentence, counts that count's noun (the verb and noun are said once).  A number
    after a name is otherwise an identifier ('Nord Stream 2'); the name must be a place or a
    body the gazetteer knows."""
    prev = out[-1] if out else None
    if prev is None or prev.kind != "count" or tok.start - prev.end > 80:
        return None
    start = q.start if q is not None else tok.start
    m = _GAPPED.fullmatch(text, prev.end, start)
    if m is None or _GAPPED_END.match(text, tok.end) is None:
        return None
    name = m.group("name")
    if gazetteer().surfaces.get(name, ("", ""))[1] not in _GAPPED_FORMS:
        return None
    base = q or Quantity(
        kind="count",
        unit="",
        qualifier="exact",
        start=tok.start,
        end=tok.end,
        rule="",
        value=tok.value,
        number_start=tok.start,
        number_end=tok.end,
    )
    return base._replace(
        kind="count",
        unit=prev.unit,
        rule="count.gapped",
        noun_phrase=prev.noun_phrase,
        modifiers=prev.modifiers,
    )


_MINUS = re.compile(r"(?i)(?<![\w-])minus\s+$")


def minus_word(text: str, q: Quantity) -> Quantity:
    """'minus 2 per cent': the word before the figure makes it negative."""
    if q.start != q.number_start:
        return q
    m = _MINUS.search(text, max(0, q.start - 8), q.start)
    return q if m is None else _negated(q, m.start())


_RESPECTIVELY_REACH = 60 + len("respectively")  # where the word must end for _RESPECTIVELY


def respectively_follows(text: str, q: Quantity) -> bool:
    # the pattern tries the word at each of 60 positions; the word itself is looked for first
    if text.find("respectively", q.end, q.end + _RESPECTIVELY_REACH) < 0:
        return False
    return _RESPECTIVELY.match(text, q.end) is not None


def _negated(q: Quantity, start: int) -> Quantity:
    def neg(v: Decimal | None) -> Decimal | None:
        return -v if v is not None else None

    lo, hi = neg(q.max), neg(q.min)
    return q._replace(start=start, value=neg(q.value), min=lo, max=hi)


# A header that states the unit of the list below it: "Defence spending, % of GDP:",
# "as a percentage of their GDP:".
_PERCENT_WORD = re.compile(r"(?i)%|\bper\s?cent\b|\bpercent\b|\bpercentage\b|\bpct\b")
_NOT_A_YEAR = re.compile(r"(?<!\d)(?!(?:1[6-9]|20)\d\d(?!\d))\d")


def _percent_header(line: str) -> bool:
    """'Defence spending, % of GDP:', 'Military spending as a percentage of GDP (2024)': a
    line that names per cent and ends with a colon, or holds no figure but a year."""
    if _PERCENT_WORD.search(line) is None or _LIST_ROW.fullmatch(line):
        return False
    return line.rstrip().endswith(":") or _NOT_A_YEAR.search(line) is None


# A row of such a list: a label, then the figure ending the line ("Poland: 4.12", "- USA 3.38").
_LIST_ROW = re.compile(
    r"[ \t]*(?:[-•*–][ \t]+)?[^\d\n:]{1,60}?(?::|[ \t])[ \t]*[-−]?\d[\d.,]*[ \t]*$"
)


def header_percent(text: str, tok: NumberToken, q: Quantity | None) -> Quantity:
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


_ROW_MAX = 300  # longer than any header or "label: figure" row of a list


class PercentLists:
    """Lines of a list headed by a line stating '%' or 'percentage' (found on first use, each
    line looked at once): a bare figure ending such a row is a percentage."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.rows: dict[int, bool] = {}  # line start -> in a percent list

    def _line_start(self, pos: int) -> int:
        """Start of the line holding `pos`, or -1 when the line is longer than a row can be
        (looked for in a bounded window, so a text without newlines costs no more per figure)."""
        lo = max(0, pos - _ROW_MAX)
        found = self.text.rfind("\n", lo, pos)
        if found < 0:
            return 0 if lo == 0 else -1
        return found + 1

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
            if prev < 0:
                break  # a line longer than any header or row
            line = text[prev : start - 1]
            walked.append(start)
            if _percent_header(line):
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
        end = text.find("\n", number_end, number_end + _ROW_MAX)
        if end < 0:
            if number_end + _ROW_MAX < len(text):
                return False  # no row is that long
            end = len(text)
        if text[number_end:end].strip():
            return False  # the figure does not end its line
        start = self._line_start(number_start)
        if start < 0 or not _LIST_ROW.fullmatch(text[start:end]):
            return False
        return self._in_list(start)


@cache
def _postfix_re() -> re.Pattern[str]:
    words = trie_regex(list(lexicon().postfix_qualifiers), fold_space=True)
    return re.compile(rf"[ \t]+(?P<p>{words})(?![\w-])(?:[ \t]+(?P<next>[\w$€£¥₹]+))?")


def postfix_qualifier(text: str, q: Quantity) -> Quantity:
    """'2 percent or more', '5,000 troops or so': a qualifier after the figure."""
    if q.qualifier != "exact" or q.value is None or text[q.end : q.end + 1] not in (" ", "\t"):
        return q
    m = _postfix_re().match(text, q.end)
    if m is None:
        return q
    nxt = m.group("next")
    phrase = re.sub(r"\s+", " ", m.group("p").lower())
    qualifier = lexicon().postfix_qualifiers[phrase]
    if nxt is not None and (nxt.lower() not in lexicon().np_stop or nxt.lower() == "than"):
        if q.kind == "number" and phrase.startswith("or ") and nxt.lower() != "than":
            # "10,000 or more refugees", "a million or so fled": the words after the
            # qualifier are what the bare figure counts
            return _counted_after(text, q, m.end("p"), qualifier) or q
        # "170 aircraft and more than 25,000 personnel", "3 tanks and more armour": the
        # phrase starts the next item
        return q
    return q._replace(qualifier=qualifier, end=m.end("p"))


def _counted_after(text: str, q: Quantity, pos: int, qualifier: str) -> Quantity | None:
    """The count a bare figure makes with the noun or harm word after its postfix qualifier."""
    if harmed_re().match(text, pos):
        return q._replace(
            kind="count", unit="person", qualifier=qualifier, end=pos, rule="count.implicit_person"
        )
    noun = counted_noun(text, pos, value=q.value or Decimal(0))
    if noun is None:
        return None
    return q._replace(
        kind="count",
        unit=noun.unit,
        qualifier=qualifier,
        end=noun.end,
        rule="count.noun",
        noun_phrase=noun.phrase,
        modifiers=noun.modifiers,
    )
