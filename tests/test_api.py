"""The Python API gives exactly what the command line writes."""

from __future__ import annotations

import doctest
import tomllib
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import extractor
from extractor import SheetError, extract, extract_file, load_sheet
from extractor.cli import cli
from extractor.yamlio import dump_json, dump_yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_55791655ed5d24e6"


def cli_stdout(*args: str, stdin: bytes | None = None) -> str:
    result = CliRunner().invoke(cli, ["extract", *args, "--stdout"], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_extract_file_equals_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for seed in (f"seeds/{SEED}.txt", "seeds/003_6600c0006b1ccdf0.txt"):
        sheet = extract_file(seed)
        assert "---\n" + dump_yaml(sheet.to_data()) == cli_stdout(seed)
        assert sheet.source.path == seed
        assert sheet.facts  # a real sheet, not an empty one


def test_extract_text_equals_the_cli_on_stdin() -> None:
    text = (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    sheet = extract(text)
    out = cli_stdout("-", "--format", "json", stdin=text.encode("utf-8"))
    assert dump_json(sheet.to_data()) + "\n" == out
    assert sheet.source.title is not None  # metadata read as the CLI reads it


def test_extract_html_and_published() -> None:
    markup = "<html><body><p>Japan will give Ukraine &yen;5 billion.</p></body></html>"
    sheet = extract(markup, html=True, source_id="page", path="page.html")
    assert sheet.source.path == "page.html"
    assert [f.span.quote for f in sheet.facts] == ["¥5 billion"]
    dated = extract("Last year NATO had 31 members.", published=date(2024, 7, 14))
    assert dated.source.published == date(2024, 7, 14)


def test_load_sheet_validates(tmp_path: Path) -> None:
    sheet = load_sheet(ROOT / "facts" / f"{SEED}.yaml")
    assert sheet.source.id == SEED
    bad = tmp_path / "bad.yaml"
    text = (ROOT / "facts" / f"{SEED}.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("family: aid", "family: gift", 1), encoding="utf-8")
    with pytest.raises(SheetError, match=r"bad\.yaml:\d+: \$\.facts\[\d+\]\.family: "):
        load_sheet(bad)
    (tmp_path / "list.yaml").write_text("- 1\n", encoding="utf-8")
    with pytest.raises(SheetError, match="not a fact sheet"):
        load_sheet(tmp_path / "list.yaml")
    with pytest.raises(SheetError, match="no such file"):
        load_sheet(tmp_path / "missing.yaml")


def test_api_docstring_example_runs() -> None:
    from extractor import api

    assert doctest.testmod(api).failed == 0
    assert doctest.testmod(api).attempted >= 1


def test_typed_package_ships_py_typed() -> None:
    assert (ROOT / "extractor" / "py.typed").is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["extractor"]
    assert set(extractor.__all__) >= {"extract", "extract_file", "load_sheet"}
    with pytest.raises(AttributeError):
        _ = extractor.no_such_name
