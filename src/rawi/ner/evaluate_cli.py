"""``rawi eval ner FILE.conll``: entity-level P/R/F1 per type, micro and macro.

In Python: ``rawi.ner.scoring.score(gold_tags, predicted_tags)``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def run(args: argparse.Namespace) -> int:
    from rawi.ner.conll import read_conll
    from rawi.ner.scoring import score
    from rawi.ner.tagger import ModelMissing, get_tagger

    try:
        sents = read_conll(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"rawi eval ner: {args.file}: {exc}", file=sys.stderr)
        return 2
    if not sents:
        print(f"rawi eval ner: {args.file}: no sentences", file=sys.stderr)
        return 1
    if not sents[0].columns:
        print(f"rawi eval ner: {args.file}: no gold tag column", file=sys.stderr)
        return 2
    try:
        tagger = get_tagger()
    except ModelMissing as exc:
        print(f"rawi eval ner: {exc}", file=sys.stderr)
        return 2
    window = None if args.window < 0 else args.window
    t0 = time.perf_counter()
    pred = tagger.tag_document([s.tokens for s in sents], window=window)
    secs = time.perf_counter() - t0
    report = score([s.tags for s in sents], pred)
    ntok = sum(len(s.tokens) for s in sents)
    if args.format == "json":
        out = {"file": str(args.file), "sentences": len(sents), "tokens": ntok,
               "seconds": round(secs, 3), "scores": report.as_dict()}
        print(json.dumps(out, indent=1))
    else:
        print(f"{args.file}: {len(sents)} sentences, {ntok} tokens, "
              f"tagged in {secs:.2f} s ({ntok / max(secs, 1e-9):,.0f} tokens/s)")
        print(report.format())
    return 0


def register(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser(
        "ner", help="entity-level NER scores on a CoNLL file (CoNLL/seqeval conventions)",
        description="Tag the tokens of a CoNLL file (token<TAB>gold IOB2 tag) and print "
        "entity-level precision, recall and F1 per type, micro and macro. An entity counts "
        "only with the exact type and token boundaries.",
    )
    p.add_argument("file", help="CoNLL file with gold tags in the second column")
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="table (default) or json")
    p.add_argument("--window", type=int, default=20,
                   help="sentences either side treated as one document when making repeated "
                   "names agree (0: off; -1: whole file; default 20)")
    p.set_defaults(func=run)
