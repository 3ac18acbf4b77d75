"""The CI job and the review workflow: check findings, github annotations, diff, hooks, docs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import invoke

from extractor.check import MAX_ANNOTATIONS, CheckResult, render_github
from extractor.validate import Finding

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = "000_55791655ed5d24e6"


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """The command line in-process (click's CliRunner) in `cwd`, with extra environment."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        ran = invoke(*args, env=env)
    finally:
        os.chdir(previous)
    return Result(ran.code, ran.out, ran.err)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    return tmp_path


GIT = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]


def commit_all(repo: Path, message: str = "x") -> None:
    """A git repository at `repo` with everything in it committed on main."""
    if not (repo / ".git").exists():
        subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", message, "--allow-empty"], cwd=repo, check=True)


def edit_source(project: Path) -> None:
    path = project / "seeds" / f"{SEED}.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\\$NZ16 million", "\\$NZ18 million").replace("the 700-person", "the new")
    path.write_text("A new first paragraph with no figures.\n\n" + text, encoding="utf-8")


def test_tampered_value_names_file_and_line(project: Path) -> None:
    sheet = project / "facts" / f"{SEED}.yaml"
    text = sheet.read_text().replace("value: 250000000", "value: 260000000", 1)
    sheet.write_text(text)
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert f"facts/{SEED}.yaml:" in result.stderr
    assert "out of date" in result.stderr
    assert "quantity.value: 260000000 -> 250000000" in result.stderr


def test_changed_source_reports_moved_changed_gone(project: Path) -> None:
    edit_source(project)
    result = run("check", cwd=project)
    assert result.returncode == 1
    err = result.stderr
    assert "source hash differs" in err
    assert re.search(r"moved: other-\w+ '32 NATO members', line 14 -> 16", err)
    assert re.search(
        r"changed: aid-\w+ '\\\\\$NZ16 million' .* now reads '\\\\\$NZ18 million'", err
    )
    assert re.search(r"gone: other-\w+ '700-person'", err)
    line = re.search(rf"facts/{SEED}.yaml:(\d+): \$\.facts\[\d+\]: gone", err)
    assert line is not None
    sheet_lines = (project / "facts" / f"{SEED}.yaml").read_text().splitlines()
    assert sheet_lines[int(line.group(1)) - 1].startswith("- id: other-")


def test_github_format_escapes_and_caps(project: Path, tmp_path: Path) -> None:
    edit_source(project)
    summary = tmp_path / "summary.md"
    result = run(
        "check", "--format", "github", cwd=project, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::error file=")]
    assert len(annotations) == MAX_ANNOTATIONS
    assert lines[-1].startswith("factsheet check: ")
    assert "## factsheet check" in summary.read_text()


def test_github_escaping() -> None:
    finding = Finding("a,b:c.yaml", 3, "$.x", "50% done\nnext: line")
    out = render_github(CheckResult(findings=[finding]))
    first = out.splitlines()[0]
    assert first.startswith("::error file=a%2Cb%3Ac.yaml,line=3,title=factsheet check $.x::")
    assert first.endswith("::50%25 done%0Anext: line")


def test_diff_names_changed_fields_in_all_formats(project: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(project / "facts", old)
    sheet = project / "facts" / f"{SEED}.yaml"
    sheet.write_text(sheet.read_text().replace("value: 16000000", "value: 18000000", 1))
    text = run("diff", str(old), str(project / "facts"), cwd=project)
    assert text.returncode == 0
    assert "quantity.value: 16000000 -> 18000000" in text.stdout
    assert "\x1b[" not in text.stdout  # not a terminal: no colour
    md = run("diff", str(old), str(project / "facts"), "--format", "markdown", cwd=project)
    assert "#### aid" in md.stdout and "`quantity.value`: 16,000,000 → 18,000,000" in md.stdout
    assert "| NZ$16 million → NZ$18 million |" in md.stdout
    assert "\\$NZ16 million" in md.stdout  # the quote on the row
    js = run(
        "diff", str(old), str(project / "facts"), "--format", "json", "--exit-code", cwd=project
    )
    assert js.returncode == 1
    data = json.loads(js.stdout)
    assert data["counts"]["changed"] == 1
    field = data["sheets"][0]["changed"][0]["fields"][0]
    assert field == {"path": "quantity.value", "old": 16000000, "new": 18000000}
    same = run("diff", str(old), str(old), "--exit-code", cwd=project)
    assert same.returncode == 0 and "no differences" in same.stdout


def test_diff_reports_span_only_moves_apart(project: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(project / "facts", old)
    edit_source(project)
    assert run("extract", "seeds", "-o", "facts", cwd=project).returncode == 0
    out = run("diff", str(old), "facts", cwd=project).stdout
    assert re.search(r'> moved other-\w+ "32 NATO members": start \d+ -> \d+', out)
    # the corrected figure is one change (both ids named), the deleted one a removal
    assert re.search(r'~ changed aid-\w+ -> aid-\w+ \(aid\) "\\\$NZ18 million"', out)
    assert "quantity.value: 16000000 -> 18000000" in out
    assert re.search(r'- removed other-\w+ \(other\): 700 person "700-person"', out)
    assert "+ added" not in out
    assert re.fullmatch(r"1 changed(, \d+ (added|removed|moved))* in 1 sheet", out.splitlines()[-1])


def test_diff_against_a_git_revision(project: Path) -> None:
    commit_all(project)
    sheet = project / "facts" / f"{SEED}.yaml"
    sheet.write_text(sheet.read_text().replace("value: 16000000", "value: 18000000", 1))
    out = run("diff", "--git", "HEAD", cwd=project)
    assert "quantity.value: 16000000 -> 18000000" in out.stdout
    bad = run("diff", "--git", "no-such-rev", cwd=project)
    assert bad.returncode == 2 and bad.stderr.startswith("factsheet: error: ")


def test_committed_schema_validates_sheets_with_check_jsonschema() -> None:
    exe = BIN / "check-jsonschema"
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed")
    sheets = sorted(str(p) for p in (ROOT / "facts").glob("*.yaml"))
    result = subprocess.run(
        [str(exe), "--schemafile", str(ROOT / "schemas/factsheet.schema.json"), *sheets],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _doc_commands() -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text()
    console = [ln[2:] for ln in text.splitlines() if ln.startswith("$ ")]
    workflow = [m.group(1) for m in re.finditer(r"- run: (factsheet [^\n]+)", text)]
    return console + workflow


def test_docs_ci_commands_run(project: Path) -> None:
    commit_all(project)
    subprocess.run(
        ["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=project, check=True
    )
    commands = _doc_commands()
    assert any("--format github" in c for c in commands)
    assert any("diff --git origin/main --format markdown" in c for c in commands)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for command in commands:
        result = subprocess.run(
            command, shell=True, cwd=project, capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, f"{command}: {result.stderr}"


@pytest.mark.slow
def test_pre_commit_hook_runs_in_a_git_repository(project: Path) -> None:
    exe = BIN / "pre-commit"
    if not exe.exists():
        pytest.skip("pre-commit is not installed")
    commit_all(project)
    # the hook definition as a consumer would get it, run against this checkout
    repo = project.parent / "factsheet-repo"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-B", "hook-test"], check=True)
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, repo / name)
    shutil.rmtree(repo / "extractor")
    shutil.copytree(
        ROOT / "extractor", repo / "extractor", ignore=shutil.ignore_patterns("__pycache__")
    )
    commit_all(repo, "hook")
    env = {**os.environ, "PRE_COMMIT_HOME": str(project.parent / "pre-commit-home")}

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), "try-repo", str(repo), "factsheet-check", "--all-files"],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    ok = hook()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    sheet = project / "facts" / f"{SEED}.yaml"
    sheet.write_text(sheet.read_text().replace("value: 16000000", "value: 18000000", 1))
    bad = hook()
    assert bad.returncode == 1
    assert "out of date" in bad.stdout
