"""The ``rawi`` command line: one verb per job, each a thin call into the API.

Each command lives in its own module with ``register(subparsers)``; the list
below is the whole CLI, in the order ``rawi --help`` shows it.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from rawi import __version__

COMMAND_MODULES: list[str] = [
    "rawi.cli.analyze",
    "rawi.cli.view",
    "rawi.cli.evaluate",
    "rawi.cli.tag_ner",
    "rawi.cli.ingest",
    "rawi.cli.search",
    "rawi.cli.questions",
    "rawi.cli.export",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rawi",
        description="Arabic news to attributed records: who said what, about whom, where, when.",
    )
    parser.add_argument("--version", action="version", version=f"rawi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("rawi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
