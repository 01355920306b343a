"""Write one record into the store's tables (inside the caller's transaction).

Duplicate clusters are assigned here, in ingest order: an exact copy joins
the cluster of the first article with the same ``text_hash``; otherwise the
LSH buckets give candidates, and the most similar one at or above the
threshold lends its cluster. A first-seen article is its own cluster.
"""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any

from rawi.store import dedup
from rawi.store.schema import now

if TYPE_CHECKING:
    from rawi.store.db import Store

_ARTICLE_COLS = (
    "id", "record_hash", "text_hash", "published", "source", "url", "title", "text",
    "n_sentences", "n_tokens", "minhash", "offsets", "analysis",
)


def write_record(store: Store, rec: dict[str, Any], run: int | None) -> str:
    """Insert one record; return 'added', 'exact', 'near', 'skipped' or 'conflicts'."""
    conn = store.conn
    row = conn.execute(
        "SELECT record_hash FROM articles WHERE record_hash = ? OR id = ? LIMIT 1",
        (rec["record_hash"], rec["id"]),
    ).fetchone()
    if row is not None:
        return "skipped" if row[0] == rec["record_hash"] else "conflicts"

    cluster, dup, sim = _cluster(store, rec)
    cols = ",".join(_ARTICLE_COLS)
    values = [rec[c] for c in _ARTICLE_COLS]
    values[-1] = zlib.compress(rec["analysis"].encode("utf-8"), 6)
    cur = conn.execute(
        f"INSERT INTO articles({cols}, cluster, dup, similarity, run, ingested_at) "
        f"VALUES ({','.join('?' * len(_ARTICLE_COLS))}, ?, ?, ?, ?, ?)",
        (*values, cluster or 0, dup, sim, run, now()),
    )
    rowid = int(cur.lastrowid)
    if cluster is None:
        conn.execute("UPDATE articles SET cluster = ? WHERE rowid = ?", (rowid, rowid))
    if dup != "exact" and rec["minhash"] is not None:
        signature = dedup.from_blob(rec["minhash"])
        conn.executemany(
            "INSERT OR IGNORE INTO lsh(band, bucket, article) VALUES (?, ?, ?)",
            [(b, key, rowid) for b, key in enumerate(dedup.bands(signature))],
        )
    conn.execute(
        "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)",
        (rowid, rec["title_stems"], rec["stems"]),
    )
    _write_layers(conn, rowid, json.loads(rec["analysis"]), rec["published"])
    return dup or "added"


def _cluster(store: Store, rec: dict[str, Any]) -> tuple[int | None, str | None, float | None]:
    conn = store.conn
    row = conn.execute(
        "SELECT cluster FROM articles WHERE text_hash = ? ORDER BY rowid LIMIT 1",
        (rec["text_hash"],),
    ).fetchone()
    if row is not None:
        return int(row[0]), "exact", 1.0
    if rec["minhash"] is None:
        return None, None, None
    signature = dedup.from_blob(rec["minhash"])
    keys = dedup.bands(signature)
    values = ",".join("(?,?)" for _ in keys)
    params = [v for band, key in enumerate(keys) for v in (band, key)]
    candidates = {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT article FROM (VALUES {values}) v CROSS JOIN lsh "
            "ON lsh.band = v.column1 AND lsh.bucket = v.column2",
            params,
        )
    }
    best: tuple[float, int] | None = None
    for article in sorted(candidates):
        found = conn.execute(
            "SELECT minhash, cluster FROM articles WHERE rowid = ?", (article,)
        ).fetchone()
        if found is None or found[0] is None:
            continue
        sim = dedup.similarity(signature, dedup.from_blob(found[0]))
        if sim >= store.near_threshold and (best is None or sim > best[0]):
            best = (sim, int(found[1]))
    if best is None:
        return None, None, None
    return best[1], "near", round(best[0], 4)


def _actor_id(conn: Any, actor: dict[str, Any] | None) -> str | None:
    if not actor or not actor.get("id"):
        return None
    conn.execute(
        "INSERT INTO actors(id, name, name_ar, type, country, wikidata, aliases) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
        "name_ar=excluded.name_ar, type=excluded.type, country=excluded.country, "
        "wikidata=excluded.wikidata, aliases=excluded.aliases",
        (
            actor["id"], actor.get("name"), actor.get("name_ar"), actor.get("type"),
            actor.get("country"), actor.get("wikidata"),
            json.dumps(actor.get("aliases") or [], ensure_ascii=False),
        ),
    )
    return str(actor["id"])


def _write_layers(conn: Any, art: int, a: dict[str, Any], published: str | None) -> None:
    entity_actor: dict[str, str | None] = {}
    ents = []
    for i, e in enumerate(a.get("entities") or []):
        eid = e.get("id") or f"e{i}"
        actor = _actor_id(conn, e.get("actor"))
        entity_actor[eid] = actor
        ents.append((art, eid, e["start"], e["end"], e["text"], e.get("type"), actor,
                     e.get("confidence"), e.get("source")))
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?)", ents)

    times = {}
    rows = []
    for i, t in enumerate(a.get("times") or []):
        tid = t.get("id") or f"t{i}"
        times[tid] = t.get("value")
        rows.append((art, tid, t["start"], t["end"], t["text"], t.get("type"), t.get("value")))
    conn.executemany("INSERT OR REPLACE INTO times VALUES (?,?,?,?,?,?,?)", rows)

    rows = []
    for i, p in enumerate(a.get("places") or []):
        rows.append((art, p.get("id") or f"p{i}", p["start"], p["end"], p["text"], p.get("name"),
                     p.get("lat"), p.get("lon"), p.get("country"), p.get("feature"),
                     p.get("qualifier"), p.get("geonames_id"), p.get("precision")))
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    for i, x in enumerate(a.get("attributions") or []):
        _write_attribution(conn, art, x.get("id") or f"a{i}", x, a.get("entities") or [],
                           entity_actor, times, published)

    rows = []
    for item in a.get("actors") or []:
        actor = item.get("id") if isinstance(item, dict) else None
        rows.append((art, actor, json.dumps(item, ensure_ascii=False)))
    conn.executemany("INSERT INTO article_actors VALUES (?,?,?)", rows)


def _write_attribution(
    conn: Any, art: int, xid: str, x: dict[str, Any], entities: list[dict[str, Any]],
    entity_actor: dict[str, str | None], times: dict[str, Any], published: str | None,
) -> None:
    cue, content = x.get("cue") or {}, x.get("content") or {}
    sp, ch = x.get("speaker") or {}, x.get("channel") or {}
    speaker_actor = _actor_id(conn, sp.get("actor")) if sp else None
    if sp and speaker_actor is None and sp.get("entity"):
        speaker_actor = entity_actor.get(sp["entity"])
    conn.execute(
        "INSERT OR REPLACE INTO attributions VALUES "
        "(?,?, ?,?,?, ?,?,?,?,?,?, ?,?,?, ?,?, ?,?,?,?,?, ?,?,?, ?)",
        (
            art, xid,
            cue.get("start"), cue.get("end"), cue.get("text"),
            sp.get("start"), sp.get("end"), sp.get("text"), speaker_actor,
            int(bool(sp.get("anonymous"))) if sp else None, sp.get("entity"),
            content.get("start"), content.get("end"), content.get("text"),
            int(bool(x.get("direct"))), x.get("modality"),
            ch.get("start"), ch.get("end"), ch.get("text"), ch.get("type"), ch.get("platform"),
            x.get("time"), times.get(x.get("time")) if x.get("time") else None, x.get("parent"),
            published,
        ),
    )
    conn.executemany(
        "INSERT INTO evidence VALUES (?,?,?,?,?,?)",
        [(art, xid, ev.get("start"), ev.get("end"), ev.get("text"), ev.get("type"))
         for ev in x.get("evidence") or []],
    )
    cs, ce = content.get("start"), content.get("end")
    if cs is None or ce is None:
        return
    ss, se = (sp.get("start"), sp.get("end")) if sp else (None, None)
    about = []
    for i, e in enumerate(entities):
        eid = e.get("id") or f"e{i}"
        actor = entity_actor.get(eid)
        in_speaker = ss is not None and e["start"] < se and ss < e["end"]
        if actor and cs <= e["start"] and e["end"] <= ce and not in_speaker:
            about.append((art, xid, actor, eid))
    conn.executemany("INSERT OR IGNORE INTO attribution_about VALUES (?,?,?,?)", about)
