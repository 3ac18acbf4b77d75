"""The faster forms of reading and naming files (issue 12) give what the plain forms give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.documents import _head_lines
from extractor.sources import display_path

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
