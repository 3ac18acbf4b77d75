"""Hostile input (issue 11): every failure is one line naming the file, the batch goes on, no
internal error; hostile sheets are refused by every command; writes fail cleanly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, invoke

SEED = "000_55791655ed5d24e6"
SHA = "a" * 64


def sheet_text(**source: str) -> str:
    fields = {"id": "x", "path": "x.txt", "sha256": SHA, **source}
    body = "".join(f"  {k}: {v}\n" for k, v in fields.items())
    return f"schema_version: 1\nsource:\n{body}facts: []\n"


def errors(err: str) -> list[str]:
    lines = err.splitlines()
    assert all(line.startswith("factsheet: error: ") for line in lines), err
    return lines


def test_a_huge_number_names_the_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_big.txt").write_text("We sent $" + "1" * 40 + " to Ukraine.\n")
    (tmp_path / "b_bigger.txt").write_text("It cost $10 trillion trillion.\n")
    (tmp_path / "c_good.txt").write_text("Some 12,000 troops took part in the exercise.\n")
    out = tmp_path / "out"
    ran = invoke("extract", str(tmp_path), "-o", str(out))
    assert ran.code == 2
    lines = errors(ran.err)
    assert len(lines) == 2
    assert "a_big.txt: line 1: the figure '$1111" in lines[0]
    assert "larger than factsheet's limit of 2^63 - 1" in lines[0]
    assert "b_bigger.txt:" in lines[1]
    assert sorted(p.name for p in out.iterdir()) == ["c_good.yaml"]


def test_the_largest_integer_a_sheet_holds_is_read_exactly() -> None:
    ran = invoke(
        "extract",
        "-",
        "--stdout",
        "--format",
        "json",
        stdin=b"A sum of 9223372036854775807 troops.",
    )
    assert ran.code == 0, ran.err
    assert '"value":9223372036854775807' in ran.out


def test_any_failure_in_the_rules_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.pipeline

    real = extractor.pipeline.draft_facts

    def flaky(doc: object, **kw: object) -> object:
        if "boom" in doc.text:  # type: ignore[attr-defined]
            raise KeyError("a rule bug")
        return real(doc, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(extractor.pipeline, "draft_facts", flaky)
    (tmp_path / "a.txt").write_text("boom: 5 tanks\n")
    (tmp_path / "b.txt").write_text("It sent 5 tanks.\n")
    ran = invoke("extract", str(tmp_path), "-o", str(tmp_path / "out"))
    assert ran.code == 2
    (line,) = errors(ran.err)
    assert line.endswith("a.txt: internal error: KeyError: 'a rule bug'")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["b.yaml"]


def test_the_work_budget_refuses_a_document_by_name() -> None:
    from extractor.pipeline import ExtractionError, extract_text

    text = "It sent 5 tanks and 6 guns.\n" * 200
    with pytest.raises(ExtractionError, match="work budget exceeded at line 1 of 201"):
        extract_text(text, budget=-1.0)


HOSTILE_SHEETS = {
    "deep.yaml": ("[" * 1000 + "]" * 1000 + "\n", "nested more than 32 levels deep"),
    "date.yaml": (sheet_text(published="2024-02-30"), "invalid value '2024-02-30'"),
    "nul.yaml": (sheet_text(title='"a\0b"'), "invalid YAML: unacceptable character #x0000"),
    "list.yaml": ("- 1\n- 2\n", "not a fact sheet: a list"),
    "scalar.yaml": ("hello\n", "not a fact sheet: a str"),
    "tag.yaml": ("a: !!python/object:os.system x\n", "could not determine a constructor"),
    "nan.yaml": (sheet_text().replace("facts: []", "facts: .nan"), "facts"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SHEETS))
@pytest.mark.parametrize("command", ["validate", "show", "diff", "export", "render", "check"])
def test_hostile_sheets_are_refused_by_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    text, message = HOSTILE_SHEETS[name]
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / name).write_bytes(text.encode())
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / f"{Path(name).stem}.txt").write_text("It sent 5 tanks.\n")
    monkeypatch.chdir(tmp_path)
    args = {
        "validate": ["validate", f"facts/{name}"],
        "show": ["show", f"facts/{name}"],
        "diff": ["diff", f"facts/{name}", f"facts/{name}"],
        "export": ["export", "facts"],
        "render": ["render", "facts", "-o", "site"],
        "check": ["check"],
    }[command]
    ran = invoke(*args)
    assert ran.code in (1, 2), (ran.out, ran.err)
    assert f"facts/{name}" in ran.err and message in ran.err, ran.err
    assert not (tmp_path / "site").exists()


def test_duplicate_fact_ids_are_invalid_with_their_line(tmp_path: Path) -> None:
    text = (ROOT / "facts" / f"{SEED}.yaml").read_text()
    first = text.index("- id: ")
    second = text.index("- id: ", first + 1)
    fid = text[first + 6 : text.index("\n", first)]
    bad = text[:second] + "- id: " + fid + text[text.index("\n", second) :]
    path = tmp_path / "dup.yaml"
    path.write_text(bad)
    ran = invoke("validate", str(path))
    assert ran.code == 1
    line = bad[:second].count("\n") + 1
    assert f"dup.yaml:{line}: $.facts[1].id: duplicate fact id '{fid}'" in ran.err
    assert invoke("export", str(path)).code == 2


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "finite number"),
        (".inf", "inf is not valid"),
        ("-.inf", "-inf is not valid"),
        (str(2**63), f"{2**63} is not valid"),
        (str(-(2**63) - 1), f"{-(2**63) - 1} is not valid"),
    ],
)
def test_the_schema_refuses_nan_infinity_and_integers_beyond_64_bits(
    tmp_path: Path, value: str, message: str
) -> None:
    text = (ROOT / "facts" / f"{SEED}.yaml").read_text()
    start = text.index("    value: ")
    bad = text[:start] + f"    value: {value}" + text[text.index("\n", start) :]
    path = tmp_path / "bad.yaml"
    path.write_text(bad)
    ran = invoke("validate", str(path))
    assert ran.code == 1
    assert "$.facts[0].quantity.value" in ran.err and message in ran.err, ran.err


def test_duplicate_source_ids_are_invalid_and_export_does_not_double(tmp_path: Path) -> None:
    shutil.copy(ROOT / "facts" / f"{SEED}.yaml", tmp_path / "a.yaml")
    shutil.copy(ROOT / "facts" / f"{SEED}.yaml", tmp_path / "b.yaml")
    ran = invoke("validate", str(tmp_path))
    assert ran.code == 1
    assert f"b.yaml:3: $.source.id: duplicate source id '{SEED}'" in ran.err
    assert invoke("export", str(tmp_path)).code == 2


def test_a_folder_and_its_file_or_a_folder_twice_are_read_once(tmp_path: Path) -> None:
    once = invoke("export", "facts", "--format", "jsonl")
    assert once.code == 0, once.err
    twice = invoke("export", "facts", "facts", f"facts/{SEED}.yaml", "--format", "jsonl")
    assert twice.code == 0, twice.err
    assert twice.out == once.out
    db = tmp_path / "f.db"
    assert invoke("export", "facts", "facts", "--format", "sqlite", "-o", str(db)).code == 0


def test_check_sees_every_sheet_export_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    fake = (tmp_path / "facts" / f"{SEED}.yaml").read_text().replace("value: 32", "value: 99")
    (tmp_path / "facts" / "fake.yml").write_text(fake)
    (tmp_path / "facts" / f"{SEED}.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    ran = invoke("check")
    assert ran.code == 1
    assert "facts/fake.yml: $: sheet has no source in seeds/" in ran.err
    assert f"two sheets for one document: facts/{SEED}.json and facts/{SEED}.yaml" in ran.err


@pytest.mark.parametrize("name", ["x.yaml", "x.yml", "x.json", "x.csv"])
def test_extract_refuses_sheets_and_other_files(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_text((ROOT / "facts" / f"{SEED}.yaml").read_text())
    out = tmp_path / "out"
    ran = invoke("extract", str(source), "-o", str(out))
    assert ran.code == 2
    (line,) = errors(ran.err)
    assert "fact sheet, not a document" in line or "not a document" in line
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["schema", "-o", "{dir}/x.html"],
        ["export", "--dictionary", "-o", "{dir}/x.html"],
        ["export", "facts", "-o", "{dir}"],
        ["export", "facts", "--format", "sqlite", "-o", "{dir}"],
        ["export", "facts", "--format", "datapackage", "-o", "{file}"],
        ["render", f"facts/{SEED}.yaml", "-o", "{dir}/x.html/"],
        ["render", f"facts/{SEED}.yaml", "-o", "{file}/x.html"],
        ["extract", f"seeds/{SEED}.txt", "-o", "{file}/x"],
        ["extract", f"seeds/{SEED}.txt", "-o", "{dir}/{seed}.yaml/.."],
        ["schema", "-o", "{file}/x.json"],
    ],
)
def test_write_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "a_folder"
    (folder / "x.html").mkdir(parents=True)
    file = tmp_path / "a_file"
    file.write_text("keep me\n")
    ran = invoke(*(a.format(dir=folder, file=file, seed=SEED) for a in args))
    assert ran.code == 2, (ran.out, ran.err)
    lines = errors(ran.err)
    assert len(lines) == 1 and "cannot write" in lines[0], ran.err
    assert file.read_text() == "keep me\n"


def test_a_write_error_on_a_full_disk_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def full(*args: object, **kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("extractor.yamlio.os.replace", full)
    for args in (["schema", "-o"], ["export", "facts", "-o"], ["render", "facts", "-o"]):
        ran = invoke(*args, str(tmp_path / "out"))
        assert ran.code == 2
        assert "cannot write: No space left on device" in ran.err
