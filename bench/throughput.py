"""Speed meter: articles/s, tokens/s and peak memory of rawi's analysis.

Reads N articles of ../shared/data/news, times a baseline (the same texts split
on whitespace) and each pipeline stage separately, and prints each as a ratio
to the baseline and to the text layer. Every stage reports its cost with it.

    python bench/throughput.py [-n 2000] [--stages text,entities,...] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import sys
import time
from pathlib import Path

from rawi.model import Article, Doc
from rawi.pipeline import Pipeline
from rawi.pipeline.registry import stage_names

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def load_articles(n: int) -> list[Article]:
    """The first n//2 articles of each news corpus (so both outlets' styles count)."""
    paths = sorted(NEWS.glob("*.jsonl.gz"))
    articles: list[Article] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in itertools.islice(handle, n // len(paths)):
                r = json.loads(line)
                articles.append(Article(text=r["text"], id=r["id"], published=r.get("date")))
    return articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="articles to analyse (default 2000)")
    parser.add_argument("--stages", help="comma-separated stages (default: all registered)")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"bench/throughput.py: no news corpus at {NEWS}; skipping", file=sys.stderr)
        return 0
    articles = load_articles(args.n)
    names = args.stages.split(",") if args.stages else stage_names()

    start = time.perf_counter()
    words = sum(len(a.text.split()) for a in articles)
    baseline = time.perf_counter() - start

    load_start = time.perf_counter()
    pipeline = Pipeline(names)
    load = time.perf_counter() - load_start
    pipeline(articles[0])  # warm caches the way a long run would
    per_stage = dict.fromkeys(pipeline.names, 0.0)
    tokens = 0
    total_start = time.perf_counter()
    for article in articles:
        doc = Doc(article=article)
        for stage in pipeline.stages:
            t = time.perf_counter()
            doc = stage(doc)
            per_stage[stage.name] += time.perf_counter() - t
        tokens += len(doc.tokens)
    total = time.perf_counter() - total_start

    text_time = per_stage.get("text") or total
    print(f"{len(articles)} articles, {tokens:,} rawi tokens, {words:,} whitespace words")
    print(f"baseline (str.split):  {words / baseline:>12,.0f} words/s")
    print(f"pipeline load:         {load:>12.2f} s")
    print(f"{'stage':<22} {'tokens/s':>12} {'share':>7} {'x text':>7}")
    for name, seconds in per_stage.items():
        print(f"{name:<22} {tokens / seconds:>12,.0f} {seconds / total:>7.1%} "
              f"{seconds / text_time:>7.2f}")
    print(f"{'whole pipeline':<22} {tokens / total:>12,.0f}   "
          f"articles/s {len(articles) / total:,.1f}")
    print(f"baseline / pipeline time ratio: {total / baseline:,.0f}x slower than str.split")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": len(articles), "tokens": tokens, "baseline_s": baseline,
            "load_s": load, "stages_s": per_stage, "total_s": total,
            "peak_rss_mb": peak_rss_mb(),
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
