"""Cost of the actors stage relative to the text layer, cold (first pass) and warm.

bench/throughput.py times one pass over N articles, where both stages still fill their
per-surface caches; a long run (a daily feed, an archive) is closer to the warm pass.
CPU time (process_time) is used: the machine this runs on is often shared.

    .venv/bin/python bench/actors_speed.py [-n 1000] [--ner]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import NEWS, load_articles  # noqa: E402

from rawi.actors.stage import ActorsStage  # noqa: E402
from rawi.model import Doc  # noqa: E402
from rawi.pipeline.registry import build_stage  # noqa: E402
from rawi.text.stage import TextStage  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--ner", action="store_true", help="run the entities stage first")
    args = ap.parse_args(argv)
    if not NEWS.is_dir():
        print(f"no news corpus at {NEWS}: skipped")
        return 0
    articles = load_articles(args.n)
    text, actors = TextStage(), ActorsStage()
    ner = build_stage("entities") if args.ner else None
    for label in ("cold", "warm"):
        docs = [Doc(a) for a in articles]
        t0 = time.process_time()
        for d in docs:
            text(d)
        t_text = time.process_time() - t0
        if ner is not None:
            docs = [ner(d) for d in docs]
        t0 = time.process_time()
        for d in docs:
            actors(d)
        t_actors = time.process_time() - t0
        print(f"{label}: text {t_text:.3f}s  actors {t_actors:.3f}s  "
              f"actors/text {t_actors / t_text:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
