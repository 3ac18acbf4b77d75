"""No internal error on any input (issue 11): random sheets for every sheet reader, random
bytes for extract.  `invoke` fails the test on any exception that escapes a command."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import ROOT, invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SHEET = (ROOT / "facts" / "000_55791655ed5d24e6.yaml").read_text(encoding="utf-8")
PIECES = st.sampled_from(
    [
        "\n",
        " ",
        "  ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!",
        "? ",
        "'",
        '"',
        "#",
        "schema_version: 1",
        "facts:",
        "source:",
        "id: x",
        "value: 1e400",
        ".nan",
        "2024-02-30",
        "\x00",
        "\t",
        "\ufeff",
        "---",
        "...",
        "|",
        ">",
        "9" * 30,
        "~",
        "<<: ",
        "%YAML 1.1",
    ]
)


def mutations() -> st.SearchStrategy[str]:
    spliced = st.tuples(
        st.integers(0, len(SHEET)), st.integers(0, 60), st.lists(PIECES, max_size=6)
    )
    return st.one_of(
        st.lists(PIECES, max_size=40).map("".join),
        spliced.map(lambda t: SHEET[: t[0]] + "".join(t[2]) + SHEET[t[0] + t[1] :]),
    )


@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(mutations())
def test_every_sheet_reader_survives_any_sheet(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "x.yaml"
        sheet.write_text(text, encoding="utf-8", errors="surrogatepass")
        for args in (
            ["validate", str(sheet)],
            ["show", str(sheet)],
            ["diff", str(sheet), str(sheet)],
            ["export", str(sheet), "--format", "jsonl"],
            ["render", str(sheet), "-o", str(Path(tmp) / "site")],
        ):
            ran = invoke(*args)
            assert ran.code in (0, 1, 2), (args, ran)


@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "replace")))
def test_extract_survives_any_bytes(data: bytes) -> None:
    ran = invoke("extract", "-", "--stdout", "--jobs", "1", stdin=data)
    assert ran.code in (0, 2), ran
    if ran.code == 2:
        assert ran.err.startswith("factsheet: error: -: ") and ran.err.count("\n") == 1
