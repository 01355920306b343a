"""Train the NER tagger: ``python -m rawi.ner.train`` (``make train-ner``).

Reads ANERcorp ``train.conll`` only. The last ``--dev-fraction`` of its
sentences (a contiguous block of later news, like the test split) is held out
to choose settings and report a development score; the shipped model is then
retrained on the whole training file with those settings. ``test.conll`` is
never read here. Each training is two passes: a first model tags unlabelled
news to learn a name list (``rawi.ner.gazetteer``), the second model uses it
as a feature.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rawi.ner.conll import ConllSentence, read_conll
from rawi.ner.resources import MODEL_DIR, load_clusters, load_gazetteer
from rawi.ner.scoring import score

#: the dev run's self-trained name list (built from train minus dev), not shipped
DEV_GAZETTEER = Path(__file__).resolve().parents[3] / "build" / "ner" / "dev-gazetteer.tsv"
DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "anercorp"


def split_dev(sents: list[ConllSentence], fraction: float) -> tuple[list, list]:
    cut = int(round(len(sents) * (1 - fraction)))
    return sents[:cut], sents[cut:]


def fit(
    sents: list[ConllSentence], out: Path, c1: float, c2: float, iterations: int,
    clusters: Path | None, gazetteer: Path | None, verbose: bool = False,
    dictionary: Path | None = None,
) -> float:
    """Train a CRF on ``sents`` and write it to ``out``; returns seconds taken."""
    import pycrfsuite

    from rawi.ner.dictionary import load_dictionary, load_triggers
    from rawi.ner.features import FeatureExtractor

    names = load_dictionary(dictionary)
    fx = FeatureExtractor(load_clusters(clusters), load_gazetteer(gazetteer), names,
                          load_triggers() if names else None)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sents:
        trainer.append(fx.encoded(s.tokens), s.tags)
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": 1,
    })
    t0 = time.perf_counter()
    trainer.train(str(out))
    return time.perf_counter() - t0


def evaluate_model(model: Path, sents: list[ConllSentence], clusters: Path | None,
                   gazetteer: Path | None, window: int | None = 0,
                   dictionary: Path | None = None):
    from rawi.ner.tagger import NerTagger

    tagger = NerTagger(model, clusters=clusters, gazetteer=gazetteer, dictionary=dictionary)
    pred = tagger.tag_document([s.tokens for s in sents], window=window)
    return score([s.tags for s in sents], pred)


def train_pair(
    sents: list[ConllSentence], out_model: Path, out_gaz: Path | None, args, clusters: Path | None,
) -> tuple[Path | None, float]:
    """First pass without the news name list, the list from it, then the model that uses it."""
    secs = 0.0
    if out_gaz is not None and args.news.exists():
        from rawi.ner.gazetteer import build_gazetteer
        from rawi.ner.tagger import NerTagger

        first = out_model.with_suffix(".first.crfsuite")
        secs += fit(sents, first, args.c1, args.c2, args.iterations, clusters, None,
                    dictionary=args.dictionary)
        build_gazetteer(NerTagger(first, clusters=clusters, dictionary=args.dictionary),
                        args.news, out_gaz, articles=args.gazetteer_articles)
        first.unlink()
    else:
        out_gaz = None
    secs += fit(sents, out_model, args.c1, args.c2, args.iterations, clusters, out_gaz,
                dictionary=args.dictionary)
    return out_gaz, secs


def main(argv: list[str] | None = None) -> int:
    from rawi.ner.clusters import DEFAULT_NEWS
    from rawi.ner.tagger import CONLL_WINDOW

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_TRAIN,
                    help="folder holding train.conll (default ../shared/data/anercorp)")
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS,
                    help="unlabelled news for the self-trained name list")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="model folder to write")
    ap.add_argument("--dev-fraction", type=float, default=0.1)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--gazetteer-articles", type=int, default=8000)
    ap.add_argument("--dev-only", action="store_true",
                    help="train on train minus dev and report dev; do not write the final model")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--no-dictionary", action="store_true",
                    help="no actor/place dictionary or trigger-word features")
    args = ap.parse_args(argv)

    train_file = args.data / "train.conll"
    if not train_file.exists():
        print(f"rawi train-ner: {train_file} not found; nothing to train", file=sys.stderr)
        return 1
    t_start = time.perf_counter()
    sents = read_conll(train_file)
    clusters = None if args.no_clusters else args.out / "clusters.tsv"
    clusters = clusters if clusters and clusters.exists() else None
    args.out.mkdir(parents=True, exist_ok=True)
    args.dictionary = None
    if not args.no_dictionary:
        from rawi.ner.dictionary import build_dictionary

        args.dictionary = args.out / "dictionary.tsv"
        build_dictionary(args.dictionary)

    train, dev = split_dev(sents, args.dev_fraction)
    tmp = args.out / "dev.crfsuite"
    tmp_gaz = None if args.no_gazetteer else args.out / "dev-gazetteer.tsv"
    tmp_gaz, secs = train_pair(train, tmp, tmp_gaz, args, clusters)
    dev_scores = {}
    for window in (0, CONLL_WINDOW):
        report = evaluate_model(tmp, dev, clusters, tmp_gaz, window, args.dictionary)
        dev_scores[f"window_{window}"] = report.as_dict()["micro"]
        print(f"dev ({len(dev)} sentences, last {args.dev_fraction:.0%} of train), "
              f"consistency window {window}, trained in {secs:.0f} s:")
        print(report.format())
    tmp.unlink()
    if tmp_gaz:  # kept for the neural tagger's dev run (rawi.ner.neural_train)
        DEV_GAZETTEER.parent.mkdir(parents=True, exist_ok=True)
        tmp_gaz.replace(DEV_GAZETTEER)
    if args.dev_only:
        return 0

    final = args.out / "ner.crfsuite"
    gaz = None if args.no_gazetteer else args.out / "gazetteer.tsv"
    gaz, secs_full = train_pair(sents, final, gaz, args, clusters)
    meta = {
        "trained_on": "ANERcorp CAMeL split, train.conll (all sentences)",
        "sentences": len(sents),
        "tokens": sum(len(s.tokens) for s in sents),
        "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations,
                   "gazetteer_articles": args.gazetteer_articles},
        "clusters": clusters.name if clusters else None,
        "gazetteer": gaz.name if gaz else None,
        "dictionary": args.dictionary.name if args.dictionary else None,
        "dev": {"sentences": len(dev), **dev_scores},
        "train_seconds": round(time.perf_counter() - t_start),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {final} ({final.stat().st_size / 1e6:.1f} MB); "
          f"{time.perf_counter() - t_start:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
