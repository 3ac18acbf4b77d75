"""Safe outputs (issue 11): render writes only inside OUT and reads only under its root; index
links cannot run script; CSV cells cannot run formulas; export reads each sheet once."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.render import page_href
from extractor.safety import UnsafePath, read_source, relative_source, safe_name
from extractor.yamlio import dump_yaml, read_sheet_file

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_55791655ed5d24e6"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def seed_sheet() -> dict[str, Any]:
    data, _ = read_sheet_file(ROOT / "facts" / f"{SEED}.yaml")
    assert isinstance(data, dict)
    return data


def write_sheet(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def test_safe_name_is_never_a_path() -> None:
    assert safe_name(SEED) == SEED
    for hostile in ("../../../x", "/etc/passwd", "a/b", ".hidden", "index", "", "javascript:x"):
        name = safe_name(hostile)
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name), (hostile, name)
        assert "/" not in name and ".." not in name and name != "index"
    assert safe_name("a/b") != safe_name("a_b") != safe_name("a:b")
    assert page_href("javascript:alert(1).html") == "./javascript%3Aalert%281%29.html"


def test_render_writes_inside_out_and_index_links_are_relative(project: Path) -> None:
    data = seed_sheet()
    for hostile in ("../../../escaped", "javascript:alert(1)", "/tmp/abs"):
        data["source"]["id"] = hostile
        write_sheet(project / "facts" / f"{SEED}.yaml", data)
        shutil.rmtree(project / "site", ignore_errors=True)
        result = invoke(
            "render", f"facts/{SEED}.yaml", "facts/001_88c7197dd4cdd008.yaml", "-o", "site"
        )
        assert result.exit_code == 0, result.output
        written = sorted(p.name for p in (project / "site").iterdir())
        assert len(written) == 3 and "index.html" in written
        assert all(p.parent == project / "site" for p in (project / "site").rglob("*"))
        index = (project / "site" / "index.html").read_text()
        hrefs = re.findall(r'href="([^"]*)"', index)
        assert hrefs and all(h.startswith("./") and ":" not in h for h in hrefs), hrefs
        assert all((project / "site" / h[2:]).is_file() for h in hrefs if h.endswith(".html"))
    assert not (project.parent / "escaped.html").exists()


@pytest.mark.parametrize(
    ("source_path", "reason"),
    [
        ("/etc/passwd", "absolute source path refused"),
        ("../outside.txt", "'..' refused"),
        ("seeds/../../outside.txt", "'..' refused"),
        ("C:/Windows/win.ini", "absolute source path refused"),
    ],
)
def test_render_refuses_sources_outside_its_root(
    project: Path, source_path: str, reason: str
) -> None:
    (project.parent / "outside.txt").write_text("secret\n")
    data = seed_sheet()
    data["source"]["path"] = source_path
    write_sheet(project / "facts" / f"{SEED}.yaml", data)
    result = invoke("render", f"facts/{SEED}.yaml", "-o", "page.html")
    assert result.exit_code == 2
    assert reason in result.output and result.output.count("\n") == 1
    assert not (project / "page.html").exists()


def test_render_refuses_symlinks_and_fifos_without_hanging(project: Path) -> None:
    data = seed_sheet()
    link = project / "seeds" / "link.txt"
    link.symlink_to(project / "seeds" / f"{SEED}.txt")
    data["source"]["path"] = "seeds/link.txt"
    write_sheet(project / "facts" / f"{SEED}.yaml", data)
    result = invoke("render", f"facts/{SEED}.yaml", "-o", "page.html")
    assert result.exit_code == 2 and "symlink refused" in result.output
    os.mkfifo(project / "seeds" / "pipe.txt")
    data["source"]["path"] = "seeds/pipe.txt"
    write_sheet(project / "facts" / f"{SEED}.yaml", data)
    result = invoke("render", f"facts/{SEED}.yaml", "-o", "page.html")
    assert result.exit_code == 2 and "not a regular file" in result.output


def test_read_source_confines_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_bytes(b"hello\n")
    assert read_source(tmp_path, "docs/a.txt") == b"hello\n"
    assert read_source(tmp_path / "docs", "seeds/a.txt", by_name=True) == b"hello\n"
    with pytest.raises(UnsafePath, match="no such file"):
        read_source(tmp_path / "docs", "seeds/a.txt")
    for bad in ("", "/x", "\\\\server\\share", "a/../../b", "x\x00y"):
        with pytest.raises(UnsafePath):
            relative_source(bad)


def test_render_sources_option_reads_only_there(project: Path) -> None:
    moved = project / "elsewhere"
    shutil.move(project / "seeds", moved)
    result = invoke("render", f"facts/{SEED}.yaml", "-o", "page.html")
    assert result.exit_code == 2 and "no such file" in result.output
    result = invoke("render", f"facts/{SEED}.yaml", "-o", "page.html", "--sources", "elsewhere")
    assert result.exit_code == 0, result.output
    assert "<mark" in (project / "page.html").read_text()


def test_csv_cells_cannot_start_a_formula(project: Path) -> None:
    data = seed_sheet()
    fact = data["facts"][0]
    fact["claim"] = '=HYPERLINK("http://x","y")'
    fact["span"]["quote"] = "-3.5%"
    fact["quantity"]["value"] = -3.5
    data["source"]["title"] = "@SUM(A1)"
    data["facts"][1]["claim"] = "\tTab first"
    write_sheet(project / "facts" / f"{SEED}.yaml", data)
    result = invoke("export", f"facts/{SEED}.yaml", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[0]["claim"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["quote"] == "'-3.5%" and rows[0]["title"] == "'@SUM(A1)"
    assert rows[1]["claim"] == "'\tTab first"
    assert rows[0]["value"] == "-3.5"  # a number column stays a number
    assert rows[2]["claim"] == data["facts"][2]["claim"]  # ordinary text untouched
    out = invoke("export", f"facts/{SEED}.yaml", "--format", "jsonl")
    assert '"claim": "=HYPERLINK' in out.output  # JSON keeps the text exactly


def test_export_reads_each_sheet_once(project: Path) -> None:
    once = invoke("export", "facts", "--format", "csv").output.count("\n")
    for args in (("facts", f"facts/{SEED}.yaml"), ("facts", "facts"), ("facts", "./facts/")):
        assert invoke("export", *args, "--format", "csv").output.count("\n") == once, args
        db = project / "x.db"
        result = invoke("export", *args, "--format", "sqlite", "-o", str(db))
        assert result.exit_code == 0, result.output
        count = sqlite3.connect(db).execute("SELECT COUNT(*) FROM facts").fetchone()[0]
        assert count == once - 1
    shutil.copy(project / "facts" / f"{SEED}.yaml", project / "copy.yaml")
    result = invoke("export", "facts", "copy.yaml", "--format", "sqlite", "-o", "y.db")
    assert result.exit_code == 2 and "duplicate source id" in result.output
    assert result.output.count("\n") == 1 and not (project / "y.db").exists()
