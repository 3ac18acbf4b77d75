"""Giver and receiver from clause patterns, not from which name is nearest.

Each country or organisation named in a figure's sentence gets a role from the words around it:

* receiver: "to/for/towards X", "in support of X", "X receives/gets/will receive", and the
  first object of a giving verb ("promised Ukraine", "provide Kyiv with");
* giver: "from X", "by X" (passive), "X provides/pledged/will send ..." (the subject of a giving
  verb, with auxiliaries and adverbs between), "X's package/support/aid" and "the Australian
  package" (a possessive or adjective before an aid noun);
* "in X" after an aid noun ("aid to communities in Ukraine") is a weak receiver, used only when
  nothing else receives.

A name inside a comparison ("twice as much as Germany") takes no role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.gazetteer import Mention, gazetteer
from extractor.named_events import REGION
from extractor.rules.base import Ctx

GIVE = (
    r"provid\w*|giv(?:e|es|en|ing)|gave|send\w*|sent|pledg\w*|commit\w*|donat\w*|deliver\w*"
    r"|transfer\w*|suppl(?:y|ies|ied|ying)|offer\w*|grant\w*|hand(?:s|ed|ing)?(?:\s+over)?"
    r"|promis\w*|announc\w*|allocat\w*|contribut\w*|gift\w*|approv\w*|earmark\w*|unveil\w*"
    r"|extend\w*|fund\w*|dispatch\w*|ship(?:s|ped|ping)?|rush\w*|spen[dt]\w*|signed\s+off"
    r"|put\s+forward|set\s+aside|lend\w*|lent|loan\w*|unlock\w*|release\w*|confirm\w*"
    r"|financ(?:es|ed|ing|e(?!\s+(?:minist\w*|department|secretary|committee|chief)))"
    r"|pay(?:s|ing)?\s+for|paid\s+for|purchas\w*\s+for|buy(?:s|ing)?\s+for"
    r"|disburs\w*|deploy\w*|deposit\w*|pay|pays|paying|paid|add(?:s|ed|ing)?|wir(?:e|es|ed|ing)"
    r"|chip(?:s|ped|ping)?\s+in|top(?:s|ped|ping)?\s+up"
)
# Verbs whose first object is the receiver: "promised Ukraine ...", "provide Kyiv with ..."
GIVE_TO = (
    r"provid\w*|giv(?:e|es|en|ing)|gave|send\w*|sent|promis\w*|offer\w*|grant\w*|hand(?:s|ed|ing)?"
    r"|suppl(?:y|ies|ied|ying)|lend\w*|lent|loan\w*|award\w*|equip\w*|arm(?:s|ed|ing)?"
)
RECEIVE = r"receiv\w*|get|gets|got|obtain\w*|accept\w*|won|secur\w*"
AID_NOUN = (
    r"aid|assistance|package|support|contribution|donation|funding|help|commitment|pledge"
    r"|loan|grant|budget|spending|financing|gift|funds?|deliver(?:y|ies)|weapons|arms"
)
AUX = r"(?:(?:will|would|has|have|had|is|are|was|were|be|been|being|also|already|now|then|"
AUX += r"just|further|previously|recently|today|again|to|plans?|planned|intends?|agreed|set|"
AUX += r"expected|going|pledged\s+to|vowed\s+to|"
AUX += r"(?:said|says|announced|confirmed)(?:\s+on\s+[A-Z]\w+)?\s+(?:that\s+)?(?:it|they)\s+"
AUX += r"(?:will|would|had|has|have)|"
AUX += r"would\s+also|not|formally|officially|quickly|soon|jointly|together|each|both|alone|"
AUX += r"itself)\s+)*"

# "flood-hit", "war-torn", "quake-stricken"
_STRICKEN = (
    r"[a-z]+-(?:hit|stricken|ravaged|torn|affected|struck|battered|damaged|devastated)"
)
_TO_BEFORE = re.compile(
    r"(?i)(?:\bto|\bfor|\btowards|\binto|\bin\s+support\s+of|\bwith|\bbenefit(?:ing)?"
    r"|\bhelp(?:s|ing)?|\bsupport(?:s|ing)?|\bassist(?:s|ing)?|\bback(?:s|ing)?|\btrain(?:s|ing)?"
    r"|\bstrengthen(?:s|ing)?|\bbolster(?:s|ing)?|\brebuild(?:s|ing)?|\bmoderni[sz]e|\bequip"
    rf"|\barm(?:s|ing)?)\s+(?:the\s+|an?\s+)?(?:{_STRICKEN}\s+)?"
    r"(?:(?:people|citizens|government|armed\s+forces|military|army|forces|defen[cs]e\s+forces"
    r"|population|refugees|central\s+bank)\s+(?:of|in)\s+(?:the\s+)?)?"
    # "to northwest Syria", "for southern Lebanon": a region of the country
    rf"{REGION}$"
    r"|(?i:\b(?:in|at|with|into)\s+(?:the\s+)?central\s+bank\s+of\s+$)"
)
# "to flood-hit districts of Pakistan's Sindh province": a country's places or people, by its
# name (an adjective there is often whose harm it is: "victims of Russian shelling")
_TO_PLACES_OF_BEFORE = re.compile(
    rf"(?i)\b(?:to|for)\s+(?:the\s+)?(?:{_STRICKEN}\s+)?"
    r"(?:districts|regions|provinces|areas|parts|communities"
    r"|victims|families|villages|towns)\s+(?:of|in)\s+(?:the\s+)?$"
)
# "At the request of the Royal Government of Cambodia, ... will provide": who asked receives
_REQUEST_BEFORE = re.compile(
    r"(?i)\b(?:at|following|after|on)\s+(?:the\s+)?request\s+of\s+(?:the\s+)?"
    r"(?:(?:royal|federal|national|transitional|interim)\s+)?(?:government\s+of\s+(?:the\s+)?)?$"
)
_FROM_BEFORE = re.compile(
    r"(?i)(?:\bfrom|\b(?:\w+(?:ed|en|wn|id)|sent|lent|spent|made|given)\s+by)\s+(?:the\s+)?"
    r"(?:government\s+of\s+)?$"
)
# "Ukrainian Ambassador to Australia", "the EU envoy in Kyiv": a post, not a receiver
_POST_BEFORE = re.compile(
    r"(?i)\b(?:ambassador|envoy|embassy|consul|consulate|delegation|mission|representative)"
    r"\s+(?:to|in|at)\s+(?:the\s+)?$"
)
# "Australian Prime Minister Anthony Albanese announced", "US Defense Secretary Lloyd Austin
# confirmed": a government's office speaks for it
_OFFICE_AFTER = re.compile(
    r"(?i)^(?:['’]s)?\s+(?:(?:deputy|acting|foreign|defen[cs]e|finance|prime|chief|then"
    r"|disaster|relief|aid|development|humanitarian|emergency)\s+)*"
    r"(?:prime\s+minister|minister|secretary|president|chancellor|premier|government|cabinet"
    r"|ministry|department|defen[cs]e\s+force|armed\s+forces|treasury|officials?|agency)\b"
)
# What aid pays for, before "in X": "relief in Sudan", "mine clearance in Ukraine"
PURPOSE_NOUN = (
    r"relief|reconstruction|recovery|rebuilding|clearance|demining|programmes?|programs?"
    r"|projects?|efforts?|operations?|response|needs|schools?|hospitals?|clinics?|shelters?"
    r"|food|healthcare|health|education|refugees|victims|survivors|communities|families"
    r"|people|civilians|children|households|residents"
)
_IN_BEFORE = re.compile(
    rf"(?i)\b(?:{AID_NOUN}|{PURPOSE_NOUN})\b[^.;:]{{0,40}}\b(?:in|inside|across)\s+(?:the\s+)?$"
)
_GIVE_BEFORE = re.compile(rf"(?i)\b(?:{GIVE_TO})\s+(?:the\s+)?$")
_GIVER_AFTER = re.compile(
    rf"(?i)^(?:['’]s)?(?:\s+\([^)]{{0,40}}\))?(?:,[^,]{{0,60}},)?\s+{AUX}(?:{GIVE})\b"
)
# a name set off by commas after a noun, the subject of the giving verb after it
_APPOSED_BEFORE = re.compile(r"(?i)\b[a-z]{3,}\s*,\s*(?:the\s+)?$")
_APPOSED_GIVER_AFTER = re.compile(rf"(?i)^,\s+{AUX}(?:{GIVE})\b")
# what a gift is for, then a country's forces, government or people
_PURPOSE_BEFORE = re.compile(r"(?i)\b(?:to|for|towards)\b[^.;,]{0,35}$")
_BENEFICIARY_AFTER = re.compile(
    r"(?i)^(?:['’]s?)?\s+(?:(?:own|national|regular|embattled)\s+)?(?:armed\s+forces|army"
    r"|military|troops|soldiers|government|people|police|navy|coast\s+guard|security\s+forces"
    r"|hospitals|schools|refugees|civil\s+servants|health\s+system|energy\s+(?:grid|system))\b"
)
# "Riyadh said its King Salman Humanitarian Aid and Relief Centre had already delivered"
_SAID_ITS_GIVES = re.compile(
    rf"(?i)^\s+(?:said|says|announced)\s+(?:that\s+)?its\s+(?:[\w'’-]+\s+|\([\w-]+\)\s+){{1,10}}?"
    rf"{AUX}(?:{GIVE})\b"
)
_WITH_BEFORE = re.compile(r"(?i)\bwith\s+(?:the\s+)?$")
# ... a participle of giving right after the name ("with Japan alone pledging"; not "a loan
# agreement with Jordan to finance")
_WITH_GIVING_AFTER = re.compile(
    r"(?i)^\s+(?:(?:alone|also|itself|each|both)\s+)?(?:committing|pledging|providing|giving"
    r"|contributing|sending|donating|offering|promising|adding|supplying|delivering)\b"
)
_RECEIVER_AFTER = re.compile(rf"(?i)^(?:['’]s)?\s+{AUX}(?:{RECEIVE})\b")
_AID_NOUN_AFTER = re.compile(rf"(?i)^(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?(?:{AID_NOUN})\b")
_MODIFIER_AFTER = re.compile(
    r"(?i)^(?:-led|-run|-managed|-backed|\s+(?:trust\s+)?funds?\b"
    # "for Syrian refugees in Jordan": the country that hosts them receives, not theirs
    r"|\s+(?:refugees|migrants|asylum[- ]seekers|exiles|evacuees)\s+(?:in|hosted\s+(?:in|by))\s)"
)
_COMPARISON_BEFORE = re.compile(
    r"(?i)\b(?:than|as\s+much\s+as|as\s+many\s+as|compared\s+(?:with|to)|unlike|like)"
    r"\s+(?:the\s+)?$"
)


_OFFICE_GIVES = re.compile(
    rf"(?i)^(?:['’]s)?\s+(?:[A-Z][\w.'’-]*\s+|(?:deputy|acting|foreign|defen[cs]e|finance|prime|chief"
    rf"|then|minister|secretary|president|chancellor|premier|government|cabinet|ministry|department"
    rf"|force|forces|armed|treasury|officials?|disaster|relief|aid|development|humanitarian"
    rf"|emergency|agency)\s+)*?{AUX}(?:{GIVE})\b"
)
# "Israel's defence ministry said on Saturday it had received ...": the office speaks for its
# country, which receives
_OFFICE_RECEIVES = re.compile(
    rf"(?i)^(?:['’]s)?\s+(?:[A-Z][\w.'’-]*\s+|(?:deputy|acting|foreign|defen[cs]e|finance|prime"
    rf"|chief|minister|secretary|president|government|cabinet|ministry|department|force|forces"
    rf"|armed|treasury|officials?)\s+)*?{AUX}(?:{RECEIVE})\b"
)


def _office_gives(text: str, pos: int, end: int) -> bool:
    """The office after a name is the subject of a giving verb ('US Defense Secretary Lloyd
    Austin confirmed a $6 billion commitment')."""
    return _OFFICE_GIVES.match(text[pos : min(end, pos + 90)]) is not None


@dataclass(frozen=True)
class Role:
    mention: Mention
    role: str  # giver | receiver | weak_receiver | none
    strength: int  # 2: a clause pattern; 1: an aid noun's possessor/adjective; 0: a bare name


def can_give(code: str) -> bool:
    kind = gazetteer().entities[code].kind
    return kind in ("country", "organisation")


def roles(ctx: Ctx, start: int, end: int) -> list[Role]:
    """The role of every giver-like mention in text[start:end] (a sentence, or a clipped one).
    A mention's role depends only on the words of its own sentence around it, so it is found
    once per mention and kept for every figure that asks (Frame.cache)."""
    cache = ctx.frame.cache.setdefault("roles", {})
    out: list[Role] = []
    for m in ctx.entities.within(start, end):
        if not can_give(m.code):
            continue
        role = cache.get(m.start)
        if role is None:
            role = _role(ctx, m)
            if (
                role.role == "none"
                and out
                and out[-1].role in ("giver", "receiver", "weak_receiver")
                and not _before_a_figure(ctx, m)  # "to Ukraine, Germany €17 billion"
            ):
                prev = out[-1]  # "to Türkiye and Syria", "from Germany, France and Italy"
                gap = COORDINATED.fullmatch(ctx.text, prev.mention.end, m.start)
                if gap and ("and" in gap.group() or "&" in gap.group() or _LIST_GOES_ON.match(
                    ctx.text, m.end
                )):  # (not "Among donors to Ukraine, Norway stands out")
                    role = Role(m, prev.role, prev.strength)
            if role.role == "none" and m.form != "adjective" and _gapped_receiver(ctx, out, m):
                role = Role(m, "receiver", 2)  # "X received $3.3 billion and Y $2.3 billion"
            cache[m.start] = role
        out.append(role)
    return out


_GAP_TO_NEXT_NAME = re.compile(
    r"(?:[^.;\d]|\.(?=\d))*\d(?:[^.;]|\.(?=\d))*?(?:,|\band|\bwhile)\s+(?:the\s+)?"
)


def _gapped_receiver(ctx: Ctx, out: list[Role], m: Mention) -> bool:
    """A name right before an amount in a clause that leaves out the verb of the clause before
    it, whose subject received an amount: 'the United Kingdom received about $3.3 billion and
    France $2.3 billion'."""
    if not out or not _before_a_figure(ctx, m):
        return False
    prev = out[-1]
    if prev.role != "receiver" or not _GAP_TO_NEXT_NAME.fullmatch(
        ctx.text, prev.mention.end, m.start
    ):
        return False
    # the clause before says who received ("X received ..."), or leaves the verb out itself;
    # not "has given Ukraine NOK 40 billion and Sweden SEK 30 billion" (Sweden gives)
    said = _RECEIVER_AFTER.match(ctx.text[prev.mention.end : prev.mention.end + 90])
    return said is not None or _gapped_receiver(ctx, out[:-1], prev.mention)


def subject_of_next_figure(ctx: Ctx, m: Mention) -> bool:
    """A receiver that opens a clause of its own ('X received ...', 'X $2.3 billion'): it
    receives the figure after it, never one before it."""
    after = ctx.text[m.end : m.end + 90]
    return _before_a_figure(ctx, m) or _RECEIVER_AFTER.match(after) is not None


def _before_a_figure(ctx: Ctx, m: Mention) -> bool:
    """A name right before an amount ('Germany €17 billion', 'Kuwait with $100 million'): the
    amount's own giver in a list, not one more name of the list before it."""
    i = bisect_left(ctx.number_starts, m.end)
    if i >= len(ctx.quantities):
        return False
    q = ctx.quantities[i]
    return q.start - m.end <= 12 and NAME_TO_FIGURE.fullmatch(ctx.text, m.end, q.start) is not None


# "Sweden (SEK 150m)", "Germany €17 billion", "Finland leads the group with €2.2 billion"
NAME_TO_FIGURE = re.compile(
    r"\s+(?:(?:leads?|led|tops?|topped)\s+(?:the\s+[a-z]+\s+)?with\s+|with\s+|at\s+)?|\s*\(\s*"
)
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b|&|\bor\b|\))")
COORDINATED = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+(?:the\s+)?")


# Cheap tests that must pass for a look-behind pattern to match: each of those patterns ends
# with a word and white space at the end of `before` (then, optionally, "the" or "a"), so the
# last word of `before` (the one before an article) ends with one of these, or the pattern's
# words are in it.
# tests/test_speed6_roles.py checks them against the patterns.
_COMPARISON_ENDS = ("than", "as", "with", "to", "like")
_POST_ENDS = ("to", "in", "at")
_FROM_ENDS = ("from", "by", "of")
_TO_ENDS = (
    "to", "for", "towards", "into", "of", "in", "with", "benefit", "benefiting", "help",
    "helps", "helping", "support", "supports", "supporting", "assist", "assists", "assisting",
    "back", "backs", "backing", "train", "trains", "training", "strengthen", "strengthens",
    "strengthening", "bolster", "bolsters", "bolstering", "rebuild", "rebuilds", "rebuilding",
    "modernise", "modernize", "equip", "arm", "arms", "arming", "hit",
    "stricken", "ravaged", "torn", "affected", "struck", "battered", "damaged", "devastated",
)  # fmt: skip
_REQUEST_ENDS = ("of", "royal", "federal", "national", "transitional", "interim")
_IN_ENDS = ("in", "inside", "across")
_APPOSED_ENDS = (",", ",the")
_THE = ("the",)
_ARTICLES = ("the", "a", "an")  # (_TO_BEFORE: "to a", "for the", "to an")
_REGIONS = (
    *(
        f"{a}{b}{c}"
        for a in ("north", "south", "east", "west")
        for b in ("", "east", "west", "-east", "-west")
        for c in ("", "ern")
    ),
    "central",
)
_ARTICLES_OR_REGION = _ARTICLES + _REGIONS  # "to northwest Syria"
_GIVE_TO_STEMS = (
    "provid", "giv", "gave", "send", "sent", "promis", "offer", "grant", "hand", "suppl",
    "lend", "lent", "loan", "award", "equip", "arm",
)  # fmt: skip
# what a case-blind letter matches that str.lower does not fold to it (as in rules.base)
_UNFOLDED = ("\u0130", "\u0131", "\u017f")


class _Before:
    """The words before a name, as the gates of `_role` read them."""

    __slots__ = ("last", "low", "prev", "spaced")

    def __init__(self, before: str) -> None:
        folds = before.isascii() or not any(map(before.__contains__, _UNFOLDED))
        self.low = before.lower() if folds else None  # None: every gate passes
        low = self.low or ""
        self.spaced = low[-1:].isspace()
        words = low.rsplit(None, 2)
        self.last = words[-1] if words else ""
        self.prev = words[-2] if len(words) > 1 else ""

    def ends(self, words: tuple[str, ...], skip: tuple[str, ...] = _THE) -> bool:
        """May a pattern match that ends with white space after a word that ends with one of
        `words`, and then perhaps one of `skip`?"""
        if self.low is None:
            return True
        return self.spaced and (self.prev if self.last in skip else self.last).endswith(words)

    def ends_unspaced(self, words: tuple[str, ...]) -> bool:
        """The same for a pattern that may end with no white space."""
        if self.low is None:
            return True
        return (self.prev if self.last == "the" else self.last).endswith(words)

    def holds(self, words: tuple[str, ...]) -> bool:
        """May a pattern match that ends with white space and holds one of `words`?"""
        return self.low is None or (self.spaced and any(map(self.low.__contains__, words)))


def _to_gate(gate: _Before) -> bool:
    """The gate of _TO_BEFORE: its preposition last, or before an article or a region word,
    or a region word last ("with the West", "to the northwest"): the pattern decides."""
    return gate.ends(_TO_ENDS, _ARTICLES_OR_REGION) or gate.low is None or gate.last in _REGIONS


def _role(ctx: Ctx, m: Mention) -> Role:
    text = ctx.text
    start, end = ctx.layout.sentence(m.start)
    before = text[max(start, m.start - 45) : m.start]
    after = text[m.end : min(end, m.end + 90)]
    # each look-behind pattern is searched only where its gate passes (a search costs 2-10 us,
    # a gate a fraction of one); the order of the tests is the order of the rules
    gate = _Before(before)
    if (
        (gate.ends(_COMPARISON_ENDS) and _COMPARISON_BEFORE.search(before))
        or _MODIFIER_AFTER.match(after)
        or (gate.ends(_POST_ENDS) and _POST_BEFORE.search(before))
    ):
        return Role(m, "none", 0)
    if gate.ends(_FROM_ENDS) and _FROM_BEFORE.search(before):
        return Role(m, "giver", 2)
    if (
        m.form != "adjective"
        and gate.ends(("with",), _ARTICLES)
        and _WITH_BEFORE.search(before)
        and _WITH_GIVING_AFTER.match(after)
    ):
        return Role(m, "giver", 2)  # "with the UAE alone committing $200 million"
    if (_to_gate(gate) and _TO_BEFORE.search(before)) or (
        gate.ends(_REQUEST_ENDS) and _REQUEST_BEFORE.search(before)
    ):
        return Role(m, "receiver", 2)
    name = m.form != "adjective"
    if name and gate.ends(("of", "in"), _ARTICLES) and _TO_PLACES_OF_BEFORE.search(before):
        return Role(m, "receiver", 2)
    if name and gate.holds(_GIVE_TO_STEMS) and _GIVE_BEFORE.search(before):
        return Role(m, "receiver", 2)  # "promised Ukraine", "provide Kyiv with"
    if name and _RECEIVER_AFTER.match(after):
        return Role(m, "receiver", 2)
    if name and _GIVER_AFTER.match(after):
        return Role(m, "giver", 2)
    if (
        after.startswith(",")
        and gate.ends_unspaced(_APPOSED_ENDS)
        and _APPOSED_GIVER_AFTER.match(after)
        and _APPOSED_BEFORE.search(before)
    ):
        return Role(m, "giver", 2)  # "the host, Switzerland, committed CHF 75 million"
    if (m.possessive or m.form == "adjective") and _AID_NOUN_AFTER.match(after):
        return Role(m, "giver", 1)
    if _OFFICE_AFTER.match(after) and _office_gives(text, m.end, end):
        return Role(m, "giver", 2)
    if name and _OFFICE_AFTER.match(after) and _OFFICE_RECEIVES.match(after):
        return Role(m, "receiver", 2)
    if name and after.startswith(" said") and _SAID_ITS_GIVES.match(after):
        return Role(m, "giver", 2)  # "Riyadh said its relief centre had delivered"
    # (not "built in Japanese yards")
    if name and gate.ends(_IN_ENDS) and _IN_BEFORE.search(before):
        return Role(m, "weak_receiver", 0)
    if m.possessive and _BENEFICIARY_AFTER.match(after) and _PURPOSE_BEFORE.search(before):
        return Role(m, "weak_receiver", 0)  # "a grant to pay salaries of Lebanon's armed forces"
    return Role(m, "none", 0)


_SIDE_NOUN_AFTER = re.compile(
    r"(?i)^\s+(?:[A-Z][\w-]*\s+){0,2}?(?:ambassador|embassy|envoy|president|prime\s+minister"
    r"|government|officials?|military|armed\s+forces|army|defen[cs]e\s+(?:ministry|forces"
    r"|intelligence)|intelligence|soldiers|servicemen|troops|forces|people|refugees|citizens"
    r"|civilians|cities|communities|counterparts?|allies)\b"
)
_AGAINST_BEFORE = re.compile(
    r"(?i)\b(?:against|fight(?:ing)?|repel(?:ling)?|resist(?:ing)?|deter(?:ring)?|defeat(?:ing)?"
    r"|invading|invasion\s+by|attacks?\s+by)\s+(?:the\s+)?$"
)


def adjective_side(ctx: Ctx, giver: str | list[str] | None) -> str | None:
    """'Ukrainian Ambassador to Australia Vasyl Myroshnychenko said', 'the Ukrainian Defence
    Intelligence': in an aid document that names no receiver, the country whose officials,
    forces or people the text speaks of by adjective (never one it is fought against) is the
    receiver.  Computed once per document; the giver is excluded."""
    key = ("adjective_side", str(giver))
    if key in ctx.frame.cache:
        return ctx.frame.cache[key]  # type: ignore[no-any-return]
    counts: dict[str, int] = {}
    for m in ctx.document_mentions():
        if m.form != "adjective" or not is_country(m.code) or m.code == giver:
            continue
        after = ctx.text[m.end : m.end + 60]
        before = ctx.text[max(0, m.start - 30) : m.start]
        if _SIDE_NOUN_AFTER.match(after) and not _AGAINST_BEFORE.search(before):
            counts[m.code] = counts.get(m.code, 0) + 1
    found = max(counts, key=lambda c: counts[c]) if len(counts) == 1 else None
    ctx.frame.cache[key] = found
    return found


def document_roles(ctx: Ctx, cue: re.Pattern[str]) -> tuple[str | None, str | None]:
    """(giver, receiver) of the whole document: the country most often named in each role by
    clause patterns, in sentences that match `cue`.  Computed once per document (cached on the
    frame); used only when neither the sentence nor the frame names the role."""
    cached = ctx.frame.cache.get("document_roles")
    if cached is None:
        counts: dict[str, dict[str, int]] = {"giver": {}, "receiver": {}}
        first: dict[str, int] = {}
        for s, e in _cued_sentences(ctx, cue):
            for r in roles(ctx, s, e):
                if r.role in counts and r.strength == 2 and is_country(r.mention.code):
                    tally = counts[r.role]
                    tally[r.mention.code] = tally.get(r.mention.code, 0) + 1
                    first.setdefault(r.mention.code, r.mention.start)

        def top(tally: dict[str, int]) -> str | None:
            if not tally:
                return None
            return min(tally, key=lambda c: (-tally[c], first[c]))

        giver, receiver = top(counts["giver"]), top(counts["receiver"])
        cached = (giver, receiver if receiver != giver else None)
        ctx.frame.cache["document_roles"] = cached
    return cached


_TWINS: dict[str, re.Pattern[str] | None] = {}  # a cue's pattern -> its case-blind twin
_CUE_FORM = re.compile(r"\(\?i\)\(\?<!\[\\w-\]\)\(\?:(?P<body>.*)\)\(\?!\[\\w-\]\)", re.DOTALL)


def _case_blind_twin(cue: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A cue (`rules.base.cue`: `(?i)(?<![\w-])(?:body)(?![\w-])`, a body of ASCII with no
    upper-case letter, look-around, anchor or group flag) without its `(?i)`: what the cue
    matches in a text, the twin matches at the same places in the text lower-cased, when the
    text holds none of `_UNFOLDED` (str.lower then keeps every offset, and a character a
    case-blind letter matches lowers to that letter: tests/test_speed6_roles.py checks every
    code point).  A case-sensitive pattern runs a third faster.  None for any other form."""
    if cue.pattern not in _TWINS:
        form = _CUE_FORM.fullmatch(cue.pattern)
        body = re.sub(r"\\.", "", form.group("body")) if form else ""
        simple = form is not None and cue.flags == re.IGNORECASE | re.UNICODE
        simple = simple and body.isascii() and not re.search(r"[A-Z^$]|\(\?[^:]", body)
        _TWINS[cue.pattern] = re.compile(cue.pattern.removeprefix("(?i)")) if simple else None
    return _TWINS[cue.pattern]


def _cue_in(cue: re.Pattern[str], twin: re.Pattern[str] | None, text: str, s: int, e: int) -> bool:
    """`cue.search(text, s, e) is not None`, by the twin on the sentence lower-cased (with the
    character before it, which the cue's look-behind reads) where it can."""
    if twin is not None:
        lo = max(s - 1, 0)
        piece = text[lo:e]
        if piece.isascii() or not any(map(piece.__contains__, _UNFOLDED)):
            return twin.search(piece.lower(), s - lo) is not None
    return cue.search(text, s, e) is not None


def _cued_sentences(ctx: Ctx, cue: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The sentences of the document's mentions (`Ctx.document_mentions`) that match `cue`."""
    text, cache = ctx.text, ctx.frame.cache
    twin = _case_blind_twin(cue)
    seen: set[tuple[int, int]] = set()
    start = end = 0
    for m in ctx.document_mentions():
        if start <= m.start < end:
            continue  # the sentence of the mention before (sentences tile the text)
        span = ctx.layout.sentence(m.start)
        start, end = span
        if span in seen:
            continue
        seen.add(span)
        # a figure's rule may have looked for the cue in this sentence already (Ctx.has keeps
        # every match of a sentence by this key); else one search (the cue's gate, tried
        # first, cost more than it saved: a cue of sixty words)
        found = cache.get((cue.pattern, span))
        if found is not None:
            if found[0]:
                yield span
        elif _cue_in(cue, twin, text, start, end):
            yield span


def is_country(code: str) -> bool:
    entity = gazetteer().entities.get(code)
    return entity is not None and entity.kind == "country"
