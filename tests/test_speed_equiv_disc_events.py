"""Named events are looked for only in paragraphs that hold their kind words (gates); with
every gate open, the same events must be found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from speed_corpus import EVENT_PIECES

import extractor.named_events as ne
from extractor.gazetteer import events
from extractor.layout import Layout

ROOT = Path(__file__).resolve().parent.parent
_OPEN = {
    name: ("",)
    for name in (
        "_BEFORE_WORDS",
        "_AFTER_WORDS",
        "_DISASTER_WORDS",
        "_STORM_WORDS",
        "_IN_PLACE_WORDS",
        "_WAR_WORDS",
        "_CUE_WORDS",
        "_AFTER_PIECES",
        "_EXERCISE_WORDS",
        "_STRUCK_WORDS",
        "_PARADE_WORDS",
        "_INVASION_WORDS",
        "_DATE_WORDS",
    )
}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    layout = Layout(text)
    return [layout.paragraph_at(i) for i in range(len(layout.paragraph_starts))]


def _found(text: str) -> list[list[ne.EventMention] | str]:
    """The events of each paragraph, or the error finding them raised (the gates must not
    change that either: "the Korean War\nWar" raises ValueError in _named_events)."""
    out: list[list[ne.EventMention] | str] = []
    for lo, hi in _paragraphs(text):
        try:
            out.append(ne.find_events(text, lo, hi, events()))
        except ValueError as error:
            out.append(repr(error))
    return out


def _agree(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    gated = _found(text)
    with monkeypatch.context() as m:
        for name, value in _OPEN.items():
            m.setattr(ne, name, value)
        m.setattr(ne, "_WAR_WORD", re.compile(""))
        m.setattr(ne, "_AFTER_KIND_OF", re.compile(""))
        assert _found(text) == gated


def test_every_kind_of_named_after_ends_with_a_piece_before_of() -> None:
    kinds = re.search(r"\(\?P<kind>([^)]*)\)", ne._NAMED_AFTER.pattern)
    assert kinds is not None
    for alternative in kinds.group(1).split("|"):
        for case in (0, 1):  # "[Bb]attle" -> "Battle", "battle"
            written = re.sub(r"\[(.)(.)\]", lambda c, k=case: c.group(1 + k), alternative)
            written = written.replace(r"\s+", " ")
            assert any(written.endswith(piece) for piece in ne._AFTER_PIECES), written
    assert ne._NAMED_AFTER.pattern.startswith(r"(?P<kind>")
    assert ne._NAMED_AFTER.pattern.split(")", 1)[1].startswith(r"\s+of\s+")


def test_gates_change_nothing_on_real_text(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append((ROOT / "tests" / "gold" / "passages.yaml").read_text(encoding="utf-8"))
    text = "\n\n".join(texts)
    assert sum(len(found) for found in _found(text) if isinstance(found, list)) > 20
    for variant in (text, text.lower(), text.upper(), text.replace("\n", " ")):
        _agree(monkeypatch, variant)


_PIECES = st.sampled_from(EVENT_PIECES)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_gates_change_nothing_on_generated_text(pieces: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _agree(monkeypatch, " ".join(pieces))
