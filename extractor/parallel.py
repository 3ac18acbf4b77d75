"""Every core: an ordered map over a process pool, and the per-document extraction task.

The pool is started once per command.  The parent imports and warms the pipeline (tables,
compiled regexes) before it starts the pool, so with the `fork` start method each worker
inherits them instead of building its own.  Results come back in input order, so output is
byte-identical to the serial run; `jobs=1` is the serial path, with no pool at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from extractor.sources import Input

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """The cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def warm() -> None:
    """Import the pipeline and build every table once (the workers inherit them)."""
    from extractor.pipeline import extract_text

    extract_text("Britain sent 14 tanks, $5 million and 3% more.")


def ordered_map(fn: Callable[[T], R], items: list[T], jobs: int) -> Iterator[R]:
    """`map(fn, items)`, on `jobs` processes when that helps; results in input order."""
    if jobs <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    import multiprocessing  # only for a pool: --jobs 1 and --help need none of it
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    warm()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers = min(jobs, len(items))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from pool.map(fn, items, chunksize=1)
    except BrokenProcessPool:
        raise PoolError(
            "a worker process died (killed, or out of memory); run with --jobs 1 to see which input"
        ) from None


class PoolError(Exception):
    """The pool lost a worker; the message says what to do."""


@dataclass(frozen=True)
class ExtractTask:
    item: Input
    follow_symlinks: bool
    fmt: str  # yaml | json
    to_stdout: bool
    data: bytes | None = None  # stdin, read by the parent


@dataclass(frozen=True)
class ExtractOutcome:
    text: str | None  # what to print or write
    error: str | None  # the reason, when the input failed


def extract_task(task: ExtractTask) -> ExtractOutcome:
    """Read, extract and serialise one input; every failure comes back as a reason."""
    from extractor.documents import DocumentError, load_document, parse_document
    from extractor.pipeline import ExtractionError, extract_document
    from extractor.yamlio import dump_json, dump_yaml

    item = task.item
    try:
        if item.path is None:
            doc = parse_document(task.data or b"", doc_id="stdin", path="-")
        else:
            doc = load_document(
                item.path,
                display=item.display,
                doc_id=item.id,
                follow_symlinks=task.follow_symlinks,
            )
        data = extract_document(doc).to_data()
    except (DocumentError, ExtractionError) as exc:
        return ExtractOutcome(None, str(exc))
    if task.fmt == "json":
        return ExtractOutcome(dump_json(data) + "\n", None)
    return ExtractOutcome(("---\n" if task.to_stdout else "") + dump_yaml(data), None)


def sheet_path(out_dir: Path, task: ExtractTask) -> Path:
    return out_dir / f"{task.item.id}.{'json' if task.fmt == 'json' else 'yaml'}"
