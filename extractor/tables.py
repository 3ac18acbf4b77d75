"""What the gazetteer and the event tables share: the word-bounded alternation of surfaces,
office holders, and the error a contradictory table raises."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.lexicon import trie_regex


@dataclass(frozen=True)
class Office:
    """One row of the office-holders table: who spoke for which entity, and when."""

    name: str  # the surface ("Albanese", or a full name where a surname is shared)
    aliases: tuple[str, ...]
    code: str
    office: str
    start: int
    end: int | None  # None: in office


class GazetteerError(ValueError):
    """The tables contradict each other (a surface claimed twice, a bad key)."""


def word_alternation(surfaces: list[str]) -> str:
    # No look-behind at the front: it stops the engine skipping ahead.  Callers check that a
    # match does not start inside a word (`starts_word`).
    return r"(?:" + trie_regex(sorted(set(surfaces))) + r")(?![\w$])"  # not the US of US$


def starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "._$")
