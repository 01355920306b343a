"""``ingest``: read, analyse in parallel, write in committed batches.

The input is read in windows of ``batch`` articles. Each window is filtered
against the store (records already stored are skipped before any analysis),
analysed on a process pool while the previous window is written, and written
in one transaction. Killing the process at any point loses at most the
uncommitted windows; running the same command again resumes.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

from rawi.model import Article
from rawi.store.db import DEFAULT_DB, Store
from rawi.store.inputs import Item, estimate_total, iter_inputs
from rawi.store.records import article_hash, make_record


@dataclass
class IngestReport:
    """What an ingest run did (``rawi ingest --format json`` prints it)."""

    db: str
    read: int = 0
    added: int = 0
    skipped: int = 0
    exact: int = 0
    near: int = 0
    conflicts: int = 0
    errors: int = 0
    seconds: float = 0.0
    analyzed: int = 0
    messages: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.analyzed / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("messages")
        out["articles_per_s"] = round(self.rate, 2)
        out["seconds"] = round(self.seconds, 3)
        return out


# -- the worker side: a pure function of the article ------------------------------
_PIPELINES: dict[tuple[str, ...], Any] = {}


def _pipeline(stages: tuple[str, ...]) -> Any:
    if stages not in _PIPELINES:
        from rawi.pipeline import Pipeline

        _PIPELINES[stages] = Pipeline(stages=list(stages))
    return _PIPELINES[stages]


def analyze_one(article: Article, stages: tuple[str, ...]) -> tuple[str, Any]:
    """Analyse one article into a record; an exception becomes an error item."""
    try:
        doc = _pipeline(stages)(article)
        return "record", make_record(article, doc, ",".join(stages))
    except Exception as exc:  # one bad article must not stop an archive
        return "error", f"article {article.id}: analysis failed: {type(exc).__name__}: {exc}"


def _worker_init(stages: tuple[str, ...]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    _pipeline(stages)


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when the ingest process dies (even by
    SIGKILL), so no orphaned workers are left behind."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker(args: tuple[Article, tuple[str, ...]]) -> tuple[str, Any]:
    return analyze_one(*args)


# -- the writer side ---------------------------------------------------------------
def ingest(
    inputs: Sequence[str | Article],
    db: str = DEFAULT_DB,
    *,
    stages: Sequence[str] | None = None,
    jobs: int | None = None,
    batch: int = 256,
    progress: bool = False,
    dask: str | None = None,
    parquet_dir: str | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest articles (files, directories, ``-``, Parquet partitions, or Article objects)
    into the store at ``db``.

    In Python: ``rawi.store.ingest(["news.jsonl"], "rawi.db")``. With ``dask`` the
    analysis runs on a dask.distributed cluster (``"local"`` for a LocalCluster), its
    Parquet partitions land in ``parquet_dir`` and are then written to the store.
    """
    from rawi.pipeline.registry import stage_names

    names = tuple(stages) if stages is not None else tuple(stage_names())
    unknown = [n for n in names if n not in stage_names()]
    if unknown:
        known = ", ".join(stage_names())
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; known: {known}")
    report = IngestReport(db=str(db))
    start = time.perf_counter()
    if isinstance(inputs, (str, Article)):
        inputs = [inputs]
    listed = list(inputs) if isinstance(inputs, Sequence) else None
    with Store(db) as store:
        shown = [str(getattr(i, "id", i)) for i in (listed or [])[:100]]
        run = store.start_run(shown, ",".join(names))
        items: Iterable[Item] = iter_inputs(listed if listed is not None else inputs)
        if dask:
            items = _via_dask(store, items, names, dask, parquet_dir, report, on_error)
        total = estimate_total(listed) if progress and listed is not None else None
        bar = _Progress(total, progress)
        pool = _LazyPool(jobs or os.cpu_count() or 1, names, bar)
        try:
            with bar:
                for kind, payload, n_read in _analysed(store, items, names, pool, batch, report):
                    if kind == "error":
                        _error(report, payload, on_error)
                    else:
                        counts = store.add(payload, run)
                        for key, value in counts.items():
                            setattr(report, key, getattr(report, key) + value)
                    bar.advance(n_read, report)
        finally:
            pool.close()
            report.seconds = time.perf_counter() - start
            # a Ctrl-C between a batch's commit and its count must not lose the count
            report.added = store.added_in(run)
            store.finish_run(run, report.added, report.skipped, report.errors)
    return report


class _LazyPool:
    """The worker pool, started on the first window that needs analysis (so ingesting
    Parquet partitions or an already stored input loads no model). The pipeline is
    built here first: forked workers inherit it, and a broken stage fails at once."""

    def __init__(self, jobs: int, names: tuple[str, ...], bar: _Progress) -> None:
        self.jobs, self.names, self.bar = jobs, names, bar
        self._pool: Any = None
        self._started = False

    def map(self, articles: list[Article]) -> Any:
        if not self._started:
            self._started = True
            _pipeline(self.names)
            if self.jobs > 1:
                import multiprocessing as mp

                ctx = mp.get_context("fork" if sys.platform == "linux" else "spawn")
                with self.bar.paused():  # never fork while the bar's thread holds a lock
                    self._pool = ctx.Pool(self.jobs, initializer=_worker_init,
                                          initargs=(self.names,))
        if self._pool is None:
            return _Done([analyze_one(a, self.names) for a in articles])
        chunk = max(1, len(articles) // (self.jobs * 4))
        return self._pool.map_async(_worker, [(a, self.names) for a in articles],
                                    chunksize=chunk)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def _error(report: IngestReport, message: str, on_error: Callable[[str], None] | None) -> None:
    report.errors += 1
    if len(report.messages) < 1000:
        report.messages.append(message)
    if on_error:
        on_error(message)


def _windows(it: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(it)
    while chunk := list(islice(it, size)):
        yield chunk


def _analysed(
    store: Store, items: Iterable[Item], names: tuple[str, ...], pool: Any,
    batch: int, report: IngestReport,
) -> Iterator[tuple[str, Any, int]]:
    """Yield ('error', msg, n) and ('records', [record...], n_read) per window, analysing
    each window on the pool while the previous one is being written."""
    pending: tuple[Any, list[dict[str, Any]], int] | None = None
    for window in _windows(items, batch):
        report.read += len(window)
        errors, ready, todo = _filter(store, window, report)
        for msg in errors:
            yield "error", msg, 0
        report.analyzed += len(todo)
        job = pool.map(todo) if todo else _Done([])
        if pending is not None:
            yield from _collect(*pending)
        pending = (job, ready, len(window) - len(errors))
    if pending is not None:
        yield from _collect(*pending)


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def get(self) -> Any:
        return self.value


def _collect(job: Any, ready: list[dict[str, Any]], n_read: int) -> Iterator[tuple[str, Any, int]]:
    records = list(ready)
    for kind, payload in job.get():
        if kind == "error":
            yield "error", payload, 0
        else:
            records.append(payload)
    yield "records", records, n_read


def _filter(
    store: Store, window: list[Item], report: IngestReport
) -> tuple[list[str], list[dict[str, Any]], list[Article]]:
    """Split a window into errors, ready records and articles still to analyse; drop
    those already stored (or repeated inside the window) before any analysis."""
    errors: list[str] = []
    ready: list[dict[str, Any]] = []
    articles: dict[str, Article] = {}
    for kind, payload in window:
        if kind == "error":
            errors.append(payload)
        elif kind == "record":
            ready.append(payload)
        else:
            articles.setdefault(article_hash(payload), payload)
    known = store.known(list(articles) + [r["record_hash"] for r in ready])
    skipped = len(window) - len(errors) - len(articles) - len(ready)
    skipped += sum(1 for h in articles if h in known)
    skipped += sum(1 for r in ready if r["record_hash"] in known)
    report.skipped += skipped
    todo = [a for h, a in articles.items() if h not in known]
    return errors, [r for r in ready if r["record_hash"] not in known], todo


def _via_dask(
    store: Store, items: Iterable[Item], names: tuple[str, ...], scheduler: str,
    parquet_dir: str | None, report: IngestReport, on_error: Callable[[str], None] | None,
) -> Iterator[Item]:
    """Analyse the not-yet-stored articles on Dask, then stream the partitions back."""
    import tempfile

    from rawi.scale import iter_analyze_dask
    from rawi.scale.parquet import read_records

    def todo() -> Iterator[Article]:
        for window in _windows(items, 1000):
            errors, ready, articles = _filter(store, window, report)
            for msg in errors:
                _error(report, msg, on_error)
            if ready:
                raise ValueError("--dask analyses articles; ingest Parquet partitions without it")
            report.analyzed += len(articles)
            yield from articles

    out = parquet_dir or tempfile.mkdtemp(prefix="rawi-parts-",
                                          dir=os.path.dirname(os.path.abspath(store.path)))
    paths = iter_analyze_dask(todo(), out, scheduler=scheduler, stages=list(names),
                              on_error=lambda message: _error(report, message, on_error))
    for path in paths:  # each partition is stored while the cluster works on the next
        for record in read_records(path):
            yield "record", record
    if parquet_dir is None:
        import shutil

        shutil.rmtree(out, ignore_errors=True)


class _Progress:
    """A rich progress bar on stderr with rate and ETA (no-op when disabled)."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.enabled = enabled
        self.total = total
        self._progress: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} art/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(),
                TextColumn("+{task.fields[added]} ={task.fields[skipped]} !{task.fields[errors]}"),
                console=Console(stderr=True), transient=False,
            )
            self._progress.__enter__()
            self._start = time.perf_counter()
            self._task = self._progress.add_task(
                "ingest", total=self.total, rate=0.0, added=0, skipped=0, errors=0
            )
        return self

    def advance(self, n: int, report: IngestReport) -> None:
        if self._progress is None:
            return
        elapsed = time.perf_counter() - self._start
        self._progress.update(
            self._task, advance=n, rate=report.analyzed / elapsed if elapsed else 0.0,
            added=report.added, skipped=report.skipped, errors=report.errors,
        )

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Stop the refresh thread for the duration (e.g. around a fork)."""
        if self._progress is None:
            yield
            return
        self._progress.stop()
        try:
            yield
        finally:
            self._progress.start()

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
