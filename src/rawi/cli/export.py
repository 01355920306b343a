"""``rawi export --format jsonl|csv|parquet|geojson``: the store, for other tools.

In Python: ``rawi.store.export(open_store("rawi.db"), "geojson", sys.stdout)``.
"""

from __future__ import annotations

import argparse
import sys

from rawi.cli.search import add_store_args
from rawi.store.export import FORMATS, TABLES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export the store as JSONL, CSV, Parquet or GeoJSON",
        description="jsonl: one rawi/1 object per article (the analyze contract); csv and "
        "parquet: one table; geojson: a FeatureCollection of the resolved places.",
    )
    add_store_args(p, dates=False)
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    p.add_argument("--table", choices=tuple(TABLES), default="articles",
                   help="for csv/parquet: which table (default: articles)")
    p.add_argument("-o", "--output", help="write here (required for parquet; default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rawi.store import StoreError, export, open_store

    if args.format == "parquet" and not args.output:
        print("rawi: --format parquet needs -o FILE.parquet", file=sys.stderr)
        return 2
    try:
        with open_store(args.db) as store:
            if args.format == "parquet":
                n = export(store, "parquet", args.output, args.table)
            elif args.output and args.output != "-":
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    n = export(store, args.format, out, args.table)
            else:
                n = export(store, args.format, sys.stdout, args.table)
    except (StoreError, RuntimeError, ValueError) as exc:
        print(f"rawi: {exc}", file=sys.stderr)
        return 2
    print(f"rawi: exported {n} record(s)", file=sys.stderr)
    return 0
