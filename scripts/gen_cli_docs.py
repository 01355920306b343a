"""Write docs/cli.md from the argparse definitions, so the reference never drifts.

    python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rawi.cli import build_parser

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
HEADER = """# Command reference

Generated from the command definitions by `scripts/gen_cli_docs.py`; a test checks
it is up to date. Every command is a thin call into the Python API named in its
module's docstring. Examples of use are in the README and the topic pages.
"""


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _section(path: str, parser: argparse.ArgumentParser, level: int) -> list[str]:
    parser.prog = path
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
    lines = [f"{'#' * level} `{path}`", "", "```", parser.format_help().rstrip(), "```", ""]
    for name, child in _subparsers(parser).items():
        lines += _section(f"{path} {name}", child, level + 1)
    return lines


def render() -> str:
    parser = build_parser()
    lines = [HEADER]
    for name, child in _subparsers(parser).items():
        lines += _section(f"rawi {name}", child, 2)
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = render()
    if check:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
