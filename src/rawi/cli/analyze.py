"""``rawi analyze INPUT``: analyse articles and write one rawi/1 object per article.

In Python: ``rawi.Pipeline()(rawi.Article(text, published="2017-09-25"))``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from rawi.io.progress import estimate_records, progress
from rawi.io.readers import InputError, ReadResult, parse_published, read_articles
from rawi.io.writers import JsonlWriter, JsonWriter, Writer
from rawi.model import Doc
from rawi.pipeline import Pipeline

FORMATS = ("jsonl", "json", "pretty", "html", "geojson")


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
                   help="jsonl (default, the contract), json (one array), pretty (for a "
                        "person at a terminal), html (one page to open in a browser), "
                        "geojson (the places)")
    p.add_argument("--tokens", action="store_true", help="include the token layer (large)")
    p.add_argument("--stages", metavar="A,B",
                   help="run only these stages, in pipeline order (default: all)")
    p.add_argument("--actors", metavar="FILE", action="append", default=[],
                   help="an actor file of your own (format in docs/actors.md); repeatable")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="analyse on a dask.distributed cluster: a scheduler address "
                        "(tcp://host:8786) or 'local' for a LocalCluster (docs/scale.md)")
    p.add_argument("--parquet", metavar="DIR",
                   help="with --dask: where workers write their Parquet partitions "
                        "(default: a temporary folder, removed afterwards)")
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
    if fmt == "html":
        from rawi.io.htmlview import HtmlWriter

        return HtmlWriter(out)
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
    if args.dask and args.tokens:
        print("rawi: --tokens is not available with --dask (partitions carry no tokens)",
              file=sys.stderr)
        return 2
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
    counts = {"done": 0, "failed": 0}
    with _output(args.output) as out:
        writer = _writer(args.format, out, args.tokens)
        try:
            show = not args.quiet and args.format != "pretty"
            total = estimate_records(args.input) if show and sys.stderr.isatty() else None
            results = progress(read_articles(args.input, published), total, "analysing", show)
            if args.dask:
                _run_dask(args, stages, results, writer, counts)
            else:
                _run_local(args, pipeline, results, writer, counts)
        except InputError as exc:
            print(f"rawi: {exc}", file=sys.stderr)
            return 2
        finally:
            writer.close()
    done, failed = counts["done"], counts["failed"]
    if not args.quiet or failed:
        print(f"rawi: analysed {done} article(s), {failed} failed", file=sys.stderr)
    return 1 if failed and not args.skip_errors else 0


def _articles(results: Iterable[ReadResult], quiet: bool, counts: dict[str, int]):
    """The readable articles; unreadable records are reported and counted."""
    for result in results:
        _report(result, quiet)
        if result.article is None:
            counts["failed"] += 1
        else:
            yield result.where, result.article


def _run_local(args: argparse.Namespace, pipeline: Pipeline, results: Iterable[ReadResult],
               writer: Writer, counts: dict[str, int]) -> None:
    for where, article in _articles(results, args.quiet, counts):
        try:
            doc: Doc = pipeline(article)
        except Exception as exc:  # a bug in a stage must not lose the batch
            print(f"rawi: {where}: error: analysis failed: {exc!r} (skipped)", file=sys.stderr)
            counts["failed"] += 1
            continue
        writer.write(doc)
        counts["done"] += 1


def _run_dask(args: argparse.Namespace, stages: list[str] | None,
              results: Iterable[ReadResult], writer: Writer, counts: dict[str, int]) -> None:
    """The same pure pipeline on a Dask cluster; partitions come back in input order."""
    from rawi.scale import iter_analyze_dask, read_docs

    def on_error(message: str) -> None:
        print(f"rawi: error: {message} (skipped)", file=sys.stderr)
        counts["failed"] += 1

    articles = (article for _, article in _articles(results, args.quiet, counts))
    with tempfile.TemporaryDirectory(prefix="rawi-dask-") as scratch:
        out_dir = args.parquet or scratch
        for part in iter_analyze_dask(articles, out_dir, args.dask, stages, on_error=on_error):
            for data in read_docs(part):
                writer.write(Doc.from_dict(data))
                counts["done"] += 1
