"""Reading documents: metadata of the seeds, encodings, bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractor.documents import DocumentError, find_date, load_document, parse_document

SEEDS = {
    "000_55791655ed5d24e6": (
        "NATO moves to formalise anti-China “partnership” with Indo-Pacific nations",
        date(2024, 7, 14),
        "John Braddock",
    ),
    "001_88c7197dd4cdd008": (
        "NATO chief says alliance, Indo-Pacific partners 'must work ever more closely together'",
        date(2024, 7, 11),
        None,
    ),
    "002_de20cb249d2e9cc2": (
        "US official: NATO summit will address resilience and cybersecurity with Indo-Pacific "
        "partners",
        date(2024, 7, 15),
        None,
    ),
    "004_f64f978efa8b5f8c": (
        "NATO and these four partners in the Indian Ocean",
        date(2023, 6, 16),
        None,
    ),
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_metadata(root: Path, stem: str) -> None:
    doc = load_document(root / "seeds" / f"{stem}.txt")
    assert (doc.title, doc.published, doc.byline) == SEEDS[stem]


def test_byline_with_by(root: Path) -> None:
    doc = load_document(root / "seeds" / "003_6600c0006b1ccdf0.txt")
    assert doc.byline == "M.K. Bhadrakumar"
    assert doc.published == date(2020, 9, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 July 2024", date(2024, 7, 14)),
        ("date 2024-07-11 NATO", date(2024, 7, 11)),
        ("Monday, July 15, 2024", date(2024, 7, 15)),
        ("16/06/2023", date(2023, 6, 16)),
        ("11-09-2020", date(2020, 9, 11)),
        ("September 11, 2020", date(2020, 9, 11)),
        ("Posted Sep 26, 2020", date(2020, 9, 26)),
        ("26.9.2020", date(2020, 9, 26)),
        ("12th of March 2022", date(2022, 3, 12)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    found = find_date(text)
    assert found is not None and found[0] == expected


def test_bom_is_not_counted_in_offsets() -> None:
    doc = parse_document("\ufeffTitle\n\nIt cost A$5m.".encode(), doc_id="x", path="x.txt")
    assert doc.text.startswith("Title")
    assert doc.title == "Title"


def test_html_is_read_as_its_visible_text() -> None:
    markup = (
        b"<html><head><style>p{}</style></head>"
        b"<body><h1>Aid</h1><p>It cost &pound;5m.</p></body></html>"
    )
    doc = parse_document(markup, doc_id="x", path="x.html")
    assert "£5m" in doc.text and "<p>" not in doc.text and "p{}" not in doc.text
    assert doc.title == "Aid"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_unreadable_input(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        parse_document(data, doc_id="x", path="x.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("text", "title", "published", "byline"),
    [
        (
            "Russia masses troops\n\nBy Jane Smith and Tom Jones, Reuters\n"
            "Published: 12 March 2024\n",
            "Russia masses troops",
            date(2024, 3, 12),
            "Jane Smith and Tom Jones",
        ),
        (
            "# Ukraine aid: what we know\n\n*By Sarah Lee | 3 April 2023*\n\nText.\n",
            "Ukraine aid: what we know",
            date(2023, 4, 3),
            "Sarah Lee",
        ),
        (
            "Defence budget rises\nUpdated March 12, 2024 at 10:30 am\n\nBy JOHN DOE\n\nText\n",
            "Defence budget rises",
            date(2024, 3, 12),
            "JOHN DOE",
        ),
    ],
)
def test_metadata_in_other_styles(text: str, title: str, published: date, byline: str) -> None:
    doc = parse_document(text.encode(), doc_id="x", path="x.md")
    assert (doc.title, doc.published, doc.byline) == (title, published, byline)


def test_html_title_drops_the_site_name() -> None:
    markup = b"<html><head><title>Site | Aid for Kyiv</title></head><body><p>x</p></body></html>"
    assert parse_document(markup, doc_id="x", path="x.html").title == "Aid for Kyiv"
