"""Spending: shares of GDP, defence budgets and how many allies meet the guideline."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from extractor.gazetteer import gazetteer
from extractor.quantities import plural
from extractor.rules.attribution import (
    A_YEAR,
    ALLIES,
    NOW,
    STATED_YEAR,
    WRITTEN_DATE,
    aside,
    closing_year,
    document_year,
    header_line,
    is_country,
    resolved_year,
    respective,
    stated_year,
    subject_from_paragraph,
    subject_of,
)
from extractor.rules.base import NEIGHBOURS, REACH, Ctx, Draft, Example, Rule, cue

TARGET_CUE = cue(
    r"commit\w*|target\w*|goal|guideline|pledge\w*|aim\w*|benchmark|threshold|at least|should"
    r"|must|would|to reach|reach|meet|meeting|on the road to|increased? to|increasing to"
    r"|raised? to|raising to|investing|invest|agreed|will|plans?|planned|planning|expected to"
    r"|set to|intends? to"
)
ACTUAL_CUE = cue(
    r"stands? at|stood at|currently|is at|was at|reached|amounts? to|amounted to|accounted for"
    r"|now at|only|spent|spends|spending of|rose to|fell to"
)
MONEY_SPENDING_CUE = cue(
    r"spend|spends|spending|spent|budget|budgets|budgeted|budgeting|expenditure|expenditures"
    r"|defen[cs]e plan|defen[cs]e funding|military funding"
    r"|procurement|military spending|defen[cs]e spending|allocat\w*|expenses|outlays?"
    r"|appropriations?|spenders?|military\s+burden|set\s+aside|sets\s+aside|setting\s+aside"
)
_PERIOD = re.compile(
    r"(?i)\bover\s+(?:the\s+(?:next|coming|past|last)\s+)?(\w+(?:-\w+)?)\s+(years|months|decades)\b"
)
_GUIDELINE = cue(r"target|guideline|benchmark|threshold|commitment|goal|pledge")
_DENOMINATOR = re.compile(r"\bof\s+(?:the|its|their|all|[A-Z][\w.-]*(?:'s|’s))\s+$")
ALLY_UNITS = frozenset({"ally", "member", "country", "nation", "state", "member state"})


def _spending_subject(ctx: Ctx, *, allies: bool) -> str | list[str] | None:
    """Whose spending: the alliance for a share its allies spend; else the country the
    sentence names as subject; else the country whose national currency an amount of the
    sentence is in; else the subject carried from the last spending fact; else the country
    the document's spending sentences name most."""
    if allies:
        alliance = _alliance(ctx)
        if alliance is not None:
            return alliance
    s, e = ctx.sentence
    mentions = ctx.mentions(s, e)
    orgs = [m for m in mentions if gazetteer().entities[m.code].kind == "organisation"]
    subject = subject_of(ctx, prefer_country=True)
    if not allies and isinstance(subject, str) and subject in {m.code for m in orgs}:
        promiser = _promiser(ctx)  # "Trudeau has promised to reach the alliance's 2% guideline"
        if promiser is not None:
            return promiser
    home = ctx.frame.context.country if ctx.frame.context is not None else None
    if (
        home is not None
        and _OFFICE_OPENS.match(ctx.text, s)
        and not any(is_country(m.code) for m in ctx.mentions(s, ctx.q.start))
    ):
        return home  # "NAIROBI — The Defence ministry has been allocated Sh176.5 billion"
    if subject is None:
        continued = _spending_continued(ctx)  # "... weeks after clashes with India. The
        if continued is not None and continued.fields.get("subject"):  # allocation equals"
            return continued.fields["subject"]  # type: ignore[no-any-return]
    if subject is None or (isinstance(subject, str) and subject in {m.code for m in orgs}):
        earlier = subject_from_paragraph(ctx)
        if earlier and not (allies and orgs):
            return earlier if subject is None or not ctx.has(ALLIES) else subject
        national = _currency_country(ctx)
        if national is not None:
            return national
        carried = ctx.carried("subject", family="spending")
        if carried is not None and (
            subject is None or not isinstance(carried, str) or is_country(carried)
        ):
            return carried  # type: ignore[no-any-return]
        if subject is None:
            home = ctx.frame.context.country if ctx.frame.context is not None else None
            return _document_country(ctx) or home  # "NEW DELHI: The defence ministry ..."
    return subject


_PROMISE = (
    r"promised|promises|pledged|pledges|committed|commits|vowed|vows|aims?|plans?|intends?"
    r"|wants?|hopes?|is\s+set|are\s+set|will|would|shall|is\s+on\s+track|are\s+on\s+track"
    r"|expects?|is\s+expected|are\s+expected|(?:has|have)\s+(?:yet|failed)"
)
_REACH = r"reaching|reach|meet|meeting|hit|hitting|achieve|achieving|spend|spending|raise|raising"
# "Trudeau has promised to reach the alliance's 2% guideline"
_PROMISED = re.compile(rf"(?i)\b(?:{_PROMISE})\s+(?:to\s+)?(?:{_REACH})\b")
# "... and remains committed to reaching 2.5% by 2027": the promise right before the share
_PROMISED_RIGHT_BEFORE = re.compile(
    rf"(?i)\b(?:{_PROMISE})\s+to\s+(?:{_REACH})\s+(?:at\s+least\s+)?$"
)


def _gdp_share_before_in_sentence(ctx: Ctx) -> bool:
    return any(
        d.family == "spending" and d.quantity.of == "GDP"
        for d in ctx.facts_back(ctx.sentence[0], limit=NEIGHBOURS)
    )


def _promiser(ctx: Ctx) -> str | None:
    """Who promises to reach a target the alliance sets: the country (or a person of its
    government) named before the promise in the sentence, else the spender the frame holds
    ('the government remains committed to reaching 2.5%')."""
    s, _ = ctx.sentence
    promise = None
    for m in _PROMISED.finditer(ctx.text, s, ctx.q.start):
        promise = m
    if promise is None:
        return None
    named = [m for m in ctx.mentions(s, promise.start()) if is_country(m.code)]
    if named:
        return named[-1].code
    carried = ctx.carried("subject", family="spending")
    return carried if isinstance(carried, str) and is_country(carried) else None


# A sentence whose subject is an office no country names: the dateline's government's
_OFFICE_OPENS = re.compile(
    r"(?i)(?:[A-Z][A-Z .'-]+(?:,[^-–—]{0,40})?\s*(?:\([^)]{0,30}\))?\s*[-–—:]+\s*)?(?:the\s+)?"
    r"(?:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|government|cabinet"
    r"|treasury|finance\s+ministry|ministry\s+of\s+finance|parliament|national\s+assembly)\b"
)


_SOUTH_ASIAN_SCALE = re.compile(r"(?i)\b(?:crore|lakh)\b")


def _currency_country(ctx: Ctx) -> str | None:
    """'6.1 trillion yen': an amount in a national currency names its country; so does one a
    shared name gives with India's scale words ('Rs 1.72 lakh crore') in a document that names
    no country at all."""
    for _, q in ctx.sentence_quantities():
        if q.kind == "money" and (
            q.currency_from == "text"
            or (
                _SOUTH_ASIAN_SCALE.search(ctx.text, q.start, q.end) is not None
                and not any(is_country(m.code) for m in ctx.document_mentions())
            )
        ):
            users = [c for c, ent in gazetteer().entities.items() if ent.currency == q.unit]
            if len(users) == 1 and q.unit != "USD":
                return users[0]
    return None


def _document_country(ctx: Ctx) -> str | None:
    """The country the document's spending sentences name most (computed once)."""
    found = ctx.frame.cache.get("spending_country", ())
    if found == ():
        counts: dict[str, int] = {}
        for m in ctx.document_mentions():
            if is_country(m.code) and not aside(ctx, m):
                s, e = ctx.layout.sentence(m.start)
                if MONEY_SPENDING_CUE.search(ctx.text, s, e) or _DEFENCE.search(ctx.text, s, e):
                    counts[m.code] = counts.get(m.code, 0) + 1
        found = min(counts, key=lambda c: -counts[c]) if counts else None
        ctx.frame.cache["spending_country"] = found
    return found  # type: ignore[no-any-return]


def _header_year(ctx: Ctx) -> int | None:
    """'Defence expenditures for 2024, as a percentage of their GDP:' then 'Poland: 4.12': the
    year of the header a list item stands under."""
    header = header_line(ctx)
    years = A_YEAR.findall(header) if header else []
    return int(years[-1]) if years else None


_SHARE_HEADER = re.compile(r"(?i)\bGDP\b|gross\s+domestic\s+product|%\s+of|per\s*cent(?:age)?\s+of")


_GUIDELINE_NEAR = re.compile(
    r"(?i)(?:\b(?:target|guideline|goal|benchmark|threshold|pledge)\s+of\s+(?:at\s+least\s+)?$)"
)
_COUNTRY_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(?:\w+\s+){0,2}$")


_MEETS = cue(r"meet\w*|met|invest\w*|spend\w*|reach\w*|hit\w*")
_GUIDELINE_WORD = cue(r"(?:spending\s+)?(?:target|guideline|benchmark)")


def _alliance(ctx: Ctx) -> str | None:
    """The alliance whose guideline or members a figure is about: one named in the sentence,
    else the one the document names most, else NATO when the sentence speaks of allies."""
    s, e = ctx.sentence
    orgs = [m for m in ctx.mentions(s, e) if gazetteer().entities[m.code].kind == "organisation"]
    if orgs:
        return orgs[0].code
    named = ctx.frame.cache.get("alliance", ())
    if named == ():
        counts: dict[str, int] = {}
        for m in ctx.document_mentions():
            if gazetteer().entities[m.code].kind == "organisation":
                counts[m.code] = counts.get(m.code, 0) + 1
        named = max(counts, key=lambda c: counts[c]) if counts else None
        ctx.frame.cache["alliance"] = named
    if named is not None:
        return str(named)
    if ctx.has(ALLIES) or ctx.has(_GUIDELINE_WORD):
        return "NATO"  # the allies' guideline, when no other alliance is named
    return None


_NAME_THEN_SHARE = re.compile(
    r"\s*(?:\(|:|–|-|,)?\s*(?:(?:at|with|on)\s+)?(?:about\s+|around\s+)?$"
)


def _share_before_of_gdp(ctx: Ctx) -> str | None:
    """'Lithuania plans 3.5%, Latvia 3.45% and Estonia 3.4% of GDP for defence': a share listed
    before the one that says 'of GDP' is a share of GDP too -- its country's."""
    q = ctx.q
    if q.kind != "percent" or q.of is not None or _guideline_share(ctx):
        return None  # "an exemption from the 5% target by committing to 2.1% of GDP"
    s, _ = ctx.sentence
    before = ctx.mentions(max(s, q.start - 40), q.start)
    if not before or not is_country(before[-1].code):
        return None
    for i, other in ctx.sentence_quantities():
        if i <= ctx.index:
            continue
        if other.kind != "percent":
            return None
        if other.of == "GDP":
            gap = ctx.text[q.end : other.start]
            return before[-1].code if len(gap) < 80 and not re.search(r"[.;]", gap) else None
    return None


def _listed_share(ctx: Ctx) -> str | None:
    """'Croatia (2.03%), Estonia (2.34%) ...', 'Poland: 4.12%': a bare share right after a
    country's name, in a passage that has already spoken of shares of GDP, is that country's."""
    q = ctx.q
    if q.of is not None or _OF_SOMETHING.match(ctx.text, q.end):
        return None
    s, _ = ctx.sentence
    before = ctx.mentions(max(s, q.start - 40), q.start)
    if not before or not is_country(before[-1].code):
        return None
    if not _NAME_THEN_SHARE.fullmatch(ctx.text[before[-1].end : q.start]):
        return None
    ps = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 2)]
    for i in ctx.back():
        other = ctx.quantities[i]
        if other.start < ps:
            break
        if other.kind == "percent" and other.of == "GDP":
            return before[-1].code
    header = header_line(ctx)
    if header and _SHARE_HEADER.search(header) and _DEFENCE.search(header):
        return before[-1].code  # under 'defence expenditures, as a percentage of GDP:'
    return None


def _guideline_share(ctx: Ctx) -> bool:
    """'the 2 percent target', 'the NATO goal of 2 percent': the share a guideline sets, not a
    country's own ('Canada's 2% target' is Canada's)."""
    q = ctx.q
    before = ctx.text[max(ctx.sentence[0], q.start - 40) : q.start]
    if _TARGET_AFTER.match(ctx.text, q.end):
        lead = ctx.text[max(ctx.sentence[0], q.start - 30) : q.start]
        return not _COUNTRY_POSSESSIVE.search(lead) or bool(
            re.search(r"(?i)\b(?:alliance|NATO|EU)(?:'s|’s)", lead)
        )
    return _GUIDELINE_NEAR.search(before) is not None


def _status(ctx: Ctx, ally_count_here: bool) -> str:
    if ally_count_here or ctx.q.qualifier == "at_least":
        return "target"
    window = ctx.text[max(ctx.sentence[0], ctx.q.start - 80) : ctx.q.start]
    target = [m.end() for m in TARGET_CUE.finditer(window)]
    actual = [m.end() for m in ACTUAL_CUE.finditer(window)]
    if target and (not actual or max(target) > max(actual)):
        return "target"
    return "actual"


def match_gdp_share(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    if q.kind != "percent":
        return None
    # "23 Allies are investing 2 percent": a share named next to the allies meeting it
    ally_count = _ally_count_in_sentence(ctx)
    compared = _compared_gdp_share(ctx)
    named_target = _TARGET_AFTER.match(ctx.text, q.end) is not None and bool(
        ctx.has(_DEFENCE)
    )  # "met the 2% target" in a sentence about NATO or defence
    listed = respective(ctx) or _listed_share(ctx) or _share_before_of_gdp(ctx)
    if listed is not None:
        fields_l: dict[str, Any] = {"subject": listed, "status": _status(ctx, False)}
        year_l = (
            stated_year(ctx)
            or _sole_year(ctx)  # "3.2% and 1.8% of GDP on defence in 2025, respectively"
            or _header_year(ctx)
            or _carried_now(ctx)
            or ctx.carried("year", family="spending")
        )
        if year_l:
            fields_l["year"] = year_l
        return fields_l
    # "spend 2.36% of GDP ..., and remains committed to reaching 2.5% by 2027": a promised
    # share in the sentence of a GDP share is one too
    promised = (
        q.of is None
        and _PROMISED_RIGHT_BEFORE.search(ctx.text, max(ctx.sentence[0], q.start - 40), q.start)
        is not None
        and _gdp_share_before_in_sentence(ctx)
    )
    of_spending = (
        q.of is None
        and _OF_SPENDING.match(ctx.text, q.end, min(len(ctx.text), q.end + 60)) is not None
    )
    # "272 billion riyals to the military, about 21% of total government expenditure"; "...
    # Tk 42,014 crore. The allocation is 5.3 percent of the total budget"
    share_of: Draft | None = None
    if of_spending:
        share_of = _spending_amount_in_sentence(ctx) or _spending_continued(ctx)
    budget_share = share_of is not None
    # "Poland will spend 4.7% of GDP next year. Warsaw's spending this year is expected to
    # reach 4.12%": the same measure, stated again without its "of GDP"
    goes_on = q.of is None and not of_spending and _gdp_share_goes_on(ctx)
    if (
        q.of != "GDP"
        and not goes_on
        and not ally_count
        and not compared
        and not named_target
        and not promised
        and not budget_share
    ):
        return None
    allies = (
        ally_count
        or bool(ALLIES.search(ctx.before()))
        or bool(re.search(r"(?i)\btheir\s+GDP", ctx.text[q.start : q.end]))
    )
    guideline = _guideline_share(ctx)
    subject = _alliance(ctx) if guideline else None
    if guideline and not ally_count:  # "Trudeau has promised to reach the alliance's 2%"
        subject = _promiser(ctx) or subject
    fields: dict[str, Any] = {"subject": subject or _spending_subject(ctx, allies=allies)}
    if fields["subject"] is None and share_of is not None:
        fields["subject"] = share_of.fields.get("subject")
    if guideline and subject:
        fields["status"] = "target"
        due = stated_year(ctx, target=True)  # "NATO's 2% target by 2032"
        if due is not None:
            fields["year"] = due
        return fields
    was = compared and _COMPARED.search(ctx.before()[-40:]) is not None  # "up from 1.9%"
    status = "actual" if was else _status(ctx, ally_count or named_target)
    fields["status"] = status
    same = _same_measure(ctx)
    # "9.9 trillion yen ($70 billion), equivalent to 1.8 percent of GDP": the share of the
    # amount just stated, for the amount's year (a later 'by 2027' is another figure's)
    if same is not None and same.fields.get("year"):
        fields["year"] = same.fields["year"]
        return fields
    year = resolved_year(ctx) if status == "actual" else stated_year(ctx, target=True)
    year = year or _carried_now(ctx) or _header_year(ctx)
    if year is None:  # "Poland's 2025 budget sets aside ... That amounts to 4.7% of GDP"
        continued = _spending_continued(ctx)
        if continued is not None and continued.fields.get("year"):
            year = continued.fields["year"]
    if year is None:  # "... to the military in its 2025 budget, roughly 7.1% of GDP"
        amount = _spending_amount_in_sentence(ctx)
        if amount is not None and amount.fields.get("year"):
            year = amount.fields["year"]
    if year is None and status == "actual" and not ctx.has(NOW):
        year = _spending_year_before(ctx)
    if year is None and status == "target":
        year = ctx.carried("year", family="spending")  # "... by 2035. The alliance agreed ..."
    if year:
        fields["year"] = year
    return fields


# A spending level stated as a share: "is expected to reach", "stood at", "will be"
# (the spending noun is the verb's subject, in the same clause: not "while inflation was 3%")
_LEVEL_BEFORE = re.compile(
    r"(?i)\b(?:spending|expenditure|outlays|budget|military\s+burden)\b[^.;,:()\d]{0,50}?"
    r"\b(?:reach(?:es|ed|ing)?|stands?\s+at|stood\s+at|amounts?\s+to|amounted\s+to|is|was"
    r"|will\s+be|would\s+be|to\s+be|hit|hits)\s+$"
)


def _gdp_share_goes_on(ctx: Ctx) -> bool:
    """A bare share that a sentence about spending gives as its level ('Warsaw's spending
    this year is expected to reach 4.12%'), in a paragraph (or the one after it) whose last
    spending share was one of GDP; not a share of something else ('4% of the budget')."""
    q = ctx.q
    if _OF_SOMETHING.match(ctx.text, q.end):
        return False
    if not _LEVEL_BEFORE.search(ctx.text, max(ctx.sentence[0], q.start - 90), q.start):
        return False
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 1)]
    for draft in ctx.facts_back(since, limit=NEIGHBOURS):
        if draft.family == "spending" and draft.quantity.kind == "percent":
            return draft.quantity.of == "GDP"
    return False


def _carried_now(ctx: Ctx) -> int | None:
    """'... in 2022. Croatia (2.03%) ... are expected to achieve the goal this year': with no
    publication date, 'this year' is the year the passage stated just before."""
    if ctx.doc.published is None and ctx.has(NOW):
        dated = ctx.matches(WRITTEN_DATE)  # "this year, ... estimates published in June 2024"
        if dated:
            return int(dated[-1].group("year"))
        carried = ctx.carried("year")
        if carried is not None:
            return int(carried)
        return document_year(ctx)  # "... 1.37 per cent of GDP this year. ... in 2024"
    return None


_TARGET_AFTER = re.compile(
    r"[ \t]+(?:(?:spending|defen[cs]e|core|new|headline|overall|minimum)[ \t]+){0,2}"
    r"(?:target|guideline|goal|benchmark|threshold)\b"
)
_DEFENCE = cue(r"NATO|allies|alliance|defen[cs]e|military|spending|armed forces")
_OF_SOMETHING = re.compile(r"\s+of\b")
_COMPARED = re.compile(
    r"(?i)^[\s,;(]*(?:(?:up|down|rising|falling|rose|fell|increasing|decreasing)\s+)?"
    r"(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+$"
)


def _compared_gdp_share(ctx: Ctx) -> bool:
    """'3% of GDP ..., up from 1.9% last year', '2.5% of GDP last year and plans 3% next
    year': a bare share soon after a share of GDP in the same sentence is one too -- unless it
    is a share of something else ('20% of that')."""
    q = ctx.q
    if q.kind != "percent" or q.of is not None or _OF_SOMETHING.match(ctx.text, q.end):
        return False
    earlier = [p for i, p in ctx.sentence_quantities() if i < ctx.index and p.kind == "percent"]
    if not earlier or earlier[-1].of != "GDP":
        return False
    near = q.start - earlier[-1].end < 80
    return near or _COMPARED.search(ctx.before()[-40:]) is not None


def _ally_count_in_sentence(ctx: Ctx) -> bool:
    """An earlier count in the sentence was made an allies-meeting fact ('23 Allies are
    investing 2 percent')."""
    for i, _ in ctx.sentence_quantities():
        draft = ctx.drafts[i] if i < ctx.index else None
        if draft is not None and draft.rule == "spending.allies_meeting":
            return True
    return False


def _guideline_percent(ctx: Ctx) -> str | None:
    """The share of GDP the counted allies meet: a percent of GDP in the sentence, or a bare
    percent when the guideline is named ('the 2% target') or a GDP share came before."""
    named = ctx.has(_GUIDELINE) or _guideline_percent_before(ctx)
    for _, q in ctx.sentence_quantities():
        if q.kind == "percent" and q.value is not None and (q.of == "GDP" or named):
            return f"{q.value.normalize():f}"
    return None


def _guideline_percent_before(ctx: Ctx) -> str | None:
    """A share of GDP named earlier in the paragraph: '... the 2% target. In 2014 only three
    allies met it.'"""
    ps, _ = ctx.paragraph
    s, _ = ctx.sentence
    for i in ctx.back():  # walk back; never copy the list
        q = ctx.quantities[i]
        if q.start < ps:
            break
        if q.kind == "percent" and q.of == "GDP" and q.value is not None and q.start < s:
            return f"{q.value.normalize():f}"
    return None


def _elliptical_unit(ctx: Ctx) -> str | None:
    """'nine of NATO's 30 members met the target in 2021, against 23 in 2024': a bare number
    after an allies-meeting count in the same sentence counts the same thing."""
    for i, _ in reversed(ctx.sentence_quantities()):
        draft = ctx.drafts[i] if i < ctx.index else None
        if draft is not None and draft.rule == "spending.allies_meeting":
            return draft.quantity.unit
    return None


def match_allies_meeting(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    elliptical = _elliptical_unit(ctx) if q.kind == "number" and q.value is not None else None
    if elliptical is not None:
        unit = elliptical
    elif q.kind == "count" and q.unit in ALLY_UNITS:
        unit = q.unit
    else:
        return None
    if _DENOMINATOR.search(ctx.text, max(0, q.start - 40), q.start):
        return None  # "23 of NATO's 32 members": 32 is the whole alliance
    if not ctx.has(_MEETS):
        return None
    s, e = ctx.sentence
    orgs = [m for m in ctx.mentions(s, e) if gazetteer().entities[m.code].kind == "organisation"]
    pct = _guideline_percent(ctx) or _guideline_percent_before(ctx)
    target_named = ctx.has(_GUIDELINE_WORD)
    if pct is None and not (target_named and (orgs or ALLIES.search(ctx.text, *ctx.paragraph))):
        return None  # "only three countries met that target" in a passage about the alliance
    subject = _alliance(ctx) or subject_of(ctx)
    many = plural(unit)
    guideline = f"the {pct}% of GDP guideline" if pct else "the spending target"
    fields: dict[str, Any] = {"subject": subject, "measure": f"{many} meeting {guideline}"}
    if elliptical is not None:
        fields["_unit"] = elliptical
    year = resolved_year(ctx) or stated_year(ctx, target=True) or _carried_now(ctx)
    if year:
        fields["year"] = year
    return fields


_SPENDING_AFTER = re.compile(
    r"(?i)\s+(?:\([^)]{0,30}\)\s+)?(?:(?:increase|rise|boost|cut|uplift|hike)?\s*(?:in|to|of|for)\s+"
    r"(?:the\s+)?)?(?:annual\s+|military\s+|national\s+|record\s+)?(?:defen[cs]e|military)\s+"
    r"(?:spending|budget|expenditure|outlays?)"
)  # "a £13.4 billion increase in defence spending", "NT$647 billion ($19.7 billion) defence budget"
_FIGURE_MOVES = cue(
    r"(?:that|the|this)\s+(?:figure|amount|total|sum|number)\s+(?:\w+\s+)?(?:rises|rose|falls|fell"
    r"|climbs|grows|increases|reaches|would\s+be|will\s+be|stands|comes)"
)


def _spending_follow_up(ctx: Ctx) -> bool:
    """'... budgeted at 6.1 trillion yen. ... that figure rises to 6.9 trillion yen': the same
    measure, restated, right after a spending amount."""
    slot = ctx.frame.slots.get("subject")
    return (
        slot is not None
        and slot.family == "spending"
        and ctx.paragraph_index - slot.paragraph <= 1
        and ctx.has(_FIGURE_MOVES)
    )


# A sentence that goes on about the spending just stated: "Of this, Rs 1.8 lakh crore is for
# capital outlay", "The government will add 50 billion kroner", "The department's request
# includes $33.5 billion for shipbuilding".
_SPENDING_ANAPHOR = re.compile(
    r"(?i)[\s\W]*(?:of\s+(?:this|that|it|which|the\s+total)|it|that|this|its|their"
    r"|the\s+(?:kingdom|country|nation|state|republic|emirate)['’]s"
    r"|the\s+(?:[\w'’-]+\s+){0,3}?"  # "The armed forces' share is about 11 per cent"
    r"(?:government|ministry|department|cabinet|country|budget|request|plan|bill|treasury"
    r"|administration|pentagon|buildup|build-up|programme|program|allocation|outlay|figure"
    r"|sum|amount|increase|rise"
    r"|(?:armed\s+forces|military|army|defen[cs]e(?:\s+ministry)?)['’]s?\s+share)"
    r"(?:['’]s\s+(?:request|budget|plan|proposal))?)\b"
)


_YEAR_OR_SPAN = r"(?:19|20)\d\d(?:[-–/]\d\d)?"  # "2024", "2024-25", "2024/25"
# A whole's amount written before its noun: "the N28.7 trillion budget"
_AMOUNT_BEFORE_NOUN = r"(?:\S*\d\S*\s+(?:(?:million|billion|trillion|crore|lakh)\s+)?)?"
# "will receive R$ 60.9 billion in the 2025 budget": the budget named right after the amount
_BUDGET_AFTER = re.compile(
    r"(?i)\s+(?:(?:defen[cs]e|military|state|national|federal|annual)\s+)?budget\b"  # "N budget"
    r"|\s+(?:defen[cs]e|military)\s+(?:policy\s+|spending\s+|authori[sz]ation\s+|appropriations?\s+)?bill\b"
    rf"|\s+(?:in|from|under)\s+(?:the\s+|its\s+|this\s+year['’]s\s+)?(?:{_YEAR_OR_SPAN}\s+)?"
    r"(?:state\s+|federal\s+|national\s+|annual\s+|draft\s+|defen[cs]e\s+)?budget\b"
)
# The same, further afield, only in a sentence about defence (the other sectors get budgets
# too): "N28.7 trillion 2024 budget", "N3.25 trillion of Nigeria's N28.7 trillion 2024
# budget", "in the proposed budget", "in the 2024 Appropriation Act"
_DEFENCE_BUDGET_AFTER = re.compile(
    rf"(?i)\s+{_YEAR_OR_SPAN}\s+(?:(?:state|national|federal|annual)\s+)?budget\b"
    rf"|\s+of\s+(?:the\s+|its\s+|[A-Z][\w-]*['’]s\s+){_AMOUNT_BEFORE_NOUN}"
    rf"(?:{_YEAR_OR_SPAN}\s+)?(?:(?:state|federal|national|annual)\s+)?budget\b"
    rf"|\s+(?:in|from|under)\s+(?:the\s+|its\s+)?(?:{_YEAR_OR_SPAN}\s+)?"
    r"(?:(?:proposed|revised|approved|new|supplementary)\s+budget\b"
    r"|(?:appropriations?|finance)\s+(?:act|bill|law)\b)"
)
_EARMARKED = cue(r"earmark\w*")
_DEFENCE_WORD = cue(r"defen[cs]e|military|armed\s+forces|army|navy|air\s+force")
# "The Pentagon requested $849.8 billion for fiscal 2025": a budget request, where the
# sentence is about defence (not "Ukraine requested $5 billion from the IMF")
_REQUESTED = cue(r"request|requests|requested|requesting|sought|seeks|proposed|proposes")
_DEFENCE_BODY = cue(
    r"pentagon|defen[cs]e\s+(?:ministry|department|budget|spending)|ministry\s+of\s+defen[cs]e"
    r"|department\s+of\s+defen[cs]e|armed\s+forces|military\s+budget|fiscal|FY\s*\d{2,4}"
)


def _spending_year_before(ctx: Ctx) -> int | None:
    """The year of the spending fact of an earlier sentence of this paragraph (figures of no
    family between do not count): the year a paragraph about one budget speaks of."""
    draft = _spending_fact_before(ctx, ctx.paragraph[0], limit=NEIGHBOURS)
    if draft is not None:
        draft = _head_of_sentence(ctx, draft, ctx.paragraph[0])
    year = draft.fields.get("year") if draft is not None else None
    if year is None:
        return _paragraph_year(ctx)
    return int(year)


def _paragraph_year(ctx: Ctx) -> int | None:
    """The one year the sentences before this one in its paragraph state ("North Africa's arms
    race continued in 2024. Algeria's military spending rose 12% ..."): none when they state
    two, or name a year only as a starting point ('since 2014')."""
    ps, _ = ctx.paragraph
    s = ctx.sentence_start
    lo = max(ps, s - 2 * REACH)
    if lo >= s:
        return None
    stated = [  # "up 3.6 percent from 2024": a baseline, not the paragraph's year
        m
        for m in STATED_YEAR.finditer(ctx.text, lo, s)
        if m.group("prep").lower() not in ("since", "from", "until", "before")
    ]
    return _the_one_year(stated, A_YEAR.findall(ctx.text, lo, s))


def _the_one_year(stated: list[re.Match[str]], written: list[str]) -> int | None:
    """The year of the `stated` years when they are one, and every year `written` in the same
    text is it (or the opening year of its financial year: "in 2025-26" writes 2025)."""
    years = {closing_year(m.group("year"), m.group("end")) for m in stated}
    if len(years) != 1:
        return None
    (year,) = years
    return year if {int(y) for y in written} <= {year, year - 1} else None


def _spending_fact_before(ctx: Ctx, since: int, *, limit: int = NEIGHBOURS * 4) -> Draft | None:
    """The last fact of an earlier sentence since `since` (figures of no family skipped) when
    it is a spending fact."""
    for draft in ctx.facts_back(since, before=ctx.sentence_start, limit=limit):
        if draft.family != "other":
            return draft if draft.family == "spending" else None
    return None


def _spending_continued(ctx: Ctx) -> Draft | None:
    """The spending fact that money in a sentence right after it (its paragraph or the next)
    goes on about, when the sentence opens by referring back to it or to the spender (figures
    of no family between the two do not count)."""
    s, _ = ctx.sentence
    if _SPENDING_ANAPHOR.match(ctx.text, s, ctx.q.start) is None:
        return None
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 1)]
    last = _spending_fact_before(ctx, since)
    return _head_of_sentence(ctx, last, since) if last is not None else None


def _head_of_sentence(ctx: Ctx, last: Draft, since: int) -> Draft:
    """The first spending fact of the sentence `last` stands in: what a later sentence goes on
    about ("Russia plans to spend 13.5 trillion roubles in 2025, up from 10.8 trillion in 2024.
    That is 6.3% of GDP"), not a baseline or a part told after it."""
    head = last
    start = ctx.layout.sentence(last.quantity.number_start)[0]
    for draft in ctx.facts_back(max(since, start), before=ctx.sentence_start):
        if draft.family == "spending" and draft.quantity.start < head.quantity.start:
            head = draft
    return head


# "Shipbuilding accounts for $47 billion of the total", "the personnel bill alone absorbs R30
# billion": an amount described as a part of a budget just stated
_PART_BEFORE = re.compile(
    r"(?i)\b(?:including|includes|with|of\s+which)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$"
    r"|\b(?:accounts?\s+for|accounted\s+for|absorbs?|absorbed|takes?\s+up|took\s+up|eats?\s+up"
    r"|swallows?|consumes?|consumed)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+"
    r"|roughly\s+|more\s+than\s+|over\s+)?$"
)
_PART_AFTER = re.compile(
    r"(?i)\s*,?\s+(?:[\w%.-]+\s+){0,3}?of\s+(?:the|this|that|its|their)\s+(?:whole\s+|overall\s+)?"
    r"(?:total|budget|sum|amount|allocation|request|envelope)\b"
    r"|\s+(?:is\s+|are\s+|was\s+|will\s+be\s+)?(?:set\s+aside|earmarked|reserved|allocated)\s+for\b"
)


def _part_of_spending(ctx: Ctx) -> Draft | None:
    """The spending fact an amount is a part of ('accounts for $47 billion of the total'): the
    last fact before it in its sentence, its paragraph or the one before, if that fact is one
    of spending (figures of no family between do not count)."""
    s, e = ctx.sentence
    q = ctx.q
    if not (
        _PART_BEFORE.search(ctx.text, max(s, q.start - 40), q.start)
        or _PART_AFTER.match(ctx.text, q.end, min(e, q.end + 60))
    ):
        return None
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 1)]
    for draft in ctx.facts_back(since, limit=NEIGHBOURS):
        if draft.family != "other":
            return draft if draft.family == "spending" else None
    return None


_SAME_MEASURE_GAP = re.compile(
    r"(?i)(?:\s+(?:for|on|in|to)\s+[^.;,()\d]{1,40}?)?"  # "UAH 2.2 trillion for defence, which is"
    r"[\s,()]*(?:\([^)]{0,30}\)[\s,]*)?(?:which\s+(?:is|was|would\s+be|will\s+be)|equivalent\s+to"
    r"|equal\s+to|representing|amounting\s+to|or|i\.e\.)\s+(?:about\s+|around\s+|some\s+)?$"
)


def _sole_year(ctx: Ctx) -> int | None:
    """The one year a sentence states for a list of figures ('Colombia and Chile will spend
    3.2% and 1.8% of GDP on defence in 2025, respectively'), when it states no other."""
    if ctx.has(NOW):
        return None  # "this year, according to their 2025 budgets": not the sole year
    return _the_one_year(ctx.matches(STATED_YEAR), A_YEAR.findall(ctx.sentence_text))


# "about 21% of total government expenditure", "32% of all federal spending"
_OF_SPENDING = re.compile(
    # (with the whole's amount before the noun: "of the N28.7 trillion budget")
    rf"(?i)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:total\s+|all\s+|overall\s+)?{_AMOUNT_BEFORE_NOUN}"
    r"(?:(?:central\s+)?(?:government|state|national|federal|public)\s+)?"
    r"(?:spending|expenditures?|budget|outlays)\b"
)


def _spending_amount_in_sentence(ctx: Ctx) -> Draft | None:
    """The spending amount stated earlier in the figure's sentence (a share that follows it
    is of the same budget: its year and subject)."""
    for draft in ctx.facts_back(ctx.sentence[0], limit=NEIGHBOURS):
        if draft.family == "spending" and draft.quantity.kind == "money":
            return draft
    return None


def _same_measure(ctx: Ctx) -> Draft | None:
    """The spending amount this share restates, right before it in the sentence: 'budgeted at
    6.1 trillion yen, which was 1.09 percent of GDP'."""
    if ctx.index == 0:
        return None
    prev = ctx.quantities[ctx.index - 1]
    draft = ctx.drafts[ctx.index - 1]
    if draft is None or draft.family != "spending" or prev.number_start < ctx.sentence[0]:
        return None
    if draft.refs.get("restates") is not None and ctx.index >= 2:
        draft = ctx.drafts[ctx.index - 2]  # "9.9 trillion yen ($70 billion), equivalent to"
        prev = ctx.quantities[ctx.index - 2]
        if draft is None or draft.family != "spending":
            return None
    gap = ctx.text[ctx.quantities[ctx.index - 1].end : ctx.q.start]
    return draft if _SAME_MEASURE_GAP.fullmatch(gap) else None


_BUDGET_YEAR = re.compile(
    r"(?i)\b(?:(?:FY|fiscal\s+(?:year\s+)?)?((?:19|20)\d\d)(?:[-–/](\d\d))?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:budget|defen[cs]e\s+budget|state\s+budget|spending\s+plan|appropriations?)\b"
)


# "according to draft budget documents for 2026", "the budget request for fiscal 2027", "the
# Union Budget 2024-25"
_BUDGET_FOR_YEAR = re.compile(
    r"(?i)\bbudget\s+(?:(?:[\w-]+\s+){0,2}?for\s+(?:the\s+)?)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?"
    r"((?:19|20)\d\d)(?:[-–/](\d\d)\b)?(?![\d,.]\d)"
)


_NOW_RIGHT_BEFORE = re.compile(r"(?i)\bthis\s+(?:year|fiscal\s+year)['’]s\s+(?:[\w-]+\s+)?$")


def _budget_year(ctx: Ctx) -> int | None:
    """'in its 2024 budget', 'Ukraine's 2025 state budget provides UAH 2.2 trillion': the year
    a budget is named by."""
    found = ctx.matches(_BUDGET_YEAR) or ctx.matches(_BUDGET_FOR_YEAR)
    if not found:
        return None
    m = found[-1] if found[-1].start() < ctx.q.start else found[0]
    return closing_year(m.group(1), m.group(2))  # "the 2024-25 budget": 2025


def match_budget(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    if q.kind != "money":
        return None
    before = ctx.text[max(ctx.sentence[0], q.start - 100) : q.start]
    after = ctx.text[q.end : min(ctx.sentence[1], q.end + 40)]
    continued: Draft | None = None
    header = header_line(ctx)
    under_header = header is not None and MONEY_SPENDING_CUE.search(header) is not None
    if not (
        MONEY_SPENDING_CUE.search(before)
        or _SPENDING_AFTER.match(after)
        or _BUDGET_AFTER.match(after)
        or (_DEFENCE_BUDGET_AFTER.match(after) and ctx.has(_DEFENCE_WORD))
        or (_EARMARKED.search(before) and ctx.has(_DEFENCE_WORD))
        or _spending_follow_up(ctx)
        or (_REQUESTED.search(before) and ctx.has(_DEFENCE_BODY))
        or under_header  # "Military expenditure, 2024:" then "• Kazakhstan: $1.7 billion"
    ):
        continued = _spending_continued(ctx) or _part_of_spending(ctx)
        if continued is None:
            return None
    subject = _currency_country(ctx) or _spending_subject(ctx, allies=False)
    if subject is None and continued is not None:
        subject = continued.fields.get("subject")
    fields: dict[str, Any] = {"subject": subject}
    year = stated_year(ctx)
    if (
        year is None
        and ctx.doc.published
        and _NOW_RIGHT_BEFORE.search(ctx.text, max(ctx.sentence[0], q.start - 20), q.start)
    ):
        year = ctx.doc.published.year  # "up 3.6 percent from this year's 59.4 trillion won"
    year = year or _budget_year(ctx) or (_header_year(ctx) if under_header else None)
    if year is None and continued is not None:
        year = continued.fields.get("year")
    if year is None and ctx.has(NOW):
        # "from 52 billion euros this year": the publication's year (else a written date's)
        year = ctx.doc.published.year if ctx.doc.published else _carried_now(ctx)
    if year is None and not ctx.has(NOW):
        year = _spending_year_before(ctx)  # "... for 2025-26. Capital outlay stands at ..."
    if year is None and _spending_follow_up(ctx):
        year = ctx.carried("year", family="spending")  # "that figure rises to 6.9 trillion yen"
    if year:
        fields["year"] = year
    period = _PERIOD.search(ctx.text, q.end, ctx.sentence[1])
    if period:
        fields["period"] = f"{period.group(1)} {period.group(2)}"
    return fields


GDP_SHARE = Rule(
    id="spending.gdp_share",
    family="spending",
    description="A share of GDP spent on defence, or a target share (the 2% guideline).",
    match=match_gdp_share,
    examples=(
        # the same share stated again without "of GDP" as the level spending reaches
        Example(
            "Estonia will spend 3.4% of GDP on defence next year. Tallinn's spending this year "
            "is expected to reach 3.2%.",
            "3.2%",
            {"family": "spending", "subject": "EE"},
        ),
        # a share of the budget, in the sentence after the amount ("The allocation is ...")
        Example(
            "ACCRA — Defence received GH₵4.1 billion in the 2025 Appropriation Act. The armed "
            "forces' share is about 2.3 per cent of the GH₵180 billion budget.",
            "about 2.3 per cent",
            {"family": "spending", "subject": "GH", "year": 2025},
        ),
        # a share of the government's spending, after the defence amount of its sentence
        Example(
            "Oman has set aside 3.2 billion rials for defence in its 2026 budget, about 28% of "
            "total government spending and roughly 5.1% of GDP.",
            "about 28%",
            {"family": "spending", "subject": "OM", "year": 2026},
        ),
        Example(
            "Oman has set aside 3.2 billion rials for defence in its 2026 budget, about 28% of "
            "total government spending and roughly 5.1% of GDP.",
            "roughly 5.1% of GDP",
            {"family": "spending", "subject": "OM", "year": 2026},
        ),
        # the one year a sentence states for a list of shares
        Example(
            "Peru and Bolivia will spend 1.2% and 1.5% of GDP on defence in 2026, respectively.",
            "1.2%",
            {"family": "spending", "subject": "PE", "year": 2026},
        ),
        Example(
            "Poland already spends 4.1% of GDP on defence, the highest share in the alliance.",
            "4.1% of GDP",
            {
                "value": 4.1,
                "unit": "percent",
                "family": "spending",
                "subject": "PL",
                "status": "actual",
            },
        ),
        Example(
            "Canada has promised to reach 2 per cent of GDP by 2032.",
            "2 per cent of GDP",
            {"value": 2, "subject": "CA", "status": "target", "year": 2032},
        ),
        Example(
            "Israel's military budget currently stands at 3.1% of GDP.",
            "3.1% of GDP",
            {"value": 3.1, "subject": "IL", "status": "actual", "year": 2025},
            date(2025, 3, 1),
        ),
        Example(
            "Lithuania's defence spending will reach 3% of GDP, up from 2.5% last year.",
            "2.5%",
            {
                "value": 2.5,
                "unit": "percent",
                "family": "spending",
                "subject": "LT",
                "status": "actual",
            },
        ),
        Example(
            "Lithuania spent 2.5% of GDP on defence last year and plans 3% next year.",
            "3%",
            {"value": 3, "family": "spending", "subject": "LT", "status": "target", "year": 2025},
            date(2024, 5, 1),
        ),
        Example(
            "Only a third of NATO's 31 members met the 2% target last year.",
            "2%",
            {"value": 2, "family": "spending", "subject": "NATO", "status": "target"},
        ),
        # the share of an amount the sentence states just before: the amount's year
        Example(
            "Japan's 2026 budget provides ¥9 trillion for defence, which is 1.6% of GDP.",
            "1.6% of GDP",
            {"family": "spending", "subject": "JP", "year": 2026},
        ),
        Example(
            "Romania's 2026 budget sets aside 40 billion lei for defence. That amounts to 2.5% "
            "of GDP and includes 5 billion lei from a special fund.",
            "2.5% of GDP",
            {"family": "spending", "subject": "RO", "year": 2026},
        ),
        # a ranking: "X at N%" after a share of GDP
        Example(
            "Greece spends 3.1% of GDP on defence, ahead of Latvia at 2.9% and Lithuania at 2.8%.",
            "2.9%",
            {"family": "spending", "subject": "LV"},
        ),
        # one country promising to reach the alliance's guideline: the country's target
        Example(
            "Prime Minister Pedro Sánchez has promised to reach the alliance's 2% guideline "
            "by 2029.",
            "2%",
            {"family": "spending", "subject": "ES", "status": "target", "year": 2029},
        ),
        Example(
            "Belgium spends 1.3% of GDP on defence and has pledged to reach 2% by 2035.",
            "2%",
            {"family": "spending", "subject": "BE", "status": "target", "year": 2035},
        ),
        # a country that will meet the alliance's target: its own target
        Example(
            "Belgium will meet NATO's 2% target this year, the prime minister said.",
            "2%",
            {"family": "spending", "subject": "BE"},
        ),
        # "respectively" pairs names and figures; a year right after a figure is its own
        Example(
            "Greece and Cyprus spend 3.1% and 1.9% of GDP on defence respectively.",
            "1.9% of GDP",
            {"family": "spending", "subject": "CY"},
        ),
        Example(
            "Portugal plans to reach 2% of GDP by 2029, from 1.5% in 2024.",
            "1.5%",
            {"family": "spending", "subject": "PT", "year": 2024},
        ),
        # with no publication date, "this year" is the document's latest stated year
        Example(
            "Canada is on track to reach 1.45 per cent of GDP this year. Twenty of 32 allies "
            "will meet the target in 2025.",
            "1.45 per cent of GDP",
            {"family": "spending", "subject": "CA", "year": 2025},
        ),
        # a share restating an amount and its bracketed conversion keeps the amount's year
        Example(
            "Spending for fiscal 2026 will total 10 trillion yen ($68 billion), equivalent to 1.9 "
            "percent of GDP, as Japan aims for 2 percent by 2028.",
            "1.9 percent of GDP",
            {"family": "spending", "subject": "JP", "year": 2026},
        ),
        # "That is" goes on about the first amount of the sentence before, not its baseline
        Example(
            "Brazil plans to spend R$130 billion on defence in 2027, up from R$120 billion in "
            "2026. That is equivalent to about 1.1% of GDP.",
            "about 1.1% of GDP",
            {"family": "spending", "subject": "BR", "year": 2027},
        ),
        # a sentence that goes on about a spender ("Its military burden") keeps its year
        Example(
            "Chile was South America's second-largest military spender in 2023, with an "
            "estimated $5.6 billion. Its military burden of 1.6% of GDP was the region's highest.",
            "1.6% of GDP",
            {"family": "spending", "subject": "CL", "year": 2023},
        ),
        Example(  # the spender of the amount an anaphor goes on about, not a name between
            "HANOI - Vietnam has raised its defence budget by 8% to 150 trillion dong, weeks "
            "after a stand-off with China. The allocation equals about 2.3% of GDP.",
            "about 2.3% of GDP",
            {"family": "spending", "subject": "VN"},
        ),
        Example(  # a country after the figure that a comparison or time phrase governs
            "Algeria's defence budget for 2025 is 3.2 trillion dinars. Military spending "
            "reached 8.0% of GDP, the highest share in Africa after Mali.",
            "8.0% of GDP",
            {"family": "spending", "subject": "DZ"},
        ),
        Example(
            "Morocco raised its military budget to 133 billion dirhams. The kingdom spends "
            "about 4 percent of GDP on defence, against Algeria's 8 percent.",
            "about 4 percent of GDP",
            {"family": "spending", "subject": "MA"},
        ),
        Example(
            "MOSCOW - Russia will spend 13 trillion roubles on defence next year. Defence will "
            "take 6.5% of GDP, the most since Soviet times.",
            "6.5% of GDP",
            {"family": "spending", "subject": "RU"},
        ),
    ),
    counter_examples=(
        "Unemployment fell to 4.1 percent in March.",
        "The party has pledged to reach 40% in the polls by 2027.",
        "Turnout was 62 per cent.",
    ),
)

ALLIES_MEETING = Rule(
    id="spending.allies_meeting",
    family="spending",
    description="How many allies meet a share-of-GDP guideline, as its own fact.",
    match=match_allies_meeting,
    examples=(
        Example(
            "In 2014 only three NATO allies met the 2% of GDP target.",
            "three NATO allies",
            {
                "value": 3,
                "unit": "ally",
                "family": "spending",
                "subject": "NATO",
                "year": 2014,
                "measure": "allies meeting the 2% of GDP guideline",
            },
        ),
        Example(
            "Today 18 members are spending at least 2 percent of GDP on defence, NATO says.",
            "18 members",
            {"value": 18, "unit": "member", "subject": "NATO", "year": 2023},
            date(2023, 7, 1),
        ),
        Example(
            "In 2014, only three allies met the 2% target; this year 23 of NATO's 32 members "
            "are expected to do so.",
            "23",
            {
                "value": 23,
                "unit": "member",
                "subject": "NATO",
                "year": 2024,
                "measure": "members meeting the 2% of GDP guideline",
            },
            date(2024, 6, 1),
        ),
        Example(
            "Only nine of NATO's 30 members met the target in 2021, against 23 in 2024.",
            "23",
            {"value": 23, "unit": "member", "family": "spending", "subject": "NATO", "year": 2024},
        ),
        Example(
            "Only nine of NATO's 30 members met the target in 2021, against 23 in 2024.",
            "nine",
            {"value": 9, "unit": "member", "year": 2021},
        ),
    ),
    counter_examples=(
        "The summit brought together 32 NATO members in Washington.",
        "The alliance's 32 members account for about 55% of global military spending.",
    ),
)

BUDGET = Rule(
    id="spending.budget",
    family="spending",
    description="A defence budget or spending plan in money, with its period when stated.",
    match=match_budget,
    examples=(
        # an office no country names, under the dateline of its capital
        Example(
            "Uganda's budget grows\nKAMPALA — The Defence ministry has been allocated Sh3.9 "
            "trillion in the 2025/26 budget, officials said, as troops remain in Somalia.",
            "Sh3.9 trillion",
            {"family": "spending", "subject": "UG"},
        ),
        # a sentence opening on the budget just stated goes on about it (not aid to partners)
        Example(
            "Tokyo approved an 8.9 trillion yen defence budget for fiscal 2026. The budget "
            "includes 80 billion yen for a fighter developed with Britain and Italy.",
            "80 billion yen",
            {"family": "spending", "subject": "JP", "year": 2026},
        ),
        Example(
            "Tokyo plans spending about US$240bn on its forces over the next five years.",
            "about US$240bn",
            {
                "value": 240000000000,
                "unit": "USD",
                "qualifier": "approximate",
                "family": "spending",
                "subject": "JP",
                "period": "five years",
            },
        ),
        Example(
            "Britain's defence budget is £54.2 billion this year.",
            "£54.2 billion",
            {"value": 54200000000, "unit": "GBP", "subject": "GB"},
        ),
        Example(
            "Germany's defence budget will rise to €72bn next year, from €52bn last year.",
            "€52bn",
            {"value": 52000000000, "unit": "EUR", "subject": "DE", "year": 2023},
            date(2024, 5, 1),
        ),
        # a share of a budget named after the amount, with the budget's year; money earmarked
        Example(
            "ACCRA — Defence will take GH₵4.1 billion of Ghana's GH₵180 billion 2025 budget.",
            "GH₵4.1 billion",
            {"family": "spending", "subject": "GH", "year": 2025},
        ),
        Example(
            "Oman has earmarked OMR 3.2 billion for the military sector in its 2026 budget.",
            "OMR 3.2 billion",
            {"family": "spending", "subject": "OM", "year": 2026},
        ),
        # a sector that receives money in the proposed budget or an appropriation act
        Example(
            "Defence gets Rs 6.8 lakh crore in the proposed budget for 2025-26.",
            "Rs 6.8 lakh crore",
            {"family": "spending", "subject": "IN", "year": 2026},
        ),
        # the budget year before the one stated ("outgoing", "last year"), by closing years;
        # a European scale word; the "tr" of trillion
        Example(
            "Sri Lanka proposed Rs 442 billion for defence in the budget for 2025-26, up from "
            "Rs 423 billion allocated for the outgoing financial year.",
            "Rs 423 billion",
            {"family": "spending", "subject": "LK", "year": 2025},
        ),
        Example(
            "Nepal has proposed NPR 0.06tr for its army in the budget for 2025-26, compared with "
            "NPR 55 billion last year.",
            "NPR 55 billion",
            {"family": "spending", "subject": "NP", "year": 2025},
        ),
        Example(
            "Norway's defence budget will rise to 4,2 milliard kroner in 2026.",
            "4,2 milliard kroner",
            {"value": 4200000000, "unit": "NOK", "family": "spending", "subject": "NO"},
        ),
        # the next sentence goes on about the same spending
        Example(
            "Pakistan has allocated PKR 2.1 trillion to defence for 2024. Of this, PKR 500 "
            "billion is for procurement of new equipment.",
            "PKR 500 billion",
            {"family": "spending", "subject": "PK", "year": 2024},
        ),
        Example(
            "Finland will lift defence spending to 2.4% of GDP. The government will add "
            "€3 billion over four years.",
            "€3 billion",
            {"family": "spending", "subject": "FI"},
        ),
        # a list under a spending header; the budget named after the amount
        Example(
            "Military expenditure, 2023 (estimates):\n• Georgia: $470 million\n• Moldova: $90 "
            "million",
            "$90 million",
            {"family": "spending", "subject": "MD", "year": 2023},
        ),
        Example(
            "Chile's armed forces will receive $4.6 billion in the 2026 budget.",
            "$4.6 billion",
            {"family": "spending", "subject": "CL", "year": 2026},
        ),
        Example(
            "Kuwait has budgeted KWD 2 billion (about $6.5 billion) for defence in 2026.",
            "KWD 2 billion",
            {"family": "spending", "subject": "KW", "year": 2026},
        ),
        Example(
            "Kenya has allocated KES 150 billion to defence for 2025-26. Spending on new "
            "equipment stands at KES 30 billion.",
            "KES 30 billion",
            {"family": "spending", "subject": "KE", "year": 2026},
        ),
        # a budget request in a sentence about defence
        Example(
            "The Ministry of Defence requested ¥8.5 trillion for fiscal 2025.",
            "¥8.5 trillion",
            {"family": "spending", "subject": "JP", "year": 2025},
        ),
        Example(
            "ANKARA (Reuters) - The defence ministry has been allocated 1.1 trillion lira for "
            "2026.",
            "1.1 trillion lira",
            {"family": "spending", "subject": "TR", "year": 2026},
        ),
        # a part of the budget just stated: "accounts for ... of the total", "absorbs ..."
        Example(
            "Chile's 2025 defence budget totals $5.1 billion. Personnel costs account for "
            "$3.2 billion of the total.",
            "$3.2 billion",
            {"family": "spending", "subject": "CL", "year": 2025},
        ),
        Example(
            "Kenya will spend KSh 180 billion on defence in 2026; salaries alone absorb "
            "KSh 95 billion.",
            "KSh 95 billion",
            {"family": "spending", "subject": "KE", "year": 2026},
        ),
        # a budget's own name ending in a cue word ("Support Fund") is no word of aid
        Example(
            "Romania's 2026 budget sets aside 40 billion lei for defence. That amounts to 2.5% "
            "of GDP and includes 6 billion lei from the Defence Industry Support Fund.",
            "6 billion lei",
            {"family": "spending", "subject": "RO", "year": 2026},
        ),
        # "The four-year modernisation plan": a plan spoken of right after a budget
        Example(
            "Spain's defence ministry requested €15 billion for 2026. The four-year "
            "modernisation plan totals €40 billion.",
            "€40 billion",
            {"family": "spending", "subject": "ES"},
        ),
        # parts of a budget in its own sentence: "including ...", "with ... set aside for"
        Example(
            "India's defence budget will rise to ₹6.8 lakh crore, with ₹1.8 lakh crore set aside "
            "for new weapons.",
            "₹1.8 lakh crore",
            {"family": "spending", "subject": "IN"},
        ),
        Example(
            "The US Senate approved a $900 billion defense bill for fiscal 2026, including $30 "
            "billion for shipbuilding.",
            "$30 billion",
            {"family": "spending", "subject": "US", "year": 2026},
        ),
        Example(
            "CANBERRA - Defence funding will rise to A$60 billion in 2027-28.",
            "A$60 billion",
            {"family": "spending", "subject": "AU", "year": 2028},
        ),
        # a spending word up to 100 characters before the amount; "this year's" amount is the
        # publication's year even beside a budget named for next year
        Example(
            "Australia's defence spending and related costs for fiscal 2026 are expected to "
            "total A$59 billion.",
            "A$59 billion",
            {"family": "spending", "subject": "AU", "year": 2026},
        ),
        Example(
            "The ministry has requested a 2027 budget of 70 trillion won, up 4 percent from "
            "this year's 67 trillion won.",
            "67 trillion won",
            {"family": "spending", "subject": "KR", "year": 2026},
            date(2026, 8, 27),
        ),
        # a country's "military spender" ranking; "its" goes on about it; "this year" is the
        # publication's
        Example(
            "Chile was South America's second-largest military spender in 2023, with an "
            "estimated $5.6 billion.",
            "an estimated $5.6 billion",
            {"family": "spending", "subject": "CL", "year": 2023},
        ),
        Example(
            "Italy will raise its defence budget to 35 billion euros next year from 32 billion "
            "euros this year.",
            "32 billion euros",
            {"family": "spending", "subject": "IT", "year": 2026},
            date(2026, 5, 5),
        ),
        # "budget documents for 2027": the year a budget is for, wherever the sentence says it
        Example(
            "Turkey plans to spend 1.6 trillion lira on defence next year, according to the "
            "draft budget submitted for 2027.",
            "1.6 trillion lira",
            {"family": "spending", "subject": "TR", "year": 2027},
        ),
        Example(  # a budget named by its year after it; rupees in a text naming no country
            "The defence ministry has been allocated Rs 6,81,210 crore in the Union Budget "
            "2025-26, which is 13.45 per cent of the total budget.",
            "Rs 6,81,210 crore",
            {"family": "spending", "subject": "IN", "year": 2026},
        ),
        Example(  # the one year the paragraph's opening sentence states
            "East Asia's arms race continued in 2025. Taiwan's military spending rose 7% to "
            "NT$647 billion.",
            "NT$647 billion",
            {"family": "spending", "subject": "TW", "year": 2025},
        ),
        Example(  # the dateline's country, not the one a phrase of cause names
            "WASHINGTON - Congress approved an $883 billion defense bill on Friday, citing "
            "Russia's war in Ukraine.",
            "$883 billion",
            {"family": "spending", "subject": "US"},
        ),
    ),
    counter_examples=(
        "The US gave $300 million in aid to Ukraine.",
        "Ukraine requested $5 billion from the IMF.",
        "Of this, $2 million went to local football clubs.",
    ),
)


# --- changes and shares of a defence budget, in percent ------------------------------------

# A defence budget named in a sentence: "its defence budget", "military spending", "the
# budget for the armed forces"
_DEFENCE_BUDGET = cue(
    r"(?:defen[cs]e|military)\s+(?:budget|budgets|spending|expenditure|expenditures|outlays?"
    r"|allocation|appropriations?)|budget\s+for\s+(?:defen[cs]e|the\s+military|the\s+armed\s+forces)"
    r"|(?:defen[cs]e|military)\s+spenders?"
)
# The figure is a change: "up 9.4%", "by 7.2%", "a 5% rise", "20.33 per cent increase"
_CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:up|down|by|rise\s+of|increase\s+of|growth\s+of|cut\s+of|jump\s+of|rose|fell|grew"
    r"|jumped|climbed|increased|decreased|dropped|raised|boosted|cut)\s+(?:about\s+|around\s+"
    r"|some\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+)?$"
)
_CHANGE_AFTER = re.compile(
    r"(?i)\s+(?:(?:year-on-year|annual|real-terms|nominal)\s+)?(?:rise|increase|jump|hike|cut"
    r"|growth|boost|decline|drop|higher|more|lower|less)\b"
    r"|\s+of\s+(?:the\s+)?(?:total|overall|whole|state|national|federal|government|global|world)"
    r"\b[^.;]{0,30}?\b(?:budget|spending|expenditure|outlays?|total)\b"
)


def match_budget_change(ctx: Ctx) -> dict[str, Any] | None:
    """A percentage that measures a defence budget: its change ('up 9.4% from the current
    year', 'will increase its defence budget by 7.2% in 2025', 'a 5% rise on 2023') or its
    share of a whole ('13.04 per cent of the total budget'), in a sentence about the defence
    budget or right after its amount."""
    q = ctx.q
    if q.kind != "percent" or q.of == "GDP":
        return None
    lo = max(ctx.sentence[0], q.start - 40)
    change = _CHANGE_BEFORE.search(ctx.text, lo, q.start) is not None or bool(
        _CHANGE_AFTER.match(ctx.text, q.end, min(len(ctx.text), q.end + 60))
    )
    if not change:
        return None
    amount = _spending_amount_in_sentence(ctx)
    if amount is None and not ctx.has(_DEFENCE_BUDGET):
        return None
    fields: dict[str, Any] = {}
    subject = amount.fields.get("subject") if amount is not None else None
    fields["subject"] = subject or _spending_subject(ctx, allies=False)
    year = amount.fields.get("year") if amount is not None else None
    year = year or stated_year(ctx)
    if year is None and ctx.has(NOW):  # "by 7.2% this year": the publication's (or a date's)
        year = ctx.doc.published.year if ctx.doc.published else _carried_now(ctx)
    year = year or _spending_year_before(ctx)
    if year:
        fields["year"] = year
    return fields


BUDGET_CHANGE = Rule(
    id="spending.change",
    family="spending",
    description="A defence budget's change or share of a whole, in percent.",
    match=match_budget_change,
    examples=(
        Example(
            "Seoul approved a 61.2 trillion won defence budget for 2025, up 3.6% from this year.",
            "3.6%",
            {"family": "spending", "subject": "KR", "year": 2025},
        ),
        Example(
            "Vietnam will increase its defence budget by 8.1% in 2026, state media said.",
            "8.1%",
            {"family": "spending", "subject": "VN", "year": 2026},
        ),
        Example(
            "Morocco allocated 133 billion dirhams to its armed forces for 2026, a 7% rise on "
            "2025.",
            "7%",
            {"family": "spending", "subject": "MA", "year": 2026},
        ),
        Example(
            "Indonesia's 2026 budget sets capital outlays for the armed forces at 48 trillion "
            "rupiah, a 12 per cent increase over the previous year.",
            "12 per cent",
            {"family": "spending", "subject": "ID", "year": 2026},
        ),
    ),
    counter_examples=(
        "Exports rose 4.2% in 2023.",
        "Inflation fell to 3.1% in March, the central bank said.",
    ),
)
