"""Tidy exports for data journalism: one row per fact, the quote and the source on every row.

One column table (`COLUMNS`) drives every format: CSV, JSON Lines, SQLite, a Frictionless Data
Package, and the data dictionary in docs/.  Descriptions come from the JSON Schema where the
model has one, so the dictionary and the schema cannot drift apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.model import FactSheet, json_schema
from extractor.safety import spreadsheet_safe
from extractor.yamlio import write_atomic


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string | integer | number | date
    path: str  # where it comes from: "fact.quantity.value", "source.title"
    description: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        "string",
        "fact.id",
        "Fact id, stable across edits elsewhere in the document",
        "aid-26027b68",
    ),
    Column("document", "string", "source.id", "The document's file stem", "000_55791655ed5d24e6"),
    Column("title", "string", "source.title", "The document's headline", "NATO moves to ..."),
    Column("published", "date", "source.published", "Publication date (ISO)", "2024-07-14"),
    Column(
        "family", "string", "fact.family", "aid | spending | exercise | casualties | other", "aid"
    ),
    Column(
        "claim",
        "string",
        "fact.claim",
        "The fact as one readable sentence",
        "Australia commits nearly A$250 million to Ukraine.",
    ),
    Column("value", "number", "fact.quantity.value", "", "250000000"),
    Column("unit", "string", "fact.quantity.unit", "", "AUD"),
    Column(
        "qualifier",
        "string",
        "fact.quantity.qualifier",
        "exact | approximate | nearly | more_than | at_least | less_than | at_most",
        "nearly",
    ),
    Column("min", "number", "fact.quantity.min", "", "40000"),
    Column("max", "number", "fact.quantity.max", "", "90000"),
    Column("of", "string", "fact.quantity.of", "", "GDP"),
    Column("currency_from", "string", "fact.quantity.currency_from", "", "context"),
    Column(
        "donor",
        "string",
        "fact.donor",
        "Aid: the giving country (ISO 3166 alpha-2) or body; several are joined with ';'",
        "AU",
    ),
    Column(
        "recipient",
        "string",
        "fact.recipient",
        "Aid: the receiving country; several are joined with ';'",
        "UA",
    ),
    Column("scope", "string", "fact.scope", "Aid: package | cumulative | component", "package"),
    Column(
        "since", "integer", "fact.since", "Aid: the year a cumulative total counts from", "2022"
    ),
    Column("restates", "string", "fact.restates", "", "aid-26027b68"),
    Column("part_of", "string", "fact.part_of", "", "exercise-1fda4e1b"),
    Column(
        "subject",
        "string",
        "fact.subject",
        "Who the figure is about; several are joined with ';'",
        "JP;KR;AU",
    ),
    Column("status", "string", "fact.status", "Spending: actual | target | commitment", "target"),
    Column("year", "integer", "fact.year", "The year the figure is for", "2024"),
    Column(
        "measure",
        "string",
        "fact.measure",
        "What a count measures",
        "allies meeting the 2% of GDP guideline",
    ),
    Column("period", "string", "fact.period", "The period a budget covers", "five years"),
    Column(
        "event",
        "string",
        "fact.event",
        "Exercise or casualty event, named as the text names it",
        "Tsentr-2019",
    ),
    Column("dates", "string", "fact.dates", "", "2019-09-16/2019-09-21"),
    Column("location", "string", "fact.location", "Where an exercise took place", "Western Russia"),
    Column(
        "harm", "string", "fact.harm", "Casualties: killed | died | raped | wounded | ...", "killed"
    ),
    Column(
        "victims", "string", "fact.victims", "Casualties: who, as the text says", "Chinese people"
    ),
    Column("quote", "string", "fact.span.quote", "", "nearly \\$A250 million"),
    Column("start", "integer", "fact.span.start", "", "6469"),
    Column("end", "integer", "fact.span.end", "", "6490"),
    Column("line", "integer", "fact.span.line", "", "50"),
    Column("rule", "string", "fact.rule", "The rule that produced the fact", "aid.package"),
    Column(
        "source_sha256",
        "string",
        "source.sha256",
        "SHA-256 of the source file's bytes",
        "d7bfcdc4…",
    ),
)

SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "source.id", "The document's file stem", "000_55791655ed5d24e6"),
    Column("path", "string", "source.path", "Path of the source document", "seeds/000_….txt"),
    Column("sha256", "string", "source.sha256", "SHA-256 of the source file's bytes", "d7bf…"),
    Column("title", "string", "source.title", "The document's headline", "NATO moves to ..."),
    Column("published", "date", "source.published", "Publication date (ISO)", "2024-07-14"),
    Column("byline", "string", "source.byline", "Author as printed", "John Braddock"),
)

# NUMERIC affinity keeps an integral value as an INTEGER (250000000, not 250000000.0) and a
# fractional one as a REAL.
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "NUMERIC", "date": "TEXT"}
# Full-text search over these columns (SQLite FTS5, which datasette finds by the table name).
FTS_COLUMNS = ("quote", "claim")


def _schema_description(path: str) -> str:
    """The JSON Schema's description of a model field, e.g. fact.quantity.value."""
    schema = json_schema()
    defs = schema.get("$defs", {})
    node: dict[str, Any] = (
        schema["properties"]["facts"]["items"]
        if path.startswith("fact.")
        else schema["properties"]["source"]
    )
    for part in path.split(".")[1:]:
        if "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        node = node.get("properties", {}).get(part, {})
        if "$ref" in node and part != path.split(".")[-1]:
            node = defs[node["$ref"].split("/")[-1]]
    return str(node.get("description", ""))


def describe(column: Column) -> str:
    return column.description or _schema_description(column.path)


def _get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def rows(sheets: Iterable[FactSheet]) -> list[dict[str, Any]]:
    """One row per fact, columns in COLUMNS order; empty fields are None."""
    out = []
    for sheet in sheets:
        data = sheet.to_data()
        for fact in data["facts"]:
            row = {}
            for col in COLUMNS:
                head, _, rest = col.path.partition(".")
                value = _get(fact if head == "fact" else data["source"], rest)
                if isinstance(value, list):
                    value = ";".join(map(str, value))
                row[col.name] = value
            out.append(row)
    return out


def source_rows(sheets: Iterable[FactSheet]) -> list[dict[str, Any]]:
    out = []
    for sheet in sheets:
        data = sheet.to_data()["source"]
        out.append({c.name: _get(data, c.path.partition(".")[2]) for c in SOURCE_COLUMNS})
    return out


class ExportError(Exception):
    """Sheets that cannot be exported together; the message names the clash."""


def _csv_cell(value: Any, column: Column) -> Any:
    if value is None:
        return ""
    if column.type == "string" and isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def to_csv(records: list[dict[str, Any]], columns: tuple[Column, ...] = COLUMNS) -> str:
    """CSV with a header; text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
    tab, CR first) get a `'` in front (see the data dictionary)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for record in records:
        writer.writerow([_csv_cell(record[c.name], c) for c in columns])
    return buffer.getvalue()


def to_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def write_sqlite(sheets: list[FactSheet], path: Path) -> None:
    """`sources` and `facts` tables with keys and indexes and an FTS5 index over quote and
    claim, ready for datasette.  Built in a temporary file and renamed, like every output."""

    def build(tmp: Path) -> None:
        db = sqlite3.connect(tmp)
        try:
            with db:
                _fill(db, sheets)
        finally:
            db.close()

    _replace_atomically(path, build)


def _fill(db: sqlite3.Connection, sheets: list[FactSheet]) -> None:
    src_cols = ", ".join(f'"{c.name}" {SQL_TYPES[c.type]}' for c in SOURCE_COLUMNS)
    db.execute(f"CREATE TABLE sources ({src_cols}, PRIMARY KEY (id))")
    fact_cols = ", ".join(f'"{c.name}" {SQL_TYPES[c.type]}' for c in COLUMNS)
    db.execute(
        f"CREATE TABLE facts ({fact_cols}, PRIMARY KEY (document, id), "
        "FOREIGN KEY (document) REFERENCES sources(id))"
    )
    db.execute("CREATE INDEX facts_family ON facts(family)")
    db.execute("CREATE INDEX facts_document ON facts(document)")
    db.execute(
        f"CREATE VIRTUAL TABLE facts_fts USING fts5({', '.join(FTS_COLUMNS)}, "
        "content='facts', content_rowid='rowid')"
    )
    names = [c.name for c in SOURCE_COLUMNS]
    db.executemany(
        f"INSERT INTO sources VALUES ({', '.join('?' for _ in names)})",
        [[r[n] for n in names] for r in source_rows(sheets)],
    )
    names = [c.name for c in COLUMNS]
    db.executemany(
        f"INSERT INTO facts VALUES ({', '.join('?' for _ in names)})",
        [[r[n] for n in names] for r in rows(sheets)],
    )
    db.execute("INSERT INTO facts_fts(facts_fts) VALUES ('rebuild')")


def _replace_atomically(path: Path, write: Any) -> None:
    """Call write(tmp) on a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as handle:
        tmp = Path(handle.name)
    try:
        write(tmp)
        mask = os.umask(0)
        os.umask(mask)
        tmp.chmod(0o666 & ~mask)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def datasette_metadata(database: str) -> dict[str, Any]:
    """datasette `metadata.json` for the SQLite export, from the same column table as the
    data dictionary: table and column descriptions, facets and the full-text index."""

    def columns(cols: tuple[Column, ...]) -> dict[str, str]:
        return {c.name: describe(c) for c in cols}

    return {
        "title": "factsheet: quantitative facts with their sources",
        "description": "One row per fact; each row quotes its source text. "
        "The unit of `value`, `min` and `max` is in `unit` (ISO 4217, percent, a duration "
        "or a counted noun).",
        "databases": {
            database: {
                "tables": {
                    "facts": {
                        "description": "One row per fact, in document order",
                        "columns": columns(COLUMNS),
                        "facets": ["family", "document", "unit", "qualifier"],
                        "fts_table": "facts_fts",
                        "sort": "rowid",
                    },
                    "sources": {
                        "description": "One row per source document",
                        "columns": columns(SOURCE_COLUMNS),
                    },
                }
            }
        },
    }


def write_metadata(db_path: Path) -> Path:
    """`<db>.metadata.json` beside the database (`datasette facts.db -m facts.metadata.json`)."""
    target = db_path.with_name(db_path.stem + ".metadata.json")
    text = json.dumps(datasette_metadata(db_path.stem), indent=2, ensure_ascii=False) + "\n"
    write_atomic(target, text)
    return target


def write_parquet(sheets: list[FactSheet], path: Path) -> None:
    """The facts table as Parquet, with the columns and types of the CSV (pyarrow, optional)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "--format parquet needs pyarrow: pip install 'factsheet[parquet]'"
        ) from None
    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    types["date"] = pa.date32()
    schema = pa.schema(
        [pa.field(c.name, types[c.type], metadata={"description": describe(c)}) for c in COLUMNS]
    )
    records = rows(sheets)
    data = {}
    for c in COLUMNS:
        values = [r[c.name] for r in records]
        if c.type == "date":
            values = [None if v is None else dt.date.fromisoformat(str(v)) for v in values]
        elif c.type == "number":
            values = [None if v is None else float(v) for v in values]
        data[c.name] = values
    table = pa.Table.from_pydict(data, schema=schema)
    _replace_atomically(path, lambda tmp: pq.write_table(table, tmp))


def _table_schema(columns: tuple[Column, ...]) -> list[dict[str, Any]]:
    return [{"name": c.name, "type": c.type, "description": describe(c)} for c in columns]


def write_datapackage(sheets: list[FactSheet], folder: Path) -> None:
    """facts.csv, sources.csv and datapackage.json (Frictionless Table Schema with types,
    descriptions, primary and foreign keys)."""
    package = {
        "name": "factsheet",
        "title": "Quantitative facts extracted by factsheet",
        "resources": [
            {
                "name": "sources",
                "path": "sources.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": _table_schema(SOURCE_COLUMNS), "primaryKey": ["id"]},
            },
            {
                "name": "facts",
                "path": "facts.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": _table_schema(COLUMNS),
                    "primaryKey": ["document", "id"],
                    "foreignKeys": [
                        {
                            "fields": ["document"],
                            "reference": {"resource": "sources", "fields": ["id"]},
                        }
                    ],
                },
            },
        ],
    }
    write_atomic(folder / "sources.csv", to_csv(source_rows(sheets), SOURCE_COLUMNS))
    write_atomic(folder / "facts.csv", to_csv(rows(sheets)))
    write_atomic(
        folder / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    )


def _dictionary_row(column: Column) -> str:
    meaning = describe(column).replace("|", "\\|")
    return f"| `{column.name}` | {column.type} | {meaning} | `{column.example}` |"


def data_dictionary() -> str:
    """docs/data-dictionary.md: every exported column, its type, meaning and an example."""
    out = [
        "# Data dictionary",
        "",
        "Generated by `factsheet export --dictionary` from the column table in",
        "`extractor/export.py` and the JSON Schema; a test fails when this file is stale.",
        "",
        "## facts (one row per fact)",
        "",
        "| column | type | meaning | example |",
        "| --- | --- | --- | --- |",
    ]
    out += [_dictionary_row(c) for c in COLUMNS]
    out += [
        "",
        "## sources (one row per document)",
        "",
        "| column | type | meaning | example |",
        "| --- | --- | --- | --- |",
    ]
    out += [_dictionary_row(c) for c in SOURCE_COLUMNS]
    out += [
        "",
        "## Text cells in CSV",
        "",
        "In `--format csv` and in the Data Package's CSV files, a text cell that begins with `=`,",
        "`+`, `-`, `@`, a tab or a carriage return gets a `'` in front (`-3.5%` is written",
        "`'-3.5%`), so that Excel, LibreOffice and Google Sheets show it as text instead of",
        "running it as a formula. Number, integer and date columns are never prefixed. JSON",
        "Lines, SQLite and Parquet keep the text exactly as in the sheet.",
    ]
    return "\n".join(out) + "\n"
