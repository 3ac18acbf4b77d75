"""The faster forms of reading and naming files (issue 12) give what the plain forms give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.documents import _head_lines
from extractor.sources import display_path, real_path, scan

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def plain_head(text: str, wanted: int) -> list[tuple[int, str]]:
    return [(i, line.strip()) for i, line in enumerate(text.splitlines()) if line.strip()][:wanted]


line = st.one_of(
    st.just(""),
    st.just("   "),
    st.text(alphabet=st.sampled_from("ab \t"), max_size=30),
    st.integers(1, 5000).map(lambda n: "x" * n),  # long lines cross the first cuts
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(line, st.sampled_from(BREAKS)), max_size=200),
    st.integers(1, 100),
)
def test_the_head_lines_are_those_of_the_whole_split(
    parts: list[tuple[str, str]], wanted: int
) -> None:
    text = "".join(a + b for a, b in parts)
    assert _head_lines(text, wanted) == plain_head(text, wanted)


@pytest.mark.parametrize("cut", [8191, 8192, 8193])
def test_a_crlf_split_by_the_cut_is_one_break(cut: int) -> None:
    text = "x" * (cut - 1) + "\r\n" + "\n".join(f"line {i}" for i in range(100))
    assert _head_lines(text, 80) == plain_head(text, 80)
    text = "\n" * (cut - 1) + "\r\n" + "y\n" * 100
    assert _head_lines(text, 80) == plain_head(text, 80)


def slow_display_path(path: Path) -> str:
    """display_path as it was: relpath of the absolute path from the working directory."""
    rel = os.path.relpath(os.path.abspath(path), os.getcwd())
    if rel.startswith(".."):
        return path.as_posix() if not path.is_absolute() else path.name
    return Path(rel).as_posix()


@pytest.mark.parametrize(
    "raw",
    [
        "facts/2024/05/x.yaml",
        "./facts//x.yaml",
        "a/../b/x.txt",
        ".",
        "..",
        "../x.txt",
        "a/../../x.txt",
        "..foo/x.txt",
        "facts/",
        "seeds/000_x.txt",
    ],
)
def test_display_path_of_a_relative_path_is_unchanged(
    raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert display_path(Path(raw)) == slow_display_path(Path(raw))
    absolute = Path.cwd() / raw
    assert display_path(absolute) == slow_display_path(absolute)


def old_walk(
    folder: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False
) -> list[tuple[Path, str | None]]:
    """sources.walk as it was, on os.walk and pathlib."""
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()
    for top, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        base = Path(top)
        try:
            info = os.stat(base)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if not follow_symlinks:
            for d in dirs:
                if (base / d).is_symlink():
                    found.append((base / d, "is a symbolic link (use --follow-symlinks)"))
        for name in files:
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            if path.is_symlink() and not follow_symlinks:
                found.append((path, "is a symbolic link (use --follow-symlinks)"))
            elif path.is_file():
                found.append((path, None))
    found.sort(key=lambda item: item[0].relative_to(folder).parts)
    return found


def awkward_tree(root: Path) -> Path:
    top = root / "tree"
    for rel in ["a/x.txt", "a/b/y.TXT", "a/b/z.md", "c/w.html", "v.yaml", "d/u.yml", "d/t.json"]:
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text("x")
    (top / ".hidden").mkdir()
    (top / ".hidden" / "h.txt").write_text("x")
    (top / ".dot.txt").write_text("x")
    (top / "a" / "notes.rtf").write_text("x")
    (top / "a.").mkdir()
    (top / "a." / "q.txt").write_text("x")
    (top / "linked").symlink_to(top / "a")  # a second way to a folder
    (top / "a" / "b" / "up").symlink_to(top)  # a cycle
    (top / "l.txt").symlink_to(top / "a" / "x.txt")
    (top / "broken.txt").symlink_to(top / "nowhere.txt")
    (top / "dir.txt").mkdir()  # a folder with a document's suffix
    os.mkfifo(top / "fifo.txt")
    (top / "outside").symlink_to(root / "elsewhere")
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "e.md").write_text("x")
    return top


@pytest.mark.parametrize("follow", [False, True])
@pytest.mark.parametrize("suffixes", [(".txt", ".md", ".html", ".htm"), (".yaml", ".yml", ".json")])
def test_scan_finds_what_the_os_walk_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, follow: bool, suffixes: tuple[str, ...]
) -> None:
    top = awkward_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    for folder in (top, Path("tree"), Path("./tree/"), tmp_path / "tree" / "linked"):
        got = [(f.path, f.reason) for f in scan(folder, suffixes, follow_symlinks=follow)]
        assert got == old_walk(folder, suffixes, follow_symlinks=follow)
        for f in scan(folder, suffixes, follow_symlinks=follow):
            assert f.key == f.path.relative_to(folder).with_suffix("").as_posix()
            if f.reason is None:
                real = real_path(os.path.realpath(folder), f)
                assert real == os.path.realpath(f.path) == str(f.path.resolve())


def test_the_by_line_is_the_one_the_joined_head_search_finds() -> None:
    import re

    from extractor.documents import _BY_LINE, _metadata

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        "Title\nBy Jane Smith and Tom Jones, Reuters\nbody",
        "Title\n*By Sarah Lee | 3 April 2023*\n",
        "Title\nStandby Bob\nBy  M.K. Bhadrakumar\n",
        "Title\n" + "\n".join(f"line {i}" for i in range(90)) + "\nBy Late Name\n",
        "Title\n_By van der Berg_ \nBy Second\n",
        "Title\nBy lowercase\nBy Upper Case\n",
    ]
    for text in texts:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:80]
        joined = re.compile(_BY_LINE.re.pattern, re.MULTILINE).search("\n".join(lines))
        byline = _metadata(text)[2]
        if joined:
            assert byline == joined.group(1)
        else:
            assert byline is None or not byline.startswith("By")
