"""The Dask engine gives the same rows as a local run (two worker processes on loopback)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import nlp
from nlp.batch import extract_dask, run_batch

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
FILES = [*sorted((ROOT / "corpora" / "excerpts").glob("*.txt"))[:12],
         ROOT / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"]


def _rows(df) -> list[str]:
    def clean(v):
        if isinstance(v, float) and math.isnan(v):
            return None
        return v.item() if hasattr(v, "item") else v

    return sorted(json.dumps({k: clean(v) for k, v in r.items()}, sort_keys=True,
                             ensure_ascii=False, default=str) for r in df.to_dict("records"))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, host="127.0.0.1", threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.mark.slow
def test_dask_output_equals_the_local_run(tmp_path, client):
    local = run_batch(FILES, tmp_path / "local", format="parquet", workers=1)
    dist = extract_dask(FILES, tmp_path / "dask", client, chunk_size=3)
    a, b = nlp.read_store(tmp_path / "local"), nlp.read_store(tmp_path / "dask")
    assert (dist.documents, dist.failed) == (local.documents, local.failed) == (
        len(FILES), 0), (a["errors"].to_dict("records"), b["errors"].to_dict("records"))
    assert set(a) == set(b)
    for table in a:
        assert list(a[table].columns) == list(b[table].columns), table
        assert _rows(a[table]) == _rows(b[table]), table
    # partitioned: one folder per table, one part per chunk of 3 documents
    parts = sorted(p.name for p in (tmp_path / "dask" / "claims").glob("*.parquet"))
    assert len(parts) == math.ceil(len(FILES) / 3)


@pytest.mark.slow
def test_dask_output_is_read_by_pandas_and_duckdb_and_resumes(tmp_path, client):
    import duckdb
    import pandas as pd

    extract_dask(FILES[:5], tmp_path / "d", client, chunk_size=2)
    n_pd = len(pd.read_parquet(tmp_path / "d" / "documents"))
    n_db = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'd' / 'documents'}/*.parquet'"
                      ).fetchall()[0][0]
    assert n_pd == n_db == 5
    again = extract_dask(FILES, tmp_path / "d", client.scheduler.address, chunk_size=2)
    assert (again.skipped, again.documents) == (5, len(FILES) - 5)
    assert len(nlp.read_store(tmp_path / "d")["documents"]) == len(FILES)


@pytest.mark.slow
def test_cli_dask_engine_with_a_scheduler_address(tmp_path, client):
    from typer.testing import CliRunner

    from nlp.cli import app

    res = CliRunner().invoke(app, ["extract", *map(str, FILES[:4]), "--engine", "dask",
                                   "--scheduler", client.scheduler.address,
                                   "--out", str(tmp_path / "cli"), "-q"])
    assert res.exit_code == 0, res.output
    assert len(nlp.read_store(tmp_path / "cli")["documents"]) == 4
