"""The store's SQL schema, as an ordered list of migrations.

Each migration is applied once, inside a transaction, and recorded in the
``migrations`` table; a store opened by a newer rawi is upgraded in place.
The tables are meant to be read by analysts in plain SQL (``docs/store.md``):
one row per article or annotation, spans as ``start``/``end`` offsets into
``articles.text``, actors referenced by their dictionary id.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE metadata (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE articles (
    rowid        INTEGER PRIMARY KEY,       -- integer key, shared with the search index
    id           TEXT NOT NULL UNIQUE,      -- the article id from the input
    record_hash  TEXT NOT NULL UNIQUE,      -- sha1 of (text, title, source, url, published)
    text_hash    TEXT NOT NULL,             -- sha1 of the whitespace-collapsed text
    published    TEXT,                      -- YYYY-MM-DD or NULL
    source       TEXT,
    url          TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    n_sentences  INTEGER NOT NULL DEFAULT 0,
    n_tokens     INTEGER NOT NULL DEFAULT 0,
    cluster      INTEGER NOT NULL,          -- rowid of the first article of its duplicate cluster
    dup          TEXT,                      -- NULL | 'exact' | 'near' (relative to cluster)
    similarity   REAL,                      -- estimated Jaccard with the cluster's first article
    minhash      BLOB,                      -- MinHash signature (uint32 little-endian)
    offsets      BLOB,                      -- token [start, end) pairs, zlib int32 deltas
    analysis     BLOB NOT NULL,             -- zlib-compressed rawi/1 JSON, without "text"
    run          INTEGER,                   -- runs.id of the ingest that added it
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_cluster ON articles(cluster);

CREATE TABLE actors (
    id        TEXT PRIMARY KEY,
    name      TEXT,
    name_ar   TEXT,
    type      TEXT,
    country   TEXT,
    wikidata  TEXT,
    aliases   TEXT                          -- JSON list of strings
);

CREATE TABLE entities (
    article     INTEGER NOT NULL REFERENCES articles(rowid),
    id          TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT,
    actor       TEXT REFERENCES actors(id),
    confidence  REAL,
    source      TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE attributions (
    article           INTEGER NOT NULL REFERENCES articles(rowid),
    id                TEXT NOT NULL,
    cue_start         INTEGER, cue_end INTEGER, cue_text TEXT,
    speaker_start     INTEGER, speaker_end INTEGER, speaker_text TEXT,
    speaker_actor     TEXT REFERENCES actors(id),
    speaker_anonymous INTEGER,
    speaker_entity    TEXT,
    content_start     INTEGER, content_end INTEGER, content_text TEXT,
    direct            INTEGER,
    modality          TEXT,
    channel_start     INTEGER, channel_end INTEGER, channel_text TEXT,
    channel_type      TEXT, channel_platform TEXT,
    time              TEXT,                 -- times.id within the same article
    time_value        TEXT,                 -- that time's ISO value, copied for convenience
    parent            TEXT,
    published         TEXT,                 -- the article's date, copied for range queries
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX attributions_speaker ON attributions(speaker_actor);
CREATE INDEX attributions_published ON attributions(published);

-- The actors an attribution's content mentions (entities inside its content span).
CREATE TABLE attribution_about (
    article      INTEGER NOT NULL,
    attribution  TEXT NOT NULL,
    actor        TEXT NOT NULL REFERENCES actors(id),
    entity       TEXT NOT NULL,
    PRIMARY KEY (article, attribution, entity)
) WITHOUT ROWID;
CREATE INDEX attribution_about_actor ON attribution_about(actor);

CREATE TABLE evidence (
    article      INTEGER NOT NULL,
    attribution  TEXT NOT NULL,
    start        INTEGER, end INTEGER, text TEXT, type TEXT
);
CREATE INDEX evidence_attribution ON evidence(article, attribution);

CREATE TABLE times (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    id       TEXT NOT NULL,
    start    INTEGER, end INTEGER, text TEXT,
    type     TEXT,
    value    TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX times_value ON times(value);

CREATE TABLE places (
    article      INTEGER NOT NULL REFERENCES articles(rowid),
    id           TEXT NOT NULL,
    start        INTEGER, end INTEGER, text TEXT,
    name         TEXT,
    lat          REAL, lon REAL,
    country      TEXT,
    feature      TEXT,
    qualifier    TEXT,
    geonames_id  INTEGER,
    precision    INTEGER,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE INDEX places_text ON places(text);

-- Per-article actor records from the actors stage (shape owned by that stage).
CREATE TABLE article_actors (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    actor    TEXT,
    data     TEXT NOT NULL                 -- the stage's JSON object
);
CREATE INDEX article_actors_article ON article_actors(article);
CREATE INDEX article_actors_actor ON article_actors(actor);

-- Locality-sensitive hashing buckets of the MinHash signatures (near duplicates).
CREATE TABLE lsh (
    band     INTEGER NOT NULL,
    bucket   INTEGER NOT NULL,
    article  INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;

-- One row per `rawi ingest` run.
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY,
    started   TEXT NOT NULL,
    finished  TEXT,
    inputs    TEXT,
    pipeline  TEXT,
    added     INTEGER DEFAULT 0,
    skipped   INTEGER DEFAULT 0,
    errors    INTEGER DEFAULT 0
);

-- Full-text index over clitic-stripped, normalised stems (rowid = articles.rowid).
CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    tokenize = "unicode61 remove_diacritics 0"
);
"""

_V2 = """
-- A compact copy of the columns search filters on, keyed by rowid: joining the
-- articles rows themselves (text inline) costs one page read per match.
CREATE INDEX IF NOT EXISTS articles_meta ON articles(rowid, published, source);
-- The duplicates, for questions asked over distinct stories only (--unique).
CREATE INDEX IF NOT EXISTS articles_dup ON articles(dup) WHERE dup IS NOT NULL;
-- Which packaged resources (lexicons, gazetteer, models) each run analysed with.
ALTER TABLE runs ADD COLUMN resources TEXT;
"""

#: (version, name, SQL) in order. Append; never edit a released migration.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", _V1),
    (2, "indexes for search filters and duplicates; runs.resources", _V2),
]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration the store lacks; return the resulting version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now()),
            )
            conn.execute(
                "INSERT OR REPLACE INTO metadata(key, value) VALUES ('schema_version', ?)",
                (str(version),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return max([v for v, _, _ in MIGRATIONS] + list(done))


def _statements(sql: str) -> list[str]:
    """Split a migration script on statement boundaries (no triggers used)."""
    lines = [ln.split("--", 1)[0] for ln in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
