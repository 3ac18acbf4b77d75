"""Gold scoring of the whole pipeline on the seeds.  Thresholds only go up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.documents import load_document
from extractor.pipeline import build_sheet
from extractor.yamlio import dump_yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    exe = Path(sys.executable).parent / "factsheet"
    result = subprocess.run(
        [str(exe), "evaluate", "--gold", "tests/gold/seeds.yaml", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_precision_and_recall(report: dict) -> None:  # type: ignore[type-arg]
    assert report["overall"]["precision"] >= 1.0
    assert report["overall"]["recall"] >= 1.0
    assert report["overall"]["gold"] == 45


def test_no_trap_is_reported(report: dict) -> None:  # type: ignore[type-arg]
    assert report["traps_reported"] == []


def test_qualifiers(report: dict) -> None:  # type: ignore[type-arg]
    assert report["qualifier_accuracy"] >= 1.0


def test_domain_families_recall(report: dict) -> None:  # type: ignore[type-arg]
    for family in ("aid", "spending", "exercise", "casualties"):
        assert report["families"][family]["recall"] == 1.0, family


def test_attribution(report: dict) -> None:  # type: ignore[type-arg]
    assert report["attribution_accuracy"] >= 1.0
    assert report["key_attribution_accuracy"] >= 1.0
    assert report["family_accuracy"] >= 1.0


def test_metadata(report: dict) -> None:  # type: ignore[type-arg]
    for key in ("title", "published"):
        assert report["metadata"][key] == {"right": 5, "total": 5}


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
