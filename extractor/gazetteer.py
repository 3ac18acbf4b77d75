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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from extractor.layout import Layout
from extractor.lexicon import lexicon, load_data
from extractor.named_events import (
    EventMention,
    EventTable,
    SurfaceScan,
    build_events,
    find_events,
    surface_scan,
)
from extractor.tables import GazetteerError, Office

__all__ = [
    "Entity",
    "EntityIndex",
    "EventMention",
    "EventTable",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "Office",
    "build_gazetteer",
    "dollar_currencies",
    "events",
    "gazetteer",
]


@dataclass(frozen=True)
class Entity:
    code: str  # ISO 3166 alpha-2, or an organisation's short name
    name: str  # readable name
    kind: str  # country | organisation
    currency: str | None  # the country's own currency (or its currency union's)
    uses: str | None = None  # a currency it uses that another country issues (Kiribati: AUD)


class Mention(NamedTuple):
    """A name of the gazetteer found in a text.  A NamedTuple: one is built for every name of
    every paragraph that holds a figure, and a frozen dataclass's __init__ costs four times
    as much (the same fields, equality and hash)."""

    start: int
    end: int
    code: str
    form: str  # name | adjective | capital | institution | person | organisation
    possessive: bool  # "Australia's", "Canberra’s"


@dataclass(frozen=True)
class Gazetteer:
    entities: dict[str, Entity]
    surfaces: dict[str, tuple[str, str]]  # surface -> (code, form)
    pattern: re.Pattern[str]
    ignored: frozenset[str]  # matched so that a shorter name inside is not; no mention
    offices: tuple[Office, ...]
    scan: SurfaceScan  # `pattern`, found faster

    def entity(self, code: str) -> Entity:
        return self.entities[code]

    def name(self, code: str) -> str:
        entity = self.entities.get(code)
        return entity.name if entity else code


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
    scan = surface_scan([*surfaces, *ignored], "(?P<s>{})" + r"(?P<pos>['’]s(?!\w))?")
    return Gazetteer(entities, surfaces, scan.full, ignored, offices, scan)


@cache
def gazetteer() -> Gazetteer:
    return build_gazetteer(load_data("countries.yaml"), load_data("gazetteer.yaml"))


@cache
def events() -> EventTable:
    return build_events(load_data("events.yaml"), gazetteer().offices)


@cache
@cache
def dollar_currencies() -> frozenset[str]:
    """Dollars: currencies written with a dollar sign whose name is a dollar (AUD, NZD, USD,
    ...), what a bare '$' or 'dollars' can mean.  Not the real (R$), the peso (MX$) or the
    pa'anga (T$): their own signs carry a '$', but the word and the bare sign are not theirs;
    nor the small dollars whose sign is marked `bare_dollar: never` (SI$, FJ$)."""
    table = lexicon().currencies
    signed = {c.code for c in table if c.code and "$" in c.surface and not c.own_sign_only}
    named = {c.code for c in table if c.code and "dollar" in c.surface.lower()}
    return frozenset(signed & named)


class EntityIndex:
    """Entity and event mentions of one text, found paragraph by paragraph on first use."""

    def __init__(self, text: str, layout: Layout | None = None) -> None:
        self.text = text
        self.layout = layout or Layout(text)
        # paragraph index -> its mentions (events) and, for bisect, where each starts
        self._mentions: dict[int, tuple[list[Mention], list[int]]] = {}
        self._events: dict[int, tuple[list[EventMention], list[int]]] = {}

    def _paragraph_mentions(self, index: int) -> tuple[list[Mention], list[int]]:
        found = self._mentions.get(index)
        if found is None:
            text = self.text
            gaz = gazetteer()
            surfaces, ignored = gaz.surfaces, gaz.ignored
            lo, hi = self.layout.paragraph_at(index)
            mentions: list[Mention] = []
            add = mentions.append
            for m in gaz.scan.finditer(text, lo, hi):
                start = m.start()
                if start and (text[start - 1].isalnum() or text[start - 1] in "._$"):
                    continue  # inside a word (starts_word, inline: asked for every match)
                surface, possessive = m.group("s", "pos")  # ("pos" is None or "'s")
                if surface not in ignored:
                    code, form = surfaces[surface]
                    add(Mention(start, m.end(), code, form, possessive is not None))
            found = (mentions, [x.start for x in mentions])
            self._mentions[index] = found
        return found

    def _paragraph_events(self, index: int) -> tuple[list[EventMention], list[int]]:
        found = self._events.get(index)
        if found is None:
            lo, hi = self.layout.paragraph_at(index)
            mentions = find_events(self.text, lo, hi, events())
            found = (mentions, [x.start for x in mentions])
            self._events[index] = found
        return found

    @property
    def mentions(self) -> list[Mention]:
        return self.within(0, len(self.text))

    @property
    def events(self) -> list[EventMention]:
        return self.events_within(0, len(self.text))

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in [start, end), by bisect: a window costs what it holds."""
        paragraphs = self.layout.paragraph_starts
        first = bisect_right(paragraphs, start) - 1
        last = bisect_right(paragraphs, max(start, end - 1)) - 1
        if first == last:  # most windows are a sentence or less
            found, starts = self._mentions.get(first) or self._paragraph_mentions(first)
            return found[bisect_left(starts, start) : bisect_left(starts, end)]
        out: list[Mention] = []
        for i in range(first, last + 1):
            found, starts = self._paragraph_mentions(i)
            out += found[bisect_left(starts, start) : bisect_left(starts, end)]
        return out

    def events_within(self, start: int, end: int) -> list[EventMention]:
        paragraphs = self.layout.paragraph_starts
        first = bisect_right(paragraphs, start) - 1
        last = bisect_right(paragraphs, max(start, end - 1)) - 1
        if first == last:
            found, starts = self._events.get(first) or self._paragraph_events(first)
            return found[bisect_left(starts, start) : bisect_left(starts, end)]
        out: list[EventMention] = []
        for i in range(first, last + 1):
            found, starts = self._paragraph_events(i)
            out += found[bisect_left(starts, start) : bisect_left(starts, end)]
        return out

    def last_event_before(
        self, pos: int, since: int, kinds: tuple[str, ...]
    ) -> EventMention | None:
        for event in reversed(self.events_within(since, pos)):
            if event.kind in kinds:
                return event
        return None
