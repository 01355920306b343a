"""Export a store: rawi/1 JSONL documents, CSV or Parquet tables, GeoJSON places.

``jsonl`` writes one full ``rawi analyze`` object per article (the contract);
``csv`` and ``parquet`` write one table (``articles``, ``entities``,
``attributions``, ``times``, ``places``, ``claims``); ``geojson`` writes a
FeatureCollection of every resolved place mention.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from rawi.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "geojson")

#: table name -> SQL producing it (blobs and internal columns left out).
TABLES: dict[str, str] = {
    "articles": "SELECT id, published, source, url, title, text, n_sentences, n_tokens, "
    "(SELECT id FROM articles c WHERE c.rowid = articles.cluster) AS cluster, dup, similarity "
    "FROM articles ORDER BY rowid",
    "entities": "SELECT a.id AS article, e.id, e.start, e.end, e.text, e.type, e.actor, "
    "e.confidence FROM entities e JOIN articles a ON a.rowid = e.article ORDER BY e.article",
    "attributions": "SELECT a.id AS article, x.id, x.published, x.speaker_text, x.speaker_actor, "
    "x.cue_text, x.content_text, x.content_start, x.content_end, x.direct, x.modality, "
    "x.channel_type, x.channel_platform, x.time_value, x.parent "
    "FROM attributions x JOIN articles a ON a.rowid = x.article ORDER BY x.article",
    "times": "SELECT a.id AS article, t.id, t.start, t.end, t.text, t.type, t.value "
    "FROM times t JOIN articles a ON a.rowid = t.article ORDER BY t.article",
    "places": "SELECT a.id AS article, a.published, p.id, p.start, p.end, p.text, p.name, "
    "p.lat, p.lon, p.country, p.feature, p.qualifier, p.geonames_id "
    "FROM places p JOIN articles a ON a.rowid = p.article ORDER BY p.article",
    "claims": "SELECT a.id AS article, x.published, a.source, x.speaker_actor, x.speaker_text, "
    "x.cue_text, x.content_text, x.modality, (SELECT group_concat(b.actor) FROM "
    "attribution_about b WHERE b.article = x.article AND b.attribution = x.id) AS about "
    "FROM attributions x JOIN articles a ON a.rowid = x.article ORDER BY x.article",
}


def iter_docs(store: Store, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every stored article as its rawi/1 object (``text`` restored); with ``ids``, those
    articles in that order (unknown ids are left out)."""
    if ids is None:
        rows = store.conn.execute("SELECT text, analysis FROM articles ORDER BY rowid")
    else:
        rows = (row for i in ids for row in store.conn.execute(
            "SELECT text, analysis FROM articles WHERE id = ?", (i,)))
    for text, analysis in rows:
        doc = json.loads(zlib.decompress(analysis))
        out = {k: doc[k] for k in ("schema", "id", "published", "source", "url", "title")}
        out["text"] = text
        out.update({k: v for k, v in doc.items() if k not in out})
        yield out


def export(store: Store, fmt: str, out: IO[Any] | str, table: str = "articles") -> int:
    """Write the store in ``fmt`` to ``out`` (a text stream, or a path for parquet).
    Returns the number of rows or features written."""
    if fmt == "jsonl":
        return _write_jsonl(store, out)
    if fmt == "geojson":
        return _write_geojson(store, out)
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    cur = store.conn.execute(TABLES[table])
    names = [d[0] for d in cur.description]
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(names)
        n = 0
        for row in cur:
            writer.writerow(row)
            n += 1
        return n
    if fmt == "parquet":
        return _write_parquet(cur, names, out)
    raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")


def _write_jsonl(store: Store, out: IO[str]) -> int:
    n = 0
    for doc in iter_docs(store):
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_geojson(store: Store, out: IO[str]) -> int:
    cur = store.conn.execute(TABLES["places"])
    names = [d[0] for d in cur.description]
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in cur:
        rec = dict(zip(names, row, strict=True))
        lat, lon = rec.pop("lat"), rec.pop("lon")
        if lat is None or lon is None:
            continue
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": rec}
        out.write(("" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


_INTS = {"start", "end", "n_sentences", "n_tokens", "content_start", "content_end", "direct",
         "geonames_id"}
_FLOATS = {"lat", "lon", "similarity", "confidence"}


def _write_parquet(cur: Any, names: list[str], path: Any, batch: int = 10000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - optional extra
        raise RuntimeError("Parquet export needs pyarrow: pip install 'rawi[scale]'") from exc
    types = [pa.int64() if n in _INTS else pa.float64() if n in _FLOATS else pa.string()
             for n in names]
    schema = pa.schema([pa.field(n, t) for n, t in zip(names, types, strict=True)])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        while rows := cur.fetchmany(batch):
            cols = [list(c) for c in zip(*rows, strict=True)]
            for col, t in zip(cols, types, strict=True):
                if t == pa.string():
                    col[:] = [None if v is None else str(v) for v in col]
            writer.write_table(pa.table(cols, schema=schema))
            n += len(rows)
    return n
