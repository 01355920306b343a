"""``rawi eval ner FILE.conll`` and ``rawi eval gold DIR``."""

from __future__ import annotations

import argparse
import importlib

#: evaluation target -> "module" exposing ``register(subparsers)``
EVALUATIONS: list[str] = [
    "rawi.evaluation.gold_cli",
    "rawi.ner.evaluate_cli",
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="score rawi against annotated data")
    targets = parser.add_subparsers(dest="target", metavar="TARGET")
    for name in EVALUATIONS:
        importlib.import_module(name).register(targets)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)
