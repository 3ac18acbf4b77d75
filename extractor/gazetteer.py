"""Who and what a figure can be about: countries, organisations, office holders and named events.

The tables live in data/gazetteer.yaml and data/events.yaml.  `EntityIndex` finds every mention
in a document in one regex pass and answers "which entities are in [start, end)?" by bisect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from extractor.layout import Layout
from extractor.lexicon import lexicon, load_data, trie_regex


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
    # No look-behind at the front: it stops the engine skipping ahead.  Callers check that a
    # match does not start inside a word (`_starts_word`).
    return r"(?:" + trie_regex(sorted(set(surfaces))) + r")(?![\w$])"  # not the US of US$


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "._$")


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
    pattern = re.compile(f"(?P<s>{_word_alternation(list(surfaces))})" + r"(?P<pos>['’]s(?!\w))?")
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
    # "Tsentr-2019", "Center-2019", "Zapad 2021": a capitalised name and a year.  Searched
    # from the year backwards (years are rare, capitalised words are not).
    exercise_pattern = re.compile(
        rf"(?P<name>(?:{known})|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?P<sep>-| )$"
    )
    dated = tuple((re.compile(row["pattern"]), int(row["year"])) for row in data["dated_events"])
    return EventTable(pattern, aliases, names, exercise_pattern, dated)


_YEAR = re.compile(r"(?:19|20)\d\d(?!\w)")
_LEADING = frozenset(
    """
    The A An In On At During From After Before Since Of And Or
    """.split()
)
_EXERCISE_CUE = re.compile(
    r"(?i)\b(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers|wargames)\b"
)


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
                if _starts_word(text, m.start()):
                    code, form = gaz.surfaces[m.group("s")]
                    found.append(Mention(m.start(), m.end(), code, form, bool(m.group("pos"))))
            self._mentions[index] = found
        return found

    def _paragraph_events(self, index: int) -> list[EventMention]:
        found = self._events.get(index)
        if found is None:
            found = sorted(
                self._find_events(*self.layout.paragraph_at(index)), key=lambda e: e.start
            )
            self._events[index] = found
        return found

    def _find_events(self, lo: int, hi: int) -> Iterator[EventMention]:
        text = self.text
        table = events()
        for m in table.pattern.finditer(text, lo, hi):
            if _starts_word(text, m.start()):
                name, kind = table.aliases[m.group()]
                yield EventMention(m.start(), m.end(), name, kind)
        for y in _YEAR.finditer(text, lo, hi):
            found = table.exercise_pattern.search(text, max(lo, y.start() - 40), y.start())
            if found is None or not _starts_word(text, found.start()):
                continue
            words = found.group("name").replace("-", " ").split()
            while len(words) > 1 and words[0] in _LEADING:
                words.pop(0)  # "The Vostok-2018" -> "Vostok"
            name = " ".join(words)
            canonical = table.exercise_names.get(name)
            near = text[max(0, found.start() - 60) : y.end() + 60]
            if canonical is None and (found.group("sep") == " " or not _EXERCISE_CUE.search(near)):
                continue  # "Covid-2019" is no exercise; an unknown name needs the word nearby
            yield EventMention(
                found.start(), y.end(), f"{canonical or name}-{y.group()}", "exercise"
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
