"""``rawi view ANALYSES.jsonl -o page.html``: look at analyses already made.

Reads rawi/1 objects (``rawi analyze`` output, or ``rawi export`` from a store) and
writes one self-contained HTML page (``rawi.io.htmlview``). A line that is not a
rawi/1 object is reported with its line number and skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import IO

from rawi.io.htmlview import HtmlWriter

REQUIRED = ("text", "entities", "attributions")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "view", help="an HTML page of analyses (rawi analyze or rawi export JSONL)",
        description="Write one self-contained HTML page of rawi/1 analyses: the text with "
        "entities, speakers, cues, contents and times marked, and who said what beside it. "
        "Open it in any browser; it needs no network.",
    )
    p.add_argument("input", help="a JSONL file of rawi/1 objects, or - for stdin")
    p.add_argument("-o", "--output", help="the page to write (default: stdout)")
    p.add_argument("--title", default="rawi", help="the page title")
    p.add_argument("--limit", type=int, help="at most this many articles")
    p.set_defaults(func=run)


def _objects(handle: IO[str], where: str, errors: list[str]) -> Iterator[dict]:
    for n, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}:{n}: not valid JSON ({exc.msg})")
            continue
        missing = [k for k in REQUIRED if not isinstance(data, dict) or k not in data]
        if missing:
            errors.append(f"{where}:{n}: not a rawi/1 object (no {', '.join(missing)})")
            continue
        yield data


def run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    with contextlib.ExitStack() as stack:
        try:
            source = sys.stdin if args.input == "-" else \
                stack.enter_context(open(args.input, encoding="utf-8"))
        except OSError as exc:
            print(f"rawi: {args.input}: {exc.strerror}", file=sys.stderr)
            return 2
        to_file = bool(args.output) and args.output != "-"
        out = stack.enter_context(open(args.output, "w", encoding="utf-8")) if to_file \
            else sys.stdout
        writer = HtmlWriter(out, args.title)
        try:
            for data in _objects(source, args.input, errors):
                if args.limit is not None and writer.count >= args.limit:
                    break
                writer.write(data)
        finally:
            writer.close()
    for error in errors:
        print(f"rawi: {error} (skipped)", file=sys.stderr)
    if to_file:
        print(f"rawi: {writer.count} article(s) -> {args.output}", file=sys.stderr)
    return 1 if errors else 0
