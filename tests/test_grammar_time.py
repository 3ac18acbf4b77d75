"""The quantity grammar stays linear in its input on adversarial text: time per KB at 20 KB
is not much above time per KB at 2 KB (a ratio, so the shared machine's speed does not matter).
"""

from __future__ import annotations

import time

import pytest

from extractor.quantities import quantities

PATTERNS = {
    "dollars": "$1 ",
    "digits": "1 ",
    "words": "one ",
    "percent rows": "Poland: 4.12\n",
    "lists": "5, ",
    "ratios": "1 in 4 ",
    "modifiers": "Polish, ",
    "ranges": "10 to 20 and ",
    "respectively": "5 and 6 tanks respectively, ",
    "zero width": "1\u200b000 ",
    "long digits": "9" * 60 + " ",
    "qualifiers": "as many as ",
    "header": "% of GDP:\n",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        quantities(text)
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_time_per_kb_does_not_grow(name: str) -> None:
    unit = PATTERNS[name]
    small = unit * (2_000 // len(unit))
    large = unit * (20_000 // len(unit))
    quantities(small[:500])  # tables loaded
    per_kb_small = _seconds(small) / len(small)
    per_kb_large = _seconds(large) / len(large)
    assert per_kb_large < 4 * per_kb_small + 2e-7, (name, per_kb_small, per_kb_large)


def test_one_endless_line_of_figures_stays_linear() -> None:
    """A text without a newline: no per-figure look for the end of its line may scan to the
    end of the text (20 KB against 200 KB, where such a scan would show)."""
    small, large = "1 " * 10_000, "1 " * 100_000
    quantities(small[:500])
    per_char_small = _seconds(small) / len(small)
    per_char_large = _seconds(large) / len(large)
    assert per_char_large < 3 * per_char_small, (per_char_small, per_char_large)
