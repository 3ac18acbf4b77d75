"""Exports: the rows equal the facts in every format; the Data Package validates."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.export import COLUMNS, data_dictionary
from extractor.model import FactSheet
from extractor.yamlio import read_sheet_file

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def sheets() -> list[FactSheet]:
    return [
        FactSheet.model_validate(read_sheet_file(p)[0])
        for p in sorted((ROOT / "facts").glob("*.yaml"))
    ]


def expected() -> list[tuple[str, str, object, str, str]]:
    return [
        (
            s.source.id,
            f.id,
            f.quantity.value if f.quantity.value is not None else f.quantity.min,
            f.quantity.unit,
            f.span.quote,
        )
        for s in sheets()
        for f in s.facts
    ]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "factsheet"), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _number(text: str) -> object:
    return float(text) if "." in text else int(text)


def test_csv_round_trip() -> None:
    result = run("export", "facts", "--format", "csv")
    assert result.returncode == 0, result.stderr
    reader = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(reader[0]) == [c.name for c in COLUMNS]
    got = [
        (r["document"], r["id"], _number(r["value"] or r["min"]), r["unit"], r["quote"])
        for r in reader
    ]
    assert got == expected()
    assert all("," not in r["value"] for r in reader)  # bare numbers
    assert {r["published"] for r in reader} >= {"2024-07-14", "2020-09-11"}  # ISO dates


def test_jsonl_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    assert run("export", "facts", "--format", "jsonl", "-o", str(out)).returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    got = [
        (
            r["document"],
            r["id"],
            r["value"] if r["value"] is not None else r["min"],
            r["unit"],
            r["quote"],
        )
        for r in records
    ]
    assert got == expected()
    assert records[0]["source_sha256"] == sheets()[0].source.sha256


def test_sqlite_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "facts.db"
    assert run("export", "facts", "--format", "sqlite", "-o", str(out)).returncode == 0
    db = sqlite3.connect(out)
    got = db.execute(
        "SELECT document, id, COALESCE(value, min), unit, quote FROM facts ORDER BY rowid"
    ).fetchall()
    assert got == expected()
    assert db.execute("SELECT COUNT(*) FROM sources").fetchone() == (5,)
    indexes = {row[1] for row in db.execute("PRAGMA index_list(facts)")}
    assert {"facts_family", "facts_document"} <= indexes
    keys = db.execute("PRAGMA foreign_key_list(facts)").fetchall()
    assert keys[0][2:5] == ("sources", "document", "id")


def test_datapackage_validates_with_frictionless(tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert run("export", "facts", "--format", "datapackage", "-o", str(out)).returncode == 0
    package = json.loads((out / "datapackage.json").read_text())
    facts = package["resources"][1]["schema"]
    assert facts["primaryKey"] == ["document", "id"]
    assert facts["foreignKeys"][0]["reference"] == {"resource": "sources", "fields": ["id"]}
    assert all(f["description"] for f in facts["fields"])
    rows = list(csv.DictReader((out / "facts.csv").open(encoding="utf-8")))
    assert len(rows) == len(expected())
    exe = BIN / "frictionless"
    if not exe.exists():
        pytest.skip("frictionless is not installed")
    result = subprocess.run(
        [str(exe), "validate", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_data_dictionary_is_current() -> None:
    assert (ROOT / "docs" / "data-dictionary.md").read_text() == data_dictionary(), (
        "stale: run factsheet export --dictionary -o docs/data-dictionary.md"
    )


def test_export_of_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nsource: {}\nfacts: []\n")
    result = run("export", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a valid fact sheet" in result.stderr
    assert run("export", "facts", "--format", "sqlite").returncode == 2


def test_sqlite_has_fts_integers_and_datasette_metadata(tmp_path: Path) -> None:
    out = tmp_path / "facts.db"
    assert run("export", "facts", "--format", "sqlite", "-o", str(out)).returncode == 0
    db = sqlite3.connect(out)
    kinds = dict(db.execute("SELECT quote, typeof(value) FROM facts").fetchall())
    assert kinds["nearly \\$A250 million"] == "integer"
    assert kinds["1.38 percent of GDP"] == "real"
    assert {t for (t,) in db.execute("SELECT typeof(start) FROM facts")} == {"integer"}
    hits = db.execute(
        "SELECT f.id FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
        "WHERE facts_fts MATCH 'nanking'"
    ).fetchall()
    expected_ids = [
        f.id for s in sheets() for f in s.facts if "nanking" in (f.claim + f.span.quote).lower()
    ]
    assert sorted(h[0] for h in hits) == sorted(expected_ids) and expected_ids
    meta = json.loads((tmp_path / "facts.metadata.json").read_text())
    table = meta["databases"]["facts"]["tables"]["facts"]
    assert table["fts_table"] == "facts_fts"
    assert set(table["columns"]) == {c.name for c in COLUMNS}
    assert all(table["columns"].values())  # every column described, as in the dictionary


def test_parquet_has_the_columns_and_types_of_the_csv(tmp_path: Path) -> None:
    import pyarrow.parquet as pq  # the test extra installs it: no skip

    out = tmp_path / "facts.parquet"
    result = run("export", "facts", "--format", "parquet", "-o", str(out))
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert table.column_names == [c.name for c in COLUMNS]
    kinds = {f.name: str(f.type) for f in table.schema}
    assert kinds["value"] == "double" and kinds["start"] == "int64"
    assert kinds["published"] == "date32[day]" and kinds["quote"] == "string"
    got = list(
        zip(
            table.column("document").to_pylist(),
            table.column("id").to_pylist(),
            table.column("unit").to_pylist(),
            table.column("quote").to_pylist(),
            strict=True,
        )
    )
    assert got == [(d, i, u, q) for d, i, _, u, q in expected()]
    assert table.schema.field("claim").metadata[b"description"]
