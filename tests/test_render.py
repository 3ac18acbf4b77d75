"""The review page: every fact marked, self-contained, and usable in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.model import FactSheet
from extractor.render import render_page
from extractor.yamlio import read_sheet_file

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = "000_55791655ed5d24e6"


def sheet(stem: str = SEED) -> FactSheet:
    return FactSheet.model_validate(read_sheet_file(ROOT / "facts" / f"{stem}.yaml")[0])


def test_every_fact_is_a_mark_and_the_page_is_self_contained() -> None:
    s = sheet()
    text = (ROOT / s.source.path).read_text(encoding="utf-8")
    page = render_page(s, text)
    for fact in s.facts:
        assert f'<mark id="fact-{fact.id}" class="fam-{fact.family}" tabindex="0"' in page
        assert f'<a href="#fact-{fact.id}">' in page
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # no network requests
    assert "@import" not in page and "url(" not in page


def test_render_cli_writes_pages_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run(
        [str(BIN / "factsheet"), "render", "facts", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"{p.stem}.html" for p in (ROOT / "facts").glob("*.yaml")] + ["index.html"]
    )


def test_render_refuses_a_changed_source(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    (tmp_path / "seeds" / f"{SEED}.txt").write_text("changed\n")
    result = subprocess.run(
        [str(BIN / "factsheet"), "render", f"facts/{SEED}.yaml", "-o", "page.html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "changed since" in result.stderr and result.stderr.count("\n") == 1


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")
def test_browser_marks_visible_and_rows_scroll_to_marks(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "site"
    subprocess.run(
        [str(BIN / "factsheet"), "render", "facts", "-o", str(out)], cwd=ROOT, check=True
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        for path in sorted((ROOT / "facts").glob("*.yaml")):
            s = sheet(path.stem)
            page.goto((out / f"{path.stem}.html").as_uri())
            for fact in s.facts:
                mark = page.locator(f"#fact-{fact.id}")
                assert mark.count() == 1 and mark.is_visible(), fact.id
        assert all(u.startswith("file://") for u in requests), requests

        s = sheet()
        page.goto((out / f"{SEED}.html").as_uri())
        last = s.facts[-1]
        mark = page.locator(f"#fact-{last.id}")

        def in_view() -> bool:
            box = mark.bounding_box()
            return box is not None and 0 <= box["y"] < 1000

        assert not in_view()
        page.click(f'tr[data-fact="{last.id}"] a')
        page.wait_for_timeout(200)
        assert in_view()
        # focus shows the tooltip with value, unit and claim
        first = s.facts[0]
        page.focus(f"#fact-{first.id}")
        tip = page.locator(f"#tip-{first.id}")
        assert tip.is_visible() and first.claim in tip.inner_text()
        # the family filter hides other families' rows
        page.click('label[for="f-aid"]')
        rows = page.locator("tr.fact")
        visible = [
            rows.nth(i).get_attribute("data-fact")
            for i in range(rows.count())
            if rows.nth(i).is_visible()
        ]
        assert visible == [f.id for f in s.facts if f.family == "aid"]
        page.click('label[for="f-all"]')
        shot = os.environ.get("FACTSHEET_SCREENSHOT") or str(tmp_path / "render-000.png")
        page.goto((out / f"{SEED}.html").as_uri())
        page.hover(f"#fact-{s.facts[9].id}")
        page.screenshot(path=shot)
        assert Path(shot).stat().st_size > 10_000
        browser.close()


def _chromium_or_fail() -> str:
    """Chromium, or a skip on a developer machine without it; in CI (CI=true) a failure."""
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("chromium is required in CI (make test installs it)")
        pytest.skip("chromium is not installed (make test installs it)")
    return CHROMIUM


def test_page_has_attribution_columns_citations_and_no_scripts() -> None:
    s = sheet()
    page = render_page(s, (ROOT / s.source.path).read_text(encoding="utf-8"), index_href="i.html")
    head = page[page.index("<thead>") : page.index("</thead>")]
    for column in (
        "line",
        "quote",
        "value",
        "donor",
        "recipient",
        "subject",
        "event",
        "year",
        "scope",
        "claim",
    ):
        assert f">{column}</th>" in head, column
    assert '<a href="i.html">← All documents</a>' in page
    fact = next(f for f in s.facts if f.donor)
    row = page[page.index(f'<tr class="fact fam-{fact.family}" data-fact="{fact.id}"') :]
    row = row[: row.index("</tr>")]
    assert f'<td class="num">{fact.span.line}</td>' in row and f">{fact.donor}</td>" in row
    assert "copy as citation" in row and s.source.title is not None
    assert s.source.title.split()[0] in row and f"line {fact.span.line}" in row
    assert "Content-Security-Policy" in page and "script-src" not in page


def test_index_counts_families_and_allows_only_its_own_script(tmp_path: Path) -> None:
    import base64
    import hashlib

    from extractor.index_page import SCRIPT, render_index

    pages = [(f"{p.stem}.html", sheet(p.stem)) for p in sorted((ROOT / "facts").glob("*.yaml"))]
    index = render_index(pages)
    assert index.count("<script") == 1 and f"<script>{SCRIPT}</script>" in index
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in index
    s = sheet("003_6600c0006b1ccdf0")
    counts = [
        sum(1 for f in s.facts if f.family == fam) or ""
        for fam in ("aid", "spending", "exercise", "casualties", "other")
    ]
    cells = "".join(f'<td class="num">{c}</td>' for c in counts)
    assert f'<td class="num">{len(s.facts)}</td>{cells}</tr>' in index
    assert index.count('<tr class="fact ') == sum(len(x.facts) for _, x in pages)


def test_browser_page_and_index_at_1280(tmp_path: Path) -> None:
    chromium = _chromium_or_fail()
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "site"
    subprocess.run(
        [str(BIN / "factsheet"), "render", "facts", "-o", str(out)], cwd=ROOT, check=True
    )
    shots = os.environ.get("FACTSHEET_SCREENSHOT_DIR")
    clipped = """() => [...document.querySelectorAll('th, td')].filter(
        c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1).length"""
    wide = "() => document.documentElement.scrollWidth > window.innerWidth"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in sorted((ROOT / "facts").glob("*.yaml")):
            page.goto((out / f"{path.stem}.html").as_uri())
            assert page.evaluate(clipped) == 0 and not page.evaluate(wide), path.stem
            table = page.locator("aside table").bounding_box()
            assert table is not None and table["x"] + table["width"] <= 1280
        page.goto((out / "003_6600c0006b1ccdf0.html").as_uri())
        cite = page.locator("details.cite").first
        cite.locator("summary").click()
        assert "003_6600c0006b1ccdf0.txt, line" in cite.locator(".text").inner_text()
        if shots:
            page.screenshot(path=f"{shots}/render-page.png")
        page.click("text=← All documents")
        assert page.url.endswith("/index.html")
        # with JavaScript: the search box filters documents and facts
        assert page.evaluate(clipped) == 0 and not page.evaluate(wide)
        page.fill("#q", "nanking")
        facts = page.locator("#facts tr.fact")
        shown = [facts.nth(i) for i in range(facts.count()) if facts.nth(i).is_visible()]
        assert shown and all("nanking" in r.inner_text().lower() for r in shown)
        docs = page.locator("#documents tr.doc")
        visible_docs = [i for i in range(docs.count()) if docs.nth(i).is_visible()]
        assert len(visible_docs) == 1
        assert "match" in page.locator("#shown").inner_text()
        page.goto((out / "index.html").as_uri() + "?q=NATO")
        assert page.input_value("#q") == "NATO"
        page.goto((out / "index.html").as_uri())
        if shots:
            page.screenshot(path=f"{shots}/render-index.png")
        # without JavaScript: a plain page listing everything; the family filter still works
        plain = browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 900}
        )
        quiet = plain.new_page()
        quiet.goto((out / "index.html").as_uri())
        assert not quiet.locator("#q").is_visible()
        rows = quiet.locator("#facts tr.fact")
        total = sum(len(sheet(p.stem).facts) for p in (ROOT / "facts").glob("*.yaml"))
        assert rows.count() == total and rows.first.is_visible()
        quiet.click('label[for="f-aid"]')
        visible = [i for i in range(rows.count()) if rows.nth(i).is_visible()]
        assert 0 < len(visible) < total
        browser.close()
