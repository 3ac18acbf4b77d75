"""`check --format github` (issue 13): each annotation on the line of the file that changed.

A changed source is annotated on the source, at the line where it differs; a missing sheet on
its source; a problem inside a sheet on the sheet's line; never more than 10 `::error` lines;
the same annotations with --jobs 2 as with --jobs 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke

from extractor.check import MAX_ANNOTATIONS, CheckResult, first_difference, render_github
from extractor.validate import Finding

SOURCE = """\
Aid for the front

By Ann Reporter
3 March 2024

Britain sent 14 tanks to Ukraine last week, officials said.

Canada said it would give $5 million to the reconstruction fund.

Officials said 3,000 troops would follow in the spring.

Germany pledged 40 howitzers to Ukraine on Monday.
"""
MIDDLE = 8  # the line of "$5 million"


def error_lines(out: str) -> list[dict[str, str]]:
    """Every `::error` line as its properties (unescaped) and its message."""
    found = []
    for line in out.splitlines():
        if not line.startswith("::error "):
            continue
        props, _, message = line.removeprefix("::error ").partition("::")
        parsed = dict(prop.split("=", 1) for prop in props.split(","))
        parsed = {k: v.replace("%3A", ":").replace("%2C", ",") for k, v in parsed.items()}
        found.append({**parsed, "message": message})
    return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sources/a.txt .. c.txt and their sheets in facts/, extracted by the CLI; cwd there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "sources" / f"{name}.txt").write_text(SOURCE, encoding="utf-8")
    assert invoke("extract", "sources", "-o", "facts").code == 0
    assert invoke("check", "--sources", "sources", "--no-cache").code == 0
    return tmp_path


def github(*extra: str) -> list[dict[str, str]]:
    ran = invoke("check", "--sources", "sources", "--format", "github", "--no-cache", *extra)
    assert ran.code == 1
    return error_lines(ran.out)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_middle_line_is_annotated_on_the_source_at_that_line(project: Path) -> None:
    edit(project / "sources" / "b.txt", "$5 million", "$7 million")
    found = github()
    assert found, "no annotation"
    assert all(a["file"] == "sources/b.txt" for a in found), found
    assert all(Path(a["file"]).is_file() for a in found)
    hashed = next(a for a in found if "source hash differs" in a["message"])
    assert hashed["line"] == str(MIDDLE)  # not line 5 of the sheet, where the hash is
    assert hashed["title"] == "factsheet check facts/b.yaml:5 $.source.sha256"
    changed = next(a for a in found if a["message"].startswith("changed:"))
    assert changed["line"] == str(MIDDLE)
    sheet_line = (project / "facts" / "b.yaml").read_text().splitlines()
    quoted = int(changed["title"].split()[2].split(":")[1])  # the sheet's line, in the title
    assert sheet_line[quoted - 1].startswith("- id: ")


def test_the_difference_inside_a_line_is_found_where_the_quote_parts(project: Path) -> None:
    # the last figure, with its line made longer before it: the line is still the one changed
    edit(project / "sources" / "a.txt", "Germany pledged 40", "Germany and France pledged 42")
    found = github()
    hashed = next(a for a in found if "source hash differs" in a["message"])
    assert (hashed["file"], hashed["line"]) == ("sources/a.txt", "12")


def test_text_added_at_the_top_is_annotated_at_line_1_and_moves_come_last(
    project: Path,
) -> None:
    path = project / "sources" / "c.txt"
    path.write_text("An editor's note.\n\n" + path.read_text(), encoding="utf-8")
    edit(path, "$5 million", "$6 million")
    found = github()
    assert [a["file"] for a in found] == ["sources/c.txt"] * len(found)
    assert "source hash differs" in found[0]["message"] and found[0]["line"] == "1"
    assert found[1]["message"].startswith("changed:") and found[1]["line"] == str(MIDDLE + 2)
    moved = [a for a in found if a["message"].startswith("moved:")]
    assert moved and found[-len(moved) :] == moved  # annotated after what changed
    assert {a["line"] for a in moved} == {"8", "12", "14"}  # where the facts are now


def test_an_out_of_date_sheet_is_annotated_at_the_fact_in_the_source(project: Path) -> None:
    edit(project / "facts" / "a.yaml", "value: 3000\n", "value: 3001\n")
    found = github()
    assert [(a["file"], a["line"]) for a in found] == [("sources/a.txt", "10")] * 2
    assert found[0]["message"].startswith("out of date")
    assert "quantity.value: 3001 -> 3000" in found[1]["message"]


def test_a_missing_sheet_is_annotated_on_its_source(project: Path) -> None:
    (project / "facts" / "b.yaml").unlink()
    found = github()
    assert len(found) == 1
    assert (found[0]["file"], found[0]["line"]) == ("sources/b.txt", "1")
    assert Path(found[0]["file"]).is_file()
    assert "no sheet for source sources/b.txt" in found[0]["message"]


def test_a_missing_folder_is_annotated_on_no_file(project: Path) -> None:
    ran = invoke("check", "--sources", "nowhere", "--format", "github")
    assert ran.code == 2
    first = ran.out.splitlines()[0]
    assert first.startswith("::error title=factsheet check nowhere $::sources folder not found")
    assert "file=" not in first


def test_problems_inside_a_sheet_keep_the_sheet_line(project: Path) -> None:
    sheet = project / "facts" / "a.yaml"
    edit(sheet, "quote: 3,000 troops", "quote: 3,000 soldiers")
    edit(project / "facts" / "c.yaml", "qualifier: exact", "qualifier: roughly")
    found = github()
    quote = next(a for a in found if "!= source text" in a["message"])
    lines = sheet.read_text().splitlines()
    assert quote["file"] == "facts/a.yaml"
    assert lines[int(quote["line"]) - 1].strip() == "quote: 3,000 soldiers"
    assert quote["title"] == "factsheet check $.facts[2].span.quote"
    schema = next(a for a in found if a["file"] == "facts/c.yaml")
    c_lines = (project / "facts" / "c.yaml").read_text().splitlines()
    assert c_lines[int(schema["line"]) - 1].strip() == "qualifier: roughly"


def test_at_most_ten_error_lines_and_the_rest_in_a_notice(project: Path) -> None:
    for i in range(9):
        (project / "sources" / f"z{i}.txt").write_text(SOURCE, encoding="utf-8")
    edit(project / "sources" / "a.txt", "$5 million", "$7 million")
    ran = invoke("check", "--sources", "sources", "--format", "github", "--no-cache")
    lines = ran.out.splitlines()
    errors = [ln for ln in lines if ln.startswith("::error")]
    assert len(errors) == MAX_ANNOTATIONS
    total = 2 + 9  # the hash and the changed fact in a.txt, nine missing sheets
    assert lines[MAX_ANNOTATIONS] == (
        f"::notice::{total - MAX_ANNOTATIONS} more problem(s) not shown as annotations; "
        "run factsheet check"
    )
    assert lines[-1] == f"factsheet check: {total} problem(s) in 3 sheet(s)"
    assert all(Path(a["file"]).is_file() for a in error_lines(ran.out))


def test_jobs_2_gives_the_annotations_of_jobs_1(project: Path) -> None:
    edit(project / "sources" / "a.txt", "$5 million", "$7 million")
    edit(project / "sources" / "b.txt", "3,000 troops", "4,000 troops")
    (project / "facts" / "c.yaml").unlink()
    serial = invoke("check", "--sources", "sources", "--format", "github", "--no-cache", "-j", "1")
    pooled = invoke("check", "--sources", "sources", "--format", "github", "--no-cache", "-j", "2")
    assert serial.out == pooled.out
    places = {(a["file"], a.get("line")) for a in error_lines(pooled.out)}
    assert places == {("sources/a.txt", "8"), ("sources/b.txt", "10"), ("sources/c.txt", "1")}


def test_an_html_source_is_annotated_at_the_line_of_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    page = tmp_path / "sources" / "p.html"
    body = "".join(f"<p>{para}</p>\n" for para in SOURCE.split("\n\n")[2:])
    page.write_text(f"<html><head><title>Aid</title></head><body>\n{body}</body></html>\n")
    assert invoke("extract", "sources", "-o", "facts").code == 0
    edit(page, "$5 million", "$7 million")
    found = github()
    html_lines = page.read_text().splitlines()
    changed = next(a for a in found if a["message"].startswith("changed:"))
    assert changed["file"] == "sources/p.html"
    assert "$7 million" in html_lines[int(changed["line"]) - 1]
    hashed = next(a for a in found if "source hash differs" in a["message"])
    assert hashed["line"] == changed["line"]


def test_render_github_uses_the_place_and_names_the_sheet_in_the_title() -> None:
    finding = Finding("facts/a.yaml", 5, "$.source.sha256", "source hash differs")
    inside = Finding("facts/a.yaml", 9, "$.facts[0]", "not valid")
    result = CheckResult(findings=[finding, inside], places={finding: ("sources/a.txt", 8)})
    first, second = render_github(result).splitlines()[:2]
    assert first == (
        "::error file=sources/a.txt,line=8,"
        "title=factsheet check facts/a.yaml%3A5 $.source.sha256::source hash differs"
    )
    assert second == "::error file=facts/a.yaml,line=9,title=factsheet check $.facts[0]::not valid"


def fact(start: int, quote: str, line: int) -> dict[str, object]:
    return {"span": {"start": start, "end": start + len(quote), "line": line, "quote": quote}}


def test_first_difference_from_the_committed_quotes() -> None:
    old = "one 14 tanks\ntwo $5 million\nthree 40 guns\n"
    quotes = [("14 tanks", 1), ("$5 million", 2), ("40 guns", 3)]
    sheet = {"facts": [fact(old.index(quote), quote, line) for quote, line in quotes]}
    # every fact in place (text added at the end, or a same-length edit): after the last
    assert first_difference(sheet, old + "more\n") == len(old) - 1
    # a corrected figure: where the old quote and the text part
    assert first_difference(sheet, old.replace("$5", "$7")) == old.index("$5") + 1
    # a figure that is gone altogether: inside it too
    assert first_difference(sheet, old.replace("$5 million", "money")) == old.index("$5")
    # text added before every fact: from the start
    assert first_difference(sheet, "new\n" + old) == 0
    # text added after the first fact: after it
    added = old.replace("two", "and two")
    assert first_difference(sheet, added) == old.index("14 tanks") + len("14 tanks")
    # a line break instead of a space before the last fact: after the one before it
    broken = old.replace("three 40", "three\n40")
    assert first_difference(sheet, broken) == old.index("$5 million") + len("$5 million")
    assert first_difference({"facts": []}, old) is None
