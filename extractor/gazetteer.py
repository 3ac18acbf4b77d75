"""Who and what a figure can be about: countries, organisations, office holders and named events.

The tables live in data/gazetteer.yaml and data/events.yaml.  `EntityIndex` finds every mention
in a document in one regex pass and answers "which entities are in [start, end)?" by bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from extractor.lexicon import lexicon, load_data


@dataclass(frozen=True)
class Entity:
    code: str  # ISO 3166 alpha-2, or an organisation's short name
    name: str  # readable name
    kind: str  # country | organisation
    currency: str | None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str
    form: str  # name | adjective | capital | person | organisation
    possessive: bool  # "Australia's", "Canberra’s"


@dataclass(frozen=True)
class Gazetteer:
    entities: dict[str, Entity]
    surfaces: dict[str, tuple[str, str]]  # surface -> (code, form)
    pattern: re.Pattern[str]

    def entity(self, code: str) -> Entity:
        return self.entities[code]

    def name(self, code: str) -> str:
        entity = self.entities.get(code)
        return entity.name if entity else code


def _word_alternation(surfaces: list[str]) -> str:
    escaped = [re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True)]
    return r"(?<![\w.])(?:" + "|".join(escaped) + r")(?![\w])"


@cache
def gazetteer() -> Gazetteer:
    data = load_data("gazetteer.yaml")
    entities: dict[str, Entity] = {}
    surfaces: dict[str, tuple[str, str]] = {}
    for code, row in data["countries"].items():
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
            raise ValueError(
                f"gazetteer: country key {code!r} is not an ISO alpha-2 string (quote it)"
            )
        entities[code] = Entity(code, row["names"][0], "country", row.get("currency"))
        for form, key in (
            ("name", "names"),
            ("adjective", "adjectives"),
            ("capital", "capitals"),
            ("person", "people"),
        ):
            for surface in row.get(key) or []:
                surfaces.setdefault(str(surface), (code, form))
    for code, row in data["organisations"].items():
        entities[code] = Entity(code, code, "organisation", None)
        for surface in row["names"]:
            surfaces.setdefault(str(surface), (code, "organisation"))
        for surface in row.get("people") or []:
            surfaces.setdefault(str(surface), (code, "person"))
    pattern = re.compile(_word_alternation(list(surfaces)) + r"(?P<pos>['’]s(?!\w))?")
    return Gazetteer(entities, surfaces, pattern)


@cache
def dollar_currencies() -> frozenset[str]:
    """Currencies written with a dollar sign (from the currency table): AUD, NZD, USD, ..."""
    return frozenset(c.code for c in lexicon().currencies if c.code and "$" in c.surface)


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    name: str  # canonical
    kind: str  # exercise | massacre | war | ...


@dataclass(frozen=True)
class EventTable:
    pattern: re.Pattern[str]
    aliases: dict[str, tuple[str, str]]  # surface -> (canonical, kind)
    exercise_names: dict[str, str]
    exercise_pattern: re.Pattern[str]
    dated: tuple[tuple[re.Pattern[str], int], ...]


@cache
def events() -> EventTable:
    data = load_data("events.yaml")
    aliases: dict[str, tuple[str, str]] = {}
    for row in data["events"]:
        for alias in row["aliases"]:
            aliases[alias] = (row["name"], row["kind"])
    for row in data["exercises"]:
        for alias in row["aliases"]:
            aliases[alias] = (row["name"], "exercise")
    pattern = re.compile(_word_alternation(list(aliases)))
    names = {str(k): str(v) for k, v in data["exercise_name_aliases"].items()}
    known = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # "Tsentr-2019", "Center-2019", "Zapad 2021": a capitalised name and a year
    exercise_pattern = re.compile(
        rf"\b(?P<name>(?:{known})|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
        r"(?P<sep>-| )(?P<year>(?:19|20)\d\d)\b"
    )
    dated = tuple((re.compile(row["pattern"]), int(row["year"])) for row in data["dated_events"])
    return EventTable(pattern, aliases, names, exercise_pattern, dated)


_LEADING = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "During",
        "From",
        "After",
        "Before",
        "Since",
        "Of",
        "And",
        "Or",
    ]
)
_EXERCISE_CUE = re.compile(
    r"(?i)\b(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers|wargames)\b"
)


class EntityIndex:
    """All entity and event mentions of one text, in order."""

    def __init__(self, text: str) -> None:
        gaz = gazetteer()
        self.mentions: list[Mention] = []
        for m in gaz.pattern.finditer(text):
            surface = text[m.start() : m.end("pos") if m.group("pos") else m.end()]
            surface = re.sub(r"['’]s$", "", surface)
            code, form = gaz.surfaces[surface]
            self.mentions.append(Mention(m.start(), m.end(), code, form, bool(m.group("pos"))))
        self._starts = [m.start for m in self.mentions]
        table = events()
        found: list[EventMention] = []
        for m in table.pattern.finditer(text):
            name, kind = table.aliases[m.group()]
            found.append(EventMention(m.start(), m.end(), name, kind))
        for m in table.exercise_pattern.finditer(text):
            words = m.group("name").replace("-", " ").split()
            while len(words) > 1 and words[0] in _LEADING:
                words.pop(0)  # "The Vostok-2018" -> "Vostok"
            name = " ".join(words)
            canonical = table.exercise_names.get(name)
            near = text[max(0, m.start() - 60) : m.end() + 60]
            if canonical is None and (m.group("sep") == " " or not _EXERCISE_CUE.search(near)):
                continue  # "Covid-2019" is no exercise; an unknown name needs the word nearby
            found.append(
                EventMention(
                    m.start(), m.end(), f"{canonical or name}-{m.group('year')}", "exercise"
                )
            )
        self.events = sorted(found, key=lambda e: e.start)
        self._event_starts = [e.start for e in self.events]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def events_within(self, start: int, end: int) -> list[EventMention]:
        i = bisect_left(self._event_starts, start)
        out = []
        while i < len(self.events) and self.events[i].start < end:
            out.append(self.events[i])
            i += 1
        return out

    def last_event_before(
        self, pos: int, since: int, kinds: tuple[str, ...]
    ) -> EventMention | None:
        i = bisect_left(self._event_starts, pos) - 1
        while i >= 0 and self.events[i].start >= since:
            if self.events[i].kind in kinds:
                return self.events[i]
            i -= 1
        return None
