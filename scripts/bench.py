"""Benchmark: extraction throughput on a corpus built from the seeds, beside a floor.

The floor is one `re.finditer(r"\\d")` pass over the same text: the cost of merely visiting
every digit, which no extractor can beat.  Sizes double so linear growth is visible: MB/s should
stay flat as the corpus grows.  Each size runs --repeat times and the fastest run is shown (the
machine is shared; the fastest run is the least disturbed).

    make bench                      # 5, 10 and 20 MB
    python scripts/bench.py --sizes 1 2 --profile
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from pathlib import Path

from extractor.documents import Document
from extractor.pipeline import build_sheet

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def single(size_mb: float) -> list[Document]:
    """One document holding the seeds again and again: nothing may grow faster than linearly
    within a document either."""
    seeds = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    text = seeds * max(1, int(size_mb * MB / len(seeds.encode("utf-8")) + 0.5))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return [Document("big", "big.txt", text, digest, None, None, None)]


def corpus(size_mb: float) -> list[Document]:
    """Documents cut from the seeds, repeated until the corpus holds `size_mb` of text."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs: list[Document] = []
    total = 0
    i = 0
    while total < size_mb * MB:
        text = seeds[i % len(seeds)]
        digest = hashlib.sha256(text.encode()).hexdigest()
        docs.append(Document(f"doc{i}", f"doc{i}.txt", text, digest, None, None, None))
        total += len(text.encode("utf-8"))
        i += 1
    return docs


def run(
    size_mb: float, one_document: bool = False, repeat: int = 1
) -> tuple[float, float, int, float]:
    """(MB, best extraction time, facts, best floor time) over `repeat` runs: the machine is
    shared, so the fastest run is the one least disturbed by others."""
    docs = single(size_mb) if one_document else corpus(size_mb)
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    floor = took = float("inf")
    facts = 0
    for _ in range(repeat):
        start = time.perf_counter()
        for d in docs:
            sum(1 for _ in re.finditer(r"\d", d.text))
        floor = min(floor, time.perf_counter() - start)
        start = time.perf_counter()
        facts = sum(len(build_sheet(d).facts) for d in docs)
        took = min(took, time.perf_counter() - start)
    return nbytes / MB, took, facts, floor


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=float, nargs="+", default=[5, 10, 20], help="corpus sizes, MB"
    )
    parser.add_argument("--profile", action="store_true", help="profile the smallest size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is shown")
    parser.add_argument(
        "--single", action="store_true", help="one document of each size instead of many"
    )
    args = parser.parse_args()
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx(
            "run(min(args.sizes))", globals(), {"run": run, "args": args}, "/tmp/bench.prof"
        )
        pstats.Stats("/tmp/bench.prof").sort_stats("cumulative").print_stats(25)
        return
    print(
        f"{'corpus':>8} {'facts':>8} {'extract':>10} {'MB/s':>8} {'floor MB/s':>11} {'s per MB':>9}"
    )
    for size in args.sizes:
        mb, took, facts, floor = run(size, args.single, args.repeat)
        rate, floor_rate, per_mb = mb / took, mb / floor, took / mb
        print(f"{mb:7.1f}M {facts:8d} {took:9.2f}s {rate:8.2f} {floor_rate:11.1f} {per_mb:9.3f}")


if __name__ == "__main__":
    main()
