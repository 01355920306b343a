"""Run the pure pipeline over a dask.distributed cluster, one task per partition.

The client reads the input and cuts it into partitions of ``partition_size``
articles; each task analyses its partition and writes ``part-NNNNN.parquet``
into ``out_dir`` (a path every worker can reach: a shared filesystem, or an
object store URL mounted on the workers). Partitioning is deterministic, so a
local run and a cluster run write identical files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from rawi.model import Article

PARTITION_SIZE = 500


def analyze_partition(
    articles: list[dict[str, Any]], path: str, stages: Sequence[str] | None = None
) -> dict[str, Any]:
    """Analyse one partition and write it; returns {path, articles, errors}.

    Runs on a worker: the pipeline is built once per worker process and reused.
    """
    from rawi.pipeline.registry import stage_names
    from rawi.scale.parquet import write_records
    from rawi.store.ingest import analyze_one

    names = tuple(stages) if stages is not None else tuple(stage_names())
    records, errors = [], []
    for data in articles:
        kind, payload = analyze_one(Article.from_dict(data), names)
        (records if kind == "record" else errors).append(payload)
    write_records(records, path)
    return {"path": path, "articles": len(records), "errors": errors}


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield [a.to_dict() for a in chunk]


def _part_path(out_dir: str, i: int) -> str:
    return os.path.join(out_dir, f"part-{i:05d}.parquet")


def analyze_local(
    articles: Iterable[Article], out_dir: str, stages: Sequence[str] | None = None,
    partition_size: int = PARTITION_SIZE,
) -> list[str]:
    """The same partitions as ``analyze_dask``, computed in this process."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return [
        analyze_partition(part, _part_path(out_dir, i), stages)["path"]
        for i, part in enumerate(_partitions(articles, partition_size))
    ]


def analyze_dask(
    articles: Iterable[Article] | Sequence[str],
    out_dir: str,
    scheduler: Any = "local",
    stages: Sequence[str] | None = None,
    partition_size: int = PARTITION_SIZE,
    n_workers: int | None = None,
    max_in_flight: int | None = None,
    on_error: Any = None,
) -> list[str]:
    """Analyse articles (or input paths, read with ``rawi.io``) on Dask; return the
    Parquet partition paths in order.

    ``scheduler`` is a scheduler address (``tcp://host:8786``), ``"local"`` for a
    LocalCluster on this machine, or a ``distributed.Client``. At most
    ``max_in_flight`` partitions are held in memory at once (default 2 per worker
    thread), so an archive larger than memory streams through.
    """
    return list(iter_analyze_dask(articles, out_dir, scheduler, stages, partition_size,
                                  n_workers, max_in_flight, on_error))


def iter_analyze_dask(
    articles: Iterable[Article] | Sequence[str],
    out_dir: str,
    scheduler: Any = "local",
    stages: Sequence[str] | None = None,
    partition_size: int = PARTITION_SIZE,
    n_workers: int | None = None,
    max_in_flight: int | None = None,
    on_error: Any = None,
) -> Iterator[str]:
    """Like ``analyze_dask``, but yield each partition path, in order, as soon as it and
    every earlier partition are written (``rawi ingest --dask`` stores them meanwhile)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - optional extra
        raise RuntimeError("--dask needs dask.distributed: pip install 'rawi[scale]'") from exc

    articles = _as_articles(articles, on_error)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    own_cluster = own_client = None
    if isinstance(scheduler, Client):
        client = scheduler
    elif scheduler in (None, "local"):
        own_cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1,
                                   threads_per_worker=1, dashboard_address=None)
        client = own_client = Client(own_cluster)
    else:
        client = own_client = Client(scheduler)
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 2 * threads
        index: dict[Any, int] = {}
        finished: set[int] = set()
        next_out = 0
        running = as_completed()
        stage_list = list(stages) if stages is not None else None
        for i, part in enumerate(_partitions(articles, partition_size)):
            future = client.submit(analyze_partition, part, _part_path(out_dir, i), stage_list,
                                   pure=False)
            index[future.key] = i
            running.add(future)
            while running.count() >= limit:
                done = next(running)
                _done(done, on_error)
                finished.add(index.pop(done.key))
                while next_out in finished:
                    yield _part_path(out_dir, next_out)
                    next_out += 1
        for done in running:
            _done(done, on_error)
            finished.add(index.pop(done.key))
        while next_out in finished:
            yield _part_path(out_dir, next_out)
            next_out += 1
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _done(future: Any, on_error: Any) -> None:
    result = future.result()
    if on_error:
        for message in result["errors"]:
            on_error(message)


def _as_articles(items: Iterable[Any], on_error: Any) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, str):
            from rawi.store.inputs import iter_inputs

            for kind, payload in iter_inputs([item]):
                if kind == "article":
                    yield payload
                elif kind == "error" and on_error:
                    on_error(payload)
        else:
            raise TypeError(f"expected an Article or an input path, got {type(item).__name__}")
