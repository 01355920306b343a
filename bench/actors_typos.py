"""Print every link the typo fallback makes on unseen news, for reading by hand.

Runs text, entities and actors over N articles of ../shared/data/news starting at
line SKIP of each corpus, and prints each typo-path link with its context:

    python bench/actors_typos.py [-n 300] [--skip 5000] [--skeleton]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from pathlib import Path

from rawi.actors.linker import Linker
from rawi.model import Article
from rawi.pipeline import Pipeline

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--skip", type=int, default=5000, help="first line read (default 5000)")
    parser.add_argument("--skeleton", action="store_true",
                        help="also print the links of the older consonant-skeleton fallback")
    args = parser.parse_args()
    paths = sorted(NEWS.glob("*.jsonl.gz"))
    if not paths:
        print(f"bench/actors_typos.py: no news corpus at {NEWS}; skipping", file=sys.stderr)
        return 0
    found: list[tuple[str, int, int, str]] = []
    original = Linker.typo

    def recording(self, tk, first, last, etype, extra=-1):
        hit = original(self, tk, first, last, etype, extra)
        if hit is not None:
            found.append((etype, hit[1], hit[2], hit[0].id + " " + hit[0].name))
        return hit

    fuzzy = Linker._fuzzy

    def recording_fuzzy(self, tk, first, last, etype):
        hit = fuzzy(self, tk, first, last, etype)
        if hit[0] is not None:
            t = tk.tokens
            found.append((f"{etype} skeleton {hit[1]}", t[first].start, t[last - 1].end,
                          hit[0].id + " " + hit[0].name))
        return hit

    Linker.typo = recording
    if args.skeleton:
        Linker._fuzzy = recording_fuzzy
    pipeline = Pipeline(stages=["text", "entities", "actors"])
    links = n = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in itertools.islice(handle, args.skip, args.skip + args.n // len(paths)):
                r = json.loads(line)
                found.clear()
                doc = pipeline(Article(text=r["text"], id=r["id"], published=r.get("date")))
                n += 1
                links += sum(1 for e in doc.entities if e.actor is not None)
                for etype, s, e, who in found:
                    text = doc.text
                    ctx = text[max(0, s - 30):s] + "[" + text[s:e] + "]" + text[e:e + 30]
                    print(f"{r['id']}\t{etype}\t{who}\t{ctx.replace(chr(10), ' ')}")
    print(f"{n} articles, {links} linked entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
