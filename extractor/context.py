"""The context pass: a bare `$` takes its currency from the text around it.

Order: the nearest explicit currency in the same sentence, else in the paragraph; else the
dollar of the country the sentence is about (Australia -> AUD); else US dollars.  An amount in
brackets right after another currency restates it, so that currency is never its own.
"""

from __future__ import annotations

import re

from extractor.gazetteer import EntityIndex, dollar_currencies, gazetteer
from extractor.layout import Layout
from extractor.quantities import CONTEXT_DOLLAR, Quantity

_RESTATES = re.compile(r"\s*\(\s*\S*\s*$")


def _restates(text: str, explicit: Quantity, bare: Quantity) -> bool:
    return (
        explicit.end <= bare.start
        and _RESTATES.fullmatch(text[explicit.end : bare.start]) is not None
    )


def resolve_currencies(
    text: str, quantities: list[Quantity], layout: Layout, entities: EntityIndex
) -> list[Quantity]:
    explicit = [q for q in quantities if q.kind == "money" and q.unit != CONTEXT_DOLLAR]
    dollars = dollar_currencies()
    out = []
    for q in quantities:
        if q.kind != "money" or q.unit != CONTEXT_DOLLAR:
            out.append(q)
            continue
        unit = None
        for lo, hi in (layout.sentence(q.number_start), layout.paragraph(q.number_start)):
            near = [
                e
                for e in explicit
                if lo <= e.start < hi and e.unit in dollars and not _restates(text, e, q)
            ]
            if near:
                unit = min(near, key=lambda e: (abs(e.start - q.start), e.start > q.start)).unit
                break
        if unit is None:
            s, e = layout.sentence(q.number_start)
            for mention in entities.within(s, e):
                currency = gazetteer().entities[mention.code].currency
                if currency in dollars:
                    unit = currency
                    break
        out.append(q._replace(unit=unit or "USD", currency_from="context"))
    return out
