"""Aid: money (or equipment) one country gives another."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from datetime import date
from typing import Any

from extractor.gazetteer import gazetteer
from extractor.places import places_in
from extractor.rules.attribution import (
    A_YEAR,
    DIRECTION,
    NOW,
    closing_year,
    header_line,
    header_span,
    is_country,
    respective,
    stated_year,
    total_before_including,
)
from extractor.rules.base import NEIGHBOURS, REACH, Ctx, Draft, Example, Rule, cue
from extractor.rules.roles import (
    AUX,
    COORDINATED,
    GIVE,
    GIVE_TO,
    NAME_TO_FIGURE,
    Role,
    adjective_side,
    document_roles,
    roles,
    subject_of_next_figure,
)

AID_CUE = cue(
    r"aid|assistance|package|support|contribution|contributions|pledge|pledged|pledges|donat\w*"
    r"|commit|commits|committed|commitment|commitments|grant|grants|gift|gifted|funding"
    r"|military\s+support"
    r"|contribut\w*|loan|loans|weapons|arms|send|sends|sent|sending|deliver|delivers|delivered"
    r"|provide|provides|provided|providing|transfer|transfers|transferred|transferring"
    r"|give|gives|given|giving|gave|hand|hands|handed|handing|offer|offers|offered"
    r"|includ\w*|allocat\w*|earmark\w*|dispatch\w*|shipp\w*|airlift\w*|channel\w*|financ\w*"
    r"|lend|lends|lent|lending"
    r"|supply|supplies|supplied|supplying|donating|pledging|delivering|sending|handing|gifting"
    r"|credit|credits|deposit\w*|relief|reconstruction|humanitarian|envelope|tranche|disburs\w*"
    r"|promise|promises|promised|promising|committing|development\s+funds?|donor|donors|oda"
)
# Without a named recipient, only these make money aid: the word itself or a giving verb.
AID_WORD = cue(r"aid|assistance|contribut\w*|pledg\w*|donat\w*|humanitarian|relief|oda")
STRONG_AID_CUE = cue(r"aid|assistance|package|support|contribution|contributions|donation\w*")
EQUIPMENT_CUE = cue(
    r"send|sends|sent|sending|supply|supplies|supplied|deliver|delivers|delivered|provide|provides"
    r"|provided|donate|donates|donated|gift|gifts|gifted|pledge|pledges|pledged|transfer|transfers"
    r"|transferred|transferring|supplying|providing|sending|delivering|donating|handing|hand"
    r"|hands|handed|gifting|package|includ\w*|receiv\w*|financ\w*|purchas\w*|procur\w*"
    r"|ship|ships|shipped|shipping|dispatch\w*|airlift\w*|fund|funds|funded|funding"
    r"|delivery|deliveries|promised|promises|promise"
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
    drone ship boat system weapon piece munition mortar interceptor radar ammunition truck
    trailer helmet vest plate generator ambulance ration dose vaccine kit tent blanket tonne
    ton kilogram litre barrel vessel warship frigate corvette submarine rifle grenade bomb
    mine transformer""".split()
)


# Measures of goods a donor ships ("2,000 tonnes of rice", "5,000 litres of fuel").
_GOODS_MEASURES = frozenset({"tonne", "ton", "kilogram", "litre", "barrel"})


EXERCISE_OR_HARM = cue(
    r"exercises?|drills?|manoeuvres|maneuvers|war\s?games|killed|died|dead|wounded|injured"
    r"|casualt\w+|massacre|troops\s+(?:took|take)\s+part"
)
# "drill 40 wells", "drilled boreholes": the verb of digging, not an exercise
_DIGS = re.compile(r"(?i)drill(?:s|ed|ing)?\s+(?:\d|(?:new\s+)?(?:wells?|boreholes?)\b)")


def _exercise_or_harm(ctx: Ctx) -> bool:
    return any(not _DIGS.match(ctx.text, m.start()) for m in ctx.matches(EXERCISE_OR_HARM))


_PACKAGE = cue(r"package|aid|assistance|support|delivery|deliveries|donation|shipment|tranche")
_INCLUDES = cue(r"includ\w*|compris\w*|consist\w*|such\s+as|contain\w*|made\s+up\s+of")
_LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:[-•*–]|\d+[.)])[ \t]+")
_GIVING_VERB = re.compile(
    rf"(?i)\b(?:{GIVE_TO}|pledg\w*|donat\w*|deliver\w*|transfer\w*|gift\w*|dispatch\w*|deploy\w*)\b"
)


_FOLLOW_UP = cue(
    r"a\s+further|another|an\s+additional|additional|also|the\s+remaining|the\s+rest"
    r"|will\s+go|goes|went|will\s+be\s+(?:used|spent|directed|allocated)|will\s+fund|is\s+for"
    r"|are\s+for|earmarked"
)


def _follow_up(ctx: Ctx) -> bool:
    """'Spain will send €30 million in aid to Ukraine. A further €10 million will go to
    demining.': money right after an aid fact in the same paragraph, with a word that adds to
    it or says where it goes."""
    if ctx.carried("donor", family="aid") is None:
        return False
    return ctx.has(_FOLLOW_UP)


# A sentence that goes on about the aid just stated: its subject is the donor again ("It",
# "The ministry", "The government") or the aid itself ("The package", "The money").
_ANAPHOR = re.compile(
    r"(?i)(?:of\s+(?:this|that|it|which|the\s+total)|it|they|he|she|officials?"
    # "Of the new money, roughly NOK 5 bn is earmarked for air defence"
    r"|of\s+(?:the|this|that|its|their)\s+(?:(?:new|additional|extra|fresh|latest|total)\s+)?"
    r"(?:money|package|aid|funds?|funding|sum|amount|allocation|assistance|contribution|pledge)"
    r"|under\s+(?:the|this|these|that|its)\s+(?:agreements?|deal|programme|program|package"
    r"|grant|loan|plan)\s*,?\s*(?:[A-Z][\w-]*|it|the\s+\w+)"
    r"|(?:our|its|their)\s+(?:contribution|support|aid|funding|assistance|money|package|grant|loan)"
    r"|the\s+(?:[A-Z][\w-]*-based\s+)?"
    r"(?:(?:latest|new|first|second|third|last|next|final|relief|humanitarian|aid)\s+)?"
    r"(?:lender|ministry|government|department|agency|cabinet"
    r"|council|administration|minister|country|package|money|aid|funds?|funding|assistance"
    r"|deliver(?:y|ies)|shipment|grant|loan|donation|contribution|pledge|value|support|financing"
    r"|credit|deal|sum|tranche|facility|bank|fund|embassy|project|projects|initiative"
    r"|centre|center|foundation|charity|organi[sz]ation|agreements?"
    r"|vessel|ship|convoy|flight|plane|consignment|cargo|batch|goods|supplies|items"
    r"|programme|program))\b"
)
# A phrase put before the subject: "Since its founding in 2015, ", "In a statement on Monday, "
_FRONTED = re.compile(
    r"(?:Since|In|On|At|By|Last|This|Earlier|Separately|Meanwhile|So\s+far)\b[^,.;]{0,50},\s*"
)
# "Around DKK 3 billion of the package is allocated to ...": a part of the aid just stated
_OF_THE_AID = re.compile(
    r"(?i)\s+of\s+(?:the|this|that|its|their)\s+(?:new\s+|latest\s+|total\s+|overall\s+)?"
    r"(?:package|aid|amount|funding|money|sum|total|pledge|contribution|grant|loan|assistance"
    r"|support|allocation|commitment)\b"
)
# What a donor does with the aid, beside giving it: "would fund 10,000 drones", "will train 1,000
# officials", "followed by 2,000 tonnes of rice", "60,000 recruits had been trained".
_AID_USE = cue(
    r"fund|funds|funded|funding|pay\s+for|paid\s+for|buy|buys|bought|purchas\w*|train|trains"
    r"|trained|training|followed\s+by|ship|ships|shipped|shipping|equip\w*|cover\w*|finance\w*"
    r"|go\s+to|goes\s+to|went\s+to|would\s+go|will\s+go|include|includes|included|including"
    r"|deliver\w*|sen[dt]\w*|dispatch\w*|donat\w*|provid\w*|transfer\w*|deploy\w*|set\s+up"
    r"|built|build|builds|opened|establish\w*|rebuil\w*|repair\w*|restor\w*|rehabilitat\w*"
    r"|implement\w*|construct\w*|renovat\w*|install\w*|drill|drills|drilled|equip\w*"
    r"|supports?|supported|helps?|helped|assists?|assisted|benefit\w*|reach\w*|feeds?|serves?"
    r"|carry|carrying|carried|carries|complet\w*"
)


_USED_AFTER = re.compile(
    r"(?i)(?:\s+[\w-]+){0,6}?\s+(?:would|will|had|have|has|were|was|are|is)\s+(?:also\s+|already\s+)?"
    r"(?:be\s+|been\s+)?(?:deliver|sent|send|shipp|ship|train|fund|provid|donat|dispatch|hand"
    r"|deploy|flown|airlift|arriv)\w*"
    # "A 40-member rescue team from Ankara arrived in Beirut"
    r"|(?:\s+[\w-]+){0,6}?\s+(?:arrived|landed|flew\s+in|flew\s+to)\b"
)


def _used_as_aid(ctx: Ctx) -> bool:
    """The count is what the aid does: the object of such a verb ('would fund 10,000 drones',
    'will train 1,000 officials'; not 'transfer to the 700-person initiative'), or its subject
    in the passive ('19 transformers would be delivered', '60,000 recruits had been trained')."""
    before = ctx.before()
    verbs = list(_AID_USE.finditer(before))
    gap = before[verbs[-1].end() :] if verbs else ""
    if verbs and len(gap) < 30 and _PREPOSITION.search(gap) is None:
        return True
    end = min(len(ctx.text), ctx.q.end + 80)
    return _USED_AFTER.match(ctx.text, ctx.q.end, end) is not None


def _continues_aid(ctx: Ctx) -> bool:
    """'Denmark will donate its artillery to Ukraine. The ministry put the value of the 19
    howitzers at 1.2 billion kroner.': a sentence right after an aid fact (its paragraph or
    the next) whose subject is that donor again, by pronoun, office or name, or the aid
    itself, goes on about the same aid.  Asked up to three times per figure: answered once."""
    if "continues_aid" not in ctx.memo:
        ctx.memo["continues_aid"] = _goes_on_about_aid(ctx)
    return bool(ctx.memo["continues_aid"])


def _goes_on_about_aid(ctx: Ctx) -> bool:
    earlier = _aid_before(ctx)  # an earlier sentence's, not this one's
    donor = earlier.fields.get("donor") if earlier is not None else None
    if donor is None:
        donor = _giver_just_before(ctx)
    s, _ = ctx.sentence
    if donor is None and earlier is None:
        return False
    head = ctx.text[s : ctx.q.start]
    opener = re.match(r"[\s\W]*", head)
    at = opener.end() if opener else 0
    if _ANAPHOR.match(head, at):
        return True
    fronted = _FRONTED.match(head, at)  # "Since its founding in 2015, the centre has ..."
    if fronted is not None and _ANAPHOR.match(head, fronted.end()):
        return True
    if not head[at:].strip() and _OF_THE_AID.match(ctx.text, ctx.q.end):
        return True  # the figure opens the sentence: "About €4 million of the package ..."
    named = ctx.mentions(max(s, ctx.q.start - 40), ctx.q.start)
    if (
        named
        and is_country(named[-1].code)
        and NAME_TO_FIGURE.fullmatch(ctx.text, named[-1].end, ctx.q.start)
    ):
        return True  # "... followed by Sweden (SEK 150 million) and Denmark (DKK 80 million)"
    line_start = ctx.layout.line_starts[ctx.layout.line(ctx.q.start) - 1]
    if _LIST_ITEM.match(ctx.text, line_start) and ctx.q.start - line_start < 40:
        return True  # "The funding breaks down as follows:" then "- €110 million for Sudan;"
    # the donor named again as the subject ("Beijing will also train ..."), or a receiver of
    # the aid just stated as the subject of "receive" ("Tonga alone will receive NZ$3 million")
    first = ctx.mentions(s, ctx.q.start)
    if not first or first[0].start - s > at + 4:
        return False
    if first[0].code == donor:
        return True
    return (
        earlier is not None
        and first[0].code != donor
        and _RECEIVES.match(ctx.text, first[0].end, ctx.q.start) is not None
    )


_RECEIVES = re.compile(
    r"(?i)(?:['’]s)?\s+(?:alone\s+|itself\s+)?(?:will\s+|would\s+|is\s+to\s+|is\s+set\s+to\s+"
    r"|also\s+|then\s+)*(?:receive[sd]?|get|gets|got|obtain(?:s|ed)?)\b"
)


def _aid_header(
    ctx: Ctx,
) -> tuple[str | list[str] | None, str | list[str] | None, int | None] | None:
    """(donor, recipient, year) of the header a list item stands under (`header_span`), when
    that header speaks of aid: "The Netherlands' humanitarian contributions for 2026:" then
    "- €35 million to the UN fund", "- 4,000 family tents for Sudan"."""
    line_start = ctx.layout.line_starts[ctx.layout.line(ctx.q.start) - 1]
    if not _LIST_ITEM.match(ctx.text, line_start) or ctx.q.start - line_start >= 120:
        return None
    cache = ctx.frame.cache.setdefault("aid_header", {})
    if line_start in cache:
        return cache[line_start]  # type: ignore[no-any-return]
    found: tuple[str | list[str] | None, str | list[str] | None, int | None] | None = None
    span = header_span(ctx)
    line = ctx.text[span[0] : span[1]] if span is not None else ""
    if span is not None and (AID_WORD.search(line) or STRONG_AID_CUE.search(line)):
        # "Australia's assistance to Ukraine:": a giver by its role or as the owner of the
        # aid; a receiver by its role ("to Ukraine"); a name in no role gives nothing
        start, end = span
        found_roles = roles(ctx, start, end)
        givers = [r.mention.code for r in found_roles if r.role == "giver"]
        receivers = [r.mention.code for r in found_roles if r.role == "receiver"]
        owners = [
            m.code
            for m in ctx.entities.within(start, end)
            if is_country(m.code)
            and (m.possessive or m.form == "adjective" or ctx.text[m.end : m.end + 1] in "'’")
            and m.code not in receivers
        ]  # ("The Netherlands' humanitarian contributions")
        donor = givers[0] if givers else owners[0] if owners else None
        recipient = receivers[0] if receivers else _list_receiver(ctx, end, donor)
        year = A_YEAR.search(line)
        found = (donor, recipient, int(year.group()) if year else None)
    cache[line_start] = found
    return found


def _list_receiver(ctx: Ctx, header_end: int, donor: str | list[str] | None) -> str | None:
    """'The package also included:' ... '- spares to refurbish up to 100 Ukrainian tanks': the
    one country the items of an aid list name as receiving, or whose forces or equipment they
    name by adjective, receives every item (at most 24 lines, until a line that is no item)."""
    codes: set[str] = set()
    pos = ctx.text.find("\n", header_end)
    for _ in range(24):
        if pos < 0:
            break
        nxt = ctx.text.find("\n", pos + 1)
        line_end = nxt if nxt >= 0 else len(ctx.text)
        line = ctx.text[pos + 1 : line_end]
        if line.strip():
            if not _LIST_ITEM.match(line):
                break
            for r in roles(ctx, pos + 1, line_end):
                if r.role == "receiver" and is_country(r.mention.code):
                    codes.add(r.mention.code)
            for m in ctx.entities.within(pos + 1, line_end):
                if m.form == "adjective" and is_country(m.code):
                    codes.add(m.code)
        pos = nxt
    codes.discard(donor if isinstance(donor, str) else "")
    return codes.pop() if len(codes) == 1 else None


def _aid_before(ctx: Ctx) -> Draft | None:
    """The last aid fact of an earlier sentence, in this paragraph or the one before."""
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 1)]
    found = (d for d in ctx.facts_back(since, before=ctx.sentence_start) if d.family == "aid")
    return next(found, None)


def _giver_just_before(ctx: Ctx) -> str | None:
    """The giver of the sentence before (in the same paragraph) when it speaks of giving
    without a figure: 'Denmark will donate its artillery fleet to Ukraine.'"""
    ps, _ = ctx.paragraph
    s = ctx.sentence_start
    if s - 2 < ps:
        return None
    ls, le = ctx.layout.sentence(s - 2)
    ls = max(ls, le - REACH)  # a rule reads at most REACH characters of a sentence
    if not AID_CUE.search(ctx.text, ls, le):
        return None
    if any(d.family not in ("aid", "other") for d in ctx.facts_back(ls)):
        return None  # a sentence whose figures are of another family speaks of that
    givers = [r for r in roles(ctx, ls, le) if r.role == "giver" and r.strength == 2]
    return givers[0].mention.code if givers else None


# What values a thing in money: "worth", "valued at", "at a total cost of", "costing"
_VALUED = r"worth|valued\s+at|at\s+a\s+(?:total\s+)?cost\s+of|costing"
_WORTH = re.compile(
    rf"(?i)\b(?:{_VALUED}|totall?ing)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|up\s+to)\s+)?$"
)


# "3,117 projects worth more than $7.1 billion", "1,012 projects valued at about $4.5 billion"
_WORTH_AFTER = re.compile(rf"(?i)\s+(?:[\w-]+\s+){{0,2}}?(?:{_VALUED})\s*$")
_AGREEMENTS = frozenset({"agreement", "contract", "accord", "memorandum", "deal"})
_SIGNED = re.compile(r"(?i)\b(?:sign\w*|conclud\w*|ink\w*)\s+$")
_BENEFICIARY_WITH = re.compile(
    r"(?i)\b(?:beneficiary|beneficiaries|recipient|recipients)\b[^.;]{0,20}?,?\s+with\s+$"
)


# "The relief goods were carried in 35 railway wagons", "delivered aboard 4 planes"
_CARRIED_IN = re.compile(
    r"(?i)\b(?:carried|transported|delivered|shipped|sent|moved|loaded|flown|brought)\s+"
    r"(?:in|on|aboard|by|onto|into)\s+$"
)


def _carried_in(ctx: Ctx) -> bool:
    """The conveyances the aid just stated is carried in, after a verb of carrying."""
    lo = max(ctx.sentence[0], ctx.q.start - 40)
    return _CARRIED_IN.search(ctx.text, lo, ctx.q.start) is not None


def _valued_as_aid(ctx: Ctx) -> bool:
    """'KSrelief has implemented 3,117 projects worth more than $7.1 billion': a count of
    things valued in money right after it, in a sentence about aid (its word, a giver's verb,
    a beneficiary, or the aid of the sentence before)."""
    nxt = ctx.quantities[ctx.index + 1] if ctx.index + 1 < len(ctx.quantities) else None
    if nxt is None or nxt.kind != "money" or nxt.number_start >= ctx.sentence[1]:
        return False
    if not _WORTH_AFTER.fullmatch(ctx.text, ctx.q.end, nxt.start):
        return False
    if _BENEFICIARY_WITH.search(ctx.text, ctx.sentence[0], ctx.q.start):
        return True  # "Yemen remains the largest beneficiary, with 1,012 projects valued at"
    # what aid does with the things ("implemented 3,117 projects"), in a sentence about aid;
    # agreements an aid body signs ("signed 14 agreements worth $57 million")
    if ctx.q.unit.split()[-1] in _AGREEMENTS and _SIGNED.search(ctx.before()[-30:]):
        return ctx.has(AID_WORD)
    return _used_as_aid(ctx) and (ctx.has(AID_WORD) or _continues_aid(ctx))


def _worth_of_aid(ctx: Ctx) -> dict[str, Any] | None:
    """'20 armoured vehicles worth AUD 50 million': the value of the aid item just before."""
    q = ctx.q
    if q.kind != "money" or not _WORTH.search(ctx.text, max(0, q.start - 40), q.start):
        return None
    for i, _ in reversed(ctx.sentence_quantities()):
        draft = ctx.drafts[i] if i < ctx.index else None
        if draft is not None and draft.family == "aid":
            fields = {k: v for k, v in draft.fields.items() if not k.startswith("_")}
            if "donor" not in fields:
                donor = _national_donor(ctx, fields.get("recipient"))
                if donor is not None:
                    fields["donor"] = donor
            return fields
    return None


_PART_CUE = cue(r"including|includes|included|of\s+which|among\s+which|incl\.|comprising")


def _whole_of_part(ctx: Ctx) -> int | None:
    """'€2 billion in aid to Ukraine for 2024, including €300m for air defence', '$10 billion
    package, of which $4.5 billion is military aid': an amount listed as a part of an aid
    amount earlier in the sentence, in the same currency or with only its conversion between."""
    q = ctx.q
    if q.kind != "money":
        return None
    s, _ = ctx.sentence
    for i in ctx.back():
        other = ctx.quantities[i]
        if other.number_start < s:
            return None
        draft = ctx.drafts[i]
        if draft is None or other.kind != "money":
            continue
        if draft.refs.get("restates") is not None:
            continue  # the whole's conversion in brackets
        if draft.family != "aid":
            return None
        gap = ctx.text[other.end : q.start]
        return i if _PART_CUE.search(gap) and not re.search(r"[.;]\s", gap) else None
    return None


_LIST_GAP = re.compile(
    r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*;\s*|\s+as\s+well\s+as\s+"
    r"|\s+with\s+(?:a\s+(?:combined|total\s+of)\s+)?"  # "two field hospitals with 300 beds"
    r"|\s+(?:totalling|totaling|numbering|comprising|of)\s+)"  # "three teams totalling 130 people"
)


def _listed_after_aid_item(ctx: Ctx) -> bool:
    """'transfer 100 trucks and 30,000 sets of combat rations to Ukraine': a count listed right
    after an aid item of the same sentence is one too."""
    found = ctx.previous_in_sentence("aid")
    if found is None or found[0].quantity.kind != "count":
        return False
    gap = found[1]
    tail = gap.split(")")[-1]  # "28 M113AS4 armoured personnel carriers (APC), 14 ..."
    return _LIST_GAP.fullmatch(gap) is not None or _LIST_GAP.fullmatch(tail) is not None


# Givers the text does not name: "Donors pledged $80 million for flood relief in Pakistan"
# "the $2.6 billion raised at the Geneva pledging conference", "pledged at the summit by 40
# donors": a total many givers made
_RAISED_AT = re.compile(
    r"(?i)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:raised|pledged|collected|mobili[sz]ed)"
    r"\s+(?:so\s+far\s+)?(?:at|during|by)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:conference|summit|appeal|meeting|donors|telethon|round)\b"
)
_RECEIVED = cue(r"receiv\w*")
_UNNAMED_DONORS = re.compile(
    rf"(?i)\b(?:donors|donor\s+countries|governments|the\s+international\s+community|international"
    rf"\s+donors|participants|the\s+conference)\s+{AUX}(?:{GIVE}|raised)\b"
)


_AID_SHARE = re.compile(
    r"(?i)\b(?:aid|assistance|support|help)\b[^.;]{0,30}?\b(?:worth|equal\s+to|amounting\s+to"
    r"|equivalent\s+to)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$"
)


def _aid_share(ctx: Ctx) -> bool:
    """Aid measured as a share of the giver's economy: 'committed military aid worth about
    1.4% of GDP to Ukraine', 'to devote 0.25% of its GDP to military aid for Ukraine', an aid
    amount restated ('worth 3 billion euros, or about 0.7 per cent of its GDP'), then the list
    'Latvia 1.2% and Lithuania 0.9%'."""
    q = ctx.q
    if q.of == "GDP" and (
        _AID_SHARE.search(ctx.text, max(ctx.sentence[0], q.start - 70), q.start)
        or _TO_AID_AFTER.match(ctx.text, q.end, min(ctx.sentence[1], q.end + 60))
    ):
        return True
    found = ctx.previous_in_sentence("aid")
    if found is None:
        return False
    if found[0].quantity.kind == "money":
        return q.of == "GDP" and _RESTATED_AS.fullmatch(found[1]) is not None
    if found[0].quantity.kind != "percent":
        return False
    return _LIST_GAP_NAMED.fullmatch(found[1]) is not None


# "0.25% of its gross domestic product to military aid for Ukraine"
_TO_AID_AFTER = re.compile(
    r"(?i)\s+(?:(?:a|per|every)\s+year\s+|annually\s+)?(?:to|on|for)\s+"
    r"(?:(?:military|humanitarian|defen[cs]e|financial)\s+)?(?:aid|assistance)\b"
)
# "worth an estimated 3 billion euros, or about 0.7 per cent of its GDP"
_RESTATED_AS = re.compile(
    r"(?i)(?:\s*,)?\s+(?:or|equal\s+to|equivalent\s+to)\s+"
)  # (used with fullmatch: the qualifier words are inside the figure's span)


# "1.4% of GDP to Ukraine, Latvia 1.2%": the gap between two shares of a list, a name in it
_LIST_GAP_NAMED = re.compile(r"(?i)[^.;]{0,40}?(?:,|\band\b)\s+(?:the\s+)?[A-Z][\w .'’-]{1,30}?\s+")


def _in_spending_sentence(ctx: Ctx) -> bool:
    """A sentence a spending fact has already claimed (or that goes on about one, 'That amounts
    to 4.7% of GDP'), with no word of aid in it: its money is spending, not aid."""
    cues = ctx.matches(AID_WORD) + ctx.matches(STRONG_AID_CUE)
    if any(not _in_name(ctx, m) for m in cues):
        return False
    if any(d.family == "spending" for d in ctx.facts_back(ctx.sentence[0], limit=6)):
        return True
    if _IN_BUDGET_AFTER.match(ctx.text, ctx.q.end):
        return True  # "has been allocated Sh3.9 trillion in the 2025/26 budget"
    # "... a record 8.7 trillion yen defence budget. The budget includes 970 billion yen for
    # stand-off missiles": a sentence that opens on the budget just stated
    s, _ = ctx.sentence
    if _SPENDING_ANAPHOR.match(ctx.text, s) is None:
        return False
    earlier = next((d for d in ctx.facts_back(ctx.paragraph[0]) if d.family != "other"), None)
    return earlier is not None and earlier.family == "spending"


_IN_BUDGET_AFTER = re.compile(
    r"(?i)\s+(?:in|under)\s+(?:the|its|their|this\s+year['’]s|next\s+year['’]s)\s+"
    r"(?:[\w/–-]+\s+){0,3}?budget\b"
)
_SPENDING_ANAPHOR = re.compile(
    r"(?i)[\s\W]*(?:the|this|that|its|their)\s+(?:(?:defen[cs]e|military|draft|new|total|annual"
    r"|overall)\s+)?(?:budget|figure|allocation|amount|sum|total|spending|outlay|appropriation)s?\b"
)


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _in_name(ctx: Ctx, m: re.Match[str]) -> bool:
    """A cue word that is part of a name ('the Armed Forces Support Fund'): capitalised, after
    a capitalised word."""
    return m.group()[:1].isupper() and (
        _NAME_WORD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()) is not None
    )


def _helped_by_aid(ctx: Ctx) -> bool:
    """'£120 million in humanitarian aid to Sudan, enough to feed 650,000 people', '30 tonnes of
    food targeting 9,000 families': the people an aid figure of the same sentence helps."""
    q = ctx.q
    head = q.unit.split()[-1]
    if head not in _PEOPLE and not head.endswith("child"):  # ("schoolchild")
        return False
    if not _HELPED.search(ctx.text, max(ctx.sentence[0], q.start - 60), q.start):
        return False
    return any(d.family == "aid" for d in ctx.facts_back(ctx.sentence[0], limit=6))


def _recent_family(ctx: Ctx) -> str | None:
    """The family of the last fact within two paragraphs: 'CSTO member states will send a
    contingent of up to 2,000 personnel' after an exercise's figures is the exercise's."""
    since = ctx.layout.paragraph_starts[max(0, ctx.paragraph_index - 2)]
    for i in ctx.back():
        if ctx.quantities[i].start < since:
            return None
        draft = ctx.drafts[i]
        if draft is not None:
            return draft.family
    return None


def _exercise_named(ctx: Ctx) -> bool:
    """'BALTOPS 22 was hosted by Sweden and included 45 ships': an exercise named in the
    sentence makes its counts the exercise's, not aid."""
    s, e = ctx.sentence
    return any(ev.kind == "exercise" for ev in ctx.entities.events_within(s, e))


def _place_of_need(ctx: Ctx, donor: str | list[str] | None) -> str | None:
    """'Donors pledged $120 million for families displaced by the insurgency in Cabo Delgado':
    aid whose sentence names no receiver goes where its sentence places the need, by a
    country's name or a province's (ISO 3166-2), not a capital ('the ministry in Warsaw')."""
    givers = set(donor) if isinstance(donor, list) else {donor}
    return next((c for _, c in _placed_countries(ctx, provinces=True) if c not in givers), None)


def _placed_countries(ctx: Ctx, *, provinces: bool) -> list[tuple[int, str]]:
    """(start, country) of each country the figure's sentence places something in or names
    something for ('in Nepal', 'for Haiti', 'to northern Mozambique'), by its name or adjective,
    and with `provinces` by a province's or state's name (ISO 3166-2); in text order."""
    s, e = ctx.sentence
    found = [
        (m.start, m.code)
        for m in ctx.entities.within(s, e)
        if m.form in ("name", "adjective") and is_country(m.code)
    ]
    if provinces:
        found += [(p.start, p.code) for p in places_in(ctx.text, s, e)]
    return [
        (start, code)
        for start, code in sorted(found)
        if _PLACED.search(ctx.text, max(s, start - 30), start)
    ]


# "... a $30 million agreement to build three hospitals", "KD 120 million for 23 projects"
_FOR_ITEMS = re.compile(r"(?i)\s+for\s+(?:some\s+|about\s+|more\s+than\s+|over\s+)?$")


# The money of an aid amount spoken of again as the subject of what it buys: "the money would
# pay for 100,000 drones", "the funds will buy 40 ambulances", "the grant will finance 12
# schools"
_AID_MONEY_BUYS = re.compile(
    r"(?i)\b(?:the|this|that|these|those)\s+(?:money|funds|funding|sum|grant|loan|package|aid"
    r"|assistance|contribution|allocation)\s+(?:(?:would|will|is\s+to|are\s+to|to|should|could"
    r"|can|must)\s+)?(?:also\s+)?(?:be\s+used\s+to\s+)?"
    r"(?:pay\s+for|buy|purchase|fund|finance|cover|build)\s+(?:[\w-]+\s+){0,3}?$"
)


def _what_aid_buys(ctx: Ctx) -> bool:
    """A count right after an aid amount of its sentence that the amount builds, funds or is
    for: the object of a verb of what aid does, or 'for N projects'; or after 'the money would
    pay for' when the sentence before gave aid money."""
    found = ctx.previous_in_sentence("aid")
    if found is None:
        if not _AID_MONEY_BUYS.search(ctx.before()[-160:]):
            return False
        earlier = _aid_before(ctx)
        return earlier is not None and earlier.quantity.kind == "money"
    if found[0].quantity.kind != "money":
        return False
    gap = found[1]
    if len(gap) > 60 or re.search(r"[.;]", gap):
        return False
    return _FOR_ITEMS.search(gap) is not None or _used_as_aid(ctx)


# Units that are themselves aid: "bringing the value of its 24 packages so far to 2.3 bln euros"
_AID_UNITS = frozenset("package tranche shipment consignment delivery convoy".split())


def _count_of_aid(ctx: Ctx) -> bool:
    """A count of aid packages, tranches or shipments in a sentence that gives aid."""
    if ctx.q.unit.split()[-1] not in _AID_UNITS:
        return False
    found = ctx.previous_in_sentence("aid")
    if found is not None and _IN_PACKAGES.fullmatch(found[1]):
        return True  # "€2.2 billion in 25 packages"
    if not _GIVER_OWNS.search(ctx.text, max(0, ctx.q.start - 30), ctx.q.start):
        return False  # "its 27 packages", "Denmark's 27 packages"; not "drones hit 3 convoys"
    return found is not None or (ctx.has(STRONG_AID_CUE) and _aid_before(ctx) is not None)


_IN_PACKAGES = re.compile(r"\s+(?:in|across|over)\s+")


# Counts that are not goods, deliveries or works: those who give, take part or are counted
_NOT_GOODS = frozenset(
    "country nation state member donor government partner ally personnel troop soldier officer"
    .split()
)
# No clause of its own comes between the aid figure and the count ("a day after drones hit 3
# convoys", "where the magnitude 6.3 quakes")
_OWN_CLAUSE = re.compile(
    r"(?i)\b(?:after|before|when|whenever|where|while|because|although|though|amid|despite"
    r"|whereas|unless|since|as|which|whose|who|until)\b"
)
# ... and the count is joined to the aid: by a preposition of carrying or adding ("through 390
# aid flights", "with 112 sets", "in addition to 300,000 food parcels", "training for 130
# sailors"), by "and" or a comma ("11 aid ships and 1,814 trucks"), or as the object of a
# verb of what aid does
# ("carrying 1,200 tonnes", "drill 40 wells"); not "and Russia launched 120 missiles"
_GOODS_LINK = re.compile(
    r"(?i)(?:\b(?:through|via|aboard|by|with|including|plus|along\s+with|as\s+well\s+as"
    r"|in\s+addition\s+to|in|on|of|for|to|and)|,)\s{1,3}"
    r"(?:(?:an?|the|another)\s+)?(?:(?:extra|additional|further|other|new)\s+)?$"  # "and an extra"
)


def _gap_after_aid(ctx: Ctx) -> str | None:
    """The text from the aid figure before this one in its sentence to this one, passing over
    a duration ("$60 million to support salaries over the coming six months, in addition to
    300,000 food parcels"); None when the figure before is no aid."""
    for i in ctx.back(limit=4):
        before = ctx.quantities[i]
        if before.number_start < ctx.sentence[0]:
            return None
        draft = ctx.drafts[i]
        if before.kind == "duration" and (draft is None or draft.family == "other"):
            continue
        if draft is None or draft.family != "aid":
            return None
        return ctx.text[before.end : ctx.q.start]
    return None


def _goods_after_aid(ctx: Ctx) -> bool:
    """'delivered more than 52,000 tonnes of relief supplies to Gaza through 390 aid flights':
    a count of things (not of people or of givers) right after an aid figure of its sentence
    is part of the same aid; the people it helps are `_helped_by_aid`'s."""
    gap = _gap_after_aid(ctx)
    if gap is None or _OWN_CLAUSE.search(gap):
        return False
    head = ctx.q.unit.split()[-1]
    if head in _PEOPLE or head in _NOT_GOODS:
        return False
    return _GOODS_LINK.search(gap[-40:]) is not None or _used_as_aid(ctx)


_GIVER_OWNS = re.compile(r"(?:\b(?:its|their|his|her)|['’]s?)\s+(?:[a-z-]+\s+)?$")


# People a donor sends to help, not to fight
_RESPONDERS = frozenset(
    """expert specialist rescuer doctor medic nurse paramedic engineer volunteer firefighter
    worker staff member responder surgeon technician""".split()
)


def _responders_sent(ctx: Ctx) -> bool:
    """'Switzerland is providing CHF 8 million ... A team of 23 experts from the Swiss
    Humanitarian Aid Unit has been deployed to Herat province': responders sent, after aid."""
    q = ctx.q
    if q.kind != "count" or q.unit.split()[-1] not in _RESPONDERS:
        return False
    if q.unit == "member" and not _TEAM_AFTER.match(ctx.text, q.end):
        return False  # "a 70-member medical team", not "a 12-member delegation of investors"
    if _aid_before(ctx) is None and ctx.previous_in_sentence("aid") is None:
        return False
    return _USED_AFTER.match(ctx.text, q.end, min(len(ctx.text), q.end + 80)) is not None


_TEAM_AFTER = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:team|teams|crew|squad|unit|contingent|brigade|detachment)\b"
)


_NAME_LIST_GAP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?")


def _listed_with(ctx: Ctx, code: str, giver: str) -> bool:
    """The two are named in one list before the figure ('the Netherlands, Norway and
    Denmark'): the list gives together, whatever role its first names were read in."""
    named = ctx.entities.within(ctx.sentence[0], ctx.q.start)
    for i, m in enumerate(named):
        if m.code != code:
            continue
        for prev, n in zip(named[i:], named[i + 1 :], strict=False):
            if not _NAME_LIST_GAP.fullmatch(ctx.text, prev.end, n.start):
                break
            if n.code == giver:
                return True
    return False


# The sentence opens on a country or its government, then its verb: "The South Korean
# government raised its earthquake relief for Türkiye to $5 million"
_SUBJECT_THEN_VERB = re.compile(
    r"(?:['’]s)?(?:\s+(?:federal\s+|national\s+)?(?:government|cabinet|foreign\s+ministry"
    r"|ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e)|president|prime\s+minister|authorities))?"
    r"\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|now\s+|then\s+)*[a-z]+(?:ed|s)\b"
)


def _subject_giver(ctx: Ctx, recipient: str | list[str]) -> str | None:
    """The country a sentence about aid to a named receiver opens on, as the subject of its
    verb, gives: the roles left it none when the verb is no giving verb ('raised', 'topped
    up', 'doubled')."""
    s, _ = ctx.sentence
    named = ctx.entities.within(s, ctx.q.start)
    if not named or not is_country(named[0].code) or named[0].form == "person":
        return None
    first = named[0]
    receivers = set(recipient) if isinstance(recipient, list) else {recipient}
    if first.code in receivers or not _SENTENCE_OPENING.fullmatch(ctx.text, s, first.start):
        return None
    if _SUBJECT_THEN_VERB.match(ctx.text, first.end - (2 if first.possessive else 0)) is None:
        return None
    return first.code


_SENTENCE_OPENING = re.compile(r"[\s\W]*(?:[Tt]he\s+)?")


def _to_many_countries(ctx: Ctx) -> bool:
    """'3,117 projects worth more than $7.1 billion in 107 countries': the sentence counts the
    countries the aid went to, so no one country of the paragraph is its receiver."""
    return any(
        q.kind == "count"
        and q.unit.split()[-1] in ("country", "nation")
        and _DESTINATION_BEFORE.search(ctx.text, max(0, q.start - 12), q.start) is not None
        for _, q in ctx.sentence_quantities()
    )


_DESTINATION_BEFORE = re.compile(r"(?i)\b(?:in|to|across|for)\s+$")


def _sole_other_country(ctx: Ctx, donor: str) -> str | None:
    """'Denmark's Ministry of Defence has approved the 26th donation package ... weapons that
    Ukrainian industry produces': aid whose sentence names no receiver goes to the one other
    country its paragraph and the next name (none when they name two or more)."""
    ps, pe = ctx.paragraph
    nxt = ctx.layout.paragraph_index(ctx.q.number_start) + 1
    if nxt < len(ctx.layout.paragraph_starts):
        pe = ctx.layout.paragraph_at(nxt)[1]
    others = {
        m.code
        for m in ctx.entities.within(ps, min(pe, ps + 2 * REACH))
        if m.form in ("name", "adjective") and m.code != donor and is_country(m.code)
    }
    return others.pop() if len(others) == 1 else None


def _exercise_just_before(ctx: Ctx) -> bool:
    """'Iran, China and Russia began the naval drills near Chabahar. Russia sent two
    corvettes': an exercise named earlier in the paragraph makes the forces a country sends
    its contingent, not aid (the sentence naming it may hold no figure)."""
    ps, _ = ctx.paragraph
    return ctx.entities.last_event_before(ctx.sentence[0], ps, ("exercise",)) is not None


def _listed_in_package(ctx: Ctx) -> bool:
    """A count listed in a package: 'the package includes 30 tanks', or a list item under a
    package named just before ('The package also included:' then '- Eight guns')."""
    s, _ = ctx.sentence
    head = ctx.text[s : ctx.q.start]
    if _INCLUDES.search(head) and (_PACKAGE.search(head) or ctx.carried("donor", family="aid")):
        return True
    line = ctx.layout.line(ctx.q.start)
    line_start = ctx.layout.line_starts[line - 1]
    if _LIST_ITEM.match(ctx.text, line_start) and ctx.q.start - line_start < 40:
        header = header_line(ctx)
        return header is not None and _PACKAGE.search(header) is not None
    return False


_GOVERNMENT = cue(
    r"(?:the|our)\s+government|prime\s+minister|premier|foreign\s+minister|defen[cs]e\s+minister"
    r"|finance\s+minister|the\s+minister|ministers|cabinet|the\s+country|the\s+nation"
)
_PREPOSITION = cue(r"to|for|into|with|from|at|in|on")


# Verbs that give money away (not "paid $1 billion to Iran for oil")
_GRANTING = cue(
    r"announc\w*|pledg\w*|provid\w*|giv(?:e|es|en|ing)|gave|grant\w*|allocat\w*|earmark\w*"
    r"|approv\w*|offer\w*|promis\w*|extend\w*|disburs\w*|unveil\w*"
)


def _given_to_country(ctx: Ctx) -> bool:
    """'Wellington has announced a further $12 million for Ukraine': no aid word, but a giver
    of a granting verb and a country that receives, in the figure's sentence.  Asked up to
    twice per figure: answered once."""
    if "given_to_country" not in ctx.memo:
        ctx.memo["given_to_country"] = _gives_to_country(ctx)
    return bool(ctx.memo["given_to_country"])


def _gives_to_country(ctx: Ctx) -> bool:
    if not ctx.has(_GRANTING):
        return False
    s, e = ctx.sentence
    found = roles(ctx, s, e)
    giver = any(r.role == "giver" and r.strength == 2 for r in found)
    if giver and _TO_COUNTRIES.match(ctx.text, ctx.q.end, min(e, ctx.q.end + 80)):
        return True  # "China would provide 360 billion yuan in financing to African countries"
    return giver and any(
        r.role == "receiver" and r.strength == 2 and is_country(r.mention.code) for r in found
    )


_TO_COUNTRIES = re.compile(
    r"(?:[^.;]|\.(?=\d)){0,50}?\b(?:to|for)\s+(?:(?:[A-Z][\w-]+|developing|poor(?:er)?|low-income|partner"
    r"|neighbouring|neighboring)\s+)?(?:countries|nations|states|economies)\b"
)


def _governed_by_giving(ctx: Ctx) -> bool:
    """'Australia will send 70 instructors': a giving verb in the words before the figure."""
    before = ctx.before()
    verbs = list(_GIVING_VERB.finditer(before))
    if not verbs or len(before) - verbs[-1].end() >= 45:
        return False
    gap = before[verbs[-1].end() :]
    if _RECEIVER_WITH.fullmatch(gap):
        return True  # "will provide the Philippines with five patrol vessels"
    return len(gap) < 30 and _PREPOSITION.search(gap) is None  # "transfer to the 700-person"


_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|for|to|from|inside)\s+(?:the\s+)?$")
_RECEIVER_WITH = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+with\s+(?:an?\s+)?"
)  # "provide the Philippines with "


def _receiver_in_phrase(ctx: Ctx) -> str | None:
    """'a package of spares to refurbish up to 100 Ukrainian tanks': a nationality inside the
    counted phrase of an aid item is whose the items are."""
    q = ctx.q
    if q.kind != "count":
        return None
    inside = [m for m in ctx.entities.within(q.number_end, q.end) if is_country(m.code)]
    return inside[0].code if inside else None


def _national_donor(
    ctx: Ctx, recipient: str | list[str] | None, *, stated_only: bool = True
) -> str | None:
    """A national currency names its country (AUD -> AU); a shared one (EUR, USD) does not.
    With `stated_only=False` a currency resolved from context counts too (a bare dollar that the
    document's New Zealand made NZD)."""
    q = ctx.q
    if q.kind != "money" or (stated_only and q.currency_from != "text"):
        return None
    users = [c for c, ent in gazetteer().entities.items() if ent.currency == q.unit]
    if len(users) == 1 and users[0] != recipient and q.unit != "USD":
        return users[0]
    return None


def _pick(found: list[Role], q_start: int) -> str | list[str] | None:
    """The strongest role, nearest before the figure (else the first after it)."""
    if not found:
        return None
    best = max(r.strength for r in found)
    top = [r for r in found if r.strength == best]
    before = [r for r in top if r.mention.start < q_start]
    return (before[-1] if before else top[0]).mention.code


_PURPOSE_AFTER = re.compile(
    r"\s+to\s+(?:help\s+)?(?:train|help|assist|support|equip|arm|advise|mentor)\s+(?:the\s+)?"
)


def _window(ctx: Ctx) -> tuple[int, int]:
    """The figure's own stretch of its sentence: from the figure before it to the one after."""
    s, e = ctx.sentence
    lo, hi = s, e
    if ctx.index > 0 and ctx.quantities[ctx.index - 1].end > s:
        lo = ctx.quantities[ctx.index - 1].end
    if ctx.index + 1 < len(ctx.quantities) and ctx.quantities[ctx.index + 1].start < e:
        hi = ctx.quantities[ctx.index + 1].start
    return lo, hi


def _codes(group: list[Role]) -> str | list[str]:
    codes: list[str] = []
    for r in group:
        if r.mention.code not in codes:
            codes.append(r.mention.code)
    return codes if len(codes) > 1 else codes[0]


def _receivers(ctx: Ctx, found: list[Role]) -> str | list[str] | None:
    """Receivers: a coordinated list ('for Ukraine, Israel and Taiwan') counts as one.  Those
    in the figure's own stretch of the sentence win ('$10 million to Ukraine and $5 million to
    Moldova'; '200 million yuan to Türkiye and Syria, including 30 million for Syria')."""
    q_start = ctx.q.start
    rec = [r for r in found if r.role == "receiver"]
    lo, hi = _window(ctx)
    weak_after = [
        r for r in found if r.role == "weak_receiver" and ctx.q.end <= r.mention.start < hi
    ]
    if weak_after and not any(ctx.q.end <= r.mention.start < hi for r in rec):
        rec = weak_after  # "€1 billion for reconstruction in Türkiye and €108 million for Syria"
    if not rec:
        return None
    groups: list[list[Role]] = []
    for r in rec:
        if groups and r.mention.start - groups[-1][-1].mention.end <= 6:
            groups[-1].append(r)
        else:
            groups.append([r])
    after = [
        g
        for g in groups
        if ctx.q.end <= g[0].mention.start < hi and not subject_of_next_figure(ctx, g[-1].mention)
    ]
    if after:  # "N to X": the receiver after the figure, before the next figure
        trained = _PURPOSE_AFTER.match(ctx.text, after[0][-1].mention.end)
        if trained:  # "send 70 instructors to the UK to train the Ukrainian military"
            end = trained.end()
            side = [m for m in ctx.mentions(end, end + 30) if is_country(m.code)]
            if side and side[0].start == end:
                return side[0].code
        return _codes(after[0])
    s, _ = ctx.sentence
    before = [g for g in groups if lo <= g[0].mention.start < q_start]
    if before and lo == s:  # "provide Ukraine with N", no figure before it in the sentence
        return _codes(before[-1])
    codes: list[str] = []
    for r in rec:
        if r.mention.code not in codes:
            codes.append(r.mention.code)
    # one receiver per clause: the nearest before the figure, unless they form a list
    return codes if len(codes) > 1 and _listed(rec) else _pick(rec, q_start)


_LIST_OPENER = re.compile(
    r"(?i)(?:[,;]|\band|\bwhile|\bled\s+by|\bincluding|\bfollowed\s+by|\bnotably)\s+(?:the\s+)?$"
)


_OPENS = re.compile(r"(?i)[\s\W]*(?:(?:in|by|on|at)\s+[a-z]+(?:\s+[a-z]+){0,2},?\s+)?(?:the\s+)?")


def _gapped_giver(ctx: Ctx, found: list[Role]) -> str | list[str] | None:
    """'Germany pledged €200 million, France €100 million and the Netherlands €50 million',
    'led by Saudi Arabia and the UAE with $500 million each': in a list of amounts the verb is
    said once, and the name (or names) right before each amount is its giver."""
    q = ctx.q
    if q.kind not in ("money", "percent"):
        return None
    before = [r for r in found if r.mention.end <= q.start]
    if not before or before[-1].role in ("receiver", "weak_receiver"):
        return None
    group = [before[-1]]
    if not NAME_TO_FIGURE.fullmatch(ctx.text, group[0].mention.end, q.start):
        return None
    for r in reversed(before[:-1]):
        if r.role in ("receiver", "weak_receiver"):
            break  # "in aid to Ukraine, Norway €3 billion": the receiver ends the giver's names
        if not COORDINATED.fullmatch(ctx.text, r.mention.end, group[0].mention.start):
            break
        group.insert(0, r)
    s, _ = ctx.sentence
    head = group[0].mention.start
    # a list going on from an earlier sentence's aid: "Donors pledged $120 million ... The
    # Netherlands led with €25 million, followed by Sweden (SEK 150 million)"
    going_on = _aid_before(ctx) is not None
    # (after a short opener: "In absolute terms Finland leads the group with €2.2 billion")
    opens = _OPENS.fullmatch(ctx.text, s, head) is not None
    if not _LIST_OPENER.search(ctx.text, max(s, head - 20), head) and not (going_on and opens):
        return None
    after_list = (
        ctx.text[max(s, head - 20) : head].rstrip().endswith(("led by", "including", "followed by"))
    )
    if ctx.previous_in_sentence("aid") is None and not after_list and not going_on:
        return None
    return _codes(group)


def _with_coordinated(
    ctx: Ctx, found: list[Role], picked: str | list[str] | None
) -> str | list[str] | None:
    """'Kuwait and Qatar each promised $25 million': the giver with the names coordinated
    right before it, which share its verb."""
    if not isinstance(picked, str):
        return picked
    names = [r.mention for r in found]
    at = next((i for i in range(len(names) - 1, -1, -1) if names[i].code == picked), None)
    if at is None:
        return picked
    run = [names[at]]
    receiving = {r.mention for r in found if r.role in ("receiver", "weak_receiver")}
    for m in reversed(names[:at]):
        if not COORDINATED.fullmatch(ctx.text, m.end, run[0].start) or m in receiving:
            break  # ("aid to Ukraine, Seoul said": a receiver is never one of the givers)
        if _WHERE_BEFORE.search(ctx.text, max(0, m.start - 12), m.start):
            break  # "At the donor meeting in Bern, Germany pledged": a place, not a giver
        run.insert(0, m)
    return _codes([r for r in found if r.mention in run]) if len(run) > 1 else picked


_WHERE_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$")


# A list row that opens with a name and a dash or colon: "• Latvia – 2,500 FPV drones"
_ROW_NAME_END = re.compile(r"\s*(?:[–—:-]|\s-)\s*")


def _row_giver(ctx: Ctx, recipient: str | list[str] | None) -> str | None:
    """The country a list row opens with, before a dash or colon, gives the row's aid."""
    line_start = ctx.text.rfind("\n", 0, ctx.q.start) + 1
    row = _LIST_ITEM.match(ctx.text, line_start)
    if row is None:
        return None
    named = ctx.entities.within(row.end(), ctx.q.start)
    if not named or named[0].start != row.end() or not is_country(named[0].code):
        return None
    first = named[0]
    if first.code == recipient or not _ROW_NAME_END.match(ctx.text, first.end):
        return None
    return first.code


def _listed(rec: list[Role]) -> bool:
    return all(b.mention.start - a.mention.end <= 6 for a, b in itertools.pairwise(rec))


def _brussels_speaks_for_eu(ctx: Ctx, found: list[Role]) -> bool:
    """'The European Union will disburse €150 million ... Brussels has also offered loans of up
    to €900 million': in a document that names the EU, 'Brussels' as a giver is the EU."""
    named = any(
        r.mention.code == "BE" and ctx.text[r.mention.start : r.mention.end] == "Brussels"
        for r in found
    )
    return named and any(m.code == "EU" for m in ctx.document_mentions())


def _donor_and_recipient(
    ctx: Ctx, *, listed: bool = False
) -> tuple[str | list[str] | None, str | list[str] | None, bool]:
    """(donor, recipient, stated): from the sentence's clause roles, else the currency, else
    the frame.  `stated` is True when the sentence itself named a role."""
    s, e = ctx.sentence
    found = [r for r in roles(ctx, s, e) if not (ctx.q.number_end <= r.mention.start < ctx.q.end)]
    header = _aid_header(ctx)  # each item of a list under an aid header names its own receiver
    recipient = _receivers(ctx, found)
    if recipient is not None and recipient == ctx.carried("donor", family="aid"):
        recipient = None  # "$500,000 for New Zealand NGOs" in New Zealand's package: a channel
    givers = [r for r in found if r.role == "giver" and r.mention.code != recipient]
    paired = respective(ctx)  # "Japan and Korea gave $5m and $3m respectively"
    if paired is not None and any(r.mention.code == paired for r in givers):
        givers = [r for r in givers if r.mention.code == paired]
    donor = _gapped_giver(ctx, found) or _with_coordinated(ctx, found, _pick(givers, ctx.q.start))
    if paired is not None and donor is not None and paired in donor:
        donor = paired
    elif paired is not None and isinstance(donor, str) and _listed_with(ctx, paired, donor):
        donor = paired  # "the Netherlands, Norway and Denmark pledged A, B and C respectively"
    elif paired is not None and recipient is not None and paired != donor:
        recipient = paired  # "Yemen and Syria will receive SEK 150 million and SEK 100 million"
    if (
        paired is not None
        and isinstance(donor, str)
        and isinstance(recipient, str)
        and (_listed_with(ctx, recipient, donor) or _listed_with(ctx, donor, recipient))
    ):
        recipient = None  # one of the givers listed with it, not whom they give to
    stated = donor is not None or recipient is not None
    if recipient is None:
        weak = [
            r
            for r in found
            if r.role == "weak_receiver"
            and r.mention.code != donor
            and not (
                paired is not None
                and isinstance(donor, str)
                and (
                    _listed_with(ctx, r.mention.code, donor)
                    or _listed_with(ctx, donor, r.mention.code)
                )
            )
        ]
        recipient = _pick(weak, ctx.q.start)
    if donor is None:
        donor = _national_donor(ctx, recipient)
    if donor is None and recipient is not None:
        donor = _subject_giver(ctx, recipient)  # "The South Korean government raised its ..."
    if donor is None:
        donor = _row_giver(ctx, recipient)  # "• Lithuania – 12 armoured personnel carriers"
    if header is not None:
        if recipient is None and header[1] is not None and header[1] != donor:
            recipient = header[1]
        if donor is None and header[0] != recipient:
            donor = header[0]
    if donor is None and ctx.frame.context is not None and ctx.frame.context.country:
        # "WELLINGTON (Reuters) - The government will give ...": the dateline's government
        home = ctx.frame.context.country
        if home != recipient and ctx.has(_GOVERNMENT):
            donor = home
    if donor is None:
        carried = ctx.carried("donor", family="aid")
        if carried is not None and carried != recipient:
            donor = carried
    if recipient is None:
        carried = ctx.carried("recipient", family="aid")
        if carried is not None and carried != donor:
            recipient = carried
    # the document's giver may always stand in; its receiver only where the sentence itself
    # speaks of aid (a receiver is what makes money aid: "provided $20 million for staging
    # demonstrations" is not)
    doc_giver, doc_receiver = document_roles(ctx, AID_CUE)
    if not (listed or ctx.has(STRONG_AID_CUE) or ctx.has(AID_WORD) or _continues_aid(ctx)):
        doc_receiver = None
    if recipient is None:
        recipient = _receiver_in_phrase(ctx)
    if isinstance(recipient, str) and not is_country(recipient):
        # "$10 million to the UN for refugees from Ukraine", "$1.5 million for the UN High
        # Commissioner": a body is the channel; the country the aid is for receives
        receiving = [
            r.mention.code
            for r in found
            if is_country(r.mention.code)
            and r.mention.code != donor
            and (
                r.role in ("receiver", "weak_receiver")
                or _PLACE_BEFORE.search(ctx.text, max(0, r.mention.start - 12), r.mention.start)
            )
        ]
        channel_for = receiving[0] if receiving else None
        if channel_for is None and header is None:
            _, doc_r = document_roles(ctx, AID_CUE)
            channel_for = doc_r if doc_r is not None and is_country(doc_r) else None
        if channel_for is not None and channel_for != donor:
            recipient = channel_for
    if recipient is None and doc_receiver is not None and doc_receiver != donor:
        recipient = doc_receiver
    if (
        recipient is None
        and doc_receiver is None
        and (listed or ctx.has(STRONG_AID_CUE) or ctx.has(_GIVING_VERB))
    ):
        recipient = adjective_side(ctx, donor or doc_giver)
    if donor is None and doc_giver is not None and doc_giver != recipient:
        donor = doc_giver
    if donor is None and not _UNNAMED_DONORS.search(ctx.text, ctx.sentence[0], ctx.q.start):
        # a bare name: a country named as giver beats a body named in passing (but "Donors
        # pledged ...": many givers, none named)
        rest = [
            r
            for r in found
            if r.role == "none"
            and r.mention.code not in (recipient, doc_receiver)
            and r.mention.form not in ("adjective", "person")
            # "at a conference in Maputo": where it was said is no giver
            and not _WHERE_BEFORE.search(ctx.text, max(0, r.mention.start - 12), r.mention.start)
        ]
        countries = [r for r in rest if is_country(r.mention.code)]
        donor = _pick(countries or rest, ctx.q.start)
    if donor is None and doc_giver is not None and doc_giver != recipient:
        donor = doc_giver
    if donor is None:
        donor = _national_donor(ctx, recipient, stated_only=False)
    if donor == "BE" and _brussels_speaks_for_eu(ctx, found):
        donor = "EU"
    if donor is not None and recipient == donor:
        # "$500,000 for New Zealand NGOs" in New Zealand's package: a channel at home; the
        # receiver is the one the frame or the document holds
        carried = ctx.carried("recipient", family="aid")
        recipient = next((r for r in (carried, doc_receiver) if r is not None and r != donor), None)
    return donor, recipient, stated


# Money asked for, not yet given: "launched a $4.1 billion appeal to help 14.7 million people
# in Sudan", "the agency needs $250 million to keep feeding 3 million people in Afghanistan".
_APPEAL = cue(
    r"appeals?|appealed|appealing|needs|needed|seeks|sought|seeking|requires|required"
    r"|calls?\s+for|called\s+for|asks?\s+for|asked\s+for|shortfall|funding\s+gap"
    r"|response\s+plan"
)
_HELPED = re.compile(
    r"(?i)(?:\b(?:help|helping|feed|feeding|assist|assisting|reach|reaching|support|supporting"
    r"|target|targets|targeting|targetting|benefit|benefiting|benefitting"
    r"|shelter|sheltering|serve|serving|protect|protecting)"
    # "will provide hot meals to", "deliver food and shelter to", "cash transfers to" (what
    # aid gives: not "brought hunger to", "delivered threats to")
    r"|\b(?:provid|deliver|distribut|giv|gave|offer)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:food|meals|water|aid|assistance|supplies|shelter|relief|medicines?|care|cash|vouchers"
    r"|kits|rations|services|support|help|transfers|items|materials|parcels)"
    r"(?:\s+and\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:to|for)"
    r"|\b(?:transfers|assistance|aid|meals|food|rations|supplies|relief|vouchers|kits|shelter)"
    r"\s+(?:to|for))"
    r"\s+(?:the\s+|some\s+|about\s+|nearly\s+|more\s+than\s+|up\s+to\s+|over\s+)?$"
)
_PEOPLE = frozenset(
    "person people civilian child refugee family household resident woman man survivor".split()
)


_SPACE = re.compile(r"\s*")
# "The package will include 28 armoured vehicles ...": the next sentence lists what it holds
_PACKAGE_LISTS = re.compile(
    r"(?i)[\s\W]*(?:the|this|that|it|its)\s*(?:[\w-]+\s+){0,2}?(?:package|aid|assistance)?\s*"
    r"(?:will\s+|would\s+|also\s+|is\s+to\s+)*(?:include|includes|included|including|contain|contains"
    r"|comprise|comprises|consist|consists)\b"
)


def _package_listed(ctx: Ctx) -> bool:
    """'announced the 110 million Australian dollars package on Monday. The package will include
    28 M113 armoured vehicles': a package whose next sentence lists its military items is aid,
    though its own sentence names no receiver."""
    if ctx.q.kind != "money" or not ctx.has(_PACKAGE):
        return False
    _, e = ctx.layout.sentence(ctx.q.start)
    gap = _SPACE.match(ctx.text, e)
    nxt = gap.end() if gap else e
    if nxt >= len(ctx.text):
        return False
    ns, ne = ctx.layout.sentence(nxt)
    if not _PACKAGE_LISTS.match(ctx.text, ns, ne):
        return False
    i = bisect_left(ctx.number_starts, ns)
    return any(
        q.kind == "count" and q.unit.split()[-1] in EQUIPMENT
        for q in ctx.quantities[i : i + NEIGHBOURS]
        if q.start < ne
    )


def _appeal(ctx: Ctx) -> dict[str, Any] | None:
    """An appeal for a country's people: the money asked for and the people it is to help.
    Aid with a receiver and no donor (no one has given it yet)."""
    q = ctx.q
    if not ctx.has(_APPEAL):
        return None
    near = ctx.text[max(ctx.sentence[0], q.start - 50) : min(ctx.sentence[1], q.end + 25)]
    if not _APPEAL.search(near):
        return None  # "will provide £3 billion ... for as long as it is needed": not asked for
    if q.kind == "count":
        if q.unit.split()[-1] not in _PEOPLE or not _HELPED.search(
            ctx.text, max(0, q.start - 40), q.start
        ):
            return None
    elif q.kind == "percent":
        if not _FUNDED_AFTER.match(ctx.text, q.end):
            return None  # "the appeal was 23 per cent funded": how much of it donors gave
    elif q.kind != "money":
        return None
    s, e = ctx.sentence
    found = roles(ctx, s, e)
    if any(r.role == "giver" and r.strength == 2 for r in found):
        return None  # someone gives it: a gift, not an appeal
    receiving = [r for r in found if r.role in ("receiver", "weak_receiver")]
    recipient: str | None = None
    if receiving and is_country(receiving[0].mention.code):
        recipient = receiving[0].mention.code
    else:
        # "the Flash Appeal for the earthquake in eastern Afghanistan": the country it is for,
        # named as a place; else the country of the appeal just stated ("the appeal was 23
        # per cent funded, with $32.2 million received")
        recipient = _place_of_appeal(ctx)
        if recipient is None and _APPEAL_AGAIN.search(ctx.text, s, ctx.q.start):
            carried = ctx.carried("recipient", family="aid")
            recipient = carried if isinstance(carried, str) else None
    if recipient is None:
        return None
    fields: dict[str, Any] = {"recipient": recipient}
    year = _aid_year(ctx, ctx.before(), None) or ctx.carried("year", family="aid")
    if year is not None:
        fields["year"] = year
    return fields


_FUNDED_AFTER = re.compile(r"(?i)\s+(?:funded|financed|covered)\b")
_APPEAL_AGAIN = re.compile(
    r"(?i)\b(?:the|this|that|its|(?:last|this|next)\s+year['’]s)\s+(?:[\w-]+\s+)?"
    r"(?:appeal|plan|response\s+plan)\b"
)
_PLACED = re.compile(rf"(?i)\b(?:in|for|to|across|inside)\s+(?:the\s+)?(?:{DIRECTION}\s+)?$")


def _place_of_appeal(ctx: Ctx) -> str | None:
    """The first country (by name or adjective) the appeal's sentence names it for, or places
    what it is for in ('Appeal for the earthquake in eastern Afghanistan')."""
    s, e = ctx.sentence
    for start, code in _placed_countries(ctx, provinces=False):
        if _APPEAL_FOR.search(ctx.text, max(s, start - 80), start):
            return code
    for m in ctx.mentions(s, e):  # "the 2025 Yemen Humanitarian Response Plan seeks ..."
        if (
            is_country(m.code)
            and m.form == "name"
            and not m.possessive
            and _APPEAL_NAME_OPENS.search(ctx.text, max(s, m.start - 12), m.start)
            and _NAMES_APPEAL.match(ctx.text, m.end)
        ):
            return m.code
    return None


_APPEAL_NAME_OPENS = re.compile(r"(?i)\b(?:the|a)\s+(?:(?:19|20)\d\d\s+)?$")
# A country's name as the first word of an appeal's name: "the Yemen Humanitarian Response
# Plan", "the Sudan Regional Refugee Response Plan", "the Ukraine Flash Appeal"
_NAMES_APPEAL = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,4}?(?:Response\s+Plan|Flash\s+Appeal|Appeal|Needs\s+and\s+Response"
    r"\s+Plan|Refugee\s+Response\s+Plan)\b"
)


# "the Flash Appeal for the earthquake in eastern Afghanistan", "a response plan for Haiti"
_APPEAL_FOR = re.compile(r"(?i)\b(?:appeals?|appealing|plan)\s+for\b[^.;]{0,60}$")


def match_aid(ctx: Ctx) -> dict[str, Any] | None:
    q = ctx.q
    listed = False
    given = False
    worth = _worth_of_aid(ctx)
    if worth is not None:
        return worth
    appeal = _appeal(ctx)
    if appeal is not None:
        return appeal
    if q.kind == "money":
        if _in_spending_sentence(ctx):
            return None  # "That amounts to 4.7% of GDP and includes zł 47 billion from the fund"
        if not ctx.has(AID_CUE) and not _follow_up(ctx):
            if not (_continues_aid(ctx) or _aid_header(ctx) or _given_to_country(ctx)):
                return None
            given = True  # "The ministry put their value at 1.2 billion kroner"
        elif _continues_aid(ctx):
            given = True  # "Around DKK 3 billion of the package is allocated to ..."
        listed = bool(_INCLUDES.search(ctx.before()) and ctx.has(_PACKAGE))
        if ctx.previous_in_sentence("aid") is not None:
            given = True  # "Argentina sent two planes; Uruguay's government wired $3 million"
    elif q.kind == "count" or (q.kind == "measure" and q.unit in _GOODS_MEASURES):
        if (
            _in_spending_sentence(ctx)  # "a budget of 61.2 trillion won, including 20 jets"
            or _exercise_or_harm(ctx)
            or ctx.carried("event") is not None
            or _exercise_named(ctx)
            or (
                (_recent_family(ctx) == "exercise" or _exercise_just_before(ctx))
                and not ctx.has(AID_WORD)
            )
        ):
            return None
        if _carried_in(ctx) and _continues_aid(ctx):
            earlier = _aid_before(ctx)  # "The relief goods were carried in 35 railway wagons":
            if earlier is not None:  # the aid just stated, its giver and receiver
                return {k: v for k, v in earlier.fields.items() if k in ("donor", "recipient")}
        equipment = q.unit.split()[-1] in EQUIPMENT
        given = ctx.has(EQUIPMENT_CUE)
        # "The package will include 70 military vehicles ...", "- Another 100,000 rounds"
        listed = (
            _listed_in_package(ctx)
            or _listed_after_aid_item(ctx)
            or _helped_by_aid(ctx)
            or _aid_header(ctx) is not None
            or _what_aid_buys(ctx)
            or _count_of_aid(ctx)
            or _goods_after_aid(ctx)
            or _valued_as_aid(ctx)
        )
        if not ((equipment and given) or listed or (given and _governed_by_giving(ctx))):
            if not (_continues_aid(ctx) and (equipment or _used_as_aid(ctx))) and not (
                _responders_sent(ctx)
            ):
                return None
            given = True
        else:
            given = given and (equipment or _governed_by_giving(ctx))
    elif q.kind == "percent":
        if not _aid_share(ctx):
            return None
        given = True
    else:
        return None
    includes = listed or _INCLUDES.search(ctx.before()) is not None  # "It includes 20 tanks"
    donor, recipient, _ = _donor_and_recipient(ctx, listed=includes)
    if q.kind == "money" and _RAISED_AT.match(ctx.text, q.end, min(len(ctx.text), q.end + 60)):
        donor = None  # "of the $2.6 billion raised at the pledging conference": many givers
    unnamed = donor is None and (
        (
            _UNNAMED_DONORS.search(ctx.before()) is not None
            and (recipient is not None or ctx.has(AID_WORD))  # "Donors pledged $120 million"
        )
        or (
            recipient is not None
            and (
                _RAISED_AT.match(ctx.text, q.end, min(len(ctx.text), q.end + 60)) is not None
                or (ctx.has(_RECEIVED) and ctx.has(STRONG_AID_CUE))  # "Kenya received $40m"
            )
        )
    )
    if (
        not listed
        and not unnamed
        and (
            donor is None
            or (
                recipient is None
                and not ctx.has(AID_WORD)
                and not given
                and not _package_listed(ctx)
                and not (q.kind == "money" and _given_to_country(ctx))
            )
        )
    ):
        return None  # without a recipient, only "aid", "assistance" or a giving verb
    if recipient is None:  # (once the figure is known to be aid)
        recipient = _place_of_need(ctx, donor)
    if recipient is None and isinstance(donor, str) and not _to_many_countries(ctx):
        recipient = _sole_other_country(ctx, donor)
    fields: dict[str, Any] = {}
    if donor is not None:
        fields["donor"] = donor
    if recipient is not None:
        fields["recipient"] = recipient
    total = total_before_including(ctx)
    if total is None:
        total = _whole_of_part(ctx)
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
    year = _aid_year(ctx, clause, int(since.group(1)) if since else None)
    if year is None and _continues_aid(ctx):  # "In 2024 ... SEK 5.9 billion. Of this, ..."
        earlier = _aid_before(ctx)
        year = earlier.fields.get("year") if earlier is not None else None
    header = _aid_header(ctx)
    if year is None and header is not None:
        year = header[2]
    if year is not None:
        fields["year"] = year
    return fields


_CLAUSE_YEAR = re.compile(
    r"(?i)\b(?:in|for|during|through|throughout|by\s+the\s+end\s+of|until|over)\s+"
    r"(?:(?:the\s+)?(?:fiscal|financial|budget|calendar)\s+(?:year\s+)?|FY\s*)?"
    r"((?:19|20)\d\d)(?:[-–/](\d\d))?\b"
)


# A year that names the plan, appeal or budget the aid is for: "Yemen's 2019 humanitarian
# response plan", "the 2024 flash appeal", "its 2026 contributions"
_YEAR_OF_NOUN = re.compile(
    r"(?i)(?:['’]s|\bits|\btheir|\bthe|\bthis)\s+((?:19|20)\d\d)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:plan|appeal|budget|response|programme|program|package|round|replenishment"
    r"|contributions?|aid|assistance|pledges?|commitments?)\b"
)


def _aid_year(ctx: Ctx, clause: str, since: int | None) -> int | None:
    """The year an aid figure is for: stated in its sentence ('in 2025', 'for 2024', 'by the end
    of 2024'), in its own clause after it first; a 'since 2022' is the start of a total, not
    its year."""
    year = stated_year(ctx)
    if year is not None and (since is None or year != since):
        return year
    m = _CLAUSE_YEAR.search(clause)
    if m is None:
        named = ctx.matches(_YEAR_OF_NOUN)  # "for Yemen's 2019 humanitarian response plan"
        right_before = [n for n in named if 0 <= ctx.q.start - n.end() <= 25]
        if right_before:  # "double its 2023 contribution of ten million euro"
            return int(right_before[-1].group(1))
        if not named or ctx.has(NOW):
            return None  # "twenty million euro this year, double its 2023 ...": not 2023's
        return int(named[0].group(1))
    found = closing_year(m.group(1), m.group(2))  # "in 2024-25": 2025
    return found if found != since else None


RULE = Rule(
    id="aid.package",
    family="aid",
    description="Money or equipment a donor country gives a recipient country: package, "
    "cumulative total, or a component of either.",
    match=match_aid,
    examples=(
        # things counted right after an aid figure of the sentence; the people it targets
        Example(
            "Qatar has delivered 4,000 tonnes of relief supplies to Sudan through 65 aid "
            "flights and 20 convoys, targeting 90,000 families.",
            "65 aid flights",
            {"family": "aid", "donor": "QA", "recipient": "SD"},
        ),
        Example(
            "Qatar has delivered 4,000 tonnes of relief supplies to Sudan through 65 aid "
            "flights and 20 convoys, targeting 90,000 families.",
            "90,000 families",
            {"family": "aid", "donor": "QA", "recipient": "SD"},
        ),
        # a count valued in money, in a sentence about aid; no one receiver when the
        # sentence counts the countries it went to
        Example(
            "TOKYO — JICA has carried out 540 aid projects worth more than $2 billion in 45 "
            "countries. Kenya is the largest beneficiary, with 60 projects valued at $300 "
            "million.",
            "540 aid projects",
            {"family": "aid", "donor": "JP", "recipient": None},
        ),
        Example(
            "TOKYO — JICA has carried out 540 aid projects worth more than $2 billion in 45 "
            "countries. Kenya is the largest beneficiary, with 60 projects valued at $300 "
            "million.",
            "60 projects",
            {"family": "aid", "donor": "JP", "recipient": "KE"},
        ),
        # the people aid is given to; goods after a duration of the same aid
        Example(
            "Norway has given $5 million to UNICEF, which will deliver clean water and hygiene "
            "kits to some 80,000 people in Yemen.",
            "some 80,000 people",
            {"family": "aid", "donor": "NO", "recipient": "YE"},
        ),
        Example(
            "Kuwait will give Jordan $30 million to cover school costs over the next two years, "
            "in addition to 50,000 food baskets.",
            "50,000 food baskets",
            {"family": "aid", "donor": "KW", "recipient": "JO"},
        ),
        # after aid: a team that arrives, the wagons that carry the goods
        Example(
            "Japan will provide $5 million in emergency aid to Nepal. A 70-member medical team "
            "from Tokyo arrived in Kathmandu on Monday.",
            "70-member",
            {"family": "aid", "donor": "JP", "recipient": "NP"},
        ),
        Example(
            "Turkmenistan has sent 2,000 tonnes of flour to Afghanistan as humanitarian aid. The "
            "relief goods were carried in 35 railway wagons.",
            "35 railway wagons",
            {"family": "aid", "donor": "TM", "recipient": "AF"},
        ),
        # an appeal named after its country; last year's plan spoken of again
        Example(
            "The 2026 Haiti Humanitarian Response Plan seeks $908 million to reach 3.9 million "
            "people. Last year's plan, which asked for $674 million, was 42 per cent funded.",
            "$908 million",
            {"family": "aid", "recipient": "HT", "year": 2026},
        ),
        Example(
            "The 2026 Haiti Humanitarian Response Plan seeks $908 million to reach 3.9 million "
            "people. Last year's plan, which asked for $674 million, was 42 per cent funded.",
            "42 per cent",
            {"family": "aid", "recipient": "HT", "year": 2025},
        ),
        # aid as a share of the giver's economy, said after it or restating an aid amount
        Example(
            "Latvia has pledged to devote 0.25% of its gross domestic product to military aid "
            "for Ukraine every year.",
            "0.25% of its gross domestic product",
            {"family": "aid", "donor": "LV", "recipient": "UA"},
        ),
        Example(
            "Norway has sent more than 40 artillery pieces to Ukraine. Oslo's military aid is "
            "worth an estimated 2 billion euros, or about 0.4 per cent of its GDP.",
            "about 0.4 per cent of its GDP",
            {"family": "aid", "donor": "NO", "recipient": "UA"},
        ),
        # ODA is aid; a count of packages is aid
        Example(
            "Japan will provide Bangladesh with $1.2 billion in loans. Bangladesh is the largest "
            "recipient of Japanese ODA, having received about 3 trillion yen since 1972.",
            "about 3 trillion yen",
            {"family": "aid", "donor": "JP", "recipient": "BD"},
        ),
        Example(
            "Denmark will send Ukraine a new package worth 200 mln euros, bringing the value of "
            "its 27 packages so far to 9 bln euros.",
            "27 packages",
            {"family": "aid", "donor": "DK", "recipient": "UA"},
        ),
        # a part of the new money, with the year of the whole
        Example(
            "Denmark will raise its aid to Moldova by DKK 800 million in 2025, the foreign "
            "ministry said. Of the new money, about DKK 300 million is earmarked for energy.",
            "about DKK 300 million",
            {"family": "aid", "donor": "DK", "recipient": "MD", "year": 2025},
        ),
        # what the money of the aid before buys
        Example(
            "Sweden will give Ukraine SEK 10 billion in military support in 2026, the government "
            "said. The defence minister told parliament that the money would pay for 300 drones.",
            "300 drones",
            {"family": "aid", "donor": "SE", "recipient": "UA"},
        ),
        # an appeal for a country named as the place it is for; the appeal spoken of again
        Example(
            "The 2026 Flash Appeal for the floods in northern Mozambique seeks $95 million.",
            "$95 million",
            {"family": "aid", "recipient": "MZ", "year": 2026, "donor": None},
        ),
        Example(
            "The 2026 Flash Appeal for the floods in northern Mozambique seeks $95 million. "
            "By May the appeal was 31 per cent funded, with $29.4 million received.",
            "31 per cent",
            {"family": "aid", "recipient": "MZ", "year": 2026},
        ),
        Example(
            "The 2026 Flash Appeal for the floods in northern Mozambique seeks $95 million. "
            "By May the appeal was 31 per cent funded, with $29.4 million received.",
            "$29.4 million",
            {"family": "aid", "recipient": "MZ"},
        ),
        # a part of the package, opening its sentence; the one other country of the passage
        Example(
            "Norway's defence ministry has approved its 14th donation package, worth NOK 3.1 "
            "billion. About NOK 1 billion of the package will go to air defence. Ukrainian "
            "officials welcomed the decision.",
            "About NOK 1 billion",
            {"family": "aid", "donor": "NO", "recipient": "UA"},
        ),
        # what the aid does, told in the next sentence ("Under the agreements, ...", a
        # fronted phrase before the giver, "drill 40 wells" is no exercise)
        Example(
            "The Kuwait Fund signed two grants worth $30 million for water projects in Chad. "
            "Under the agreements, the fund will drill 55 wells.",
            "55 wells",
            {"family": "aid", "donor": "KW", "recipient": "TD"},
        ),
        Example(
            "Qatar signed a $25 million grant with Somalia on Monday. Since its founding in "
            "2008, the fund has financed 312 projects in Somalia.",
            "312 projects",
            {"family": "aid", "donor": "QA", "recipient": "SO"},
        ),
        Example(
            "Norway is giving NOK 40 million in emergency aid to Nepal after the earthquake. A "
            "team of 30 engineers from the Norwegian Red Cross has been deployed to Jajarkot.",
            "30 engineers",
            {"family": "aid", "donor": "NO", "recipient": "NP"},
        ),
        # "respectively" pairs a list of givers after a place, or a list of receivers
        Example(
            "At a pledging conference for flood relief in Pakistan, Japan, Canada and Australia "
            "pledged $20 million, $12 million and $9 million respectively.",
            "$12 million",
            {"family": "aid", "donor": "CA", "recipient": "PK"},
        ),
        Example(
            "Norway will give NOK 155 million in humanitarian aid to the region. Of this amount, "
            "NOK 90 million will go to Sudan, while Chad and Libya will receive NOK 40 million "
            "and NOK 25 million respectively.",
            "NOK 40 million",
            {"family": "aid", "recipient": "TD"},
        ),
        # what an aid amount builds or is for; a country's government as the subject of a
        # verb that is no giving verb; a team that has arrived
        Example(
            "The Saudi Fund for Development signed a $45 million grant agreement with Niger to "
            "build four schools.",
            "four schools",
            {"family": "aid", "donor": "SA", "recipient": "NE"},
        ),
        Example(
            "Since 1980 the fund has lent Mali a total of KD 90 million for 17 projects.",
            "17 projects",
            {"family": "aid", "recipient": "ML"},
        ),
        Example(
            "The Dutch government doubled its flood relief for Bangladesh to €6 million.",
            "€6 million",
            {"family": "aid", "donor": "NL", "recipient": "BD"},
        ),
        Example(
            "Turkey will give Libya $2 million in aid, and a 40-member Turkish rescue team has "
            "arrived in Derna.",
            "40-member",
            {"family": "aid", "donor": "TR", "recipient": "LY"},
        ),
        # where the sentence places the need, by a province's name (ISO 3166-2)
        Example(
            "Donors pledged $75 million for families displaced by the fighting in North Kivu.",
            "$75 million",
            {"family": "aid", "recipient": "CD", "donor": None},
        ),
        # a co-financier of the project just stated
        Example(
            "The Asian Development Bank approved $400 million for Nepal to rebuild schools. The "
            "project, co-financed by Japan with $120 million, will serve 2 million pupils.",
            "$120 million",
            {"family": "aid", "donor": "JP", "recipient": "NP"},
        ),
        Example(
            "The State Department announced a new package valued at up to $90 million for Moldova.",
            "up to $90 million",
            {"family": "aid", "donor": "US", "recipient": "MD"},
        ),
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
        Example(
            "Ukraine received $2 billion in aid from the European Union.",
            "$2 billion",
            {"donor": "EU", "recipient": "UA"},
        ),
        Example(
            "Tokyo will provide Kyiv with ¥1 trillion in aid.",
            "¥1 trillion",
            {"donor": "JP", "recipient": "UA", "unit": "JPY"},
        ),
        Example(
            "€50 million in aid was given to Moldova by Finland.",
            "€50 million",
            {"donor": "FI", "recipient": "MD"},
        ),
        Example(
            "OSLO (Reuters) - The government will give a further $40 million to Ukraine.",
            "$40 million",
            {"donor": "NO", "recipient": "UA", "unit": "USD", "currency_from": "context"},
        ),
        Example(
            "Italian Defence Minister Guido Crosetto announced a package for Ukraine. It "
            "includes 20 armoured vehicles.",
            "20 armoured vehicles",
            {"donor": "IT", "recipient": "UA", "family": "aid"},
        ),
        Example(
            "Sweden is sending 30 armoured vehicles and ammunition, the Moldovan ambassador "
            "in Stockholm said.",
            "30 armoured vehicles",
            {"family": "aid", "donor": "SE", "recipient": "MD"},
        ),
        Example(
            "Ireland will give €5 million to the UN refugee agency for families displaced in "
            "Sudan.",
            "€5 million",
            {"family": "aid", "donor": "IE", "recipient": "SD"},
        ),
        # a sentence that goes on about the aid just given (by pronoun, office or name)
        Example(
            "Norway will donate its remaining air defence launchers to Ukraine. The ministry "
            "put their value at 900 million Norwegian kroner.",
            "900 million Norwegian kroner",
            {"family": "aid", "donor": "NO", "recipient": "UA", "unit": "NOK"},
        ),
        Example(
            "Canada announced C$40 million in aid to Haiti. Ottawa will also train 300 Haitian "
            "police officers.",
            "300 Haitian police officers",
            {"family": "aid", "donor": "CA", "recipient": "HT"},
        ),
        Example(
            "Turkey will send $3 million in emergency aid to Libya. The package will be followed "
            "by 1,500 tonnes of flour.",
            "1,500 tonnes",
            {"family": "aid", "donor": "TR", "recipient": "LY", "unit": "tonne"},
        ),
        # one verb, several givers: the name right before each amount gives it
        Example(
            "At the donors' conference, Italy pledged €30 million, Spain €20 million and "
            "Portugal €5 million for flood relief in Libya.",
            "€20 million",
            {"family": "aid", "donor": "ES", "recipient": "LY"},
        ),
        Example(
            "Pledges were led by Qatar and Kuwait with $50 million each, while Oman gave $10 "
            "million for Sudan.",
            "$50 million",
            {"family": "aid", "donor": ["QA", "KW"], "recipient": "SD"},
        ),
        # the receiver in the figure's own stretch of the sentence
        Example(
            "Japan will provide $50 million to Jordan and Lebanon, including $20 million for "
            "Lebanon.",
            "$20 million",
            {"family": "aid", "donor": "JP", "recipient": "LB"},
        ),
        Example(
            "Japan will provide $50 million to Jordan and Lebanon, including $20 million for "
            "Lebanon.",
            "$50 million",
            {"family": "aid", "donor": "JP", "recipient": ["JO", "LB"]},
        ),
        Example(
            "Spain will send €5 million in emergency aid for quake-hit Morocco.",
            "€5 million",
            {"family": "aid", "donor": "ES", "recipient": "MA"},
        ),
        Example(
            "Qatar deposited $2 billion in the central bank of Egypt last month.",
            "$2 billion",
            {"family": "aid", "donor": "QA", "recipient": "EG"},
        ),
        Example(
            "Belgium will send 40 instructors to Poland to train Ukrainian sappers.",
            "40 instructors",
            {"family": "aid", "donor": "BE", "recipient": "UA"},
        ),
        # aid measured as a share of the giver's economy, and the list that follows
        Example(
            "Denmark has given military aid worth about 2% of GDP to Ukraine, Estonia 1.5% and "
            "Latvia 1.1%.",
            "1.5%",
            {"family": "aid", "donor": "EE", "recipient": "UA"},
        ),
        # a list of givers going on from an earlier sentence's aid, a bracket after each name
        Example(
            "Donors pledged $80 million for flood relief in Pakistan. Norway led with $20 "
            "million, followed by Finland ($12 million) and Ireland ($9 million).",
            "$12 million",
            {"family": "aid", "donor": "FI", "recipient": "PK"},
        ),
        # names coordinated before a giving verb give together
        Example(
            "Oman and Bahrain each promised about $10 million for Sudan.",
            "about $10 million",
            {"family": "aid", "donor": ["OM", "BH"], "recipient": "SD"},
        ),
        # the receiver in the figure's own stretch, even one only 'in' a place
        Example(
            "Japan pledged $40 million for reconstruction in Nepal and a further $5 million for "
            "Bhutan.",
            "$40 million",
            {"family": "aid", "donor": "JP", "recipient": "NP"},
        ),
        # a list of givers after the first amount: no name of it is a receiver
        Example(
            "Since 2022 Canada has allocated €4 billion in aid to Ukraine, Norway €3 billion and "
            "Poland €2.5 billion.",
            "€3 billion",
            {"family": "aid", "donor": "NO", "recipient": "UA"},
        ),
        Example(
            "New Zealand will provide NZ$20 million over three years to strengthen Fiji's "
            "police force.",
            "NZ$20 million",
            {"family": "aid", "donor": "NZ", "recipient": "FJ"},
        ),
        Example(
            "Sweden has disbursed more than 2 billion kronor to Mozambique since 2010.",
            "more than 2 billion kronor",
            {"family": "aid", "donor": "SE", "recipient": "MZ"},
        ),
        Example(
            "Austria will give €10 million to Moldova's energy sector. The ministry said 40 "
            "transformers would be delivered by March.",
            "40 transformers",
            {"family": "aid", "donor": "AT", "recipient": "MD"},
        ),
        Example(
            "In 2023 Finland's development aid amounted to €1.3 billion. Of this, €90 million "
            "went to Afghanistan.",
            "€90 million",
            {"family": "aid", "donor": "FI", "recipient": "AF", "year": 2023},
        ),
        Example(
            "Japan will give $20 million in aid to Morocco. Tokyo has already rebuilt 300 "
            "schools in the Atlas region.",
            "300 schools",
            {"family": "aid", "donor": "JP", "recipient": "MA"},
        ),
        Example(
            "Spain sent two rescue teams totalling 120 people to Türkiye after the quake.",
            "120 people",
            {"family": "aid", "donor": "ES", "recipient": "TR"},
        ),
        Example(
            "Ireland will give €15 million in humanitarian aid to Chad, enough to feed 90,000 "
            "people for a year.",
            "90,000 people",
            {"family": "aid", "donor": "IE", "recipient": "TD"},
        ),
        Example(
            "Italy announced €30 million in humanitarian aid for the Sahel. The funding breaks "
            "down as follows:\n- €20 million for Mali;\n- €10 million for Niger.",
            "€20 million",
            {"family": "aid", "donor": "IT", "recipient": "ML"},
        ),
        Example(
            "South Korea will lend Vietnam $100 million for new ferries. The financing will pay "
            "for six passenger vessels.",
            "six passenger vessels",
            {"family": "aid", "donor": "KR", "recipient": "VN"},
        ),
        Example(
            "Oman and Qatar deposited a combined $3 billion at the central bank of Jordan.",
            "$3 billion",
            {"family": "aid", "donor": ["OM", "QA"], "recipient": "JO"},
        ),
        Example(
            "Norway is committing NOK 300 million over two years to help Malawi and Zambia cope "
            "with floods.",
            "NOK 300 million",
            {"family": "aid", "donor": "NO", "recipient": ["MW", "ZM"]},
        ),
        Example(
            "Belgium has agreed to pay €50 million to Congo-Kinshasa in development funds.",
            "€50 million",
            {"family": "aid", "donor": "BE", "recipient": "CD"},
        ),
        # a national aid agency speaks for its country
        Example(
            "KOICA will provide $12 million in humanitarian aid to Ethiopia.",
            "$12 million",
            {"family": "aid", "donor": "KR", "recipient": "ET"},
        ),
        # an appeal: money asked for a country's people, and the people it is to help
        Example(
            "UNICEF launched a $900 million appeal to help 8 million children in Yemen.",
            "$900 million",
            {"family": "aid", "recipient": "YE", "donor": None},
        ),
        Example(
            "UNICEF launched a $900 million appeal to help 8 million children in Yemen.",
            "8 million children",
            {"family": "aid", "recipient": "YE"},
        ),
        Example(
            "Italy will provide €50 million a year in aid to Lebanon for as long as it is needed.",
            "€50 million",
            {"family": "aid", "donor": "IT", "recipient": "LB"},
        ),
        # a giver of its own clause ("while Denmark added ..."), not the sentence's first
        Example(
            "Norway pledged NOK 200 million for Sudan, while Denmark added DKK 75 million.",
            "DKK 75 million",
            {"family": "aid", "donor": "DK", "recipient": "SD"},
        ),
        # the year that names the plan or appeal the money is for
        Example(
            "Canada pledged C$40 million for Haiti's 2024 humanitarian response plan.",
            "C$40 million",
            {"family": "aid", "donor": "CA", "recipient": "HT", "year": 2024},
        ),
        # items of a list under a header that names the giver and the year
        Example(
            "Japan's emergency assistance for 2025:\n- ¥500 million for Myanmar\n"
            "- 2,000 blankets for Afghanistan\n",
            "2,000 blankets",
            {"family": "aid", "donor": "JP", "recipient": "AF", "year": 2025},
        ),
        # refugees hosted by a country: the host receives the aid, not the refugees' country
        Example(
            "Sweden will give SEK 90 million to support Afghan refugees in Pakistan.",
            "SEK 90 million",
            {"family": "aid", "donor": "SE", "recipient": "PK"},
        ),
        # a receiver as the subject of "receive" right after the aid: the same giver's aid
        Example(
            "South Korea will provide $30 million in grant aid to Pacific island states. Fiji "
            "alone will receive $8 million.",
            "$8 million",
            {"family": "aid", "donor": "KR", "recipient": "FJ"},
        ),
        # "since 2012" starts a total; it is not the total's year
        Example(
            "Italy's humanitarian aid to Lebanon since 2012 has reached €600 million.",
            "€600 million",
            {"family": "aid", "donor": "IT", "recipient": "LB", "year": None},
        ),
        # international lenders give too: a loan, credit or financing of theirs
        Example(
            "The Asian Development Bank approved a $500 million loan to Sri Lanka on Friday.",
            "$500 million",
            {"family": "aid", "donor": "ADB", "recipient": "LK"},
        ),
        Example(
            "The IMF will lend Ghana $3 billion over three years.",
            "$3 billion",
            {"family": "aid", "donor": "IMF", "recipient": "GH"},
        ),
        # a plan's year before its own figure only ("its 2023 contribution of ...")
        Example(
            "Ireland will contribute €20 million to UNRWA this year, double its 2023 "
            "contribution of €10 million.",
            "€10 million",
            {"family": "aid", "donor": "IE", "year": 2023},
        ),
        Example(
            "Ireland will contribute €20 million to UNRWA this year, double its 2023 "
            "contribution of €10 million.",
            "€20 million",
            {"family": "aid", "donor": "IE", "year": None},
        ),
        # "built in Japanese yards": an adjective after "in" is no place that receives
        Example(
            "Japan will lend the Philippines ¥20 billion for its coast guard. The financing will "
            "pay for four patrol vessels built in Japanese yards.",
            "four patrol vessels",
            {"family": "aid", "donor": "JP", "recipient": "PH"},
        ),
        # "donors" speak of aid; a name after "to X," that goes on with its own verb is the
        # next clause's subject, not one more receiver
        Example(
            "Among donors to Ukraine, Norway stands out with NOK 20 billion.",
            "NOK 20 billion",
            {"family": "aid", "donor": "NO", "recipient": "UA"},
        ),
        # people deployed with relief are aid like what is dispatched
        Example(
            "Greece has dispatched two aircraft with relief supplies to Morocco and deployed "
            "60 rescue personnel.",
            "60 rescue personnel",
            {"family": "aid", "donor": "GR", "recipient": "MA"},
        ),
        # a list of givers going on after a short opener: "In absolute terms X leads with"
        Example(
            "Norway has given Ukraine NOK 40 billion and Sweden SEK 30 billion. In absolute "
            "terms Germany leads the group with €28 billion.",
            "€28 billion",
            {"family": "aid", "donor": "DE", "recipient": "UA"},
        ),
        # the European Investment Bank lends for the EU
        Example(
            "The European Investment Bank will lend Morocco €400 million for reconstruction.",
            "€400 million",
            {"family": "aid", "donor": "EU", "recipient": "MA"},
        ),
        # a package the next sentence lists military items of is aid
        Example(
            "Canada's defence minister announced a C$50 million package on Friday.\nThe package "
            "will include 40 armoured vehicles and 200 drones.",
            "C$50 million",
            {"family": "aid", "donor": "CA"},
        ),
        # a sentence that speaks of contributing takes the document's receiver
        Example(
            "New Zealand will give Ukraine NZ$5 million in aid. A further NZ$2 million will "
            "contribute to ammunition procurement by the United Kingdom.",
            "NZ$2 million",
            {"family": "aid", "donor": "NZ", "recipient": "UA"},
        ),
        # a header's receiver is the items' receiver; a country it names only as the
        # receiver gives nothing
        Example(
            "Canada's support to Ukraine in 2025:\n- C$200 million for air defence\n"
            "- 50 armoured vehicles\n",
            "50 armoured vehicles",
            {"family": "aid", "donor": "CA", "recipient": "UA", "year": 2025},
        ),
        Example(
            "Assistance to Sudan announced this week:\n- $20 million from Norway for food\n"
            "- $15 million from Denmark for shelter\n",
            "$15 million",
            {"family": "aid", "donor": "DK", "recipient": "SD"},
        ),
        # money beside an aid fact of its own sentence is given too
        Example(
            "After the earthquake, Chile sent 40 rescuers to Ecuador; Peru's government wired "
            "two million dollars.",
            "two million dollars",
            {"family": "aid", "donor": "PE", "recipient": "EC"},
        ),
        # the government that asked for it receives the aid
        Example(
            "At the request of the Government of Laos, Japan will provide emergency relief "
            "goods worth ¥40 million, including 300 tents.",
            "300 tents",
            {"family": "aid", "donor": "JP", "recipient": "LA"},
        ),
        # "Brussels" as a giver in a document that names the EU is the EU
        Example(
            "The European Union will give Jordan €200 million this year. Brussels has also "
            "offered loans of up to €500 million.",
            "up to €500 million",
            {"family": "aid", "donor": "EU", "recipient": "JO"},
        ),
        # a total raised at a pledging conference has many givers, none of them its donor
        Example(
            "Norway pledged $50 million for Syria, and Qatar $100 million, of the $4 billion "
            "raised at the Brussels pledging conference.",
            "$4 billion",
            {"family": "aid", "donor": None, "recipient": "SY"},
        ),
        # each clause's own giver: "X said it would add", an apposed name; a place is no giver
        Example(
            "At a meeting in Oslo, Canada pledged C$50 million for Sudan, while Ireland said it "
            "would add €10 million and the host, Norway, committed NOK 200 million.",
            "€10 million",
            {"family": "aid", "donor": "IE", "recipient": "SD"},
        ),
        Example(
            "At a meeting in Oslo, Canada pledged C$50 million for Sudan, while Ireland said it "
            "would add €10 million and the host, Norway, committed NOK 200 million.",
            "NOK 200 million",
            {"family": "aid", "donor": "NO", "recipient": "SD"},
        ),
        Example(
            "At a meeting in Oslo, Canada pledged C$50 million for Sudan.",
            "C$50 million",
            {"family": "aid", "donor": "CA", "recipient": "SD"},
        ),
        # no aid word: a granting verb's giver and a country that receives; "provide X with"
        Example(
            "Canberra has announced a further A$15 million for Vanuatu.",
            "A$15 million",
            {"family": "aid", "donor": "AU", "recipient": "VU"},
        ),
        Example(
            "South Korea will provide Vietnam with three patrol vessels, officials said.",
            "three patrol vessels",
            {"family": "aid", "donor": "KR", "recipient": "VN"},
        ),
        # a region of the receiver; an office that says its country received; "with X
        # alone pledging"; "X said its agency had delivered"
        Example(
            "Jordan's relief agency said it had sent 300 truckloads of aid to southern Syria.",
            "300 truckloads",
            {"family": "aid", "donor": "JO", "recipient": "SY"},
        ),
        Example(
            "Egypt's finance ministry said on Monday it had received a $1 billion loan from "
            "the United Arab Emirates.",
            "$1 billion",
            {"family": "aid", "donor": "AE", "recipient": "EG"},
        ),
        Example(
            "Gulf states pledged $900 million for Yemen, with Kuwait alone pledging $100 million.",
            "$100 million",
            {"family": "aid", "donor": "KW", "recipient": "YE"},
        ),
        Example(
            "Qatar pledged $50 million for Sudan. Doha said its development fund had already "
            "delivered 2,000 tonnes of food.",
            "2,000 tonnes",
            {"family": "aid", "donor": "QA"},
        ),
        # the one country an aid list's items name as receiving receives every item
        Example(
            "The aid package also contained:\n\n- 12 towed howitzers\n\n- Spare parts for 40 "
            "Georgian tanks",
            "12 towed howitzers",
            {"family": "aid", "recipient": "GE"},
        ),
        # a list row opening with a giver's name and a dash gives the row's items
        Example(
            "New pledges for Ukraine announced on Tuesday:\n• Norway – NOK 500 million\n"
            "• Denmark – 20 armoured vehicles and €40 million for demining",
            "€40 million",
            {"family": "aid", "donor": "DK", "recipient": "UA"},
        ),
        # many givers, none named; where the pledges were made is no giver
        Example(
            "Donors pledged more than $80 million at a conference in Dakar for people "
            "displaced by the floods.",
            "more than $80 million",
            {"family": "aid", "donor": None},
        ),
        # "the Manila-based lender" goes on about the lender named before
        Example(
            "The World Bank approved a $500 million loan for Nepal. The Washington-based "
            "lender's commitments to Kathmandu now total $4 billion.",
            "$4 billion",
            {"family": "aid", "donor": "World Bank", "recipient": "NP"},
        ),
        # a giver's money "to African countries": aid with no country receiving
        Example(
            "India will provide $10 billion (about ₹830 billion) in credit lines to African "
            "countries over five years, the prime minister said.",
            "$10 billion",
            {"family": "aid", "donor": "IN", "recipient": None},
        ),
        # "respectively" pairs givers and amounts
        Example(
            "Kuwait and Qatar pledged $30 million and $20 million respectively for Sudan.",
            "$20 million",
            {"family": "aid", "donor": "QA", "recipient": "SD"},
        ),
        # receivers of a list whose verb is said once; the country a grant's purpose names
        Example(
            "Under the plan, Ghana received $30 million in aid, Togo $12 million and Benin $9 "
            "million.",
            "$12 million",
            {"family": "aid", "donor": None, "recipient": "TG"},
        ),
        Example(
            "Japan gave $2 million to Haiti. It also approved a $4 million grant to pay "
            "salaries of Somalia's armed forces.",
            "$4 million",
            {"family": "aid", "donor": "JP", "recipient": "SO"},
        ),
    ),
    counter_examples=(
        "India paid $1 billion to Russia for oil last month.",
        "Germany's €100 billion special fund for the Bundeswehr raised spending to €90 billion.",
        "The army needs $5 billion to replace its tanks, the ministry in Warsaw said.",
        "Moscow had provided about $15 million for staging protests in the region, officials said.",
        "The budget of the Australian Defence Force is A$55 billion this year.",
        "The exercise involved 250 tanks and 600 aircraft.",
        "The ministry said the 19 howitzers had been in service for 30 years.",
        "Italy spent €30 million, Spain €20 million and Portugal €5 million on new stadiums.",
    ),
)
