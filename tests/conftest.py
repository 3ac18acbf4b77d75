from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def invoke(*args: str, stdin: bytes | None = None) -> Ran:
    """Run the command line in-process (click's CliRunner): stdout, stderr and exit code apart.
    An exception that escapes a command is an internal error: it fails the test, traceback and
    all, instead of becoming exit 70."""
    from click.testing import CliRunner

    from extractor.cli import cli

    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)
