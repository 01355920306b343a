"""A progress bar with rate and ETA on stderr, shown only to a person at a terminal."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def count_records(path: Path) -> int:
    """Cheap count of the records one input file holds: lines of JSONL, rows of CSV,
    one for a text or HTML file, none for anything else or an unreadable file."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".tsv")):
        opener = gzip.open if name.endswith(".gz") else open
        try:
            with opener(path, "rb") as handle:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        except OSError:
            return 0
        return max(lines - 1, 0) if ".csv" in name or ".tsv" in name else lines
    return 1 if name.endswith((".txt", ".html", ".htm")) else 0


def estimate_records(source: str) -> int | None:
    """Cheap count of the records an input holds (None for stdin, where it is unknown)."""
    if source == "-":
        return None
    path = Path(source)
    files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    return sum(count_records(f) for f in files)


def progress(items: Iterable[T], total: int | None, label: str, enabled: bool) -> Iterator[T]:
    """Yield ``items``, drawing a rich progress bar on stderr when enabled and a tty."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:,.1f}/s" if task.speed else "", style="cyan")

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               RateColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
