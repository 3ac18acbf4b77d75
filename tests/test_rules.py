"""Every domain rule's examples and counter-examples, run through the whole pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.gazetteer import EntityIndex, gazetteer
from extractor.pipeline import extract_text
from extractor.rules import RULES
from extractor.rules.base import Example, Registry, Rule

EXAMPLES = [(rule.id, ex) for rule in RULES for ex in rule.examples]
COUNTER = [(rule.id, text) for rule in RULES for text in rule.counter_examples]


def _field(fact: Any, key: str) -> Any:
    if key in ("value", "min", "max", "unit", "qualifier", "currency_from", "of"):
        return getattr(fact.quantity, key)
    return getattr(fact, key)


@pytest.mark.parametrize(
    ("rule_id", "example"), EXAMPLES, ids=[f"{r}:{e.quote}" for r, e in EXAMPLES]
)
def test_rule_example(rule_id: str, example: Example) -> None:
    sheet = extract_text(example.text, published=example.published)
    facts = [f for f in sheet.facts if f.span.quote == example.quote]
    assert facts, f"no fact for {example.quote!r}: {[f.span.quote for f in sheet.facts]}"
    fact = facts[0]
    assert fact.rule == rule_id
    for key, want in example.expect.items():
        got = _field(fact, key)
        assert got == want, f"{key}: {got!r} != {want!r}"


@pytest.mark.parametrize(("rule_id", "text"), COUNTER)
def test_rule_counter_example(rule_id: str, text: str) -> None:
    sheet = extract_text(text)
    assert [f.span.quote for f in sheet.facts if f.rule == rule_id] == []


def test_registry_refuses_duplicates_and_rules_without_examples() -> None:
    registry = Registry()
    rule = RULES.get("other.figure")
    registry.add(rule)
    with pytest.raises(ValueError, match="duplicate"):
        registry.add(rule)
    bare = Rule("x.y", "other", "", rule.match, (), ())
    with pytest.raises(ValueError, match="examples"):
        registry.add(bare)


def test_every_gazetteer_surface_round_trips() -> None:
    gaz = gazetteer()
    for surface, (code, _) in gaz.surfaces.items():
        text = f"Yesterday {surface} said so."
        found = EntityIndex(text).mentions
        assert found and found[0].code == code, surface
        assert text[found[0].start : found[0].end] == surface


def test_exercise_translations_are_named_as_written_unless_the_canonical_name_is_there() -> None:
    for name in ("Tsentr-2019", "Center-2019", "Centre-2019"):
        ix = EntityIndex(f"The {name} exercise began.")
        assert [e.name for e in ix.events] == [name]  # what a reader (and the gold) writes
    both = EntityIndex("The Center-2019 (Tsentr-2019) exercise began.")
    assert [e.name for e in both.events] == ["Tsentr-2019", "Tsentr-2019"]


def test_event_aliases() -> None:
    for alias in ("Rape of Nanking", "Nanjing Massacre", "Nanking Massacre"):
        assert [e.name for e in EntityIndex(f"the {alias} of 1937").events] == ["Nanking Massacre"]


def test_no_rule_example_copies_a_seed_sentence() -> None:
    """Issue 8: examples are sentences of our own, not a seed's (no 60-character run shared)."""
    from pathlib import Path

    def norm(text: str) -> str:
        return " ".join(text.replace("\\$", "$").split())

    root = Path(__file__).resolve().parent.parent
    seeds = norm("\n".join(p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt")))
    texts = [e.text for r in RULES for e in r.examples] + [t for _, t in COUNTER]
    copied = []
    for text in texts:
        n = norm(text)
        if any(n[i : i + 60] in seeds for i in range(0, max(1, len(n) - 59), 5) if len(n) >= 60):
            copied.append(text)
    assert copied == []
