"""The SQLite store: one writer, WAL, every layer in its own table.

``Store.add`` writes a batch of records in one transaction: a crash (even
SIGKILL) leaves either the whole batch or none of it, and the record hash
makes re-adding a record a no-op, so an interrupted ingest resumes by simply
running again.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rawi import __version__
from rawi.store import dedup
from rawi.store.schema import SCHEMA_VERSION, migrate, now

DEFAULT_DB = "rawi.db"


class StoreError(Exception):
    """A store that cannot be opened or is not a rawi store."""


class Store:
    """A rawi SQLite store. ``Store(path)`` opens (and creates/migrates) for writing;
    ``Store(path, readonly=True)`` opens an existing store for queries only."""

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        readonly: bool = False,
        near_threshold: float = dedup.NEAR_THRESHOLD,
        timeout: float = 30.0,
        query_timeout: float | None = 60.0,
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.near_threshold = near_threshold
        if readonly:
            if self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such store (run `rawi ingest` first)")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            try:
                self.conn.execute("SELECT 1 FROM articles LIMIT 1")
            except sqlite3.DatabaseError as exc:
                self.conn.close()
                raise StoreError(f"{self.path}: not a rawi store ({exc})") from exc
        else:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.DatabaseError as exc:
                self.conn.close()
                raise StoreError(f"{self.path}: not a SQLite database ({exc})") from exc
            self.conn.execute("PRAGMA synchronous=NORMAL")
            migrate(self.conn)
            self._set_metadata_defaults()
        self.conn.create_function("inflate", 1, _inflate, deterministic=True)
        if readonly and query_timeout:
            self._limit_queries(query_timeout)
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self.conn.execute("PRAGMA cache_size=-65536")

    def _limit_queries(self, seconds: float) -> None:
        """Interrupt any read query running longer than ``seconds`` (a runaway prefix
        search must not hang an analyst's session)."""
        import time

        started: list[float] = [time.monotonic()]

        def trace(_statement: str) -> None:
            started[0] = time.monotonic()

        def check() -> int:
            return int(time.monotonic() - started[0] > seconds)

        self.conn.set_trace_callback(trace)
        self.conn.set_progress_handler(check, 100_000)

    # -- lifecycle ---------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- metadata ----------------------------------------------------------
    def _set_metadata_defaults(self) -> None:
        defaults = {"created_at": now(), "near_duplicates": dedup.SCHEME}
        scheme = self.metadata().get("near_duplicates")
        if scheme not in (None, dedup.SCHEME):
            raise StoreError(f"{self.path}: built with near-duplicate scheme {scheme}, this rawi "
                             f"uses {dedup.SCHEME}; ingest into a new store")
        with self.transaction():
            for key, value in defaults.items():
                self.conn.execute(
                    "INSERT OR IGNORE INTO metadata(key, value) VALUES (?, ?)", (key, value)
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO metadata(key, value) VALUES ('rawi_version', ?)",
                (__version__,),
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO metadata(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    def metadata(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM metadata"))

    def set_metadata(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO metadata(key, value) VALUES (?, ?)", (key, value))

    # -- transactions ------------------------------------------------------
    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    # -- runs --------------------------------------------------------------
    def start_run(self, inputs: Sequence[str], pipeline: str) -> int:
        resources = resources_fingerprint()
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(started, inputs, pipeline, resources) VALUES (?, ?, ?, ?)",
                (now(), json.dumps(list(inputs), ensure_ascii=False), pipeline, resources),
            )
            self.set_metadata("pipeline", pipeline)
            self.set_metadata("resources", resources)
        return int(cur.lastrowid)

    def added_in(self, run: int) -> int:
        """How many articles this run wrote (what is committed, whatever was counted)."""
        return self.conn.execute("SELECT count(*) FROM articles WHERE run=?",
                                 (run,)).fetchone()[0]

    def finish_run(self, run: int, added: int, skipped: int, errors: int) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished=?, added=added+?, skipped=skipped+?, errors=errors+? "
                "WHERE id=?",
                (now(), added, skipped, errors, run),
            )

    # -- writing -----------------------------------------------------------
    def known(self, hashes: Iterable[str]) -> set[str]:
        """The record hashes among ``hashes`` that are already stored."""
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT record_hash FROM articles WHERE record_hash IN ({marks})", chunk
                )
            )
        return found

    def add(self, records: Sequence[dict[str, Any]], run: int | None = None) -> dict[str, int]:
        """Write ``records`` in one transaction; return counts (added, skipped, exact, near,
        conflicts). A record whose hash is stored is skipped; one whose id is taken by a
        different record is skipped and counted as a conflict."""
        from rawi.store.writer import write_record

        counts = {"added": 0, "skipped": 0, "exact": 0, "near": 0, "conflicts": 0}
        with self.transaction():
            for record in records:
                outcome = write_record(self, record, run)
                counts[outcome] += 1
                if outcome in ("exact", "near"):
                    counts["added"] += 1
        return counts


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on any exception)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        if self.conn.in_transaction:  # left open by an interrupt between BEGIN and the body
            self.conn.execute("ROLLBACK")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except BaseException:  # Ctrl-C can land just after BEGIN took effect
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def resources_fingerprint() -> str:
    """A short hash of every packaged resource file (``rawi/data``, ``rawi/models``): two
    runs with the same fingerprint analysed with the same lexicons, gazetteer and models."""
    import hashlib

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for sub in ("data", "models"):
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                digest.update(str(f.relative_to(root)).encode("utf-8"))
                digest.update(f.read_bytes())
    return f"rawi-{__version__}-{digest.hexdigest()[:12]}"


def _inflate(blob: bytes | None) -> str | None:
    """SQL ``inflate(analysis)``: the stored rawi/1 JSON, for ``json_extract``."""
    return None if blob is None else zlib.decompress(blob).decode("utf-8")


def open_store(path: str | Path = DEFAULT_DB, readonly: bool = True) -> Store:
    """Open a store; read-only by default (queries, search, export)."""
    return Store(path, readonly=readonly)
