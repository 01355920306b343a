"""Quick dev-block experiments for the NER CRF (not part of `make train-ner`).

    python scripts/ner_dev.py [--c1 0.05] [--tag NAME] ...

Trains only the second-pass CRF on train minus the held-out dev block (last
10%), with a dev name list built once by the first-pass model and cached in
build/ner/, and prints dev micro-F1 with and without document consistency.
The numbers are comparable with each other, not with a full `make train-ner`
run (whose first pass also sees the new features). Never reads test.conll.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rawi.ner.clusters import DEFAULT_NEWS
from rawi.ner.conll import read_conll
from rawi.ner.resources import MODEL_DIR
from rawi.ner.train import DEFAULT_TRAIN, evaluate_model, fit, split_dev

BUILD = Path(__file__).resolve().parents[1] / "build" / "ner"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--tag", default="exp")
    args = ap.parse_args(argv)
    train_file = DEFAULT_TRAIN / "train.conll"
    if not train_file.exists():
        print(f"ner_dev: {train_file} not found; skipping", file=sys.stderr)
        return 0
    BUILD.mkdir(parents=True, exist_ok=True)
    train, dev = split_dev(read_conll(train_file), 0.1)
    clusters = MODEL_DIR / "clusters.tsv"
    dictionary = MODEL_DIR / "dictionary.tsv"
    gaz = BUILD / "dev-gazetteer.tsv"
    if not gaz.exists():
        from rawi.ner.gazetteer import build_gazetteer
        from rawi.ner.tagger import NerTagger

        first = BUILD / "dev-first.crfsuite"
        if not first.exists():
            fit(train, first, args.c1, args.c2, args.iterations, clusters, None,
                dictionary=dictionary)
        build_gazetteer(NerTagger(first, clusters=clusters, dictionary=dictionary),
                        DEFAULT_NEWS, gaz, articles=8000)
    model = BUILD / f"dev-{args.tag}.crfsuite"
    t0 = time.perf_counter()
    secs = fit(train, model, args.c1, args.c2, args.iterations, clusters, gaz,
               dictionary=dictionary)
    out = [f"{args.tag}: fit {secs:.0f} s, {model.stat().st_size / 1e6:.1f} MB"]
    for window in (0, 20):
        t1 = time.perf_counter()
        rep = evaluate_model(model, dev, clusters, gaz, window, dictionary)
        m = rep.as_dict()["micro"]
        out.append(f"window {window}: P {m['precision']:.4f} R {m['recall']:.4f} "
                   f"F1 {m['f1']:.4f} (tag {time.perf_counter() - t1:.1f} s)")
        if window == 20:
            print(rep.format())
    print(" | ".join(out), f"total {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
