"""What ``rawi ingest`` reads: articles through ``rawi.io.readers``, or records
already analysed elsewhere (Parquet partitions written by ``rawi.scale``).

Each item of the stream is ``("article", Article)``, ``("record", dict)`` or
``("error", message)``; a broken input record is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rawi.io.progress import count_records
from rawi.model import Article

Item = tuple[str, Any]


def is_parquet(path: str) -> bool:
    p = Path(path)
    if p.is_dir():
        return any(p.glob("*.parquet"))
    return p.suffix == ".parquet"


def iter_inputs(paths: Iterable[Any]) -> Iterator[Item]:
    """Items from input paths (or Article objects given directly, in Python)."""
    for path in paths:
        if isinstance(path, Article):
            yield "article", path
            continue
        if path != "-" and not Path(path).exists():
            yield "error", f"{path}: no such file or directory"
            continue
        if path != "-" and is_parquet(path):
            from rawi.scale.parquet import read_records

            for record in read_records(path):
                yield "record", record
            continue
        yield from _read_articles(path)


def _read_articles(path: str) -> Iterator[Item]:
    from rawi.io.readers import InputError, read_articles

    try:
        for result in read_articles(path):
            if result.article is not None:
                yield "article", result.article
            else:
                yield "error", f"{result.where}: {result.error}"
    except InputError as exc:
        yield "error", str(exc)


def estimate_total(paths: Sequence[Any]) -> int | None:
    """A cheap article count for the progress bar (lines of JSONL/CSV files, number of
    text files); None when unknown (stdin)."""
    total = 0
    for path in paths:
        if isinstance(path, Article):
            total += 1
            continue
        if path == "-":
            return None
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            total += _count(f)
    return total


def _count(f: Path) -> int:
    if f.name.lower().endswith(".parquet"):
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(f).metadata.num_rows)
        except Exception:
            return 0
    return count_records(f)
