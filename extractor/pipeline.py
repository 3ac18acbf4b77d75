"""Document -> FactSheet: the one place the layers are wired together."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from extractor import model
from extractor.claims import claim
from extractor.context import resolve_currencies
from extractor.discourse import Frame, document_context
from extractor.documents import Document
from extractor.exclusions import Mask
from extractor.gazetteer import EntityIndex, gazetteer
from extractor.layout import Layout
from extractor.model import ATTRIBUTION_FIELDS
from extractor.quantities import quantities
from extractor.rules import RULES
from extractor.rules.base import Ctx, Draft


def fact_id(family: str, quote: str, occurrence: int) -> str:
    """Content-derived id: family, whitespace-normalised quote and its occurrence among facts of
    the same family and quote -- so unrelated text moving around changes no id."""
    key = f"{family}\x1f{' '.join(quote.split())}\x1f{occurrence}"
    return f"{family}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def draft_facts(doc: Document) -> tuple[dict[int, Draft], Layout]:
    """Drafts keyed by the index of their quantity in document order (refs use the same keys)."""
    text = doc.text
    layout = Layout(text)
    entities = EntityIndex(text, layout)
    context = document_context(text, entities)
    home = gazetteer().entities[context.country].currency if context.country else None
    found = resolve_currencies(text, quantities(text, Mask.of(text)), layout, entities, home=home)
    drafts: list[Draft | None] = [None] * len(found)
    number_starts = [q.number_start for q in found]
    frame = Frame(context=context)
    for index, q in enumerate(found):
        ctx = Ctx(doc, layout, entities, found, index, drafts, number_starts, frame)
        for rule in RULES:
            fields = rule.match(ctx)
            if fields is None:
                continue
            family = fields.pop("_family", rule.family)
            if "_unit" in fields:  # a bare number whose unit the rule supplies
                q = q._replace(kind="count", unit=fields.pop("_unit"))
            refs = {key[1:]: fields.pop(key) for key in ("_restates", "_part_of") if key in fields}
            drafts[index] = Draft(q, family, rule.id, fields, refs)
            frame.note(family, fields, ctx.paragraph_index, q.start)
            break
    return {i: d for i, d in enumerate(drafts) if d is not None}, layout


def build_sheet(doc: Document) -> model.FactSheet:
    drafts, layout = draft_facts(doc)
    text = doc.text
    seen: dict[tuple[str, str], int] = {}
    ids: dict[int, str] = {}
    for index, d in drafts.items():
        quote = text[d.quantity.start : d.quantity.end]
        key = (d.family, " ".join(quote.split()))
        ids[index] = fact_id(d.family, quote, seen.get(key, 0))
        seen[key] = seen.get(key, 0) + 1
    facts = []
    for index, d in drafts.items():
        q = d.quantity
        fields: dict[str, Any] = {
            k: d.fields[k] for k in ATTRIBUTION_FIELDS if d.fields.get(k) is not None
        }
        fields.update({ref: ids[target] for ref, target in d.refs.items() if target in ids})
        facts.append(
            model.Fact(
                id=ids[index],
                family=d.family,  # type: ignore[arg-type]
                claim=claim(
                    d.family,
                    q.kind,
                    q.value,
                    q.min,
                    q.max,
                    q.unit,
                    q.qualifier,
                    {**fields, "of": q.of},
                ),
                quantity=model.Quantity(
                    value=_number(q.value),
                    min=_number(q.min),
                    max=_number(q.max),
                    unit=q.unit,
                    qualifier=q.qualifier,  # type: ignore[arg-type]
                    of=q.of,
                    currency_from=q.currency_from,  # type: ignore[arg-type]
                ),
                span=model.Span(
                    start=q.start, end=q.end, line=layout.line(q.start), quote=text[q.start : q.end]
                ),
                rule=d.rule,
                **fields,
            )
        )
    return model.FactSheet(
        source=model.Source(
            id=doc.id,
            path=doc.path,
            sha256=doc.sha256,
            title=doc.title,
            published=doc.published,
            byline=doc.byline,
        ),
        facts=facts,
    )


def extract_text(
    text: str, *, doc_id: str = "text", published: date | None = None
) -> model.FactSheet:
    """Extract from a string (tests, examples, stdin)."""
    doc = Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=None,
        published=published,
        byline=None,
    )
    return build_sheet(doc)
