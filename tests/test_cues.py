"""Cue patterns are compiled with their alternatives grouped by first letter (for speed); the
grouped form must find exactly what the plain alternation finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.rules  # noqa: F401  (registers every rule, and so every cue)
from extractor.rules.base import CUES, _alternatives, _by_first_letter

ROOT = Path(__file__).resolve().parent.parent


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_every_cue_finds_what_its_plain_form_finds_in_real_text() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text += (ROOT / "tests" / "gold" / "passages.yaml").read_text(encoding="utf-8")
    text += "\n" + text.upper()
    assert len(CUES) > 20
    grouped = 0
    for plain, compiled in CUES:
        assert _spans(re.compile(plain), text) == _spans(compiled, text), plain
        grouped += plain != compiled.pattern
    assert grouped > 10  # the grouping is in use, not silently skipped


_WORDS = st.sampled_from(
    [
        "aid",
        "Aid",
        "AIDS",
        "sent",
        "send-off",
        "pledge",
        "pledged",
        "in all",
        "so far",
        "total",
        "killed",
        "-",
        " ",
        ", ",
        "x",
        "the government",
        "military support",
        "2",
        "and",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12))
def test_every_cue_agrees_on_generated_text(words: list[str]) -> None:
    text = "".join(words)
    for plain, compiled in CUES:
        assert _spans(re.compile(plain), text) == _spans(compiled, text), (plain, text)


def test_alternatives_split_only_at_the_top_level() -> None:
    assert _alternatives(r"a(?:b|c)|[|x]|d\|e") == ["a(?:b|c)", "[|x]", r"d\|e"]


def test_grouping_by_first_letter() -> None:
    assert _by_first_letter("aid|arms|send") == "a(?:id|rms)|send"
    # an alternative that does not open with a plain letter leaves the pattern as it was
    assert _by_first_letter(r"aid|arms|(?:the|our)\s+aid") == r"aid|arms|(?:the|our)\s+aid"
    assert _by_first_letter(r"a?id|arms") == r"a?id|arms"
