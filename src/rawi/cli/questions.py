"""The analysts' questions: ``rawi claims``, ``rawi actors``, ``rawi timeline``,
``rawi pairs`` and ``rawi stats``, each a thin call into ``rawi.store.queries``.

Every command takes ``--db`` and ``--format text|jsonl|csv|json`` (text: a table
for a person; the others for programs).
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

from rawi.cli.search import add_store_args
from rawi.model import MODALITIES

FORMATS = ("text", "jsonl", "csv", "json")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="who said what about whom: attributed statements",
                       description="Attributed statements from the store, newest first. "
                       "In Python: rawi.store.claims(store, speaker=..., about=...).")
    add_store_args(p)
    p.add_argument("--speaker", help="said by this actor (id, English or Arabic name)")
    p.add_argument("--about", help="mentioning this actor in the content")
    p.add_argument("--modality", choices=MODALITIES, help="only this modality")
    p.add_argument("--source", help="only this source (outlet id)")
    p.add_argument("--limit", type=int, default=100, help="at most N (default: 100; 0: all)")
    _unique(p)
    _format(p)
    p.set_defaults(func=_run(_claims, ("published", "speaker", "cue", "modality", "content",
                                       "about", "article")))

    p = sub.add_parser("actors", help="the most mentioned actors",
                       description="Actors by number of mentions, with statements they made "
                       "and received. In Python: rawi.store.top_actors(store, n).")
    add_store_args(p, dates=False)
    p.add_argument("--top", type=int, default=20, help="how many (default: 20)")
    _format(p)
    p.set_defaults(func=_run(lambda s, a: _q().top_actors(s, a.top),
                             ("id", "name", "name_ar", "type", "mentions", "articles", "said",
                              "about")))

    p = sub.add_parser("timeline", help="one actor over time: mentions, statements by and about",
                       description="Per day (or month): articles and mentions of an actor, "
                       "statements it made and statements about it. "
                       "In Python: rawi.store.timeline(store, actor).")
    p.add_argument("actor", help="actor id, English or Arabic name")
    add_store_args(p, dates=False)
    p.add_argument("--by", choices=("day", "month", "year"), default="day")
    _format(p)
    p.set_defaults(func=_run(lambda s, a: _q().timeline(s, a.actor, a.by),
                             ("date", "articles", "mentions", "said", "about")))

    p = sub.add_parser("pairs", help="who-says-what-about-whom: speaker/target pair counts",
                       description="Counts of statements by one actor about another, with "
                       "modality counts. In Python: rawi.store.pairs(store, n).")
    add_store_args(p)
    p.add_argument("--top", type=int, default=20, help="how many pairs (default: 20)")
    _unique(p)
    _format(p)
    p.set_defaults(func=_run(lambda s, a: _q().pairs(s, a.top, a.date_from, a.date_to,
                                                             a.unique),
                             ("speaker_name", "about_name", "statements", "modality")))

    p = sub.add_parser("stats", help="counts of what the store holds",
                       description="Counts: articles, attributions, entities, places, "
                       "duplicates... In Python: rawi.store.stats(store).")
    add_store_args(p, dates=False)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_stats)


def _q() -> Any:
    from rawi.store import queries

    return queries


def _unique(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unique", action="store_true",
                   help="leave out exact and near duplicates of earlier articles (reprinted "
                        "wire copy), so a syndicated statement counts once")


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (a table, default), jsonl, csv or json")


def _claims(store: Any, a: argparse.Namespace) -> list[dict[str, Any]]:
    return _q().claims(store, speaker=a.speaker, about=a.about, date_from=a.date_from,
                       date_to=a.date_to, modality=a.modality, source=a.source,
                       limit=a.limit or None, unique=a.unique)


def _run(query: Callable[[Any, argparse.Namespace], list[dict[str, Any]]],
         columns: tuple[str, ...]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from rawi.store import StoreError, UnknownActor, open_store

        try:
            with open_store(args.db) as store:
                rows = query(store, args)
        except (StoreError, UnknownActor, sqlite3.OperationalError) as exc:
            print(f"rawi: {exc}", file=sys.stderr)
            return 2
        emit(rows, args.format, columns)
        return 0

    return run


def _stats(args: argparse.Namespace) -> int:
    from rawi.store import StoreError, open_store, stats

    try:
        with open_store(args.db) as store:
            counts = stats(store)
    except StoreError as exc:
        print(f"rawi: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(counts, ensure_ascii=False))
    else:
        for key, value in counts.items():
            print(f"{key:>18}  {value}")
    return 0


def emit(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> None:
    """Write rows as a table (text), JSON lines, CSV or one JSON array."""
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        keys = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=keys)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(_cell(row.get(c), 80) for c in columns))
        Console().print(table)
        print(f"{len(rows)} row(s)", file=sys.stderr)


def _cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ",".join(map(str, value))
    elif isinstance(value, dict):
        value = " ".join(f"{k}={v}" for k, v in value.items())
    text = str(value).replace("\n", " ")
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
