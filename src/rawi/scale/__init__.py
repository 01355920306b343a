"""Scale-out: the same pure pipeline over a dask.distributed cluster, to Parquet.

In Python: ``analyze_dask(["news.jsonl.gz"], "out/", scheduler="tcp://host:8786")``
then ``rawi ingest out/`` (or DuckDB / Spark on ``out/*.parquet``). See ``docs/scale.md``.
"""

from rawi.scale.cluster import PARTITION_SIZE, analyze_dask, analyze_local, analyze_partition

__all__ = ["PARTITION_SIZE", "analyze_dask", "analyze_local", "analyze_partition"]
