"""Rules as records: a dotted id, a family, examples that must match (with the expected value and
fields) and counter-examples that must not.  The test suite runs every example of every rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from extractor.discourse import Frame
from extractor.documents import Document
from extractor.gazetteer import EntityIndex, Mention
from extractor.layout import Layout
from extractor.quantities import Quantity


@dataclass(frozen=True)
class Example:
    """A sentence, the quote a fact must be reported for, and what that fact must say."""

    text: str
    quote: str
    expect: dict[str, Any]
    published: date | None = None


@dataclass
class Draft:
    """A fact before it has an id: the quantity, its family and attribution, and references to
    other drafts by index (resolved to ids once every draft has one)."""

    quantity: Quantity
    family: str
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, int] = field(default_factory=dict)  # restates / part_of -> draft index


@dataclass
class Ctx:
    """What a domain rule sees for one quantity."""

    doc: Document
    layout: Layout
    entities: EntityIndex
    quantities: list[Quantity]
    index: int
    drafts: list[Draft | None]  # drafts of earlier quantities, by quantity index
    number_starts: list[int]  # quantities[i].number_start, for bisect
    frame: Frame = field(default_factory=Frame)  # what earlier sentences established

    @cached_property
    def paragraph_index(self) -> int:
        return self.layout.paragraph_index(self.q.number_start)

    def document_mentions(self) -> list[Mention]:
        """The mentions of the paragraphs that hold a figure (and of the first paragraph, the
        headline or lead): what 'the document' means for document-wide roles.  Paragraphs
        without a figure are never scanned, so a long document costs what its figures cost."""
        found = self.frame.cache.get("document_mentions")
        if found is None:
            layout = self.layout
            indexes = sorted({0} | {layout.paragraph_index(n) for n in self.number_starts})
            found = [
                m for i in indexes for m in self.entities.within(*layout.paragraph_at(i))
            ]
            self.frame.cache["document_mentions"] = found
        return found

    def carried(self, role: str, *, family: str | None = None) -> Any:
        """The role as the frame holds it for this figure's paragraph (None: not in reach)."""
        return self.frame.get(role, self.paragraph_index, family=family)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def q(self) -> Quantity:
        return self.quantities[self.index]

    @cached_property
    def sentence(self) -> tuple[int, int]:
        return self.layout.sentence(self.q.number_start)

    @cached_property
    def sentence_text(self) -> str:
        s, e = self.sentence
        return self.text[s:e]

    @cached_property
    def paragraph(self) -> tuple[int, int]:
        return self.layout.paragraph(self.q.number_start)

    def before(self) -> str:
        """The text from the end of the previous quantity in this sentence (or the sentence
        start) to this quantity: the words that govern it."""
        s, _ = self.sentence
        start = s
        if self.index > 0:  # quantities are in document order and never overlap
            prev = self.quantities[self.index - 1]
            if s < prev.end <= self.q.start:
                start = prev.end
        return self.text[start : self.q.start]

    def after(self) -> str:
        """The text from this quantity to the next quantity in the sentence (or its end)."""
        _, e = self.sentence
        end = e
        if self.index + 1 < len(self.quantities):
            end = max(self.q.end, min(e, self.quantities[self.index + 1].start))
        return self.text[self.q.end : end]

    def mentions(self, start: int | None = None, end: int | None = None) -> list[Mention]:
        s, e = self.sentence
        return self.entities.within(s if start is None else start, e if end is None else end)

    def sentence_quantities(self) -> list[tuple[int, Quantity]]:
        s, e = self.sentence
        lo = bisect_left(self.number_starts, s)
        hi = bisect_left(self.number_starts, e)
        return [(i, self.quantities[i]) for i in range(lo, hi)]


Matcher = Callable[[Ctx], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    description: str
    match: Matcher
    examples: tuple[Example, ...]
    counter_examples: tuple[str, ...]


class Registry:
    """Rules in priority order; refuses duplicate ids and rules without examples."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []

    def add(self, rule: Rule) -> Rule:
        if any(r.id == rule.id for r in self._rules):
            raise ValueError(f"duplicate rule id {rule.id}")
        if not re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", rule.id):
            raise ValueError(f"rule id {rule.id!r} is not dotted lower case")
        if not rule.examples or not rule.counter_examples:
            raise ValueError(f"rule {rule.id} needs examples and counter-examples")
        self._rules.append(rule)
        return rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, rule_id: str) -> Rule:
        for rule in self._rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def cue(pattern: str) -> re.Pattern[str]:
    """A case-insensitive word-bounded cue pattern."""
    return re.compile(rf"(?i)(?<![\w-])(?:{pattern})(?![\w-])")
