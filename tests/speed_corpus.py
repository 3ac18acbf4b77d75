"""Text the speed-equivalence tests share: the seed articles, random windows of them, and
pieces of event text to compose (the faster forms must find what the plain forms found)."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def windows(count: int, longest: int, seed: int, *, text: str | None = None) -> list[str]:
    """Random windows of `text` (the seed articles joined by a blank line): every kind of
    context a figure stands in."""
    text = "\n\n".join(seed_texts()) if text is None else text
    rng = random.Random(seed)
    return [
        text[at : at + rng.randrange(0, longest)]
        for at in (rng.randrange(len(text)) for _ in range(count))
    ]


# Event text that opens and closes the named-event gates
EVENT_PIECES = [
    "the Korean War",
    "war",
    "War",
    "toward",
    "Battle of Kursk",
    "battle of the Somme",
    "the siege of Mariupol",
    "Fall of Saigon",
    "rainfall",
    "the 1994 genocide in Rwanda",
    "Cyclone Nargis",
    "the Zapad exercises in 1981",
    "Zapad-2021",
    "exercise Yudh Abhyas",
    "\n",
    " ",
    "’s",
    ".",
]
