"""The questions analysts ask of a store, as plain functions returning dicts.

Each function is one SQL query over the documented schema (``docs/store.md``),
so an analyst can read it and adapt it. An actor argument may be an actor id,
its English name or its Arabic name (matched after normalisation).
"""

from __future__ import annotations

import json
import os
from typing import Any

from rawi.store.db import Store
from rawi.store.records import search_key
from rawi.text.normalize import normalize


class UnknownActor(LookupError):
    """An actor argument that matches no stored actor."""


def actor_ids(store: Store, actor: str) -> list[str]:
    """Actor ids whose id, English name, Arabic name or alias equals ``actor``
    (case-insensitive, Arabic normalised); failing that, those whose names contain it
    as a whole word («نتنياهو» finds «بنيامين نتنياهو»)."""
    if store.conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor,)).fetchone():
        return [actor]
    want = _fold(actor)
    names = _actor_names(store)
    exact = sorted({aid for aid, folded in names if folded == want})
    if exact:
        return exact
    partial = sorted({aid for aid, folded in names if want and f" {want} " in f" {folded} "})
    if not partial:
        raise UnknownActor(f"no actor matches {actor!r} (try `rawi actors --top 50`)")
    return partial


_NAMES_CACHE: dict[tuple[str, int, int, int], list[tuple[str, str]]] = {}


def _actor_names(store: Store) -> list[tuple[str, str]]:
    """(id, folded name) for every name and alias, cached while the actors table is
    unchanged."""
    count, last = store.conn.execute("SELECT count(*), max(rowid) FROM actors").fetchone()
    key = (store.path, id(store.conn), count, last or 0)
    if key not in _NAMES_CACHE:
        _NAMES_CACHE.clear()
        pairs = []
        for aid, name, name_ar, aliases in store.conn.execute(
            "SELECT id, name, name_ar, aliases FROM actors"
        ):
            for n in (aid, name or "", name_ar or "", *json.loads(aliases or "[]")):
                pairs.append((aid, _fold(n)))
        _NAMES_CACHE[key] = pairs
    return _NAMES_CACHE[key]


def _fold(name: str) -> str:
    """Matching form of a name: normalised, lower-cased, final «ية» read as «يا»."""
    return " ".join(search_key(w) for w in normalize(name).split())


def _in(column: str, values: list[str]) -> tuple[str, list[str]]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def claims(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    modality: str | None = None,
    source: str | None = None,
    limit: int | None = 100,
    unique: bool = False,
) -> list[dict[str, Any]]:
    """Attributed statements, newest first: who said what (about whom), when, how sure.

    In Python: ``claims(open_store(), speaker="Russia", modality="hedged")``.
    """
    where, params = ["1"], []
    if speaker:
        clause, values = _in("x.speaker_actor", actor_ids(store, speaker))
        where.append(clause)
        params += values
    if about:
        clause, values = _in("b.actor", actor_ids(store, about))
        where.append(
            "EXISTS (SELECT 1 FROM attribution_about b WHERE b.article = x.article "
            f"AND b.attribution = x.id AND {clause})"
        )
        params += values
    if unique:
        where.append(_UNIQUE)
    for cond, value in (("x.published >= ?", date_from), ("x.published <= ?", date_to),
                        ("x.modality = ?", modality), ("a.source = ?", source)):
        if value:
            where.append(cond)
            params.append(value)
    sql = (
        "SELECT a.id, x.id, x.published, a.source, x.speaker_text, x.speaker_actor, s.name, "
        "x.cue_text, x.content_text, x.modality, x.direct, x.channel_type, x.channel_platform, "
        "x.time_value, (SELECT group_concat(DISTINCT b.actor) FROM attribution_about b "
        "WHERE b.article = x.article AND b.attribution = x.id) "
        "FROM attributions x JOIN articles a ON a.rowid = x.article "
        "LEFT JOIN actors s ON s.id = x.speaker_actor "
        f"WHERE {' AND '.join(where)} ORDER BY x.published DESC, a.rowid, x.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    keys = ("article", "attribution", "published", "source", "speaker", "speaker_actor",
            "speaker_name", "cue", "content", "modality", "direct", "channel", "platform",
            "time", "about")
    out = []
    for row in store.conn.execute(sql, params):
        rec = dict(zip(keys, row, strict=True))
        rec["direct"] = bool(rec["direct"])
        rec["about"] = rec["about"].split(",") if rec["about"] else []
        out.append(rec)
    return out


def top_actors(store: Store, n: int = 20) -> list[dict[str, Any]]:
    """The most mentioned actors: mentions, articles, statements made and received."""
    sql = """
    SELECT t.id, t.name, t.name_ar, t.type, t.country,
           m.mentions, m.articles,
           (SELECT count(*) FROM attributions x WHERE x.speaker_actor = t.id) AS said,
           (SELECT count(*) FROM attribution_about b WHERE b.actor = t.id) AS about
    FROM (SELECT actor, count(*) AS mentions, count(DISTINCT article) AS articles
          FROM entities WHERE actor IS NOT NULL GROUP BY actor
          ORDER BY mentions DESC LIMIT ?) m
    JOIN actors t ON t.id = m.actor
    ORDER BY m.mentions DESC, t.id
    """
    keys = ("id", "name", "name_ar", "type", "country", "mentions", "articles", "said", "about")
    return [dict(zip(keys, r, strict=True)) for r in store.conn.execute(sql, (n,))]


def timeline(store: Store, actor: str, by: str = "day") -> list[dict[str, Any]]:
    """Per day (or month): articles mentioning the actor, mentions, statements by it and
    about it."""
    ids = actor_ids(store, actor)
    width = {"day": 10, "month": 7, "year": 4}[by]
    marks = ",".join("?" * len(ids))
    sql = f"""
    WITH m AS (
        SELECT substr(a.published, 1, {width}) AS d, count(*) AS mentions,
               count(DISTINCT a.rowid) AS articles
        FROM entities e JOIN articles a ON a.rowid = e.article
        WHERE e.actor IN ({marks}) AND a.published IS NOT NULL GROUP BY d),
    s AS (SELECT substr(published, 1, {width}) AS d, count(*) AS said FROM attributions
          WHERE speaker_actor IN ({marks}) AND published IS NOT NULL GROUP BY d),
    b AS (SELECT substr(x.published, 1, {width}) AS d, count(DISTINCT x.article || '/' || x.id)
          AS about FROM attribution_about t JOIN attributions x
          ON x.article = t.article AND x.id = t.attribution
          WHERE t.actor IN ({marks}) AND x.published IS NOT NULL GROUP BY d),
    days AS (SELECT d FROM m UNION SELECT d FROM s UNION SELECT d FROM b)
    SELECT days.d, coalesce(m.articles, 0), coalesce(m.mentions, 0),
           coalesce(s.said, 0), coalesce(b.about, 0)
    FROM days LEFT JOIN m ON m.d = days.d LEFT JOIN s ON s.d = days.d
    LEFT JOIN b ON b.d = days.d ORDER BY days.d
    """
    keys = ("date", "articles", "mentions", "said", "about")
    return [dict(zip(keys, r, strict=True)) for r in store.conn.execute(sql, ids * 3)]


_UNIQUE = "x.article NOT IN (SELECT rowid FROM articles WHERE dup IS NOT NULL)"


def pairs(
    store: Store, n: int = 20, date_from: str | None = None, date_to: str | None = None,
    unique: bool = False,
) -> list[dict[str, Any]]:
    """Who says what about whom: (speaker actor, actor spoken about) counts of statements,
    with the count per modality. ``unique`` leaves out articles that duplicate an
    earlier one (reprinted wire copy), so a syndicated statement counts once."""
    where, params = ["x.speaker_actor IS NOT NULL"], []
    if unique:
        where.append(_UNIQUE)
    if date_from:
        where.append("x.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("x.published <= ?")
        params.append(date_to)
    sql = f"""
    SELECT x.speaker_actor, sp.name, b.actor, ab.name, x.modality,
           count(DISTINCT x.article || '/' || x.id)
    FROM attributions x
    JOIN attribution_about b ON b.article = x.article AND b.attribution = x.id
    LEFT JOIN actors sp ON sp.id = x.speaker_actor LEFT JOIN actors ab ON ab.id = b.actor
    WHERE {' AND '.join(where)} AND b.actor <> x.speaker_actor
    GROUP BY x.speaker_actor, b.actor, x.modality
    """
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for speaker, sname, about, aname, modality, count in store.conn.execute(sql, params):
        rec = table.setdefault((speaker, about), {
            "speaker": speaker, "speaker_name": sname, "about": about, "about_name": aname,
            "statements": 0, "modality": {},
        })
        rec["statements"] += count
        rec["modality"][modality or "asserted"] = count
    ranked = sorted(table.values(), key=lambda r: (-r["statements"], r["speaker"], r["about"]))
    return ranked[:n]


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything in the store."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    out: dict[str, Any] = {
        "articles": one("SELECT count(*) FROM articles"),
        "attributions": one("SELECT count(*) FROM attributions"),
        "entities": one("SELECT count(*) FROM entities"),
        "places": one("SELECT count(*) FROM places"),
        "times": one("SELECT count(*) FROM times"),
        "actors": one("SELECT count(DISTINCT actor) FROM entities WHERE actor IS NOT NULL"),
        "sources": one("SELECT count(DISTINCT source) FROM articles"),
        "clusters": one("SELECT count(DISTINCT cluster) FROM articles"),
        "exact_duplicates": one("SELECT count(*) FROM articles WHERE dup = 'exact'"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE dup = 'near'"),
        "first_published": one("SELECT min(published) FROM articles"),
        "last_published": one("SELECT max(published) FROM articles"),
        "runs": one("SELECT count(*) FROM runs"),
    }
    meta = store.metadata()
    out["schema_version"] = int(meta.get("schema_version", 0))
    out["pipeline"] = meta.get("pipeline")
    if store.path != ":memory:" and os.path.exists(store.path):
        out["bytes"] = os.path.getsize(store.path)
    return out
