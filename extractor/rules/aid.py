"""Aid: money (or equipment) one country gives another."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from extractor.gazetteer import gazetteer
from extractor.rules.attribution import is_country, total_before_including
from extractor.rules.base import Ctx, Example, Rule, cue

AID_CUE = cue(
    r"aid|assistance|package|support|contribution|contributions|pledge|pledged|pledges|donat\w*"
    r"|commit|commits|committed|commitment|grant|grants|gift|gifted|funding|military\s+support"
    r"|contribut\w*|loan|loans|weapons|arms|send|sends|sent|sending|deliver|delivers|delivered"
    r"|provide|provides|provided|transfer|transfers|transferred"
)
# Without a named recipient, only these make money aid: the word itself or a giving verb.
AID_WORD = cue(r"aid|assistance|contribut\w*|pledg\w*|donat\w*")
STRONG_AID_CUE = cue(r"aid|assistance|package|support|contribution|contributions|donation\w*")
EQUIPMENT_CUE = cue(
    r"send|sends|sent|sending|supply|supplies|supplied|deliver|delivers|delivered|provide|provides"
    r"|provided|donate|donates|donated|gift|gifts|gifted|pledge|pledges|pledged|transfer|transfers"
    r"|transferred|package"
)
CUMULATIVE_CUE = cue(
    r"total|totals|overall|cumulative|in all|so far|to date|altogether|since|bringing|brings"
    r"|brought|taking|takes|in total"
)
_RECIPIENT = re.compile(r"(?i)\b(?:to|for|into)\s+(?:the\s+)?$")
# "since 2022", "since February 2022", "since Russia's full-scale invasion in February 2022"
_SINCE = re.compile(r"\bsince\b[^.;,()]{0,60}?\b((?:19|20)\d\d)\b")
_CLAUSE_END = re.compile(r"[,;(]|\s[-–—]\s")
# Head nouns of equipment a donor can give: the last word of the unit ("fighting vehicle").
EQUIPMENT = frozenset(
    """tank vehicle carrier missile launcher rocket shell round howitzer gun aircraft jet helicopter
    drone ship boat system weapon piece munition mortar interceptor radar""".split()
)


def _recipient(ctx: Ctx) -> str | None:
    s, e = ctx.sentence
    for m in ctx.mentions(s, e):
        if not is_country(m.code):
            continue
        lead = ctx.text[max(s, m.start - 12) : m.start]
        if _RECIPIENT.search(lead):
            return m.code
    return None


def _recipient_nearby(ctx: Ctx) -> str | None:
    """No recipient in the sentence: the one named with to/for earlier in the paragraph, else
    the recipient of the last aid fact within the two paragraphs before."""
    ps, _ = ctx.paragraph
    s, _ = ctx.sentence
    for m in reversed(ctx.entities.within(ps, s)):
        if is_country(m.code) and _RECIPIENT.search(ctx.text[max(ps, m.start - 12) : m.start]):
            return m.code
    p = ctx.layout.paragraph_index(s)
    since = ctx.layout.paragraph_starts[max(0, p - 2)]
    for i in range(ctx.index - 1, -1, -1):  # walk back; never copy the list
        draft = ctx.drafts[i]
        if draft is None:
            if ctx.quantities[i].start < since:
                break
            continue
        if draft.quantity.start < since:
            break
        if draft.family == "aid" and draft.fields.get("recipient"):
            return str(draft.fields["recipient"])
    return None


def _giver(code: str) -> bool:
    return is_country(code) or gazetteer().entities[code].kind == "organisation"


def _donor(ctx: Ctx, recipient: str | None) -> str | None:
    q = ctx.q
    s, e = ctx.sentence
    before = [m for m in ctx.mentions(s, q.start) if _giver(m.code) and m.code != recipient]
    countries = [m for m in before if is_country(m.code)]
    if countries or before:  # a country named as giver beats a body named in passing
        return (countries or before)[-1].code
    after = [m for m in ctx.mentions(q.end, e) if _giver(m.code) and m.code != recipient]
    if after and not _RECIPIENT.search(ctx.text[max(s, after[0].start - 12) : after[0].start]):
        return after[0].code
    if q.kind == "money" and q.unit != "USD":
        # a national currency names its country (AUD -> AU), a shared one (EUR) does not
        users = [c for c, ent in gazetteer().entities.items() if ent.currency == q.unit]
        if len(users) == 1 and users[0] != recipient:
            return users[0]
    return None


def match_aid(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    sentence = ctx.sentence_text
    if q.kind == "money":
        if not AID_CUE.search(sentence):
            return None
    elif q.kind == "count":
        if q.unit.split()[-1] not in EQUIPMENT or not EQUIPMENT_CUE.search(sentence):
            return None
    else:
        return None
    recipient = _recipient(ctx)
    if recipient is None and STRONG_AID_CUE.search(sentence):
        recipient = _recipient_nearby(ctx)
    donor = _donor(ctx, recipient)
    if donor is None or (recipient is None and not AID_WORD.search(sentence)):
        return None  # without a recipient, only "aid", "assistance" or a giving verb
    fields: dict[str, Any] = {"donor": donor}
    if recipient is not None:
        fields["recipient"] = recipient
    total = total_before_including(ctx)
    parent = ctx.drafts[total] if total is not None else None
    clause = ctx.before()
    if parent is not None and parent.family == "aid":
        fields["scope"] = parent.fields.get("scope", "package")
        fields["_part_of"] = total
    else:
        # the words before the amount, and the rest of its own clause after it:
        # "has provided more than $44 billion ... since February 2022"
        after = ctx.after()
        cut = _CLAUSE_END.search(after)
        clause = ctx.before() + " " + (after[: cut.start()] if cut else after)
        fields["scope"] = "cumulative" if CUMULATIVE_CUE.search(clause) else "package"
    since = _SINCE.search(ctx.before()) or (
        _SINCE.search(clause) if fields["scope"] == "cumulative" else None
    )
    if since:
        fields["since"] = int(since.group(1))
    return fields


RULE = Rule(
    id="aid.package",
    family="aid",
    description="Money or equipment a donor country gives a recipient country: package, "
    "cumulative total, or a component of either.",
    match=match_aid,
    examples=(
        Example(
            "Defence Minister Richard Marles announced a A$100m package of military aid for "
            "Ukraine.",
            "A$100m",
            {
                "value": 100000000,
                "unit": "AUD",
                "family": "aid",
                "donor": "AU",
                "recipient": "UA",
                "scope": "package",
            },
        ),
        Example(
            "New Zealand will provide NZ$4.1 million in further assistance to Ukraine, taking its "
            "total support since 2022 to more than NZ$100 million.",
            "more than NZ$100 million",
            {
                "value": 100000000,
                "unit": "NZD",
                "qualifier": "more_than",
                "donor": "NZ",
                "recipient": "UA",
                "scope": "cumulative",
                "since": 2022,
            },
        ),
        Example(
            "Britain will send 14 Challenger 2 tanks to Ukraine as part of a new package.",
            "14 Challenger 2 tanks",
            {"value": 14, "unit": "tank", "family": "aid", "donor": "GB", "recipient": "UA"},
        ),
        Example(
            "Germany pledged €2.7bn in military aid to Ukraine, its largest package so far.",
            "€2.7bn",
            {"value": 2700000000, "unit": "EUR", "donor": "DE", "recipient": "UA"},
        ),
        Example(
            "Canberra's overall support to Kyiv now stands at A$1.3 billion, including "
            "$1.1 billion for Ukraine's military.",
            "$1.1 billion",
            {
                "unit": "AUD",
                "donor": "AU",
                "recipient": "UA",
                "scope": "cumulative",
                "currency_from": "context",
            },
            date(2024, 7, 14),
        ),
        Example(
            "The US has provided more than $44 billion in security assistance to Kyiv since "
            "February 2022.",
            "more than $44 billion",
            {"unit": "USD", "donor": "US", "recipient": "UA", "scope": "cumulative", "since": 2022},
        ),
        Example(
            "New Zealand will contribute NZ$4.1 million to a NATO trust fund for Ukraine.",
            "NZ$4.1 million",
            {"value": 4100000, "unit": "NZD", "donor": "NZ", "recipient": "UA", "scope": "package"},
        ),
        Example(
            "In 2023 Australia announced A$33.6m in extra aid, taking its total support to A$910m.",
            "A$910m",
            {
                "unit": "AUD",
                "family": "aid",
                "donor": "AU",
                "recipient": None,
                "scope": "cumulative",
            },
        ),
        Example(
            "The Pentagon announced a $2.5 billion package for Ukraine, including 59 Bradley "
            "fighting vehicles.",
            "59 Bradley fighting vehicles",
            {"unit": "fighting vehicle", "family": "aid", "donor": "US", "recipient": "UA"},
        ),
        Example(
            "Poland will send 96 AH-64 Apache helicopters to Ukraine.",
            "96 AH-64 Apache helicopters",
            {"value": 96, "unit": "helicopter", "donor": "PL", "recipient": "UA"},
        ),
        Example(
            "The package brings Australia's total military support for Ukraine to more than "
            "$1 billion since Russia's full-scale invasion in February 2022.",
            "more than $1 billion",
            {"unit": "AUD", "donor": "AU", "recipient": "UA", "scope": "cumulative", "since": 2022},
        ),
        Example(
            "New Zealand pledged NZ$4.1m for a NATO trust fund for Ukraine, bringing its total "
            "contribution to NZ$130m.",
            "NZ$130m",
            {"donor": "NZ", "recipient": "UA", "scope": "cumulative"},
        ),
        Example(
            "Wellington will contribute NZ$4.1 million to the NATO-led fund, Prime Minister "
            "Christopher Luxon said on Thursday.",
            "NZ$4.1 million",
            {"family": "aid", "donor": "NZ", "recipient": None},
        ),
    ),
    counter_examples=(
        "Washington had provided about $20 million for staging anti-government demonstrations.",
        "The budget of the Australian Defence Force is A$55 billion this year.",
        "The exercise involved 250 tanks and 600 aircraft.",
    ),
)
