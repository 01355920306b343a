"""Ingest speed: articles/s of `rawi ingest` (analysis on all cores + storage) over
../shared/data/news, against the serial pipeline on the same machine.

    python bench/ingest.py [-n N] [--db PATH] [--jobs J] [--stages a,b] [--json OUT]

-n takes the first N/2 articles of each news file (default: all of them). The serial
reference analyses 300 of those articles, evenly spread, in this process with the same
stages (what bench/throughput.py measures as "whole pipeline articles/s"), just before
the ingest, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from rawi.model import Article
from rawi.pipeline import Pipeline
from rawi.pipeline.registry import stage_names
from rawi.store import ingest, open_store, stats

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def load(n: int | None) -> list[Article]:
    paths = sorted(NEWS.glob("*.jsonl.gz"))
    out: list[Article] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle if n is None else itertools.islice(handle, n // len(paths))
            for line in lines:
                r = json.loads(line)
                out.append(Article(r["text"], id=r["id"], published=r.get("date"),
                                   source=r.get("source"), url=r.get("url"),
                                   title=r.get("title")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, help="articles (default: the whole corpus)")
    parser.add_argument("--db", help="store path (default: a fresh temporary file)")
    parser.add_argument("--jobs", type=int, help="worker processes (default: all cores)")
    parser.add_argument("--stages", help="comma-separated stages (default: all registered)")
    parser.add_argument("--serial", type=int, default=300,
                        help="articles for the serial reference (default 300; 0 skips it)")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"bench/ingest.py: no news corpus at {NEWS}; skipping", file=sys.stderr)
        return 0
    names = args.stages.split(",") if args.stages else stage_names()
    articles = load(args.n)
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="rawi-bench-"), "rawi.db")
    print(f"{len(articles)} articles, stages {','.join(names)}, jobs {args.jobs or os.cpu_count()}"
          f", store {db}", file=sys.stderr)

    serial_rate = None
    if args.serial:
        pipeline = Pipeline(names)
        sample = articles[:: max(1, len(articles) // args.serial)][: args.serial]
        pipeline(sample[0])
        t = time.perf_counter()
        for a in sample:
            pipeline(a)
        serial_rate = len(sample) / (time.perf_counter() - t)

    t = time.perf_counter()
    report = ingest(articles, db, stages=names, jobs=args.jobs, progress=sys.stderr.isatty())
    wall = time.perf_counter() - t
    with open_store(db) as store:
        counts = stats(store)
    figures = {
        "articles": len(articles), "added": report.added, "skipped": report.skipped,
        "errors": report.errors, "seconds": round(wall, 2),
        "ingest_articles_per_s": round(report.analyzed / wall, 2) if wall else None,
        "serial_pipeline_articles_per_s": round(serial_rate, 2) if serial_rate else None,
        "store_mb": round(os.path.getsize(db) / 1e6, 1), "stages": names,
        "exact_duplicates": counts["exact_duplicates"],
        "near_duplicates": counts["near_duplicates"], "clusters": counts["clusters"],
    }
    if serial_rate:
        figures["ratio_to_serial"] = round(figures["ingest_articles_per_s"] / serial_rate, 2)
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
