"""Other: every remaining figure, with the subject its sentence names."""

from __future__ import annotations

import re
from typing import Any

from extractor.rules.attribution import (
    is_country,
    resolved_year,
    subject_from_paragraph,
    subject_of,
)
from extractor.rules.base import NEIGHBOURS, Ctx, Draft, Example, Rule, cue


def match_other(ctx: Ctx) -> dict[str, Any] | None:
    if ctx.q.kind == "number":
        return None  # a number without a unit is no fact on its own
    fields: dict[str, Any] = {}
    described = _described_amount(ctx)
    subject = _host(ctx) or subject_of(ctx, prefer_country=True)
    if subject is None and described is not None:
        subject = described.fields.get("subject") or described.fields.get("donor")
    if subject is None:
        # "NT$949.5 billion in defence spending ..., including budgets for 66 F-16V fighters":
        # what a country's budget of the same sentence buys is about that country
        earlier = ctx.facts_back(ctx.sentence[0], limit=NEIGHBOURS)
        spent = next((d for d in earlier if d.family == "spending"), None)
        if spent is not None and spent.fields.get("subject") is not None:
            subject = spent.fields["subject"]
    if subject is None and not ctx.mentions():
        # "Inflation in Argentina slowed to 2.4% ... Poverty affected 38.1% of the population":
        # a sentence that names no one goes on about its paragraph's country
        subject = subject_from_paragraph(ctx)
    if subject is not None:
        fields["subject"] = subject
    year = resolved_year(ctx) or _year_of_paragraph(ctx, described)
    if year is not None:
        fields["year"] = year
    event = _event_of_sentence(ctx)
    if (event is None or year is None) and ctx.has(_IMPACT):
        # "killed nearly 9,000 people ..., destroying more than 600,000 homes", "The Al Haouz
        # earthquake ... killed 2,960 people. Some 50,000 homes were damaged": the damage told
        # with a toll (its sentence's, else one just before) is that toll's event's and year's
        toll = ctx.previous_in_sentence("casualties")
        if toll is not None:
            toll_event, toll_year = toll[0].fields.get("event"), toll[0].fields.get("year")
        elif event is None:
            toll_event = ctx.carried("event", family="casualties")
            toll_year = ctx.carried("year", family="casualties") if toll_event else None
        else:
            toll_event = toll_year = None
        event = event or toll_event
        if toll_year is not None and year is None:
            fields["year"] = toll_year
    if event is not None:
        fields["event"] = event
    return fields


_IMPACT = cue(
    r"damag(?:ed|ing)|destroy(?:ed|ing)|flatten(?:ed|ing)|collaps(?:ed|ing)|razed|razing|homeless"
    r"|displac(?:ed|ing)|evacuat(?:ed|ing)|affected|uprooted|levell?ed|washed\s+away|submerged"
    r"|flooded"
)


# "since Russia's invasion of Ukraine", "after the 2011 earthquake": an event that dates the
# sentence, not one its figures are about
_DATING_BEFORE = re.compile(
    r"(?i)\b(?:since|after|before|following|amid|prior\s+to|in\s+the\s+wake\s+of)\s+"
    r"(?:the\s+|[A-Z][\w-]*['’]s\s+)?(?:(?:start|outbreak|beginning|end)\s+of\s+(?:the\s+)?)?$"
    r"|(?i:\b(?:pre|post|inter)-?$)"  # "the pre-World War 1 setting"
)


def _event_of_sentence(ctx: Ctx) -> str | None:
    """'The November 2008 Mumbai attacks, carried out by 10 gunmen', 'the tsunami ... in 14
    countries': the event the figure's sentence names before it (not one that only dates it,
    'since Russia's invasion of Ukraine')."""
    if ctx.q.kind == "duration":
        return None  # "four decades after the war": a span of time, not a count of the event's
    s, _ = ctx.sentence
    named = [
        ev
        for ev in ctx.entities.events_within(s, ctx.q.start)
        if ev.end <= ctx.q.start
        and not _DATING_BEFORE.search(ctx.text, max(s, ev.start - 30), ev.start)
    ]
    return named[-1].name if named else None


_APPOSITION = re.compile(
    r"(?i)[^.;,()]{0,60}?,\s*(?:(?:or|about|around|some|roughly|nearly|almost|which\s+is"
    r"|equivalent\s+to|representing|up|down|but|including|of\s+which)\s+)*"
)
_OF_THAT = re.compile(r"(?i)\s+of\s+(?:that|this|it|which|the\s+total|the\s+sum)\b")


# "the nation has taken in more than 2,000 displaced Ukrainians", "Chad, which hosts 600,000
# Sudanese refugees", "the 630,000 refugees it hosts": the host, not the refugees' country
_HOSTS_BEFORE = re.compile(
    r"(?i)\b(?:taken\s+in|took\s+in|takes?\s+in|taking\s+in|hosts?|hosted|hosting|shelter(?:s|ed|ing)?"
    r"|accept(?:s|ed)|welcom(?:es|ed)|resettled|resettles|granted\s+asylum\s+to)\s+(?:some\s+|about\s+"
    r"|around\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+|the\s+)?$"
)
_HOSTS_AFTER = re.compile(
    r"(?i)\s+(?:it|they|the\s+country|the\s+nation)\s+(?:now\s+)?(?:hosts|hosted|shelters)\b"
)
_HOST_ANAPHOR = re.compile(r"(?i)\b(?:the\s+(?:nation|country)|it)\s+(?:\w+\s+){0,2}?$")


def _host(ctx: Ctx) -> str | None:
    """The country that hosts the refugees or displaced people a count is of: the subject of
    'hosts', 'has taken in', 'shelters' (named, or 'the nation', 'it': the country named
    before)."""
    q = ctx.q
    s, _ = ctx.sentence
    verb = _HOSTS_BEFORE.search(ctx.text, max(s, q.start - 40), q.start)
    after = _HOSTS_AFTER.match(ctx.text, q.end, min(len(ctx.text), q.end + 30))
    if verb is None and after is None:
        return None
    until = verb.start() if verb is not None else q.start
    named = [
        m
        for m in ctx.mentions(s, until)
        if is_country(m.code) and m.form != "adjective" and not (q.number_end <= m.start < q.end)
    ]
    if named:
        return named[-1].code
    if verb is not None and not _HOST_ANAPHOR.search(
        ctx.text, max(s, verb.start() - 30), verb.start()
    ):
        return None
    # "the nation" after an aid fact: its giver ("loans from Japan ... the nation has taken in")
    giver = ctx.carried("donor", family="aid")
    if isinstance(giver, str) and is_country(giver):
        return giver
    return subject_from_paragraph(ctx)


def _described_amount(ctx: Ctx) -> Draft | None:
    """The spending or aid amount a share describes: in apposition ('SAR 269 billion in 2024,
    about 21 per cent of total spending', '$1.4 billion, up 16%') or referred to ('but more
    than 75% of that goes to salaries')."""
    before = ctx.previous_in_sentence("spending") or ctx.previous_in_sentence("aid")
    if before is None:
        return None
    if _APPOSITION.fullmatch(before[1]) or _OF_THAT.match(ctx.text, ctx.q.end):
        return before[0]
    return None


def _year_of_paragraph(ctx: Ctx, described: Draft | None = None) -> int | None:
    """'World spending rose to $2,443 billion in 2023. ... The United States accounted for
    37% of the total': a share or an amount whose sentence states no time takes the year of
    the last fact before it in its paragraph (one of the same kind, in an earlier sentence)."""
    q = ctx.q
    if q.kind not in ("percent", "money"):
        return None
    ps, _ = ctx.paragraph
    s = ctx.sentence_start
    if described is not None and described.fields.get("year"):
        return int(described.fields["year"])  # "SAR 269 billion in 2024, about 21 per cent of"
    draft = next(ctx.facts_back(ps, before=s, limit=NEIGHBOURS), None)
    if draft is None or draft.quantity.kind != q.kind or draft.fields.get("year") is None:
        return None
    return int(draft.fields["year"])


RULE = Rule(
    id="other.figure",
    family="other",
    description="Any figure no family rule claims; subject and stated year where the sentence "
    "names them.",
    match=match_other,
    examples=(
        Example(
            "The communiqué was approved by all 32 NATO members.",
            "32 NATO members",
            {"value": 32, "unit": "member", "family": "other", "subject": "NATO"},
        ),
        Example(
            "Seoul, along with three allied countries, is working with the alliance.",
            "three allied countries",
            {"value": 3, "unit": "country", "subject": "KR"},
        ),
        Example(
            "A spokesman in Beijing said over 60 percent of Russia's imported components come "
            "from the West.",
            "over 60 percent",
            {"value": 60, "unit": "percent", "qualifier": "more_than", "subject": "RU"},
        ),
        Example(
            "Italy is committed to meeting 12 percent of NATO capability targets by 2028.",
            "12 percent",
            {"value": 12, "unit": "percent", "subject": "IT", "year": 2028},
        ),
        Example(
            "This year 23 of NATO's 32 members are expected to meet the 2% target.",
            "32 members",
            {"value": 32, "unit": "member", "family": "other", "subject": "NATO"},
        ),
        Example(
            "A treaty signed in 1990 capped the Bundeswehr at 370,000 troops; today it has about "
            "181,000 soldiers.",
            "370,000 troops",
            {"value": 370000, "qualifier": "at_most", "year": 1990},
        ),
        # a share with no time of its own: the year of the share before it in the paragraph
        Example(
            "Global arms sales rose 4.2% in 2023, SIPRI said. US companies accounted for 41% "
            "of the total.",
            "41%",
            {"family": "other", "year": 2023},
        ),
        Example(
            "Exports rose 4.2% in 2023. The port handled 300 ships.",
            "300 ships",
            {"family": "other", "year": None},
        ),
        Example(
            "Peru's 2026 budget gives the armed forces $2.2 billion, but more than 70% of that "
            "goes to salaries.",
            "more than 70%",
            {"family": "other", "subject": "PE", "year": 2026},
        ),
        # what a country's budget of the same sentence buys is about that country
        Example(
            "Canada's 2026 defence budget of C$35 billion includes funds for 88 F-35 fighters.",
            "88 F-35 fighters",
            {"family": "other", "subject": "CA"},
        ),
        Example(
            "US lawmakers passed an $880 billion defense bill for 2026, including funds for nine "
            "ships and a 3.8% pay rise for troops.",
            "3.8%",
            {"family": "other", "subject": "US"},
        ),
        # the event the figure's sentence names
        Example(
            "The 2016 Brussels bombings closed 12 metro stations for a week.",
            "12 metro stations",
            {"family": "other", "event": "2016 Brussels bombings"},
        ),
        # the host of refugees, not the refugees' country
        Example(
            "Aid is also flowing to Uganda, which hosts more than 1.5 million South Sudanese "
            "refugees.",
            "more than 1.5 million South Sudanese refugees",
            {"family": "other", "subject": "UG"},
        ),
        Example(
            "Germany has given Ukraine €28 billion in military aid.\nThe country has also taken "
            "in about 1.2 million displaced Ukrainians.",
            "about 1.2 million displaced Ukrainians",
            {"family": "other", "subject": "DE"},
        ),
        # a source named before a comma is no member of a list
        Example(
            "According to the World Bank, Kenya grew 5.6% in 2023.",
            "5.6%",
            {"family": "other", "subject": "KE", "year": 2023},
        ),
        # "in the 2022 election": the year an event of the sentence is named by; a baseline
        # after a superlative or a change is not the figure's year
        Example(
            "Turnout in the 2022 election was 61.5%, down 3.1 points from 2018.",
            "61.5%",
            {"family": "other", "year": 2022},
        ),
        Example(
            "Turnout in the 2022 election was 61.5%, down 3.1 points from 2018.",
            "3.1 points",
            {"family": "other", "year": 2022},
        ),
        Example(
            "Inflation in Chile slowed to 3.2% in June, the lowest rate since 2021, while "
            "unemployment rose to 8.9%.",
            "8.9%",
            {"family": "other", "subject": "CL", "year": None},
        ),
        # a sentence that names no one goes on about its paragraph's country; "the second
        # half of 2024" states a year
        Example(
            "Unemployment in Peru fell to 6.1% in May. Poverty affected 27.5% of the "
            "population in the second half of 2024.",
            "27.5%",
            {"family": "other", "subject": "PE", "year": 2024},
        ),
        # a named parade, dated by its sentence
        Example(
            "In 1976 the Bicentennial Parade took place in the rain, and 8,000 sailors marched.",
            "8,000 sailors",
            {"family": "other", "event": "Bicentennial Parade 1976", "year": 1976},
        ),
        Example(
            "The earthquake killed 1,200 people in 2027, destroying some 40,000 homes.",
            "some 40,000 homes",
            {"family": "other", "year": 2027},
        ),
        # with no publication date, "last year" is relative to the document's latest year
        Example(
            "NATO said 20 of its 32 members will meet the 2% target in 2025. The number of "
            "allies reaching it rose from 15 last year.",
            "15",
            {"year": 2024},
        ),
        # damage counted in a sentence after a toll is the event's
        Example(
            "The Cyclone Idai floods killed 600 people in Mozambique in 2019. About 100,000 "
            "homes were destroyed.",
            "About 100,000 homes",
            {"family": "other", "event": "Cyclone Idai floods", "year": 2019},
        ),
    ),
    counter_examples=(
        "The 75th anniversary summit opened on 9 July 2024 in Washington.",
        "Type 96A tanks and J-11 jets took part.",
    ),
)
