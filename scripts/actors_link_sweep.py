"""Sweep unseen news articles and list the actor links of chosen entries, for reading by hand.

Runs text, entities, actors and attributions over a seeded sample of the news corpora
(``../shared/data/news``) that leaves out the gold-dev articles and the sample that
``actors_speaker_candidates.py`` mined, then writes every entity, role/generic span and
speaker linked to one of the ids in ``--ids`` (one id a line; default: all ids) with a
short context, and prints the share of named speakers linked. The output holds corpus
snippets: write it outside the repository (default ``/tmp/actors_link_sweep.tsv``).

    python scripts/actors_link_sweep.py [-n 1000] [--seed 11] [--ids FILE] [--sample 50]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

from rawi.model import Article
from rawi.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data"
STAGES = ["text", "entities", "actors", "attributions"]


def excluded(data: Path, mined_n: int, mined_seed: int) -> set[str]:
    """Ids of the gold-dev articles and of the candidate script's default sample."""
    out = {p.stem for p in (data / "gold-dev").glob("*.json")}
    for path in sorted((data / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = [json.loads(line)["id"] for line in handle]
        rng = random.Random(f"{mined_seed}:{path.name}")
        out.update(rng.sample(rows, min(mined_n, len(rows))))
    return out


def sample(data: Path, n: int, seed: int, skip: set[str]) -> list[Article]:
    articles = []
    paths = sorted((data / "news").glob("*.jsonl.gz"))
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = [r for r in map(json.loads, handle) if r["id"] not in skip]
        rng = random.Random(f"{seed}:{path.name}")
        for r in rng.sample(rows, min(n // len(paths), len(rows))):
            articles.append(Article(text=r["text"], id=r["id"], published=r.get("date")))
    return articles


def context(text: str, start: int, end: int) -> str:
    left = " ".join(text[max(0, start - 70):start].split()[-7:])
    right = " ".join(text[end:end + 50].split()[:5])
    return f"{left} [{text[start:end]}] {right}".replace("\t", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="articles in all")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--ids", type=Path, help="file of actor ids to report (default: all)")
    parser.add_argument("--sample", type=int, default=50, help="links to draw for reading")
    parser.add_argument("--out", type=Path, default=Path("/tmp/actors_link_sweep.tsv"))
    parser.add_argument("--data", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    if not (args.data / "news").is_dir():
        print(f"actors_link_sweep: no news corpus under {args.data}; skipping", file=sys.stderr)
        return 0
    wanted = set(args.ids.read_text().split()) if args.ids else None
    articles = sample(args.data, args.n, args.seed, excluded(args.data, 5000, 7))
    pipeline = Pipeline(STAGES)
    rows: list[tuple[str, ...]] = []
    named = linked = 0
    for article in articles:
        doc = pipeline(article)
        seen: set[tuple[int, int]] = set()
        for e in doc.entities:
            if e.actor and (wanted is None or e.actor.id in wanted):
                seen.add((e.start, e.end))
                rows.append((doc.article.id, "entity", e.actor.id, e.actor.name,
                             context(doc.text, e.start, e.end)))
        for a in doc.actors:
            if wanted is not None and a["id"] not in wanted:
                continue
            for s in a.get("spans", []):
                if (s["start"], s["end"]) not in seen:
                    rows.append((doc.article.id, s.get("kind", "span"), a["id"], a["name"],
                                 context(doc.text, s["start"], s["end"])))
        for att in doc.attributions:
            sp = att.speaker
            if sp is None or sp.anonymous or sp.end <= sp.start:
                continue
            named += 1
            if sp.actor is not None:
                linked += 1
                if wanted is None or sp.actor.id in wanted:
                    rows.append((doc.article.id, "speaker", sp.actor.id, sp.actor.name,
                                 context(doc.text, sp.start, sp.end)))
    with args.out.open("w", encoding="utf-8") as handle:
        handle.write("# article\tkind\tactor id\tactor name\tcontext\n")
        handle.writelines("\t".join(r) + "\n" for r in rows)
    picked = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    with args.out.with_suffix(".sample.tsv").open("w", encoding="utf-8") as handle:
        handle.writelines("\t".join(r) + "\n" for r in picked)
    share = linked / named if named else 0.0
    print(f"{len(articles)} articles; {named} named speakers, {linked} linked ({share:.3f}); "
          f"{len(rows)} links reported to {args.out}; {len(picked)} drawn to "
          f"{args.out.with_suffix('.sample.tsv')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
