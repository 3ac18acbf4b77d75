"""Cue gates (`Ctx.has`/`Ctx.matches` skip a sentence whose gate says the cue cannot match) must
never skip a sentence where the cue's regex matches: checked character by character for the
folding they rely on, and cue by cue on real and generated sentences."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.rules  # noqa: F401  (registers every rule, and so every cue)
from extractor.layout import Layout
from extractor.rules.attribution import _YEAR_DIGITS, STATED_YEAR, WRITTEN_DATE
from extractor.rules.base import _GATES, _PROBES, _UNFOLDED, CUES, _gate, _lower, _opening

ROOT = Path(__file__).resolve().parent.parent


def _every_character() -> str:
    return "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)


def test_a_case_blind_letter_matches_only_what_lower_folds_to_it() -> None:
    everything = _every_character()
    for found in re.finditer("(?i)[a-z]", everything):
        c = found.group()
        if c in _UNFOLDED:
            continue
        letters = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(f"(?i){x}", c)]
        assert letters == [c.lower()], (hex(ord(c)), letters)
    # and each of _UNFOLDED is such a letter that lower() leaves unfolded (else drop it)
    for c in _UNFOLDED:
        assert re.fullmatch("(?i)[a-z]", c) and not re.fullmatch("[a-z]", c.lower())


def test_openings() -> None:
    assert _opening("aid") == "aid"
    assert _opening(r"funding\s+gap") == "funding"
    assert _opening(r"casualt\w+") == "casualt"
    assert _opening("exercises?") == "exercise"
    assert _opening(r"war\s?games") == "war"
    assert _opening("Allies") == "allies"
    assert _opening("at present") == "at present"
    assert _opening("so far this year") == "so far this year"
    assert _opening("as ?well") == "as"
    assert _opening("defen[cs]e") == "defen"
    assert _opening(r"(?:the|our)\s+government") == ""
    gate = _gate(r"aid|aids|though|although|send\w*")
    assert gate is not None and gate.needles == ("aid", "send", "though")
    assert _gate(r"aid|(?:the|our)\s+government") is None


def _sentences(text: str) -> list[tuple[int, int]]:
    layout = Layout(text)
    out = []
    for pos in layout.paragraph_starts:
        s, e = layout.paragraph(pos)
        while s < e:
            span = layout.sentence(s)
            out.append(span)
            s = max(span[1], s + 1)
    return out


def _agree(text: str) -> int:
    """Every gate admits every sentence its cue matches in; returns how many it turned away."""
    skipped = 0
    for s, e in _sentences(text):
        lower = _lower(text[s:e])
        for _, compiled in CUES:
            gate = _GATES.get(compiled.pattern)
            if gate is None or lower is None or gate.admits(lower):
                continue
            skipped += 1
            assert compiled.search(text, s, e) is None, (compiled.pattern, text[s:e])
    return skipped


def _real_text() -> str:
    text = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    text += (ROOT / "tests" / "gold" / "passages.yaml").read_text(encoding="utf-8")
    return text


def test_every_gate_admits_the_sentences_its_cue_matches_in_real_text() -> None:
    text = _real_text()
    assert len(_GATES) > 20
    assert _agree(text) > 1000  # the gates are in use
    assert _agree(text.upper().replace("\n", " \n"))
    assert _agree(re.sub(r"\s+", " ", text))  # one long paragraph of sentences


_WORDS = st.sampled_from(
    [
        "aid",
        "AID",
        "appeal",
        "Appeals",
        "called for",
        "call\tfor",
        "funding  gap",
        "funding-gap",
        "war games",
        "wargames",
        "exercise",
        "incl.",
        "in all",
        "in  all",
        "at\npresent",
        "at present",
        "so far this year",
        "this fiscal year",
        "ſent",
        "Kılled",
        "İnjured",
        "\u212aILLED",
        "é",
        "’",
        "-",
        " ",
        ", ",
        ". ",
        "x",
        "2",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=14))
def test_every_gate_agrees_on_generated_text(words: list[str]) -> None:
    _agree("".join(words))


def test_every_probe_stands_in_each_match_of_its_pattern() -> None:
    assert _PROBES[STATED_YEAR.pattern][1] is _YEAR_DIGITS
    assert _PROBES[WRITTEN_DATE.pattern][1] is _YEAR_DIGITS
    text = _real_text()
    for pattern in (STATED_YEAR, WRITTEN_DATE):
        found = list(pattern.finditer(text))
        assert found
        for m in found:
            assert _YEAR_DIGITS.search(m.group()), m.group()
