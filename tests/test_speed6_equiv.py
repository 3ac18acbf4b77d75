"""This session's faster forms (speed6) against the plain forms they replace, copied here
from the code they started from: each must answer exactly what the plain form answered, on
the seed articles, random windows of them and hostile text."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.gazetteer import events, gazetteer
from extractor.lexicon import trie_regex
from extractor.named_events import _HEADS, DATED_PREFIX, _at_word_start
from extractor.tables import Office

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# the plain forms, as they stood before speed6
_PLAIN_TIME_WORD = (
    r"(?i:since|when|after|before|at|during|until|following|by\s+the\s+time\s+of"
    r"|at\s+the\s+time\s+of|ahead\s+of|prior\s+to)\s+(?:the\s+|Russia['’]s\s+)?"
)
_PLAIN_DATED_PREFIX = re.compile(rf"\b{_PLAIN_TIME_WORD}")


def _plain_lead(names: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{trie_regex(names, fold_space=True)})" if names else "(?!)")


@cache
def _seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _windows(count: int, longest: int, seed: int = 6) -> list[str]:
    text = "\n\n".join(_seed_texts())
    rng = random.Random(seed)
    return [
        text[at : at + rng.randrange(0, longest)]
        for at in (rng.randrange(len(text)) for _ in range(count))
    ]


_HOSTILE = [
    "",
    "since",
    "Since the war; SINCE THE WAR, ſince the annexation, xsince the, _after the, 9at the",
    "At the time of the invasion, ahead of Russia’s war, prior  to\nthe\tvote, By the time of",
    "éwhen the, ÆAfter the, İat the, a\u0130t the, \u017fince\u00a0the, when\nthe",
    "Biden's, President Biden took office, XBiden, _Putin, Putin-era, 1Xi, Xi Jinping",
    "\u2028after\u2029the, wwhen the, aat the",
]


def _texts() -> list[str]:
    return [*_seed_texts(), *_windows(300, 400), *_HOSTILE]


def _spans(pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> list:
    end = len(text) if hi is None else hi
    return [m.span() for m in pattern.finditer(text, lo, end)]


def test_dated_prefix_matches_the_plain_form() -> None:
    for text in _texts():
        assert _spans(DATED_PREFIX, text) == _spans(_PLAIN_DATED_PREFIX, text)
        for lo in range(0, len(text), 97):  # a window: the look-behind sees before it
            assert _spans(DATED_PREFIX, text, lo) == _spans(_PLAIN_DATED_PREFIX, text, lo)


def _head_names() -> list[str]:
    """The names `_office_events` writes office_lead of (as it collects them)."""
    terms: dict[str, list[Office]] = {}
    for office in gazetteer().offices:
        if office.office in _HEADS:
            terms.setdefault(office.name, []).append(office)
    names: list[str] = []
    for name, rows in terms.items():
        names += [name, *min(rows, key=lambda r: r.start).aliases]
    return sorted(set(names))


def test_office_lead_matches_the_plain_form() -> None:
    names = _head_names()
    plain = _plain_lead(names)
    assert events().office_lead.pattern == _at_word_start(names)
    for text in _texts():
        assert _spans(events().office_lead, text) == _spans(plain, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="sSwWaAbBtT hei nc\u017f\u0130\u0131_9éu’'", max_size=40))
def test_dated_prefix_on_any_text(text: str) -> None:
    assert _spans(DATED_PREFIX, text) == _spans(_PLAIN_DATED_PREFIX, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="BidenPutXJg _-'s1\u00e9\n", max_size=30))
def test_word_start_names_on_any_text(text: str) -> None:
    names = ["Biden", "Bi", "Putin", "Xi", "Xi Jinping", "P", "_x"]
    assert _spans(re.compile(_at_word_start(names)), text) == _spans(_plain_lead(names), text)
    names = ["Biden", "Bi", "Putin", "Xi", "Xi Jinping", "P"]
    assert _spans(re.compile(_at_word_start(names)), text) == _spans(_plain_lead(names), text)
