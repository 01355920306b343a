"""``rawi search QUERY``: Arabic full-text search over the store.

In Python: ``rawi.store.search(rawi.store.open_store("rawi.db"), "الفرات")``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from rawi.store.db import DEFAULT_DB


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search (clitics and spelling variants folded)",
        description="Search stored articles. «الفرات» finds «لنهر الفرات», «سوريا» finds «سورية». "
        'Words are ANDed; "a phrase" must be adjacent; a OR b; -word excludes; word* is a prefix.',
    )
    p.add_argument("query", help="the query, in Arabic (or Latin)")
    add_store_args(p)
    p.add_argument("--source", help="only this source (outlet id)")
    p.add_argument("--actor", help="only articles mentioning this actor (id, English or Arabic)")
    p.add_argument("--place", help="only articles mentioning this place (name or text as written)")
    p.add_argument("--limit", type=int, default=20, help="number of hits (default: 20)")
    p.add_argument("--sort", choices=("rank", "date"), default="rank",
                   help="rank (BM25, default) or date (newest first)")
    p.add_argument("--format", choices=("text", "jsonl", "html"), default="text",
                   help="text (highlighted, default), jsonl (one object per hit) or html (a "
                        "page of the articles found, every layer marked: see rawi view)")
    p.add_argument("-o", "--output", help="with --format html: the page to write "
                   "(default: stdout)")
    p.set_defaults(func=run)


def add_store_args(p: argparse.ArgumentParser, dates: bool = True) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"the store (default: {DEFAULT_DB})")
    if dates:
        p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                       help="published on or after this date")
        p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                       help="published on or before this date")


def run(args: argparse.Namespace) -> int:
    from rawi.store import QueryError, StoreError, UnknownActor, open_store, search
    from rawi.store.search import mark

    try:
        with open_store(args.db) as store:
            hits = search(store, args.query, date_from=args.date_from, date_to=args.date_to,
                          source=args.source, actor=args.actor, place=args.place,
                          limit=args.limit, sort=args.sort)
            if args.format == "html":
                return _page(store, hits, args)
    except (StoreError, QueryError, UnknownActor, sqlite3.OperationalError) as exc:
        print(f"rawi: {exc}", file=sys.stderr)
        return 2
    if args.format == "jsonl":
        for hit in hits:
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
        return 0
    tty = sys.stdout.isatty()
    left, right = ("\033[1;33m", "\033[0m") if tty else ("[", "]")
    for hit in hits:
        head = " · ".join(x for x in (hit.published, hit.source, hit.id) if x)
        print(f"{head}\n  {hit.title or ''}\n  {mark(hit.snippet, hit.highlights, left, right)}\n")
    print(f"{len(hits)} hit(s)", file=sys.stderr)
    return 0


def _page(store, hits, args: argparse.Namespace) -> int:
    """The articles found, in rank order, as one HTML page (``rawi.io.htmlview``)."""
    from rawi.io.htmlview import render_page
    from rawi.store.export import iter_docs

    page = render_page(iter_docs(store, [hit.id for hit in hits]),
                       title=f"rawi: {args.query}")
    if args.output and args.output != "-":
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(page)
        print(f"rawi: {len(hits)} hit(s) -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(page)
    return 0
