"""Write the demonstration corpus for `factsheet series` and `factsheet conflicts`: the seeds
plus every passage of tests/gold/passages.yaml as one document.

    python scripts/build_corpus.py [OUT]          # default OUT: corpus/documents/

OUT/seeds/<stem>.txt are byte-for-byte copies of seeds/; OUT/passages/<id>.txt holds the
passage text exactly as in the gold file (so gold offsets stay true), with nothing added.
The output is the same on every run; corpus/ is not committed (tests build it afresh).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def build(out: Path, root: Path = ROOT) -> list[Path]:
    """Write the corpus under `out`; returns the documents written, in order."""
    written: list[Path] = []
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    for seed in sorted((root / "seeds").glob("*.txt")):
        target = out / "seeds" / seed.name
        shutil.copyfile(seed, target)
        written.append(target)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    cases = yaml.load((root / "tests" / "gold" / "passages.yaml").read_text("utf-8"), loader)
    (out / "passages").mkdir(parents=True, exist_ok=True)
    for case in cases:
        name = str(case["id"])
        if not name.replace("_", "").replace("-", "").isalnum():
            raise SystemExit(f"build_corpus: passage id {name!r} is not a plain name")
        target = out / "passages" / f"{name}.txt"
        text = str(case["text"])
        target.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "corpus" / "documents")
    args = parser.parse_args(argv)
    written = build(args.out)
    print(f"{len(written)} documents in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
