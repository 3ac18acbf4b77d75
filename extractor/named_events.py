"""Named events: exercises (a series and its edition year), casualty events (massacres,
famines, sieges, battles, wars) and dated events that fix the year of a relative time.

The tables are data/events.yaml; most casualty events are found by pattern ("the X massacre",
"Battle of X", "X War"), the table gives one canonical name for the names an event goes by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.lexicon import load_data, trie_regex
from extractor.tables import GazetteerError, Office, starts_word, word_alternation


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    name: str  # canonical
    kind: str  # exercise | massacre | genocide | famine | siege | battle | bombing | war
    year: int | None = None  # an exercise's edition year, or the year of a one-year event


@dataclass(frozen=True)
class SurfaceScan:
    """A word-bounded alternation of surfaces (`full`), and the same of only the surfaces that
    open with a capital (`capitalised`).  Where no other surface's first word stands, the
    two find the same matches (at a capital only capitalised surfaces can match, elsewhere
    nothing can), and the capitalised one is tried only at capitals: lower-case surfaces such
    as "the Netherlands" or "siege of Mariupol" otherwise make the engine try the alternation
    at every 't' or 's' of the text."""

    full: re.Pattern[str]
    capitalised: re.Pattern[str]
    heads: tuple[str, ...]  # one of them stands in each surface that opens with no capital

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
        """`full.finditer(text, lo, hi)`."""
        # (a slice and map, no generator of finds: a third faster)
        if any(map(text[lo:hi].__contains__, self.heads)):
            return self.full.finditer(text, lo, hi)
        return self.capitalised.finditer(text, lo, hi)


def surface_scan(surfaces: list[str], template: str = "{}") -> SurfaceScan:
    """The scan of `surfaces` as `word_alternation` writes them, put in `template`."""
    # each other surface holds one of the heads: its first two words, or a shorter head
    opening = {" ".join(s.split(" ")[:2]) for s in surfaces if not s[:1].isupper()}
    heads = sorted(h for h in opening if not any(o != h and o in h for o in opening))
    return SurfaceScan(
        re.compile(template.format(word_alternation(surfaces))),
        re.compile(template.format(word_alternation([s for s in surfaces if s[:1].isupper()]))),
        tuple(heads),
    )


@dataclass(frozen=True)
class EventTable:
    pattern: re.Pattern[str]  # the aliases of named events
    aliases: dict[str, tuple[str, str]]  # surface -> (canonical, kind)
    years: dict[str, int]  # canonical -> year, for events that have one
    exercise_names: dict[str, str]  # series name, alias or translation -> canonical series
    exercise_pattern: re.Pattern[str]  # an unknown capitalised name before a year
    series_pattern: re.Pattern[str]  # a known series, with or without its edition year
    series_sep: dict[str, str]  # canonical series -> how its edition year is joined
    translations: frozenset[str]  # series names that are an exercise only with a year
    dated: tuple[tuple[re.Pattern[str], int], ...]  # each starts with DATED_PREFIX
    office_dated: tuple[tuple[re.Pattern[str], int], ...]  # each starts with a head's name
    office_lead: re.Pattern[str]  # any head's name: where an office_dated can start
    scan: SurfaceScan  # `pattern`, found faster
    dated_any: re.Pattern[str]  # matches where one of `dated` does (one try, not one each)
    office_dated_any: re.Pattern[str]  # the same for `office_dated`


# A relative time that refers to a dated event: "since the annexation of Crimea".  Every dated
# pattern starts with it, so `DATED_PREFIX` finds where one can start (rules test the dated
# patterns only there).
_TIME_WORDS = (
    r"since|when|after|before|at|during|until|following|by\s+the\s+time\s+of"
    r"|at\s+the\s+time\s+of|ahead\s+of|prior\s+to"
)
_TIME_WORD = rf"(?i:{_TIME_WORDS})\s+(?:the\s+|Russia['’]s\s+)?"
# The characters other than its two cases that a case-blind ASCII letter matches
_CASE_BLIND_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _case_blind_at_word_start(alternation: str) -> str:
    r"""`\b(?i:alternation)` for an alternation whose words open with an ASCII letter, written
    to open with one class of those letters (both cases, and what else a case-blind letter
    matches: 'ſ' for s): "\b(?i:since|when)" is "[SsſWw](?<!\w.)(?i:(?<=s)(?:ince)|(?<=w)(?:hen))".
    Python's re tries a pattern that opens with `\b` at every position, one that opens with a
    class only at those letters (2x faster).  The look-behind after the letter is the `\b`
    before it (a letter is a word character); each first letter is then checked once, and its
    words tried in the alternation's order (tests/test_speed6_equiv.py checks the two forms)."""
    words = alternation.split("|")  # (no groups: "|" splits the words)
    firsts = sorted({w[0].lower() for w in words})
    if "(" in alternation or not all("a" <= f <= "z" for f in firsts):
        raise ValueError(f"not a word-opened alternation: {alternation!r}")
    letters = "".join(f + f.upper() + _CASE_BLIND_EXTRA.get(f, "") for f in firsts)
    # the words of one letter behind one look-behind, "(?<=a)(?:fter|t)": a 15% faster scan
    # than a look-behind per word (words of two letters never both match at one position)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:])
    rests = "|".join(f"(?<={f})(?:{'|'.join(rest)})" for f, rest in groups.items())
    return rf"[{letters}](?<!\w.)(?i:{rests})"


DATED_PREFIX = re.compile(
    _case_blind_at_word_start(_TIME_WORDS) + r"\s+(?:the\s+|Russia['’]s\s+)?"
)
_HEADS = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "general secretary",
        "first secretary",
        "chairman",
        "leader",
        "supreme leader",
        "emperor",
    }
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_TOOK_OFFICE = (
    r"\s+(?:came\s+to\s+(?:office|power)|took\s+(?:office|power)|entered\s+office"
    r"|assumed\s+(?:office|power)|was\s+sworn\s+in|was\s+inaugurated)\b"
)


def _office_events(
    offices: tuple[Office, ...],
) -> tuple[list[tuple[re.Pattern[str], int]], re.Pattern[str]]:
    """'when X came to office' for a head of state or government with one term; a person
    with several: 'X's second term', 'X returned to office' (the latest term).  With them,
    the pattern of every such name: rules try the events only where a name stands."""
    terms: dict[str, list[Office]] = {}
    for office in offices:
        if office.office in _HEADS:
            terms.setdefault(office.name, []).append(office)
    out = []
    names: list[str] = []
    for name, rows in terms.items():
        rows.sort(key=lambda r: r.start)
        names += [name, *rows[0].aliases]
        who = trie_regex([name, *rows[0].aliases], fold_space=True)
        if len(rows) == 1:
            out.append((re.compile(rf"\b(?:{who}){_TOOK_OFFICE}"), rows[0].start))
            continue
        for ordinal, row in zip(_ORDINALS, rows, strict=False):
            out.append((re.compile(rf"\b(?:{who})['’]s\s+{ordinal}\s+term\b"), row.start))
        back = r"\s+(?:returned|came\s+back)\s+to\s+(?:office|power|the\s+White\s+House)\b"
        out.append((re.compile(rf"\b(?:{who}){back}"), rows[-1].start))
    return out, re.compile(_at_word_start(sorted(set(names))))


def _at_word_start(names: list[str]) -> str:
    r"""`\b(?:trie_regex(names, fold_space=True))` for names that open with a word character,
    written to open with the first character of a name: "\b(?:Biden|Putin)" is
    "B(?<!\w.)(?:iden)|P(?<!\w.)(?:utin)".  Python's re tries a pattern that opens with `\b` at
    every position, one whose alternatives open with a literal only at those characters
    (tests/test_speed6_equiv.py checks the two forms)."""
    if not names:
        return "(?!)"
    if not all(re.match(r"\w", n) for n in names):
        return rf"\b(?:{trie_regex(names, fold_space=True)})"
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        rf"{re.escape(first)}(?<!\w.)(?:{trie_regex(rests, fold_space=True)})"
        for first, rests in sorted(groups.items())
    )


def build_events(data: dict[str, Any], offices: tuple[Office, ...]) -> EventTable:
    """The event table from events.yaml's data and the office holders (for 'took office')."""
    aliases: dict[str, tuple[str, str]] = {}
    years: dict[str, int] = {}
    for row in data["events"]:
        for alias in row["aliases"]:
            if alias in aliases:
                raise GazetteerError(f"events: {alias!r} is an alias of two events")
            aliases[str(alias)] = (row["name"], row["kind"])
        if row.get("year") is not None:
            years[row["name"]] = int(row["year"])
    names: dict[str, str] = {}
    seps: dict[str, str] = {}
    translations: set[str] = set()
    for row in data["exercise_series"]:
        seps[row["name"]] = row["sep"]
        for surface in [row["name"], *(row.get("aliases") or ())]:
            names[str(surface)] = row["name"]
        for surface in row.get("translations") or ():
            names[str(surface)] = row["name"]
            translations.add(str(surface))
    scan = surface_scan(list(aliases))
    series_pattern = re.compile(
        r"(?P<name>" + trie_regex(sorted(names)) + r")"
        r"(?:(?P<sep>[-–\s])(?P<year>(?:19|20)\d\d|\d\d)(?P<suffix>[A-Z]?))?(?![\w$])"
    )
    # (as a trie: a match ends where the year starts, so which name it holds is fixed by
    # where it starts, and a trie tries one branch per letter where the list tried them all)
    known = trie_regex(sorted(names))
    # "Tsentr-2019", "Center-2019", "Zapad 2021", "Maritime Security Belt 2024": a capitalised
    # name of up to three words and a year.  Searched
    # from the year backwards (years are rare, capitalised words are not).
    exercise_pattern = re.compile(
        rf"(?P<name>(?:{known})|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}|[A-Z]{{3,}})(?P<sep>-| )$"
    )
    dated = []
    for row in data["dated_events"]:
        alternation = trie_regex(sorted(str(a) for a in row["aliases"]), fold_space=True)
        dated.append((re.compile(rf"\b{_TIME_WORD}(?:{alternation})(?![\w-])"), int(row["year"])))
    office_dated, office_lead = _office_events(offices)
    return EventTable(
        scan.full,
        aliases,
        years,
        names,
        exercise_pattern,
        series_pattern,
        seps,
        frozenset(translations),
        tuple(dated),
        tuple(office_dated),
        office_lead,
        scan,
        _any(dated),
        _any(office_dated),
    )


def _any(patterns: list[tuple[re.Pattern[str], int]]) -> re.Pattern[str]:
    """One pattern that matches at a position where one of `patterns` does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in patterns) or "(?!)")


_YEAR = re.compile(r"(?:19|20)\d\d(?!\w)")
_LEADING = frozenset(
    """
    The A An In On At During From After Before Since Of And Or But When While Like Unlike
    Both This That These Those Its Their His Her Our After Until Exercise Exercises Operation
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Last Next
    """.split()
)
_EXERCISE_CUE_WORDS = (
    r"exercises?|drills?|war\s?games|manoeuvres|maneuvers|wargames|maneuver|manoeuvre"
    r"|editions?|training\s+grounds?"
)  # "the 28th edition of Malabar": a series has editions
# (`(?i)\b(?:_EXERCISE_CUE_WORDS)\b`, 2x faster: see _case_blind_at_word_start)
_EXERCISE_CUE = re.compile(_case_blind_at_word_start(_EXERCISE_CUE_WORDS) + r"\b")
# A two-digit edition ("Zapad-81", "Defender-Europe 20") after a space only where no noun
# follows: "RIMPAC 24 ships" is a count.
# An edition numbered in Roman numerals after a known series: "UNITAS LXVI" (two numerals
# at least, so that "Cope North I" or a pronoun is never read as one)
_ROMAN_EDITION = re.compile(
    r" ((?=[MDCLXVI]{2,}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\b"
)
_SHORT_EDITION_END = re.compile(
    r"\s*(?:[,.;:)»”\"'’]|$)|\s+(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers|series)\b"
    r"|\s+(?:was|were|is|are|will|would|began|begins|started|starts|ended|ends|involved"
    r"|involves|included|includes|took|takes|brought|brings|saw|sees|drew|draws|featured"
    r"|features|has|had|kicked|opened|closed|wrapped|got|gets|concluded|concludes|continued"
    r"|continues|runs|ran|gathered|gathers|hosted|hosts|involving|featuring|drawing|bringing"
    r"|comprised|comprises|ended|began|commenced|commences|culminated|culminates)\b"
    r"|\s+(?:in|at|off|near|across|around|from|with)\s+(?:the\s+)?(?:[A-Z]|(?:northern|southern"
    r"|eastern|western|central)\b)"
    # "Freedom Shield 25 from 10 to 20 March", "Keen Sword 25 on Wednesday": dates after it
    r"|\s+(?:from|on|between|until|through)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:to|and|until|[-–]|[A-Z])"
    r"|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)  # "BALTOPS 22 was hosted by Sweden", "BALTOPS 25 concluded": a verb after it, an edition;
# "Nordic Response 24 in northern Norway": a place after it (no count has "in Norway" as noun)
# A series named alone with its year just after it: "the Zapad exercises in 1981".
_SERIES_YEAR_AFTER = re.compile(
    r"\s+(?:(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games)\s*,?\s+)?(?:in|of)\s+"
    r"(?P<year>(?:19|20)\d\d)(?!\w)"
)


def _edition(series: str, sep: str, year: int, suffix: str = "", as_written: str = "") -> str:
    """'Zapad-2021', 'Zapad-81', 'RIMPAC 2024', 'BALTOPS 24': see exercise_series in
    events.yaml.  A year the text writes with two digits keeps its two digits in the name
    (the `year` field has all four), so the name is the one the text uses."""
    if len(as_written) == 2:
        written = as_written
    else:
        written = f"{year % 100:02d}" if sep == "-" and year < 2000 else str(year)
    return f"{series}{sep}{written}{suffix}"


_NAME_WORDS = r"[A-Z][\w-]*(?:[–—][A-Z][\w-]*)?(?:\s+[A-Z][\w-]*){0,2}"  # "Iran–Iraq"
# "the Bengal famine of 1943", "the Armenian Genocide", "the Leningrad Blockade"
_NAMED_BEFORE = re.compile(
    rf"(?P<x>{_NAME_WORDS})\s+(?P<kind>[Mm]assacre|[Gg]enocide|[Ff]amine|[Bb]lockade|[Pp]ogrom"
    r"|(?:[Ss]chool\s+|[Hh]ostage\s+)?[Ss]iege|[Hh]ostage\s+[Cc]risis)"
    r"(?:\s+of\s+(?P<year>(?:1[0-9]|20)\d\d)(?P<span>\s*[-–]\s*\d{2,4})?)?(?![\w'’])"
)
# "the 1970 Bhola cyclone", "the 2003 Bam earthquake", "the Great Kanto earthquake"
_NAMED_DISASTER = re.compile(
    rf"(?:(?P<year>(?:1[0-9]|20)\d\d)\s+)?(?P<x>{_NAME_WORDS})\s+"
    # "the Christchurch mosque shootings", "the Peshawar school massacre": the place's venue
    r"(?:(?P<venue>mosque|school|church|market|stadium|concert|nightclub|hotel|train|metro"
    r"|subway|bus|hospital|temple|synagogue|mall|airport|mine|ferry|factory|building|port|dam"
    r"|bridge|plant|refinery|warehouse)\s+)?"
    r"(?P<kind>[Ee]arthquakes?|[Cc]yclone"
    r"|[Tt]sunami|[Hh]urricane|[Tt]yphoon|[Ff]loods?|[Ee]ruption|[Gg]as\s+[Ll]eak|[Gg]as\s+[Dd]isaster"
    r"|[Ss]tampede|[Ll]andslides?|[Aa]ttacks?|[Bb]ombings|[Ss]hootings?|[Mm]assacres"
    r"|[Hh]eat\s?waves?|[Ww]ildfires?|(?<=mine\s)disaster|(?<=ferry\s)disaster"
    r"|(?<=port\s)explosion|(?<=plant\s)explosion|(?<=factory\s)fire|(?<=building\s)collapse"
    r"|(?<=dam\s)collapse|(?<=bridge\s)collapse|(?<=train\s)collision"
    # "the Armero tragedy", "the Aberfan disaster", "the Bhopal gas tragedy" (lower case: not
    # "the National Disaster Management Authority")
    r"|(?:gas\s+)?tragedy|disaster)(?![\w'’])"
)
# "the 1918 influenza pandemic", "the COVID-19 pandemic", "the West African Ebola epidemic",
# "the 2010 Haiti cholera outbreak": a disease and the kind of its spread
@cache
def _named_epidemic() -> re.Pattern[str]:
    """The pattern, its diseases from events.yaml (`epidemic_diseases`, as written; a
    lower-case name may also open a sentence)."""
    names: list[str] = []
    for disease in load_data("events.yaml")["epidemic_diseases"]:
        name = str(disease)
        names.append(name)
        if name[:1].islower():
            names.append(name[:1].upper() + name[1:])
    return re.compile(
        r"(?:(?P<year>(?:1[0-9]|20)\d\d)(?:[-–](?:(?:1[0-9]|20)?\d\d))?\s+)?"
        r"(?P<x>(?:[A-Z][\w'’-]*\s+){0,2}?)"
        rf"(?P<disease>{trie_regex(names, fold_space=True)})\s+"
        r"(?P<kind>[Pp]andemic|[Ee]pidemic|[Oo]utbreak)(?![\w'’])"
    )


_EPIDEMIC_WORDS = ("pandemic", "epidemic", "outbreak")
# "Cyclone Nargis", "Hurricane Katrina", "Typhoon Haiyan": the kind first, then the given name
_STORM_NAMED = re.compile(
    r"\b(?P<kind>Cyclone|Hurricane|Typhoon|Tropical\s+Storm|Storm|Super\s+Typhoon)\s+"
    r"(?P<x>[A-Z][a-z]+)(?![\w'’])"
)
# "the 1994 genocide in Rwanda", "the April 2015 earthquake in Nepal": the kind, then the place
# (dated, so that "a massacre of Chinese civilians" or "a famine in Ukraine" is no name)
_KIND_IN_PLACE = re.compile(
    r"\b(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?(?:1[0-9]|20)\d\d\s+"
    r"(?P<kind>genocide|massacre|famine|earthquake|cyclone|tsunami|hurricane|typhoon|floods?)"
    rf"\s+(?:in|that\s+struck|which\s+struck)\s+(?:the\s+)?(?P<x>{_NAME_WORDS})(?![\w'’])"
)
_PLACE_KIND_ADJECTIVAL = frozenset({"genocide", "massacre", "famine"})  # "the Rwandan genocide"
# "the earthquake that struck Lisbon on 1 November 1755", "the earthquakes that hit southern
# Turkey and northern Syria": a disaster the text describes by the place it struck (named in
# the order of encyclopaedias: "1755 Lisbon earthquake", "Turkey–Syria earthquakes")
# a region of a place named before it: "southern Turkey", "north-west Syria"
REGION = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?"
_KIND_STRUCK = re.compile(
    r"\b[Tt]he\s+(?:(?P<y1>(?:1[0-9]|20)\d\d)\s+)?"
    r"(?:[\d.]+[- ]magnitude\s+|magnitude[- ][\d.]+\s+|(?:deadly|powerful|massive|devastating)\s+)?"
    r"(?P<kind>earthquakes?|cyclone|tsunami"
    r"|hurricane|typhoon|floods?|eruption|landslides?)\s+(?:that|which)\s+(?:struck|hit"
    rf"|devastated|ravaged|swept\s+(?:through|across))\s+{REGION}(?P<x>{_NAME_WORDS})"
    rf"(?:\s+and\s+{REGION}(?P<x2>{_NAME_WORDS}))?"
    r"(?:\s+(?:on|in)\s+(?:[\w,]+\s+){0,3}?(?P<y2>(?:1[0-9]|20)\d\d)(?!\d))?"
)
_ON_PLACE = re.compile(r"\s+(?:on|in)\s+(?:the\s+)?(?P<x>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_STRUCK_WORDS = ("struck", "hit", "devastated", "ravaged", "swept")
# "Russia's full-scale invasion", "Iraq's invasion of Kuwait": "Russian invasion of Ukraine"
_INVASION = re.compile(
    rf"(?P<x>{_NAME_WORDS})['’]s\s+(?:(?:full|large)[- ]scale\s+|(?:19|20)\d\d\s+)?invasion"
    rf"(?:\s+of\s+(?P<of>{_NAME_WORDS}))?(?![\w'’])"
)
# "the September 11 attacks", "the 7 October attack", "the 9/11 attacks": named by their date
_DATE_NAMED = re.compile(
    r"\b(?P<x>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)|\d{1,2}/\d{1,2})\s+(?P<kind>attacks?|bombings?)\b"
)
# "the Battle of Stalingrad", "the siege of Mariupol", "the Atomic bombing of Hiroshima"
_NAMED_AFTER = re.compile(
    r"(?P<kind>[Aa]tomic\s+bombing|[Bb]attle|[Ss]iege|[Bb]ombing|[Ff]irebombing|[Bb]lockade"
    r"|Fall|Sack|Liberation|[Pp]artition|War)\s+of\s+(?P<the>the\s+)?"
    rf"(?P<x>{_NAME_WORDS})(?![\w'’])"
)
# "the Korean War", "the Winter War", "the Israel-Hamas war"
_NAMED_WAR = re.compile(rf"(?P<x>{_NAME_WORDS})\s+(?P<kind>War|war)(?![\w'’])")
_KINDS = {
    "massacre": "massacre",
    "genocide": "genocide",
    "famine": "famine",
    "blockade": "siege",
    "pogrom": "massacre",
    "crisis": "siege",
    "atomic bombing": "bombing",
    "battle": "battle",
    "siege": "siege",
    "bombing": "bombing",
    "firebombing": "bombing",
    "fall": "battle",
    "sack": "massacre",
    "liberation": "battle",
    "war": "war",
    "earthquake": "disaster",
    "cyclone": "disaster",
    "tsunami": "disaster",
    "hurricane": "disaster",
    "typhoon": "disaster",
    "flood": "disaster",
    "floods": "disaster",
    "eruption": "disaster",
    "earthquakes": "disaster",
    "gas leak": "disaster",
    "gas disaster": "disaster",
    "stampede": "disaster",
    "landslide": "disaster",
    "landslides": "disaster",
    "partition": "partition",
}


# Words each pattern needs (lower case): a paragraph without them is never scanned by it
_BEFORE_WORDS = ("massacre", "genocide", "famine", "blockade", "pogrom", "siege", "hostage")
_AFTER_WORDS = (
    "bombing",
    "battle",
    "siege",
    "blockade",
    "fall",
    "sack",
    "liberation",
    "partition",
    "war",
)
_DISASTER_WORDS = (
    "earthquake",
    "cyclone",
    "tsunami",
    "hurricane",
    "typhoon",
    "flood",
    "eruption",
    "gas",
    "stampede",
    "landslide",
    "attack",
    "bombing",
    "shooting",
    "massacre",
    "heat",
    "wildfire",
    "disaster",
    "explosion",
    "fire",
    "collapse",
    "collision",
    "tragedy",
)
_DISASTER_KIND = {  # "the 2008 Mumbai attacks": an attack is no natural disaster
    "attack": "attack",
    "attacks": "attack",
    "bombings": "attack",
    "shooting": "attack",
    "shootings": "attack",
    "massacres": "massacre",
}
_STORM_WORDS = ("cyclone", "hurricane", "typhoon", "storm")
# (the kinds a storm's given name may follow; not the gate words above, which tests open)
_STORM_KINDS = frozenset({"cyclone", "hurricane", "typhoon"})
_GIVEN_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")
_BODY_AFTER = re.compile(
    r"(?i)\s+(?:agency|agencies|management|response|prevention|office|ministry|team|committee"
    r"|authority|relief|risk|preparedness|fund|unit|department|services?|cell|council|centre"
    r"|center|reduction|commission|board|planning|recovery)\b"
)
_IN_PLACE_WORDS = (
    "genocide",
    "massacre",
    "famine",
    "earthquake",
    "cyclone",
    "tsunami",
    "hurricane",
    "typhoon",
    "flood",
)
_WAR_WORDS = ("war",)
# Sharper gates where a kind word hides in common words ("toward", "rainfall", "warn"):
# pieces of text, one of which each kind of _NAMED_AFTER ends with as written (case kept),
# and the same before the "of" that follows every kind ...
_AFTER_PIECES = (
    "ombing",
    "attle",
    "iege",
    "lockade",
    "Fall",
    "Sack",
    "Liberation",
    "artition",
    "War",
)
_AFTER_KIND_OF = re.compile(rf"(?:{'|'.join(_AFTER_PIECES)})\s+of\s")
# ... and the kind word of _NAMED_WAR as it must stand
# (written `(?<=\s)(?:War|war)(?![\w'’])`; opening with a class lets the engine skip to a 'w',
# the look-behind after it is the one before it: tests/test_speed6_equiv.py checks the two)
_WAR_WORD = re.compile(r"[Ww](?<=\s[Ww])ar(?![\w'’])")
_PARADE_WORDS = ("parade",)
_INVASION_WORDS = ("invasion",)
_DATE_WORDS = ("attack", "bombing")
# every word of the gates above, once each (each is looked for once per paragraph)
_CUE_WORDS = tuple(
    dict.fromkeys(
        _BEFORE_WORDS + _AFTER_WORDS + _DISASTER_WORDS + _STORM_WORDS + _WAR_WORDS
        + _EPIDEMIC_WORDS
        + _PARADE_WORDS + _INVASION_WORDS + _DATE_WORDS
    )
)
# "the original Victory Parade took place ... in 1945": a named parade, dated by its sentence
_NAMED_PARADE = re.compile(r"\b(?P<x>(?:[A-Z][\w-]+\s+){1,3})Parade\b")
_A_YEAR_IN = re.compile(r"(?i)\b(?:in|of)\s+((?:1[89]|20)\d\d)\b")


def _is_country_name(place: str) -> bool:
    from extractor.gazetteer import gazetteer  # the gazetteer is built on this module

    found = gazetteer().surfaces.get(place)
    return found is not None and found[1] == "name"


def _adjective_of(place: str) -> str | None:
    """'Rwanda' -> 'Rwandan' (the first adjective the gazetteer gives the place's country)."""
    from extractor.gazetteer import gazetteer  # the gazetteer is built on this module

    gaz = gazetteer()
    found = gaz.surfaces.get(place)
    if found is None:
        return None
    code = found[0]
    for surface, (other, form) in gaz.surfaces.items():
        if other == code and form == "adjective" and not surface.endswith("s"):
            return surface
    return None


def _name_words(text: str) -> str:
    """The name without the capitalised function words before it ('The Korean' -> 'Korean')."""
    words = text.split()
    while words and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words)


def _start_of(m: re.Match[str], x: str) -> int:
    """Where the name `x` (its words as _name_words joined them) starts in the match: at its
    first word inside the group `x` (a name written across a line break is joined by one
    space, so the whole of it need not stand in the text)."""
    at = m.group("x").find(x.split()[0])
    return m.start("x") + max(at, 0)


def _named_events(
    text: str, lo: int, hi: int, low: str | None = None
) -> Iterator[EventMention]:
    """Casualty events found by pattern: the canonical name is the name as written, its kind
    word capitalised when it comes first ('siege of Mariupol' -> 'Siege of Mariupol').
    `low` is text[lo:hi].lower(), when the caller has it."""
    if low is None:
        low = text[lo:hi].lower()  # each pattern runs only where one of its kind words stands
    # each word looked for once: most gates share words ("massacre" is in four), and a
    # paragraph that holds one only by chance ("war" of "toward") then costs a dict look-up
    # per word of the other gates, not a scan of the paragraph
    seen = {w: w in low for w in _CUE_WORDS}
    if not any(seen.values()):
        return

    def gate(words: tuple[str, ...]) -> bool:
        for w in words:
            found = seen.get(w)
            if found is None:
                found = w in low
            if found:
                return True
        return False
    for m in _NAMED_BEFORE.finditer(text, lo, hi) if gate(_BEFORE_WORDS) else ():
        x = _name_words(m.group("x"))
        if not x or not starts_word(text, m.start()):
            continue
        start = _start_of(m, x)
        name = f"{x} {m.group('kind')}"
        year = None
        if m.group("year"):
            name += f" of {m.group('year')}{(m.group('span') or '').replace(' ', '')}"
            year = int(m.group("year"))
        kind = _KINDS[" ".join(m.group("kind").lower().split()).split()[-1]]
        yield EventMention(start, m.end(), name, kind, year)
    # (each kind written as the pattern reads it holds one of _AFTER_WORDS in lower case)
    after = gate(_AFTER_WORDS) and any(map(text[lo:hi].__contains__, _AFTER_PIECES))
    after = after and _AFTER_KIND_OF.search(text, lo, hi) is not None
    for m in _NAMED_AFTER.finditer(text, lo, hi) if after else ():
        if not starts_word(text, m.start()) or m.group("x").split()[0] in _LEADING:
            continue
        kind = " ".join(m.group("kind").split())
        name = f"{kind[0].upper()}{kind[1:]} of {m.group('the') or ''}{m.group('x')}"
        yield EventMention(m.start(), m.end(), name, _KINDS[kind.lower()])
    for m in _NAMED_DISASTER.finditer(text, lo, hi) if gate(_DISASTER_WORDS) else ():
        x = _name_words(m.group("x"))
        if not x or not starts_word(text, m.start("x")):
            continue
        kind = m.group("kind").lower()
        if kind.endswith(("disaster", "tragedy")) and _BODY_AFTER.match(text, m.end()):
            continue  # "the Philippine disaster agency", "the Kenya Red Cross disaster team"
        if kind in _STORM_KINDS and _GIVEN_NAME_AFTER.match(text, m.end()):
            continue  # "Super Typhoon Yolanda": the storm's given name follows (_STORM_NAMED)
        year = int(m.group("year")) if m.group("year") else None
        if m.group("venue"):
            x = f"{x} {m.group('venue')}"
        name = f"{year} {x} {kind}" if year else f"{x} {kind}"
        yield EventMention(m.start(), m.end(), name, _DISASTER_KIND.get(kind, "disaster"), year)
    for m in _named_epidemic().finditer(text, lo, hi) if gate(_EPIDEMIC_WORDS) else ():
        if not starts_word(text, m.start()):
            continue
        words = m.group("x").split()
        while words and words[0] in _LEADING:
            words.pop(0)  # "The Ebola epidemic", "In West African ..."
        year = int(m.group("year")) if m.group("year") else None
        parts = [str(year)] if year else []
        parts += [*words, m.group("disease"), m.group("kind").lower()]
        yield EventMention(m.start(), m.end(), " ".join(parts), "disaster", year)
    for m in _STORM_NAMED.finditer(text, lo, hi) if gate(_STORM_WORDS) else ():
        if m.group("x") in _LEADING or _NOT_A_NAME.fullmatch(m.group("x")):
            continue  # "Storm In ...", "Hurricane Season"
        kind = " ".join(m.group("kind").split())
        yield EventMention(m.start(), m.end(), f"{kind} {m.group('x')}", "disaster")
    for m in _KIND_IN_PLACE.finditer(text, lo, hi) if gate(_IN_PLACE_WORDS) else ():
        place = _name_words(m.group("x"))
        if not place or not _is_country_name(place):
            continue
        kind = m.group("kind").lower()
        adjective = _adjective_of(place) if kind in _PLACE_KIND_ADJECTIVAL else None
        name = f"{adjective or place} {kind}"
        yield EventMention(m.start(), m.end(), name, _KINDS[kind], None)
    struck = gate(_IN_PLACE_WORDS) and gate(_STRUCK_WORDS)
    for m in _KIND_STRUCK.finditer(text, lo, hi) if struck else ():
        places = [_name_words(m.group(g)) for g in ("x", "x2") if m.group(g)]
        if not all(places) or any(p.split()[0] in NOT_A_NAME_WORDS for p in places):
            continue
        kind = m.group("kind").lower()
        year_s = m.group("y1") or m.group("y2")
        name = f"{'–'.join(places)} {kind}"
        year = int(year_s) if year_s else None
        yield EventMention(m.start(), m.end(), f"{year} {name}" if year else name, "disaster", year)
    for m in _INVASION.finditer(text, lo, hi) if gate(_INVASION_WORDS) else ():
        invader = _name_words(m.group("x"))
        adjective = _adjective_of(invader) if invader and _is_country_name(invader) else None
        if adjective is None:
            continue
        victim = _name_words(m.group("of")) if m.group("of") else ""
        name = f"{adjective} invasion" + (f" of {victim}" if victim else "")
        yield EventMention(_start_of(m, invader), m.end(), name, "war")
    for m in _DATE_NAMED.finditer(text, lo, hi) if gate(_DATE_WORDS) else ():
        kind = m.group("kind").lower()
        on = _ON_PLACE.match(text, m.end(), hi)  # "the 26/11 attacks on Mumbai": its place
        name = f"{on.group('x')} {kind}" if on else f"{m.group('x')} {kind}"
        yield EventMention(m.start(), on.end() if on else m.end(), name, "attack")
    for m in _NAMED_PARADE.finditer(text, lo, hi) if gate(_PARADE_WORDS) else ():
        x = _name_words(m.group("x"))
        if not x or x.split()[0] in _LEADING or not starts_word(text, m.start()):
            continue
        end = text.find(".", m.end(), hi)
        dated = _A_YEAR_IN.search(text, max(lo, m.start() - 80), end if end >= 0 else hi)
        year = int(dated.group(1)) if dated else None
        name = f"{x} Parade {year}" if year else f"{x} Parade"
        yield EventMention(_start_of(m, x), m.end(), name, "parade", year)
    war = gate(_WAR_WORDS) and _WAR_WORD.search(text, lo, hi) is not None
    for m in _NAMED_WAR.finditer(text, lo, hi) if war else ():
        x = _name_words(m.group("x"))
        if not x or x.split()[-1] in ("World", "Cold") or not starts_word(text, m.start()):
            continue  # "World War" without its number; the Cold War killed no one in a battle
        start = _start_of(m, x)
        yield EventMention(start, m.end(), f"{x} {m.group('kind')}", "war")


def _table_events(
    text: str, lo: int, hi: int, table: EventTable, low: str | None = None
) -> Iterator[EventMention]:
    for m in table.scan.finditer(text, lo, hi):
        if starts_word(text, m.start()):
            name, kind = table.aliases[m.group()]
            yield EventMention(m.start(), m.end(), name, kind, table.years.get(name))
    editions: set[int] = set()
    for m in table.series_pattern.finditer(text, lo, hi):
        if not starts_word(text, m.start()):
            continue
        surface = m.group("name")
        series = table.exercise_names[surface]
        if surface in table.translations and _in_longer_name(text, m.start()):
            continue  # "Cope Thunder 2025" is no Grom ("Thunder-2025"): a longer name
        year = m.group("year")
        short = year is not None and len(year) == 2 and m.group("sep") != "-"
        if short and not _SHORT_EDITION_END.match(text, m.end()):
            year = None  # "RIMPAC 24 ships": a count, not the 2024 edition
        if year:
            full = int(year) if len(year) == 4 else (1900 if int(year) >= 50 else 2000) + int(year)
            editions.add(m.start("year"))
            # a translation ('Ocean-2024') is named as written unless the paragraph also gives
            # the canonical name ('Center-2019 (Tsentr-2019)'); series() groups them
            shown = series
            if surface in table.translations and series not in text[lo:hi]:
                shown = surface
            name = _edition(shown, table.series_sep[series], full, m.group("suffix"), year)
            yield EventMention(m.start(), m.end(), name, "exercise", full)
        elif surface not in table.translations:  # "the Zapad drill"; "West" alone is none
            end = m.start() + len(surface)
            roman = _ROMAN_EDITION.match(text, end)
            if roman is not None:  # "UNITAS LXVI, hosted by the Colombian navy": its 66th
                yield EventMention(m.start(), roman.end(), f"{series} {roman.group(1)}", "exercise")
                continue
            dated = _SERIES_YEAR_AFTER.match(text, end)
            if dated and dated.end() <= hi:  # "the previous Zapad exercise, in 2017"
                editions.add(dated.start("year"))
                full = int(dated.group("year"))
                name = _edition(series, table.series_sep[series], full)
                yield EventMention(m.start(), end, name, "exercise", full)
            elif _EXERCISE_CUE.search(text, lo, hi):  # "Kakadu National Park" is no exercise
                yield EventMention(m.start(), end, series, "exercise")
    for y in _YEAR.finditer(text, lo, hi):
        if y.start() in editions:
            continue
        found = table.exercise_pattern.search(text, max(lo, y.start() - 40), y.start())
        if found is None or not starts_word(text, found.start()):
            continue
        words = found.group("name").replace("-", " ").split()
        while len(words) > 1 and words[0] in _LEADING:
            words.pop(0)  # "The Vostok-2018" -> "Vostok"
        name = " ".join(words)
        near = text[max(0, found.start() - 60) : y.end() + 60]
        if _PUBLICATION.search(text, max(lo, found.start() - 20), found.start()) or (
            _PUBLICATION_AFTER.match(text, y.end())
        ):
            continue  # "According to The Military Balance 2025": a publication, no exercise
        if name in table.exercise_names:
            continue  # a known series is read above
        if not _EXERCISE_CUE.search(near) and not _military_clause(
            text, found.start(), y.end(), lo, hi, name
        ):
            continue  # "Covid-2019" is no exercise; an unknown name needs the word or forces
        sep = found.group("sep")
        if sep == " " and (
            _NOT_A_NAME.fullmatch(words[-1])
            or (
                not _EXERCISE_CUE.search(text, y.end(), min(hi, y.end() + 120))
                and not _EXERCISE_CUE.search(text, max(lo, found.start() - 40), found.start())
                and not _military_clause(text, found.start(), y.end(), lo, hi, name)
            )
        ):
            # "Cobra Gold 2025 exercise", "the Interaction 2023 drills": with a space, the
            # exercise word must stand right beside the name (never "In 2023", "May 2024")
            continue
        yield EventMention(
            found.start(), y.end(), f"{name}{sep}{y.group()}", "exercise", int(y.group())
        )
    yield from _exercise_named_by_word(text, lo, hi, table, low)


# The capitalised word right before a name (not an owner: "Russia's Ocean-2024")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w-]*)(?<!['’]s)\s+$")


def _in_longer_name(text: str, start: int) -> bool:
    """A capitalised word other than a sentence's opening word (_LEADING: "The", "In",
    "Exercise", a month) stands right before the name: it is part of a longer one."""
    m = _WORD_BEFORE_NAME.search(text, max(0, start - 30), start)
    return m is not None and m.group(1) not in _LEADING
_PUBLICATION = re.compile(
    r"(?i)\b(?:according\s+to|cited\s+in|published\s+in|citing)\s+(?:the\s+)?$"
)
_PUBLICATION_AFTER = re.compile(
    r"\s+(?:report|yearbook|index|survey|review|edition\s+of\s+the\s+report|database)\b"
)
# Forces counted in a clause: what makes "Bright Star 2023" an exercise when no exercise word
# stands beside the name ("Egypt hosted Bright Star 2023 with some 8,000 troops").
_MILITARY_COUNT = re.compile(
    r"(?i)\b\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?(?:troops|personnel|servicemen|service\s+members"
    r"|soldiers|sailors|marines|airmen|warships|ships|vessels|submarines|aircraft|jets|fighters"
    r"|tanks|navies|armies)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _military_clause(text: str, start: int, end: int, lo: int, hi: int, name: str) -> bool:
    """A count of forces in the name's sentence (within 200 characters either side), and a name
    that is no place ('Paris 2024' is the Olympics)."""
    from extractor.gazetteer import gazetteer  # the gazetteer is built on this module

    if name in gazetteer().surfaces:
        return False
    before = text[max(lo, start - 200) : start]
    cut = list(_SENTENCE_END.finditer(before))
    after = text[end : min(hi, end + 200)]
    stop = _SENTENCE_END.search(after)
    window = before[cut[-1].end() :] if cut else before
    window += " " + (after[: stop.start()] if stop else after)
    return _MILITARY_COUNT.search(window) is not None


# "African Lion 25", "Northern Edge 23": a name of two or three words and a two-digit year,
# in a paragraph about an exercise (the year's own end is checked as for known series)
_SHORT_EDITION = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|[A-Z]{4,})(?P<sep>[ -])(?P<yy>(?:19|20)?\d\d)"
    r"(?![\w.,]\d|\w)"
)  # ("ORION 26": one word in capitals, four letters at least; "KAZIND-2024": its whole year)
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")
_NOT_AN_EXERCISE_ACRONYM = frozenset({"COVID", "SARS", "MERS", "AUKUS", "BRICS", "ASEAN"})


def _short_editions(text: str, lo: int, hi: int, table: EventTable) -> Iterator[EventMention]:
    from extractor.gazetteer import gazetteer  # the gazetteer is built on this module

    surfaces = gazetteer().surfaces
    for m in _SHORT_EDITION.finditer(text, lo, hi):
        words = m.group("name").split()
        while words and words[0] in _LEADING:
            words.pop(0)
        name = " ".join(words)
        one_word = len(words) == 1  # "Dragon-24": one word only with a hyphen and 4+ letters
        capitals = one_word and words[0].isupper() and words[0] not in _NOT_AN_EXERCISE_ACRONYM
        if one_word and not capitals and (m.group("sep") != "-" or len(words[0]) < 4):
            continue
        if not words or name in surfaces or name in table.exercise_names:
            continue
        if any(_NOT_A_NAME.fullmatch(w) or w in _GENERIC for w in words):
            continue
        if not _SHORT_EDITION_END.match(text, m.end()):
            continue  # "Harbour Point 24 ships": a count
        near = text[max(lo, m.start() - 80) : min(hi, m.end() + 120)]
        if not _EXERCISE_CUE.search(near):
            continue
        yy = int(m.group("yy"))
        if len(m.group("yy")) == 4 and (
            not capitals
            or m.group("sep") != "-"  # ("IDEX 2025", "EXPO 2025": fairs write a space)
            or _CAPITALS_BEFORE.search(text, max(lo, m.start() - 20), m.start("name"))
        ):
            continue  # "Pitch Black 2024" is a series' edition, read with the other patterns;
            # "MITRA SHAKTI-2024" is no "SHAKTI-2024"
        year = yy if yy > 99 else (1900 if yy >= 50 else 2000) + yy
        start = m.start("name") + m.group("name").index(words[0])
        yield EventMention(
            start, m.end(), f"{name}{m.group('sep')}{m.group('yy')}", "exercise", year
        )


_EXERCISE_WORDS = ("exercise", "drill", "game", "manoeuvre", "maneuver", "edition", "training")
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
# "Exercise Steadfast Defender", "exercise Yudh Abhyas"; "the Freedom Edge exercise"; "the 65th
# edition of UNITAS"
_WORD_THEN_NAME = re.compile(
    rf"\b(?:[Ee]xercises?|(?:edition|iteration)\s+of)\s+(?P<x>{_NAME}|[A-Z]{{3,}}(?:\s+[A-Z][a-z]+)?)"
    r"(?![\w-])"
)
_NAME_THEN_WORD = re.compile(
    rf"(?P<x>{_NAME})\s+(?:(?:naval|air|military|joint|trilateral|bilateral|multinational)\s+)?"
    r"(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers)\b"
)
# "Team Spirit was a joint military exercise of the United States and South Korea": a name
# that a copula defines as an exercise
_NAME_IS_WORD = re.compile(
    rf"(?P<x>{_NAME})\s+(?:was|is|has\s+been|remains)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers)\b"
)
_GENERIC = frozenset(
    """Joint Military Naval Navy Air Army Annual Large Major Combined Allied Multinational
    Command Field Live Fire Staff Sea Land Summer Winter Spring Autumn National Regional
    Strategic Exercise Exercises Drill Drills Trilateral Bilateral Nuclear Missile Defence
    Defense Forces Force""".split()
)
# ... and words that alone name no exercise: "the Baltic exercise", "the final exercise"
_NOT_ONE_NAME = _GENERIC | frozenset(
    """Pacific Atlantic Arctic Baltic Caspian Mediterranean Nordic Gulf Black Red Asian African
    European Western Eastern Northern Southern Central Coastal Final Main First Second Third
    Latest Recent Previous Next""".split()
)


def _exercise_named_by_word(
    text: str, lo: int, hi: int, table: EventTable, low: str | None = None
) -> Iterator[EventMention]:
    """An exercise the table does not know, named beside the word 'exercise' without a year:
    "exercise Yudh Abhyas", "the three-day Freedom Edge exercise".  A name of two words or more
    after the word, or before it; none of them a place, a month or a generic word."""
    from extractor.gazetteer import gazetteer  # the gazetteer is built on this module

    if low is None:
        low = text[lo:hi].lower()
    if not any(map(low.__contains__, _EXERCISE_WORDS)) or not _EXERCISE_CUE.search(text, lo, hi):
        return
    surfaces = gazetteer().surfaces
    yield from _short_editions(text, lo, hi, table)
    for pattern, least in ((_WORD_THEN_NAME, 1), (_NAME_THEN_WORD, 2), (_NAME_IS_WORD, 2)):
        for m in pattern.finditer(text, lo, hi):
            words = m.group("x").replace("-", " ").split()
            operation = words[0] == "Operation" and len(words) > 1  # "Operation Brasstacks"
            while words and words[0] in _LEADING:
                words.pop(0)
            if operation and words:
                words.insert(0, "Operation")
            # one word only as "the Kamandag exercise" (a name the article sets apart)
            one = pattern is _NAME_THEN_WORD and len(words) == 1 and len(words[0]) >= 5
            one = one and text.endswith("the ", max(lo, m.start("x") - 4), m.start("x"))
            one = one and words[0] not in _NOT_ONE_NAME
            if (len(words) < least and not one) or not starts_word(text, m.start("x")):
                continue
            if (
                any(w in surfaces or w in _GENERIC or _NOT_A_NAME.fullmatch(w) for w in words)
                or " ".join(words) in surfaces
            ):
                continue
            name = " ".join(words)
            if name in table.exercise_names:
                continue  # a known series is read with the table
            start = m.start("x") + m.group("x").index(words[0])
            yield EventMention(start, m.end("x"), name, "exercise")


NOT_A_NAME_WORDS = frozenset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_NOT_A_NAME = re.compile(
    r"In|On|At|By|Since|From|Until|Before|After|During|Through|For|Of|And|The|This|That|Since"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Spring|Summer|Autumn|Fall|Winter|Early|Late|Mid|FY|Fiscal|Year|Budget|Election|Census"
)


def find_events(text: str, lo: int, hi: int, table: EventTable) -> list[EventMention]:
    """The events named in text[lo:hi] (one paragraph), in text order.  Table entries first,
    then patterns; a later candidate overlapping a kept one loses."""
    kept: list[EventMention] = []
    low = text[lo:hi].lower()  # what the gates of both read
    candidates = [*_table_events(text, lo, hi, table, low), *_named_events(text, lo, hi, low)]
    for candidate in candidates:
        if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda e: e.start)
