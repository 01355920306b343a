"""NER speed: model load time and tagging tokens/s on one core, cold and warm.

    python bench/ner_speed.py [FILE.conll]

Tags the file's sentences (default ANERcorp test) with the packaged model,
document consistency included. Reports wall-clock and process CPU time (the machine may be shared).
"cold" is the first pass (every feature cache
empty, as for the first article a process sees); "warm" the best of three
later passes. Skips with a message when the file is absent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rawi.ner.conll import read_conll

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "anercorp" / "test.conll"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"ner_speed: no {path}; skipping", file=sys.stderr)
        return 0
    sents = [s.tokens for s in read_conll(path)]
    ntok = sum(map(len, sents))
    t0 = time.perf_counter()
    from rawi.ner.tagger import CONLL_WINDOW, NerTagger

    tagger = NerTagger()
    load = time.perf_counter() - t0
    runs = []
    for _ in range(4):
        t0, c0 = time.perf_counter(), time.process_time()
        tagger.tag_document(sents, window=CONLL_WINDOW)
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    wall = [r[0] for r in runs]
    cpu = [r[1] for r in runs]
    print(f"{path.name}: {ntok} tokens; model load {load:.2f} s (imports included)")
    print(f"  wall: cold {ntok / wall[0]:,.0f} tokens/s, warm {ntok / min(wall[1:]):,.0f}")
    print(f"  cpu:  cold {ntok / cpu[0]:,.0f} tokens/s, warm {ntok / min(cpu[1:]):,.0f} "
          "(per CPU-second of this process: less sensitive to other load)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
