from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def invoke(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    """Run the command line in-process (click's CliRunner): stdout, stderr and exit code apart.
    An exception that escapes a command is an internal error: it fails the test, traceback and
    all, instead of becoming exit 70."""
    from click.testing import CliRunner

    from extractor.cli import cli

    result = CliRunner().invoke(cli, list(args), input=stdin, env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """In CI (CI=true) a skip is a failure: a test that cannot run there (no Chromium, no
    git, no permissions) must not turn green by going quiet.  xfail stays xfail."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and os.environ.get("CI") == "true":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true), which counts as a failure: {reason}"


# Tests that need a real environment; `make test` runs them, `make test-fast` leaves them out.
SLOW = frozenset(
    {
        "tests/test_render.py::test_browser_marks_visible_and_rows_scroll_to_marks",
        "tests/test_render.py::test_browser_page_and_index_at_1280",
        "tests/test_series.py::test_browser_opens_the_svg_and_a_point_leads_to_its_mark",
    }
)
# Tests that measure time per KB: make test runs them apart, without coverage.
TIMING_FILES = ("tests/test_adversarial_time.py", "tests/test_grammar_time.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid in SLOW:
            item.add_marker(pytest.mark.slow)
        if item.nodeid.startswith(TIMING_FILES):
            item.add_marker(pytest.mark.timing)
