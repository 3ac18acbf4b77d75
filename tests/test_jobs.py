"""--jobs (issue 12): a process pool gives byte-identical output, in the same order, as the
serial path, for extract (files and stdout) and check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, invoke


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds, and cut-up variants of them in sub-folders, plus one bad file."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i, path in enumerate(seeds):
        text = path.read_text(encoding="utf-8")
        for part in range(3):
            out = tmp_path / "corpus" / f"part{part}" / f"{i}_{path.name}"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text[part * len(text) // 3 :], encoding="utf-8")
    (tmp_path / "corpus" / "part1" / "bad.txt").write_bytes(b"caf\xe9")
    return tmp_path


def test_extract_jobs_2_equals_jobs_1_byte_for_byte(corpus: Path) -> None:
    one = invoke("extract", str(corpus / "corpus"), "-o", str(corpus / "one"), "--jobs", "1")
    two = invoke("extract", str(corpus / "corpus"), "-o", str(corpus / "two"), "--jobs", "2")
    assert one.code == two.code == 2
    assert one.err == two.err and "bad.txt: not valid UTF-8" in one.err
    files = sorted(p.relative_to(corpus / "one") for p in (corpus / "one").rglob("*.yaml"))
    assert len(files) == 15
    assert files == sorted(p.relative_to(corpus / "two") for p in (corpus / "two").rglob("*.yaml"))
    for rel in files:
        assert (corpus / "one" / rel).read_bytes() == (corpus / "two" / rel).read_bytes()
    for fmt in ("yaml", "json"):
        args = ("extract", str(corpus / "corpus"), "--stdout", "--format", fmt)
        serial, pooled = invoke(*args, "-j", "1"), invoke(*args, "-j", "2")
        assert serial.out == pooled.out
        assert serial.out.count("\n" if fmt == "json" else "---\n") == 15


def test_check_jobs_2_equals_jobs_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    for sheet in sorted((tmp_path / "facts").glob("*.yaml"))[:3]:
        sheet.write_text(sheet.read_text().replace("qualifier: exact", "qualifier: nearly", 1))
    monkeypatch.chdir(tmp_path)
    serial = invoke("check", "--no-cache", "-j", "1")
    pooled = invoke("check", "--no-cache", "-j", "2")
    assert serial.code == pooled.code == 1
    assert serial.err == pooled.err and serial.err.count("out of date") == 3
    assert invoke("check", "--no-cache", "-j", "0").code == 2  # a usage error


def die_on_b(task: object) -> object:
    """A worker that dies on one input, as an out-of-memory kill would."""
    import os

    from extractor.parallel import extract_task

    if str(getattr(task, "item").display).endswith("b.txt"):  # noqa: B009
        os._exit(137)
    return extract_task(task)  # type: ignore[arg-type]


def test_a_dead_worker_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.parallel

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("It sent 5 tanks.\n")
    monkeypatch.setattr(extractor.parallel, "extract_task", die_on_b)
    ran = invoke("extract", str(tmp_path), "--stdout", "--jobs", "2")
    assert ran.code == 2
    assert ran.err.splitlines()[-1] == (
        "factsheet: error: a worker process died (killed, or out of memory); "
        "run with --jobs 1 to see which input"
    )
