"""Exercises the event table does not know, found by what surrounds the name."""

from __future__ import annotations

import pytest

from extractor.gazetteer import events
from extractor.named_events import find_events


def _exercises(text: str) -> list[tuple[str, int | None]]:
    return [
        (e.name, e.year) for e in find_events(text, 0, len(text), events()) if e.kind == "exercise"
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a name and a year, and forces counted in the sentence (no exercise word)
        (
            "Oman hosted Falcon Strike 2025 with some 3,000 troops from eight countries.",
            [("Falcon Strike 2025", 2025)],
        ),
        (
            "About 1,200 sailors from six navies joined Silver Trident 2022 off Crete.",
            [("Silver Trident 2022", 2022)],
        ),
        # the word 'exercise' beside a name without a year
        (
            "Troops from Nepal and China began exercise Sagarmatha Friendship on Monday.",
            [("Sagarmatha Friendship", None)],
        ),
        ("The two-week Iron Falcon exercise ended on Friday.", [("Iron Falcon", None)]),
        ("The Northern Viking naval drills involved 12 ships.", [("Northern Viking", None)]),
        # a name and a two-digit year beside an exercise word; a series named by 'edition of'
        ("Desert Falcon 24, the largest annual exercise, began.", [("Desert Falcon 24", 2024)]),
        ("The 12th edition of KAKADU gathered 20 ships.", [("KAKADU", None)]),
        # an all-capitals name with its year; one word, a hyphen and a two-digit year
        ("Some 8,000 troops took part in SAREX-2025 off the coast.", [("SAREX-2025", 2025)]),
        ("About 5,000 troops joined Griffin-25, the largest exercise.", [("Griffin-25", 2025)]),
    ],
)
def test_unknown_exercise_names(text: str, want: list[tuple[str, int | None]]) -> None:
    assert _exercises(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Paris 2024 drew 10,000 soldiers to guard the venues.",  # a place and a year
        "Expo 2020 drew 24 million visitors to Dubai.",  # no forces counted
        "Vision 2030 aims to double tourism to 150 million visits.",
        "The Russian naval exercise involved 20 ships.",  # a nationality, not a name
        "The annual NATO exercise involved 20 ships.",
        "The Joint Military exercise involved 20 ships.",  # generic words only
        "In 2023 some 3,000 troops took part.",
        "Harbour Point 24 ships took part in the exercise.",  # a count after the name
        "Route 66 exercise classes are popular.",  # one word and a number is no edition
        "Su-35 jets joined the drills.",  # a model: too short a name
        "Covid-19 cases fell.",
    ],
)
def test_no_exercise_without_a_name(text: str) -> None:
    assert _exercises(text) == []
