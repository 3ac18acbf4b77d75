"""Document metadata in other styles: date labels and site banners before the headline."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.documents import parse_document


@pytest.mark.parametrize(
    ("head", "title", "published"),
    [
        ("date 2024-07-11 NATO allies agree new spending goal", "NATO allies agree new "
         "spending goal", date(2024, 7, 11)),
        ("Published: 3 March 2024 | Sweden joins the alliance", "Sweden joins the alliance",
         date(2024, 3, 3)),
        ("Posted on July 11, 2024 - Canada pledges more aid", "Canada pledges more aid",
         date(2024, 7, 11)),
        ("Updated 11.07.2024 Japan raises its defence budget", "Japan raises its defence budget",
         date(2024, 7, 11)),
    ],
)
def test_a_date_label_is_not_part_of_the_title(head: str, title: str, published: date) -> None:
    doc = parse_document(f"{head}\n\nBody text.\n".encode(), doc_id="x", path="x.txt")
    assert doc.title == title
    assert doc.published == published


@pytest.mark.parametrize("banner", ["abc.net.au - News", "Kyiv-Independent.com | Home"])
def test_a_site_banner_is_not_the_title(banner: str) -> None:
    doc = parse_document(
        f"{banner}\nPoland buys 96 Apache helicopters\n\nBody.\n".encode(), doc_id="x", path="x.txt"
    )
    assert doc.title == "Poland buys 96 Apache helicopters"
