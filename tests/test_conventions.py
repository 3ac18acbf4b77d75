"""Packaging and command-line conventions: licence, metadata, --version, -q, NO_COLOR (see
test_terminal), `-` for standard input, usage errors in one line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import __version__
from extractor.cli import cli, main

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_55791655ed5d24e6"
SHEET = ROOT / "facts" / f"{SEED}.yaml"


def test_licence_and_project_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"  # PEP 639 expression
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639
    assert "Typing :: Typed" in project["classifiers"]
    assert {"Homepage", "Repository", "Issues", "Changelog"} <= set(project["urls"])
    assert project["version"] == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog and f"## [{__version__}]" in changelog


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--version", "-V"):
        assert main([flag]) == 0
        assert capsys.readouterr().out == f"factsheet, version {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [["extract", "--bogus"], ["nosuch"], ["export", "facts", "--format", "xls"], ["show"]],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("factsheet: error: ") and out.err.count("\n") == 1
    assert "Usage:" not in out.err and "--help" in out.err


def test_quiet_keeps_data_and_errors_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    loud = runner.invoke(cli, ["validate", str(SHEET)])
    assert loud.exit_code == 0 and "valid" in loud.output
    quiet = runner.invoke(cli, ["-q", "validate", str(SHEET)])
    assert quiet.exit_code == 0 and quiet.output == ""
    data = runner.invoke(cli, ["--quiet", "show", str(SHEET)])
    assert data.exit_code == 0 and data.output.startswith(f"# {SEED}")
    bad = runner.invoke(cli, ["-q", "validate", "no-such.yaml"])
    assert bad.exit_code == 2 and "no such file" in bad.output


def test_dash_reads_a_sheet_from_standard_input() -> None:
    runner = CliRunner()
    text = SHEET.read_text()
    show = runner.invoke(cli, ["show", "-"], input=text)
    assert show.exit_code == 0
    assert show.output == runner.invoke(cli, ["show", str(SHEET)]).output
    export = runner.invoke(cli, ["export", "-", "--format", "csv"], input=text)
    assert export.exit_code == 0 and export.output.count("\n") == text.count("- id: ") + 1
    same = runner.invoke(cli, ["diff", "-", str(SHEET), "--exit-code"], input=text)
    assert same.exit_code == 0 and "no differences" in same.output
    valid = runner.invoke(cli, ["validate", "-"], input=text)
    assert valid.exit_code == 0
    broken = runner.invoke(cli, ["validate", "-"], input=text.replace("family: aid", "family: x"))
    assert broken.exit_code == 1 and "-:" in broken.output
    piped = runner.invoke(cli, ["show", "-"], input="- not\n- a sheet\n")
    assert piped.exit_code == 2 and "not a fact sheet" in piped.output
