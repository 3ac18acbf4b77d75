"""The direct YAML emitter writes exactly what PyYAML writes (issue 12): on every committed
sheet, on sheets extracted from generated text, and on generated data of every shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline import extract_text
from extractor.yamlio import (
    _emit_document,
    _Unsupported,
    dump_yaml,
    load_yaml_with_lines,
    pyyaml_dump,
)

TRICKY = list(" -:#'\"!?&*[]{},|>%@`~.0123456789aeEnNoOyYtTfFxX+_\\/\t\n\xa0é—“”\u2028\x85\ufeff😀")
text = st.text(alphabet=st.sampled_from(TRICKY), max_size=12) | st.text(max_size=8)
scalar = text | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans()
key = st.sampled_from(["id", "donor", "subject", "quote", "value", "x y", "a:b", "no"])
tree = st.recursive(
    scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(key, inner, max_size=3),
    max_leaves=12,
)


def test_every_committed_sheet_is_written_byte_for_byte() -> None:
    for path in sorted((ROOT / "facts").rglob("*.yaml")):
        data, _ = load_yaml_with_lines(path.read_text(encoding="utf-8"))
        assert _emit_document(data) == pyyaml_dump(data) == path.read_text(encoding="utf-8")


def test_sheets_of_generated_text_are_written_byte_for_byte() -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    text = "\n\n".join(seeds) + "\nIt said: “yes” — NO, 'no' # 1e3: 2024-07-14 ~ null.\n"
    data = extract_text(text, doc_id="NO").to_data()
    assert dump_yaml(data) == pyyaml_dump(data) == pyyaml_dump(data, pure_python=True)
    _emit_document(data)  # took the direct path


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.dictionaries(key, tree, min_size=1, max_size=4))
def test_generated_data_is_written_as_pyyaml_writes_it(data: dict[str, Any]) -> None:
    try:
        direct = _emit_document(data)
    except _Unsupported:
        direct = None
    assert dump_yaml(data) == pyyaml_dump(data)
    if direct is not None:
        assert direct == pyyaml_dump(data)


def test_what_the_emitter_does_not_handle_goes_to_pyyaml(tmp_path: Path) -> None:
    for data in ({"a": "line\nbreak"}, {"a": " lead"}, {"a": [["x"]]}, {"a": None}, {"a": "😀"}):
        try:
            _emit_document(data)
            raise AssertionError(f"handled {data!r}")
        except _Unsupported:
            pass
        assert dump_yaml(data) == pyyaml_dump(data)
