"""The semantic diff on hand-built sheets: pairing a corrected figure as one change, the PR
comment (numbers in words, claim, fields, links to lines, summary), JSON with schema_version."""

from __future__ import annotations

import copy
import json
from typing import Any

from extractor.diff import DiffReport, diff_sheets, render_json, render_markdown, render_text

GITHUB = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "newsroom/facts",
    "GITHUB_SHA": "0123abc",
}


def fact(fid: str, start: int, quote: str, value: int, unit: str = "NZD", **extra: Any) -> Any:
    family = fid.split("-")[0]
    line = extra.pop("line", 3)
    return {
        "id": fid,
        "family": family,
        "claim": f"New Zealand commits {value} {unit}.",
        "quantity": {"value": value, "unit": unit, "qualifier": extra.pop("qualifier", "exact")},
        **extra,
        "span": {
            "start": start,
            "end": start + len(quote),
            "line": line,
            "quote": quote,
        },
        "rule": f"{family}.package",
    }


def sheet(*facts: Any, sha: str = "a" * 64, title: str = "T") -> Any:
    return {
        "schema_version": 1,
        "source": {"id": "doc", "path": "seeds/doc.txt", "sha256": sha, "title": title},
        "facts": list(facts),
    }


def test_corrected_figure_is_one_change_in_all_three_formats() -> None:
    old = sheet(fact("aid-00000001", 100, "$NZ16 million", 16_000_000, donor="NZ"))
    new = sheet(fact("aid-00000002", 100, "$NZ18 million", 18_000_000, donor="NZ"))
    report = DiffReport([diff_sheets(old, new, "doc.yaml", pair=True)])
    s = report.sheets[0]
    assert (s.added, s.removed, len(s.changed)) == ([], [], 1)
    change = s.changed[0]
    assert (change.id, change.new_id) == ("aid-00000001", "aid-00000002")  # ids unchanged
    assert [c.path for c in change.changes] == ["claim", "quantity.value", "span.quote"]
    text = render_text(report)
    assert '~ changed aid-00000001 -> aid-00000002 (aid) "$NZ18 million"' in text
    assert text.splitlines()[-1] == "1 changed in 1 sheet"
    md = render_markdown(report, env={})
    assert md.splitlines()[2] == "**1 changed in 1 sheet**"
    assert md.count("| changed |") == 1 and "| added |" not in md and "| removed |" not in md
    assert "NZ$16 million → NZ$18 million" in md
    assert "`quantity.value`: 16,000,000 → 18,000,000" in md
    assert "New Zealand commits 18000000 NZD." in md  # the claim
    data = json.loads(render_json(report))
    assert data["schema_version"] == 1 and data["summary"] == "1 changed in 1 sheet"
    assert data["counts"] == {"added": 0, "removed": 0, "changed": 1, "moved": 0}
    entry = data["sheets"][0]["changed"][0]
    assert (entry["id"], entry["new_id"]) == ("aid-00000001", "aid-00000002")


def test_pairing_follows_the_text_shift_and_needs_the_same_family_and_place() -> None:
    anchor = fact("other-0000000a", 10, "32 members", 32, unit="member")
    moved = copy.deepcopy(anchor)
    moved["span"].update(start=50, end=60, line=5)
    old = sheet(anchor, fact("aid-00000001", 100, "$16 million", 16_000_000))
    # the text before moved by 40 characters and 2 lines: old 100 is new 140
    new_fact = fact("aid-00000002", 141, "$18 million", 18_000_000, line=5)
    new = sheet(moved, new_fact)
    s = diff_sheets(old, new, "doc.yaml", pair=True)
    assert [c.new_id for c in s.changed] == ["aid-00000002"]
    # without the shift the spans are far apart, and far from each other too
    far = sheet(moved, fact("aid-00000002", 400, "$18 million", 18_000_000, line=9))
    s = diff_sheets(old, far, "doc.yaml", pair=True)
    assert (len(s.added), len(s.removed), s.changed) == (1, 1, [])
    # another family at the same place is not the same fact
    other = sheet(moved, fact("spending-00000002", 140, "$18 million", 18_000_000))
    s = diff_sheets(old, other, "doc.yaml", pair=True)
    assert (len(s.added), len(s.removed), s.changed) == (1, 1, [])
    # pairing is off unless asked for (check does its own)
    s = diff_sheets(old, new, "doc.yaml")
    assert (len(s.added), len(s.removed)) == (1, 1)


def test_same_line_pairs_only_when_unambiguous() -> None:
    one_old = fact("aid-00000001", 100, "$16 million", 16_000_000)
    one_new = fact("aid-00000002", 130, "about $18 million", 18_000_000, qualifier="approximate")
    s = diff_sheets(sheet(one_old), sheet(one_new), "d", pair=True)
    assert [c.new_id for c in s.changed] == ["aid-00000002"]
    assert any(c.path == "quantity.qualifier" for c in s.changed[0].changes)
    two_old = [one_old, fact("aid-00000003", 200, "$5 million", 5_000_000)]
    two_new = [one_new, fact("aid-00000004", 260, "$6 million", 6_000_000)]
    s = diff_sheets(sheet(*two_old), sheet(*two_new), "d", pair=True)
    assert s.changed == [] and len(s.added) == 2 and len(s.removed) == 2


def test_pr_comment_links_lines_lists_fields_and_source_changes() -> None:
    old = sheet(
        fact("aid-00000001", 100, "$NZ16 million", 16_000_000, donor="NZ", recipient="UA"),
        sha="a" * 64,
        title="Old headline",
    )
    new = sheet(
        fact("aid-00000002", 100, "$NZ18 million", 18_000_000, donor="AU", recipient="UA"),
        fact("casualties-00000003", 300, "1,200", 1200, unit="soldier", event="Battle"),
        sha="b" * 64,
        title="New headline",
    )
    report = DiffReport([diff_sheets(old, new, "doc.yaml", pair=True)])
    md = render_markdown(report, env=GITHUB)
    assert md.splitlines()[2] == "**1 changed, 1 added in 1 sheet**"
    assert "`donor`: NZ → AU" in md  # the attribution field that changed
    assert "| 1,200 soldiers |" in md and "event: Battle" in md
    assert "[line 3](https://github.com/newsroom/facts/blob/0123abc/seeds/doc.txt#L3)" in md
    assert "sha256 `aaaaaaaaaaaa…` → `bbbbbbbbbbbb…`" in md
    assert "title Old headline → New headline" in md
    assert "](" not in render_markdown(report, env={})  # no link without the variables


def test_pr_comment_cells_cannot_inject_markup() -> None:
    evil = fact("aid-00000001", 1, "x", 1)
    evil["claim"] = "a | b <img src=x onerror=alert(1)>\nnext"
    md = render_markdown(DiffReport([diff_sheets(sheet(), sheet(evil), "d", pair=True)]), env={})
    row = next(line for line in md.splitlines() if line.startswith("| added"))
    assert "a \\| b &lt;img src=x onerror=alert(1)&gt; next" in row
    assert "<img" not in md


def test_moves_fold_away_and_empty_diff_says_so() -> None:
    a = fact("aid-00000001", 100, "$16 million", 16_000_000)
    b = copy.deepcopy(a)
    b["span"].update(start=120, end=131, line=5)
    md = render_markdown(DiffReport([diff_sheets(sheet(a), sheet(b), "d", pair=True)]), env={})
    assert "<details><summary>1 moved" in md and "line 3 → 5" in md
    same = DiffReport([diff_sheets(sheet(a), sheet(a), "d", pair=True)])
    assert render_text(same).strip() == "no differences"
    assert "No differences" in render_markdown(same, env={})


def test_github_annotations_cap_counts_every_error_line() -> None:
    from extractor.check import MAX_ANNOTATIONS, CheckResult, render_github
    from extractor.validate import Finding

    result = CheckResult(findings=[Finding("f.yaml", i + 1, "$", f"p{i}") for i in range(14)])
    lines = render_github(result).splitlines()
    assert sum(1 for ln in lines if ln.startswith("::error")) == MAX_ANNOTATIONS
    assert lines[MAX_ANNOTATIONS].startswith("::notice::4 more problem(s)")
    assert json_of_check(result)["schema_version"] == 1


def json_of_check(result: Any) -> Any:
    from extractor.check import render_json as check_json

    return json.loads(check_json(result))


def test_docs_workflows_comment_once_and_the_fork_variant_runs_no_pr_code() -> None:
    import re
    from pathlib import Path

    import yaml

    from extractor.diff import COMMENT_MARKER

    text = (Path(__file__).resolve().parent.parent / "docs" / "ci.md").read_text()
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    workflows = [b for b in blocks if isinstance(b, dict) and "jobs" in b]
    assert len(workflows) == 3
    commenting = [
        step
        for w in workflows
        for job in w["jobs"].values()
        for step in job["steps"]
        if "gh pr comment" in step.get("run", "")
    ]
    assert len(commenting) == 2
    for step in commenting:  # find the earlier comment by the marker and edit it
        assert COMMENT_MARKER in step["run"] and "-X PATCH" in step["run"]
    trusted = workflows[2]
    assert "workflow_run" in trusted[True]  # YAML 1.1 reads the key `on` as True
    steps = trusted["jobs"]["comment"]["steps"]
    assert not any("checkout" in s.get("uses", "") for s in steps)
    assert "pull_request_target" not in text.replace("switch to `pull_request_target`", "")
    md = render_markdown(DiffReport(), env={})
    assert md.rstrip().endswith(COMMENT_MARKER)


def test_quantities_in_words() -> None:
    from extractor.humanize import quantity

    assert quantity({"value": 18_000_000, "unit": "NZD", "qualifier": "nearly"}) == (
        "nearly NZ$18 million"
    )
    assert quantity({"value": 1200, "unit": "troop"}) == "1,200 troops"
    assert quantity({"value": 9, "unit": "ally"}) == "9 allies"
    assert quantity({"value": 1, "unit": "ally"}) == "1 ally"
    assert quantity({"min": 40_000, "max": 90_000, "unit": "person"}) == "40,000–90,000 people"
    assert quantity({"value": 2, "unit": "percent", "of": "GDP", "qualifier": "more_than"}) == (
        "more than 2% of GDP"
    )
    assert quantity({"value": 1.3e9, "unit": "AUD"}) == "A$1.3 billion"
    assert quantity({"value": 5e6, "unit": "CNY"}) == "CNY 5 million"
    assert quantity({"value": 15, "unit": "aircraft"}) == "15 aircraft"
