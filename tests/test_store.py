"""The SQLite store: ingest, idempotency, duplicates, search, questions, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from rawi.cli import main
from rawi.model import Actor, Article, Attribution, Doc, Entity, Place, Span, Speaker, Time
from rawi.store import Store, claims, ingest, open_store, pairs, search, stats, timeline, top_actors
from rawi.store.export import export, iter_docs
from rawi.store.queries import actor_ids
from rawi.store.records import make_record

TEXTS = [
    "قال وزير الخارجية إن القوات تقدمت على طول الضفة اليسرى لنهر الفرات أمس.",
    "أعلنت الحكومة السورية أن الوضع في سوريا مستقر بعد اجتماع في دمشق.",
    "وصل الرئيس إلى الرياض في زيارة رسمية تستغرق يومين لبحث التعاون الاقتصادي.",
    "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية هذا الأسبوع.",
]
WIRE = (
    "أكدت مصادر مطلعة أن المفاوضات بين الطرفين ستستأنف الأسبوع المقبل في جنيف بحضور "
    "ممثلين عن الأمم المتحدة والدول الراعية للاتفاق، وأن جدول الأعمال يتضمن ملفات الأسرى "
    "والمساعدات الإنسانية وإعادة الإعمار في المناطق المتضررة من المعارك الأخيرة."
)


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return str(path)


@pytest.fixture
def corpus(tmp_path):
    rows = [
        {"id": f"n{i}", "text": t, "date": f"2017-09-{10 + i}", "source": "s" + str(i % 2),
         "title": f"عنوان {i}"}
        for i, t in enumerate(TEXTS)
    ]
    rows.append({"id": "w1", "text": WIRE, "date": "2017-09-20", "source": "wireA"})
    rows.append({"id": "w2", "text": WIRE, "date": "2017-09-20", "source": "wireB"})
    rows.append({"id": "w3", "text": WIRE.replace("الأخيرة", "الأخيرة في الشمال"),
                 "date": "2017-09-21", "source": "wireC"})
    return _write(tmp_path / "news.jsonl", rows)


@pytest.fixture
def db(tmp_path, corpus):
    path = str(tmp_path / "rawi.db")
    report = ingest([corpus], path, stages=["text"], jobs=1, batch=3)
    assert report.added == 7 and report.errors == 0
    return path


def test_schema_is_plain_sql_with_wal_metadata_and_migrations(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "entities", "actors", "attributions", "times", "places", "metadata",
            "migrations", "search"} <= tables
    meta = dict(conn.execute("SELECT key, value FROM metadata"))
    assert meta["schema_version"] == "2" and meta["pipeline"] == "text"
    assert meta["resources"].startswith("rawi-")
    assert conn.execute("SELECT resources FROM runs").fetchone()[0] == meta["resources"]
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == 2


def test_older_store_is_migrated_and_still_searchable(db):
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX articles_meta")
    conn.execute("DROP INDEX articles_dup")
    conn.execute("ALTER TABLE runs DROP COLUMN resources")
    conn.execute("DELETE FROM migrations WHERE version = 2")
    conn.commit()
    conn.close()
    with open_store(db) as store:  # read-only: searched without the index
        assert [h.id for h in search(store, "جنيف", source="wireC")] == ["w3"]
    Store(db).close()  # a writer upgrades it
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT max(version) FROM migrations").fetchone()[0] == 2
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_meta'").fetchone()


def test_reingest_adds_nothing(db, corpus):
    again = ingest([corpus], db, stages=["text"], jobs=1)
    assert again.added == 0 and again.skipped == 7
    with open_store(db) as store:
        assert stats(store)["articles"] == 7


def test_exact_and_near_duplicates_kept_as_clusters(db):
    conn = sqlite3.connect(db)
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT id, cluster, dup, (SELECT rowid FROM articles b WHERE b.id = 'w1') FROM articles")}
    first = rows["w1"][2]
    assert rows["w1"][:2] == (first, None)
    assert rows["w2"][:2] == (first, "exact")
    assert rows["w3"][:2] == (first, "near")
    assert rows["n0"][1] is None
    with open_store(db) as store:
        s = stats(store)
    assert (s["articles"], s["clusters"], s["exact_duplicates"], s["near_duplicates"]) == (
        7, 5, 1, 1)


def test_bad_record_is_reported_and_skipped(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": TEXTS[0]}, ensure_ascii=False)
                    + "\n{not json\n", "utf-8")
    seen = []
    report = ingest([str(path)], str(tmp_path / "x.db"), stages=["text"], jobs=1,
                    on_error=seen.append)
    assert report.added == 1 and report.errors == 1
    assert "bad.jsonl:2" in seen[0]


def test_search_folds_clitics_and_spelling(db):
    with open_store(db) as store:
        hits = search(store, "الفرات")
        assert [h.id for h in hits] == ["n0"]
        assert hits[0].snippet[slice(*hits[0].highlights[0])] == "الفرات"
        assert {h.id for h in search(store, "سورية")} == {"n1"}  # written سوريا / السورية
        assert {h.id for h in search(store, '"الأمم المتحدة"')} == {"w1", "w2", "w3"}
        assert {h.id for h in search(store, "جنيف", source="wireC")} == {"w3"}
        assert {h.id for h in search(store, "جنيف", date_to="2017-09-20")} == {"w1", "w2"}
        assert {h.id for h in search(store, "جنيف -الشمال")} == {"w1", "w2"}
        assert {h.id for h in search(store, "النفط OR الرياض")} == {"n2", "n3"}
        newest = search(store, "جنيف", sort="date")
        assert [h.published for h in newest] == sorted((h.published for h in newest),
                                                        reverse=True)


def test_search_cli_jsonl_and_highlighted_text(db, capsys):
    assert main(["search", "سوريا", "--db", db, "--format", "jsonl"]) == 0
    hit = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"id", "published", "source", "title", "snippet"} <= set(hit)
    assert hit["id"] == "n1"
    assert main(["search", "الفرات", "--db", db]) == 0
    assert "[الفرات]" in capsys.readouterr().out


def test_stats_cli_json(db, capsys):
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["articles"] == 7
    assert {"articles", "attributions", "entities", "places"} <= set(counts)


def test_missing_store_is_a_clear_error(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err


# -- the analysts' questions, over hand-built analyses --------------------------------
RUSSIA = Actor("Q159", "Russia", "STATE", name_ar="روسيا", country="RU")
USA = Actor("Q30", "United States", "STATE", name_ar="الولايات المتحدة", country="US")


def _doc(aid, published, text, speaker_word, about_word, modality):
    art = Article(text, id=aid, published=published, source="test")
    s = text.index(speaker_word)
    a = text.index(about_word)
    cue = text.index("قالت")
    ents = [Entity("e1", s, s + len(speaker_word), speaker_word, "LOC", RUSSIA),
            Entity("e2", a, a + len(about_word), about_word, "LOC", USA)]
    c = text.index(" إن") + 1
    content = Span(c, len(text), text[c:])
    x = Attribution("a1", Span(cue, cue + 4, "قالت"), content,
                    Speaker(s, s + len(speaker_word), speaker_word, RUSSIA, entity="e1"),
                    modality=modality, time="t1")
    place = Place("p1", a, a + len(about_word), about_word, "United States", 39.8, -98.6, "US")
    times = [Time("t1", 0, 3, text[:3], "DATE", published)]
    return Doc(art, entities=ents, attributions=[x], places=[place], times=times)


@pytest.fixture
def qdb(tmp_path):
    docs = [
        _doc("q1", "2017-09-24", "أمس قالت روسيا إن الولايات المتحدة تدعم المسلحين.",
             "روسيا", "الولايات المتحدة", "asserted"),
        _doc("q2", "2017-09-25", "أمس قالت روسيا إنها لا تستبعد أن الولايات المتحدة تخطط لذلك.",
             "روسيا", "الولايات المتحدة", "hedged"),
    ]
    store = Store(str(tmp_path / "q.db"))
    store.add([make_record(d.article, d, "test") for d in docs])
    yield store
    store.close()


def test_claims_pairs_actors_timeline(qdb):
    said = claims(qdb, speaker="روسيا", about="United States")
    assert [c["article"] for c in said] == ["q2", "q1"]
    assert said[0]["modality"] == "hedged" and said[0]["about"] == ["Q30"]
    assert said[0]["time"] == "2017-09-25"
    assert [c["article"] for c in claims(qdb, speaker="Q159", modality="hedged")] == ["q2"]
    assert claims(qdb, about="Q159") == []
    assert actor_ids(qdb, "states") == ["Q30"]  # a whole word of «United States»
    assert actor_ids(qdb, "المتحدة") == ["Q30"]
    assert pairs(qdb) == [{"speaker": "Q159", "speaker_name": "Russia", "about": "Q30",
                           "about_name": "United States", "statements": 2,
                           "modality": {"asserted": 1, "hedged": 1}}]
    top = top_actors(qdb, 5)
    assert [(a["id"], a["mentions"], a["said"], a["about"]) for a in top] == [
        ("Q159", 2, 2, 0), ("Q30", 2, 0, 2)]
    assert timeline(qdb, "Russia") == [
        {"date": "2017-09-24", "articles": 1, "mentions": 1, "said": 1, "about": 0},
        {"date": "2017-09-25", "articles": 1, "mentions": 1, "said": 1, "about": 0}]
    assert {h.id for h in search(qdb, "روسيا", actor="United States")} == {"q1", "q2"}
    assert search(qdb, "روسيا", place="Paris") == []


def test_claims_cli(qdb, capsys):
    assert main(["claims", "--db", qdb.path, "--speaker", "Russia", "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["article"] for x in lines] == ["q2", "q1"]
    assert main(["claims", "--db", qdb.path, "--speaker", "nobody"]) == 2
    assert main(["pairs", "--db", qdb.path, "--format", "csv"]) == 0
    assert "Q159" in capsys.readouterr().out


def test_export_formats(qdb, tmp_path):
    docs = list(iter_docs(qdb))
    assert docs[0]["schema"] == "rawi/1" and docs[0]["text"].startswith("أمس")
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"]
    buf = io.StringIO()
    assert export(qdb, "geojson", buf) == 2
    geo = json.loads(buf.getvalue())
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [-98.6, 39.8]}
    buf = io.StringIO()
    export(qdb, "csv", buf, table="claims")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["speaker_actor"] == "Q159" and rows[0]["about"] == "Q30"
    pq = pytest.importorskip("pyarrow.parquet")
    assert export(qdb, "parquet", str(tmp_path / "e.parquet"), table="entities") == 4
    assert pq.read_table(tmp_path / "e.parquet").column("actor").to_pylist()[0] == "Q159"


def test_cli_ingest_export_roundtrip(tmp_path, corpus, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["ingest", corpus, "--db", db, "--stages", "text", "--jobs", "1",
                 "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["exact"], report["near"]) == (7, 1, 1)
    out = tmp_path / "docs.jsonl"
    assert main(["export", "--db", db, "-o", str(out)]) == 0
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["n0", "n1", "n2", "n3", "w1", "w2", "w3"]
    assert docs[0]["text"] == TEXTS[0] and docs[0]["schema"] == "rawi/1"
    assert main(["ingest", corpus, "--db", db, "--stages", "nope"]) == 2
    assert "unknown stage" in capsys.readouterr().err


def test_progress_bar_runs(tmp_path, corpus):
    report = ingest([corpus], str(tmp_path / "p.db"), stages=["text"], jobs=1, progress=True)
    assert report.added == 7


def test_question_clis_text_tables(qdb, capsys):
    assert main(["actors", "--db", qdb.path, "--top", "5"]) == 0
    assert "Russia" in capsys.readouterr().out
    assert main(["timeline", "روسيا", "--db", qdb.path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["date"] == "2017-09-24"


def test_stored_analysis_is_compressed_json(qdb):
    name = qdb.conn.execute(
        "SELECT json_extract(inflate(analysis), '$.entities[0].actor.name') FROM articles "
        "ORDER BY rowid LIMIT 1").fetchone()[0]
    assert name == "Russia"


def test_runaway_read_query_is_interrupted(db):
    with Store(db, readonly=True, query_timeout=0.2) as store, \
            pytest.raises(sqlite3.OperationalError, match="interrupted"):
        store.conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                           "SELECT count(*) FROM c").fetchone()


def test_unique_counts_a_reprinted_statement_once(tmp_path):
    text = "أمس قالت روسيا إن الولايات المتحدة تدعم المسلحين."
    docs = [_doc(f"u{i}", "2017-09-24", text, "روسيا", "الولايات المتحدة", "asserted")
            for i in range(3)]
    for i, d in enumerate(docs):
        d.article.source = f"outlet{i}"  # the same wire text in three outlets
    with Store(str(tmp_path / "u.db")) as store:
        store.add([make_record(d.article, d, "test") for d in docs])
        assert len(claims(store, speaker="Russia")) == 3
        assert [c["article"] for c in claims(store, speaker="Russia", unique=True)] == ["u0"]
        assert pairs(store)[0]["statements"] == 3
        assert pairs(store, unique=True)[0]["statements"] == 1
