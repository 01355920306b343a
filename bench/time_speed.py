"""Throughput of the times stage on real news (``../shared/data/news``).

Usage: python bench/time_speed.py [N_ARTICLES]   (default 3000, half from each corpus)
Tokens are counted with rawi's tokenizer, outside the timed section; the timed
section is the times stage alone (TimeTagger.tag), as in the pipeline. Wall and
CPU seconds are both given (the CPU figure is steadier on a shared machine), and
the tokenizer's own time on the same texts, as a ratio that does not depend on
the machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import NEWS, load_articles  # noqa: E402


def main() -> int:
    if not NEWS.exists():
        print(f"skip: {NEWS} not found")
        return 0
    from rawi.text.tokenize import tokenize
    from rawi.time.tagger import tagger

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    articles = [(a.text, a.published) for a in load_articles(limit)]
    c0 = time.process_time()
    tokens = sum(len(tokenize(text)) for text, _ in articles)
    tokenize_cpu = time.process_time() - c0
    tag = tagger().tag
    tag("تحميل", "2017-09-25")  # compile outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    n_times = sum(len(tag(text, published)) for text, published in articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"articles {len(articles)}  tokens {tokens}  times {n_times}\n"
        f"times stage: wall {wall:.2f} s = {tokens / wall:,.0f} tokens/s; "
        f"cpu {cpu:.2f} s = {tokens / cpu:,.0f} tokens/s\n"
        f"tokenizer on the same texts: cpu {tokenize_cpu:.2f} s "
        f"(times stage / tokenizer = {cpu / tokenize_cpu:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
