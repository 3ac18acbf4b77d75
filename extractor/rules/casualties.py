"""Casualties: people killed, wounded, raped, deported ... in a named event, and how long it
lasted."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from typing import Any

from extractor.gazetteer import EventMention, Mention
from extractor.named_events import NOT_A_NAME_WORDS
from extractor.places import places_in
from extractor.quantities import Quantity, singular
from extractor.rules.attribution import (
    A_YEAR,
    COMPARED_ESTIMATE,
    DIRECTION,
    is_country,
    total_before_including,
)
from extractor.rules.base import NEIGHBOURS, REACH, Ctx, Draft, Example, Rule, cue
from extractor.rules.roles import COORDINATED

HARM = {
    "killed": "killed",
    "kill": "killed",
    "killing": "killed",
    "massacred": "killed",
    "slaughtered": "killed",
    "murdered": "killed",
    "executed": "killed",
    "shot dead": "killed",
    "gunned down": "killed",
    "died": "died",
    "dead": "died",
    "deaths": "died",
    "death toll": "died",
    "death": "died",
    "lost their lives": "died",
    "perished": "perished",
    "drowned": "died",
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
TOLL_CUE = cue(r"victims|toll|lives|casualt\w+|genocide|massacre|atrocit\w+")
PERSON_UNITS = frozenset(
    """person man woman child civilian soldier serviceman troop citizen victim prisoner refugee
    jew inhabitant resident casualty life death fighter combatant worker student patient
    pow villager people peasant farmer detainee hostage migrant journalist protester
    demonstrator officer policeman miner muslim christian boy girl baby infant teenager
    pilgrim worshipper passenger sailor marine airman militant insurgent rebel guerrilla
    settler pensioner voter loss dead military fatality partisan conscript volunteer
    recruit national hostage evacuee bystander member personnel staff crew firefighter
    rescuer paramedic medic doctor nurse teacher pupil schoolchild employee official diplomat
    peacekeeper guard policewoman gunman attacker assailant hijacker terrorist jihadist
    militiaman tourist fisherman driver trader shopper spectator fan athlete monk nun priest
    pilot engineer herder nomad survivor pedestrian commuter laborer labourer contractor
    defender civil servant""".split()
) | {"prisoner of war", "aid worker", "health worker", "medical worker", "crew member"}
# A counted noun that is itself the harm: "over a million deaths", "four lives".
NOUN_HARM = {
    "death": "died",
    "life": "died",
    "dead": "died",
    "casualty": "casualties",
    "loss": "casualties",
    "victim": "killed",
    "fatality": "died",
}
# Counted nouns that name people in general, not a narrower group: a casualty count of them
# has unit `person` (the words as written stay in `victims`).  "20,000 women", "8,000
# officers" and "8.7 million soldiers" keep their narrower unit.
GENERAL_PERSON = frozenset(
    """person people man civilian citizen inhabitant resident casualty life death loss victim
    dead military population fatality national hostage refugee evacuee""".split()
)
_TOLL_BEFORE = re.compile(
    r"(?i)\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|victims)|deaths)\b[^.;]{0,70}$"
    # "The death toll from the earthquakes that struck ... has risen to": a verb of the toll
    r"|\b(?:death\s+toll|toll)\b[^.;]{0,110}?\b(?:has|had|have)?\s*(?:risen|rose|climbed|jumped"
    r"|reached|passed|surpassed|topped|stands|stood)\s+(?:to|at|past)?\s*$"
    r"|\b(?P<label>killed|dead|deaths|wounded|injured|missing)\s*:\s*$"
)
_LASTED = re.compile(r"(?i)\b(?:lasted|lasting|went on for|continued for)\s+(?:for\s+)?$")
EVENT_KINDS = (
    "massacre", "war", "genocide", "famine", "siege", "battle", "bombing", "disaster", "partition",
    "attack",
)


def _event(ctx: Ctx) -> EventMention | None:
    """The event a casualty figure belongs to: named in its sentence, else earlier in the
    paragraph, else in the three paragraphs before, else later in the paragraph.  Among the
    events in reach, a specific one (a massacre, a siege, a famine) beats the war it was part
    of ('The Nanjing Massacre ... occurred during the Second Sino-Japanese War'); then the last
    one named before the figure, else the first after it."""
    s, e = ctx.sentence
    ps, pe = ctx.paragraph
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 3)]
    q = ctx.q.start
    for lo, hi in ((s, e), (ps, s), (since, ps), (e, pe)):
        found = [ev for ev in ctx.entities.events_within(lo, hi) if ev.kind in EVENT_KINDS]
        if not found:
            continue
        specific = [ev for ev in found if ev.kind != "war"]
        pool = specific or found
        before = [ev for ev in pool if ev.start < q]
        chosen = before[-1] if before else pool[0]
        if chosen.kind == "war":
            # "300,000 Chinese killed by Japanese troops during World War Two ... the
            # anniversary of the Nanjing Massacre": the specific event the paragraph names
            named = [ev for ev in ctx.entities.events_within(ps, pe) if ev.kind in EVENT_KINDS]
            specific_here = [ev for ev in named if ev.kind != "war"]
            if specific_here:
                return specific_here[0]
        return chosen
    return _the_war(ctx) or _described_event(ctx)


_THE_WAR = re.compile(r"(?i)\b(?:the|that)\s+war\b")
_DESCRIBED_KINDS = (
    r"(?:civil\s+)?war|conflict|insurgency|famine|genocide|earthquakes?|floods?|cyclone|typhoon"
    r"|hurricane|tsunami|drought|epidemic"
)
# "Sudan's war", "Yemen's civil war": a country's war or disaster, named by its owner
_OWNED_EVENT = re.compile(rf"(?i)['’]s\s+(?:(?:19|20)\d\d\s+)?(?:{_DESCRIBED_KINDS})\b")
# "the 1983-85 famine in Ethiopia", "the war in Yemen"
_EVENT_IN = re.compile(
    rf"(?i)\bthe\s+((?:(?:19|20)\d\d(?:\s*[-–]\s*\d{{2,4}})?\s+)?(?:{_DESCRIBED_KINDS})\s+in\s+)"
    r"(?:the\s+)?$"
)


def _described_event(ctx: Ctx) -> EventMention | None:
    """An event the text describes rather than names, in the figure's sentence: a country's
    war or disaster ("Deaths in Yemen's war were estimated at 377,000") or one placed in a
    country ("the 1983-85 famine in Ethiopia killed up to 1.2 million people").  Named as
    written."""
    s, e = ctx.sentence
    for m in ctx.entities.within(s, e):
        if not is_country(m.code) or m.form == "adjective":
            continue
        owned = _OWNED_EVENT.match(ctx.text, m.end - (2 if m.possessive else 0), e)
        if owned is not None:
            name = ctx.text[m.start : owned.end()]
            return EventMention(m.start, owned.end(), name, "war", None)
        placed = _EVENT_IN.search(ctx.text, max(s, m.start - 40), m.start)
        if placed is not None:
            name = placed.group(1) + ctx.text[m.start : m.end]
            return EventMention(placed.start(1), m.end, " ".join(name.split()), "war", None)
    found = _incident_at_place(ctx, s, e)
    if found is None:  # "... attacked the detachment at Djibo. Fifty-seven soldiers fell"
        ps, _ = ctx.paragraph
        if ps < s:
            ls, le = ctx.layout.sentence(s - 1)
            found = _incident_at_place(ctx, max(ls, ps), le)
    return found


def _incident_at_place(ctx: Ctx, s: int, e: int) -> EventMention | None:
    """An incident named by its kind and place, or told by its verb and place, in text[s:e]."""
    attack = _ATTACK_ON_PLACE.search(ctx.text, s, e)
    if attack is not None and _is_place_name(ctx, attack):
        # named as encyclopaedias name such incidents: "Mumbai attacks", "Pylos shipwreck"
        name = f"{attack.group('place')} {attack.group('kind').lower()}"
        return EventMention(attack.start(), attack.end(), name, "attack", None)
    for did in _DONE_AT_PLACE.finditer(ctx.text, s, e):
        verb = did.group("verb").lower()
        if verb == "killed" and not did.group("who"):
            continue  # "floods killed 200 people in Assam": no attack
        if _is_place_name(ctx, did):
            kind = _VERB_KIND.get(verb, "attack")
            name = f"{did.group('place')} {kind}"  # "attacked the detachment at Djibo"
            return EventMention(did.start(), did.end(), name, "attack", None)
    return None


# "armed groups attacked the military detachment at Djibo", "a boat capsized off Pylos",
# "Gunmen killed 26 people ... at a meadow near Pahalgam": an incident the text tells by its
# verb, named by the place (a name the gazetteer does not know: no country, city or person)
_DONE_AT_PLACE = re.compile(
    r"(?:(?P<who>\b(?:[Gg]unm[ae]n|[Mm]ilitants|[Aa]ttackers|[Aa]ssailants|[Ii]nsurgents"
    r"|[Tt]errorists|[Jj]ihadists|[Bb]andits|[Rr]ebels)\s+(?:\w+\s+){0,2}?))?"
    r"\b(?P<verb>attacked|stormed|raided|ambushed|bombed|shelled|capsized|sank|killed)\b"
    r"[^.;]{0,60}?\b(?P<prep>at|near|off|outside)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:(?:at|near|off|outside)\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
_VERB_KIND = {
    "capsized": "shipwreck",
    "sank": "shipwreck",
    "bombed": "bombing",
    "shelled": "shelling",
}


# "An assault by paramilitary forces on the Zamzam displacement camp", "the attack at Djibo",
# "a suicide bombing in Peshawar": an incident named by its kind and its place
_ATTACK_ON_PLACE = re.compile(
    r"\b(?P<kind>[Aa]ttacks?|[Aa]ssaults?|[Rr]aids?|[Bb]ombings?|[Ss]hootings?|[Aa]mbush(?:es)?"
    r"|[Ss]hellings?|[Aa]irstrikes?|[Ss]tampedes?|[Ss]hipwrecks?)(?:\s+by\s+[a-z][\w\s-]{0,40}?)?"
    r"\s+(?P<prep>on|at|in|near|against|off)\s+(?:the\s+|a\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


def _is_place_name(ctx: Ctx, m: re.Match[str]) -> bool:
    """The capitalised words after the kind name a place: no country, person or body the
    gazetteer knows (those have roles of their own), no month or weekday."""
    place = m.group("place")
    if place.split()[0] in _NOT_PLACES:
        return False
    return not ctx.entities.within(m.start("place"), m.end("place"))


_NOT_PLACES = NOT_A_NAME_WORDS | {"The", "A", "An"}  # months, weekdays, articles
# Words that only the Second World War gives a casualty passage: its fronts, its armies,
# its regimes, its years.
_WORLD_WAR_II = re.compile(
    r"\b(?:Eastern\s+Front|Western\s+Front\s+in\s+194\d|Red\s+Army|Wehrmacht|Nazi\w*|Third\s+Reich"
    r"|Great\s+Patriotic\s+War|Axis\s+powers|Allied\s+powers|Luftwaffe|Holocaust"
    r"|19(?:39|4[0-5])\s*[-–]\s*(?:19)?4[0-5])\b"
)


_SHARE_HARMED = re.compile(
    r"(?i)\b(?:would|will|had|have|has|were|was)?\s*(?:be\s+)?(?P<h>die|died|killed|perished|starved)\b"
)


def _the_war(ctx: Ctx) -> EventMention | None:
    """'The Soviet Union lost around 27 million people during the war ... on the Eastern
    Front': 'the war', unnamed, in a passage that speaks of the Second World War's fronts,
    armies or years, is that war."""
    s, e = ctx.sentence
    if not _THE_WAR.search(ctx.text, s, e):
        return None
    _, pe = ctx.paragraph
    lo = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 1)]
    if _WORLD_WAR_II.search(ctx.text, lo, min(pe, lo + 4000)) or _soviet_millions(ctx):
        return EventMention(ctx.q.start, ctx.q.end, "World War II", "war", None)
    return None


def _soviet_millions(ctx: Ctx) -> bool:
    """'total Soviet population losses due to the war at 26.6 million': the only war that cost
    the Soviet Union millions of lives is the Second World War."""
    value = ctx.q.value if ctx.q.value is not None else ctx.q.max
    if value is None or value < 1_000_000:
        return False
    return any(m.code == "SU" for m in ctx.mentions())


_SUFFERED = re.compile(
    r"(?i)^(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:lost|loses|lose|suffered|suffers|sustained|sustains"
    r"|counted|recorded|mourned)\s+(?:\w+\s+){0,2}?$"
)


# "Iran put its military dead at about 190,000", "China's official figure for its own dead
# is 197,653": a country's count of its own losses
_OWN_DEAD = re.compile(
    r"(?i)^(?:['’]s)?\s+(?:(?:\w+\s+){0,2}?(?:put|puts|estimated|estimates|gave|gives|reported"
    r"|reports|counted|counts|numbered|numbers)\s+(?:its|their)|(?:\w+\s+){0,2}?(?:figure|estimate"
    r"|toll|count|tally|number)\s+(?:for|of)\s+(?:its|their))\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:dead|deaths|losses|casualties|death\s+toll|toll|fatalities|killed)"
    r"\s+(?:at|is|was|stands\s+at|stood\s+at|as)\s+(?:\w+\s+)?$"
)
# "Beijing's official figure is 197,653 killed": a country's own count (after its possessive)
_FIGURE_IS = re.compile(
    r"(?i)^(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:figure|estimate|toll|death\s+toll|count|tally)\s+"
    r"(?:is|was|stands\s+at|stood\s+at|of|at|puts\s+it\s+at)\s+$"
)
# "Egypt accounted for the largest number of victims, at least 658"
_ACCOUNTED_FOR = re.compile(
    r"(?i)^\s+(?:alone\s+)?accounted\s+for\s+(?:[\w-]+\s+){0,6}?[\w-]+\s*[,:—–-]?\s+$"
)
_SAID = re.compile(
    r"(?i)^\s+(?:said|says|reported|reports|confirmed|confirms|announced|announces)\s+"
    r"(?:that\s+)?$"
)
_OF_ITS_OWN = re.compile(
    r"(?i)\s+of\s+(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|people|soldiers|troops"
    r"|servicemen|personnel|residents|pilgrims|workers)\b"
)
_ETHNIC = re.compile(r"(?i)\bethnic\s+$")
# "cost the French and German armies 700,000 casualties": the side the losses cost
_COST_BEFORE = re.compile(r"(?i)\b(?:cost|costing|claimed)\s+(?:the\s+)?$")
_COST_AFTER = re.compile(
    r"(?i)\s+(?:(?:armies|army|forces|troops|side|sides|navies|people|nations?)\s+)?"
    r"(?:an\s+estimated\s+|some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+|over\s+)?$"
)


def _sufferer(ctx: Ctx) -> str | list[str] | None:
    """'The Soviet Union lost around 27 million people', 'Germany sustained 5.3 million military
    losses', '8,709 Australians', 'Iran put its military dead at 190,000', 'cost the French and
    German armies 700,000 casualties': the country (or countries) that suffered the losses."""
    s, e = ctx.sentence
    q = ctx.q
    inside = [
        m
        for m in ctx.entities.within(q.number_end, q.end)
        if is_country(m.code) and not _ETHNIC.search(ctx.text, max(0, m.start - 8), m.start)
    ]
    if inside:  # "58,220 American service members", "2,779 New Zealanders"
        return inside[0].code  # (not "5.7 million ethnic Russians": whose losses is said apart)
    before = ctx.entities.within(s, ctx.q.start)
    if before and _SUFFERED.match(ctx.text[before[-1].end : ctx.q.start]):
        return before[-1].code
    if (
        len(before) > 1
        and is_country(before[-1].code)
        and before[-1].form == "name"
        and _GAPPED_NAME.fullmatch(ctx.text, before[-1].end, ctx.q.start)
        and _LIST_BEFORE_NAME.search(ctx.text, max(s, before[-1].start - 6), before[-1].start)
    ):
        # "Indonesia recorded 167,000 dead, Sri Lanka some 35,000 and India over 12,000": a
        # list whose verb is said once; the name right before each figure is whose
        return before[-1].code
    if before and _OWN_DEAD.match(ctx.text[before[-1].end : ctx.q.start]):
        return before[-1].code
    if before and is_country(before[-1].code):
        gap = ctx.text[before[-1].end : ctx.q.start]
        if (before[-1].possessive and _FIGURE_IS.match(gap)) or _ACCOUNTED_FOR.match(gap):
            return before[-1].code  # "Beijing's official figure is", "Egypt accounted for"
        if _SAID.match(gap) and _OF_ITS_OWN.match(ctx.text, ctx.q.number_end):
            return before[-1].code  # "Jordan said 99 of its citizens had died"
    if before and _COST_AFTER.fullmatch(ctx.text[before[-1].end : ctx.q.start]):
        run = [before[-1]]
        for m in reversed(before[:-1]):
            if not COORDINATED.fullmatch(ctx.text, m.end, run[0].start):
                break
            run.insert(0, m)
        countries = all(is_country(m.code) for m in run)  # "the Allies" is no NATO in 1915
        if countries and _COST_BEFORE.search(ctx.text, max(s, run[0].start - 20), run[0].start):
            codes = list(dict.fromkeys(m.code for m in run))
            return codes if len(codes) > 1 else codes[0]
    if before and before[-1].form == "adjective" and _LOSSES_OF.match(
        ctx.text[before[-1].end : ctx.q.start]
    ):
        return before[-1].code  # "total Soviet population losses due to the war at 26.6 million"
    after = ctx.entities.within(ctx.q.end, min(e, ctx.q.end + 80))
    if after and _DIED_IN.search(ctx.text[ctx.q.end : after[0].start]):
        return after[0].code  # "six to eight million people who died in the Soviet Union"
    if after and after[0].form == "adjective" and _WERE.fullmatch(
        ctx.text[ctx.q.end : after[0].start]
    ):
        return after[0].code  # "about four to five million were Ukrainians"
    return None


_GAPPED_NAME = re.compile(r"[ \t]+")
_LIST_BEFORE_NAME = re.compile(r"(?:,|\band)\s+(?:the\s+)?$")
_IN_PLACE = re.compile(
    r"(?i)\b(?:in|across|inside|throughout|struck|hit|devastated|ravaged"
    r"|(?:strikes?|attacks?|raids?|assaults?|shelling|bombing|bombardment|offensive)\s+on)"
    rf"\s+(?:the\s+)?(?:{DIRECTION}\s+)?$"
    # "off Pylos, Greece", "near Tabriz, Iran", "in Zamfara state, northwestern Nigeria": a
    # place, then its country
    r"|(?<![\w-])(?:in|off|near|at|outside)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
    r"(?:\s+(?-i:state|province|region|district|county|governorate|prefecture|city|town"
    rf"|village|area|port))?,\s+(?:{DIRECTION}\s+)?$"
)
# "in Zamfara state", "across Sindh province": the kind of unit after a place's name
_UNIT_AFTER = re.compile(
    r"\s+(?:state|province|region|district|county|governorate|prefecture|oblast|department)\b"
)
# "Spain's deadliest natural disaster", "Nepal's worst earthquake": the country it befell
_WORST_AFTER = re.compile(
    r"(?i)['’]s?\s+(?:deadliest|worst|most\s+deadly|bloodiest|most\s+lethal|strongest|biggest"
    r"|largest|most\s+powerful|most\s+destructive)\b"
)
# "killed at least 39 people in Mozambique and 13 in Malawi": the place right after a figure
_FIGURE_IN = re.compile(r"(?i)\s+(?:[a-z-]+\s+){0,2}?(?:in|across)\s+(?:the\s+)?$")


def _country_of_event(ctx: Ctx, event: EventMention | None) -> str | None:
    """'the Rwandan genocide', 'the 2010 Haiti earthquake', "Ireland's Great Famine": a country
    in the name of a massacre, famine or disaster (not a war's: "the Korean War" names no one
    side) is whose the losses are."""
    if event is None or event.kind == "war":
        return None
    found = [m for m in ctx.entities.within(event.start, event.end) if is_country(m.code)]
    if not found and event.start >= 2:
        owner = ctx.entities.within(max(0, event.start - 40), event.start)
        if owner and owner[-1].possessive and not ctx.text[owner[-1].end : event.start].strip():
            found = [owner[-1]] if is_country(owner[-1].code) else []
    if not found:  # "the Mandalay earthquake": a province or state in the name
        inside = places_in(ctx.text, event.start, event.end)
        return inside[0].code if inside else None
    return found[0].code if found else None


def _when_and_whose(ctx: Ctx, event: EventMention | None) -> dict[str, Any]:
    """The year and the sufferer of a casualty figure, where the text gives them."""
    fields: dict[str, Any] = {}
    year = _year(ctx, event)
    if year:
        fields["year"] = year
    sufferer = (
        _sufferer(ctx)
        or _own_forces_report(ctx)
        or _country_reporting(ctx)
        or _place_of_harm(ctx, event)  # the figure's own sentence before what earlier ones said
        or ctx.carried("subject", family="casualties")
        or _country_of_event(ctx, event)
        or _reporting_authority(ctx)
        or _dateline_country(ctx)
    )
    if sufferer:
        fields["subject"] = sufferer
    return fields


_IN_THE_COUNTRY = re.compile(
    r"(?i)\s+(?:[a-z-]+\s+){0,2}?(?:in|across|throughout)\s+the\s+(?:country|nation)\b"
)


_SOLDIERS = frozenset(
    "soldier troop serviceman servicemen servicewoman marine sailor airman paratrooper officer"
    " personnel member fighter conscript".split()
)
# "..., the Burkina Faso army said", "Ukraine's military reported": a country's forces report
_FORCES_REPORT = re.compile(
    r"(?i)(?:['’]s?)?\s+(?:army|military|armed\s+forces|defen[cs]e\s+ministry|defen[cs]e\s+forces"
    r"|general\s+staff|ministry\s+of\s+defen[cs]e)\s+(?:has\s+|had\s+|have\s+)?(?:said|says"
    r"|reported|reports|announced|announces|confirmed|confirms|stated|admitted|admits)\b"
)


def _own_forces_report(ctx: Ctx) -> str | None:
    """'Fifty-seven soldiers fell with honour and 23 were wounded, ... the Burkina Faso army
    said': soldiers whose losses a country's own forces report are that country's."""
    if ctx.q.kind == "count" and ctx.q.unit.split()[-1] not in _SOLDIERS:
        return None
    ps, pe = ctx.paragraph
    lo, hi = max(ps, ctx.q.start - REACH), min(pe, ctx.q.end + REACH)  # (reach, not paragraph)
    for m in ctx.entities.within(lo, hi):
        if is_country(m.code) and _FORCES_REPORT.match(ctx.text, m.end, min(pe, m.end + 60)):
            if ctx.q.kind == "count":
                return m.code
            draft = next(ctx.facts_back(ps, limit=NEIGHBOURS), None)  # "... and 23 were wounded"
            if draft is not None and draft.quantity.unit.split()[-1] in _SOLDIERS:
                return m.code
    return None


def _place_of_harm(ctx: Ctx, event: EventMention | None = None) -> str | None:
    """'Nearly 9,000 people died in the April 2015 earthquake in Nepal', 'killed in Gaza': with
    no sufferer named, the country where the harm happened (named after 'in' in the sentence)."""
    s, e = ctx.sentence
    named = [m for m in ctx.entities.within(s, e) if is_country(m.code)]
    for m in named:
        if ctx.q.end <= m.start <= ctx.q.end + 30 and _FIGURE_IN.fullmatch(
            ctx.text, ctx.q.end, m.start
        ):
            return m.code
    found = _place_in(ctx, named, s, e)
    if found is not None:
        return found
    before = [m for m in named if m.end <= ctx.q.start]
    if before and _IN_THE_COUNTRY.match(ctx.text, ctx.q.end, min(e, ctx.q.end + 40)):
        return before[-1].code  # "aid to Türkiye ... which killed 50,000 people in the country"
    if event is not None and not s <= event.start < e:
        # "Cyclone Nargis struck Myanmar's delta in May 2008. The storm left ...": where the
        # sentence that named the event says it struck
        es, ee = ctx.layout.sentence(event.start)
        ee = min(ee, es + REACH)
        there = [m for m in ctx.entities.within(es, ee) if is_country(m.code)]
        return _place_in(ctx, there, es, ee)
    return None


def _place_in(ctx: Ctx, named: list[Mention], s: int, e: int) -> str | None:
    """The first country of `named` that the sentence s..e places something in ('in Nepal',
    'struck central Myanmar', 'off Pylos, Greece', "Spain's deadliest disaster"); else the
    country of the first province or state it places something in ('in Zamfara state',
    'floods in Rio Grande do Sul')."""
    for m in named:
        if _IN_PLACE.search(ctx.text, max(s, m.start - 40), m.start) or (
            m.possessive and _WORST_AFTER.match(ctx.text, m.end - 2, min(e, m.end + 30))
        ):
            return m.code
    for p in places_in(ctx.text, s, e):
        if _IN_PLACE.search(ctx.text, max(s, p.start - 40), p.start) or _UNIT_AFTER.match(
            ctx.text, p.end, min(e, p.end + 20)
        ):
            return p.code
    return None


# "Lebanon's health ministry said", "Iranian officials said", "according to Nigeria's
# emergency agency": a country's civil authorities reporting a toll report it at home
_AUTHORITY = (
    r"(?:(?:[A-Z][\w-]*|national|state|federal|local|provincial|regional|civil|health"
    r"|interior|emergency|disaster|public)\s+){0,4}?"
    r"(?:ministry|officials?|authorities|police|government|civil\s+defen[cs]e|agency"
    r"|authority|services|red\s+crescent|red\s+cross)\b"
)
_AUTHORITY_SAID = re.compile(
    rf"(?:['’]s?)?\s+(?i:{_AUTHORITY})(?:\s+(?:of\s+)?[A-Z][\w()-]*){{0,4}}?\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:said|says|reported|reports|announced|confirmed|stated"
    r"|put\s+the|told|recorded|registered)\b"
)
_ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\s+(?:the\s+)?$")
_AUTHORITY_AFTER = re.compile(rf"(?:['’]s?)?\s+(?i:{_AUTHORITY})")


def _reporting_authority(ctx: Ctx) -> str | None:
    """The country whose authorities report the figure, in its sentence: "Lebanon's Ministry of
    Public Health reported that 3,961 people had been killed", "..., Iranian officials said"."""
    s, e = ctx.sentence
    for m in ctx.entities.within(s, e):
        if not is_country(m.code):
            continue
        if _AUTHORITY_SAID.match(ctx.text, m.end - (2 if m.possessive else 0), min(e, m.end + 90)):
            return m.code
        if _ACCORDING_TO.search(ctx.text, max(s, m.start - 20), m.start) and (
            _AUTHORITY_AFTER.match(ctx.text, m.end - (2 if m.possessive else 0), e)
        ):
            return m.code
    return None


# "Egypt, which reported 672 deaths among its citizens", "Italy reported about 20,000 excess
# deaths": a country reporting a toll reports its own
_COUNTRY_REPORTED = re.compile(
    r"(?:\s*,\s*which|\s+(?:itself|alone|also))?\s+(?:has\s+|had\s+|have\s+)?(?:reported|recorded"
    r"|registered|confirmed|counted|announced|logged)\s+(?:a\s+total\s+of\s+)?"
    # "France was hardest hit, with 14,802 heat-related deaths"
    r"|\s+(?:was|were)\s+(?:the\s+)?(?:hardest|worst|most\s+badly)[\s-]+(?:hit|affected)\s*,?\s+"
    r"with\s+(?:some\s+|about\s+|around\s+|at\s+least\s+|more\s+than\s+)?$"
)


def _country_reporting(ctx: Ctx) -> str | None:
    s, _ = ctx.sentence
    named = [m for m in ctx.entities.within(max(s, ctx.q.start - 60), ctx.q.start)]
    if not named or not is_country(named[-1].code) or named[-1].possessive:
        return None
    last = named[-1]
    if _COUNTRY_REPORTED.fullmatch(ctx.text, last.end, ctx.q.start):
        return last.code
    return None


def _dateline_country(ctx: Ctx) -> str | None:
    """'QUETTA, Pakistan - A suicide bomber struck ...': a toll whose text names no country
    where it happened is the dateline's (not where the sentence names another country: the
    story may be filed from elsewhere)."""
    context = ctx.frame.context
    if context is None or context.country is None:
        return None
    s, e = ctx.sentence
    if any(is_country(m.code) and m.code != context.country for m in ctx.entities.within(s, e)):
        return None
    return context.country


_WERE = re.compile(r"(?i)\s+(?:were|was)\s+(?:(?:ethnic|mostly|mainly|largely)\s+)?")


_LOSSES_OF = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,2}(?:losses|casualties|deaths|dead|death\s+toll)\b[^.;\d]{0,50}$"
)
_DIED_IN = re.compile(
    r"(?i)\b(?:died|perished|were\s+killed|was\s+killed|starved|lost\s+their\s+lives)\s+in\s+"
    r"(?:the\s+)?$"
)


_HARM_RIGHT_AFTER = re.compile(
    r"(?i)^[\s,]+(?:(?:were|was|had|have|has|are|been|being|reportedly|also|all|of\s+them)\s+)*"
    rf"(?P<h>{HARM_CUE.pattern.removeprefix('(?i)')})"
)


# "over 1,000 more than in 2023", "up from 2022": a year compared with, not the harm's
_BASELINE_YEAR = re.compile(r"(?i)\b(?:than|from|compared\s+(?:with|to))\s+(?:in\s+)?$")


def _year(ctx: Ctx, event: EventMention | None) -> int | None:
    """When the harm happened: a year in the event's name; else a year the sentence states
    ('in July 1995', 'by December 1945'), the nearest before the figure first; else a year
    written beside the event's name ('the 1995 Srebrenica genocide', 'the Bengal famine of
    1943'); else the year carried from the last casualty fact."""
    if event is not None:
        named = A_YEAR.search(event.name)
        if named:
            return int(named.group())
        if event.year is not None:  # the events table knows when it happened
            return event.year
    s, e = ctx.sentence
    years = [
        m
        for m in A_YEAR.finditer(ctx.text, s, e)
        if not _inside_figure(ctx, m.start())
        and not _BASELINE_YEAR.search(ctx.text, max(s, m.start() - 20), m.start())
    ]
    before = [m for m in years if m.start() < ctx.q.start]
    if before or years:
        return int((before[-1] if before else years[0]).group())
    if event is not None:
        near = A_YEAR.search(ctx.text, max(0, event.start - 8), min(len(ctx.text), event.end + 12))
        if near:
            return int(near.group())
        es, ee = ctx.layout.sentence(event.start)
        if es != s:  # "Cyclone Nargis struck Myanmar in May 2008. The storm left ...": the year
            stated = A_YEAR.search(ctx.text, es, min(ee, es + REACH))  # of the event's sentence
            if stated and not any(q.start <= stated.start() < q.end for q in _figures(ctx, es, ee)):
                return int(stated.group())
    carried = ctx.carried("year", family="casualties")
    return int(carried) if carried is not None else None


def _figures(ctx: Ctx, lo: int, hi: int) -> list[Quantity]:
    i = bisect_left(ctx.number_starts, lo)
    out: list[Quantity] = []
    while i < len(ctx.quantities) and ctx.quantities[i].number_start < hi and len(out) < 50:
        out.append(ctx.quantities[i])
        i += 1
    return out


def _inside_figure(ctx: Ctx, pos: int) -> bool:
    return any(q.start <= pos < q.end for _, q in ctx.sentence_quantities())


_BLOOD_BEFORE = re.compile(r"(?i)\bblood\s+of\s+(?:the\s+|some\s+|an\s+estimated\s+)?$")
_ON_HANDS = re.compile(r"(?i)[^.;]{0,40}?\bon\s+(?:its|their|his|her|our|your|my)\s+hands\b")


def _blood_on_hands(ctx: Ctx) -> str | None:
    """The idiom for responsibility for deaths: 'the blood of 25 million Soviet citizens are on
    its hands', 'with the blood of 3,000 protesters on their hands'."""
    before = ctx.text[max(ctx.sentence[0], ctx.q.start - 30) : ctx.q.start]
    if _BLOOD_BEFORE.search(before) and _ON_HANDS.match(ctx.text, ctx.q.end):
        return "killed"
    return None


def _number_of_harm(ctx: Ctx) -> str | None:
    """'The number of civilians who died from hunger ... is estimated to be around 900,000':
    for a figure named by 'the number of ...', the harm said of those counted."""
    if ctx.q.rule != "count.number_of":
        return None
    lead = ctx.text[max(ctx.sentence[0], ctx.q.start - 300) : ctx.q.start]
    found = list(HARM_CUE.finditer(lead))
    return HARM[re.sub(r"\s+", " ", found[-1].group().lower())] if found else None


def _head(q: Quantity) -> str:
    """The counted noun as written, singular ('deaths' -> death), else the unit."""
    if q.noun_phrase:
        return singular(q.noun_phrase.split()[-1])
    return q.unit.lower()


def _toll_continued(ctx: Ctx) -> Draft | None:
    """'The number of victims is estimated at about 22,000 ... About 8,000 were officers': a
    count of people right after casualty figures of the same paragraph continues them (the
    draft it continues, else None)."""
    ps, _ = ctx.paragraph
    for i in ctx.back(8):
        if ctx.quantities[i].start < ps:
            return None
        draft = ctx.drafts[i]
        if draft is not None:
            return draft if draft.family == "casualties" else None
    return None


def _aside_of_toll(ctx: Ctx) -> dict[str, Any] | None:
    """'more than 10 million civilians, mostly Chinese (estimated at 7.5 million), were
    killed': a figure in brackets right after a casualty count counts the same people."""
    found = ctx.previous_in_sentence("casualties")
    if found is None:
        return None
    draft, gap = found
    if "(" not in gap or len(gap) > 40 or ")" in gap:
        return None
    fields = {k: v for k, v in draft.fields.items() if k in ("event", "harm", "subject")}
    fields["_unit"] = "person"
    # "..., mostly Chinese (estimated at 7.5 million)": the people the aside counts
    named = [
        m
        for m in ctx.entities.within(draft.quantity.end, ctx.q.start)
        if is_country(m.code) and m.start > ctx.q.start - len(gap)
    ]
    if named:
        fields["subject"] = named[-1].code
    return fields


def _disputed_toll(ctx: Ctx) -> dict[str, Any] | None:
    """'killed some 35,000 people, a figure far lower than the 200,000 claimed by wartime
    propaganda': a figure with no noun that restates or disputes a casualty count of the same
    sentence counts the same people."""
    for i, _ in reversed(ctx.sentence_quantities()):
        draft = ctx.drafts[i] if i < ctx.index else None
        if draft is None or draft.family != "casualties" or draft.quantity.kind != "count":
            continue
        if not COMPARED_ESTIMATE.search(ctx.text[draft.quantity.end : ctx.q.start]):
            return None
        own = _sufferer(ctx)
        if own is not None and own != draft.fields.get("subject"):
            return None  # "..., while China's official figure for its own dead is": others' dead
        fields = {
            k: v for k, v in draft.fields.items() if k in ("event", "harm", "year", "subject")
        }
        fields["_unit"] = "person" if draft.quantity.unit in GENERAL_PERSON else draft.quantity.unit
        return fields
    return None


# The gap between a casualty count and a bare figure that goes on counting the same kind of
# people: a baseline ("41,156, up from 35,418"), a gapped list ("4,809 deaths, followed by
# Sierra Leone with 3,955 and Guinea with 2,536", "eight deaths and Mali six", "1.07 million
# deaths in Russia, 1.03 million in Indonesia"), the other end of a range told again ("a range of
# 13.3 million to 16.6 million")
_TOLL_GOES_ON = re.compile(
    r"(?i)\)?[^.;:!?%()]{0,60}?(?:"
    r"(?:,\s*|\s+)(?:up|down)\s+from\s+"
    r"|(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+followed\s+by\s+|,?\s+then\s+)"
    r"(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}(?:\s+with\s+|\s*\(\s*|\s+)"
    r"|,?\s+(?:with\s+)?a\s+range\s+of(?:\s+from)?\s+"
    r")$"
)  # (the figure's span holds its qualifier words: the gap ends before "some", "about")
# "killed more than 59,000 people — over 50,000 in Türkiye and about 8,500 in Syria": items
# with no name before them, each placed by the country right after it
_BARE_LIST_GAP = re.compile(
    r"(?i)[^.;:!?%()]{0,40}?(?:\s*[—–]\s*|,\s*(?:and\s+)?|\s+and\s+)$"
)


def _country_right_after(ctx: Ctx) -> str | None:
    """'over 50,000 in Türkiye': the country a figure is placed in right after it."""
    for m in ctx.entities.within(ctx.q.end, min(ctx.sentence[1], ctx.q.end + 40)):
        if is_country(m.code) and _FIGURE_IN.fullmatch(ctx.text, ctx.q.end, m.start):
            return m.code
        break
    return None


# "India accounted for an estimated 4.7 million", "Russia (1.07 million) and Indonesia (1.03
# million) were next": a country's share of the toll just told, in the next sentence
_COUNTRY_SHARE_BEFORE = re.compile(
    r"(?i)(?:\s*\(\s*|\s+(?:alone\s+)?accounted\s+for\s+)$"
)


def _toll_goes_on_by_country(ctx: Ctx) -> dict[str, Any] | None:
    """A bare figure a country opens or brackets, in the sentence after casualty figures of
    its paragraph: that country's part of the toll (the toll's event and harm)."""
    s, _ = ctx.sentence
    before = ctx.entities.within(max(s, ctx.q.start - 40), ctx.q.start)
    if not before or not is_country(before[-1].code):
        return None
    if not _COUNTRY_SHARE_BEFORE.fullmatch(ctx.text, before[-1].end, ctx.q.start):
        return None
    draft = _toll_continued(ctx)
    if draft is None or draft.quantity.start >= s:
        return None
    fields = {k: v for k, v in draft.fields.items() if k in ("event", "harm", "year")}
    fields["subject"] = before[-1].code
    fields["_unit"] = "person"
    return fields


def _toll_goes_on(ctx: Ctx) -> dict[str, Any] | None:
    """A bare figure right after a count of people harmed in its sentence, joined to it as its
    baseline, as the next item of a list with the noun left out, or as a range: the same
    people, harm and event; the country the gap names, else the count's."""
    found = ctx.previous_in_sentence("casualties")
    if found is None:
        return _toll_goes_on_by_country(ctx)
    draft, gap = found
    if draft.quantity.kind not in ("count", "number"):
        return None
    placed = _country_right_after(ctx)
    if not _TOLL_GOES_ON.fullmatch(gap) and not (placed and _BARE_LIST_GAP.fullmatch(gap)):
        return None
    fields = {k: v for k, v in draft.fields.items() if k in ("event", "harm", "subject", "year")}
    if re.search(r"(?i)\b(?:up|down)\s+from\b", gap):
        fields.pop("year", None)  # a baseline is another time's count
    named = [
        m for m in ctx.entities.within(ctx.q.start - len(gap), ctx.q.start) if is_country(m.code)
    ]
    if placed:
        fields["subject"] = placed
    elif named:
        fields["subject"] = named[-1].code
    whole = draft.refs.get("part_of")
    if whole is not None and ctx.drafts[whole] is not None:
        # "killed 1,739 people, including 647 children, and injured 12,867": the noun of the
        # whole, not of the part listed under it
        draft = ctx.drafts[whole] or draft
    unit = draft.quantity.unit
    general = unit in GENERAL_PERSON or draft.quantity.kind == "number"
    fields["_unit"] = "person" if general else unit
    return fields


def _governing_harm(ctx: Ctx) -> str | None:
    """The harm that governs a figure with no noun: a harm word just before it ('killed
    between 2.5 million and 3 million') or right after it, across auxiliaries only ('1,400
    were killed', '140,000 had died') -- never one further on ('one million is for Ukrainians
    displaced ...')."""
    after = ctx.after()
    m = _HARM_RIGHT_AFTER.match(after)
    if m is not None and m.start("h") <= 1:  # "killed and 8 wounded": the word right after
        return HARM[re.sub(r"\s+", " ", m.group("h").lower())]
    before = list(HARM_CUE.finditer(ctx.before()))
    if before and len(ctx.before()) - before[-1].end() < 25:
        return HARM[re.sub(r"\s+", " ", before[-1].group().lower())]
    return HARM[re.sub(r"\s+", " ", m.group("h").lower())] if m else None


def _harm(ctx: Ctx) -> str | None:
    before = list(HARM_CUE.finditer(ctx.before()))
    if before and len(ctx.before()) - before[-1].end() < 40:
        return HARM[re.sub(r"\s+", " ", before[-1].group().lower())]
    after = HARM_CUE.search(ctx.after())
    if after and after.start() < 40:
        return HARM[re.sub(r"\s+", " ", after.group().lower())]
    # "10 million civilians, mostly Chinese (estimated at 7.5 million), were killed by ...":
    # the passive verb of the clause, further on
    _, e = ctx.sentence
    passive = _PASSIVE_HARM.search(ctx.text, ctx.q.end, min(e, ctx.q.end + 120))
    if passive and not re.search(r"[.;!?](?:\s|$)", ctx.text[ctx.q.end : passive.start()]):
        return HARM[re.sub(r"\s+", " ", passive.group("h").lower())]
    return None


_PASSIVE_HARM = re.compile(
    r"(?i)\b(?:were|was|had\s+been|have\s+been|has\s+been|are|being|had)\s+(?:\w+\s+)?"
    rf"(?P<h>{HARM_CUE.pattern.removeprefix('(?i)')})"
)
_ESTIMATE_OF = re.compile(
    r"(?i)\b(?:estimates?|figures?|numbers?|counts?|tolls?)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:total\s+)?(?:dead|deaths|victims|casualties|killed|losses|the\s+massacre|the\s+genocide)"
    r"\b[^.;]{0,90}$|\b(?:casualt\w+|death)\s+(?:estimates?|figures?|tolls?)\b[^.;]{0,50}$"
)


def match_casualties(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    if q.kind == "number":
        # "the death toll ranges from 40,000 to 300,000", "At least 1,400 were killed",
        # "estimates of total deaths range from ...": a figure with no noun, governed by a
        # toll or a harm, counts people
        # (the words since the figure before: "The death toll in Sudan's war since April 2023
        # is officially put at around 20,000")
        label = _TOLL_BEFORE.search(
            ctx.text, max(ctx.sentence[0], q.start - 150, q.start - len(ctx.before())), q.start
        )
        harm_near = _governing_harm(ctx)
        aside = _aside_of_toll(ctx) or _disputed_toll(ctx)
        if aside is not None:
            return aside
        if label is None and harm_near is None:
            goes_on = _toll_goes_on(ctx)
            if goes_on is not None:
                return goes_on
        if label is None and harm_near is None and not _ESTIMATE_OF.search(ctx.before()):
            return None
        event = _event(ctx)
        labelled = label.group("label") if label else None
        harm_word = HARM.get(labelled.lower(), "died") if labelled else (harm_near or "died")
        toll: dict[str, Any] = {"_unit": "person", "harm": harm_word}
        if event:
            toll["event"] = event.name
        elif ctx.carried("event", family="casualties") is not None:
            toll["event"] = ctx.carried("event", family="casualties")
        toll.update(_when_and_whose(ctx, event))
        return toll
    if q.kind == "count":
        if q.unit.lower() not in PERSON_UNITS:
            return None
        total = total_before_including(ctx)
        parent = ctx.drafts[total] if total is not None else None
        if parent is not None and parent.family == "casualties":
            # "lost 27 million people, including 8.7 million soldiers"
            part: dict[str, Any] = {
                k: v for k, v in parent.fields.items() if k in ("event", "harm", "subject", "year")
            }
            if q.noun_phrase:
                part["victims"] = q.noun_phrase
            if q.unit.lower() in GENERAL_PERSON:
                part["_unit"] = "person"
            part["_part_of"] = total
            return part
        harm = _harm(ctx) or NOUN_HARM.get(_head(q)) or _blood_on_hands(ctx) or _number_of_harm(ctx)
        continued = _toll_continued(ctx) if harm is None else None
        if continued is not None:
            harm = continued.fields.get("harm")
        if harm is None and continued is None and not ctx.has(TOLL_CUE):
            return None
        event = _event(ctx)
        fields: dict[str, Any] = {}
        if event:
            fields["event"] = event.name
        else:  # "... during the war. The largest portion of military dead were ...": the frame's
            carried = ctx.carried("event", family="casualties")
            if carried is not None:
                fields["event"] = carried
        if harm:
            fields["harm"] = harm
        fields.update(_when_and_whose(ctx, event))
        if q.noun_phrase:
            fields["victims"] = q.noun_phrase
        if q.unit.lower() in GENERAL_PERSON:
            fields["_unit"] = "person"
        return fields
    if q.kind == "percent":
        # "about 3 percent of the estimated two billion people alive in 1939 would die by
        # force": a share of people that the clause says died
        clause = ctx.text[q.end : min(ctx.sentence[1], q.end + 140)]
        cut = re.search(r"[.;!?](?:\s|$)", clause)
        clause = clause[: cut.start()] if cut else clause
        verb = _SHARE_HARMED.search(clause)
        if not clause.lstrip().startswith("of") or verb is None:
            return None
        share: dict[str, Any] = {"harm": HARM.get(verb.group("h").lower(), "died")}
        event = _event(ctx)
        if event:
            share["event"] = event.name
        return share
    if q.kind == "duration":
        s, e = ctx.sentence
        named = [ev for ev in ctx.entities.events_within(s, e) if ev.kind in EVENT_KINDS]
        lasted = _LASTED.search(ctx.text, max(s, q.start - 30), q.start)
        if not named or not (ctx.has(HARM_CUE) or ctx.has(TOLL_CUE) or lasted):
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
        # a part listed under a toll has the toll's year; a bare figure after the part counts
        # the whole's people
        Example(
            "The 2010 Haiti earthquake killed 160,000 people, including 4,000 children, and "
            "injured 300,000.",
            "4,000 children",
            {"family": "casualties", "subject": "HT", "year": 2010},
        ),
        Example(
            "The 2010 Haiti earthquake killed 160,000 people, including 4,000 children, and "
            "injured 300,000.",
            "300,000",
            {"unit": "person", "family": "casualties", "year": 2010},
        ),
        Example(
            "During the Srebrenica massacre, Bosnian Serb forces killed more than 8,000 Muslim "
            "men and boys.",
            "more than 8,000 Muslim men",
            {
                "value": 8000,
                "unit": "person",
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
                "unit": "person",
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
            {"value": 1000, "unit": "person", "harm": "casualties", "family": "casualties"},
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
        Example(
            "Between 1.2 million and 1.5 million people were killed in the Armenian genocide; "
            "other estimates (put at 600,000) are lower.",
            "Between 1.2 million and 1.5 million people",
            {"min": 1200000, "max": 1500000, "unit": "person", "harm": "killed"},
        ),
        Example(
            "The famine of 1921 caused some five million deaths along the Volga.",
            "some five million deaths",
            {"value": 5000000, "unit": "person", "harm": "died", "year": 1921},
        ),
        Example(
            "The junta has the blood of 3,000 protesters on its hands, activists say.",
            "3,000 protesters",
            {"value": 3000, "family": "casualties", "harm": "killed"},
        ),
        Example(
            "At least 1,400 were killed when the dam burst in 1979.",
            "At least 1,400",
            {
                "value": 1400,
                "unit": "person",
                "qualifier": "at_least",
                "harm": "killed",
                "year": 1979,
            },
        ),
        Example(
            "Imperial Russia lost about 1.8 million soldiers in the First World War.",
            "about 1.8 million soldiers",
            {"unit": "soldier", "subject": "RU", "family": "casualties"},
        ),
        Example(
            "Poland lost some six million citizens during the war, most of them under Nazi "
            "occupation.",
            "some six million citizens",
            {"unit": "person", "event": "World War II", "subject": "PL"},
        ),
        Example(
            "During the Irish Famine about 12 percent of the island's people died of hunger "
            "or disease.",
            "about 12 percent",
            {"unit": "percent", "family": "casualties", "harm": "died"},
        ),
        # whose losses: named in the counted phrase, as a country's own count, or the side
        # a battle cost (never an ethnicity inside a state's losses)
        Example(
            "Around 45,000 Canadians died in the Second World War.",
            "Around 45,000 Canadians",
            {"family": "casualties", "subject": "CA", "event": "World War II"},
        ),
        Example(
            "The Ethiopian–Eritrean War killed some 80,000 people. Eritrea put its own military "
            "dead at about 19,000.",
            "about 19,000",
            {"family": "casualties", "subject": "ER", "event": "Ethiopian–Eritrean War"},
        ),
        Example(
            "The offensive cost the British and French armies some 600,000 casualties.",
            "some 600,000 casualties",
            {"family": "casualties", "subject": ["GB", "FR"]},
        ),
        # a storm named kind first, referred back to, with the year of its own sentence
        Example(
            "Typhoon Haiyan struck the Philippines in November 2013. The storm left more than "
            "6,300 people dead.",
            "more than 6,300 people",
            {"family": "casualties", "event": "Typhoon Haiyan", "year": 2013},
        ),
        # a country in the name of a famine, genocide or disaster (not a war's)
        Example(
            "The Cambodian genocide killed about 1.7 million people between 1975 and 1979.",
            "about 1.7 million people",
            {"family": "casualties", "subject": "KH", "event": "Cambodian genocide"},
        ),
        Example(
            "Ethiopia's Great Famine killed up to one million people.",
            "up to one million people",
            {"family": "casualties", "subject": "ET"},
        ),
        Example(
            "The Korean War killed some three million people.",
            "some three million people",
            {"family": "casualties", "event": "Korean War", "subject": None},
        ),
        # the event the frame holds, for a figure whose sentence names none
        Example(
            "Yugoslavia lost about one million people in World War II. Among the dead were "
            "some 300,000 partisans.",
            "some 300,000 partisans",
            {"family": "casualties", "event": "World War II"},
        ),
        # an attack named like a disaster; nationals, hostages and refugees are people
        Example(
            "The 2016 Brussels bombings killed 32 people, including 15 foreign nationals.",
            "15 foreign nationals",
            {"family": "casualties", "unit": "person", "event": "2016 Brussels bombings"},
        ),
        # where the harm happened: the place right after the figure, a region of a country,
        # a town and its country, the country a disaster was the worst of
        Example(
            "Floods killed 41 people in Kenya and 12 in Tanzania over the weekend.",
            "12",
            {"family": "casualties", "subject": "TZ"},
        ),
        Example(
            "A landslide that hit northern Peru on Sunday killed 30 villagers.",
            "30 villagers",
            {"family": "casualties", "subject": "PE"},
        ),
        Example(
            "A boat carrying migrants sank near Lampedusa, Italy, and 41 people drowned.",
            "41 people",
            {"family": "casualties", "subject": "IT"},
        ),
        Example(
            "The February earthquake, Turkey's deadliest disaster in a century, killed more "
            "than 50,000 people.",
            "more than 50,000 people",
            {"family": "casualties", "subject": "TR"},
        ),
        # "in the country": the country the sentence named before
        Example(
            "The EU sent €20 million in relief to Morocco after the earthquake, which killed "
            "nearly 3,000 people in the country.",
            "nearly 3,000 people",
            {"family": "casualties", "subject": "MA"},
        ),
        # the country the sentence that named the event says it struck
        Example(
            "Typhoon Haiyan struck the Philippines' central islands in November 2013. The storm "
            "left more than 6,300 people dead.",
            "more than 6,300 people",
            {"family": "casualties", "subject": "PH", "year": 2013},
        ),
        # a disputed figure counts the same people; another country's own count does not
        Example(
            "The 2004 tsunami killed 35,000 people in Sri Lanka, though aid groups put the "
            "toll closer to 40,000.",
            "closer to 40,000",
            {"family": "casualties", "subject": "LK", "unit": "person"},
        ),
        Example(
            "The war killed 4,500 American troops, while Iraq's official figure for its own dead "
            "is 20,000.",
            "20,000",
            {"family": "casualties", "subject": "IQ"},
        ),
        # the people an aside in brackets counts
        Example(
            "Some 5 million civilians, mostly Poles (estimated at 3 million), were killed.",
            "estimated at 3 million",
            {"family": "casualties", "subject": "PL"},
        ),
        # service members are people; Soviet losses in millions in "the war" are the
        # Second World War's
        Example(
            "About 4,400 British service members died in the campaign.",
            "About 4,400 British service members",
            {"family": "casualties", "subject": "GB"},
        ),
        Example(
            "Historians put total Soviet losses in the war at 27 million people.",
            "27 million people",
            {"family": "casualties", "subject": "SU", "event": "World War II"},
        ),
        # events the text describes: a country's war, a disaster placed in a country
        Example(
            "Deaths in Somalia's civil war were estimated at 500,000 by 2012.",
            "estimated at 500,000",
            {"family": "casualties", "event": "Somalia's civil war", "subject": "SO"},
        ),
        Example(
            "The 2011 drought in Somalia killed some 260,000 people.",
            "some 260,000 people",
            {"family": "casualties", "event": "2011 drought in Somalia", "year": 2011},
        ),
        # a toll named further back in its clause
        Example(
            "The death toll in Myanmar's civil war since the 2021 coup is officially put at "
            "about 6,000.",
            "about 6,000",
            {"family": "casualties", "unit": "person", "event": "Myanmar's civil war"},
        ),
        # a year compared with is not the year of the harm
        Example(
            "At least 300 people were killed in clashes in Chad last year, 50 more than in 2022.",
            "At least 300 people",
            {"family": "casualties", "subject": "TD", "year": None},
        ),
        # soldiers whose losses a country's own forces report are that country's
        Example(
            "Militants attacked an outpost near the border. Twelve soldiers were killed and 8 "
            "wounded, the Niger army said.",
            "Twelve soldiers",
            {"family": "casualties", "subject": "NE"},
        ),
        Example(
            "Twelve soldiers were killed and 8 wounded, the Niger army said.",
            "8",
            {"family": "casualties", "subject": "NE"},
        ),
        # an incident named by its kind and place
        Example(
            "A raid by gunmen on the Kumba school killed at least seven children.",
            "at least seven children",
            {"family": "casualties", "event": "Kumba raid"},
        ),
        # a magnitude before the kind; the venue between the place and the kind
        Example(
            "The 6.8-magnitude earthquake that struck Morocco on 8 September 2023 killed nearly "
            "3,000 people.",
            "nearly 3,000 people",
            {"family": "casualties", "event": "2023 Morocco earthquake", "year": 2023},
        ),
        Example(
            "In the Orlando nightclub shooting, a gunman killed 49 people.",
            "49 people",
            {"family": "casualties", "event": "Orlando nightclub shooting"},
        ),
        # a disaster described by the place it struck; an invasion; an attack named by its date
        Example(
            "The cyclone that struck Chittagong on 29 April 1991 killed about 138,000 people.",
            "about 138,000 people",
            {"family": "casualties", "event": "1991 Chittagong cyclone", "year": 1991},
        ),
        Example(
            "The floods that swept through eastern Libya and Egypt left 4,000 people dead.",
            "4,000 people",
            {"family": "casualties", "event": "Libya–Egypt floods"},
        ),
        Example(
            "More than 900 civilians have been killed since Ethiopia's invasion of Somalia.",
            "More than 900 civilians",
            {"family": "casualties", "event": "Ethiopian invasion of Somalia"},
        ),
        Example(
            "The 7/7 bombings in London killed 52 people.",
            "52 people",
            {"family": "casualties", "event": "London bombings"},
        ),
        # "The death toll from ... has risen to": the toll's verb governs a figure far after it
        Example(
            "The death toll from the landslides that buried whole villages in the highlands "
            "last week has risen to more than 2,000, officials said.",
            "more than 2,000",
            {"family": "casualties", "unit": "person", "qualifier": "more_than"},
        ),
        # "Estimates of the dead ... range from": the label may stand a clause before
        Example(
            "Estimates of the dead in the purges that followed the failed coup of 1965 range "
            "from 500,000 to one million.",
            "from 500,000 to one million",
            {"family": "casualties", "unit": "person"},
        ),
        # an incident told by its verb and place, in the figure's sentence or the one before
        Example(
            "Militants stormed a police post outside Mandera, killing eight officers.",
            "eight officers",
            {"family": "casualties", "event": "Mandera attack"},
        ),
        Example(
            "Gunmen attacked an army checkpoint near Kidal. Twelve soldiers were killed.",
            "Twelve soldiers",
            {"family": "casualties", "event": "Kidal attack"},
        ),
        Example(
            "Floods killed 200 people near Guwahati in Assam.",
            "200 people",
            {"family": "casualties", "event": None},
        ),
        # a list whose verb is said once: the name right before each figure is whose
        Example(
            "The floods killed 900 people; Pakistan recorded 600 deaths, India some 200 and "
            "Nepal about 100.",
            "some 200",
            {"family": "casualties", "subject": "IN"},
        ),
        Example(
            "The March 11 bombings killed 193 people in Madrid. Among the dead were 14 "
            "firefighters.",
            "14 firefighters",
            {"family": "casualties", "event": "March 11 bombings", "harm": "died"},
        ),
        # where it happened, told by a province or state (ISO 3166-2), a place and its country,
        # the target of strikes, the reporting authority or the dateline
        Example(
            "Landslides in Kerala have killed 160 people.",
            "160 people",
            {"family": "casualties", "subject": "IN"},
        ),
        Example(
            "Bandits raided a village in Katsina state, northwestern Nigeria, killing 31.",
            "31",
            {"family": "casualties", "subject": "NG"},
        ),
        Example(
            "Drone strikes on eastern Syria killed 14 people overnight.",
            "14 people",
            {"family": "casualties", "subject": "SY"},
        ),
        Example(
            "The Hokkaido earthquake killed 41 people.",
            "41 people",
            {"family": "casualties", "subject": "JP", "event": "Hokkaido earthquake"},
        ),
        Example(
            "At least 19 people died after a bridge collapsed, Peru's civil defence agency said.",
            "At least 19 people",
            {"family": "casualties", "subject": "PE"},
        ),
        Example(
            "MOGADISHU, Somalia (AP) - A car bomb killed at least 22 people at a busy junction.",
            "at least 22 people",
            {"family": "casualties", "subject": "SO"},
        ),
        # a figure of no family between two tolls does not end the first one's place
        Example(
            "Monitors said 118 civilians were killed in Haiti in May, the worst month in two "
            "years. Since 2023 they have recorded 4,700 civilians killed.",
            "4,700 civilians",
            {"family": "casualties", "subject": "HT"},
        ),
        # disasters named by place, venue and kind
        Example(
            "The Soma mine disaster killed 301 miners.",
            "301 miners",
            {"family": "casualties", "event": "Soma mine disaster"},
        ),
        Example(
            "The Hatfield train collision killed four people.",
            "four people",
            {"family": "casualties", "event": "Hatfield train collision"},
        ),
        Example(
            "The Russian heatwave of July 2010 killed about 55,000 people.",
            "about 55,000 people",
            {"family": "casualties", "event": "Russian heatwave", "year": 2010},
        ),
        # the country that reports the toll, or that was hardest hit
        Example(
            "The heatwave killed thousands across Europe. Spain was hardest hit, with 6,200 "
            "excess deaths; Portugal reported about 2,100.",
            "6,200 excess deaths",
            {"family": "casualties", "subject": "ES"},
        ),
        Example(
            "At least 900 pilgrims died of heat during the Hajj. Jordan, which reported 41 deaths "
            "among its citizens, opened an inquiry.",
            "41 deaths",
            {"family": "casualties", "subject": "JO"},
        ),
        Example(
            "The death toll from Chile's strongest earthquake in decades rose to 320.",
            "320",
            {"family": "casualties", "subject": "CL"},
        ),
        Example(
            "NAIROBI (Reuters) - Fighting in Sudan's west killed 40 people, officials said.",
            "40 people",
            {"family": "casualties", "subject": "SD"},
        ),
        # a country's part of the toll just told, in the next sentence
        Example(
            "The 2004 heatwave caused some 70,000 excess deaths across Europe. France accounted "
            "for an estimated 19,500, and Italy (20,000) and Spain (15,000) were next.",
            "an estimated 19,500",
            {"family": "casualties", "subject": "FR", "unit": "person"},
        ),
        Example(
            "The 2004 heatwave caused some 70,000 excess deaths across Europe. France accounted "
            "for an estimated 19,500, and Italy (20,000) and Spain (15,000) were next.",
            "15,000",
            {"family": "casualties", "subject": "ES", "unit": "person"},
        ),
        # an epidemic named by its disease and spread
        Example(
            "The 2014 Ebola outbreak killed more than 11,000 people in Guinea, Liberia and "
            "Sierra Leone.",
            "more than 11,000 people",
            {"family": "casualties", "event": "2014 Ebola outbreak", "year": 2014},
        ),
        # a country's own count, its share of the victims, its citizens among them
        Example(
            "The Vietnam War killed millions. Hanoi's official figure is 1.1 million killed.",
            "1.1 million",
            {"family": "casualties", "subject": "VN", "event": "Vietnam War"},
        ),
        Example(
            "Floods across Southeast Asia killed more than 600 people this week. Malaysia "
            "accounted for the largest number of victims, at least 230, officials said.",
            "at least 230",
            {"family": "casualties", "subject": "MY"},
        ),
        Example(
            "Heat killed hundreds of pilgrims in Mecca. Tunisia said 42 of its citizens had died.",
            "42",
            {"family": "casualties", "subject": "TN"},
        ),
        # a bare figure that goes on counting the people of the count before it
        Example(
            "The cyclone killed 1,212 people in Mozambique, up from 980 a day earlier.",
            "980",
            {"family": "casualties", "unit": "person", "subject": "MZ"},
        ),
        Example(
            "Haiti was hardest hit, with 2,248 deaths, followed by the Dominican Republic with "
            "416 and Cuba with 52.",
            "416",
            {"family": "casualties", "unit": "person", "subject": "DO"},
        ),
        Example(
            "Haiti was hardest hit, with 2,248 deaths, followed by the Dominican Republic with "
            "416 and Cuba with 52.",
            "52",
            {"family": "casualties", "unit": "person", "subject": "CU"},
        ),
        Example(  # a country and its figure in brackets
            "The cyclone killed about 1,300 people. Mozambique was the hardest hit, with more than "
            "600 dead, followed by Malawi (420) and Zimbabwe (280).",
            "280",
            {"family": "casualties", "unit": "person", "subject": "ZW"},
        ),
        Example(  # items placed by the country after them
            "The floods killed more than 1,700 people, about 1,100 in Libya and some 600 in "
            "Egypt, officials said.",
            "some 600",
            {"family": "casualties", "unit": "person", "subject": "EG"},
        ),
    ),
    counter_examples=(
        "The city has 300,000 residents and 40 schools.",
        "The summit lasted three days.",
    ),
)
