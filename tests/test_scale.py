"""The Dask engine (issue 12): a LocalCluster of two worker processes on 127.0.0.1 extracts
the seeds plus a generated tree; sheets and the Parquet table equal the serial run's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, invoke

pytestmark = pytest.mark.slow


def corpus(folder: Path) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        (folder / "seeds").mkdir(parents=True, exist_ok=True)
        (folder / "seeds" / path.name).write_bytes(path.read_bytes())
        text = path.read_text(encoding="utf-8")
        for year in ("2023", "2024"):
            out = folder / "generated" / year / path.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text[: len(text) // int(year[-1])], encoding="utf-8")
    (folder / "generated" / "2024" / "bad.txt").write_bytes(b"\xff\xfe\x00")


def test_a_local_cluster_gives_the_serial_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    from extractor.export import rows
    from extractor.scale import extract_archive
    from extractor.sheets import load_valid

    corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    serial = invoke("extract", "seeds", "generated", "-o", "serial", "--jobs", "1")
    assert serial.code == 2 and "bad.txt:" in serial.err
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        result = extract_archive(
            ["seeds", "generated"], out_dir=Path("dask"), parquet=Path("facts.parquet")
        )
    assert [e[0] for e in result.errors] == ["generated/2024/bad.txt"]
    files = sorted(p.relative_to("serial").as_posix() for p in Path("serial").rglob("*.yaml"))
    assert len(files) == result.sheets == 15
    assert files == sorted(p.relative_to("dask").as_posix() for p in Path("dask").rglob("*.yaml"))
    for name in files:
        assert (Path("dask") / name).read_bytes() == (Path("serial") / name).read_bytes()
    import pyarrow.parquet as pq

    sheets, problems = load_valid([Path("serial")])
    assert not problems
    expected = rows(sheets)
    table = pq.read_table("facts.parquet").to_pylist()
    assert len(table) == len(expected) == result.facts > 50
    key = lambda r: (r["document"], r["id"])  # noqa: E731
    assert sorted(map(key, table)) == sorted(map(key, expected))
    by_key = {key(r): r for r in expected}
    for row in table:
        want = by_key[key(row)]
        assert row["quote"] == want["quote"] and row["value"] == want["value"]
