"""Records as Parquet partitions: the hand-off between a cluster and the store.

One row per article with a fixed schema (``SCHEMA``), so partitions written by
different workers form one dataset that DuckDB (``read_parquet('out/*.parquet')``),
Spark (``spark.read.parquet('out/')``) or ``rawi ingest out/`` read alike. The
``analysis`` column holds the rawi/1 JSON without ``text``; ``stems``,
``offsets`` and ``minhash`` let ``rawi ingest`` store it without re-analysing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rawi.store.records import FIELDS

SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("published", pa.string()), ("source", pa.string()),
        ("url", pa.string()), ("title", pa.string()), ("text", pa.string()),
        ("record_hash", pa.string()), ("text_hash", pa.string()),
        ("n_sentences", pa.int32()), ("n_tokens", pa.int32()),
        ("stems", pa.string()), ("title_stems", pa.string()),
        ("offsets", pa.binary()), ("minhash", pa.binary()),
        ("analysis", pa.string()), ("pipeline", pa.string()),
    ]
)
assert tuple(SCHEMA.names) == FIELDS


def write_records(records: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> str:
    """Write records to one Parquet file atomically (temp file, then rename)."""
    table = pa.Table.from_pylist(list(records), schema=SCHEMA)
    tmp = f"{path}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return str(path)


def partition_paths(path: str | os.PathLike[str]) -> list[Path]:
    p = Path(path)
    return sorted(p.glob("*.parquet")) if p.is_dir() else [p]


def read_records(path: str | os.PathLike[str], batch: int = 512) -> Iterator[dict[str, Any]]:
    """Records from a Parquet file or a directory of partitions, in file order."""
    for part in partition_paths(path):
        pf = pq.ParquetFile(part)
        missing = set(FIELDS) - set(pf.schema_arrow.names)
        if missing:
            raise ValueError(f"{part}: not a rawi partition (missing {', '.join(sorted(missing))})")
        for b in pf.iter_batches(batch_size=batch, columns=list(FIELDS)):
            yield from b.to_pylist()


def read_docs(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The rawi/1 objects (``rawi analyze`` output) held in Parquet partitions."""
    import json

    for record in read_records(path):
        doc = json.loads(record["analysis"])
        out = {k: doc.get(k) for k in ("schema", "id", "published", "source", "url", "title")}
        out["text"] = record["text"]
        out.update({k: v for k, v in doc.items() if k not in out})
        yield out
