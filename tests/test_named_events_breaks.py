"""Event names written across a line break: found where they stand, never a crash."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 the Korean War\nWar war cost 5 lives.",
        "The Korean\nWar killed some three million people.",
        "The Battle of the\nSomme cost 420,000 British casualties.",
    ],
)
def test_a_name_across_a_line_break_is_read_without_error(text: str) -> None:
    sheet = extract_text(text)
    assert sheet.facts  # the figure is still there
    for fact in sheet.facts:
        assert text[fact.span.start : fact.span.end] == fact.span.quote


def test_the_event_across_a_line_break_keeps_its_name() -> None:
    sheet = extract_text("The Korean\nWar killed some three million people.")
    assert sheet.facts[0].event == "Korean War"
