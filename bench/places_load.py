"""Gazetteer load time and memory, and the places stage's cost against the text layer.

Run: ``python bench/places_load.py`` (fresh process: the load is measured cold).
Articles come from ../shared/data/gold-dev when present; the script skips that part
with a message when the data is absent.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold-dev"


def main() -> int:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from rawi.text.lexicon import frequencies

    frequencies()  # the text layer's lexicon, loaded by every pipeline anyway
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    from rawi.places.gazetteer import gazetteer

    gaz = gazetteer()
    load_s = time.perf_counter() - t
    rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gazetteer.cache_clear()
    tracemalloc.start()  # a second load, traced: tracing slows it, so it is not timed
    gaz = gazetteer()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"gazetteer: {len(gaz)} names loaded in {load_s:.3f} s; "
          f"python heap peak {peak / 2**20:.1f} MiB; process max RSS {rss2 / 1024:.1f} MiB "
          f"(before lexicon {rss0 / 1024:.1f}, after lexicon {rss1 / 1024:.1f})")
    if not DATA.is_dir():
        print(f"skip stage timing: {DATA} not found")
        return 0
    from rawi.model import Article, Doc
    from rawi.places.stage import PlacesStage
    from rawi.text.stage import TextStage

    text, places = TextStage(), PlacesStage()
    docs = []
    for path in sorted(DATA.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        docs.append(Doc(Article(rec["text"], id=rec["id"], published=rec.get("published"))))
    t_text = t_places = 0.0
    for _ in range(5):
        for doc in docs:
            t0 = time.perf_counter()
            text(doc)
            t1 = time.perf_counter()
            places(doc)
            t_text += t1 - t0
            t_places += time.perf_counter() - t1
    print(f"{len(docs)} articles x5: text {t_text:.3f} s, places {t_places:.3f} s, "
          f"places/text = {t_places / t_text:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
