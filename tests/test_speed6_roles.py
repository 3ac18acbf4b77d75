"""The gates of roles._role (speed6): a look-behind pattern is searched only where its gate
passes, so a gate must pass wherever its pattern matches; and _role must answer what the
plain form (every pattern searched, in the rules' order) answered."""

from __future__ import annotations

import random
import re
import string
import sys
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.rules.roles as R
from extractor.layout import Layout
from extractor.rules.aid import AID_CUE
from extractor.rules.base import CUES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (pattern, the gate that must pass where it matches)
_GATED = [
    (R._COMPARISON_BEFORE, lambda g: g.ends(R._COMPARISON_ENDS)),
    (R._POST_BEFORE, lambda g: g.ends(R._POST_ENDS)),
    (R._FROM_BEFORE, lambda g: g.ends(R._FROM_ENDS)),
    (R._TO_BEFORE, R._to_gate),
    (R._REQUEST_BEFORE, lambda g: g.ends(R._REQUEST_ENDS)),
    (R._GIVE_BEFORE, lambda g: g.holds(R._GIVE_TO_STEMS)),
    (R._APPOSED_BEFORE, lambda g: g.ends_unspaced(R._APPOSED_ENDS)),
    (R._IN_BEFORE, lambda g: g.ends(R._IN_ENDS)),
]


def _words_of(pattern: re.Pattern[str]) -> list[str]:
    """Literal words of a pattern, written out ('provid\\w*' -> 'provid'), to build text of."""
    return sorted(set(re.findall(r"[A-Za-z]{2,}", pattern.pattern.replace(r"\s", " "))))


_HIT = ("hit", "stricken", "ravaged", "torn", "affected", "struck", "battered", "damaged")
_WORDS = sorted(
    {w for p, _ in _GATED for w in _words_of(p)}
    | {"the", "a", "an", "devastated", "war-torn", *(f"quake-{w}" for w in _HIT)}
)


@cache
def _seed_befores() -> list[str]:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    rng = random.Random(6)
    out = [text[max(0, at - 45) : at] for at in range(0, len(text), 7)]
    out += [
        text[at : at + rng.randrange(0, 60)]
        for at in (rng.randrange(len(text)) for _ in range(3000))
    ]
    return out


def _check(before: str) -> None:
    gate = R._Before(before)
    for pattern, passes in _GATED:
        if pattern.search(before):
            assert passes(gate), (pattern.pattern[:40], before)


def test_gates_pass_wherever_their_pattern_matches_on_real_text() -> None:
    matched = 0
    for before in _seed_befores():
        _check(before)
        _check(before.upper())
        matched += any(p.search(before) for p, _ in _GATED)
    assert matched > 100


_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ", ",
            ".",
            "-",
            "’",
            "\u017f",
            "\u0130",
            "\u0131",
            "\u00a0",
            "\u2003",
            "É",
        ]
    ),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECE, max_size=12), st.booleans())
def test_gates_pass_wherever_their_pattern_matches_on_any_words(
    pieces: list[str], upper: bool
) -> None:
    before = "".join(pieces)
    _check(before.upper() if upper else before)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=50))
def test_gates_pass_wherever_their_pattern_matches_on_any_text(before: str) -> None:
    _check(before)


def test_gates_pass_wherever_their_pattern_matches_on_word_sequences() -> None:
    """Every pattern word, then any word, then an article or nothing, spaced or not."""
    for first in _WORDS:
        for second in [*_WORDS, ""]:
            for third in ("", "the", "a", "of", "in"):
                words = " ".join(w for w in (first, second, third) if w)
                for before in (f"x {words} ", f"x, {words}  ", f"x {words}", f"x {words},"):
                    _check(before)


def _code_points() -> str:
    """Every code point but surrogates and `_UNFOLDED` (the texts the twins are used on)."""
    return "".join(
        chr(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and chr(c) not in R._UNFOLDED
    )


def test_lowering_keeps_offsets_and_case_blind_matches() -> None:
    """What _case_blind_twin stands on: without `_UNFOLDED`, str.lower keeps every offset, a
    case-blind ASCII letter or digit matches where its lowered text holds it, and \\w, \\s,
    \\d answer the same of a character and of it lowered."""
    chars = _code_points()
    low = chars.lower()
    assert len(low) == len(chars)
    for ch in string.ascii_lowercase + string.digits + string.punctuation:
        blind = [m.start() for m in re.finditer("(?i)" + re.escape(ch), chars)]
        assert blind == [m.start() for m in re.finditer(re.escape(ch), low)], ch
    for cls in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(cls, chars)] == [
            m.start() for m in re.finditer(cls, low)
        ], cls


def _sentences(text: str) -> list[tuple[int, int]]:
    layout, out, pos = Layout(text), [], 0
    while pos < len(text):
        span = layout.sentence(pos)
        out.append(span)
        pos = span[1]
    return out


def test_case_blind_twins_find_what_their_cues_find() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    hostile = "Aid\u212aid AID-aid _aid SUPPORT su\u212a K\u212a ÉAID aidé (Aid) Military\nSupport"
    twins = [(cue, R._case_blind_twin(cue)) for _, cue in CUES]
    assert R._case_blind_twin(AID_CUE) is not None
    assert sum(twin is not None for _, twin in twins) > len(twins) // 2
    for variant in (text, text.upper(), hostile, hostile.lower()):
        lowered = variant.lower()
        spans = [*_sentences(variant), (0, len(variant))]
        for cue, twin in twins:
            if twin is None:
                continue
            for s, e in spans:
                plain = [m.span() for m in cue.finditer(variant, s, e)]
                assert plain == [m.span() for m in twin.finditer(lowered, s, e)], cue.pattern


def _cue(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w-])(?:{body})(?![\w-])")


def test_no_twin_for_other_forms() -> None:
    assert R._case_blind_twin(_cue("a\\Sd|b\\s+c|d\\w*")) is not None
    for body in ("Aid", "a(?P<x>id)", "aïd", "a(?=i)d", "^aid", "aid$", "a(?-i:i)d"):
        assert R._case_blind_twin(_cue(body)) is None, body
    assert R._case_blind_twin(re.compile("aid")) is None
    assert R._case_blind_twin(re.compile("(?i)aid")) is None


def test_cue_in_answers_what_the_cue_search_answers() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    hostile = (
        "Aid\u212aid AID-aid _aid. SUPPORT su\u212a. K\u212a ÉAID aidé (Aid) Military\nSupport."
        " \u017fupport ſend. \u0130aid aid\u0130. -aid x-aid. 9aid"
    )
    for variant in (text, text.upper(), hostile, hostile.lower(), hostile.upper()):
        spans = _sentences(variant)
        for _, cue in CUES:
            twin = R._case_blind_twin(cue)
            for s, e in spans:
                expect = cue.search(variant, s, e) is not None
                assert R._cue_in(cue, twin, variant, s, e) == expect, (cue.pattern[:60], s)
                for s2 in (s + 1, s + 3):  # a span that opens inside a word
                    if s2 < e:
                        expect = cue.search(variant, s2, e) is not None
                        assert R._cue_in(cue, twin, variant, s2, e) == expect
