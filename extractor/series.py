"""Across documents: the same measure over time (series), and the same measure stated with
different values (conflicts).

A *measure* is a family plus the attribution that identifies what is measured:

| family | key | x (when) |
| --- | --- | --- |
| spending | subject, measure (else what a percentage is `of`) | the year the figure is for |
| aid | donor, recipient, scope | the year, else the publication date |
| exercise | the series (Zapad, Vostok: the event without its year) | the edition's year |
| casualties | event, harm | the event itself (one group per event) |
| other | subject, of | the year, else the publication date |

and the unit: a currency, `percent`, a duration, or the counted noun (a spending count that
names its `measure` is counted by that measure, whatever noun the text used).  Amounts in two
currencies are two series, never one; a conversion that restates another amount (`restates`)
and a part listed under a total (`part_of`) are not points of their own.  Values are never
summed, averaged or converted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from extractor import humanize
from extractor.gazetteer import events
from extractor.model import Fact, FactSheet
from extractor.safety import safe_name

FAMILIES = ("spending", "aid", "exercise", "casualties", "other")
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "spending": ("subject", "measure"),
    "aid": ("donor", "recipient", "scope"),
    "exercise": ("series",),
    "casualties": ("event", "harm"),
    "other": ("subject", "of"),
}
# With the default keys, a fact names its measure only when it has this field: a casualty
# count without an event, or an amount of aid without a donor, is in no series.
IDENTIFYING = {
    "spending": "subject",
    "aid": "donor",
    "exercise": "series",
    "casualties": "event",
    "other": "subject",
}
# "about 300,000" is taken to mean 300,000 give or take this share when compared.
APPROXIMATE = 0.1
_EDITION = re.compile(r"[-\s]?(?:19|20)\d\d$")


@dataclass(frozen=True)
class Point:
    """One fact as a point of a series."""

    fact: Fact
    document: str  # source id
    title: str
    published: date | None
    year: int | None  # the year the figure is for, when stated

    @property
    def x(self) -> int | date | None:
        """Where the point sits in time: the year it is for, else the publication date."""
        return self.year if self.year is not None else self.published

    @property
    def when(self) -> str:
        return "" if self.x is None else str(self.x)

    @property
    def sort_key(self) -> tuple[float, str, int]:
        return (_position(self.x) or float("inf"), self.document, self.fact.span.start)

    @property
    def interval(self) -> tuple[float, float]:
        """The values this statement allows (a range, or a qualified value)."""
        q = self.fact.quantity
        if q.value is None:
            return float(q.min or 0), float(q.max if q.max is not None else float("inf"))
        v = float(q.value)
        return {
            "exact": (v, v),
            "approximate": (v * (1 - APPROXIMATE), v * (1 + APPROXIMATE)),
            "nearly": (v * (1 - APPROXIMATE), v),
            "more_than": (v, float("inf")),
            "at_least": (v, float("inf")),
            "less_than": (float("-inf"), v),
            "at_most": (float("-inf"), v),
        }[q.qualifier]

    @property
    def words(self) -> str:
        return humanize.quantity(self.fact.quantity.model_dump(exclude_none=True))

    def href(self, pages: str = "") -> str:
        """The fact on its review page (`factsheet render` output in the folder `pages`)."""
        base = pages.rstrip("/") + "/" if pages else ""
        return f"{base}{safe_name(self.document)}.html#fact-{self.fact.id}"


def _position(x: int | date | None) -> float | None:
    if x is None:
        return None
    if isinstance(x, date):
        return x.year + (x.timetuple().tm_yday - 1) / 366
    return float(x)


@dataclass
class Series:
    family: str
    key: tuple[tuple[str, str], ...]  # (field, value), in key order
    unit: str
    points: list[Point] = field(default_factory=list)

    @property
    def name(self) -> str:
        """`spending · NATO · allies meeting the 2% of GDP guideline (count)`."""
        parts = [self.family, *(v for _, v in self.key if v)]
        return " · ".join(parts) + f" ({self.unit})"

    @property
    def slug(self) -> str:
        return safe_name(re.sub(r"[^A-Za-z0-9]+", "-", self.name).strip("-").lower())

    def to_data(self, pages: str = "") -> dict[str, Any]:
        return {
            "series": self.name,
            "family": self.family,
            "key": dict(self.key),
            "unit": self.unit,
            "points": [point_data(p, pages) for p in self.points],
        }


def point_data(p: Point, pages: str = "") -> dict[str, Any]:
    q = p.fact.quantity
    return {
        "x": p.when or None,
        "year": p.year,
        "value": q.value,
        "min": q.min,
        "max": q.max,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "text": p.words,
        "quote": p.fact.span.quote,
        "document": p.document,
        "title": p.title,
        "published": p.published.isoformat() if p.published else None,
        "fact_id": p.fact.id,
        "href": p.href(pages),
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def field_value(fact: Fact, name: str) -> str:
    """A key field of a fact; `series` is an exercise's name without its edition year, `of`
    what a percentage is of."""
    if name == "series":  # a translation ('Ocean') is its series' canonical name ('Okean')
        written = _EDITION.sub("", fact.event or "").strip()
        return events().exercise_names.get(written, written)
    if name == "of":
        return fact.quantity.of or ""
    if name == "measure" and not fact.measure and fact.quantity.of:
        return f"% of {fact.quantity.of}"
    return _text(getattr(fact, name, None))


def unit_key(fact: Fact) -> str:
    unit = fact.quantity.unit
    if fact.family == "spending" and fact.measure and not humanize.is_money(unit):
        return "percent" if unit == "percent" else "count"
    return unit


def build_series(
    sheets: Iterable[FactSheet],
    *,
    families: Sequence[str] = ("spending", "aid", "exercise", "casualties"),
    keys: Sequence[str] | None = None,
    min_points: int = 2,
) -> list[Series]:
    """Group facts into series (see the module docstring), points in time order.  A series
    needs `min_points` points and at least one non-empty key field."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...], str], Series] = {}
    for sheet in sheets:
        for fact in sheet.facts:
            if fact.family not in families or fact.restates or fact.part_of:
                continue  # a conversion, or a part of a total: not a point of its own
            names = tuple(keys) if keys else DEFAULT_KEYS[fact.family]
            key = tuple((n, field_value(fact, n)) for n in names)
            if not any(v for _, v in key):
                continue  # nothing says what is measured
            if not keys and not field_value(fact, IDENTIFYING[fact.family]):
                continue  # whose spending, whose aid, which event: unknown
            unit = unit_key(fact)
            year = fact.year
            if year is None and fact.family == "exercise" and fact.event:
                found = re.search(r"(?:19|20)\d\d$", fact.event)
                year = int(found.group()) if found else None
            point = Point(
                fact,
                sheet.source.id,
                sheet.source.title or sheet.source.id,
                sheet.source.published,
                year,
            )
            groups.setdefault(
                (fact.family, key, unit), Series(fact.family, key, unit)
            ).points.append(point)
    out = []
    for series in groups.values():
        if len(series.points) >= min_points:
            series.points.sort(key=lambda p: p.sort_key)
            out.append(series)
    order = {f: i for i, f in enumerate(FAMILIES)}
    out.sort(key=lambda s: (order.get(s.family, 9), s.name))
    return out


# ---- conflicts -------------------------------------------------------------------------------


@dataclass
class Group:
    """Statements of one measure for one time (or one event) that do not all say the same."""

    series: Series
    when: str  # the year or date; "" for an event
    points: list[Point]
    verdict: str  # "conflict" | "compatible"
    sets: list[int] = field(default_factory=list)  # per point: which compatible set it is in

    @property
    def set_count(self) -> int:
        return len(set(self.sets))

    def to_data(self, pages: str = "") -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "measure": self.series.name,
            "family": self.series.family,
            "key": dict(self.series.key),
            "unit": self.series.unit,
            "when": self.when or None,
            "sets": self.set_count,
            "statements": [
                {**point_data(p, pages), "set": n + 1}
                for p, n in zip(self.points, self.sets, strict=True)
            ],
        }


def _same(a: Point, b: Point) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.value, qa.min, qa.max, qa.qualifier) == (qb.value, qb.min, qb.max, qb.qualifier)


def compatible(points: Sequence[Point]) -> bool:
    """Every two statements allow a common value (a range containing the other's value, an
    approximate value within APPROXIMATE of it, "more than" below the other, ...)."""
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            (alo, ahi), (blo, bhi) = a.interval, b.interval
            if max(alo, blo) > min(ahi, bhi):
                return False
    return True


def compatible_sets(points: Sequence[Point]) -> list[int]:
    """Which statements can be true together: each point joins the first set whose common
    interval it meets (sets in order of their first statement), else starts a new one."""
    sets: list[tuple[float, float]] = []
    out = []
    for p in points:
        lo, hi = p.interval
        for n, (slo, shi) in enumerate(sets):
            if max(lo, slo) <= min(hi, shi):
                sets[n] = (max(lo, slo), min(hi, shi))
                out.append(n)
                break
        else:
            sets.append((lo, hi))
            out.append(len(sets) - 1)
    return out


def find_conflicts(series: Iterable[Series], *, include_compatible: bool = True) -> list[Group]:
    """Within each series, the statements for the same year (or date, or the same event for
    casualties) that differ: `conflict` when two of them cannot both be true, else
    `compatible`.  Identical statements are agreement and not listed."""
    out: list[Group] = []
    for s in series:
        by_when: dict[str, list[Point]] = {}
        for p in s.points:
            when = "" if s.family == "casualties" else p.when
            if when or s.family == "casualties":
                by_when.setdefault(when, []).append(p)
        for when, points in by_when.items():
            if len(points) < 2 or all(_same(points[0], p) for p in points[1:]):
                continue
            verdict = "compatible" if compatible(points) else "conflict"
            if verdict == "conflict" or include_compatible:
                out.append(Group(s, when, points, verdict, compatible_sets(points)))
    out.sort(key=lambda g: (g.verdict != "conflict", g.series.name, g.when))
    return out
