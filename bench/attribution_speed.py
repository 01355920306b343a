"""Cost of the attributions stage against the text layer, on real news.

Usage: python bench/attribution_speed.py [N_ARTICLES] [--full] [--profile]
Reads ``../shared/data/news`` (skips with a message when absent), runs the text
stage on every article, then times the attributions stage on the same docs.
With ``--full`` the stages between them (entities, actors, times, places) fill the
docs first, as in ``rawi analyze``, so speakers, actors and times are looked up.
Each stage is timed in CPU time (the machine is shared), best of 5 runs over the
whole batch after one warm-up pass, so caches a long run would hold (the
tokenizer's per-form analyses) are warm for both.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPEAT = 5
sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import NEWS, load_articles  # noqa: E402


def main() -> int:
    if not NEWS.exists():
        print(f"skip: {NEWS} not found")
        return 0
    from rawi.attribution.stage import AttributionStage
    from rawi.model import Doc
    from rawi.text.stage import TextStage

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    limit = int(args[0]) if args else 1000
    articles = load_articles(limit)
    text_stage, att_stage = TextStage(), AttributionStage()
    docs = [text_stage(Doc(article=a)) for a in articles]  # warm-up
    text_s = att_s = float("inf")
    for _ in range(REPEAT):  # best of REPEAT: the machine is shared, take the quiet run
        t0 = time.process_time()
        docs = [text_stage(Doc(article=a)) for a in articles]
        text_s = min(text_s, time.process_time() - t0)
    if "--full" in sys.argv:
        from rawi.pipeline.registry import build_stage, stage_names

        middle = [build_stage(n) for n in stage_names() if n not in ("text", "attributions")]
        for st in middle:
            docs = [st(d) for d in docs]
    for d in docs:
        att_stage(d)  # warm-up
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx("for d in docs: att_stage(d)", globals(), locals(), "/tmp/att.prof")
        pstats.Stats("/tmp/att.prof").sort_stats("tottime").print_stats(30)
    for _ in range(REPEAT):
        t0 = time.process_time()
        n = sum(len(att_stage(d).attributions) for d in docs)
        att_s = min(att_s, time.process_time() - t0)
    chars = sum(len(a.text) for a in articles)
    print(f"articles {len(articles)}  chars {chars}  attributions {n}")
    print(f"text {text_s:.2f}s  attributions {att_s:.2f}s  ratio {att_s / text_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
