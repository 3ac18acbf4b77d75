"""The twins of the cues (speed7): `Ctx.has` finds where a cue's matches start by its twin on
the sentence lower-cased, so a twin must find the spans its cue finds wherever it is used (a
text without `_UNFOLDED`, read from the character before the sentence)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.rules  # noqa: F401  (registers every cue)
from extractor.rules.base import _TWINS, CUES, _by_first_letter, _lower, _twin

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_HOSTILE = (
    "Aid\u212aid AID-aid _aid. SUPPORT su\u212a. K\u212a ÉAID aidé (Aid) Military\nSupport."
    " \u017fupport ſend. \u0130aid aid\u0130. -aid x-aid. 9aid AIDS aid- 'aid' “Aid” a\u0131d"
)


def _spans(pattern: re.Pattern[str], text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, s, e)]


def _check(
    compiled: re.Pattern[str], text: str, s: int, e: int, twin: re.Pattern[str] | None = None
) -> None:
    lo = s - 1 if s else 0
    lower = _lower(text[lo:e])
    if lower is None:  # (the cue itself runs there)
        return
    twin = twin or _TWINS[compiled.pattern][1]
    found = [(a + lo, b + lo) for a, b in _spans(twin, lower, s - lo, e - lo)]
    assert found == _spans(compiled, text, s, e), (compiled.pattern[:60], s, e)


def test_most_cues_have_a_twin() -> None:
    assert sum(c.pattern in _TWINS for _, c in CUES) > 2 * len(CUES) // 3


def test_twins_find_what_their_cues_find() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    for variant in (text, text.upper(), _HOSTILE, _HOSTILE.upper(), _HOSTILE.lower()):
        for _, compiled in CUES:
            if compiled.pattern not in _TWINS:
                continue
            for s in range(0, len(variant), 211 if len(variant) > 1000 else 1):
                _check(compiled, variant, s, min(len(variant), s + 240))
            _check(compiled, variant, 0, len(variant))


def test_no_twin_for_other_forms() -> None:
    assert _twin(r"a\Sd|b\s+c|d\w*|e\bf|g[cs]h|i-j") is not None
    for body in (
        "Aid",
        "a(?P<x>id)",
        "aïd",
        "a(?=i)d",
        "^aid",
        "aid$",
        "a(?-i:i)d",
        r"\daid",
        r"a\u0130d",
        r"a\x41d",
        r"a\Aid",
        r"aid\Z",
        r"(a)\1",
        "a*id",
        "[ab]id",
        "(?:a)",
    ):
        assert _twin(body) is None, body


_WORDS = st.sampled_from(["aid", "arms", "send", "sent", "support", "kit", "skis", "is", "a"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_WORDS, min_size=1, max_size=5, unique=True),
    st.text(alphabet="aidrmsenSupokKItAD \n-_9é.\u212a\u017f\u0131\u0130", max_size=40),
)
def test_twin_on_any_text(words: list[str], text: str) -> None:
    body = "|".join(words)  # as `cue` compiles it (not registered: other tests read CUES)
    compiled = re.compile(rf"(?i)(?<![\w-])(?:{_by_first_letter(body)})(?![\w-])")
    twin = _twin(body)
    assert twin is not None
    for s in range(len(text) + 1):
        _check(compiled, text, s, len(text), twin)


def test_ctx_has_and_matches_answer_what_the_cue_finds() -> None:
    from extractor.discourse import Frame
    from extractor.documents import Document
    from extractor.exclusions import Mask
    from extractor.gazetteer import EntityIndex
    from extractor.layout import Layout
    from extractor.quantities import quantities
    from extractor.rules.base import Ctx

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [t.upper() for t in texts[:2]] + [_HOSTILE + " 20 tanks. Aid of 5 guns, \u017fent 4."]
    for text in texts:
        doc = Document("d", "d.txt", text, "0" * 64, None, None, None)
        layout = Layout(text)
        found = quantities(text, Mask.of(text))
        starts = [q.number_start for q in found]
        frame = Frame()
        entities = EntityIndex(text, layout)
        for index in range(0, len(found), 3):
            ctx = Ctx(doc, layout, entities, found, index, [None] * len(found), starts, frame)
            s, e = ctx.sentence
            for _, compiled in CUES:
                every = list(compiled.finditer(text, *ctx._full_sentence))
                expect = [(m.span(), m.groups()) for m in every if s <= m.start() < e]
                if index % 2:  # has first, then matches (the twin's starts, then the cue's)
                    assert ctx.has(compiled) == bool(expect)
                assert [(m.span(), m.groups()) for m in ctx.matches(compiled)] == expect
                assert ctx.has(compiled) == bool(expect)
