"""Series and conflicts across documents: the logic on hand-built sheets, then the corpus of
the seeds and the development passages (scripts/build_corpus.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from extractor import extract_file
from extractor.chart import render_html, render_svg
from extractor.cli import cli
from extractor.model import FactSheet
from extractor.safety import safe_name
from extractor.series import build_series, find_conflicts
from extractor.series_report import conflicts_json, conflicts_markdown, conflicts_text
from extractor.yamlio import dump_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_corpus  # noqa: E402


def fact(n: int, family: str, value: Any, unit: str, **extra: Any) -> dict[str, Any]:
    quantity: dict[str, Any] = {"unit": unit, "qualifier": extra.pop("qualifier", "exact")}
    if isinstance(value, tuple):
        quantity.update(min=value[0], max=value[1])
    else:
        quantity["value"] = value
    quote = extra.pop("quote", f"quote {n}")
    return {
        "id": f"{family}-{n:08x}",
        "family": family,
        "claim": f"claim {n}",
        "quantity": quantity,
        **extra,
        "span": {"start": n * 10, "end": n * 10 + len(quote), "line": 1, "quote": quote},
        "rule": f"{family}.test",
    }


def sheet(doc: str, *facts: dict[str, Any], published: str | None = None) -> FactSheet:
    source: dict[str, Any] = {"id": doc, "path": f"seeds/{doc}.txt", "sha256": "0" * 64}
    source["title"] = f"Title of {doc}"
    if published:
        source["published"] = published
    return FactSheet.model_validate({"schema_version": 1, "source": source, "facts": list(facts)})


ALLIES = {"subject": "NATO", "measure": "allies meeting the 2% of GDP guideline"}


def test_a_series_orders_points_by_year_and_keeps_currencies_apart() -> None:
    sheets = [
        sheet("b", fact(1, "spending", 23, "ally", year=2024, **ALLIES)),
        sheet(
            "a",
            fact(2, "spending", 3, "country", year=2014, **ALLIES),  # another noun, same measure
            fact(3, "spending", 9, "ally", year=2021, **ALLIES),
        ),
        sheet(
            "c",
            fact(4, "aid", 250_000_000, "AUD", donor="AU", recipient="UA", scope="package"),
            fact(
                5,
                "aid",
                167_000_000,
                "USD",
                donor="AU",
                recipient="UA",
                scope="package",
                restates="aid-00000004",
            ),  # a conversion: not a point
            fact(6, "aid", 100_000_000, "USD", donor="AU", recipient="UA", scope="package"),
            fact(
                8,
                "aid",
                90_000_000,
                "USD",
                donor="AU",
                recipient="UA",
                scope="package",
                part_of="aid-00000006",
            ),  # a part of a total: not a point either
            published="2024-07-14",
        ),
        sheet(
            "d",
            fact(7, "aid", 80_000_000, "AUD", donor="AU", recipient="UA", scope="package"),
            published="2023-01-02",
        ),
    ]
    found = {s.name: s for s in build_series(sheets, min_points=1)}
    allies = found["spending · NATO · allies meeting the 2% of GDP guideline (count)"]
    assert [(p.year, p.fact.quantity.value) for p in allies.points] == [
        (2014, 3),
        (2021, 9),
        (2024, 23),
    ]
    aud = found["aid · AU · UA · package (AUD)"]
    assert [(p.when, p.fact.quantity.value) for p in aud.points] == [
        ("2023-01-02", 80_000_000),
        ("2024-07-14", 250_000_000),
    ]
    usd = found["aid · AU · UA · package (USD)"]
    assert [p.fact.id for p in usd.points] == ["aid-00000006"]  # no conversion, no part
    assert len(build_series(sheets)) == 2  # min_points=2 by default


def test_exercise_series_by_edition_and_casualties_by_event() -> None:
    sheets = [
        sheet("a", fact(1, "exercise", 12_700, "troop", event="Zapad-2017", year=2017)),
        sheet(
            "b",
            fact(2, "exercise", 200_000, "troop", event="Zapad-2021", year=2021),
            fact(3, "exercise", 80, "aircraft", event="Zapad-2021", year=2021),
        ),
    ]
    [zapad] = build_series(sheets)
    assert zapad.name == "exercise · Zapad (troop)"
    assert [p.year for p in zapad.points] == [2017, 2021]


def test_a_translated_edition_is_in_its_series() -> None:
    sheets = [
        sheet("a", fact(1, "exercise", 12_700, "troop", event="West-2017", year=2017)),
        sheet("b", fact(2, "exercise", 200_000, "troop", event="Zapad-2021", year=2021)),
    ]
    [zapad] = build_series(sheets)
    assert zapad.name == "exercise · Zapad (troop)"
    assert [p.year for p in zapad.points] == [2017, 2021]


def nanking(*statements: tuple[Any, str], harm: str = "killed") -> list[FactSheet]:
    return [
        sheet(
            f"doc{i}",
            fact(
                i, "casualties", value, "person", qualifier=q, event="Nanking Massacre", harm=harm
            ),
        )
        for i, (value, q) in enumerate(statements, start=1)
    ]


def verdicts(sheets: list[FactSheet]) -> list[str]:
    return [g.verdict for g in find_conflicts(build_series(sheets))]


def test_conflict_compatible_and_agreement() -> None:
    assert verdicts(nanking((200_000, "exact"), (300_000, "exact"))) == ["conflict"]
    assert verdicts(nanking(((200_000, 300_000), "exact"), (300_000, "approximate"))) == [
        "compatible"
    ]
    assert verdicts(nanking(((250_000, 300_000), "exact"), (260_000, "exact"))) == ["compatible"]
    assert verdicts(nanking((300_000, "more_than"), (340_000, "exact"))) == ["compatible"]
    assert verdicts(nanking((300_000, "more_than"), (200_000, "exact"))) == ["conflict"]
    assert verdicts(nanking((300_000, "approximate"), (300_000, "approximate"))) == []  # agree
    # different harms are different measures
    mixed = nanking((300_000, "exact")) + nanking((80_000, "exact"), harm="raped")
    assert verdicts(mixed) == []
    groups = find_conflicts(
        build_series(nanking((200_000, "exact"), (300_000, "exact"))), include_compatible=False
    )
    assert [len(g.points) for g in groups] == [2]


def test_a_conversion_or_another_currency_is_not_a_conflict() -> None:
    aid = {"donor": "AU", "recipient": "UA", "scope": "package", "year": 2023}
    sheets = [
        sheet(
            "a",
            fact(1, "aid", 110_000_000, "AUD", **aid),
            fact(2, "aid", 73_500_000, "USD", restates="aid-00000001", **aid),
        ),
        sheet(
            "b", fact(3, "aid", 110_000_000, "AUD", **aid), fact(4, "aid", 74_000_000, "USD", **aid)
        ),
    ]
    assert find_conflicts(build_series(sheets, min_points=1)) == []


def test_conflict_reports_never_sum() -> None:
    sheets = nanking((200_000, "exact"), (300_000, "exact"), ((100_000, 300_000), "exact"))
    groups = find_conflicts(build_series(sheets))
    data = json.loads(conflicts_json(groups))
    assert data["schema_version"] == 1
    numbers = {
        n for s in data["groups"][0]["statements"] for n in (s["value"], s["min"], s["max"]) if n
    }
    assert numbers == {200_000, 300_000, 100_000}  # each as stated, no total, no mean
    text = conflicts_text(groups)
    assert "CONFLICT casualties · Nanking Massacre · killed (person)" in text
    assert "600,000" not in text and "500,000" not in text
    md = conflicts_markdown(groups, pages="site")
    assert "| a | 200,000 people | quote 1 | Title of doc1 |" in md
    assert "| b | 300,000 people | quote 2 |" in md
    assert "| a | 100,000–300,000 people | quote 3 |" in md  # compatible with the first
    assert "(2 sets of figures that cannot all be true)" in text
    assert "(site/doc1.html#fact-casualties-00000001)" in md


def test_svg_points_link_to_facts_and_mark_qualifiers() -> None:
    sheets = nanking(
        ((200_000, 300_000), "exact"),
        (300_000, "approximate"),
        (80_000, "more_than"),
        (400_000, "at_most"),
        (250_000, "exact"),
    )
    for i, s in enumerate(sheets):  # give each a date so it is drawn
        data = s.to_data()
        data["source"]["published"] = f"20{10 + i}-01-01"
        sheets[i] = FactSheet.model_validate(data)
    [series] = build_series(sheets)
    svg = render_svg(series, pages="../site")
    links = re.findall(r'<a href="([^"]+)" data-fact="([^"]+)"><title>([^<]*)</title>', svg)
    assert len(links) == 5
    for href, fid, title in links:
        doc = next(s for s in sheets if s.facts[0].id == fid).source.id
        assert href == f"../site/{safe_name(doc)}.html#fact-{fid}"
        assert "quote" in title
    assert svg.count('class="range"') == 1 and 'class="approximate"' in svg
    assert 'class="more_than"' in svg and 'class="at_most"' in svg and 'class="exact"' in svg
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    page = render_html([series])
    assert page.count("<svg") == 1 and "Content-Security-Policy" in page


def write_sheets(folder: Path, sheets: list[FactSheet]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for s in sheets:
        (folder / f"{s.source.id}.yaml").write_text(dump_yaml(s.to_data()), encoding="utf-8")


def test_cli_series_and_conflicts(tmp_path: Path) -> None:
    write_sheets(tmp_path / "facts", nanking((200_000, "exact"), (300_000, "exact")))
    runner = CliRunner()
    facts = str(tmp_path / "facts")
    csv_out = runner.invoke(cli, ["series", facts])
    assert csv_out.exit_code == 0 and csv_out.output.count("\n") == 3
    js = json.loads(runner.invoke(cli, ["series", facts, "--format", "json"]).output)
    assert [len(s["points"]) for s in js["series"]] == [2]
    svg = runner.invoke(cli, ["series", facts, "--format", "svg"])
    assert svg.exit_code == 0 and svg.output.startswith("<?xml")
    out = tmp_path / "charts"
    assert runner.invoke(cli, ["series", facts, "--format", "svg", "-o", str(out)]).exit_code == 0
    assert [p.suffix for p in out.iterdir()] == [".svg"]
    none = runner.invoke(cli, ["series", facts, "--format", "svg", "--match", "Zapad"])
    assert none.exit_code == 2 and none.output.startswith("factsheet: error: 0 series")
    text = runner.invoke(cli, ["conflicts", facts, "--exit-code"])
    assert text.exit_code == 1 and text.output.startswith("CONFLICT ")
    md = runner.invoke(cli, ["conflicts", facts, "--format", "markdown"])
    assert md.exit_code == 0 and "#### conflict:" in md.output


# ---- the corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[FactSheet]]:
    """The corpus extracted with the API, the sheets written under facts/ as extract would."""
    top = tmp_path_factory.mktemp("corpus")
    written = build_corpus.build(top / "corpus")
    cwd = os.getcwd()
    os.chdir(top)
    try:
        sheets = [extract_file(p.relative_to(top)) for p in written]
    finally:
        os.chdir(cwd)
    for s in sheets:
        target = top / "facts" / f"{s.source.id}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(s.to_data()), encoding="utf-8")
    return top, sheets


@pytest.fixture(scope="module")
def site(corpus: tuple[Path, list[FactSheet]]) -> Path:
    """The corpus's review pages (factsheet render), once for the module."""
    top, _ = corpus
    cwd = os.getcwd()
    os.chdir(top)
    try:
        result = CliRunner().invoke(cli, ["render", "facts", "-o", "site"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return top / "site"


def gold_years_of_allies_meeting_the_guideline() -> set[int]:
    years = set()
    for name in ("seeds.yaml", "passages.yaml"):
        text = (ROOT / "tests" / "gold" / name).read_text()
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        cases = data["documents"] if isinstance(data, dict) else data
        for case in cases:
            for f in case.get("facts", []):
                if f.get("family") == "spending" and f.get("unit") == "ally" and f.get("year"):
                    years.add(int(f["year"]))
    return years


def test_corpus_is_the_seeds_and_one_document_per_passage(tmp_path: Path) -> None:
    written = build_corpus.build(tmp_path)
    passages = yaml.load(
        (ROOT / "tests" / "gold" / "passages.yaml").read_text(),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    assert len(written) == len(list((ROOT / "seeds").glob("*.txt"))) + len(passages)
    first = passages[0]
    assert (tmp_path / "passages" / f"{first['id']}.txt").read_text().rstrip("\n") == first[
        "text"
    ].rstrip("\n")
    before = {p: p.read_bytes() for p in written}
    assert build_corpus.build(tmp_path) == written  # the same on every run
    assert {p: p.read_bytes() for p in written} == before


def test_corpus_allies_series_has_a_point_per_stated_year(
    corpus: tuple[Path, list[FactSheet]],
) -> None:
    _, sheets = corpus
    allies = [s for s in build_series(sheets) if "allies meeting the 2%" in s.name]
    assert allies, [s.name for s in build_series(sheets)]
    years = {p.year for s in allies for p in s.points if p.year}
    expected = gold_years_of_allies_meeting_the_guideline()
    assert expected >= {2014, 2016, 2021, 2024}
    assert years >= expected


def test_corpus_nanking_estimates_are_side_by_side_never_summed(
    corpus: tuple[Path, list[FactSheet]],
) -> None:
    _, sheets = corpus
    stated = {f.id: f.quantity for s in sheets for f in s.facts if f.event == "Nanking Massacre"}
    groups = [g for g in find_conflicts(build_series(sheets)) if "Nanking" in g.series.name]
    assert groups and all(g.verdict in ("conflict", "compatible") for g in groups)
    for g in groups:
        assert len({p.document for p in g.points}) >= 2
        for p in g.points:  # every figure is one the documents state, as stated
            assert p.fact.quantity == stated[p.fact.id]
    total = sum(q.value or 0 for q in stated.values())
    assert str(int(total)) not in conflicts_json(groups)


def test_corpus_every_chart_point_links_to_a_rendered_fact(
    corpus: tuple[Path, list[FactSheet]], site: Path
) -> None:
    _, sheets = corpus
    page = render_html(build_series(sheets))
    (site / "series.html").write_text(page)
    links = re.findall(r'<a href="([^"#]+)#fact-([^"]+)" data-fact', page)
    assert len(links) > 20
    ids = {f.id for s in sheets for f in s.facts}
    for name, fid in links:
        assert fid in ids
        assert f'id="fact-{fid}"' in (site / name).read_text(), (name, fid)


def test_browser_opens_the_svg_and_a_point_leads_to_its_mark(
    corpus: tuple[Path, list[FactSheet]], site: Path
) -> None:
    from test_render import ARGS, _chromium_or_fail

    chromium = _chromium_or_fail()
    from playwright.sync_api import sync_playwright

    _, sheets = corpus
    [allies] = [s for s in build_series(sheets) if "allies meeting the 2%" in s.name][:1]
    svg = site / "allies.svg"
    svg.write_text(render_svg(allies))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        view = browser.new_page(viewport={"width": 720, "height": 360})
        view.goto(svg.as_uri())
        points = view.locator("a[data-fact]")
        assert points.count() == sum(1 for x in allies.points if x.x is not None)
        box = points.first.bounding_box()
        assert box is not None and 0 < box["x"] < 720 and 0 < box["y"] < 360
        shots = os.environ.get("FACTSHEET_SCREENSHOT_DIR")
        if shots:
            view.screenshot(path=f"{shots}/series-allies.png")
            shutil.copy(svg, f"{shots}/series-allies.svg")
        fid = points.first.get_attribute("data-fact")
        points.first.click()
        view.wait_for_load_state()
        assert view.url.endswith(f"#fact-{fid}")
        assert view.locator(f"#fact-{fid}").is_visible()
        browser.close()


def test_published_dates_order_undated_figures() -> None:
    s = sheet("x", fact(1, "aid", 5, "AUD", donor="AU", recipient="UA"), published="2022-03-01")
    [point] = build_series([s], min_points=1)[0].points
    assert point.x == date(2022, 3, 1) and point.when == "2022-03-01"


def test_svg_and_reports_escape_what_sheets_say() -> None:
    evil = '<script>alert(1)</script> ]]> "&'
    sheets = [
        sheet(f"d{i}", fact(i, "casualties", v, "person", event=evil, harm="killed", quote=evil))
        for i, v in ((1, 100), (2, -50))  # a negative figure too
    ]
    [series] = build_series(sheets)
    svg = render_svg(series)
    assert "<script" not in svg and "&lt;script&gt;" in svg
    page = render_html([series])
    assert "<script" not in page
    md = conflicts_markdown(find_conflicts([series]))
    assert "<script" not in md and "&lt;script&gt;" in md
    undated = render_svg(series)  # no dates: nothing drawn, the table lists them
    assert "2 without a date" in undated and "<a href" not in undated
