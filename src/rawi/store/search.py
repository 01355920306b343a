"""Arabic full-text search over the store's FTS5 index of token stems.

The index holds, for every word, its normalised, clitic-stripped stem
(``rawi.text``), folded by ``records.search_key``; the query goes through the
same analysis, so «الفرات» finds «لنهر الفرات» and «سوريا» finds «سورية».
Query syntax: words are ANDed; ``"a phrase"`` (or «a phrase») must be
adjacent; ``OR`` between two terms; ``-word`` excludes; ``word*`` is a prefix.
Matches are highlighted from the token offsets stored with each article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rawi.store.db import Store
from rawi.store.queries import actor_ids
from rawi.store.records import offsets_of, search_key, text_keys
from rawi.text.normalize import normalize

_PART = re.compile(r'"([^"]*)"|«([^»]*)»|(\S+)')


_ORDER = {"rank": "score", "date": "m.published DESC, score"}


class QueryError(ValueError):
    """A query with nothing searchable in it."""


@dataclass
class Hit:
    rowid: int
    id: str
    published: str | None
    source: str | None
    title: str | None
    url: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)  # into snippet
    matches: list[tuple[int, int]] = field(default_factory=list)  # into the article text

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "matches": [list(m) for m in self.matches],
        }


@dataclass
class Query:
    fts: str
    keys: set[str]
    prefixes: tuple[str, ...]


def parse_query(query: str) -> Query:
    """Turn a user query into an FTS5 expression over search keys."""
    positive: list[str] = []
    negative: list[str] = []
    keys: set[str] = set()
    prefixes: list[str] = []
    pending_or = False
    for m in _PART.finditer(query):
        phrase = m.group(1) if m.group(1) is not None else m.group(2)
        word = m.group(3)
        if word == "OR" and positive:
            pending_or = True
            continue
        negate = False
        prefix = False
        if phrase is None:
            negate = word.startswith("-") and len(word) > 1
            word = word[1:] if negate else word
            prefix = word.endswith("*") and len(word) > 1
            word = word.rstrip("*")
            terms = text_keys(word)
            if prefix and not terms:
                terms = [search_key(normalize(word))]
        else:
            terms = text_keys(phrase)
        terms = [t for t in terms if t]
        if not terms:
            continue
        expr = '"' + " ".join(t.replace('"', '""') for t in terms) + '"' + ("*" if prefix else "")
        if negate:
            negative.append(expr)
            continue
        if prefix:
            prefixes.append(terms[-1])
            keys.update(terms[:-1])
        else:
            keys.update(terms)
        if pending_or and positive:
            positive[-1] = f"({positive[-1]} OR {expr})"
        else:
            positive.append(expr)
        pending_or = False
    if not positive:
        raise QueryError(f"nothing to search for in {query!r}")
    fts = " AND ".join(positive)
    if negative:
        fts = f"({fts}) NOT ({' OR '.join(negative)})"
    return Query(fts, keys, tuple(prefixes))


def search(
    store: Store,
    query: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    limit: int = 20,
    sort: str = "rank",
    width: int = 24,
) -> list[Hit]:
    """Search the store; hits best first (BM25, the title weighted 3x), or newest first
    with ``sort="date"``.

    In Python: ``rawi.store.search(open_store("rawi.db"), "الفرات", date_from="2017-09-01")``.
    """
    q = parse_query(query)
    where = ["search MATCH ?"]
    params: list[Any] = [q.fts]
    # Date and source filters read a compact covering index keyed by rowid: joining the
    # articles rows themselves (each holding its text) costs a page read per match.
    meta = bool(date_from or date_to or source or sort == "date")
    for cond, value in (("m.published >= ?", date_from), ("m.published <= ?", date_to),
                        ("m.source = ?", source)):
        if value:
            where.append(cond)
            params.append(value)
    if actor:
        ids = actor_ids(store, actor)
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article = search.rowid AND "
                     f"e.actor IN ({','.join('?' * len(ids))}))")
        params.extend(ids)
    if place:
        where.append("EXISTS (SELECT 1 FROM places p WHERE p.article = search.rowid AND "
                     "(p.name = ? COLLATE NOCASE OR p.text = ?))")
        params.extend([place, place])
    join = ""
    if meta:
        hint = " INDEXED BY articles_meta" if _has_meta_index(store) else ""
        join = f" JOIN articles m{hint} ON m.rowid = search.rowid"
    sql = (
        f"SELECT search.rowid, bm25(search, 3.0, 1.0) AS score FROM search{join} "
        f"WHERE {' AND '.join(where)} ORDER BY {_ORDER[sort]} LIMIT ?"
    )
    params.append(limit)
    rows = store.conn.execute(sql, params).fetchall()
    hits = []
    for rowid, score in rows:
        aid, published, src, title, url, text, blob, body = store.conn.execute(
            "SELECT a.id, a.published, a.source, a.title, a.url, a.text, a.offsets, s.body "
            "FROM articles a JOIN search s ON s.rowid = a.rowid WHERE a.rowid = ?",
            (rowid,),
        ).fetchone()
        matches = _matches(q, body.split(" ") if body else [], offsets_of(blob))
        snippet, highlights = _snippet(text, matches, width)
        hits.append(Hit(rowid, aid, published, src, title, url, -float(score), snippet,
                        highlights, matches))
    return hits


def _has_meta_index(store: Store) -> bool:
    return store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_meta'"
    ).fetchone() is not None


def _matches(q: Query, keys: list[str], offsets: Any) -> list[tuple[int, int]]:
    out = []
    for i, key in enumerate(keys):
        if key in q.keys or (q.prefixes and key.startswith(q.prefixes)):
            out.append((offsets[2 * i], offsets[2 * i + 1]))
    return out


def _snippet(
    text: str, matches: list[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """About ``width`` words around the first match, with match offsets into the snippet."""
    if not matches:
        words = text.split()
        return " ".join(words[:width]) + (" …" if len(words) > width else ""), []
    first = matches[0][0]
    begin = first
    for _ in range(width // 3):
        prev = text.rfind(" ", 0, max(begin - 1, 0))
        if prev < 0:
            begin = 0
            break
        begin = prev + 1
    end = matches[0][1]
    for _ in range(width - width // 3):
        nxt = text.find(" ", end + 1)
        if nxt < 0:
            end = len(text)
            break
        end = nxt
    raw = text[begin:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip().replace("\n", " ")
    highlights = [
        (s - begin - lead, e - begin - lead) for s, e in matches if s >= begin and e <= end
    ]
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix)
    return prefix + body + suffix, [(s + shift, e + shift) for s, e in highlights]


def mark(snippet: str, highlights: list[tuple[int, int]], left: str, right: str) -> str:
    """The snippet with each highlight wrapped in ``left``/``right``."""
    out, pos = [], 0
    for s, e in sorted(highlights):
        if s < pos:
            continue
        out.append(snippet[pos:s])
        out.append(left + snippet[s:e] + right)
        pos = e
    out.append(snippet[pos:])
    return "".join(out)
