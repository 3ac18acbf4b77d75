"""The command line, as a user runs it: stdout, stderr and exit code read separately."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import invoke

from extractor.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, cwd: Path = ROOT, stdin: bytes | None = None) -> Result:
    """The command line in-process (click's CliRunner), in `cwd`: stdout, stderr and exit code
    apart.  An exception escaping a command fails the test (it would be an internal error)."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        ran = invoke(*args, stdin=stdin)
    finally:
        os.chdir(previous)
    return Result(ran.code, ran.out.encode(), ran.err.encode())


def run_process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real console script, for what only a process shows (main(), exit codes, no
    traceback)."""
    exe = Path(sys.executable).parent / "factsheet"
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "extractor", *args]
    return subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True, timeout=120)


def test_the_console_script_gives_one_line_errors_and_exit_codes() -> None:
    assert run_process("--help").returncode == 0
    usage = run_process("extract")
    assert usage.returncode == 2
    assert usage.stderr.decode().splitlines() == [
        "factsheet: error: Missing argument 'PATHS...'. (see factsheet extract --help)"
    ]
    bad = run_process("show", "nope.yaml")
    assert bad.returncode == 2 and bad.stderr == b"factsheet: error: nope.yaml: $: no such file\n"
    ok = run_process("extract", "-", "--stdout", stdin=b"It sent 5 tanks.")
    assert ok.returncode == 0 and b"Traceback" not in ok.stderr


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help and "factsheet" in command.help, name
        result = run(name, "--help")
        assert result.returncode == 0
        assert b"Example" in result.stdout, name


def test_extract_folder_writes_one_sheet_per_document(tmp_path: Path) -> None:
    result = run("extract", "seeds", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.stem + ".yaml" for p in (ROOT / "seeds").glob("*.txt")
    )


def test_extract_stdin_to_stdout_json() -> None:
    result = run(
        "extract",
        "-",
        "--stdout",
        "--format",
        "json",
        stdin=b"Britain will send 14 Challenger 2 tanks to Ukraine.",
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.decode().splitlines()
    sheet = json.loads(line)
    assert sheet["source"]["id"] == "stdin"
    assert sheet["facts"][0]["quantity"] == {"value": 14, "unit": "tank", "qualifier": "exact"}
    assert sheet["facts"][0]["donor"] == "GB"


def test_bad_input_is_one_line_on_stderr_and_the_rest_is_processed(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "good.txt").write_text("Some 12,000 troops took part in the exercise.")
    out = tmp_path / "out"
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 3
    assert all(line.startswith("factsheet: error: ") for line in errors)
    assert any("bad.txt: not valid UTF-8" in line for line in errors)
    assert any("bin.txt: binary file" in line for line in errors)
    assert b"Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["good.yaml"]


def test_validate_reports_file_line_and_path(tmp_path: Path) -> None:
    sheet = (ROOT / "facts" / "000_55791655ed5d24e6.yaml").read_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(sheet.replace("unit: AUD", "unit: ''", 1))
    result = run("validate", str(bad))
    assert result.returncode == 1
    line = next(i for i, ln in enumerate(bad.read_text().splitlines(), 1) if "unit: ''" in ln)
    assert f"bad.yaml:{line}: $.facts[" in result.stderr.decode()
    assert ".quantity.unit:" in result.stderr.decode()
    assert run("validate", str(tmp_path / "none.yaml")).returncode == 2


def test_schema_command_matches_the_committed_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert result.stdout.decode() == (ROOT / "schemas" / "factsheet.schema.json").read_text()


def test_check_is_clean_on_the_repository() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr.decode()


def test_check_finds_a_tampered_value_and_quote(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    sheet = tmp_path / "facts" / "000_55791655ed5d24e6.yaml"
    text = sheet.read_text().replace("quote: 32 NATO members", "quote: 33 NATO members", 1)
    sheet.write_text(text)
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr.decode()
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "33 NATO members" in ln)
    assert f"facts/000_55791655ed5d24e6.yaml:{line}: $.facts[0].span.quote" in err


def test_check_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run("check", "--sources", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_evaluate_thresholds_exit_code() -> None:
    assert (
        run("evaluate", "--gold", "tests/gold/seeds.yaml", "--min-precision", "0.95").returncode
        == 0
    )
    bad = run("evaluate", "--gold", "nope.yaml")
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1
