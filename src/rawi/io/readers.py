"""Read articles from .txt, .jsonl(.gz), .csv, .html files, directories and stdin.

Every record comes back as a ``ReadResult``: an Article, or an error that
names the file and line. A broken record never stops the others; the caller
decides what to do with errors. Warnings (a Windows-1256 file decoded, a very
large article) travel with the article.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rawi.io.decode import DecodeError, decode_bytes
from rawi.io.html import html_to_text
from rawi.model import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".html", ".htm")
FIELDS = ("id", "text", "published", "source", "url", "title")
#: Articles larger than this are analysed, with a warning (they are rarely one article).
LARGE_ARTICLE_CHARS = 1_000_000
#: Share of letters that must be Arabic for a text to count as Arabic.
MIN_ARABIC_SHARE = 0.2

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class ReadResult:
    """One record read: an article, or an error; ``where`` is "file:line"."""

    where: str
    article: Article | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.article is not None


class InputError(Exception):
    """The input as a whole cannot be read (missing path, unknown format)."""


def arabic_share(text: str, sample: int = 20_000) -> float:
    """Share of the letters in (a prefix of) ``text`` that are Arabic."""
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    return len(_ARABIC_LETTER.findall(head)) / letters if letters else 0.0


def parse_published(value: object, where: str) -> str | None:
    """Accept YYYY-MM-DD (or an ISO timestamp starting with it); raise otherwise."""
    if value in (None, ""):
        return None
    match = _DATE.match(str(value).strip())
    if not match:
        raise ValueError(f"field 'published': {value!r} is not a date (YYYY-MM-DD)")
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise ValueError(f"field 'published': {value!r} is not a valid date") from None


def _check_text(text: str, result: ReadResult) -> str | None:
    """Return an error for a text rawi cannot analyse; add warnings for odd ones."""
    if not text.strip():
        return "empty text"
    share = arabic_share(text)
    if share < MIN_ARABIC_SHARE:
        return f"not Arabic text ({share:.0%} of letters are Arabic)"
    if len(text) > LARGE_ARTICLE_CHARS:
        result.warnings.append(
            f"very large article ({len(text) / 1e6:.1f}M characters); analysing it anyway"
        )
    return None


def _record(fields: dict, where: str, default_published: str | None) -> ReadResult:
    """Turn one mapping (a JSONL object, a CSV row) into a ReadResult."""
    result = ReadResult(where)
    if not isinstance(fields, dict):
        result.error = f"expected a JSON object, got {type(fields).__name__}"
        return result
    text = fields.get("text")
    if not isinstance(text, str):
        result.error = "missing field 'text'" if text is None else "field 'text' is not a string"
        return result
    problem = _check_text(text, result)
    if problem:
        result.error = problem
        return result
    try:
        published = parse_published(fields.get("published") or fields.get("date"), where)
    except ValueError as exc:
        result.error = str(exc)
        return result

    def optional(name: str) -> str | None:
        value = fields.get(name)
        return None if value in (None, "") else str(value)

    result.article = Article(
        text=text,
        id=optional("id") or "",
        published=published or default_published,
        source=optional("source"),
        url=optional("url"),
        title=optional("title"),
    )
    return result


def _text_article(raw: bytes, where: str, stem: str, published: str | None,
                  html: bool = False) -> ReadResult:
    result = ReadResult(where)
    if not raw.strip():
        result.error = "empty file"
        return result
    try:
        text, encoding = decode_bytes(raw)
    except DecodeError as exc:
        result.error = str(exc)
        return result
    if encoding != "utf-8":
        result.warnings.append(f"not UTF-8: decoded as {encoding}")
    title = None
    if html:
        text, title = html_to_text(text)
    problem = _check_text(text, result)
    if problem:
        result.error = problem
        return result
    result.article = Article(text=text, published=published, title=title)
    return result


def _jsonl_lines(lines: Iterable[str], name: str, published: str | None) -> Iterator[ReadResult]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadResult(where, error=f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record(fields, where, published)


def _split_lines(text: str) -> Iterator[str]:
    """Split on newlines only: U+2028/U+2029 inside a record are text, not breaks."""
    yield from text.split("\n")


def _read_jsonl(path: Path, published: str | None) -> Iterator[ReadResult]:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        yield ReadResult(str(path), error=f"cannot read: {exc}")
        return
    try:
        text, _ = decode_bytes(raw)
    except DecodeError as exc:
        yield ReadResult(str(path), error=str(exc))
        return
    if not text.strip():
        yield ReadResult(str(path), error="empty file")
        return
    yield from _jsonl_lines(_split_lines(text), str(path), published)


def _read_csv(path: Path, published: str | None) -> Iterator[ReadResult]:
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, DecodeError) as exc:
        yield ReadResult(str(path), error=str(exc))
        return
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ReadResult(f"{path}:1", error="CSV header has no 'text' column")
        return
    for row in reader:
        yield _record(row, f"{path}:{reader.line_num}", published)


def read_path(path: Path, published: str | None = None) -> Iterator[ReadResult]:
    """Read one file, by its suffix."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _read_jsonl(path, published)
    elif name.endswith(".csv"):
        yield from _read_csv(path, published)
    else:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield ReadResult(str(path), error=f"cannot read: {exc}")
            return
        html = name.endswith((".html", ".htm"))
        yield _text_article(raw, str(path), path.stem, published, html=html)


def _directory_files(directory: Path) -> list[Path]:
    return sorted(
        p for p in directory.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES)
    )


def read_articles(source: str | Path, published: str | None = None,
                  stdin: io.BufferedReader | None = None) -> Iterator[ReadResult]:
    """Read every article from a file, a directory, or ``-`` (stdin).

    ``published`` (YYYY-MM-DD) is the date given to articles that carry none.
    Raises InputError only when the input as a whole cannot be opened.
    """
    if str(source) == "-":
        raw = (stdin or sys.stdin.buffer).read()
        stripped = raw.lstrip()
        if stripped.startswith(b"{"):
            text, _ = decode_bytes(raw)
            yield from _jsonl_lines(_split_lines(text), "<stdin>", published)
        else:
            yield _text_article(raw, "<stdin>", "stdin", published)
        return
    path = Path(source)
    if path.is_dir():
        files = _directory_files(path)
        if not files:
            raise InputError(f"{path}: no {', '.join(SUFFIXES)} files in this directory")
        for file in files:
            yield from read_path(file, published)
    elif path.is_file():
        yield from read_path(path, published)
    else:
        raise InputError(f"{path}: no such file or directory")
