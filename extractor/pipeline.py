"""Document -> FactSheet: the one place the layers are wired together."""

from __future__ import annotations

import hashlib
import time
from datetime import date
from decimal import Decimal, DecimalException
from typing import Any

from pydantic import ValidationError

from extractor import model
from extractor.claims import claim
from extractor.context import resolve_currencies
from extractor.discourse import Frame, document_context, name_elliptical
from extractor.documents import Document
from extractor.exclusions import Mask
from extractor.gazetteer import EntityIndex, gazetteer
from extractor.layout import Layout
from extractor.model import ATTRIBUTION_FIELDS
from extractor.quantities import quantities
from extractor.rules import RULES
from extractor.rules.base import Ctx, Draft

# The largest figure a sheet holds: SQLite's (and JSON tools') 64-bit integer.  A document with a
# larger figure is refused by name, never rounded or wrapped.
FIGURE_LIMIT = 2**63 - 1
# The last line of defence against a document the rules are slow on: seconds of rule work
# allowed, a base plus so much per MB.  Ordinary text runs at about 0.2 s/MB.
BUDGET_BASE_S = 60.0
BUDGET_PER_MB_S = 30.0


class ExtractionError(Exception):
    """A document that cannot be turned into a sheet; the message gives the reason."""


def work_budget(text: str) -> float:
    return BUDGET_BASE_S + BUDGET_PER_MB_S * len(text) / 1_000_000


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


def draft_facts(doc: Document, *, budget: float | None = None) -> tuple[dict[int, Draft], Layout]:
    """Drafts keyed by the index of their quantity in document order (refs use the same keys).

    `budget`: seconds the rules may take (default: `work_budget`); ExtractionError past it."""
    text = doc.text
    deadline = time.monotonic() + (work_budget(text) if budget is None else budget)
    layout = Layout(text)
    entities = EntityIndex(text, layout)
    context = document_context(text, entities)
    home = gazetteer().entities[context.country].currency if context.country else None
    found = resolve_currencies(text, quantities(text, Mask.of(text)), layout, entities, home=home)
    found = name_elliptical(text, found, layout)
    drafts: list[Draft | None] = [None] * len(found)
    number_starts = [q.number_start for q in found]
    frame = Frame(context=context)
    for index, q in enumerate(found):
        if index % 64 == 0 and time.monotonic() > deadline:
            raise ExtractionError(
                f"work budget exceeded at line {layout.line(q.start)} of {layout.line(len(text))}"
                f" ({index} of {len(found)} figures): the rules are too slow on this text"
            )
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


def _check_limits(drafts: dict[int, Draft], text: str, layout: Layout) -> None:
    for d in drafts.values():
        q = d.quantity
        if any(v is not None and abs(v) > FIGURE_LIMIT for v in (q.value, q.min, q.max)):
            raise ExtractionError(
                f"line {layout.line(q.start)}: the figure {text[q.start : q.end]!r} is larger "
                f"than factsheet's limit of 2^63 - 1 ({FIGURE_LIMIT:,})"
            )


def build_sheet(doc: Document, *, budget: float | None = None) -> model.FactSheet:
    """The sheet of one document.  Raises ExtractionError for a figure beyond FIGURE_LIMIT or
    when the rules run past the work budget; use `extract_document` to also turn any other
    failure into an ExtractionError."""
    drafts, layout = draft_facts(doc, budget=budget)
    text = doc.text
    _check_limits(drafts, text, layout)
    seen: dict[tuple[str, str], int] = {}
    ids: dict[int, str] = {}
    used: set[str] = set()
    for index, d in drafts.items():
        quote = text[d.quantity.start : d.quantity.end]
        key = (d.family, " ".join(quote.split()))
        n = seen.get(key, 0)
        fid = fact_id(d.family, quote, n)
        while fid in used:  # two quotes whose ids collide (1 in 4 billion): the next one moves on
            n += 1
            fid = fact_id(d.family, quote, n)
        ids[index] = fid
        used.add(fid)
        seen[key] = n + 1
    # The sheet as plain data, validated in one call: pydantic builds the nested models itself
    # (a model built per fact, quantity and span costs a Python call and a validation each:
    # a third more).  The same models with the same fields set.
    facts: list[dict[str, Any]] = []
    for index, d in drafts.items():
        q = d.quantity
        fields: dict[str, Any] = {
            k: d.fields[k] for k in ATTRIBUTION_FIELDS if d.fields.get(k) is not None
        }
        fields.update({ref: ids[target] for ref, target in d.refs.items() if target in ids})
        facts.append(
            {
                "id": ids[index],
                "family": d.family,
                "claim": claim(
                    d.family,
                    q.kind,
                    q.value,
                    q.min,
                    q.max,
                    q.unit,
                    q.qualifier,
                    {**fields, "of": q.of},
                ),
                "quantity": {
                    "value": _number(q.value),
                    "min": _number(q.min),
                    "max": _number(q.max),
                    "unit": q.unit,
                    "qualifier": q.qualifier,
                    "of": q.of,
                    "currency_from": q.currency_from,
                },
                "span": {
                    "start": q.start,
                    "end": q.end,
                    "line": layout.line(q.start),
                    "quote": text[q.start : q.end],
                },
                "rule": d.rule,
                **fields,
            }
        )
    source: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "sha256": doc.sha256,
        "title": doc.title,
        "published": doc.published,
        "byline": doc.byline,
    }
    try:
        return model.FactSheet.model_validate({"source": source, "facts": facts})
    except ValidationError:
        pass
    # refused: the same data model by model, so that the error names the model that refuses it
    # (a quantity, a span, a fact, the source or the sheet), in the order it always did
    built = []
    for fact in facts:
        quantity, span = model.Quantity(**fact["quantity"]), model.Span(**fact["span"])
        built.append(model.Fact(**{**fact, "quantity": quantity, "span": span}))
    return model.FactSheet(source=model.Source(**source), facts=built)


def extract_document(doc: Document, *, budget: float | None = None) -> model.FactSheet:
    """`build_sheet`, with every failure on this document an ExtractionError whose message says
    why, so a batch can name the file and go on with the next one."""
    try:
        return build_sheet(doc, budget=budget)
    except ExtractionError:
        raise
    except DecimalException as exc:  # arithmetic beyond decimal's 28 digits (numbers/claims)
        raise ExtractionError(
            f"a number too long to handle (more than 28 significant digits): {type(exc).__name__}"
        ) from exc
    except RecursionError:
        raise ExtractionError("text too deeply structured to analyse") from None
    except MemoryError:
        raise ExtractionError("out of memory while extracting") from None
    except Exception as exc:  # a bug in a rule: name it, keep the batch going
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise ExtractionError(f"internal error: {type(exc).__name__}: {reason}") from exc


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    published: date | None = None,
    budget: float | None = None,
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
    return build_sheet(doc, budget=budget)
