"""Rules as records: a dotted id, a family, examples that must match (with the expected value and
fields) and counter-examples that must not.  The test suite runs every example of every rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar, overload

from extractor.discourse import Frame
from extractor.documents import Document
from extractor.gazetteer import EntityIndex, Mention
from extractor.layout import Layout
from extractor.quantities import Quantity

REACH = 600  # characters a rule reads either side of its figure, at most
# what a sentence without a match of a pattern holds (shared: never changed, only sliced)
_NO_MATCHES: tuple[list[int], list[re.Match[str]] | None] = ([], [])
NEIGHBOURS = 12  # figures of the same sentence a rule looks at, either side


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


_T = TypeVar("_T")


class _once(Generic[_T]):
    """A property computed on first read and then kept in the instance (what
    functools.cached_property does, without the lock Python 3.11's takes on every first
    read: a Ctx is made per figure and read by one thread)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _T | _once[_T]:
        if obj is None:
            return self
        value = self.compute(obj)
        obj.__dict__[self.name] = value  # found before this (non-data) descriptor from now on
        return value


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
    memo: dict[str, Any] = field(default_factory=dict)  # answers about this figure, asked twice

    @_once
    def paragraph_index(self) -> int:
        return self.layout.paragraph_index(self.q.number_start)

    def previous_in_sentence(self, family: str) -> tuple[Draft, str] | None:
        """The fact just before this figure, when it is of `family` and in the same sentence,
        with the text between the two ('20 trucks and 30 sets': ' and ')."""
        if self.index == 0:
            return None
        prev = self.quantities[self.index - 1]
        draft = self.drafts[self.index - 1]
        if draft is None or draft.family != family or prev.number_start < self.sentence[0]:
            return None
        return draft, self.text[prev.end : self.q.start]

    def back(self, limit: int = NEIGHBOURS * 4) -> range:
        """Indexes of the figures before this one, nearest first, at most `limit` of them."""
        return range(self.index - 1, max(-1, self.index - 1 - limit), -1)

    def facts_back(
        self, since: int, *, before: int | None = None, limit: int = NEIGHBOURS * 4
    ) -> Iterator[Draft]:
        """The facts of the figures before this one that start at `since` or later (and before
        `before`, if given), nearest first, at most `limit` figures back: the one walk that
        'the aid fact of the sentence before', 'a spending fact of this paragraph' and the like
        are made of."""
        for i in self.back(limit):
            q = self.quantities[i]
            if q.start < since:
                return
            draft = self.drafts[i]
            if draft is not None and (before is None or q.start < before):
                yield draft

    @_once
    def _full_sentence(self) -> tuple[int, int]:
        return self.layout.sentence(self.q.number_start)

    @property
    def sentence_start(self) -> int:
        """Where the figure's whole sentence starts (not clipped): for 'an earlier sentence'."""
        return self._full_sentence[0]

    def _sentence_matches(
        self, pattern: re.Pattern[str]
    ) -> tuple[list[int], list[re.Match[str]] | None]:
        """(where each match of `pattern` in the figure's whole sentence starts, the matches)
        found once per sentence; the matches are None when only the starts are known yet (a
        cue's twin found them: `matches` then runs the cue itself)."""
        full = self._full_sentence
        key = (pattern.pattern, full)  # not id(): a pattern made and freed may reuse one
        cache = self.frame.cache
        found = cache.get(key)
        if found is None:
            found = self._find(pattern, full)
            cache[key] = found
        return found

    def _find(
        self, pattern: re.Pattern[str], full: tuple[int, int]
    ) -> tuple[list[int], list[re.Match[str]] | None]:
        twin = _TWINS.get(pattern.pattern)
        if twin is not None and twin[0] == pattern.flags:
            lower = self._lowered(full)
            if lower is not None:  # the twin on the sentence lower-cased: only the starts
                gate = _GATES.get(pattern.pattern)
                if gate is not None and not gate.admits(lower):
                    return _NO_MATCHES
                lo = full[0] - 1 if full[0] else 0
                starts = [m.start() + lo for m in twin[1].finditer(lower, full[0] - lo)]
                return (starts, None) if starts else _NO_MATCHES
        if self._may_match(pattern, full):
            matches = list(pattern.finditer(self.text, *full))
            return [m.start() for m in matches], matches
        return _NO_MATCHES

    def _lowered(self, full: tuple[int, int]) -> str | None:
        """The sentence `full` lower-cased with the character before it (a cue's look-behind
        reads it), once per sentence (`_lower`)."""
        key = ("lower", full)
        cache = self.frame.cache
        if key not in cache:
            cache[key] = _lower(self.text[full[0] - 1 if full[0] else 0 : full[1]])
        return cache[key]  # type: ignore[no-any-return]

    def _may_match(self, pattern: re.Pattern[str], full: tuple[int, int]) -> bool:
        """False only when `pattern` cannot match in the sentence `full`: its gate (a word
        every match of a cue opens with, a probe) is absent.  Most cues are absent from most
        sentences, and looking for a few words costs less than the cue's regex."""
        probe = _PROBES.get(pattern.pattern)
        if probe is not None and probe[0] == pattern.flags:
            return probe[1].search(self.text, *full) is not None
        gate = _GATES.get(pattern.pattern)
        if gate is None:
            return True
        lower = self._lowered(full)
        return lower is None or gate.admits(lower)

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` matches in the figure's (clipped) sentence.  The pattern runs once
        over each whole sentence and the answer for every figure of it is a bisect, so that a
        cue costs the same whether a sentence holds one figure or ten thousand."""
        starts = self._sentence_matches(pattern)[0]
        if not starts:  # the common answer: no match in the whole sentence
            return False
        s, e = self.sentence
        i = bisect_left(starts, s)
        return i < len(starts) and starts[i] < e

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """The matches of `pattern` that start in the figure's (clipped) sentence, in order
        (found once per sentence, like `has`)."""
        starts, found = self._sentence_matches(pattern)
        if not starts:
            return []
        if found is None:  # the twin's starts: the cue's own matches there, once
            full, match, text = self._full_sentence, pattern.match, self.text
            # (where finditer finds a match, one tried at its start finds the same: a cue has
            # no anchor, and its look-behind reads the text before the start either way)
            found = [m for at in starts if (m := match(text, at, full[1])) is not None]
            if len(found) != len(starts):  # (never: the twin finds what the cue finds)
                found = list(pattern.finditer(text, *full))
            starts = [m.start() for m in found]
            self.frame.cache[(pattern.pattern, full)] = (starts, found)
        s, e = self.sentence
        return found[bisect_left(starts, s) : bisect_left(starts, e)]

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

    def carried(self, role: str, *, family: str | None = None, reach: int | None = None) -> Any:
        """The role as the frame holds it for this figure's paragraph (None: not in reach)."""
        return self.frame.get(role, self.paragraph_index, family=family, reach=reach)

    @_once
    def text(self) -> str:
        return self.doc.text

    @_once
    def q(self) -> Quantity:
        return self.quantities[self.index]

    @_once
    def sentence(self) -> tuple[int, int]:
        """The figure's sentence, clipped to REACH characters either side of the figure: a
        rule never reads further, so a 10 MB 'sentence' of figures costs what its figures
        cost (a real sentence is far shorter)."""
        s, e = self._full_sentence
        return max(s, self.q.start - REACH), min(e, self.q.end + REACH)

    @_once
    def sentence_text(self) -> str:
        s, e = self.sentence
        return self.text[s:e]

    @_once
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
        """The figures of the sentence, at most NEIGHBOURS either side of this one."""
        s, e = self.sentence
        lo = max(bisect_left(self.number_starts, s), self.index - NEIGHBOURS)
        hi = min(bisect_left(self.number_starts, e), self.index + NEIGHBOURS + 1)
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


CUES: list[tuple[str, re.Pattern[str]]] = []  # (plain form, compiled): a test checks they agree
# The only characters a case-blind regex letter matches that `str.lower` does not fold to it
# (İ ı for i, ſ for s; tests/test_speed_equiv_disc_cues.py checks every code point)
_UNFOLDED = ("\u0130", "\u0131", "\u017f")


def _lower(piece: str) -> str | None:
    """The sentence as the gates read it: lower-cased; None when it holds one of `_UNFOLDED`
    (every gate then admits it)."""
    if not piece.isascii() and any(c in piece for c in _UNFOLDED):
        return None
    return piece.lower()


@dataclass(frozen=True)
class _Gate:
    """Words one of which a cue's match holds, lower-cased (`_gate` derives them)."""

    needles: tuple[str, ...]

    def admits(self, lower: str) -> bool:
        return any(map(lower.__contains__, self.needles))  # (no generator: a third faster)


_GATES: dict[str, _Gate] = {}  # a compiled cue's pattern -> its gate
_TWINS: dict[str, tuple[int, re.Pattern[str]]] = {}  # a cue's pattern -> (its flags, its twin)
_PROBES: dict[str, tuple[int, re.Pattern[str]]] = {}  # pattern -> (its flags, probe)


def requires(pattern: re.Pattern[str], probe: re.Pattern[str]) -> re.Pattern[str]:
    """Declare that every match of `pattern` holds a match of `probe` ("in 2024": a year), so
    that `Ctx.has`/`Ctx.matches` skip a sentence where the (cheaper) probe finds nothing."""
    _PROBES[pattern.pattern] = (pattern.flags, probe)
    return pattern


def _opening(alt: str) -> str:
    r"""The text a match of the cue alternative `alt` opens with: its leading run of plain
    letters and spaces, less the last one when that is optional ("send" of send\w*,
    "exercise" of exercises?, "funding" of funding\s+gap, "at present"); "" when it opens
    with no letter."""
    run = 0
    while run < len(alt) and alt[run].isascii() and (alt[run].isalpha() or alt[run] == " "):
        run += 1
    if alt[run : run + 1] in ("?", "*", "{"):
        run -= 1
    return alt[:run].lower()


def _gate(pattern: str) -> _Gate | None:
    """The openings of a cue's top-level alternatives, each only if no shorter one stands in
    it ("aid" stands in every sentence "aids" does); None when one of them opens with no
    letter (every sentence may then hold a match)."""
    openings = {_opening(alt) for alt in _alternatives(pattern)}
    if "" in openings:
        return None
    needles = [o for o in openings if not any(other in o for other in openings - {o})]
    return _Gate(tuple(sorted(needles, key=lambda n: (len(n), n))))


def cue(pattern: str) -> re.Pattern[str]:
    r"""A case-insensitive word-bounded cue pattern: `(?<![\w-])(?:pattern)(?![\w-])`.

    Compiled with its alternatives grouped by their first letter ("aid|arms|send" ->
    "a(?:id|rms)|s(?:end)"): Python's engine tries every alternative at every position, so
    grouping makes a cue of sixty words cost about what one of a dozen letters does (about
    3x faster on news text).  Same matches, same order within a letter."""
    plain = rf"(?i)(?<![\w-])(?:{pattern})(?![\w-])"
    compiled = re.compile(rf"(?i)(?<![\w-])(?:{_by_first_letter(pattern)})(?![\w-])")
    CUES.append((plain, compiled))
    gate = _gate(pattern)
    if gate is not None:
        _GATES[compiled.pattern] = gate
    twin = _twin(pattern)
    if twin is not None:
        _TWINS[compiled.pattern] = (compiled.flags, twin)
    return compiled


# What a cue's body may not hold for its twin (outside escapes): an upper-case letter, an
# anchor, a group flag or look-around, a character beyond ASCII
_NOT_TWINNED = re.compile(r"[A-Z^$]|\(\?[^:]|[^\x00-\x7f]")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _twin(pattern: str) -> re.Pattern[str] | None:
    r"""The cue `(?i)(?<![\w-])(?:pattern)(?![\w-])` for the sentence lower-cased: without
    `(?i)` (a text without `_UNFOLDED` keeps its offsets lowered, a case-blind ASCII letter
    matches where its lowered text holds it, and \w, \s, \d answer the same of a character
    and of it lowered: tests/test_speed6_roles.py checks every code point), and opening with
    the first letter of each alternative, the look-behind after it ("aid|arms|send" ->
    "a(?<![\w-].)(?:id|rms)|s(?<![\w-].)(?:end)"): Python's re then skips to those letters
    instead of trying the pattern at every character (1.7x faster over the cues on news
    text).  None when the body holds anything else, or an alternative opens with no letter."""
    escaped = _ESCAPE.findall(pattern)  # only \w \s \d \b, their complements, punctuation
    if any(not c.isascii() or (c.isalnum() and c not in "wWsSdDbB") for c in escaped):
        return None
    if _NOT_TWINNED.search(_ESCAPE.sub("", pattern)):
        return None
    groups: dict[str, list[str]] = {}
    for alt in _alternatives(pattern):
        if not "a" <= alt[:1] <= "z" or alt[1:2] in ("*", "+", "?", "{"):
            return None
        groups.setdefault(alt[0], []).append(alt[1:])
    body = "|".join(
        first + r"(?<![\w-].)(?:" + "|".join(rests) + ")" for first, rests in groups.items()
    )
    return re.compile(rf"(?:{body})(?![\w-])")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (not inside a group or a class)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _by_first_letter(pattern: str) -> str:
    """`pattern` with its alternatives grouped by first letter, when every one starts with a
    plain ASCII letter not under a quantifier (else unchanged: grouping could then change
    which alternative wins at a position)."""
    alternatives = _alternatives(pattern)
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not (alt[:1].isascii() and alt[:1].isalpha()) or alt[1:2] in ("*", "+", "?", "{"):
            return pattern
        groups.setdefault(alt[0].lower(), []).append(alt[1:])
    if len(groups) == len(alternatives):
        return pattern
    return "|".join(
        letter + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for letter, rests in groups.items()
    )
