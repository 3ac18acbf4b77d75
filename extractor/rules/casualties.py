"""Casualties: people killed, wounded, raped, deported ... in a named event, and how long it
lasted."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from extractor.gazetteer import EventMention
from extractor.rules.attribution import total_before_including
from extractor.rules.base import Ctx, Example, Rule, cue

HARM = {
    "killed": "killed",
    "kill": "killed",
    "killing": "killed",
    "massacred": "killed",
    "slaughtered": "killed",
    "murdered": "killed",
    "executed": "killed",
    "shot dead": "killed",
    "died": "died",
    "dead": "died",
    "deaths": "died",
    "death toll": "died",
    "death": "died",
    "lost their lives": "died",
    "perished": "perished",
    "raped": "raped",
    "wounded": "wounded",
    "injured": "wounded",
    "missing": "missing",
    "deported": "deported",
    "displaced": "displaced",
    "expelled": "deported",
    "starved": "died",
    "casualties": "casualties",
    "lost": "casualties",
    "losses": "casualties",
}
HARM_CUE = cue(
    "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(HARM, key=len, reverse=True))
)
TOLL_CUE = cue(r"blood of|victims|toll|lives|casualt\w+|genocide|massacre|atrocit\w+")
PERSON_UNITS = frozenset(
    """person man woman child civilian soldier serviceman troop citizen victim prisoner refugee
    jew inhabitant resident casualty life death fighter combatant worker student patient
    pow villager people peasant farmer detainee hostage migrant journalist protester
    demonstrator officer policeman miner muslim christian boy girl baby infant teenager
    pilgrim worshipper passenger sailor marine airman militant insurgent rebel guerrilla
    settler pensioner voter""".split()
) | {"prisoner of war", "aid worker", "health worker", "medical worker"}
_TOLL_BEFORE = re.compile(
    r"(?i)\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|victims)|deaths)\b[^.;]{0,40}$"
    r"|\b(?P<label>killed|dead|deaths|wounded|injured|missing)\s*:\s*$"
)
_LASTED = re.compile(r"(?i)\b(?:lasted|lasting|went on for|continued for)\s+(?:for\s+)?$")
EVENT_KINDS = ("massacre", "war", "genocide", "famine", "siege", "battle", "bombing")


def _event(ctx: Ctx) -> EventMention | None:
    s, e = ctx.sentence
    here = [ev for ev in ctx.entities.events_within(s, e) if ev.kind in EVENT_KINDS]
    if here:
        return min(here, key=lambda ev: abs(ev.start - ctx.q.start))
    p = ctx.layout.paragraph_index(ctx.q.number_start)
    ps, pe = ctx.paragraph
    para = [ev for ev in ctx.entities.events_within(ps, pe) if ev.kind in EVENT_KINDS]
    if para:
        return para[0]
    since = ctx.layout.paragraph_starts[max(0, p - 3)]
    return ctx.entities.last_event_before(ps, since, EVENT_KINDS)


def _harm(ctx: Ctx) -> str | None:
    before = list(HARM_CUE.finditer(ctx.before()))
    if before and len(ctx.before()) - before[-1].end() < 40:
        return HARM[re.sub(r"\s+", " ", before[-1].group().lower())]
    after = HARM_CUE.search(ctx.after())
    if after and after.start() < 40:
        return HARM[re.sub(r"\s+", " ", after.group().lower())]
    return None


def match_casualties(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    sentence = ctx.sentence_text
    if q.kind == "number":
        # "the death toll ranges from 40,000 to 300,000": a toll without a noun counts people
        if not _TOLL_BEFORE.search(ctx.text, max(ctx.sentence[0], q.start - 60), q.start):
            return None
        event = _event(ctx)
        label = _TOLL_BEFORE.search(ctx.text, max(ctx.sentence[0], q.start - 60), q.start)
        labelled = label.group("label") if label else None
        harm_word = HARM.get(labelled.lower(), "died") if labelled else "died"
        toll: dict[str, Any] = {"_unit": "person", "harm": harm_word}
        if event:
            toll["event"] = event.name
        return toll
    if q.kind == "count":
        if q.unit.lower() not in PERSON_UNITS:
            return None
        total = total_before_including(ctx)
        parent = ctx.drafts[total] if total is not None else None
        if parent is not None and parent.family == "casualties":
            # "lost 27 million people, including 8.7 million soldiers"
            part: dict[str, Any] = {
                k: v for k, v in parent.fields.items() if k in ("event", "harm")
            }
            if q.noun_phrase:
                part["victims"] = q.noun_phrase
            part["_part_of"] = total
            return part
        harm = _harm(ctx)
        if harm is None and not TOLL_CUE.search(sentence):
            return None
        event = _event(ctx)
        fields: dict[str, Any] = {}
        if event:
            fields["event"] = event.name
        if harm:
            fields["harm"] = harm
        if q.noun_phrase:
            fields["victims"] = q.noun_phrase
        return fields
    if q.kind == "duration":
        s, e = ctx.sentence
        named = [ev for ev in ctx.entities.events_within(s, e) if ev.kind in EVENT_KINDS]
        lasted = _LASTED.search(ctx.text, max(s, q.start - 30), q.start)
        if not named or not (HARM_CUE.search(sentence) or TOLL_CUE.search(sentence) or lasted):
            return None
        return {"event": named[0].name}
    return None


RULE = Rule(
    id="casualties.toll",
    family="casualties",
    description="People killed, died, wounded, raped, missing or deported in an event; the "
    "length of a massacre.",
    match=match_casualties,
    examples=(
        Example(
            "During the Srebrenica massacre, Bosnian Serb forces killed more than 8,000 Muslim "
            "men and boys.",
            "more than 8,000 Muslim men",
            {
                "value": 8000,
                "unit": "man",
                "qualifier": "more_than",
                "family": "casualties",
                "event": "Srebrenica massacre",
                "harm": "killed",
            },
        ),
        Example(
            "Historians say an estimated 40,000 to 90,000 civilians died in the siege of "
            "Leningrad.",
            "an estimated 40,000 to 90,000 civilians",
            {
                "min": 40000,
                "max": 90000,
                "unit": "civilian",
                "qualifier": "approximate",
                "event": "Siege of Leningrad",
                "harm": "died",
            },
        ),
        Example(
            "The Nanjing Massacre lasted six weeks, and at least 200,000 people were killed.",
            "six weeks",
            {"value": 6, "unit": "week", "family": "casualties", "event": "Nanking Massacre"},
            date(2020, 1, 1),
        ),
        Example(
            "The attack killed 42 people and wounded more than 100 others, officials said.",
            "more than 100 others",
            {"value": 100, "unit": "person", "qualifier": "more_than", "harm": "wounded"},
        ),
        Example(
            "Estimates of the death toll range from 40,000 to 300,000.",
            "from 40,000 to 300,000",
            {"min": 40000, "max": 300000, "unit": "person", "family": "casualties"},
        ),
        Example(
            "Around 1.5 million Ukrainians have been deported to Russia, Kyiv claims.",
            "Around 1.5 million Ukrainians",
            {"value": 1500000, "unit": "person", "harm": "deported", "victims": "Ukrainians"},
        ),
        Example(
            "Killed: 1,234. Wounded: 3,456.",
            "3,456",
            {"value": 3456, "unit": "person", "harm": "wounded", "family": "casualties"},
        ),
        Example(
            "Russia's army lost roughly 1,000 men a day in May, British intelligence said.",
            "roughly 1,000 men",
            {"value": 1000, "unit": "man", "harm": "casualties", "family": "casualties"},
        ),
        Example(
            "In the Second World War, the Soviet Union lost an estimated 27 million people, "
            "including 8.7 million soldiers.",
            "8.7 million soldiers",
            {"value": 8700000, "unit": "soldier", "family": "casualties", "event": "World War II"},
        ),
        Example(
            "The Holodomor lasted around 17 months.",
            "around 17 months",
            {"value": 17, "unit": "month", "family": "casualties", "event": "Holodomor"},
        ),
        Example(
            "Stalin's regime deported some 300,000 peasants during the Holodomor.",
            "some 300,000 peasants",
            {"unit": "peasant", "harm": "deported", "event": "Holodomor"},
        ),
    ),
    counter_examples=(
        "The city has 300,000 residents and 40 schools.",
        "The summit lasted three days.",
    ),
)
