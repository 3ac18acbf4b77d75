"""The extraction cache of check (issue 12): warm checks do not extract, a rule change or a
corrupt or forged entry is never trusted."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, invoke

import extractor.cache
import extractor.pipeline

SEED = "000_55791655ed5d24e6"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.chdir(tmp_path)
    extractor.cache._secret.cache_clear()
    yield tmp_path
    extractor.cache._secret.cache_clear()


def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kw: object) -> None:
        raise AssertionError("extracted although the cache holds the sheet")

    monkeypatch.setattr(extractor.pipeline, "extract_document", refuse)


def entries(project: Path) -> list[Path]:
    return sorted((project / ".factsheet-cache").rglob("*.json"))


def test_a_warm_check_does_not_extract(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("check").code == 0
    assert len(entries(project)) == 5
    assert (project / ".factsheet-cache" / ".gitignore").read_text().endswith("*\n")
    no_extraction(monkeypatch)
    ran = invoke("check")
    assert ran.code == 0, ran.err
    with pytest.raises(AssertionError, match="extracted although"):
        invoke("check", "--no-cache")


def test_a_warm_check_still_finds_tampering(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("check").code == 0
    sheet = project / "facts" / f"{SEED}.yaml"
    sheet.write_text(sheet.read_text().replace("value: 32", "value: 33", 1))
    no_extraction(monkeypatch)  # the entry's data says what a fresh extraction holds
    ran = invoke("check")
    assert ran.code == 1 and "out of date" in ran.err
    assert "quantity.value: 33 -> 32" in ran.err


@pytest.mark.parametrize("damage", ["truncate", "garbage", "forge"])
def test_a_corrupt_or_forged_entry_is_never_trusted(project: Path, damage: str) -> None:
    assert invoke("check").code == 0
    sheet = project / "facts" / f"{SEED}.yaml"
    tampered = sheet.read_text().replace("value: 32", "value: 33", 1)
    sheet.write_text(tampered)
    for entry in entries(project):
        raw = entry.read_text()
        signature, digests, body = raw.split("\n", 2)
        if damage == "truncate":
            entry.write_text(raw[: len(raw) // 2])
        elif damage == "garbage":
            entry.write_bytes(b"\xff\x00" * 10)
        else:  # someone commits an entry that agrees with their tampered sheet
            data = json.loads(body)
            if data["source"]["id"] == SEED:
                data["facts"][0]["quantity"]["value"] = 33
                digests = f"{hashlib.sha256(tampered.encode()).hexdigest()} {digests.split()[1]}"
            entry.write_text(f"{signature}\n{digests}\n{json.dumps(data)}")
    ran = invoke("check")
    assert ran.code == 1 and "out of date" in ran.err


def test_a_change_to_the_rules_invalidates_every_entry(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("check").code == 0
    cache = extractor.cache.ExtractionCache()
    before = cache.key("a" * 64, "x", "x.txt")
    monkeypatch.setattr(extractor.cache, "code_hash", lambda: "another rule set")
    assert cache.key("a" * 64, "x", "x.txt") != before
    no_extraction(monkeypatch)
    with pytest.raises(AssertionError, match="extracted although"):
        invoke("check")


def test_an_unwritable_cache_only_costs_time(project: Path) -> None:
    (project / ".factsheet-cache").write_text("not a folder\n")
    ran = invoke("check")
    assert ran.code == 0, ran.err
    assert ran.err == ""


def test_a_forged_digest_alone_is_never_trusted(project: Path) -> None:
    """The digests are signed with the data: an entry whose digest is made to agree with a
    tampered sheet fails its signature."""
    assert invoke("check").code == 0
    sheet = project / "facts" / f"{SEED}.yaml"
    tampered = sheet.read_text().replace("value: 32", "value: 33", 1)
    sheet.write_text(tampered)
    forged = f"{hashlib.sha256(tampered.encode()).hexdigest()} "
    for entry in entries(project):
        signature, digests, body = entry.read_text().split("\n", 2)
        entry.write_text(f"{signature}\n{forged}{digests.split()[1]}\n{body}")
    ran = invoke("check")
    assert ran.code == 1 and "out of date" in ran.err


def test_a_json_sheet_is_current_by_its_own_digest(project: Path) -> None:
    assert invoke("extract", "seeds", "-o", "jsonfacts", "--format", "json").code == 0
    assert invoke("check", "--facts", "jsonfacts").code == 0
    assert invoke("check", "--facts", "jsonfacts").code == 0  # warm: from the digests
    sheet = project / "jsonfacts" / f"{SEED}.json"
    sheet.write_text(sheet.read_text().replace('"value":32', '"value":33', 1))
    ran = invoke("check", "--facts", "jsonfacts")
    assert ran.code == 1 and "out of date" in ran.err


def test_a_warm_check_of_current_sheets_loads_no_parser_model_or_grammar(project: Path) -> None:
    """A current sheet is settled from bytes and digests: no YAML loader, no pydantic, no
    pipeline, no process pool is imported (they are most of the start-up time)."""
    assert invoke("check").code == 0
    script = (
        "import sys\n"
        "from extractor.cli import main\n"
        "try:\n"
        "    main(['check', '--jobs', '2'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "heavy = {'yaml', 'pydantic', 'jsonschema', 'extractor.pipeline', 'extractor.model',\n"
        "         'multiprocessing', 'concurrent.futures'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    # (without the coverage measurement `make test` starts in every subprocess: it imports
    # multiprocessing itself, to follow workers)
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    ran = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    assert ran.stdout.strip().splitlines()[-1] == "[]", ran.stdout + ran.stderr
