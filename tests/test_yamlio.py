"""The YAML writer and the safe loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import extract_text
from extractor.validate import validate_file
from extractor.yamlio import SheetLoadError, dump_yaml, load_yaml_with_lines, write_atomic


def test_country_codes_are_quoted_and_no_stays_a_string() -> None:
    sheet = extract_text("Norway gave NOK 500 million in military aid to Ukraine.")
    text = dump_yaml(sheet.to_data())
    assert 'donor: "NO"' in text
    data, _ = load_yaml_with_lines(text)
    assert data["facts"][0]["donor"] == "NO"


def test_output_is_byte_identical_and_unfolded() -> None:
    long = "The exercise involved " + ", ".join(f"{n} tanks" for n in range(10, 60)) + "."
    first = dump_yaml(extract_text(long).to_data())
    second = dump_yaml(extract_text(long).to_data())
    assert first == second
    assert all(len(line) < 100_000 for line in first.splitlines())
    assert "claim: " in first and "\n  - " not in first.split("facts:")[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x 1\nb: *x\n", "anchors"),
        ("a: 1\na: 2\n", "duplicate key"),
        ("a: [1, 2\n", "invalid YAML"),
        ("", "empty"),
    ],
)
def test_loader_refuses(text: str, message: str) -> None:
    with pytest.raises(SheetLoadError, match=message):
        load_yaml_with_lines(text)


def test_loader_keeps_lines() -> None:
    data, lines = load_yaml_with_lines("a:\n  b:\n  - x: 1\n  - x: 2\n")
    assert data == {"a": {"b": [{"x": 1}, {"x": 2}]}}
    assert lines["$.a.b[1].x"] == 4


def test_validate_names_file_line_and_path(tmp_path: Path) -> None:
    sheet = extract_text("It involved 128,000 troops.")
    text = dump_yaml(sheet.to_data()).replace("qualifier: exact", "qualifier: roughly")
    path = tmp_path / "x.yaml"
    path.write_text(text)
    _, _, findings = validate_file(path)
    assert len(findings) == 1
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "roughly" in ln)
    assert (findings[0].line, findings[0].path) == (line, "$.facts[0].quantity.qualifier")
    assert str(findings[0]).startswith(f"{path.as_posix()}:{line}: $.facts[0].quantity.qualifier:")


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.yaml"
    write_atomic(target, "x: 1\n")
    write_atomic(target, "x: 2\n")
    assert target.read_text() == "x: 2\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.yaml"]
    assert target.stat().st_mode & 0o044 == 0o044  # readable by others, like any output


def test_a_failed_write_leaves_the_old_sheet_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("previous: sheet\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("extractor.yamlio.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new: sheet\n" * 1000)
    assert target.read_text() == "previous: sheet\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left behind


def test_libyaml_and_python_emitters_write_the_same_bytes(root: Path) -> None:
    from extractor.documents import load_document
    from extractor.pipeline import build_sheet

    for path in sorted((root / "seeds").glob("*.txt")):
        data = build_sheet(load_document(path)).to_data()
        assert dump_yaml(data) == dump_yaml(data, pure_python=True)
