"""Scale-out: the same pure pipeline over a dask.distributed cluster, to Parquet.

In Python: ``analyze_dask(["news.jsonl.gz"], "out/", scheduler="tcp://host:8786")``
then ``rawi ingest out/`` (or DuckDB / Spark on ``out/*.parquet``). See ``docs/scale.md``.
"""

from collections.abc import Iterator
from typing import Any

from rawi.scale.cluster import (
    PARTITION_SIZE,
    analyze_dask,
    analyze_local,
    analyze_partition,
    iter_analyze_dask,
)


def read_docs(path: str) -> Iterator[dict[str, Any]]:
    """The rawi/1 objects held in Parquet partitions (see ``rawi.scale.parquet.read_docs``)."""
    from rawi.scale.parquet import read_docs as _read_docs

    return _read_docs(path)


__all__ = [
    "PARTITION_SIZE", "analyze_dask", "analyze_local", "analyze_partition", "iter_analyze_dask",
    "read_docs",
]
