"""Benchmark: extraction throughput on a corpus built from the seeds, beside a floor.

The floor is one `re.finditer(r"\\d")` pass over the same text: the cost of merely visiting
every digit, which no extractor can beat.  Sizes double so linear growth is visible: MB/s should
stay flat as the corpus grows.  Each size runs --repeat times and the fastest run is shown (the
machine is shared; the fastest run is the least disturbed).

    make bench                      # 5, 10 and 20 MB, then the whole-process figures
    python scripts/bench.py --sizes 1 2 --profile
    python scripts/bench.py --sizes 5 --system-mb 5

The second table runs the real command line on a corpus written to a temporary folder (a tree
of year folders): `extract -o` with YAML written, for --jobs 1, 2 and all cores; `check` cold
and warm (its extraction cache) against `extract --jobs 1`; `diff` of two identical folders;
the start-up CPU time of `--help`, `validate` and a warm `check` of the seeds; and the peak
memory (max RSS) of each process.  Ratios are to the `re.finditer` floor or to `extract`: the
`ratio` column by wall time (for --jobs, the speed-up), the `CPU ratio` column by CPU time
(user + system) to `extract --jobs 1`'s, which a busy machine disturbs less.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
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


def measure(args: list[str], cwd: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s, max RSS MB, exit code) of one real process.

    Linux carries a process's peak RSS across fork and exec, so a child forked from this
    (large) process would report at least our own; GNU time forks the measured process from
    a small one, so its figure is the command's own."""
    timer = shutil.which("time") or "/usr/bin/time"
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        start = time.perf_counter()
        proc = subprocess.run(
            [timer, "-f", "%M %U %S", "-o", out.name, *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        wall = time.perf_counter() - start
        rss_kb, user, system = out.read().split()[-3:]
    return wall, float(user) + float(system), int(rss_kb) / 1024, proc.returncode


def system(size_mb: float, repeat: int) -> None:
    exe = str(Path(sys.executable).parent / "factsheet")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-") as tmp:
        work = Path(tmp)
        total = 0
        for i, doc in enumerate(corpus(size_mb)):
            path = work / "archive" / f"{2020 + i % 5}" / f"{i % 12 + 1:02d}" / f"{doc.id}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(doc.text, encoding="utf-8")
            total += len(doc.text.encode("utf-8"))
        mb = total / MB
        floor = min(_floor(work / "archive") for _ in range(repeat))

        def best(args: list[str]) -> tuple[float, float, float]:
            runs = [measure(args, work) for _ in range(repeat)]
            return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)

        print(
            f"\nwhole process, {mb:.1f} MB in {len(list((work / 'archive').rglob('*.txt')))} "
            f"files, floor {mb / floor:.1f} MB/s, {cores} cores"
        )
        print(
            f"{'command':<40} {'wall s':>8} {'CPU s':>7} {'MB/s':>7} {'ratio':>9} {'CPU ratio':>9}"
            f" {'max RSS':>8}"
        )
        serial = serial_cpu = 0.0

        def row(name: str, wall: float, cpu: float, rss: float, ratio: str) -> None:
            rate = f"{mb / wall:7.2f}" if "MB" not in name else ""
            to_cpu = f"{cpu / serial_cpu:5.2f}x ex" if serial_cpu and "MB" not in name else ""
            print(
                f"{name:<40} {wall:8.2f} {cpu:7.2f} {rate:>7} {ratio:>9} {to_cpu:>9} {rss:6.0f}MB"
            )

        for jobs in sorted({1, 2, cores}):
            shutil.rmtree(work / "facts", ignore_errors=True)
            wall, cpu, rss = best([exe, "extract", "archive", "-o", "facts", "--jobs", str(jobs)])
            serial, serial_cpu = serial or wall, serial_cpu or cpu
            row(
                f"extract -o facts --jobs {jobs}",
                wall,
                cpu,
                rss,
                f"{wall / floor:6.1f}x fl" if jobs == 1 else f"{serial / wall:5.2f}x j1",
            )
        for label, extra in (("cold", ["--no-cache"]), ("warm", [])):
            if label == "warm":
                measure([exe, "check", "--sources", "archive", "--jobs", "1"], work)  # fill it
            wall, cpu, rss = best(
                [exe, "check", "--sources", "archive", "--facts", "facts", "--jobs", "1", *extra]
            )
            row(f"check --jobs 1 ({label} cache)", wall, cpu, rss, f"{wall / serial:5.2f}x ex")
        shutil.copytree(work / "facts", work / "facts2")
        wall, cpu, rss = best([exe, "diff", "facts", "facts2"])
        row("diff of two identical folders", wall, cpu, rss, f"{wall / serial:5.2f}x ex")
        shutil.copytree(ROOT / "seeds", work / "seeds")
        shutil.copytree(ROOT / "facts", work / "seedfacts")
        measure([exe, "check", "--sources", "seeds", "--facts", "seedfacts"], work)
        sheet = str(next((work / "seedfacts").glob("*.yaml")))
        for name, args in (
            ("start-up: --help (MB/s n/a)", [exe, "--help"]),
            ("start-up: validate one sheet (MB/s n/a)", [exe, "validate", sheet]),
            (
                "check of the seeds, warm (MB/s n/a)",
                [exe, "check", "--sources", "seeds", "--facts", "seedfacts"],
            ),
        ):
            wall, cpu, rss = best(args)
            row(name, wall, cpu, rss, "")


def _floor(folder: Path) -> float:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        sum(1 for _ in re.finditer(r"\d", text))
    return time.perf_counter() - start


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
    parser.add_argument(
        "--system-mb", type=float, default=10, help="corpus of the whole-process table (0: none)"
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
        f" {'ratio':>6}"
    )
    for size in args.sizes:
        mb, took, facts, floor = run(size, args.single, args.repeat)
        rate, floor_rate, per_mb = mb / took, mb / floor, took / mb
        print(
            f"{mb:7.1f}M {facts:8d} {took:9.2f}s {rate:8.2f} {floor_rate:11.1f} {per_mb:9.3f}"
            f" {floor_rate / rate:5.1f}x"
        )
    if args.system_mb:
        system(args.system_mb, args.repeat)


if __name__ == "__main__":
    main()
