"""SIGKILL an ingest mid-way: the store stays consistent and resuming adds no duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from rawi.store import ingest

SUBJECTS = ["وزير الخارجية", "المتحدث باسم الجيش", "رئيس الوزراء", "مصدر أمني", "الناطق الرسمي"]
VERBS = ["قال", "أعلن", "أكد", "نفى", "أوضح"]
PLACES = ["دمشق", "بغداد", "صنعاء", "طرابلس", "الموصل", "حلب", "عدن"]
NOUNS = ["مدنيين", "جنود", "مسلحين", "لاجئين", "صحفيين"]


def synthetic(n: int) -> list[dict[str, str]]:
    """n distinct short Arabic news items built from small word lists."""
    rows = []
    for i in range(n):
        s, v = SUBJECTS[i % 5], VERBS[(i // 5) % 5]
        p, q, noun = PLACES[i % 7], PLACES[(i + 3) % 7], NOUNS[(i // 7) % 5]
        text = (f"{v} {s} في {p} اليوم إن {i + 3} {noun} وصلوا إلى {q} خلال الليلة الماضية. "
                f"وأضاف أن الاجتماع رقم {i} سيعقد الأسبوع المقبل لبحث الوضع في {p}.")
        rows.append({"id": f"k{i}", "text": text, "date": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}",
                     "source": "synthetic"})
    return rows


def _count(db: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_resume(tmp_path):
    n, batch = 400, 10
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synthetic(n)),
                   "utf-8")
    db = str(tmp_path / "rawi.db")
    code = (f"from rawi.store import ingest; ingest([{str(src)!r}], {db!r}, stages=['text'], "
            f"jobs=2, batch={batch})")
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": ""})
    deadline = time.monotonic() + 60
    while _count(db) < 3 * batch and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
    before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < before < n
    assert before % batch == 0, "a half-written batch is visible"
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == before
    assert conn.execute("SELECT count(DISTINCT article) FROM lsh").fetchone()[0] == before
    conn.close()

    report = ingest([str(src)], db, stages=["text"], jobs=1, batch=50)
    assert report.skipped == before and report.added == n - before

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT record_hash) "
                        "FROM articles").fetchone() == (n, n, n)
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 2


def test_ctrl_c_stops_cleanly_and_keeps_committed_batches(tmp_path):
    n, batch = 400, 10
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synthetic(n)),
                   "utf-8")
    db = str(tmp_path / "rawi.db")
    argv = ["ingest", str(src), "--db", db, "--stages", "text", "--jobs", "2",
            "--batch", str(batch), "--quiet"]
    code = f"import sys; from rawi.cli import main; sys.exit(main({argv!r}))"
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while _count(db) < 3 * batch and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130
    assert "run the same command again to resume" in err.lower()
    assert "Traceback" not in err
    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert kept % batch == 0 and kept == conn.execute("SELECT count(*) FROM search").fetchone()[0]
    assert conn.execute("SELECT added FROM runs").fetchone()[0] == kept
