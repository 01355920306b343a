"""A progress bar with rate and ETA on stderr, shown only to a person at a terminal."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def estimate_records(source: str) -> int | None:
    """Cheap count of the records an input holds (None when unknown, e.g. stdin)."""
    if source == "-":
        return None
    path = Path(source)
    if path.is_dir():
        return None
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".csv")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as handle:
            return sum(1 for line in handle if line.strip()) - name.endswith(".csv")
    return 1


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
