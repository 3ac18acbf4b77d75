"""Exercises: the strength of a military exercise, figure by figure."""

from __future__ import annotations

import itertools
import re
from datetime import date
from functools import cache
from typing import Any

from extractor.documents import find_date
from extractor.gazetteer import EventMention, Mention, events, gazetteer
from extractor.lexicon import trie_regex
from extractor.rules.attribution import (
    COMPARED_ESTIMATE,
    NOW,
    WRITTEN_DATE,
    is_country,
    stated_year,
    total_before_including,
)
from extractor.rules.base import Ctx, Example, Rule, cue

EXERCISE_CUE = cue(
    r"exercises?|drills?|war\s?games|wargames|manoeuvres|maneuvers|manoeuvre|maneuver"
)
MILITARY_UNITS = frozenset(
    """
    troop soldier serviceman servicewoman personnel participant marine sailor airman paratrooper
    tank
    aircraft warship ship vessel submarine helicopter jet fighter bomber vehicle infantry
    fighting vehicle armoured personnel carrier artillery system piece of hardware piece of
    equipment unit of equipment drone missile launcher observer ground range
    destroyer frigate corvette cruiser minesweeper minehunter tanker carrier boat transport
    platform member regular reservist reinforcement conscript
    """.split()
) | {
    "infantry fighting vehicle",
    "armoured personnel carrier",
    "artillery system",
    "piece of hardware",
    "piece of equipment",
    "unit of equipment",
    "training ground",
    "firing range",
    "fighter jet",
    "main battle tank",
    "attack helicopter",
    "transport aircraft",
}
_NAME_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")  # "Joint Sword-2024A" is of 2024
_MONTH_RANGE = re.compile(
    r"(?i)\b(?:from\s+)?(?P<mon>January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+(?P<d1>\d{1,2})\s*(?:to|-|–|until|and)\s*(?P<d2>\d{1,2})\b"
)
_LOCATION = re.compile(
    r"\b(?:in|across|near|off|over)\s+(?:the\s+)?(?P<loc>(?:[A-Z][\w'-]+)(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,3})"
)


_YEAR_AFTER = re.compile(
    r"\)?(?:[ \t]*\([A-Z]{2,10}\))?[ \t]*[-–]?[ \t]*((?:19|20)\d\d)(?![\d-])"
)  # "Steadfast Defender 2024", "Rim of the Pacific (RIMPAC) 2024", "(RIMPAC) 2024"


def _with_year(ctx: Ctx, event: EventMention, *, look_back: bool = True) -> EventMention:
    """'Steadfast Defender 2024', 'RIMPAC 2024': a series name followed by the edition's year;
    a later bare 'RIMPAC' is the edition the document named before."""
    if _NAME_YEAR.search(event.name):
        return event
    m = _YEAR_AFTER.match(ctx.text, event.end)
    if m is None:
        if look_back:
            for earlier in reversed(ctx.entities.events_within(0, event.start)):
                if earlier.kind == "exercise" and earlier.name.startswith(event.name):
                    dated = _with_year(ctx, earlier, look_back=False)
                    if dated is not earlier or _NAME_YEAR.search(earlier.name):
                        return EventMention(event.start, event.end, dated.name, event.kind)
            # a headline's bare "Balikatan" before the body's "Balikatan 2024": the one
            # edition the next paragraphs name
            last_paragraph = len(ctx.layout.paragraph_starts) - 1
            here = ctx.layout.paragraph_index(event.end)
            _, pe = ctx.layout.paragraph_at(min(last_paragraph, here + 1))
            later = {
                _with_year(ctx, ev, look_back=False).name
                for ev in ctx.entities.events_within(event.end, max(pe, event.end + 1))
                if ev.kind == "exercise" and ev.name.startswith(event.name)
            }
            dated_later = {name for name in later if _NAME_YEAR.search(name)}
            if len(dated_later) == 1 and later == dated_later:
                return EventMention(event.start, event.end, dated_later.pop(), event.kind)
        return event
    joiner = " " if " " in event.name else "-"
    return EventMention(event.start, m.end(), f"{event.name}{joiner}{m.group(1)}", event.kind)


# The figure's own clause names its exercise after it: "200,000 Moscow claimed for Zapad-2021",
# "12,000 took part in Trident Juncture"
_FOR_EVENT = re.compile(
    r"(?i)(?:\s+[\w-]+){0,5}?\s+(?:for|in|at|during|of)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?"
)


def _event(ctx: Ctx) -> EventMention | None:
    s, e = ctx.sentence
    here = [ev for ev in ctx.entities.events_within(s, e) if ev.kind == "exercise"]
    if here:
        # "Reforger ... with 125,000 participants - and Trident Juncture in 2018 with 50,000":
        # the exercise named last before the figure, else the first after it
        before = [ev for ev in here if ev.start < ctx.q.start]
        after = [ev for ev in here if ev.start >= ctx.q.end]
        if after and _FOR_EVENT.fullmatch(ctx.text, ctx.q.end, after[0].start):
            return _with_year(ctx, after[0])  # "the 200,000 Moscow claimed for Zapad-2021"
        # "Nordic Response 2024, the exercise that replaced Cold Response, brings together":
        # not the one it replaced; "Cobra Gold 2024, ... Asia's largest exercise": a dated
        # edition before a name without a year
        before = _preferred(ctx, before)
        # "The Malabar exercise ...; the 2024 edition featured eight ships": Malabar 2024
        return _other_edition(ctx, _with_year(ctx, before[-1] if before else here[0]))
    # "the previous Zapad exercise, in 2017": a known exercise name and a year in the sentence
    name = _known_name().search(ctx.text, s, e)
    year = re.search(r"\b(?:19|20)\d\d\b", ctx.sentence_text)
    if name:
        canonical = events().exercise_names[name.group()]
        label = f"{canonical}-{year.group()}" if year else canonical
        return EventMention(name.start(), name.end(), label, "exercise")
    # "the exercise involved ...": the exercise named most recently, within two paragraphs
    p = ctx.layout.paragraph_index(ctx.q.number_start)
    since = ctx.layout.paragraph_starts[max(0, p - 2)]
    last = _last_exercise_before(ctx, s, since)
    if last is not None:
        return _other_edition(ctx, _with_year(ctx, last))
    # "About 200,000 servicemen are at 14 training grounds ... Today the exercise "Zapad-2021"
    # has started": an exercise named later in the same paragraph
    _, pe = ctx.paragraph
    later = [ev for ev in ctx.entities.events_within(e, pe) if ev.kind == "exercise"]
    return _with_year(ctx, later[0]) if later else None


# "far fewer than the 200,000 Moscow claimed for Zapad-2021", "down from 12,700 in Zapad-2017":
def _preferred(ctx: Ctx, named: list[EventMention]) -> list[EventMention]:
    """The exercises of `named` (in text order) that may be the one a figure is about: not one
    named as the exercise another replaced ('Nordic Response 2024, the exercise that replaced
    Cold Response'); and when the last is an unknown name without a year ("Asia's largest
    exercise"), the dated editions named before it ('Cobra Gold 2024')."""
    if not named:
        return named
    kept = [
        ev
        for ev in named
        if not _REPLACED.search(ctx.text, max(0, ev.start - 30), ev.start)
    ] or named
    last = kept[-1]
    if _NAME_YEAR.search(last.name) or last.year is not None:
        return kept
    if last.name in events().exercise_names.values():
        return kept
    dated = [ev for ev in kept if ev.year is not None or _NAME_YEAR.search(ev.name)]
    return dated or kept


# an exercise named as the one another replaced: "that replaced Cold Response"
_REPLACED = re.compile(
    r"(?i)\b(?:replaced|replacing|replaces|succeeded|succeeds|successor\s+to|formerly|renamed"
    r"\s+from|previously\s+known\s+as|instead\s+of)\s+(?:the\s+)?$"
)
# an edition named only to compare with
_COMPARED_BEFORE = re.compile(
    r"(?i)\b(?:than|fraction\s+of|compared\s+(?:with|to)|down\s+from|up\s+from|versus|unlike"
    r"|previous|last\s+(?:held|staged))\b[^.;]{0,60}$"
)


def _last_exercise_before(ctx: Ctx, pos: int, since: int) -> EventMention | None:
    """The exercise a later sentence goes on about ('The drills will ...'): the last one named
    since `since`, passing over one named only to compare with when its sentence names
    another."""
    named = [ev for ev in ctx.entities.events_within(since, pos) if ev.kind == "exercise"]
    if not named:
        return None
    named = _preferred(ctx, named)
    last = named[-1]
    ls, _ = ctx.layout.sentence(last.start)
    if _COMPARED_BEFORE.search(ctx.text, max(ls, last.start - 80), last.start):
        same = [ev for ev in named if ev.start >= ls and ev is not last and ev.name != last.name]
        if same:
            return same[-1]
    return last


# "The previous edition, in 2022, involved ...", "the 2022 iteration drew ...": another year
# of the series named before
_EDITION_OF = re.compile(
    r"(?i)\b(?:edition|iteration)\b[^.;\d]{0,20}?\b((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s+(?:edition|iteration)\b"
)


_RELATIVE_EDITION = re.compile(
    r"(?i)\b(last|previous|next|coming)\s+year['’]s\s+(?:edition|iteration|exercises?|drills?)\b"
)


def _other_edition(ctx: Ctx, event: EventMention) -> EventMention:
    """The edition a sentence speaks of when it names another year of the exercise an earlier
    sentence named ('Pitch Black 2024 ... The previous edition, in 2022, involved 100
    aircraft' -> Pitch Black 2022)."""
    named = _NAME_YEAR.search(event.name)
    edition = _EDITION_OF.search(ctx.text, max(ctx.sentence[0], event.end), ctx.q.start)
    if edition is None:
        # "PANAMAX 2025 opened ... Last year's edition drew 20 nations": the year before
        relative = _RELATIVE_EDITION.search(ctx.text, max(ctx.sentence[0], event.end), ctx.q.start)
        if relative is None or named is None:
            return event
        shift = -1 if relative.group(1).lower() in ("last", "previous") else 1
        year = str(int(named.group()) + shift)
        name = event.name[: named.start()] + year + event.name[named.end() :]
        return EventMention(event.start, event.end, name, event.kind)
    year = edition.group(1) or edition.group(2)
    if named is None:  # a series named without a year: the edition's year joins it
        sep = events().series_sep.get(event.name, " ")
        return EventMention(event.start, event.end, f"{event.name}{sep}{year}", event.kind)
    if year == named.group():
        return event
    name = event.name[: named.start()] + year + event.name[named.end() :]
    return EventMention(event.start, event.end, name, event.kind)


@cache
def _known_name() -> re.Pattern[str]:
    # a trie: the names that match at a place are prefixes of one another, and it tries them
    # longest first, as the list sorted by length did, with one branch per letter
    names = sorted(events().exercise_names)
    return re.compile(r"\b(?:" + trie_regex(names) + r")\b(?![-\s]\d)")


_PARTICIPATION = cue(
    r"take part|took part|taking part|involv\w+|particip\w+|deploy\w*|join\w*"
    r"|contribut\w*|sen[dt]|sends|sending|dispatch\w*|commit\w*|field\w*|provid\w*"
    r"|train|trains|training|trained|observ\w*|attend\w*|host|hosts|hosted|hosting|drew|draws"
    r"|drawing|gather\w*|brought\s+together|brings\s+together|feature[sd]?|featuring"
    r"|of\s+(?:those|them|these|whom)"  # "Of those, some 33,000 personnel are from ..."
    r"|of\s+(?:that|this|the)\s+(?:number|total|figure)"  # "Of that number, 2,100 are ..."
    # "The Indian contingent comprising 120 personnel", "a contingent of 300 soldiers"
    r"|contingents?|detachments?|represented\s+by"  # "The Kyrgyz side is represented by 700"
)  # "The United States contributed around 4,500 troops" after the exercise is named
# Who takes part, counted in a sentence that goes on about an exercise: "observers from 23
# countries", "Seven nations are full participants"
_PARTICIPANT_UNITS = frozenset({"country", "nation", "state", "member state", "ally", "navy"})


# "12 Eurofighters", "six F-35 Lightnings"
_MODEL_NOUN = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?[A-Z][a-z]+s\b")


def _model_noun(ctx: Ctx) -> bool:
    """The figure counts things named by their model: a capitalised plural right after it."""
    return _MODEL_NOUN.match(ctx.text, ctx.q.number_end, ctx.q.end + 1) is not None


def _named_nearby(ctx: Ctx) -> bool:
    """An exercise was named in this paragraph or the one before it."""
    p = ctx.layout.paragraph_index(ctx.q.number_start)
    since = ctx.layout.paragraph_starts[max(0, p - 1)]
    return ctx.entities.last_event_before(ctx.sentence[0], since, ("exercise",)) is not None


_OF_THE_FORCES_COUNTED = re.compile(r"\s+of\s+(?:the|these|those|them)\b")


def _last_fact_is_exercise(ctx: Ctx) -> bool:
    last = next(ctx.facts_back(ctx.paragraph[0], limit=4), None)
    return last is not None and last.family == "exercise"


def _named_later_in_paragraph(ctx: Ctx) -> bool:
    """'About 200 000 servicemen are at 14 training grounds ... Today the active phase of the
    strategic exercise "Zapad-2021" has started.': an exercise named in the next sentence."""
    _, e = ctx.sentence
    _, pe = ctx.paragraph
    nxt_end = ctx.layout.sentence(e)[1] if e < pe else e
    return any(ev.kind == "exercise" for ev in ctx.entities.events_within(e, min(pe, nxt_end)))


def _dates_and_location(ctx: Ctx, event: EventMention) -> dict[str, Any]:
    s, e = ctx.layout.sentence(event.start)
    sentence = ctx.text[s:e]
    fields: dict[str, Any] = {}
    year_m = re.search(r"(?:19|20)\d\d", event.name)
    year = (
        int(year_m.group()) if year_m else (ctx.doc.published.year if ctx.doc.published else None)
    )
    m = _MONTH_RANGE.search(sentence)
    if m and year:
        found = find_date(f"{m.group('mon')} {m.group('d1')}, {year}")
        end = find_date(f"{m.group('mon')} {m.group('d2')}, {year}")
        if found and end:
            fields["dates"] = f"{found[0].isoformat()}/{end[0].isoformat()}"
    rest = ctx.text[event.end : e]
    loc = _LOCATION.search(rest)
    if loc and not re.match(r"(?:19|20)\d\d", loc.group("loc")):
        fields["location"] = loc.group("loc")
    return fields


def _edition_year(ctx: Ctx, event: EventMention | None) -> int | None:
    """The year of the edition: in its name (Vostok-2014 -> 2014), else stated in the sentence
    ("The Zapad exercises in 1981 involved ...")."""
    if event is not None:
        if event.year is not None:
            return event.year
        m = _NAME_YEAR.search(event.name)
        if m:
            return int(m.group())
        if event.end <= ctx.q.start and ctx.q.start - event.end < 80:
            between = _NAME_YEAR.findall(ctx.text, event.end, ctx.q.start)
            if between:  # "Trident Juncture in 2018 with 50,000 participants"
                return int(between[-1])
    year = stated_year(ctx)
    if year is None:  # "Keen Sword, held from Oct. 23 to Nov. 1, 2024, involved ..."
        dated = ctx.matches(WRITTEN_DATE)
        year = int(dated[-1].group("year")) if dated else None
    if year is None and event is not None and event.end <= ctx.sentence[0]:
        # "Exercise Lionheart was held in West Germany in September 1984. It involved ...":
        # the year the sentence naming the exercise gives it
        ee = ctx.layout.sentence(event.start)[1]
        when = _HELD_IN_YEAR.search(ctx.text, event.end, min(ee, event.end + 160))
        year = int(when.group(1)) if when else None
    if year is None and event is not None:
        # "... between 20 May and 31 May 2024. Morocco will deploy 1,500 troops": the year an
        # earlier figure of the same exercise was given in the paragraph (not another
        # paragraph's edition: "This year's Malabar exercise ...")
        if ctx.has(NOW) or _YEAR_WORD.search(ctx.sentence_text):
            return None
        for draft in ctx.facts_back(ctx.paragraph[0]):
            if draft.family == "exercise" and draft.fields.get("event") == event.name:
                found = draft.fields.get("year")
                if found is not None:
                    return int(found)
    return year


_YEAR_WORD = re.compile(r"(?i)\byear['’]?s?\b")
_HELD_IN_YEAR = re.compile(
    r"(?i)\b(?:held|staged|conducted|took\s+place|ran|carried\s+out)\b[^.;]{0,60}?\b(?:in|during)"
    r"\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
)


# "3,200 soldiers of the Chinese army", "5,000 members of the Armed Forces of the Philippines"
_OF_FORCES = re.compile(
    r"(?i)\s+(?:of|from)\s+(?:the\s+)?(?:(?:armed\s+forces|army|navy|air\s+force|military"
    r"|marine\s+corps|defen[cs]e\s+forces)\s+of\s+(?:the\s+)?)?$"
)
_WILL_BE = re.compile(
    r"(?i)^(?:(?:\s+of\s+(?:the|them|these|those)(?:\s+[\w-]+)?)?"  # "4,500 of the participants"
    r"\s+(?:will\s+be|would\s+be|are|were|was|is)\s+(?:from\s+(?:the\s+)?)?"
    # "1,900 come from the United States" (a partitive "Thirty of the aircraft came from" is
    # common.share_of_earlier's)
    r"|\s+(?:come|came|comes|will\s+come)\s+from\s+(?:the\s+)?)$"
)  # "some 33,000 personnel are from the Japan Self-Defense Forces", "1,900 come from the US"


def _forces_of(code: str) -> bool:
    return is_country(code) or gazetteer().entities[code].kind == "organisation"


def _listed_contingent(ctx: Ctx) -> str | list[str] | None:
    """'of which 3,200 were Chinese troops brought in with 900 vehicles and 30 aircraft': a
    count listed right after a contingent of the same sentence belongs to it."""
    found = ctx.previous_in_sentence("exercise")
    if found is None:
        return None
    draft, gap = found
    if _CONTINGENT_LIST.fullmatch(gap):
        return draft.fields.get("subject")
    return None


_CONTINGENT_LIST = re.compile(
    r"(?i)(?:\s+(?:were|was|are)\s+[^.;,\d]{0,40}?)?"
    r"\s*(?:,|and|,\s*and|with|along\s+with|as\s+well\s+as|brought\s+in\s+with|plus)\s+"
    r"(?:(?:some|about|around|nearly|almost|up\s+to|more\s+than|over)\s+)?"
)


def _contingent(ctx: Ctx) -> str | list[str] | None:
    """Whose forces a figure counts, when the text says: '20,000 U.S. troops', '3,200 soldiers of
    the Chinese army and the Mongolian', 'of which 2,500 will be Russian'."""
    q = ctx.q
    inside = [m for m in ctx.entities.within(q.number_end, q.end) if _forces_of(m.code)]
    if inside:  # "20,000 U.S. troops", "20 NATO allies", "16,700 Filipino and American troops"
        codes = list(dict.fromkeys(m.code for m in inside))
        return codes if len(codes) > 1 and all(is_country(c) for c in codes) else inside[0].code
    s, e = ctx.sentence
    before = ctx.entities.within(max(s, q.start - 70), q.start)
    if before and _forces_of(before[-1].code) and _UNIT_OF.fullmatch(
        ctx.text, before[-1].end, q.start
    ):
        return before[-1].code  # "the Kazakh contingent of 60 personnel"
    after = ctx.entities.within(q.end, min(e, q.end + 80))
    if after and is_country(after[0].code):
        gap = ctx.text[q.end : after[0].start]
        if (
            _OF_FORCES.fullmatch(" " + gap.lstrip())
            or _WILL_BE.fullmatch(gap)
            or (after[0].form == "adjective" and _OF_THEM_BARE.fullmatch(gap))
        ):
            codes = coordinated_after(ctx, after)
            return codes if len(codes) > 1 else codes[0]
    return None


# A country's unit and the figure that counts it: "the Indian contingent comprising 120
# personnel", "a Chinese naval detachment of 300 sailors"
_UNIT_OF = re.compile(
    r"(?i)(?:['’]s)?\s+(?:(?:army|naval|navy|air\s+force|military|marine|special\s+forces)\s+)?"
    r"(?:contingent|detachment|delegation|task\s+force|battalion|company|team)\s*,?\s+"
    r"(?:comprising|comprised\s+of|consisting\s+of|made\s+up\s+of|numbering|of|with)\s+"
)
# "about 60,000 of them American and some 147,000 South Korean": a nationality right after a
# bare figure (or after "of them")
_OF_THEM_BARE = re.compile(r"(?:\s+of\s+(?:them|whom|those|these))?\s+")


# The verbs of a country sending its forces (one list for both patterns below)
_SENDS = (
    r"deploy\w*|sen[dt]\w*|field\w*|mobili[sz]\w*|commit\w*|contribut\w*|dispatch\w*"
    r"|provid\w*|suppl(?:y|ied|ies|ying)|(?:brought|bring|brings|bringing)(?!\s+together)"
)
# The name may carry a phrase set off by commas before its verb: "Sweden, participating for
# the first time, is contributing 11 ships", "Chile, the host, deployed 2,300 personnel"
_DEPLOYS = re.compile(
    r"(?i)^(?:['’]s)?(?:\s*,[^,.;:()\d]{1,90},)?(?:\s+[\w-]+){0,4}?"
    # "The Iranian side said its navy and the IRGC navy had deployed nine vessels"
    r"(?:\s+(?:said|says|announced|reported)\s+(?:that\s+)?(?:its|their)(?:\s+[\w-]+){1,6}?)?\s+"
    r"(?:will\s+|would\s+|also\s+|has\s+|have\s+|had\s+|is\s+|are\s+)*"
    rf"(?:{_SENDS}|put\s+up|muster\w*|mass\w*|launch\w*|host\w*|represented\s+by)\b"
    r"[^.;]{0,40}$"
)
_DEPLOYS_AFTER_ASIDE = re.compile(
    r"(?i)^\s*,[^,.;:()\d]{1,90},\s+(?:will\s+|would\s+|also\s+|has\s+|have\s+|had\s+|is\s+"
    rf"|are\s+)*(?:{_SENDS})\b[^.;\d]{{0,40}}$"
)
# "Norway provided 7,000 personnel, the US about 4,000 and the UK more than 2,000": a country
# right before a figure, in a sentence whose earlier clause has a giver's verb (the verb gapped)
_GAPPED = re.compile(r",?\s+")  # "Tonga, 45"
_DEPLOY_VERB = re.compile(rf"(?i)\b(?:{_SENDS})\b")


def _deployer(ctx: Ctx) -> str | list[str] | None:
    """Whose forces take part, when the sentence says who sends them: 'CSTO member states will
    send a contingent of up to 2,000 personnel', 'China's Eastern Theater Command deployed 111
    aircraft'."""
    s, _ = ctx.sentence
    before = [m for m in ctx.entities.within(s, ctx.q.start) if m.form != "person"]
    if not before:
        return None
    last = before[-1]
    if _DEPLOYS.match(ctx.text[last.end : ctx.q.start]):
        return last.code
    # "Sweden, participating as a full member of the alliance, is contributing 11 ships": a
    # name in the phrase set off after the sender is not the sender
    for m in reversed(before[:-1]):
        if _DEPLOYS_AFTER_ASIDE.match(ctx.text[m.end : ctx.q.start]):
            return m.code
        if ctx.q.start - m.end > 120:
            break
    if (
        len(before) > 1
        and is_country(last.code)
        and _GAPPED.fullmatch(ctx.text, last.end, ctx.q.start)
        and _DEPLOY_VERB.search(ctx.text, before[0].end, last.start)
    ):
        return last.code
    return None


# "will be involved in the strategic manoeuvres on Belarusian territory", "on the territory of
# Belarus": the part of an exercise a country hosts
_ON_TERRITORY = re.compile(
    r"(?i)\bon\s+(?:the\s+)?(?:(?P<adj>[A-Z][\w-]+)\s+(?:territory|soil)|territory\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w-]+))"
)


# "NATO's largest exercise", "servicemen from CSTO member states": the alliance whose exercise
_ORG_OWNS = re.compile(
    r"(?i)^(?:['’]s\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|manoeuvres|maneuvers|forces)\b"
    r"|\s+(?:member\s+states|members|allies|member\s+countries)\b)"
)


def _organiser(ctx: Ctx) -> str | None:
    """The alliance (NATO, CSTO ...) the sentence says holds the exercise or sends its forces:
    the subject of the exercise's totals."""
    s, e = ctx.sentence
    for m in ctx.entities.within(s, e):
        if gazetteer().entities[m.code].kind != "organisation":
            continue
        if _ORG_OWNS.match(ctx.text[m.end - (2 if m.possessive else 0) : m.end + 60]):
            return m.code
    return None


def _host_territory(ctx: Ctx) -> str | None:
    """The country on whose territory the figure's part of an exercise is held."""
    found = ctx.matches(_ON_TERRITORY)
    if not found:
        return None
    m = found[0]
    start = m.start("adj") if m.group("adj") else m.start("name")
    named = [x for x in ctx.entities.within(start, m.end()) if is_country(x.code)]
    return named[0].code if named else None


def coordinated_after(ctx: Ctx, mentions: list[Mention]) -> list[str]:
    """'the Chinese People's Army and the Mongolian ...': the list starting at mentions[0]."""
    codes = [mentions[0].code]
    for a, b in itertools.pairwise(mentions):
        gap = ctx.text[a.end : b.start]
        if not _LIST_GAP.fullmatch(gap) or not is_country(b.code):
            break
        if b.code not in codes:
            codes.append(b.code)
    return codes


_LIST_GAP = re.compile(r"(?:\s+[A-Z][\w'’]*){0,3}\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")


_RANGE_GAP = re.compile(
    r"(?i)\s*(?:to|and|or|-|–|—)\s+(?:(?:as\s+many\s+as|up\s+to|about|around|some|nearly|almost"
    r"|more\s+than|over|at\s+least)\s+)?"
)
_PART_GAP = re.compile(r"(?i)\b(?:of\s+which|of\s+whom|of\s+them|including|among\s+them)\b")
# "troop numbers for Zapad-2025 will not exceed 13,000", "the number of participants ... at
# 12,000": a figure with no noun that a troop count's label governs
_TROOP_LABEL = re.compile(
    r"(?i)\b(?:troop\s+(?:numbers?|levels?|strength|count|total)|(?:number|total|strength)\s+of"
    r"\s+(?:troops|servicemen|soldiers|personnel|participants))\b[^.;]{0,50}$"
)


def _elliptical(ctx: Ctx) -> dict[str, Any] | None:
    """A figure with no noun that counts the same thing as an exercise count beside it: 'from
    70,000 to as many as 100,000 participants' (the next figure's noun), 'some 12,800 troops
    ... (of which a mere 2,500 will be Russian)' (a part of the figure before)."""
    label = _TROOP_LABEL.search(ctx.before())
    if label is not None:
        s, e = ctx.sentence
        named = any(ev.kind == "exercise" for ev in ctx.entities.events_within(s, e))
        if named or ctx.has(EXERCISE_CUE):
            return {"_unit": "troop", **_event_fields(ctx)}
    quantities = ctx.sentence_quantities()
    nxt = next(((i, q) for i, q in quantities if i > ctx.index), None)
    if (
        nxt is not None
        and nxt[1].kind == "count"
        and _RANGE_GAP.fullmatch(ctx.text[ctx.q.end : nxt[1].start])
    ):
        s, e = ctx.sentence
        named = any(ev.kind == "exercise" for ev in ctx.entities.events_within(s, e))
        if not (named or ctx.has(EXERCISE_CUE)):
            return None
        return {"_unit": nxt[1].unit, **_event_fields(ctx)}
    for i, _ in reversed(quantities):
        draft = ctx.drafts[i] if i < ctx.index else None
        if draft is None or draft.family != "exercise" or draft.quantity.kind != "count":
            continue
        gap = ctx.text[draft.quantity.end : ctx.q.start]
        if _PART_GAP.search(gap):
            fields = {k: v for k, v in draft.fields.items() if k in ("event", "year")}
        elif COMPARED_ESTIMATE.search(gap):
            # "Zapad-2021 drew 200,000 troops while Zapad-2017 officially mustered 12,700 --
            # though some estimates ran as high as 100,000": the same measure, its own event
            fields = _event_fields(ctx)
        else:
            return None
        fields["_unit"] = draft.quantity.unit
        subject = _contingent(ctx)
        if subject is not None:
            fields["subject"] = subject
        return fields
    return None


# "About 60% of the participants are African", "a third of the 5,000 troops": a share of the
# forces an exercise counts
_OF_THE_FORCES = re.compile(
    r"(?i)\s+of\s+(?:the|all|its|their)\s+(?:[\w-]+\s+){0,2}?(?:participants|troops|personnel"
    r"|forces|soldiers|servicemen|service\s+members|sailors|marines|aircraft|ships|vessels"
    r"|warships|participating\s+\w+)\b"
)


def _share_of_forces(ctx: Ctx) -> dict[str, Any] | None:
    """A percentage of an exercise's forces, where the sentence or the one before names or
    speaks of the exercise."""
    if _OF_THE_FORCES.match(ctx.text, ctx.q.end, min(len(ctx.text), ctx.q.end + 60)) is None:
        return None
    s, e = ctx.sentence
    named = any(ev.kind == "exercise" for ev in ctx.entities.events_within(s, e))
    if not (named or ctx.has(EXERCISE_CUE) or _named_nearby(ctx)):
        return None
    return _event_fields(ctx)


def _event_fields(ctx: Ctx) -> dict[str, Any]:
    event = _event(ctx)
    fields: dict[str, Any] = {}
    if event is not None:
        fields["event"] = event.name
    year = _edition_year(ctx, event)
    if year is not None:
        fields["year"] = year
    return fields


_NEXT_ITEM = re.compile(r"\s{0,3}(?:,|and|,\s{0,3}and|as\s+well\s+as|plus|along\s+with)\s{1,3}")


def match_exercise(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    if q.kind == "duration":
        # "a 10-day exercise", "the exercise, which lasted five days"
        near = ctx.text[max(ctx.sentence[0], q.start - 40) : q.end + 30]
        if not EXERCISE_CUE.search(near):
            return None
        event = _event(ctx)
        return {"event": event.name} if event else {}
    if q.kind == "number":
        return _elliptical(ctx)
    if q.kind == "percent":
        return _share_of_forces(ctx)
    if q.kind != "count":
        return None
    s, e = ctx.sentence
    head = q.unit.split()[-1]
    military = q.unit in MILITARY_UNITS or head in MILITARY_UNITS
    named_here = any(ev.kind == "exercise" for ev in ctx.entities.events_within(s, e))
    # "... around 80 aircraft would take part": a follow-up sentence about a named exercise;
    # the countries taking part, and hardware by its model ("deploying 12 Eurofighters")
    taking_part = (
        military or head in _PARTICIPANT_UNITS or q.unit in _PARTICIPANT_UNITS or _model_noun(ctx)
    )
    # "... drew more than 8,000 service members. About 1,500 of the troops were American": a
    # part of the forces just counted, right after the sentence that counted them
    part_of_last = (
        military
        and _OF_THE_FORCES_COUNTED.match(ctx.text, q.number_end) is not None
        and _contingent(ctx) is not None  # whose part the sentence says ("were American")
    )
    follow_up = (
        taking_part
        and (ctx.has(_PARTICIPATION) or part_of_last)
        and _named_nearby(ctx)
        and (not part_of_last or _last_fact_is_exercise(ctx))
    )
    named_next = military and _named_later_in_paragraph(ctx)
    # "More than 1,500 servicemen and about 200 units of military equipment": the next item
    # of a list whose first item counts an exercise's forces
    found = ctx.previous_in_sentence("exercise")
    listed_after = found is not None and _NEXT_ITEM.fullmatch(found[1]) is not None
    if (
        not named_here
        and not follow_up
        and not named_next
        and not listed_after
        and not ctx.has(EXERCISE_CUE)
    ):
        return None
    event = _event(ctx)
    if event is None and not military and "military" not in ctx.sentence_text:
        return None
    fields: dict[str, Any] = {}
    if event is not None:
        fields["event"] = event.name
        fields.update(_dates_and_location(ctx, event))
    year = _edition_year(ctx, event)
    if year is not None:
        fields["year"] = year
    subject = _contingent(ctx)  # "20 NATO allies"; else the sentence's, but a count of
    if subject is None and head not in _PARTICIPANT_UNITS:  # countries is no country's forces
        subject = _deployer(ctx) or _listed_contingent(ctx) or _host_territory(ctx)
    if subject is None and "_part_of" not in fields:
        subject = _organiser(ctx)
    if subject is not None:
        fields["subject"] = subject
    total = total_before_including(ctx)
    if total is not None and ctx.drafts[total] is not None:
        parent = ctx.drafts[total]
        if parent is not None and parent.family == "exercise":
            fields["_part_of"] = total
    return fields


RULE = Rule(
    id="exercise.strength",
    family="exercise",
    description="Personnel and hardware taking part in a military exercise; items listed after "
    "'including' are linked to their total.",
    match=match_exercise,
    examples=(
        Example(
            "Zapad-2021, held from September 10 to 16 in Belarus, involved some 200,000 troops.",
            "some 200,000 troops",
            {
                "value": 200000,
                "unit": "troop",
                "qualifier": "approximate",
                "family": "exercise",
                "event": "Zapad-2021",
                "dates": "2021-09-10/2021-09-16",
                "location": "Belarus",
            },
        ),
        Example(
            "The Vostok-2018 exercise drew 300,000 servicemen and up to 36,000 tanks.",
            "up to 36,000 tanks",
            {"value": 36000, "unit": "tank", "qualifier": "at_most", "event": "Vostok-2018"},
        ),
        Example(
            "The drills involved about 12,000 troops, including 3,000 marines.",
            "3,000 marines",
            {"value": 3000, "unit": "marine", "family": "exercise"},
            date(2024, 3, 1),
        ),
        # the next item of a list of an exercise's forces; a side represented by its
        # forces; a part of the number that comes from a country
        Example(
            "The exercise Shield-2025 will be held in Belarus. More than 2,000 servicemen and "
            "about 150 units of equipment will be involved. The Kazakh side is represented by "
            "300 military personnel.",
            "about 150 units of equipment",
            {"family": "exercise", "event": "Shield-2025", "year": 2025},
        ),
        Example(
            "The exercise Shield-2025 will be held in Belarus. More than 2,000 servicemen and "
            "about 150 units of equipment will be involved. The Kazakh side is represented by "
            "300 military personnel.",
            "300 military personnel",
            {"family": "exercise", "subject": "KZ", "event": "Shield-2025"},
        ),
        Example(
            "Cobra Gold 2026 involves around 8,000 soldiers from 30 countries. Of that number, "
            "3,100 are Thai personnel and 2,900 come from the United States.",
            "2,900",
            {"family": "exercise", "subject": "US", "event": "Cobra Gold 2026"},
        ),
        # a country's contingent counted; an all-capitals series with its whole year; an
        # operation a copula defines as an exercise
        Example(
            "The Joint Military Exercise SLINEX-2025 began in Trincomalee on Monday. The Sri "
            "Lankan contingent of 80 personnel is drawn from the navy.",
            "80 personnel",
            {"family": "exercise", "subject": "LK", "event": "SLINEX-2025", "year": 2025},
        ),
        Example(
            "Operation Dawn Blitz was an amphibious exercise off California. It involved 5,000 "
            "marines.",
            "5,000 marines",
            {"family": "exercise", "event": "Operation Dawn Blitz"},
        ),
        Example(  # the exercise named after the figure (once an IndexError)
            "Some 5,000 troops joined, officials said of Cobra Gold 2025.",
            "Some 5,000 troops",
            {"family": "exercise", "event": "Cobra Gold 2025", "year": 2025},
        ),
        # a series in capitals with a two-digit edition; a known series before its dates
        Example(
            "Exercise TITAN 27 will mobilise up to 9,000 soldiers and 60 aircraft.",
            "60 aircraft",
            {"family": "exercise", "event": "TITAN 27", "year": 2027},
        ),
        Example(
            "The allies will hold Freedom Shield 26 from 9 to 19 March. About 17,000 troops will "
            "take part.",
            "About 17,000 troops",
            {"family": "exercise", "event": "Freedom Shield 26", "year": 2026},
        ),
        Example(  # the year given where the exercise is named
            "Exercise Brave Defender was a Dutch army exercise held in Lower Saxony in May "
            "1987. It involved 24,000 servicemen, of whom 9,000 were reservists.",
            "9,000",
            {"family": "exercise", "event": "Brave Defender", "year": 1987},
        ),
        Example(
            "Some 4,000 troops from 18 countries joined Cobra Shield 2025. About 45% of the "
            "participants came from the host nation.",
            "About 45%",
            {"family": "exercise", "event": "Cobra Shield 2025", "year": 2025},
        ),
        Example(
            "UNITAS 2025, the naval exercise, opened with about 900 sailors from 12 nations. "
            "Last year's edition drew 15 nations.",
            "15 nations",
            {"family": "exercise", "event": "UNITAS 2024", "year": 2024},
        ),
        Example(
            "Exercise Golden Shield 2025 began with 3,000 troops from 11 countries. Kenya alone "
            "is hosting about 1,800 of the personnel.",
            "about 1,800",
            {"family": "exercise", "subject": "KE", "event": "Golden Shield 2025"},
        ),
        Example(
            "Iran, China and Russia began the Ocean Guard 2025 naval drills near Bandar Abbas. "
            "Russia sent two frigates and a tanker.",
            "two frigates",
            {"family": "exercise", "subject": "RU", "event": "Ocean Guard 2025"},
        ),
        Example(
            "Britain will send a battlegroup to Estonia for a 10-day exercise.",
            "10-day",
            {"value": 10, "unit": "day", "family": "exercise"},
        ),
        Example(
            "Russia and Belarus began the Zapad-2021 drills on Friday.\n\nThe defence ministry "
            "said around 80 aircraft and helicopters would take part.",
            "around 80 aircraft",
            {"value": 80, "unit": "aircraft", "family": "exercise", "event": "Zapad-2021"},
        ),
        Example(
            "The previous Zapad exercise, in 2017, involved 12,700 troops.",
            "12,700 troops",
            {"value": 12700, "event": "Zapad-2017"},
        ),
        Example(
            "Some 40,000 troops will join Cold Response 2022 in northern Norway.",
            "Some 40,000 troops",
            {"event": "Cold Response 2022", "year": 2022},
        ),
        Example(
            "The drills drew 9,000 soldiers, of which 1,500 were Kazakh.",
            "1,500",
            {"value": 1500, "unit": "soldier", "subject": "KZ", "family": "exercise"},
        ),
        Example(
            "Talisman Sabre in 2023 brought together more than 30,000 personnel.",
            "more than 30,000 personnel",
            {"event": "Talisman Sabre 2023", "year": 2023, "qualifier": "more_than"},
        ),
        # the exercise the figure's own clause names after it; the year of written dates
        Example(
            "Vostok-2026 will involve 40,000 troops, far fewer than the 300,000 claimed for "
            "Vostok-2018.",
            "300,000",
            {"family": "exercise", "event": "Vostok-2018", "year": 2018},
        ),
        Example(
            "The Cope Thunder exercise, held from April 7 to April 18, 2025, involved about "
            "1,500 soldiers.",
            "about 1,500 soldiers",
            {"family": "exercise", "event": "Cope Thunder", "year": 2025},
        ),
        # whose share of the participants: "N of the participants were <nationality>"
        Example(
            "Baltic Sentry 2025 drew 6,000 troops. About 2,000 of the participants were Polish.",
            "About 2,000",
            {"family": "exercise", "subject": "PL", "event": "Baltic Sentry 2025"},
        ),
        # a country's contingent, in the sentence after the exercise is named
        Example(
            "About 9,000 troops from 25 nations are taking part in Sea Shield 2026. Greece "
            "contributed around 1,200 sailors.",
            "around 1,200 sailors",
            {"family": "exercise", "event": "Sea Shield 2026", "subject": "GR"},
        ),
        # a name the table does not know: a year and forces counted, or the word beside it
        Example(
            "Jordan hosted Desert Falcon 2025 with about 5,000 troops from 20 countries.",
            "about 5,000 troops",
            {"family": "exercise", "event": "Desert Falcon 2025", "year": 2025},
        ),
        Example(
            "Some 800 soldiers from Ghana and Togo took part in exercise Coastal Guardian.",
            "Some 800 soldiers",
            {"family": "exercise", "event": "Coastal Guardian"},
        ),
        # another edition of the series named before: "the previous edition, in 2023"
        Example(
            "Exercise Cobra Gold 2025 drew 8,000 troops to Thailand. The previous edition, in "
            "2023, involved about 6,000 personnel.",
            "about 6,000 personnel",
            {"family": "exercise", "event": "Cobra Gold 2023", "year": 2023},
        ),
        # a later sentence goes on about the exercise, not the edition named to compare with
        Example(
            "Vostok-2026 will involve 50,000 troops, far fewer than the 300,000 Moscow claimed "
            "for Vostok-2018. The drills will feature about 1,000 tanks.",
            "about 1,000 tanks",
            {"family": "exercise", "event": "Vostok-2026", "year": 2026},
        ),
        # a headline's bare series name is the edition the story names
        Example(
            "Japan, US begin Keen Sword drills with 40,000 troops\n\nTOKYO - About 40,000 Japanese "
            "and American troops began Keen Sword 2026 on Monday.",
            "40,000 troops",
            {"family": "exercise", "event": "Keen Sword 2026", "year": 2026},
        ),
        # a troop count's label governs a figure with no noun; observers are sent too
        Example(
            "Minsk said troop numbers for Zapad-2029 would not exceed 10,000.",
            "not exceed 10,000",
            {"family": "exercise", "unit": "troop", "event": "Zapad-2029", "qualifier": "at_most"},
        ),
        Example(
            "Exercise Zapad-2029 began on Monday with 9,000 troops. Armenia sent 12 observers.",
            "12 observers",
            {"family": "exercise", "event": "Zapad-2029"},
        ),
        # the part of an exercise a country hosts on its territory
        Example(
            "Exercise Union Shield-2027 will involve 20,000 troops. About 5,000 troops and 40 "
            "aircraft will take part on the territory of Kazakhstan.",
            "About 5,000 troops",
            {"family": "exercise", "subject": "KZ"},
        ),
        # a two-digit edition before a verb; an edition in Roman numerals
        Example(
            "Cutlass Express 25 concluded on Friday with 1,200 personnel from 20 nations.",
            "1,200 personnel",
            {"family": "exercise", "event": "Cutlass Express 25", "year": 2025},
        ),
        Example(
            "UNITAS LXV, hosted by the Chilean navy, gathered 18 ships and 5,000 sailors.",
            "18 ships",
            {"family": "exercise", "event": "UNITAS LXV"},
        ),
        # the training grounds and ranges an exercise is held at are counted with it
        Example(
            "Around 12,000 troops are deployed at nine training grounds. Today the exercise "
            "\"Kavkaz-2028\" began.",
            "nine training grounds",
            {"family": "exercise", "event": "Kavkaz-2028", "year": 2028},
        ),
        Example(
            "Some 2,000 troops took part in Exercise Coral Shield 2027. Fiji contributed a "
            "company of 120 soldiers; Tonga, 45.",
            "45",
            {"family": "exercise", "subject": "TO", "unit": "soldier"},
        ),
        # "the 2024 edition" of a series named without a year; the alliance holding it
        Example(
            "The Sea Dragon exercise began in 2019; the 2026 edition off Guam featured 12 ships.",
            "12 ships",
            {"family": "exercise", "event": "Sea Dragon 2026", "year": 2026},
        ),
        Example(
            "Brilliant Jump 26 is NATO's largest exercise this year, with 9,000 troops.",
            "9,000 troops",
            {"family": "exercise", "subject": "NATO"},
        ),
        Example(
            "Combat Brotherhood-2026 drew over 3,000 servicemen from CSTO member states.",
            "over 3,000 servicemen",
            {"family": "exercise", "subject": "CSTO"},
        ),
        # a one-word name the article sets apart: "the Kamandag exercise"
        Example(
            "About 600 sailors from Chile joined the Estrella exercise off Valparaíso.",
            "About 600 sailors",
            {"family": "exercise", "event": "Estrella"},
        ),
        # a later sentence counts who takes part: countries, nations, hardware by its model;
        # a country before a figure whose giver's verb an earlier clause had
        Example(
            "Exercise Sea Breeze 2027 opened with 3,000 sailors. Observers from 15 countries "
            "will attend.",
            "15 countries",
            {"family": "exercise", "event": "Sea Breeze 2027", "year": 2027},
        ),
        Example(
            "Exercise Sea Breeze 2027 opened with 3,000 sailors. Italy is deploying four "
            "Eurofighters.",
            "four Eurofighters",
            {"family": "exercise", "event": "Sea Breeze 2027", "subject": "IT"},
        ),
        Example(
            "Some 9,000 troops joined Iron Wolf 26 in Lithuania. Poland sent 2,000 soldiers, "
            "Latvia about 800 and Estonia 500.",
            "about 800",
            {"family": "exercise", "event": "Iron Wolf 26", "subject": "LV", "unit": "soldier"},
        ),
        Example(  # the countries of a list of adjectives inside the noun phrase
            "About 9,000 Thai and American troops are taking part in Cobra Gold 2026.",
            "About 9,000 Thai and American troops",
            {"family": "exercise", "subject": ["TH", "US"]},
        ),
        Example(  # members of a country's armed forces
            "Some 14,000 troops join Balikatan 2026, including 9,000 U.S. service members and "
            "4,000 members of the Armed Forces of the Philippines.",
            "4,000 members",
            {"family": "exercise", "subject": "PH"},
        ),
        Example(  # a part of the forces just counted, and whose it is
            "Exercise Bright Star 25 drew more than 10,000 service members from 40 countries. "
            "About 2,000 of the troops were American.",
            "About 2,000",
            {"family": "exercise", "subject": "US", "event": "Bright Star 25"},
        ),
        Example(  # the part counts the personnel, not the nations they come from
            "Balikatan 2025 brings together more than 14,000 personnel from 19 nations, "
            "including around 9,000 from the United States and 5,000 from the Philippines.",
            "5,000",
            {"family": "exercise", "subject": "PH", "unit": "personnel"},
        ),
        Example(  # an exercise a copula defines, and a nationality after a bare part
            "Ulchi Focus Lens was a joint military exercise of the United States and South Korea. "
            "The 1990 edition involved some 80,000 troops, about 20,000 of them American.",
            "about 20,000",
            {"family": "exercise", "subject": "US", "event": "Ulchi Focus Lens 1990"},
        ),
        Example(  # a country that says its forces sent them
            "Russia, China and Iran began the Maritime Security Belt 2026 drills. The Iranian "
            "side said its navy had deployed 11 vessels.",
            "11 vessels",
            {"family": "exercise", "subject": "IR", "event": "Maritime Security Belt 2026"},
        ),
        Example(  # a part of the total from a country's forces
            "Some 40,000 personnel take part in Keen Sword 27. Of those, some 28,000 personnel "
            "are from the Japan Self-Defense Forces.",
            "some 28,000 personnel",
            {"family": "exercise", "subject": "JP", "event": "Keen Sword 27"},
        ),
        Example(  # a phrase set off by commas between the sender and its verb
            "More than 40 ships from 14 nations join BALTOPS 25. Finland, taking part for the "
            "first time as a member of the alliance, is contributing eight ships.",
            "eight ships",
            {"family": "exercise", "event": "BALTOPS 25", "subject": "FI"},
        ),
        Example(
            "Some 2,500 personnel take part in Pitch Black 2026, and Singapore has brought four "
            "F-15SG jets.",
            "four F-15SG jets",
            {"family": "exercise", "event": "Pitch Black 2026", "subject": "SG"},
        ),
    ),
    counter_examples=(
        "According to The Military Balance 2026, Iran has some 610,000 active personnel.",
        "The army has 128,000 servicemen and 250 tanks.",
        "Exercise Sea Breeze 2027 ended. Separately, Ukraine and 12 countries signed a trade "
        "deal.",
        "Exercise is good for 300 million people.",
    ),
)
