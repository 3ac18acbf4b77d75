"""Trees (issue 12): extract mirrors sub-folders, clashes are errors naming both, and check,
diff, export and validate read nested trees with the same discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke

DOCS = {
    "2024/05/report.txt": "Britain will send 14 Challenger 2 tanks to Ukraine.\n",
    "2024/06/report.txt": "Some 12,000 troops took part in the exercise.\n",
    "2024/06/notes.md": "Germany pledged EUR 500 million in military aid to Ukraine.\n",
    "top.txt": "Australia commits nearly A$250 million to Ukraine.\n",
}


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in DOCS.items():
        path = tmp_path / "archive" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sheets(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml"))


def test_extract_mirrors_the_tree_and_ids_are_paths_below_the_folder(archive: Path) -> None:
    ran = invoke("extract", "archive", "-o", "facts")
    assert ran.code == 0, ran.err
    assert sheets(archive / "facts") == [
        "2024/05/report.yaml",
        "2024/06/notes.yaml",
        "2024/06/report.yaml",
        "top.yaml",
    ]
    sheet = (archive / "facts" / "2024" / "05" / "report.yaml").read_text()
    assert "  id: 2024/05/report\n  path: archive/2024/05/report.txt\n" in sheet
    assert "  id: top\n" in (archive / "facts" / "top.yaml").read_text()
    assert invoke("check", "--sources", "archive", "--facts", "facts").code == 0
    assert invoke("validate", "facts").code == 0


def test_two_inputs_for_one_sheet_are_refused_naming_both(archive: Path) -> None:
    (archive / "archive" / "2024" / "05" / "report.md").write_text("It cost $5 million.\n")
    ran = invoke("extract", "archive", "-o", "facts")
    assert ran.code == 2
    lines = ran.err.splitlines()
    assert len(lines) == 2
    assert (
        "archive/2024/05/report.md: would write the same sheet (2024/05/report) as "
        "archive/2024/05/report.txt" in lines[0]
    )
    assert "archive/2024/05/report.txt: would write the same sheet" in lines[1]
    assert not (archive / "facts" / "2024" / "05").exists()  # neither is written
    assert (archive / "facts" / "2024" / "06" / "report.yaml").exists()  # the rest is
    ran = invoke("check", "--sources", "archive", "--facts", "facts")
    assert ran.code == 1
    assert "archive/2024/05/report.md and archive/2024/05/report.txt would write" in ran.err


def test_same_named_files_given_by_name_clash(archive: Path) -> None:
    ran = invoke("extract", "archive/2024/05/report.txt", "archive/2024/06/report.txt")
    assert ran.code == 2
    assert "would write the same sheet (report) as archive/2024/06/report.txt" in ran.err
    assert not (archive / "facts").exists()
    ran = invoke("extract", "archive/2024/05/report.txt", "archive/2024/06/report.txt", "--stdout")
    assert ran.code == 0 and ran.out.count("---\n") == 2


def test_check_reports_a_nested_source_without_sheet_and_a_sheet_without_source(
    archive: Path,
) -> None:
    assert invoke("extract", "archive", "-o", "facts").code == 0
    (archive / "archive" / "2024" / "05" / "report.txt").unlink()
    (archive / "archive" / "2025").mkdir()
    (archive / "archive" / "2025" / "new.txt").write_text("It sent 5 tanks.\n")
    ran = invoke("check", "--sources", "archive", "--facts", "facts")
    assert ran.code == 1
    assert "facts/2024/05/report.yaml: $: sheet has no source in archive/" in ran.err
    assert "facts/2025/new.yaml: $: no sheet for source archive/2025/new.txt" in ran.err


def test_diff_and_export_read_nested_trees(archive: Path) -> None:
    assert invoke("extract", "archive", "-o", "old").code == 0
    path = archive / "archive" / "2024" / "06" / "report.txt"
    path.write_text(path.read_text().replace("12,000", "13,000"))
    assert invoke("extract", "archive", "-o", "new").code == 0
    ran = invoke("diff", "old", "new", "--format", "json", "--exit-code")
    assert ran.code == 1
    report = json.loads(ran.out)
    assert [s["sheet"] for s in report["sheets"]] == ["2024/06/report.yaml"]
    rows = invoke("export", "new", "--format", "jsonl")
    assert rows.code == 0, rows.err
    documents = {json.loads(line)["document"] for line in rows.out.splitlines()}
    assert documents == {"2024/05/report", "2024/06/notes", "2024/06/report", "top"}
