"""What only a terminal sees: the progress bar of extract and the colours of diff."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def on_a_terminal(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """Run with stdout and stderr on a pseudo-terminal; return the exit code and the screen."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(BIN / "factsheet"), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **(env or {})},
    )
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    return proc.wait(timeout=120), screen


def test_extract_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    code, screen = on_a_terminal(["extract", "seeds", "-o", str(tmp_path / "a")], ROOT)
    assert code == 0
    assert b"extracting" in screen
    piped = subprocess.run(
        [str(BIN / "factsheet"), "extract", "seeds", "-o", str(tmp_path / "b")],
        cwd=ROOT,
        capture_output=True,
    )
    assert piped.returncode == 0 and piped.stderr == b""


def test_diff_is_coloured_on_a_terminal(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "facts", old)
    shutil.copytree(ROOT / "facts", new)
    sheet = new / "000_55791655ed5d24e6.yaml"
    sheet.write_text(sheet.read_text().replace("value: 16000000", "value: 18000000", 1))
    code, screen = on_a_terminal(["diff", str(old), str(new)], ROOT)
    assert code == 0
    assert b"\x1b[33m  ~ changed" in screen


def test_no_color_turns_the_colours_off(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "facts", old)
    shutil.copytree(ROOT / "facts", new)
    sheet = new / "000_55791655ed5d24e6.yaml"
    sheet.write_text(sheet.read_text().replace("value: 16000000", "value: 18000000", 1))
    code, screen = on_a_terminal(["diff", str(old), str(new)], ROOT, env={"NO_COLOR": "1"})
    assert code == 0
    assert b"~ changed" in screen and b"\x1b[" not in screen
