"""HTML input: the visible text once, cells apart, boilerplate dropped, metadata from the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractor import extract
from extractor.documents import parse_document
from extractor.html import read_html

PAGE = (Path(__file__).parent / "data" / "article.html").read_text(encoding="utf-8")


def test_headline_once_and_no_boilerplate() -> None:
    text = read_html(PAGE).text
    assert text.count("Australia pledges A$100 million to Ukraine") == 1  # not <title> + <h1>
    for boilerplate in ("Home", "24 stories", "The Daily", "120 staff", "Subscribe", "9 million"):
        assert boilerplate not in text, boilerplate
    assert text.startswith("Australia pledges A$100 million to Ukraine\n\n")


def test_entities_decoded_once_and_cells_apart() -> None:
    text = read_html(PAGE).text
    assert "the 5th package & the largest" in text and "3<4 percent" in text
    assert "The text &lt; stays escaped once." in text  # &amp;lt; is the text "&lt;"
    assert "Year | Aid\n2022 | 285\n2023 | 110\n" in text
    assert "2022285" not in text


def test_metadata_from_the_page() -> None:
    doc = parse_document(PAGE.encode(), doc_id="a", path="a.html")
    assert doc.title == "Australia pledges A$100 million to Ukraine"
    assert doc.published == date(2024, 7, 14)
    assert doc.byline == "Jane Smith"


def test_figures_in_a_table_are_not_merged_and_footer_figures_are_not_facts() -> None:
    sheet = extract(PAGE, html=True, path="a.html", source_id="a")
    quotes = [f.span.quote for f in sheet.facts]
    assert "A$100 million" in " ".join(quotes)
    assert not any("2022285" in q or "$5" in q or "120 staff" in q for q in quotes)
    text = read_html(PAGE).text
    for f in sheet.facts:
        assert text[f.span.start : f.span.end] == f.span.quote  # offsets into the visible text


def test_structure_edge_cases() -> None:
    page = read_html(
        "<p>a<b>b</b>  c<br>d</p><div hidden>hidden</div><div aria-hidden='true'>x</div>"
        "<article><header><h1>Head</h1></header><p>body</p></article>"
        "<header>banner</header><p>unclosed<p>next</span></div>"
        "<table><tr><td>1</td><td>2</td></tr></table><pre>line one\nline two</pre>"
    )
    assert page.text == (
        "ab c\nd\n\nHead\n\nbody\n\nunclosed\n\nnext\n\n1 | 2\n\nline one\nline two\n"
    )
    assert page.title == "Head"


def test_title_without_h1_drops_the_site_name_and_bad_metas_are_ignored() -> None:
    page = read_html(
        "<head><title>Aid for Kyiv - The Site</title>"
        "<meta name='date' content='2024-02-30'><meta name='author' "
        "content='https://example.org/jane'></head><body><p>x</p></body>"
    )
    assert (page.title, page.published, page.byline) == ("Aid for Kyiv", None, None)
