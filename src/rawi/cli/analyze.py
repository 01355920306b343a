"""``rawi analyze INPUT``: analyse articles and write one rawi/1 object per article.

In Python: ``rawi.Pipeline()(rawi.Article(text, published="2017-09-25"))``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rawi.io.progress import estimate_records, progress
from rawi.io.readers import InputError, ReadResult, parse_published, read_articles
from rawi.io.writers import JsonlWriter, JsonWriter, Writer
from rawi.model import Doc
from rawi.pipeline import Pipeline

FORMATS = ("jsonl", "json", "pretty", "geojson")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="analyse articles (txt, jsonl, csv, html, a directory, or - for stdin)",
        description="Analyse Arabic news articles and write one rawi/1 JSON object per article.",
    )
    p.add_argument("input", help="a .txt/.jsonl/.jsonl.gz/.csv/.html file, a directory, or -")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for articles that carry none (resolves «أمس»)")
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl (default, the contract), json (one array), pretty (for a person), "
                        "geojson (the places)")
    p.add_argument("--tokens", action="store_true", help="include the token layer (large)")
    p.add_argument("--stages", metavar="A,B",
                   help="run only these stages, in pipeline order (default: all)")
    p.add_argument("--actors", metavar="FILE", action="append", default=[],
                   help="an actor file of your own (format in docs/actors.md); repeatable")
    p.add_argument("--skip-errors", action="store_true",
                   help="exit 0 even when some records could not be read")
    p.add_argument("--quiet", action="store_true", help="no progress or warnings on stderr")
    p.set_defaults(func=run)


def _report(result: ReadResult, quiet: bool) -> None:
    if result.error:
        print(f"rawi: {result.where}: error: {result.error} (skipped)", file=sys.stderr)
    elif not quiet:
        for warning in result.warnings:
            print(f"rawi: {result.where}: warning: {warning}", file=sys.stderr)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if not path or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


def _writer(fmt: str, out: IO[str], tokens: bool) -> Writer:
    if fmt == "json":
        return JsonWriter(out, tokens)
    if fmt == "pretty":
        from rawi.io.pretty import PrettyWriter

        return PrettyWriter(out, color=True if out.isatty() else None)
    if fmt == "geojson":
        from rawi.io.geo import GeoJsonWriter

        return GeoJsonWriter(out)
    return JsonlWriter(out, tokens)


def run(args: argparse.Namespace) -> int:
    try:
        published = parse_published(args.published, "--published")
    except ValueError as exc:
        print(f"rawi: --published: {exc}", file=sys.stderr)
        return 2
    stages = args.stages.split(",") if args.stages else None
    try:
        if args.actors:
            from rawi.actors import use_actor_files

            use_actor_files(args.actors)
        pipeline = Pipeline(stages)
    except KeyError as exc:
        print(f"rawi: --stages: {exc.args[0]}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"rawi: --actors: {exc}", file=sys.stderr)
        return 2
    if args.input != "-" and not Path(args.input).exists():
        print(f"rawi: {args.input}: no such file or directory", file=sys.stderr)
        return 2
    done = failed = 0
    with _output(args.output) as out:
        writer = _writer(args.format, out, args.tokens)
        try:
            show = not args.quiet and args.format != "pretty"
            total = estimate_records(args.input) if show and sys.stderr.isatty() else None
            results = read_articles(args.input, published)
            for result in progress(results, total, "analysing", show):
                _report(result, args.quiet)
                if result.article is None:
                    failed += 1
                    continue
                try:
                    doc: Doc = pipeline(result.article)
                except Exception as exc:  # a bug in a stage must not lose the batch
                    print(f"rawi: {result.where}: error: analysis failed: {exc!r} (skipped)",
                          file=sys.stderr)
                    failed += 1
                    continue
                writer.write(doc)
                done += 1
        except InputError as exc:
            print(f"rawi: {exc}", file=sys.stderr)
            return 2
        finally:
            writer.close()
    if not args.quiet or failed:
        print(f"rawi: analysed {done} article(s), {failed} failed", file=sys.stderr)
    return 1 if failed and not args.skip_errors else 0
