"""Near-duplicate check: true Jaccard similarity of the 4-word-shingle sets of sampled
pairs the store clustered as near duplicates (precision), and of sampled pairs it did
not (what was left apart), from a store built by bench/ingest.py.

    python bench/ingest_dedup.py --db STORE [--pairs 300]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from rawi.store import open_store
from rawi.store.dedup import SHINGLE


def shingles(stems: str) -> set[str]:
    words = stems.split()
    k = min(SHINGLE, len(words))
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args()
    if not Path(args.db).exists():
        print(f"bench/ingest_dedup.py: no store at {args.db}; skipping", file=sys.stderr)
        return 0
    rng = random.Random(3)
    with open_store(args.db) as store:
        body = lambda rowid: store.conn.execute(  # noqa: E731
            "SELECT body FROM search WHERE rowid = ?", (rowid,)).fetchone()[0]
        near = store.conn.execute(
            "SELECT rowid, cluster, similarity FROM articles WHERE dup = 'near'").fetchall()
        sample = rng.sample(near, min(args.pairs, len(near)))
        true = [jaccard(shingles(body(a)), shingles(body(c))) for a, c, _ in sample]
        est_err = [abs(t - s) for t, (_, _, s) in zip(true, sample, strict=True)]
        n = store.conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
        apart = []
        for _ in range(args.pairs):
            a, b = rng.randint(1, n), rng.randint(1, n)
            ca, cb = (store.conn.execute("SELECT cluster FROM articles WHERE rowid = ?", (r,))
                      .fetchone()[0] for r in (a, b))
            if ca != cb:
                apart.append(jaccard(shingles(body(a)), shingles(body(b))))
    figures = {
        "near_pairs_sampled": len(sample),
        "near_true_jaccard_ge_0.5": round(sum(t >= 0.5 for t in true) / len(true), 3),
        "near_true_jaccard_mean": round(sum(true) / len(true), 3),
        "near_estimate_abs_error_mean": round(sum(est_err) / len(est_err), 3),
        "random_apart_pairs": len(apart),
        "random_apart_jaccard_ge_0.5": sum(j >= 0.5 for j in apart),
    }
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
