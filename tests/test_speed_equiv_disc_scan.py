"""The gazetteer's and the event table's surface scans (`SurfaceScan`) must find exactly what
their full alternation finds, paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.gazetteer import events, gazetteer
from extractor.layout import Layout
from extractor.named_events import SurfaceScan, surface_scan

ROOT = Path(__file__).resolve().parent.parent


def _found(scan: SurfaceScan, text: str, lo: int, hi: int) -> tuple[list[object], list[object]]:
    fast = [(m.span(), m.groupdict()) for m in scan.finditer(text, lo, hi)]
    full = [(m.span(), m.groupdict()) for m in scan.full.finditer(text, lo, hi)]
    return fast, full


def _scans() -> list[SurfaceScan]:
    return [gazetteer().scan, events().scan]


def test_the_scans_are_the_tables_patterns() -> None:
    assert gazetteer().scan.full is gazetteer().pattern
    assert events().scan.full is events().pattern
    assert all(scan.heads for scan in _scans())  # both tables have lower-case surfaces


def test_scans_agree_on_real_paragraphs() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append((ROOT / "tests" / "gold" / "passages.yaml").read_text(encoding="utf-8"))
    texts += [t.lower() for t in texts] + [t.replace("\n", " ") for t in texts]
    for text in texts:
        layout = Layout(text)
        for index in range(len(layout.paragraph_starts)):
            lo, hi = layout.paragraph_at(index)
            for scan in _scans():
                fast, full = _found(scan, text, lo, hi)
                assert fast == full


def test_a_lower_case_surface_switches_to_the_full_pattern() -> None:
    scan = surface_scan(["Netherlands", "the Netherlands", "Siege", "siege of Mariupol"])
    text = "In the Netherlands and Netherlands; the siege of Mariupol. Siege"
    fast, full = _found(scan, text, 0, len(text))
    assert fast == full
    assert [span for span, _ in fast] == [(3, 18), (23, 34), (40, 57), (59, 64)]


_PIECES = st.sampled_from(
    [
        "the Netherlands",
        "Netherlands",
        "the alliance",
        "Alliance",
        "siege of Mariupol",
        "Siege of Mariupol",
        "battle of Bakhmut",
        "war in Ukraine",
        "Ukraine",
        "Ukraine's",
        "von der Leyen",
        "el-Sisi",
        "Sisi",
        "US$",
        "x",
        " ",
        "\n\n",
        "-",
        "’s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.integers(0, 8), st.integers(0, 8))
def test_scans_agree_on_generated_text(pieces: list[str], cut_lo: int, cut_hi: int) -> None:
    text = "".join(pieces)
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    for scan in _scans():
        fast, full = _found(scan, text, lo, hi)
        assert fast == full
