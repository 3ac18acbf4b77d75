"""Rules shared by every family."""

from __future__ import annotations

import re
from typing import Any

from extractor.rules.attribution import subject_of
from extractor.rules.base import Ctx, Example, Rule

_PAREN = re.compile(
    r"\s*[([]\s*(?:[A-Z]{3}\s*,\s*)?(?:(?:which\s+is|that\s+is|or|i\.e\.)\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+|~)?$"
)


def match_restatement(ctx: Ctx) -> dict[str, Any] | None:
    """'nearly $A250 million ($US167 million)': the second amount is the first restated."""
    q = ctx.q
    if q.kind != "money" or ctx.index == 0:
        return None
    prev_index = ctx.index - 1
    prev = ctx.quantities[prev_index]
    draft = ctx.drafts[prev_index]
    if draft is None or prev.kind != "money" or prev.unit == q.unit:
        return None
    if not _PAREN.fullmatch(ctx.text[prev.end : q.start]):
        return None
    fields = {k: v for k, v in draft.fields.items() if not k.startswith("_")}
    fields["_family"] = draft.family
    fields["_restates"] = prev_index
    return fields


RULE = Rule(
    id="common.restatement",
    family="any",
    description="An amount given again in another currency, in brackets right after the first: "
    "same family and attribution, linked by `restates`.",
    match=match_restatement,
    examples=(
        Example(
            "Australia announced a package worth nearly $A250 million ($US167 million) for "
            "Ukraine.",
            "$US167 million",
            {
                "value": 167000000,
                "unit": "USD",
                "family": "aid",
                "donor": "AU",
                "recipient": "UA",
                "scope": "package",
            },
        ),
        Example(
            "Britain pledged £2.5bn (about $3.2bn) in military aid to Ukraine.",
            "about $3.2bn",
            {
                "unit": "USD",
                "qualifier": "approximate",
                "family": "aid",
                "donor": "GB",
                "recipient": "UA",
            },
        ),
        Example(
            "Washington approved military aid worth $US2 billion ($3.1 billion) for Taiwan.",
            "$3.1 billion",
            {"unit": "AUD", "currency_from": "context", "family": "aid", "donor": "US"},
        ),
        Example(
            "Canada will provide C$64.8 million ($47 million) in military aid to Ukraine.",
            "$47 million",
            {"unit": "USD", "currency_from": "context", "donor": "CA", "recipient": "UA"},
        ),
    ),
    counter_examples=("The package is worth A$100m and a further A$50m comes next year.",),
)


_PARTITIVE = re.compile(r"(?i)\s+of\s+(?:the|these|those|them|its|their)\b")
_CARRIED_FIELDS = ("event", "year", "donor", "recipient")


def match_share_of_earlier(ctx: Ctx) -> dict[str, Any] | None:
    """'Pitch Black 2024 drew some 140 aircraft ... Two dozen of the aircraft came from
    Indonesia': a share of a figure stated earlier in the paragraph ("N of the <noun>", the
    same noun) belongs where that figure does -- its family, event, year, donor, recipient --
    with the subject of its own sentence."""
    q = ctx.q
    if q.kind != "count" or not _PARTITIVE.match(ctx.text, q.number_end):
        return None
    head = q.unit.split()[-1]
    ps, _ = ctx.paragraph
    for i in ctx.back():
        earlier = ctx.quantities[i]
        if earlier.start < ps:
            return None
        draft = ctx.drafts[i]
        if draft is None or draft.family == "other" or earlier.kind != "count":
            continue
        if earlier.unit.split()[-1] != head:
            continue
        fields: dict[str, Any] = {k: draft.fields[k] for k in _CARRIED_FIELDS if k in draft.fields}
        fields["_family"] = draft.family
        subject = subject_of(ctx)
        if subject is not None and draft.family in ("exercise", "casualties", "spending"):
            fields["subject"] = subject
        return fields
    return None


SHARE_OF_EARLIER = Rule(
    id="common.share_of_earlier",
    family="any",
    description="A share of a figure stated earlier in the paragraph ('N of the <noun>'): the "
    "earlier figure's family and attribution, the subject of its own sentence.",
    match=match_share_of_earlier,
    examples=(
        Example(
            "Red Flag 2025 drew some 100 aircraft from six air forces. Thirty of the aircraft "
            "came from the Royal Australian Air Force.",
            "Thirty",
            {"family": "exercise", "event": "Red Flag 2025", "year": 2025, "subject": "AU"},
        ),
        Example(
            "Sweden will send 50 armoured vehicles to Ukraine. Ten of the vehicles will arrive "
            "in March.",
            "Ten",
            {"family": "aid", "donor": "SE", "recipient": "UA"},
        ),
    ),
    counter_examples=(
        "Ten of the vehicles will arrive in March.",
        "The museum holds 40 paintings. Six of the visitors were children.",
    ),
)
