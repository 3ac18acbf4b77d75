"""The canonical reader (issue 12): a sheet laid out as `dump_yaml` writes it is read without
PyYAML's parser, with the very data and line map the parser gives; any other text, however
close, goes to the parser and gets its data, lines or refusal."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_emitter import key, tree

from extractor.pipeline import extract_text
from extractor.yamlio import (
    SheetLoadError,
    _emit_document,
    _Unsupported,
    dump_yaml,
    load_canonical,
    load_yaml_with_lines,
    parse_yaml_with_lines,
)


def outcome(load: Any, text: str) -> Any:
    """What a loader makes of `text`: (data, lines), or the refusal and its line."""
    try:
        return load(text)
    except SheetLoadError as exc:
        return ("refused", str(exc), exc.line)


def committed() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "facts").rglob("*.yaml"))]


def test_every_committed_sheet_is_canonical_with_the_parsers_data_and_lines() -> None:
    for text in committed():
        assert load_canonical(text) == parse_yaml_with_lines(text)
        assert load_canonical(text) is not None


def test_a_sheet_of_generated_text_is_canonical() -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    text = "\n\n".join(seeds) + "\nIt said: “yes” — NO, 'no' # 1e3: 2024-07-14 ~ null.\n"
    sheet = dump_yaml(extract_text(text, doc_id="NO").to_data())
    assert load_canonical(sheet) is not None
    assert load_canonical(sheet) == parse_yaml_with_lines(sheet)


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.dictionaries(key, tree, min_size=1, max_size=4))
def test_generated_data_reads_back_as_the_parser_reads_it(data: dict[str, Any]) -> None:
    text = dump_yaml(data)
    assert outcome(load_yaml_with_lines, text) == outcome(parse_yaml_with_lines, text)
    try:
        _emit_document(data)
    except _Unsupported:
        return
    # what the direct emitter writes loads back as the data it was given: the reader's warrant
    # (it does not read quoted keys, which sheets do not have; the parser does)
    assert parse_yaml_with_lines(text)[0] == data
    read = load_canonical(text)
    assert read is None or read[0] == data


EDITS = [
    "#",
    " #x",
    "&a ",
    "*a",
    "!!str ",
    "- ",
    ": ",
    ":",
    " ",
    "  ",
    "\n",
    "'",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    "~",
    "null",
    "yes",
    "1e3",
    "2024-07-14",
    "0x1",
    "1_0",
    "---\n",
    "...\n",
    "\t",
    "é",
    "id: x\n",
    "value: 1\n",
]


@settings(max_examples=400, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    st.sampled_from(committed()[:3]),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(EDITS), st.integers(0, 3)), max_size=3),
)
def test_edited_sheets_are_read_or_refused_as_the_parser_does(
    text: str, edits: list[tuple[float, str, int]]
) -> None:
    for where, insert, drop in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + drop :]
    assert outcome(load_yaml_with_lines, text) == outcome(parse_yaml_with_lines, text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: !!python/object x\n",
        "a:\n  b:\n    c: 1\n  b: 2\n",
        "facts:\n- id: x\n  id: y\n",
        "a: 1\n# a comment\n",
        "a: ~\n",
        "a:\n",
        "a: 1",  # no final line break: still YAML
        "a: 'it''s'\nb: \"q\\\"\"\n",
        "".join(f"{'  ' * i}k:\n" for i in range(40)) + "  " * 40 + "k: 1\n",  # too deep
    ],
)
def test_near_misses_go_to_the_parser(text: str) -> None:
    assert outcome(load_yaml_with_lines, text) == outcome(parse_yaml_with_lines, text)
