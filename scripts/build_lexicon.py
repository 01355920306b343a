"""Build the Arabic word-frequency lexicon from ../shared/data/news.

The tokenizer splits a clitic only where the remainder is a real word; this
lexicon is what "real" means. Counts are over normalised word forms; forms
seen fewer than ``--min-count`` times are dropped to keep the file small.
The articles themselves are never copied: only (form, count) pairs.

    python scripts/build_lexicon.py [--data ../shared/data/news] [--min-count 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from rawi.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news"
OUTPUT = ROOT / "src" / "rawi" / "data" / "lexicon" / "ar_freq.tsv.gz"
WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")


def count_words(paths: list[Path]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    articles = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = normalize((record.get("title") or "") + "\n" + record.get("text", ""))
                counts.update(WORD.findall(text))
                articles += 1
    return counts, articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    paths = sorted(args.data.glob("*.jsonl.gz"))
    if not paths:
        print(f"build_lexicon: no news corpus under {args.data}; skipping", file=sys.stderr)
        return 0
    counts, articles = count_words(paths)
    kept = [(w, c) for w, c in counts.most_common() if c >= args.min_count]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.output, "wb", mtime=0) as raw:
        raw.write(
            "# rawi Arabic word frequencies: normalised form<TAB>count, most frequent first.\n"
            f"# built by scripts/build_lexicon.py from {articles} news articles; "
            f"min count {args.min_count}\n".encode()
        )
        raw.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8"))
    total = sum(counts.values())
    print(f"{articles} articles, {total} words, {len(counts)} forms, kept {len(kept)}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
