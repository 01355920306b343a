"""Search latency: p50/p95/p99 of `rawi.store.search` on a store (target: p95 <= 50 ms).

    python bench/search.py --db rawi.db [--repeat 3] [--limit 20] [--json OUT]

Queries: a fixed list of everyday news queries written for this bench (single
words, phrases, OR, prefixes, with and without date/source filters), plus terms
sampled (seeded) from the store's own index vocabulary at high, middle and low
document frequency, so the figure does not depend on a lucky query list.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from rawi.store import open_store, search

#: Everyday news queries (words, phrases, OR, exclusion, prefix) written for this bench.
QUERIES = [
    "سوريا", "الفرات", "وزير الخارجية", '"الأمم المتحدة"', "النفط", "السعودية", "اليمن",
    "الحوثي", "داعش", "مجلس الأمن", "الرئيس الروسي", "إيران OR تركيا", "اقتصاد*",
    "مباراة الهلال", "أسعار النفط", "التحالف العربي", "اللاجئين", "الانتخابات",
    "البنك المركزي", "وزارة الصحة", "حلب -دمشق", '"ولي العهد"', "الإرهاب", "فلسطين",
]


def vocabulary_sample(store, k: int, seed: int = 7) -> list[str]:
    conn = store.conn
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search, row)")
    terms = [t for t, d in conn.execute("SELECT term, doc FROM temp.vocab WHERE doc >= 2 "
                                        "ORDER BY doc DESC") if len(t) > 2 and not t.isdigit()]
    rng = random.Random(seed)
    third = max(1, len(terms) // 3)
    picks = []
    for band in (terms[:300], terms[third : 2 * third], terms[2 * third :]):
        picks += rng.sample(band, min(k // 3, len(band)))
    pairs = [f"{a} {b}" for a, b in zip(picks[::2], picks[1::2], strict=False)][: k // 3]
    return picks + pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="rawi.db")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--sampled", type=int, default=60, help="vocabulary queries to add")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not Path(args.db).exists():
        print(f"bench/search.py: no store at {args.db}; run bench/ingest.py --db first; skipping",
              file=sys.stderr)
        return 0
    with open_store(args.db) as store:
        n_articles = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        span = store.conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        source = store.conn.execute("SELECT source FROM articles GROUP BY source "
                                    "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        queries = [(q, {}) for q in QUERIES + vocabulary_sample(store, args.sampled)]
        queries += [(q, {"date_from": span[0], "date_to": span[1]}) for q in QUERIES[:8]]
        queries += [(q, {"source": source}) for q in QUERIES[:8]]
        place = store.conn.execute("SELECT name FROM places WHERE name IS NOT NULL GROUP BY name "
                                   "ORDER BY count(*) DESC LIMIT 1").fetchone()
        if place:
            queries += [(q, {"place": place[0]}) for q in QUERIES[:8]]
        actor = store.conn.execute("SELECT actor FROM entities WHERE actor IS NOT NULL "
                                   "GROUP BY actor ORDER BY count(*) DESC LIMIT 1").fetchone()
        if actor:
            queries += [(q, {"actor": actor[0]}) for q in QUERIES[:8]]
        search(store, "سوريا")  # load the text layer once, as a long-running process would
        times, hits = [], []
        for _ in range(args.repeat):
            for q, filters in queries:
                t = time.perf_counter()
                found = search(store, q, limit=args.limit, **filters)
                times.append((time.perf_counter() - t) * 1000)
                hits.append(len(found))
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]  # noqa: E731
    figures = {
        "articles": n_articles, "queries": len(queries), "runs": len(times),
        "p50_ms": round(pct(50), 2), "p95_ms": round(pct(95), 2), "p99_ms": round(pct(99), 2),
        "max_ms": round(times[-1], 2), "mean_ms": round(statistics.mean(times), 2),
        "mean_hits": round(statistics.mean(hits), 1), "limit": args.limit,
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if figures["p95_ms"] <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
