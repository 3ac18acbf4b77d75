"""The step every table generator ends with: write the table, or with --check say whether the
committed file is stale (a test runs each generator with --check)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(out: Path, text: str, *, check: bool, script: str) -> int:
    """Write `text` to `out`; with `check`, write nothing and return 1 (naming the script that
    regenerates it) when the committed file is missing or differs."""
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    return 0
