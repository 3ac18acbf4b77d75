"""Gold scoring of the whole pipeline on the seeds.  Thresholds only go up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor.documents import load_document
from extractor.evaluate import evaluate_gold
from extractor.pipeline import build_sheet
from extractor.yamlio import dump_yaml

ROOT = Path(__file__).resolve().parent.parent
needs_shared = pytest.mark.skipif(
    not (ROOT.parent / "shared" / "tools" / "score.py").is_file() and not os.environ.get("CI"),
    reason="../shared is not beside this checkout",
)


GOLD = ROOT / "tests" / "gold"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"

# Thresholds: the figures reached. They only go up.
SEEDS = {"precision": 1.0, "recall": 1.0, "qualifier_accuracy": 1.0, "attribution_accuracy": 1.0}
PASSAGES = {
    "precision": 0.976,
    "recall": 0.968,
    "qualifier_accuracy": 0.985,
    "attribution_accuracy": 0.952,
    "family_accuracy": 0.936,
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Any]:
    return evaluate_gold(GOLD / "seeds.yaml", sources=ROOT / "seeds").to_data()


@pytest.fixture(scope="module")
def passages() -> dict[str, Any]:
    return evaluate_gold(GOLD / "passages.yaml", sources=ROOT / "seeds").to_data()


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_thresholds(seeds: dict[str, Any], key: str) -> None:
    assert seeds[key] >= SEEDS[key]


# Attribution per field on the passages (issue 10 asks at least 0.85 for each).
PASSAGE_FIELDS = {
    "donor": 0.976,
    "recipient": 0.918,
    "subject": 0.972,
    "event": 0.932,
    "year": 0.960,
}


@pytest.mark.parametrize("key", sorted(PASSAGES))
def test_passage_thresholds(passages: dict[str, Any], key: str) -> None:
    assert passages[key] >= PASSAGES[key]


@pytest.mark.parametrize("field", sorted(PASSAGE_FIELDS))
def test_passage_attribution_per_field(passages: dict[str, Any], field: str) -> None:
    assert passages["attribution"][field]["accuracy"] >= PASSAGE_FIELDS[field]


def test_gold_sizes(seeds: dict[str, Any], passages: dict[str, Any]) -> None:
    assert seeds["overall"]["gold"] == 45
    assert passages["overall"]["gold"] == 341


def test_no_trap_is_reported_on_seeds(seeds: dict[str, Any]) -> None:
    assert seeds["traps_reported"] == []


def test_seed_families_and_fields(seeds: dict[str, Any]) -> None:
    for family in ("aid", "spending", "exercise", "casualties"):
        assert seeds["families"][family]["recall"] == 1.0, family
    assert seeds["family_accuracy"] == 1.0
    for key, tally in seeds["other_fields"].items():
        assert tally["right"] == tally["total"], key


def test_metadata(seeds: dict[str, Any]) -> None:
    for key in ("title", "published"):
        assert seeds["metadata"][key] == {"right": 5, "total": 5}


def test_family_precision_is_a_ratio(passages: dict[str, Any]) -> None:
    for name, fam in passages["families"].items():
        assert fam["precision"] is None or 0.0 <= fam["precision"] <= 1.0, name
        assert fam["matched"] <= fam["gold"], name


def _reference(*args: str) -> dict[str, Any]:
    """The reference scorer's figures, run on a fresh extraction by this checkout's CLI."""
    exe = Path(sys.executable).parent / "factsheet"
    env = dict(os.environ, FACTSHEET=str(exe))
    result = subprocess.run(
        [sys.executable, str(SCORER), *args], cwd=ROOT, capture_output=True, env=env, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def _agree(ours: dict[str, Any], ref: dict[str, Any]) -> None:
    for key in ("precision", "recall", "f1", "tp", "fp", "fn", "trap_hits", "value_recall"):
        assert ours[key] == ref[key], key
    for key in ("qualifier", "attribution", "metadata"):
        assert ours[f"{key}_accuracy"] == ref[f"{key}_acc"], key
    for family, recall in ref["recall_by_family"].items():
        assert ours["families"][family]["recall"] == recall, family


@needs_shared
def test_evaluate_agrees_with_reference_scorer_on_passages(passages: dict[str, Any]) -> None:
    _agree(passages, _reference("passages", "tests/gold/passages.yaml"))


@needs_shared
def test_evaluate_agrees_with_reference_scorer_on_seeds(seeds: dict[str, Any]) -> None:
    _agree(seeds, _reference("seeds", "tests/gold/seeds.yaml", "seeds"))


def test_evaluate_cli_text_table() -> None:
    exe = Path(sys.executable).parent / "factsheet"
    result = subprocess.run(
        [str(exe), "evaluate", "--gold", "tests/gold/passages.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[:6] == ["family", "gold", "found", "P", "R", "F1"]
    assert any(line.startswith("all ") for line in lines)
    assert any(line.startswith("not found (") for line in lines)


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_spans_reslice_and_runs_are_identical(path: Path) -> None:
    doc = load_document(path)
    first = build_sheet(doc)
    for fact in first.facts:
        assert doc.text[fact.span.start : fact.span.end] == fact.span.quote
        assert doc.text.count("\n", 0, fact.span.start) + 1 == fact.span.line
    assert dump_yaml(first.to_data()) == dump_yaml(build_sheet(load_document(path)).to_data())


def test_seeds_are_copies_of_shared() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared is not beside this checkout")
    for path in shared.glob("*.txt"):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()
