"""Who and what a figure can be about: countries, organisations, office holders and named events.

Countries come from the standard (data/countries.yaml, generated from ISO 3166-1 and CLDR by
scripts/gen_countries.py); what no standard has (adjectives, capitals, organisations, office
holders) from the hand tables in data/gazetteer.yaml, merged on load.  A surface has one owner:
two entries claiming it fail the load (`GazetteerError`).  Named events and dated events live in
data/events.yaml, most named events are found by pattern.  `EntityIndex` finds every mention in
a document in one regex pass per paragraph and answers "which entities are in [start, end)?".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from extractor.layout import Layout
from extractor.lexicon import lexicon, trie_regex


@dataclass(frozen=True)
class Entity:
    code: str  # ISO 3166 alpha-2, or an organisation's short name
    name: str  # readable name
    kind: str  # country | organisation
    currency: str | None  # the country's own currency (or its currency union's)
    uses: str | None = None  # a currency it uses that another country issues (Kiribati: AUD)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str
    form: str  # name | adjective | capital | institution | person | organisation
    possessive: bool  # "Australia's", "Canberra’s"


@dataclass(frozen=True)
class Office:
    """One row of the office-holders table: who spoke for which entity, and when."""

    name: str  # the surface ("Albanese", or a full name where a surname is shared)
    aliases: tuple[str, ...]
    code: str
    office: str
    start: int
    end: int | None  # None: in office


@dataclass(frozen=True)
class Gazetteer:
    entities: dict[str, Entity]
    surfaces: dict[str, tuple[str, str]]  # surface -> (code, form)
    pattern: re.Pattern[str]
    ignored: frozenset[str]  # matched so that a shorter name inside is not; no mention
    offices: tuple[Office, ...]

    def entity(self, code: str) -> Entity:
        return self.entities[code]

    def name(self, code: str) -> str:
        entity = self.entities.get(code)
        return entity.name if entity else code


class GazetteerError(ValueError):
    """The tables contradict each other (a surface claimed twice, a bad key)."""


def _word_alternation(surfaces: list[str]) -> str:
    # No look-behind at the front: it stops the engine skipping ahead.  Callers check that a
    # match does not start inside a word (`_starts_word`).
    return r"(?:" + trie_regex(sorted(set(surfaces))) + r")(?![\w$])"  # not the US of US$


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "._$")


class _Claims:
    """Surface -> (code, form), refusing a surface that two entries claim."""

    def __init__(self, ambiguous: frozenset[str]) -> None:
        self.owner: dict[str, tuple[str, str, str]] = {}
        self.ambiguous = ambiguous

    def add(self, surface: object, code: str, form: str, where: str) -> None:
        text = str(surface)
        if text in self.ambiguous:
            raise GazetteerError(f"gazetteer: {text!r} ({where}) is listed as ambiguous")
        old = self.owner.get(text)
        if old is None:
            self.owner[text] = (code, form, where)
        elif old[:2] != (code, form):
            raise GazetteerError(f"gazetteer: {text!r} is claimed by {old[2]} and by {where}")

    def surfaces(self) -> dict[str, tuple[str, str]]:
        return {s: (code, form) for s, (code, form, _) in self.owner.items()}


_HAND_FORMS = (
    ("name", "names"),
    ("adjective", "adjectives"),
    ("capital", "capitals"),
    ("capital", "seats"),
    ("institution", "institutions"),
)


def _offices(rows: list[dict[str, Any]]) -> tuple[Office, ...]:
    offices = []
    for row in rows:
        end = row.get("to")
        office = Office(
            str(row["name"]),
            tuple(str(a) for a in row.get("aliases") or ()),
            str(row["country"]),
            str(row["office"]),
            int(row["from"]),
            None if end is None else int(end),
        )
        if office.end is not None and office.end < office.start:
            raise GazetteerError(f"gazetteer: people: {office.name} leaves office before entering")
        offices.append(office)
    return tuple(offices)


def _claim_people(claims: _Claims, offices: tuple[Office, ...]) -> None:
    """A person's surfaces go to the entity of their latest office (rule 3 of the table)."""
    by_person: dict[str, list[Office]] = {}
    for office in offices:
        by_person.setdefault(office.name, []).append(office)
    for name, rows in by_person.items():
        if len({row.aliases for row in rows}) > 1:
            listed = " and ".join(f"{r.name} {list(r.aliases)} ({r.code})" for r in rows)
            raise GazetteerError(
                f"gazetteer: people: two people named {name!r}: {listed}; use full names"
            )
        latest = max(rows, key=lambda r: r.start)
        where = f"people: {name} ({latest.code} {latest.office} from {latest.start})"
        for surface in (name, *latest.aliases):
            claims.add(surface, latest.code, "person", where)


def build_gazetteer(generated: dict[str, Any], hand: dict[str, Any]) -> Gazetteer:
    """Merge the generated country table with the hand tables; see gazetteer.yaml's header."""
    ambiguous = frozenset(str(s) for s in hand.get("ambiguous") or ())
    claims = _Claims(ambiguous)
    entities: dict[str, Entity] = {}
    extra: dict[str, dict[str, Any]] = hand.get("countries") or {}
    for code in extra:
        if code not in generated["countries"]:
            raise GazetteerError(f"gazetteer: countries: {code!r} is no ISO 3166-1 code (quote it)")
    for code, row in generated["countries"].items():
        more = extra.get(code) or {}
        name = str(more.get("name") or row["name"])
        entities[code] = Entity(code, name, "country", row.get("currency"), row.get("uses"))
        for surface in row["names"]:
            if surface not in ambiguous:
                claims.add(surface, code, "name", f"countries.yaml {code}")
        for form, key in _HAND_FORMS:
            for surface in more.get(key) or ():
                claims.add(surface, code, form, f"countries.{code}.{key}")
    for code, row in (hand.get("historic") or {}).items():
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)) or code in entities:
            raise GazetteerError(f"gazetteer: historic: {code!r} is no free alpha-2 code")
        entities[code] = Entity(code, str(row["name"]), "country", row.get("currency"))
        for form, key in _HAND_FORMS:
            for surface in row.get(key) or ():
                claims.add(surface, code, form, f"historic.{code}.{key}")
    for code, row in (hand.get("organisations") or {}).items():
        if code in entities:
            raise GazetteerError(f"gazetteer: organisations: {code!r} is a country's code")
        entities[code] = Entity(code, code, "organisation", None)
        for surface in row["names"]:
            claims.add(surface, code, "organisation", f"organisations.{code}")
    offices = _offices(hand.get("people") or [])
    for office in offices:
        if office.code not in entities:
            raise GazetteerError(f"gazetteer: people: {office.name}: unknown {office.code!r}")
    _claim_people(claims, offices)
    ignored = frozenset(str(s) for s in hand.get("ignore") or ())
    for surface in ignored:
        if surface in claims.owner:
            owner = claims.owner[surface][2]
            raise GazetteerError(f"gazetteer: ignore: {surface!r} is claimed by {owner}")
    surfaces = claims.surfaces()
    alternation = _word_alternation([*surfaces, *ignored])
    pattern = re.compile(f"(?P<s>{alternation})" + r"(?P<pos>['’]s(?!\w))?")
    return Gazetteer(entities, surfaces, pattern, ignored, offices)


def _load(name: str) -> Any:
    """A data file, parsed by libyaml where it is installed (the tables are large)."""
    text = resources.files("extractor").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def gazetteer() -> Gazetteer:
    return build_gazetteer(_load("countries.yaml"), _load("gazetteer.yaml"))


@cache
def dollar_currencies() -> frozenset[str]:
    """Currencies written with a dollar sign (from the currency table): AUD, NZD, USD, ..."""
    return frozenset(c.code for c in lexicon().currencies if c.code and "$" in c.surface)


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    name: str  # canonical
    kind: str  # exercise | massacre | genocide | famine | siege | battle | bombing | war
    year: int | None = None  # an exercise's edition year, or the year of a one-year event


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
    dated: tuple[tuple[re.Pattern[str], int], ...]


# A relative time that refers to a dated event: "since the annexation of Crimea".
_TIME_WORD = (
    r"(?i:since|when|after|before|at|during|until|following|by\s+the\s+time\s+of"
    r"|at\s+the\s+time\s+of|ahead\s+of|prior\s+to)\s+(?:the\s+|Russia['’]s\s+)?"
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
    }
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_TOOK_OFFICE = (
    r"\s+(?:came\s+to\s+(?:office|power)|took\s+(?:office|power)|entered\s+office"
    r"|assumed\s+(?:office|power)|was\s+sworn\s+in|was\s+inaugurated)\b"
)


def _office_events(offices: tuple[Office, ...]) -> list[tuple[re.Pattern[str], int]]:
    """'when X came to office' for a head of state or government with one term; a person
    with several: 'X's second term', 'X returned to office' (the latest term)."""
    terms: dict[str, list[Office]] = {}
    for office in offices:
        if office.office in _HEADS:
            terms.setdefault(office.name, []).append(office)
    out = []
    for name, rows in terms.items():
        rows.sort(key=lambda r: r.start)
        who = trie_regex([name, *rows[0].aliases], fold_space=True)
        if len(rows) == 1:
            out.append((re.compile(rf"\b(?:{who}){_TOOK_OFFICE}"), rows[0].start))
            continue
        for ordinal, row in zip(_ORDINALS, rows, strict=False):
            out.append((re.compile(rf"\b(?:{who})['’]s\s+{ordinal}\s+term\b"), row.start))
        back = r"\s+(?:returned|came\s+back)\s+to\s+(?:office|power|the\s+White\s+House)\b"
        out.append((re.compile(rf"\b(?:{who}){back}"), rows[-1].start))
    return out


@cache
def events() -> EventTable:
    data = _load("events.yaml")
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
    pattern = re.compile(_word_alternation(list(aliases)))
    series_pattern = re.compile(
        r"(?P<name>" + trie_regex(sorted(names)) + r")"
        r"(?:(?P<sep>[-–\s])(?P<year>(?:19|20)\d\d|\d\d)(?P<suffix>[A-Z]?))?(?![\w$])"
    )
    known = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # "Tsentr-2019", "Center-2019", "Zapad 2021": a capitalised name and a year.  Searched
    # from the year backwards (years are rare, capitalised words are not).
    exercise_pattern = re.compile(
        rf"(?P<name>(?:{known})|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?P<sep>-| )$"
    )
    dated = []
    for row in data["dated_events"]:
        alternation = trie_regex(sorted(str(a) for a in row["aliases"]), fold_space=True)
        dated.append((re.compile(rf"\b{_TIME_WORD}(?:{alternation})(?![\w-])"), int(row["year"])))
    dated.extend(_office_events(gazetteer().offices))
    return EventTable(
        pattern,
        aliases,
        years,
        names,
        exercise_pattern,
        series_pattern,
        seps,
        frozenset(translations),
        tuple(dated),
    )


_YEAR = re.compile(r"(?:19|20)\d\d(?!\w)")
_LEADING = frozenset(
    """
    The A An In On At During From After Before Since Of And Or But When While Like Unlike
    Both This That These Those Its Their His Her Our After Until
    """.split()
)
_EXERCISE_CUE = re.compile(
    r"(?i)\b(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers|wargames)\b"
)
# A two-digit edition ("Zapad-81", "Defender-Europe 20") after a space only where no noun
# follows: "RIMPAC 24 ships" is a count.
_SHORT_EDITION_END = re.compile(
    r"\s*(?:[,.;:)»”\"'’]|$)|\s+(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers)\b"
)
# A series named alone with its year just after it: "the Zapad exercises in 1981".
_SERIES_YEAR_AFTER = re.compile(
    r"\s+(?:(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games)\s*,?\s+)?(?:in|of)\s+"
    r"(?P<year>(?:19|20)\d\d)(?!\w)"
)


def _edition(series: str, sep: str, year: int, suffix: str = "") -> str:
    """'Zapad-2021', 'Zapad-81', 'RIMPAC 2024': see exercise_series in events.yaml."""
    written = f"{year % 100:02d}" if sep == "-" and year < 2000 else str(year)
    return f"{series}{sep}{written}{suffix}"


_NAME_WORDS = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
# "the Bengal famine of 1943", "the Armenian Genocide", "the Leningrad Blockade"
_NAMED_BEFORE = re.compile(
    rf"(?P<x>{_NAME_WORDS})\s+(?P<kind>[Mm]assacre|[Gg]enocide|[Ff]amine|[Bb]lockade|[Pp]ogrom)"
    r"(?:\s+of\s+(?P<year>(?:1[0-9]|20)\d\d)(?P<span>\s*[-–]\s*\d{2,4})?)?(?![\w'’])"
)
# "the Battle of Stalingrad", "the siege of Mariupol", "the Atomic bombing of Hiroshima"
_NAMED_AFTER = re.compile(
    r"(?P<kind>[Aa]tomic\s+bombing|[Bb]attle|[Ss]iege|[Bb]ombing|[Ff]irebombing|[Bb]lockade"
    r"|Fall|Sack|Liberation)\s+of\s+(?P<the>the\s+)?"
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
    "atomic bombing": "bombing",
    "battle": "battle",
    "siege": "siege",
    "bombing": "bombing",
    "firebombing": "bombing",
    "fall": "battle",
    "sack": "massacre",
    "liberation": "battle",
    "war": "war",
}
_NAMED_CUE = re.compile(
    r"(?i)massacre|genocide|famine|blockade|pogrom|bombing|battle|siege|\bwar\b|fall of"
    r"|sack of|liberation of"
)


def _name_words(text: str) -> str:
    """The name without the capitalised function words before it ('The Korean' -> 'Korean')."""
    words = text.split()
    while words and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words)


def _named_events(text: str, lo: int, hi: int) -> Iterator[EventMention]:
    """Casualty events found by pattern: the canonical name is the name as written, its kind
    word capitalised when it comes first ('siege of Mariupol' -> 'Siege of Mariupol')."""
    if not _NAMED_CUE.search(text, lo, hi):
        return
    for m in _NAMED_BEFORE.finditer(text, lo, hi):
        x = _name_words(m.group("x"))
        if not x or not _starts_word(text, m.start()):
            continue
        start = m.end() - len(m.group()) + m.group().index(x)
        name = f"{x} {m.group('kind')}"
        year = None
        if m.group("year"):
            name += f" of {m.group('year')}{(m.group('span') or '').replace(' ', '')}"
            year = int(m.group("year"))
        yield EventMention(start, m.end(), name, _KINDS[m.group("kind").lower()], year)
    for m in _NAMED_AFTER.finditer(text, lo, hi):
        if not _starts_word(text, m.start()) or m.group("x").split()[0] in _LEADING:
            continue
        kind = " ".join(m.group("kind").split())
        name = f"{kind[0].upper()}{kind[1:]} of {m.group('the') or ''}{m.group('x')}"
        yield EventMention(m.start(), m.end(), name, _KINDS[kind.lower()])
    for m in _NAMED_WAR.finditer(text, lo, hi):
        x = _name_words(m.group("x"))
        if not x or x.split()[-1] in ("World", "Cold") or not _starts_word(text, m.start()):
            continue  # "World War" without its number; the Cold War killed no one in a battle
        start = m.start() + m.group().index(x)
        yield EventMention(start, m.end(), f"{x} {m.group('kind')}", "war")


class EntityIndex:
    """Entity and event mentions of one text, found paragraph by paragraph on first use."""

    def __init__(self, text: str, layout: Layout | None = None) -> None:
        self.text = text
        self.layout = layout or Layout(text)
        self._mentions: dict[int, list[Mention]] = {}
        self._events: dict[int, list[EventMention]] = {}

    def _paragraph_mentions(self, index: int) -> list[Mention]:
        found = self._mentions.get(index)
        if found is None:
            text = self.text
            gaz = gazetteer()
            lo, hi = self.layout.paragraph_at(index)
            found = []
            for m in gaz.pattern.finditer(text, lo, hi):
                if _starts_word(text, m.start()) and m.group("s") not in gaz.ignored:
                    code, form = gaz.surfaces[m.group("s")]
                    found.append(Mention(m.start(), m.end(), code, form, bool(m.group("pos"))))
            self._mentions[index] = found
        return found

    def _paragraph_events(self, index: int) -> list[EventMention]:
        found = self._events.get(index)
        if found is None:
            lo, hi = self.layout.paragraph_at(index)
            # table entries first, then patterns; a later candidate overlapping a kept one loses
            kept: list[EventMention] = []
            for candidate in [*self._table_events(lo, hi), *_named_events(self.text, lo, hi)]:
                if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
                    kept.append(candidate)
            found = sorted(kept, key=lambda e: e.start)
            self._events[index] = found
        return found

    def _table_events(self, lo: int, hi: int) -> Iterator[EventMention]:
        text = self.text
        table = events()
        for m in table.pattern.finditer(text, lo, hi):
            if _starts_word(text, m.start()):
                name, kind = table.aliases[m.group()]
                yield EventMention(m.start(), m.end(), name, kind, table.years.get(name))
        editions: set[int] = set()
        for m in table.series_pattern.finditer(text, lo, hi):
            if not _starts_word(text, m.start()):
                continue
            surface = m.group("name")
            series = table.exercise_names[surface]
            year = m.group("year")
            short = year is not None and len(year) == 2 and m.group("sep") != "-"
            if short and not _SHORT_EDITION_END.match(text, m.end()):
                year = None  # "RIMPAC 24 ships": a count, not the 2024 edition
            if year:
                full = (
                    int(year) if len(year) == 4 else (1900 if int(year) >= 50 else 2000) + int(year)
                )
                editions.add(m.start("year"))
                name = _edition(series, table.series_sep[series], full, m.group("suffix"))
                yield EventMention(m.start(), m.end(), name, "exercise", full)
            elif surface not in table.translations:  # "the Zapad drill"; "West" alone is none
                end = m.start() + len(surface)
                dated = _SERIES_YEAR_AFTER.match(text, end)
                if dated and dated.end() <= hi:  # "the previous Zapad exercise, in 2017"
                    editions.add(dated.start("year"))
                    full = int(dated.group("year"))
                    name = _edition(series, table.series_sep[series], full)
                    yield EventMention(m.start(), end, name, "exercise", full)
                else:
                    yield EventMention(m.start(), end, series, "exercise")
        for y in _YEAR.finditer(text, lo, hi):
            if y.start() in editions:
                continue
            found = table.exercise_pattern.search(text, max(lo, y.start() - 40), y.start())
            if found is None or not _starts_word(text, found.start()):
                continue
            words = found.group("name").replace("-", " ").split()
            while len(words) > 1 and words[0] in _LEADING:
                words.pop(0)  # "The Vostok-2018" -> "Vostok"
            name = " ".join(words)
            near = text[max(0, found.start() - 60) : y.end() + 60]
            if name in table.exercise_names or found.group("sep") == " ":
                continue  # a known series is read above; an unknown one needs a hyphen
            if not _EXERCISE_CUE.search(near):
                continue  # "Covid-2019" is no exercise; an unknown name needs the word nearby
            yield EventMention(
                found.start(), y.end(), f"{name}-{y.group()}", "exercise", int(y.group())
            )

    def _indexes(self, start: int, end: int) -> range:
        return range(
            self.layout.paragraph_index(start), self.layout.paragraph_index(max(start, end - 1)) + 1
        )

    @property
    def mentions(self) -> list[Mention]:
        return self.within(0, len(self.text))

    @property
    def events(self) -> list[EventMention]:
        return self.events_within(0, len(self.text))

    def within(self, start: int, end: int) -> list[Mention]:
        return [
            m
            for i in self._indexes(start, end)
            for m in self._paragraph_mentions(i)
            if start <= m.start < end
        ]

    def events_within(self, start: int, end: int) -> list[EventMention]:
        return [
            e
            for i in self._indexes(start, end)
            for e in self._paragraph_events(i)
            if start <= e.start < end
        ]

    def last_event_before(
        self, pos: int, since: int, kinds: tuple[str, ...]
    ) -> EventMention | None:
        for event in reversed(self.events_within(since, pos)):
            if event.kind in kinds:
                return event
        return None
