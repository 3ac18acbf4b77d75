"""Rules shared by every family."""

from __future__ import annotations

import re
from typing import Any

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
