"""rawi's NER beside two peers trained on the same data, measured in one run.

    python bench/ner_peers.py [--epochs 15] [--json out.json]

Peers, each trained here on ANERcorp ``train.conll``, then scored on
``test.conll`` and on the CAMeL official test file:

- ``crf-plain``: python-crfsuite with the textbook feature set (word, its
  last two/three letters, digit flag, the words either side), trained on all
  of train like rawi: what a CRF gives without rawi's features;
- ``spacy``: spaCy's own NER (``ner`` component, default CNN tok2vec, blank
  Arabic pipeline) trained on train minus its last 10% for ``--epochs``
  epochs, keeping the epoch with the best F1 on that held-out 10% (the same
  block rawi's training uses for development). Needs the ``bench`` extra
  (``pip install -e '.[bench]'``).

rawi is the committed model (trained on all of train); ``rawi-crf`` the
packaged CRF (the first-pass tagger and fallback) with the same resources. Speed is test tokens
per CPU-second of this one process on one core (feature extraction included),
on the first pass ("cold", every cache empty) and on a second pass ("warm");
CPU time rather than wall time because the machine may be shared. Skips with a message when the
data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from rawi.ner.conll import ConllSentence, read_conll  # noqa: E402
from rawi.ner.scoring import score  # noqa: E402
from rawi.ner.train import split_dev  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "anercorp"


def plain_features(tokens: list[str]) -> list[list[str]]:
    out = []
    for i, w in enumerate(tokens):
        f = ["b", "w=" + w, "s3=" + w[-3:], "s2=" + w[-2:], f"d={w.isdigit()}"]
        f.append("-1w=" + tokens[i - 1] if i else "BOS")
        f.append("+1w=" + tokens[i + 1] if i + 1 < len(tokens) else "EOS")
        out.append(f)
    return out


def crf_plain(train: list[ConllSentence]):
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train:
        trainer.append(plain_features(s.tokens), s.tags)
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": 100,
                        "feature.possible_transitions": True})
    path = Path(tempfile.mkdtemp()) / "plain.crfsuite"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return lambda sents: [tagger.tag(plain_features(s)) for s in sents]


def _spacy_tags(doc) -> list[str]:
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


def spacy_model(train: list[ConllSentence], dev: list[ConllSentence], epochs: int, seed: int):
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example, iob_to_biluo, tags_to_entities  # noqa: F401
    from spacy.util import minibatch

    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("ar")
    ner = nlp.add_pipe("ner")
    for label in ("PERS", "LOC", "ORG", "MISC"):
        ner.add_label(label)

    def example(s: ConllSentence) -> Example:
        doc = Doc(nlp.vocab, words=s.tokens)
        ents = iob_to_biluo(s.tags)
        return Example.from_dict(doc, {"entities": ents})

    examples = [example(s) for s in train]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)

    def tag(sents: list[list[str]]) -> list[list[str]]:
        docs = (Doc(nlp.vocab, words=list(w)) for w in sents)
        return [_spacy_tags(d) for d in nlp.pipe(docs, batch_size=256)]

    best, best_bytes = -1.0, None
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        f1 = score([s.tags for s in dev], tag([s.tokens for s in dev])).micro.f1
        print(f"  spacy epoch {epoch + 1}: loss {losses.get('ner', 0):.0f}, dev F1 {100 * f1:.2f}",
              file=sys.stderr)
        if f1 > best:
            best, best_bytes = f1, nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    return tag


def rawi_model(crf: bool = False):
    """The shipped tagger, or (``crf``) the packaged CRF with the same resources."""
    from rawi.ner.resources import MODEL_DIR
    from rawi.ner.tagger import CONLL_WINDOW, NerTagger

    t0 = time.perf_counter()
    tagger = NerTagger(MODEL_DIR / "ner.crfsuite") if crf else NerTagger()
    load = time.perf_counter() - t0
    print(f"  rawi {'CRF' if crf else 'model'} loaded in {load:.2f} s", file=sys.stderr)
    return lambda sents: tagger.tag_document(sents, window=CONLL_WINDOW), load


def measure(name: str, tag, tests: dict[str, list[ConllSentence]]) -> dict:
    row: dict = {"system": name}
    for label, sents in tests.items():
        words = [s.tokens for s in sents]
        ntok = sum(map(len, words))
        c0 = time.process_time()
        pred = tag(words)
        cold = time.process_time() - c0
        rep = score([s.tags for s in sents], pred)
        row[label] = {k: round(100 * v, 2) for k, v in rep.as_dict()["micro"].items()
                      if k != "support"}
        row[label]["macro_f1"] = round(100 * rep.macro[2], 2)
        if label == "test":
            c0 = time.process_time()
            tag(words)
            warm = time.process_time() - c0
            row["tokens_per_s"] = round(ntok / cold)
            row["tokens_per_s_warm"] = round(ntok / warm)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--skip-spacy", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not (args.data / "train.conll").exists():
        print(f"ner_peers: no ANERcorp at {args.data}; skipping", file=sys.stderr)
        return 0
    train, dev = split_dev(read_conll(args.data / "train.conll"), 0.1)
    tests = {"test": read_conll(args.data / "test.conll")}
    official = args.data / "camel_official" / "ANERCorp_CamelLab_test.txt"
    if official.exists():
        tests["camel_official"] = read_conll(official)

    rows = []
    tag, load = rawi_model()
    rows.append({**measure("rawi", tag, tests), "load_s": round(load, 2)})
    tag, load = rawi_model(crf=True)
    rows.append({**measure("rawi-crf", tag, tests), "load_s": round(load, 2)})
    t0 = time.perf_counter()
    tag = crf_plain(train + dev)
    rows.append({**measure("crf-plain", tag, tests),
                 "train_s": round(time.perf_counter() - t0)})
    if not args.skip_spacy:
        try:
            import spacy  # noqa: F401
        except ImportError:
            print("ner_peers: spaCy not installed (pip install -e '.[bench]'); skipping it",
                  file=sys.stderr)
        else:
            t0 = time.perf_counter()
            tag = spacy_model(train, dev, args.epochs, args.seed)
            rows.append({**measure("spacy", tag, tests),
                         "train_s": round(time.perf_counter() - t0)})

    print("| system | test P | test R | test F1 | test macro-F1 | camel_official F1 "
          "| tokens/s cold | tokens/s warm |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        t, o = r["test"], r.get("camel_official", {})
        print(f"| {r['system']} | {t['precision']:.2f} | {t['recall']:.2f} | {t['f1']:.2f} | "
              f"{t['macro_f1']:.2f} | {o.get('f1', float('nan')):.2f} | "
              f"{r['tokens_per_s']:,} | {r['tokens_per_s_warm']:,} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
