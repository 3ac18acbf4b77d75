"""Archives beyond one machine: the per-document extraction mapped over a `dask.bag` of paths.

Needs the optional extra: `pip install 'factsheet[dask]'` (dask, distributed, pyarrow).

    from distributed import Client
    from extractor.scale import extract_archive

    with Client("tcp://scheduler:8786") as client:          # or Client() for this laptop
        result = extract_archive(["archive"], out_dir=Path("facts"), parquet=Path("facts.parquet"))

Inputs are found and checked for clashes exactly as `factsheet extract` does (one discovery,
one source-id rule); each task reads, extracts and writes one sheet with the same function as
`extract --jobs`, so the sheets are byte-identical to a serial run.  Workers must see the
inputs and `out_dir` at the same paths (a shared file system).  The Parquet table has the
columns of `factsheet export` (one row per fact) and is written by the client, in input order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.parallel import ExtractTask, extract_task, sheet_path
from extractor.sources import clashes, expand


@dataclass
class ArchiveResult:
    sheets: int = 0
    facts: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (input, reason), in order


@dataclass(frozen=True)
class _Done:
    display: str
    error: str | None
    rows: list[dict[str, Any]]
    facts: int = 0


def _run(task: ExtractTask, out_dir: str | None, want_rows: bool) -> _Done:
    """One document on a worker: extract, write the sheet, return the export rows."""
    from extractor.yamlio import load_yaml_with_lines, write_atomic

    outcome = extract_task(task)
    if outcome.text is None:
        return _Done(task.item.display, outcome.error, [])
    if out_dir is not None:
        try:
            write_atomic(sheet_path(Path(out_dir), task), outcome.text)
        except OSError as exc:
            return _Done(task.item.display, f"cannot write: {exc.strerror or exc}", [])
    from extractor.export import rows as export_rows
    from extractor.model import FactSheet

    data, _ = load_yaml_with_lines(outcome.text)
    rows = export_rows([FactSheet.model_validate(data)])
    return _Done(task.item.display, None, rows if want_rows else [], len(rows))


def parquet_schema() -> Any:
    import pyarrow as pa

    from extractor.export import COLUMNS

    kinds = {"string": pa.string(), "date": pa.string(), "integer": pa.int64()}
    return pa.schema([(c.name, kinds.get(c.type, pa.float64())) for c in COLUMNS])


def write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    """The export rows as one Parquet file (written beside `path` and renamed)."""
    import os
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def extract_archive(
    paths: list[str | Path],
    *,
    out_dir: Path | None = None,
    parquet: Path | None = None,
    follow_symlinks: bool = False,
    partitions: int | None = None,
) -> ArchiveResult:
    """Extract every document under `paths` on the current Dask scheduler (a `distributed`
    Client if one is active, else Dask's default), writing sheets to `out_dir` and/or one
    Parquet table of facts to `parquet`."""
    import dask.bag as db

    inputs, problems = expand([str(p) for p in paths], follow_symlinks=follow_symlinks)
    inputs = [i for i in inputs if i.path is not None]  # no stdin on a cluster
    inputs, clashing = clashes(inputs)
    result = ArchiveResult(errors=list(problems) + clashing)
    tasks = [ExtractTask(item, follow_symlinks, "yaml", False) for item in inputs]
    if not tasks:
        return result
    bag = db.from_sequence(tasks, npartitions=partitions or min(len(tasks), 64))  # type: ignore[no-untyped-call]
    target = str(out_dir) if out_dir is not None else None
    done: list[_Done] = bag.map(_run, target, parquet is not None).compute()
    rows: list[dict[str, Any]] = []
    for item in done:  # a bag keeps the order of its sequence
        if item.error is not None:
            result.errors.append((item.display, item.error))
            continue
        result.sheets += 1
        result.facts += item.facts
        rows += item.rows
    if parquet is not None:
        write_parquet(rows, parquet)
    return result
