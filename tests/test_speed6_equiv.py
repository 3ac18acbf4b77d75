"""This session's faster forms (speed6) against the plain forms they replace, copied here
from the code they started from: each must answer exactly what the plain form answered, on
the seed articles, random windows of them and hostile text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from speed_corpus import EVENT_PIECES, seed_texts, windows

import extractor.named_events as ne
from extractor.gazetteer import events, gazetteer
from extractor.layout import Layout
from extractor.lexicon import trie_regex
from extractor.named_events import (
    _HEADS,
    DATED_PREFIX,
    _at_word_start,
    _case_blind_at_word_start,
)
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


def _windows(count: int, longest: int) -> list[str]:
    return windows(count, longest, 6)


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
    return [*seed_texts(), *_windows(300, 400), *_HOSTILE]


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


_PLAIN_WAR_WORD = re.compile(r"(?<=\s)(?:War|war)(?![\w'’])")


def test_war_word_matches_the_plain_form() -> None:
    for text in [*_texts(), "War war\nwar\u00a0War’ warx _war (war) \u2003war-"]:
        assert _spans(ne._WAR_WORD, text) == _spans(_PLAIN_WAR_WORD, text)
        for lo in range(0, len(text), 89):
            assert _spans(ne._WAR_WORD, text, lo) == _spans(_PLAIN_WAR_WORD, text, lo)


def test_cue_words_hold_every_gate_once() -> None:
    gates = (
        ne._BEFORE_WORDS,
        ne._AFTER_WORDS,
        ne._DISASTER_WORDS,
        ne._STORM_WORDS,
        ne._IN_PLACE_WORDS,
        ne._WAR_WORDS,
        ne._PARADE_WORDS,
        ne._INVASION_WORDS,
        ne._DATE_WORDS,
    )
    assert len(set(ne._CUE_WORDS)) == len(ne._CUE_WORDS)
    for words in gates:
        assert set(words) <= set(ne._CUE_WORDS)


# every gate of find_events, opened ("" stands in every text; "" matches everywhere)
_OPEN_WORDS = (
    "_BEFORE_WORDS",
    "_AFTER_WORDS",
    "_DISASTER_WORDS",
    "_STORM_WORDS",
    "_IN_PLACE_WORDS",
    "_WAR_WORDS",
    "_CUE_WORDS",
    "_AFTER_PIECES",
    "_EXERCISE_WORDS",
    "_INVASION_WORDS",
    "_DATE_WORDS",
    "_STRUCK_WORDS",
    "_PARADE_WORDS",
)


def _events_of(text: str) -> list[object]:
    layout = Layout(text)
    out: list[object] = []
    for i in range(len(layout.paragraph_starts)):
        lo, hi = layout.paragraph_at(i)
        try:
            out.append(ne.find_events(text, lo, hi, events()))
        except ValueError as error:
            out.append(repr(error))
    return out


def _gates_agree(text: str) -> None:
    gated = _events_of(text)
    with pytest.MonkeyPatch.context() as m:
        for name in _OPEN_WORDS:
            m.setattr(ne, name, ("",))
        m.setattr(ne, "_WAR_WORD", re.compile(""))
        m.setattr(ne, "_AFTER_KIND_OF", re.compile(""))
        opened = _events_of(text)
    assert opened == gated


def test_open_gates_change_nothing_on_real_text() -> None:
    text = "\n\n".join(seed_texts())
    gold = SEEDS.parent / "tests" / "gold" / "passages.yaml"
    text += "\n\n" + gold.read_text(encoding="utf-8")
    assert sum(len(x) for x in _events_of(text) if isinstance(x, list)) > 20
    for variant in (text, text.lower(), text.upper(), text.replace("\n", " ")):
        _gates_agree(variant)


_PIECES = st.sampled_from(
    [
        *EVENT_PIECES,
        "the September 11 attacks",
        "the 26/11 attacks on Mumbai",
        "Russia's invasion of Ukraine",
        "the Victory Parade",
        "the earthquake that struck Turkey",
        "the Bengal famine of 1943",
        "the 2004 Indian Ocean tsunami",
        "Hurricane Katrina",
        "\n\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_open_gates_change_nothing_on_generated_text(pieces: list[str]) -> None:
    _gates_agree(" ".join(pieces))


_PLAIN_EXERCISE_CUE = re.compile(
    r"(?i)\b(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers|wargames|maneuver|manoeuvre"
    r"|editions?|training\s+grounds?)\b"
)
_EXERCISE_HOSTILE = [
    "Exercise EXERCISES exercise_ xexercise 9drill Drills\u00a0war games wargames War  games",
    "the 28th edition, editions; training grounds TRAINING\nGROUNDS manoeuvre manoeuvres",
    "\u0130drill \u212aexercise \u017fexercise éexercise drillé maneuvers- -maneuver",
]


def test_exercise_cue_matches_the_plain_form() -> None:
    for text in [*_texts(), *_EXERCISE_HOSTILE]:
        assert _spans(ne._EXERCISE_CUE, text) == _spans(_PLAIN_EXERCISE_CUE, text)
        for lo in range(0, len(text), 101):
            assert _spans(ne._EXERCISE_CUE, text, lo) == _spans(_PLAIN_EXERCISE_CUE, text, lo)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="iksSKIabt", min_size=1, max_size=4), min_size=1, max_size=5),
    st.text(alphabet="iksSKIabt \u0130\u0131\u212a\u017f_9é", max_size=30),
)
def test_case_blind_word_start_on_any_words(words: list[str], text: str) -> None:
    alternation = "|".join(words)
    fast = re.compile(_case_blind_at_word_start(alternation))
    plain = re.compile(rf"\b(?i:{alternation})")
    assert _spans(fast, text) == _spans(plain, text)
