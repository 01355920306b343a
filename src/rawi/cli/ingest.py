"""``rawi ingest INPUT... [--db PATH]``: analyse articles into the SQLite store.

In Python: ``rawi.store.ingest(["news.jsonl.gz"], "rawi.db")``.
"""

from __future__ import annotations

import argparse
import json
import sys

from rawi.store.db import DEFAULT_DB, StoreError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="analyse articles into a SQLite store (idempotent, resumable, deduplicated)",
        description="Analyse articles in parallel and store every layer in a SQLite store. "
        "Re-running adds nothing already stored, so an interrupted ingest resumes by running "
        "the same command again. Exact and near duplicates are kept, grouped in clusters.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .txt/.jsonl(.gz)/.csv/.html file, a directory, - for stdin, or "
                        "Parquet partitions written by --dask / rawi.scale")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the store (default: {DEFAULT_DB})")
    p.add_argument("--jobs", type=int, default=None,
                   help="worker processes for the analysis (default: all cores)")
    p.add_argument("--batch", type=int, default=256,
                   help="articles per committed transaction (default: 256)")
    p.add_argument("--stages", metavar="A,B",
                   help="run only these stages, comma-separated (default: all registered "
                        "stages; `rawi analyze --help` lists them)")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="analyse on a dask.distributed cluster: a scheduler address "
                        "(tcp://host:8786) or 'local' for a LocalCluster on this machine")
    p.add_argument("--parquet", metavar="DIR",
                   help="with --dask: where the workers write their Parquet partitions "
                        "(a path all workers can reach; default: a temporary folder)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="summary as one line of text on stderr (default) or JSON on stdout")
    p.add_argument("--quiet", action="store_true", help="no progress bar or per-record errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rawi.store.ingest import ingest

    stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None

    def on_error(message: str) -> None:
        if not args.quiet:
            print(f"rawi: {message} (skipped)", file=sys.stderr)

    try:
        report = ingest(
            args.inputs, args.db, stages=stages, jobs=args.jobs, batch=args.batch,
            progress=not args.quiet and sys.stderr.isatty(), dask=args.dask,
            parquet_dir=args.parquet, on_error=on_error,
        )
    except (StoreError, ValueError, RuntimeError) as exc:
        print(f"rawi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"rawi: interrupted; every committed batch is kept in {args.db}. Run the same "
              "command again to resume.", file=sys.stderr)
        return 130
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        r = report
        print(
            f"rawi: {args.db}: added {r.added} ({r.exact} exact and {r.near} near duplicates), "
            f"skipped {r.skipped} already stored, {r.conflicts} id conflicts, {r.errors} errors; "
            f"{r.analyzed} analysed in {r.seconds:.1f}s ({r.rate:.1f} articles/s)",
            file=sys.stderr,
        )
    return 1 if report.errors and not report.added and not report.skipped else 0
