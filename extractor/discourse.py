"""The discourse layer: what a document has said so far, carried from sentence to sentence.

A `Frame` holds the current donor, recipient, event, subject and year of a document as the
domain rules read it in order.  The pipeline updates it after every fact; a rule reads it for a
figure whose own sentence leaves a role open ("It includes C$500 million ...", "the drills").
A role is forgotten when it was set too many paragraphs back (`REACH`) and replaced when a new
fact states another value.  (A newly named event needs no frame update: the exercise and
casualty rules read the events named in and before the figure's sentence first.)

Reach, measured on tests/gold/passages.yaml (`make eval`, attribution per field): a year
carried one paragraph lifts year accuracy from 0.585 to 0.681, two paragraphs gain nothing
more.  Donor and recipient carried three paragraphs (news paragraphs are a sentence or two)
reach a follow-up amount three paragraphs after its package ("Some £200m will be spent on
drones"): donor 0.938 -> 0.951, recipient 0.819 -> 0.831 against two; four gains nothing
more.  Events gave the same figures from one to three paragraphs and keep two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractor.gazetteer import EntityIndex
from extractor.layout import Layout
from extractor.nouns import singular
from extractor.places import place_country, places_in
from extractor.quantities import FROM_GAP
from extractor.quantity import Quantity

ROLES = ("donor", "recipient", "event", "subject", "year")
REACH = {"donor": 3, "recipient": 3, "event": 2, "subject": 1, "year": 1}


@dataclass(frozen=True)
class Slot:
    value: Any
    family: str
    paragraph: int
    start: int  # where it was stated (the fact's start, or the event's name)


@dataclass
class Frame:
    slots: dict[str, Slot] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)  # document-wide answers, computed once
    context: DocumentContext | None = None

    def get(
        self, role: str, paragraph: int, *, family: str | None = None, reach: int | None = None
    ) -> Any:
        """The role's value if it was stated within its reach (REACH, or `reach` paragraphs
        back) and, if given, by `family`."""
        slot = self.slots.get(role)
        if slot is None or paragraph - slot.paragraph > (REACH[role] if reach is None else reach):
            return None
        if family is not None and slot.family != family:
            return None
        return slot.value

    def note(self, family: str, fields: dict[str, Any], paragraph: int, start: int) -> None:
        """A new fact: every role it states replaces the frame's, except that a figure of no
        family ('other') restating the value a family's fact set keeps that fact's slot ('232
        civilians were killed in Ukraine ..., the highest toll in three years. Since 2022 ...
        13,580 civilians killed': the duration does not end the casualty frame)."""
        for role in ROLES:
            value = fields.get(role)
            if value is not None:
                held = self.slots.get(role)
                if family == "other" and held is not None and held.value == value:
                    continue
                self.slots[role] = Slot(value, family, paragraph, start)


# --- document context ------------------------------------------------------------------------

_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?)"
    # "QUETTA, Pakistan -", "GOMA, Democratic Republic of Congo, Feb 7 (Reuters) -"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z.'’ -]{1,40}?))??"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z0-9 .&/-]{2,30})\))?\s*(?:[-–—]{1,2}|:)\s"
)


@dataclass(frozen=True)
class DocumentContext:
    """What a document says about itself: its dateline's place and country, and the agency."""

    place: str | None = None
    country: str | None = None
    agency: str | None = None


def document_context(text: str, entities: EntityIndex) -> DocumentContext:
    """The dateline of the first paragraphs: 'WELLINGTON (Reuters) -', 'CANBERRA, March 3
    (AAP) -', 'Kyiv, 5 May:'.  A place counts only when the gazetteer or the table of cities and
    provinces knows it (extractor/places.py: 'MUMBAI —', 'PESHAWAR, Jan 30 (Reuters) -') and the
    line looks like a dateline (an agency in brackets, a place in capitals, or a date)."""
    layout = entities.layout
    starts = [layout.paragraph_at(i) for i in range(min(5, len(layout.paragraph_starts)))]
    # and the first lines: a headline line, then "NAIROBI — ..." on the next one
    lines = [start for start in layout.line_starts[:5] if start < len(text)]
    starts += [(lo, layout.paragraph(lo)[1]) for lo in lines if lo not in {a for a, _ in starts}]
    for lo, hi in sorted(starts):
        m = _DATELINE.match(text, lo, min(hi, lo + 90))
        if m is None:
            continue
        place = m.group("place").strip()
        if not (m.group("agency") or m.group("date") or place.isupper()):
            continue
        country = m.group("country")
        placed = place_country(place)  # a city's or province's country
        if country is not None:  # the country the dateline names after its place
            named = EntityIndex(country.strip()).mentions
            if named and named[0].start == 0 and named[0].end == len(country.strip()):
                return DocumentContext(place, named[0].code, m.group("agency"))
            # "HOUSTON, Texas (Reuters) -": a city, then a state of its country
            states = {p.code for p in places_in(country, 0, len(country))}
            if placed is not None and placed in states:
                return DocumentContext(place, placed, m.group("agency"))
            continue
        found = EntityIndex(place.title()).mentions
        # a name the gazetteer knows, unless it only begins a city's ("JERSEY CITY")
        if found and found[0].start == 0 and (placed is None or found[0].end == len(place)):
            return DocumentContext(place, found[0].code, m.group("agency"))
        if placed is not None:  # "PESHAWAR, Jan 30 (Reuters) -", "MUMBAI —"
            return DocumentContext(place, placed, m.group("agency"))
    return DocumentContext()


# --- figures whose noun is elsewhere in the clause ---------------------------------------------

_NUMBER_OF = re.compile(
    r"(?i)\bnumbers?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z][\w-]*\s+){0,3}?"
    r"(?P<noun>[A-Za-z][a-z-]*s)\b"
)
_CLAUSE_LIST_GAP = re.compile(
    r"[^\d.;:!?()]{0,40}?(?:,|;|\band\b|\bwhile\b|\bwhereas\b)[^\d.;:!?()]{0,25}"
)
_NUMBER_OF_REACH = 300
# Between a count and a part listed under it: ", including ", " of whom ", ", among them "
# (bounded: a gap of any length is matched in constant time)
_PART_GAP = re.compile(r"\s{0,3},?\s{0,3}(?:including|of\s+whom|among\s+them|among\s+whom)\s{1,3}")


def name_elliptical(text: str, found: list[Quantity], layout: Layout) -> list[Quantity]:
    """Give a figure with no noun the noun its clause names, so that the domain rules see a
    count: 'the number of states reaching the target had increased sharply from 11', 'the
    actual number of participants will be closer to 200,000' ("the number of N" before it in
    its sentence); 'A total of 66 states supported the Resolution, 19 voted against, 72
    abstained' (a list of clauses after a count).  Each figure looks back a bounded distance."""
    out: list[Quantity] = []
    for i, q in enumerate(found):
        if q.kind == "number":
            s, _ = layout.sentence(q.number_start)
            lo = max(s, q.start - _NUMBER_OF_REACH)
            named = None
            for m in _NUMBER_OF.finditer(text, lo, q.start):
                named = m
            if named is not None:
                unit = singular(named.group("noun"))
                q = q._replace(kind="count", unit=unit, rule="count.number_of")
            elif i > 0:
                prev = out[-1]
                gap = text[prev.end : q.start]
                if (
                    prev.kind == "count"
                    and prev.number_start >= s
                    and _CLAUSE_LIST_GAP.fullmatch(gap)
                ):
                    if (
                        len(out) > 1
                        and out[-2].kind == "count"
                        and FROM_GAP.fullmatch(text, out[-2].end, prev.start)
                    ):
                        prev = out[-2]  # "9,500 personnel from 30 nations, including around
                        # 4,500 from the United States": the nations say where they come from
                    elif (
                        len(out) > 1
                        and out[-2].kind == "count"
                        and out[-2].number_start >= s
                        and prev.rule != "count.listed"  # (a part with its own noun)
                        and _PART_GAP.fullmatch(text, out[-2].end, prev.start)
                    ):
                        prev = out[-2]  # "killed 1,739 people, including 647 children, and
                        # injured 12,867": the whole's noun, not the part's
                    q = q._replace(kind="count", unit=prev.unit, rule="count.listed")
        out.append(q)
    return out
