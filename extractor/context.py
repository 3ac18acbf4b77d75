"""The context pass: a bare `$` takes its currency from the text around it.

Order: the nearest explicit currency in the same sentence, else in the paragraph; else the
dollar of the country the sentence is about (Australia -> AUD); else US dollars.  An amount in
brackets right after another currency restates it, so that currency is never its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extractor.gazetteer import EntityIndex, dollar_currencies, gazetteer
from extractor.layout import Layout
from extractor.quantities import CONTEXT_DOLLAR, Quantity

_RESTATES = re.compile(r"\s*\(\s*\S*\s*$")


def _restates(text: str, explicit: Quantity, bare: Quantity) -> bool:
    return (
        explicit.end <= bare.start
        and _RESTATES.fullmatch(text[explicit.end : bare.start]) is not None
    )


_CODE_AFTER = re.compile(r"\s*[\[(]\s*([A-Z]{3})\b(?!\s*\d)")
SHARED = "¤"  # the grammar's unit for a name several currencies share: "¤INR|PKR|LKR"


def _shared(q: Quantity, layout: Layout, entities: EntityIndex, home: str | None) -> str:
    """'1.2 billion pesos', '40 billion rupees': the currency, among those the name may mean, of
    the dateline's country (a paper writes its own currency by the bare name: "NEW DELHI: ...
    followed by Nepal (Rs 700 crore)" is in Indian rupees); else of the country that labels it
    ("Kyrgyzstan – 28,1 billion som"); else of a country named in the sentence, else the
    paragraph, else the document; else the likeliest (listed first)."""
    candidates = q.unit.removeprefix(SHARED).split("|")
    s, e = layout.sentence(q.number_start)
    opener = _opening_country(layout.text, entities, s, q.start)
    if opener is not None and opener in candidates:
        return opener  # "ISLAMABAD - India raised its budget to 6.8 trillion rupees"
    if home in candidates:
        return str(home)
    label = _labelled_by(layout.text, entities, s, q.start)
    if label is not None and label in candidates:
        return label  # "Kazakhstan – 1.6 trillion tenge; Kyrgyzstan – 28.1 billion som"
    ps, pe = layout.paragraph(q.number_start)
    windows = (
        (max(s, q.start - _WINDOW), min(e, q.end + _WINDOW)),
        (max(ps, q.start - 4 * _WINDOW), min(pe, q.end + 4 * _WINDOW)),
        (0, min(len(layout.text), 40 * _WINDOW)),  # the document's opening
    )
    for lo, hi in windows:
        for mention in entities.within(lo, hi):
            currency = gazetteer().entities[mention.code].currency
            if currency in candidates:
                return currency
    return candidates[0]


# What may stand before a sentence's subject: a dateline, "the"
_OPENS = re.compile(
    r"(?:[A-Z][A-Z .'-]+(?:,[^-–—\n]{0,40})?\s*(?:\([^)\n]{0,30}\))?\s*[-–—:]+\s*)?(?:the\s+)?",
)


# Between a country and the amount it labels: "Kyrgyzstan – ", "Kyrgyzstan: ", "Kyrgyzstan ("
_LABEL_GAP = re.compile(r"[ \t]{0,3}[-–—:(][ \t]{0,3}")  # (not "will give Nepal Rs 700 crore")


def _labelled_by(text: str, entities: EntityIndex, s: int, before: int) -> str | None:
    """The currency of a country named right before the amount, as a list's or a table's label
    ('Kyrgyzstan – 28,1 billion som'), else None."""
    named = entities.within(max(s, before - 60), before)
    if not named or not _LABEL_GAP.fullmatch(text, named[-1].end, before):
        return None
    currency = gazetteer().entities[named[-1].code].currency
    return str(currency) if currency is not None else None


def _opening_country(text: str, entities: EntityIndex, s: int, before: int) -> str | None:
    """The currency of the country that opens the sentence (its subject, after any dateline),
    or that owns the amount ("India's budget"), named before `before`."""
    for m in entities.within(s, before):
        currency = gazetteer().entities[m.code].currency
        if currency is None:
            continue
        if m.possessive or _OPENS.fullmatch(text, s, m.start):
            return str(currency)
    return None


def _yuan_sign(q: Quantity, layout: Layout, entities: EntityIndex) -> bool:
    """'China will provide ¥1 billion': the yen sign writes the yuan too; it is the yuan where
    the sentence (else the paragraph) names China and not Japan."""
    s, e = layout.sentence(q.number_start)
    ps, pe = layout.paragraph(q.number_start)
    for lo, hi in ((max(s, q.start - _WINDOW), min(e, q.end + _WINDOW)), (ps, pe)):
        codes = {m.code for m in entities.within(lo, hi)}
        if "JP" in codes:
            return False
        if "CN" in codes:
            return True
    return False


_NEIGHBOURS = 4  # explicit amounts looked at either side of a bare $
_WINDOW = 600  # characters of its sentence (and paragraph) a bare $ reads either side


def _nearest(
    text: str,
    explicit: list[Quantity],
    starts: list[int],
    q: Quantity,
    lo: int,
    hi: int,
) -> str | None:
    """The explicit dollar amount in [lo, hi) nearest to `q` (before it on a tie).  `explicit`
    holds only dollar amounts, in order, and `starts` their starts: the nearest are found by
    bisect, a few either side, so the pass stays linear however many amounts there are."""
    at = bisect_left(starts, q.start)
    first = max(bisect_left(starts, lo), at - _NEIGHBOURS)
    last = min(bisect_left(starts, hi), at + _NEIGHBOURS)
    near = [x for x in explicit[first:last] if not _restates(text, x, q)]
    if not near:
        return None
    return min(near, key=lambda x: (abs(x.start - q.start), x.start > q.start)).unit


def _dollar_country(entities: EntityIndex, lo: int, hi: int, dollars: frozenset[str]) -> str | None:
    """The dollar of the first country named in [lo, hi) that has one."""
    for mention in entities.within(lo, hi):
        currency = gazetteer().entities[mention.code].currency
        if currency in dollars:
            return currency
    return None


def _document_dollar(
    cache: dict[str, str | None],
    quantities: list[Quantity],
    layout: Layout,
    entities: EntityIndex,
    dollars: frozenset[str],
) -> str | None:
    """The dollar of the countries named in the paragraphs that hold money, when they all share
    one (computed once per document; the paragraphs are read only until a second dollar)."""
    if "dollar" not in cache:
        found: set[str | None] = set()
        countries = gazetteer().entities
        for index in sorted({layout.paragraph_index(q.number_start) for q in quantities}):
            lo, hi = layout.paragraph_at(index)
            for m in entities.within(lo, hi):
                currency = countries[m.code].currency
                if currency in dollars:
                    found.add(currency)
            if len(found) > 1:
                break
        cache["dollar"] = found.pop() if len(found) == 1 else None
    return cache["dollar"]


_DOLLAR_US = re.compile(r"(?<![A-Za-z])\\?\$US(?![A-Za-z])")


def _writes_dollar_us(text: str) -> bool:
    """Whether `text` writes '$US' as a word.  Found with str.find, then the pattern tried
    there (it sees the text before the position): a pattern that opens with a look-behind
    is otherwise tried at every position of the document."""
    at = text.find("$US")
    while at >= 0:
        if _DOLLAR_US.match(text, at - 1 if at and text[at - 1] == "\\" else at):
            return True
        at = text.find("$US", at + 3)
    return False


def _local_style_dollar(
    cache: dict[str, str | None], text: str, entities: EntityIndex
) -> str | None:
    """A document that writes the US dollar '$US' follows the Australian and New Zealand
    style, where the bare '$' is the local dollar: NZD when it names New Zealand and not
    Australia, else AUD (computed once per document)."""
    if "local" not in cache:
        local = None
        if _writes_dollar_us(text):
            codes = {m.code for m in entities.within(0, min(len(text), 20000))}
            local = "NZD" if "NZ" in codes and "AU" not in codes else "AUD"
        cache["local"] = local
    return cache["local"]


def resolve_currencies(
    text: str,
    quantities: list[Quantity],
    layout: Layout,
    entities: EntityIndex,
    *,
    home: str | None = None,
) -> list[Quantity]:
    """Give every bare `$` a currency, in this order:

    1. in brackets right after an amount in another currency, it is that amount's conversion:
       US dollars after any other currency ("C$64.8 million ($47 million)");
    2. the nearest explicit dollar currency in the same sentence;
    3. the dollar of a country the sentence names ("US Defense Secretary ... $6 billion");
    4. the nearest explicit dollar currency in the paragraph, then in the document before it;
    5. the dollar of the dateline's country (`home`: "WELLINGTON (Reuters) -" -> NZD);
    6. the dollar of the countries the document names, when they all share one;
    7. the local dollar of a document written in the '$US' style (Australian, New Zealand);
    8. US dollars.
    A bracketed bare `$` after a '$US' amount, in such a document, is the local dollar.
    """
    dollars = dollar_currencies()
    explicit = [q for q in quantities if q.kind == "money" and q.unit in dollars]
    starts = [q.start for q in explicit]
    out: list[Quantity] = []
    prev: Quantity | None = None
    cache: dict[str, str | None] = {}
    for q in quantities:
        if q.kind == "money" and q.unit.startswith(SHARED):
            q = q._replace(unit=_shared(q, layout, entities, home), currency_from="context")
        if (
            q.kind == "money"
            and q.unit == "JPY"
            and "¥" in text[q.start : q.number_start]
            and _yuan_sign(q, layout, entities)
        ):
            q = q._replace(unit="CNY", currency_from="context")
        if q.kind != "money" or q.unit != CONTEXT_DOLLAR:
            out.append(q)
            prev = q
            continue
        unit = None
        code_after = _CODE_AFTER.match(text, q.end)
        if code_after and code_after.group(1) in dollars:
            unit = code_after.group(1)  # "$5 million [NZD, which is ...]", "$16m (NZD)"
        if unit is None and (
            prev is not None
            and prev.kind == "money"
            and prev.unit not in (CONTEXT_DOLLAR, "USD")
            and _restates(text, prev, q)
        ):
            unit = "USD"
        if (
            unit is None
            and prev is not None
            and prev.kind == "money"
            and prev.unit == "USD"
            and _restates(text, prev, q)
        ):
            # "$US95 billion ($145 billion)": the conversion into the local dollar
            unit = _local_style_dollar(cache, text, entities)
        s, e = layout.sentence(q.number_start)
        s, e = max(s, q.start - _WINDOW), min(e, q.end + _WINDOW)
        ps, pe = layout.paragraph(q.number_start)
        ps, pe = max(ps, q.start - 4 * _WINDOW), min(pe, q.end + 4 * _WINDOW)

        unit = (
            unit
            or _nearest(text, explicit, starts, q, s, e)
            or _dollar_country(entities, s, e, dollars)
            or _nearest(text, explicit, starts, q, ps, pe)
            or _nearest(text, explicit, starts, q, 0, q.start)
            or (home if home in dollars else None)
            or _document_dollar(cache, quantities, layout, entities, dollars)
            or _local_style_dollar(cache, text, entities)  # asked last: it reads 20,000 chars
        )
        stated = code_after is not None and unit == code_after.group(1)
        q = q._replace(unit=unit or "USD", currency_from="text" if stated else "context")
        out.append(q)
        prev = q
    return out
