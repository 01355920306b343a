"""Dask scale-out: a LocalCluster(2) writes the same Parquet as the local run, and
ingesting those partitions gives the same store as ingesting the articles."""

from __future__ import annotations

import json

import pytest

from rawi.model import Article
from rawi.store import ingest, iter_docs, open_store, stats

pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed")

from test_store_kill import synthetic  # noqa: E402

from rawi.scale import analyze_dask, analyze_local, read_docs  # noqa: E402


def _articles(n):
    return [Article(r["text"], id=r["id"], published=r["date"], source=r["source"])
            for r in synthetic(n)]


def test_local_cluster_output_identical_to_local_run(tmp_path):
    local = analyze_local(_articles(60), str(tmp_path / "local"), stages=["text"],
                          partition_size=16)
    with distributed.LocalCluster(n_workers=2, processes=False, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = analyze_dask(_articles(60), str(tmp_path / "dask"), scheduler=client,
                              stages=["text"], partition_size=16)
    assert [p.rsplit("/", 1)[1] for p in local] == [p.rsplit("/", 1)[1] for p in remote]
    assert len(local) == 4
    for a, b in zip(local, remote, strict=True):
        ta, tb = pq.read_table(a), pq.read_table(b)
        assert ta.num_rows > 0 and ta.equals(tb)

    # The partitions ingest into the same store as the articles themselves.
    via_parquet = str(tmp_path / "p.db")
    direct = str(tmp_path / "d.db")
    assert ingest([str(tmp_path / "dask")], via_parquet, jobs=1).added == 60
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synthetic(60)),
                   "utf-8")
    assert ingest([str(src)], direct, stages=["text"], jobs=1).added == 60
    with open_store(via_parquet) as p, open_store(direct) as d:
        assert list(iter_docs(p)) == list(iter_docs(d)) == list(read_docs(str(tmp_path / "dask")))
        sp, sd = stats(p), stats(d)
        for key in ("articles", "clusters", "near_duplicates", "entities"):
            assert sp[key] == sd[key]
