"""``rawi eval gold DIR``: score every layer against hand-annotated gold files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rawi.evaluation.gold import LAYERS, GoldError, evaluate_dir, format_table


def _csv(value: str) -> list[str]:
    return [x.strip() for x in value.split(",") if x.strip()]


def _read_predictions(path: str) -> dict:
    from rawi.model import Doc

    docs = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = Doc.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                print(f"rawi eval gold: {path}:{n}: {exc}; record skipped", file=sys.stderr)
                continue
            docs[doc.article.id] = doc
    return docs


def run(args: argparse.Namespace) -> int:
    try:
        preds = _read_predictions(args.pred) if args.pred else None
        result = evaluate_dir(args.dir, layers=args.layers, stages=args.stages,
                              predictions=preds)
    except (GoldError, OSError, KeyError) as exc:
        print(f"rawi eval gold: {exc}", file=sys.stderr)
        return 2
    data = result.to_dict()
    if args.json:
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(format_table(result, details=args.details))
    return 0 if result.articles else 1


def register(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser(
        "gold", help="score every layer against gold files (format of gold-dev)",
        description="Run the pipeline over each gold article and print one table: per "
        "layer gold, predicted, found, precision, recall, F1, then accuracy figures "
        "(speaker, modality, actor link, place distance...) and each stage's time.",
    )
    p.add_argument("dir", help="directory of gold *.json files")
    p.add_argument("--layers", type=_csv, default=list(LAYERS),
                   help=f"comma-separated subset of: {','.join(LAYERS)} (default all)")
    p.add_argument("--stages", type=_csv, default=None,
                   help="comma-separated registered stages to run (default all)")
    p.add_argument("--pred", metavar="JSONL",
                   help="score this rawi analyze output instead of running the pipeline")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--json", metavar="OUT", help="also write the figures as JSON to OUT")
    p.add_argument("--details", action="store_true",
                   help="list misses, false alarms and wrong answers per layer")
    p.set_defaults(func=run)
