"""Who and when: helpers the family rules share (subjects, donors, recipients, years, parts).

All of them read only the sentence of the quantity and, where a sentence says nothing, the
sentences before it in the same paragraph.  None is keyed on a particular document.
"""

from __future__ import annotations

import re

from extractor.gazetteer import Mention, events, gazetteer
from extractor.named_events import DATED_PREFIX
from extractor.rules.base import REACH, Ctx, cue, requires

_COORDINATION = re.compile(r"^\s*(?:,|and|&|, and|or|, or)\s*$")
_SOURCE_BEFORE = re.compile(r"(?i)\b(?:according\s+to|citing|cited\s+by|per)\s+(?:the\s+)?$")
_POSSESSIVE_PRONOUN = re.compile(r"(?i)(?:its|their)\s+$")
_LOWER_WORD = re.compile(r"\s+[a-z]")
_OF_ENTITY = re.compile(r"\s+of\s+")
STATED_YEAR = re.compile(
    r"(?i)\b(?P<prep>in|by|since|during|for|until|before|from|year)\s+(?:the\s+end\s+of\s+)?"
    r"(?:the\s+(?=(?:19|20)\d\d\s+[a-z]))?"  # "in the 2024 election", "by the 2030 deadline"
    r"(?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?"  # "of 2024"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+(?:\d{1,2},?\s+)?)?"  # "starting in April 2025", "by June 30, 2026"
    r"(?:fiscal\s+(?:year\s+)?|FY\s*)?(?P<year>(?:19|20)\d\d)(?:[-–/](?P<end>\d\d)(?![-–/]\d))?\b"
)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what every stated or written year holds


def closing_year(year: str, end: str | None) -> int:
    """A financial year written '2025-26' (or '2025/26') is the year it closes in, as in the
    gold ("by 2033-34" -> 2034) and in the usual labels (FY2026): 2026; '2099-00' closes in
    2100.  A plain year is itself, and so is one whose second part is not the next year's
    ("2024-05-30", "the 2024-05 review")."""
    start = int(year)
    if not end or int(end) != (start + 1) % 100:
        return start  # "2024-05" (a month) or "2019-2021" is no financial year
    closing = start // 100 * 100 + int(end)
    return closing + 100 if closing < start else closing


# A year written alone: not a piece of a longer number ("12,019", "2019.5")
# A direction or kind of region before a place's name: "northern Nigeria", "coastal Bangladesh"
DIRECTION = (
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central"
    r"|coastal|rural|mainland|neighbouring|neighboring)"
)
A_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.]\d)")
requires(STATED_YEAR, _YEAR_DIGITS)
NOW = cue(
    r"today|currently|now|this year|at present|presently|so far this year"
    r"|this\s+(?:financial|fiscal|budget)\s+year"
)
_RELATIVE_YEAR = {
    "last year": -1,
    "previous year": -1,
    "the year before": -1,
    "next year": 1,
    "the coming year": 1,
    "the following year": 1,
    "a year ago": -1,  # (not "a year earlier": earlier than the time the sentence states)
    # the budget year before the one the text is about: "the Rs2.12tr allocated for the
    # outgoing fiscal year" (with no publication date, relative to a financial year its
    # paragraph states, by its closing year)
    "last fiscal year": -1,
    "last financial year": -1,
    "previous fiscal year": -1,
    "previous financial year": -1,
    "outgoing fiscal year": -1,
    "outgoing financial year": -1,
}
_DENOMINATOR_BEFORE = re.compile(
    r"\bof\s+(?:(?:the|its|their|all|[A-Z][\w.-]*(?:'s|’s))\s+)?$"
)  # "nine of NATO's 30 members", "Twenty-three of 32 NATO member countries"
_BASELINE = re.compile(r"(?i)\b(?:from|since|than|over|on|compared\s+(?:with|to))\s+$")
_RELATIVE = cue("|".join(_RELATIVE_YEAR).replace(" ", r"\s+"))
ALLIES = cue(r"allies|members|member states|member countries|nations|alliance|Allies")


def is_country(code: str) -> bool:
    entity = gazetteer().entities.get(code)
    return entity is not None and entity.kind == "country"


def coordinated(ctx: Ctx, mentions: list[Mention], last: int) -> list[str]:
    """Codes of the coordinated list that ends with mentions[last]: 'Japan, South Korea and
    Australia' -> [JP, KR, AU]."""
    group = [mentions[last]]
    i = last
    while i > 0:
        gap = ctx.text[mentions[i - 1].end : group[0].start]
        if not _COORDINATION.match(gap):
            break
        earlier = mentions[i - 1]
        if gap.strip() == "," and _SOURCE_BEFORE.search(
            ctx.text, max(0, earlier.start - 25), earlier.start
        ):
            break  # "According to the IMF, Kenya grew 5%": a source, not a list
        i -= 1
        group.insert(0, mentions[i])
    codes: list[str] = []
    for m in group:
        if m.code not in codes:
            codes.append(m.code)
    return codes


def _possessor_before(ctx: Ctx) -> str | None:
    """'Russia's four strategic commands', 'the alliance's 32 nations', 'its four partners'."""
    q = ctx.q
    s, _ = ctx.sentence
    before = ctx.mentions(s, q.start)
    if before and before[-1].possessive and not ctx.text[before[-1].end : q.start].strip():
        return before[-1].code
    if _POSSESSIVE_PRONOUN.search(ctx.text[max(s, q.start - 8) : q.start]):
        owners = [m for m in before if m.possessive] or before
        if owners:
            return owners[-1].code
    return None


_COMPARISON = re.compile(
    r"(?i)\b(?:than|as\s+much\s+as|as\s+many\s+as|compared\s+(?:with|to)|unlike|like"
    r"|ahead\s+of|behind|followed\s+by)\s+(?:the\s+)?$"
)


def _compared(ctx: Ctx, m: Mention) -> bool:
    """'twice as much as Germany': a name a comparison measures against is no subject."""
    return _COMPARISON.search(ctx.text, max(0, m.start - 30), m.start) is not None


# A name inside a phrase of time, cause or contrast: "the second-highest burden after
# Ukraine", "citing Russia's war in Ukraine", "against Israel's 8.8 percent", "the highest
# since Soviet times", "amid fears of China's build-up" (a phrase of cause or contrast runs to
# the next comma; "since fighting erupted between Sudan's army and ..." is no aside)
_ASIDE_BEFORE = re.compile(
    r"(?i)\b(?:(?:citing|against|amid|despite)\s+[^,;:.!?()\[\]\n–—]{0,45}"
    r"|(?:after|since)\s+(?:the\s+)?)$"
)


def aside(ctx: Ctx, m: Mention) -> bool:
    """A name no figure before it is about: compared with, or governed by a phrase of time,
    cause or contrast ("since Soviet times"; not "Since Poland joined NATO", a clause)."""
    if _compared(ctx, m):
        return True
    found = _ASIDE_BEFORE.search(ctx.text, max(0, m.start - 60), m.start)
    if found is None:
        return False
    opens_clause = _CLAUSE_VERB_AFTER.match(ctx.text, m.end) is not None
    return not (opens_clause and found.group().split()[0].lower() in ("since", "after"))


# A finite verb right after a name: the name is a clause's subject ("Since Poland joined")
_CLAUSE_VERB_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+ed|was|were|is|are|has|had|have|became|began|joined|took|won|lost"
    r"|fell|rose|adopted|invaded|began|left|came|went|made|gave|sent|signed)\b"
)


_FIGURE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_RESPECTIVELY_AFTER = re.compile(r"(?i)[\s,]*(?:[\w-]+[\s,]+){0,4}?respectively\b")


def respective(ctx: Ctx) -> str | None:
    """'Saudi Arabia, Israel and Türkiye ... at $75.8 billion, $27.5 billion and $15.8 billion
    respectively': the name at the figure's place in a list of names as long as its list of
    figures."""
    if "respectively" not in ctx.sentence_text:
        return None
    quantities = ctx.sentence_quantities()
    at = next((k for k, (i, _) in enumerate(quantities) if i == ctx.index), None)
    if at is None:
        return None
    lo = hi = at  # the run of figures this one stands in
    while lo > 0 and _FIGURE_LIST_GAP.fullmatch(
        ctx.text, quantities[lo - 1][1].end, quantities[lo][1].start
    ):
        lo -= 1
    while hi + 1 < len(quantities) and _FIGURE_LIST_GAP.fullmatch(
        ctx.text, quantities[hi][1].end, quantities[hi + 1][1].start
    ):
        hi += 1
    run = hi - lo + 1
    if run < 2 or not _RESPECTIVELY_AFTER.match(ctx.text, quantities[hi][1].end):
        return None
    s, _ = ctx.sentence
    names = ctx.mentions(s, quantities[lo][1].start)
    groups: list[list[Mention]] = []
    for m in names:
        if groups and _COORDINATION.match(ctx.text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    fitting = [g for g in groups if len(g) == run]
    if not fitting and groups and len(groups[-1]) > run:
        # "in Bangladesh, the Netherlands, Norway and Denmark pledged A, B and C": the names
        # nearest the figures (a place before them joined the list by its comma)
        fitting = [groups[-1][-run:]]
    return fitting[-1][at - lo].code if fitting else None


def subject_of(ctx: Ctx, *, prefer_country: bool = False) -> str | list[str] | None:
    """The country or body a figure is about."""
    q = ctx.q
    s, e = ctx.sentence
    inside = ctx.mentions(q.number_end, q.end)  # "32 NATO members"
    if inside:
        return inside[0].code
    paired = respective(ctx)
    if paired is not None:
        return paired
    owner = _possessor_before(ctx)
    if owner:
        return owner
    if q.kind == "percent":
        of = _OF_ENTITY.match(ctx.text, q.end)
        if of:
            after = ctx.mentions(of.end(), of.end() + 40)
            if (
                after
                and after[0].start == of.end()
                and (after[0].possessive or not _LOWER_WORD.match(ctx.text, after[0].end))
            ):
                return after[0].code
    before = [m for m in ctx.mentions(s, q.start) if not _compared(ctx, m)]
    if prefer_country:
        countries = [m for m in before if is_country(m.code)]
        if countries:
            codes = coordinated(ctx, before, before.index(countries[-1]))
            return codes if len(codes) > 1 else codes[0]
    if before:
        codes = coordinated(ctx, before, len(before) - 1)
        return codes if len(codes) > 1 else codes[0]
    after = [m for m in ctx.mentions(q.end, e) if not aside(ctx, m)]
    if after:
        return after[0].code
    return None


def subject_from_paragraph(ctx: Ctx, *, prefer_country: bool = True) -> str | None:
    """The last country (else body) named in the sentences before this one in its paragraph
    (at most 4 x REACH characters back: a figure never reads a whole long paragraph)."""
    ps, _ = ctx.paragraph
    s, _ = ctx.sentence
    earlier = [m for m in ctx.entities.within(max(ps, s - 4 * REACH), s) if not aside(ctx, m)]
    countries = [m for m in earlier if is_country(m.code)]
    pick = (countries or earlier) if prefer_country else earlier
    return pick[-1].code if pick else None


_CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:up|down|rose|fell|risen|fallen|increased?|decreased?|dropped|grew|climbed|declined"
    r"|jumped|slipped|a\s+rise\s+of|a\s+fall\s+of|an\s+increase\s+of|a\s+drop\s+of)\s+(?:by\s+)?$"
)
_SUPERLATIVE_BEFORE = re.compile(
    r"(?i)\b(?:\w+est|most\s+\w+|least\s+\w+|first|highest|lowest|biggest|worst|best)\b[^.;,\d]{0,30}$"
)


def stated_year(ctx: Ctx, *, target: bool = False) -> int | None:
    """The year the sentence states for the figure.

    A time word governs the figures after it: the nearest one before the figure wins ("In 2014
    only three ...; this year 23 ..."), else the nearest after it.  'today'/'this year' count
    as time words and give None here (resolved_year turns them into the publication year).
    For a target, the year it is due ('by 2030') wins.
    """
    q = ctx.q.start
    due: int | None = None  # a target's "by 2030"
    marks: list[tuple[int, int | None]] = [(m.start(), None) for m in ctx.matches(NOW)]
    # "last year", "next year": relative to the publication date, else to the document's own
    # latest year ("18 allies ... in 2024 ... up from 11 last year")
    published = ctx.doc.published.year if ctx.doc.published else None
    if published is None and ctx.has(_RELATIVE):
        published = document_year(ctx)
    fiscal: int | None = None
    if ctx.doc.published is None and ctx.has(_RELATIVE):
        fiscal = _financial_year_of_paragraph(ctx)
    for m in ctx.matches(_RELATIVE) if published is not None or fiscal is not None else ():
        key = " ".join(m.group().lower().split())
        budget_year = fiscal is not None and key.endswith(("fiscal year", "financial year"))
        base = fiscal if budget_year or published is None else published
        if base is not None:
            marks.append((m.start(), base + _RELATIVE_YEAR[key]))
    for m in ctx.matches(STATED_YEAR):
        if m.group("prep").lower() == "since" and (
            m.start() > ctx.q.end
            or _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
        ):
            continue  # "the steepest rise since 2009": a baseline, not a figure's year
        if (
            m.group("prep").lower() == "from"
            and 0 <= m.start() - ctx.q.end <= 3
            and _CHANGE_BEFORE.search(ctx.text, max(0, ctx.q.start - 25), ctx.q.start)
        ):
            continue  # "down 2.0 percentage points from 2021": the year compared with
        year = closing_year(m.group("year"), m.group("end"))  # "by 2033-34": 2034
        # ("for 2025-26", "in FY2024/25": a budget year is named by the year it starts)
        if target and m.group("prep").lower() == "by" and due is None:
            due = year
        marks.append((m.start(), year))
    if not marks:
        return None
    after = [mark for mark in marks if mark[0] >= ctx.q.end]
    end = ctx.q.end
    nxt = ctx.quantities[ctx.index + 1] if ctx.index + 1 < len(ctx.quantities) else None
    if nxt is not None and _BRACKET_OPEN.fullmatch(ctx.text, end, nxt.start):
        # "SAR 272 billion ($72.5 billion) for military spending in 2025": the conversion in
        # brackets is the same figure; the words after the bracket are this one's
        close = ctx.text.find(")", nxt.end, nxt.end + 40)
        end = close + 1 if close >= 0 else nxt.end
        nxt = ctx.quantities[ctx.index + 2] if ctx.index + 2 < len(ctx.quantities) else None
    first = min(after, key=lambda m: m[0]) if after else None
    # a time word after the figure belongs to it only if no other figure stands between
    # ("67.8 per cent, up from 61 per cent in 2019": 2019 is the 61's)
    if (
        first is not None
        and nxt is not None
        and ctx.q.end <= nxt.start < first[0]
        and not _DENOMINATOR_BEFORE.search(ctx.text, max(0, nxt.start - 30), nxt.start)
    ):
        first = None  # (a partitive's whole, "nine of NATO's 30 members", does not count)
    if first is not None and first[0] - end <= 25:
        gap = ctx.text[end : first[0]]
        # right after it, in the same clause, and not a baseline ("up 4.2% from last year")
        if not re.search(r"[;,:()]", gap) and not _BASELINE.search(gap):
            return first[1]  # "from €52bn last year"
    if due is not None:
        return due  # (but "to 2% of GDP by 2032, from 0.8% in 2023": 2023 is the 0.8%'s)
    before = [mark for mark in marks if mark[0] < q]
    if before:
        return max(before, key=lambda m: m[0])[1]
    return first[1] if first is not None else None


def resolved_year(ctx: Ctx) -> int | None:
    """Stated, else a dated event ('when the president came to office', 'since the annexation
    of Crimea'), else 'today' ->
    the publication year."""
    year = stated_year(ctx)  # None when 'today'/'this year' is nearer than any stated year
    if year:
        return year
    table = events()
    for start in ctx.matches(DATED_PREFIX):  # "since the annexation ...": tried only there
        if not table.dated_any.match(ctx.text, start.start()):
            continue  # (no dated event here: one try instead of one per event)
        for pattern, event_year in table.dated:
            if pattern.match(ctx.text, start.start()):
                return event_year
    for name in ctx.matches(table.office_lead):  # "when President X came to office"
        if not table.office_dated_any.match(ctx.text, name.start()):
            continue
        for pattern, event_year in table.office_dated:
            if pattern.match(ctx.text, name.start()):
                return event_year
    if ctx.has(NOW):
        if ctx.doc.published:
            return ctx.doc.published.year
        dated = ctx.matches(WRITTEN_DATE)  # "this year, the report released on March 5, 2024"
        if dated:
            return int(dated[-1].group("year"))
        return document_year(ctx)
    return None


# A year that is a target or a limit, not a time the text is written in: "by 2030"
_TARGET_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:by|until|till|through|to|before|from|since|for|fiscal|FY)\s+$"
)
_SPAN_EDGE = re.compile(r"[-–/]")


def _financial_year_of_paragraph(ctx: Ctx) -> int | None:
    """The closing year of the latest financial year written as a span ('2025-26', 'FY2025/26')
    in the figure's paragraph up to its sentence's end, not a baseline or a limit ('since
    2015-16'): with no publication date, the year 'the outgoing fiscal year' is the one
    before."""
    ps, _ = ctx.paragraph
    found = None
    for m in STATED_YEAR.finditer(ctx.text, ps, ctx.sentence[1]):
        if m.group("prep").lower() in ("since", "from", "until", "before"):
            continue  # a baseline or a limit: "has grown since 2015-16"
        if m.group("end") and closing_year(m.group("year"), m.group("end")) != int(m.group("year")):
            found = max(found or 0, closing_year(m.group("year"), m.group("end")))
    return found


def document_year(ctx: Ctx) -> int | None:
    """With no publication date, the year a document is written in is at least the latest
    year it states (targets, limits and spans apart): what 'this year' and 'last year' are
    relative to.  Computed once per document."""
    cache = ctx.frame.cache
    if "document_year" not in cache:
        cache["document_year"] = _latest_stated_year(ctx.text)
    found = cache["document_year"]
    return int(found) if found is not None else None


_NINETEEN, _TWENTY = re.compile(r"19\d\d"), re.compile(r"20\d\d")


def _latest_stated_year(text: str) -> int | None:
    """The latest year `text` states, tried from the latest down (the first one written as a
    stated year wins: most documents need one look)."""
    # (the candidates by the plain digits patterns: A_YEAR's look-behind scans 4x slower, and
    # one pattern per century, each opening with a literal, 4x faster than _YEAR_DIGITS; they
    # find every year A_YEAR takes, whose character before is no digit)
    candidates = {*_NINETEEN.findall(text), *_TWENTY.findall(text)}
    for year in sorted(candidates, reverse=True):
        at = text.find(year)
        while at >= 0:
            if (
                A_YEAR.match(text, at)
                and not _TARGET_YEAR_BEFORE.search(text, max(0, at - 8), at)
                and not _SPAN_EDGE.match(text, at + 4)
                and not (at > 0 and _SPAN_EDGE.match(text, at - 1))
            ):
                return int(year)  # (not a target, a limit or a span "2023-24", "1939-45")
            at = text.find(year, at + 1)
    return None


_BRACKET_OPEN = re.compile(
    r"\s*[(\[]\s*(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+)?"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# A date written out with its year: when a text without a publication date says 'this year'
WRITTEN_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+{_MONTH}\s+)(?P<year>(?:19|20)\d\d)\b"
)
requires(WRITTEN_DATE, _YEAR_DIGITS)


# Between a count and a figure with no noun that restates or disputes it: "12,700 -- though
# some estimates ran as high as 100,000", "far lower than the 200,000 claimed", "closer to".
COMPARED_ESTIMATE = cue(
    r"as\s+(?:high|low|many|few)\s+as|closer\s+to|than(?:\s+the)?|compared\s+(?:with|to)"
    r"|against|versus|while|whereas|though|although|but|estimates?|estimated|put\s+(?:it|the)"
    r"|claimed|reported|officially|according\s+to|instead\s+of|rather\s+than"
)
_INCLUDING_GAP = re.compile(r"[\s,(]*|[^.;:!?()\d]{0,40}?,\s*")


def total_before_including(ctx: Ctx) -> int | None:
    """Index of the quantity this one is listed under: '20,000 pieces of hardware including
    15 warships' -> the hardware total for the warships."""
    s, _ = ctx.sentence
    q = ctx.q
    head = ctx.text[s : q.start]
    pos = head.rfind("including")
    if pos < 0:
        return None
    pos += s
    for i in ctx.back():
        other = ctx.quantities[i]
        if other.number_start < s:
            return None
        if other.end <= pos:
            gap = ctx.text[other.end : pos]
            # "27 million people during the war, including ...": a short phrase may stand between
            return i if _INCLUDING_GAP.fullmatch(gap) else None
    return None


def header_span(ctx: Ctx, lines: int = 24) -> tuple[int, int] | None:
    """Where the header (a line ending in ':') a list item stands under is, within `lines`
    lines above: 'The package also included:' then '- Eight AS90 guns', 'Defence spending, %
    of GDP:' then 'Poland: 4.12'.  A long line that is neither a list item nor blank ends the
    search."""
    line = ctx.layout.line(ctx.q.start)
    starts = ctx.layout.line_starts
    for back in range(1, lines):
        if line - back < 1:
            return None
        lo = starts[line - back - 1]
        hi = starts[line - back] - 1
        header = ctx.text[lo:hi].rstrip()
        if header.endswith(":"):
            return lo, lo + len(header)
        if header.strip() and not _LIST_LINE.match(header) and len(header) > 60:
            return None
    return None


def header_line(ctx: Ctx, lines: int = 24) -> str | None:
    """The text of the header a list item stands under (`header_span`)."""
    span = header_span(ctx, lines)
    return ctx.text[span[0] : span[1]] if span is not None else None


_LIST_LINE = re.compile(r"^[ \t]*(?:[-•*–]|\d+[.)])[ \t]+|^[ \t]*[A-Z][\w .'’-]{0,40}:")
