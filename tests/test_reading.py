"""Reading sources and sheets (issue 11): regular files only, the cap applied while reading,
symbolic links only when asked, UTF-16/32 with a byte-order mark; the C and Python YAML
parsers give the same data, lines and refusals."""

from __future__ import annotations

import codecs
import os
import threading
from pathlib import Path

import pytest
from conftest import ROOT, invoke

from extractor.documents import DocumentError, load_document, parse_document, read_capped
from extractor.yamlio import SheetLoadError, load_yaml_with_lines

TEXT = "Britain will send 14 Challenger 2 tanks to Ukraine.\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_read_like_utf8(bom: bytes, codec: str) -> None:
    plain = parse_document(TEXT.encode(), doc_id="x", path="x.txt")
    doc = parse_document(bom + TEXT.encode(codec), doc_id="x", path="x.txt")
    assert doc.text == plain.text  # the BOM is not counted: offsets agree
    from extractor.pipeline import build_sheet

    assert build_sheet(doc).facts == build_sheet(plain).facts


def test_bad_utf16_is_named_as_such() -> None:
    with pytest.raises(DocumentError, match="not valid UTF-16"):
        parse_document(codecs.BOM_UTF16_LE + b"\x00\xd8", doc_id="x", path="x.txt")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done: list[str] = []

    def read() -> None:
        try:
            load_document(fifo)
        except DocumentError as exc:
            done.append(str(exc))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert done == ["not a regular file (a FIFO, socket or device)"]
    ran = invoke("extract", str(fifo), "--stdout")
    assert ran.code == 2 and "not a regular file" in ran.err


def test_a_device_is_refused() -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        load_document(Path("/dev/zero"))


def test_the_cap_is_applied_while_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(OSError, match="larger than"):
        read_capped(big, 1024)
    assert read_capped(big, 2048) == b"x" * 2048


def test_symlinks_are_refused_unless_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(TEXT)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "link.txt").symlink_to(real)
    (tmp_path / "docs" / "plain.txt").write_text(TEXT)
    out = tmp_path / "out"
    ran = invoke("extract", str(tmp_path / "docs"), "-o", str(out))
    assert ran.code == 2
    assert "link.txt: is a symbolic link (use --follow-symlinks)" in ran.err
    assert sorted(p.name for p in out.iterdir()) == ["plain.yaml"]
    ran = invoke("extract", str(tmp_path / "docs" / "link.txt"), "--stdout")
    assert ran.code == 2 and "symbolic link" in ran.err
    ran = invoke("extract", str(tmp_path / "docs"), "-o", str(out), "--follow-symlinks")
    assert ran.code == 0, ran.err
    assert sorted(p.name for p in out.iterdir()) == ["link.yaml", "plain.yaml"]
    with pytest.raises(DocumentError, match="symbolic link"):
        load_document(tmp_path / "docs" / "link.txt")


def test_check_refuses_a_symlinked_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "real.txt").write_text(TEXT)
    (tmp_path / "seeds" / "a.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "facts").mkdir()
    monkeypatch.chdir(tmp_path)
    ran = invoke("check")
    assert ran.code == 2 and "seeds/a.txt: $: is a symbolic link" in ran.err
    assert invoke("extract", "seeds", "--follow-symlinks").code == 0
    assert invoke("check", "--follow-symlinks").code == 0


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n",
        "a: [1, 2\n",
        "",
        "a: 2024-02-30\n",
        "[" * 200 + "]" * 200,
        "a: !!python/name:os.system x\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: !!set {x}\n",
    ],
)
def test_c_and_python_parsers_refuse_the_same_and_name_the_line(text: str) -> None:
    with pytest.raises(SheetLoadError) as c_error:
        load_yaml_with_lines(text)
    with pytest.raises(SheetLoadError) as py_error:
        load_yaml_with_lines(text, pure_python=True)
    assert c_error.value.line == py_error.value.line


def test_c_and_python_parsers_give_the_same_data_and_lines() -> None:
    texts = [p.read_text() for p in sorted((ROOT / "facts").rglob("*.yaml"))]
    texts.append('{"a": [1, 2.5, null, true, "x"], "b": {"c": "2024-07-14"}}')
    texts.append("a:\n  b:\n  - x: 1\n  - x: 2\n  - 'NO'\n  - NO\n  - 1e3\n  - 0x1f\n")
    for text in texts:
        assert load_yaml_with_lines(text) == load_yaml_with_lines(text, pure_python=True)


def test_a_symlink_cycle_in_a_sheet_folder_is_walked_once(tmp_path: Path) -> None:
    from extractor.sheets import find_sheets

    (tmp_path / "facts" / "a").mkdir(parents=True)
    (tmp_path / "facts" / "a" / "x.yaml").write_text("a: 1\n")
    (tmp_path / "facts" / "a" / "loop").symlink_to(tmp_path / "facts")
    files, problems = find_sheets([tmp_path / "facts"])
    assert [f.key for f in files] == ["a/x"] and problems == []
