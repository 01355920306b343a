"""Which speakers does the actor dictionary miss? Candidates for new entries.

Runs the text, entities, actors and attributions stages over a seeded sample of the
news corpora (``../shared/data/news``) and counts, by normalised form:

* ``speaker``: the speaker mention of an attribution that is neither anonymous nor linked
  to an actor (the name or nominal the attribution stage chose);
* ``entity``: a PER/ORG entity with no actor inside a statement's clause (from its cue to
  the start of its content, where verb-first Arabic puts the subject).

The most frequent are printed with their count, the words that most often stand before
them (titles such as «المتحدث باسم») and one short context. The output holds corpus
snippets: write it outside the repository (default ``/tmp/actors_speaker_candidates.tsv``).

    python scripts/actors_speaker_candidates.py [-n 5000] [--seed 7] [--top 400] [--out FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rawi.model import Article, Doc
from rawi.pipeline import Pipeline
from rawi.text.normalize import normalize

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
STAGES = ["text", "entities", "actors", "attributions"]
_STRIP = "\"'«»“”.,،:؛()[]- "


def sample(path: Path, n: int, seed: int) -> list[Article]:
    """n articles of one corpus file, chosen with a fixed seed (reservoir-free: files are small)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rng = random.Random(f"{seed}:{path.name}")
    picked = rng.sample(rows, min(n, len(rows)))
    return [Article(text=r["text"], id=r["id"], published=r.get("date")) for r in picked]


def key_of(text: str) -> str:
    return " ".join(normalize(text).strip(_STRIP).split())


def before(text: str, start: int, words: int = 3) -> str:
    return " ".join(text[max(0, start - 80):start].split()[-words:])


def context(text: str, start: int, end: int) -> str:
    left = " ".join(text[max(0, start - 60):start].split()[-6:])
    right = " ".join(text[end:end + 60].split()[:5])
    return f"{left} [{text[start:end]}] {right}".replace("\t", " ").replace("\n", " ")


class Tally:
    """Counts per (kind, key) with the commonest surface, preceding words and one context."""

    def __init__(self) -> None:
        self.count: Counter[tuple[str, str]] = Counter()
        self.surface: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.left: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.example: dict[tuple[str, str], str] = {}

    def add(self, kind: str, doc: Doc, start: int, end: int, etype: str = "") -> None:
        text = doc.text
        key = key_of(text[start:end])
        if len(key) < 2:
            return
        k = (kind + (f":{etype}" if etype else ""), key)
        self.count[k] += 1
        self.surface[k][text[start:end].strip()] += 1
        self.left[k][before(text, start)] += 1
        self.example.setdefault(k, context(text, start, end))


def analyse(articles: list[Article], tally: Tally) -> tuple[int, int, int]:
    pipeline = Pipeline(STAGES)
    named = linked = 0
    for number, article in enumerate(articles, 1):
        doc = pipeline(article)
        ents = sorted(doc.entities, key=lambda e: e.start)
        for att in doc.attributions:
            sp = att.speaker
            if sp is not None and not sp.anonymous and sp.end > sp.start:
                named += 1
                if sp.actor is not None:
                    linked += 1
                else:
                    tally.add("speaker", doc, sp.start, sp.end)
            lo, hi = att.cue.start, att.content.start
            if hi <= lo:  # nominal cue or subject-before-verb: look just around the cue
                lo, hi = max(0, att.cue.start - 60), att.cue.end + 60
            for e in ents:
                if e.start >= hi:
                    break
                if e.start >= lo and e.type in ("PER", "ORG") and e.actor is None:
                    tally.add("entity", doc, e.start, e.end, e.type)
        if number % 500 == 0:
            print(f"  {number}/{len(articles)} articles", file=sys.stderr)
    return len(articles), named, linked


def write(tally: Tally, top: int, out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# count\tkind\tsurface\tcommon left words\tcontext\n")
        for (kind, key), n in tally.count.most_common(top):
            surface = tally.surface[(kind, key)].most_common(1)[0][0]
            left = " / ".join(f"{w}:{c}" for w, c in tally.left[(kind, key)].most_common(3) if w)
            handle.write(f"{n}\t{kind}\t{surface}\t{left}\t{tally.example[(kind, key)]}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5000, help="articles per corpus file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=400)
    parser.add_argument("--out", type=Path, default=Path("/tmp/actors_speaker_candidates.tsv"))
    parser.add_argument("--news", type=Path, default=NEWS)
    args = parser.parse_args(argv)
    paths = sorted(args.news.glob("*.jsonl.gz"))
    if not paths:
        print(f"actors_speaker_candidates: no news corpus at {args.news}; skipping",
              file=sys.stderr)
        return 0
    articles = [a for p in paths for a in sample(p, args.n, args.seed)]
    tally = Tally()
    total, named, linked = analyse(articles, tally)
    write(tally, args.top, args.out)
    share = linked / named if named else 0.0
    print(f"{total} articles; {named} named speakers, {linked} linked ({share:.3f}); "
          f"{sum(tally.count.values())} unlinked mentions, {len(tally.count)} distinct; "
          f"top {args.top} written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
