"""Fact ids come from content, not position."""

from __future__ import annotations

from pathlib import Path

from extractor.documents import load_document, parse_document
from extractor.pipeline import build_sheet, extract_text

ROOT = Path(__file__).resolve().parent.parent


def test_inserting_text_above_changes_no_id() -> None:
    path = ROOT / "seeds" / "000_55791655ed5d24e6.txt"
    data = path.read_bytes()
    before = build_sheet(load_document(path))
    moved = parse_document(
        b"An extra opening paragraph with no figures.\n\n" + data, doc_id=path.stem, path="x.txt"
    )
    after = build_sheet(moved)
    assert [f.id for f in before.facts] == [f.id for f in after.facts]
    assert [f.span.start for f in before.facts] != [f.span.start for f in after.facts]


def test_deleting_an_unrelated_paragraph_changes_no_id() -> None:
    path = ROOT / "seeds" / "003_6600c0006b1ccdf0.txt"
    text = path.read_text(encoding="utf-8")
    cut = text.replace(text.split("\n\n")[3] + "\n\n", "", 1)
    before = {f.span.quote: f.id for f in build_sheet(load_document(path)).facts}
    after = {
        f.span.quote: f.id
        for f in build_sheet(parse_document(cut.encode(), doc_id="x", path="x")).facts
    }
    assert before == after


def test_the_same_quote_twice_gets_two_stable_ids() -> None:
    text = "Washington gave about $20 million. Later it gave about $20 million again."
    ids = [f.id for f in extract_text(text).facts]
    assert len(ids) == 2 and ids[0] != ids[1]
    assert ids == [f.id for f in extract_text("Intro.\n\n" + text).facts]
