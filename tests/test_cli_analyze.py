"""`rawi analyze` end to end, in-process."""

import json
from pathlib import Path

from rawi.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AR = "وأعلنت الوزارة أمس أن الاجتماع سيعقد في دمشق."


def test_analyze_examples_jsonl(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(EXAMPLES), "-o", str(out), "--quiet"]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 3 and all(d["schema"] == "rawi/1" for d in docs)
    for d in docs:
        for s in d["sentences"]:
            assert s["end"] > s["start"]
        assert "tokens" not in d


def test_analyze_bad_records_exit_status(tmp_path, capsys):
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps({"text": AR}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["analyze", str(f), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{f}:2: error: not valid JSON" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # the good one is written
    assert main(["analyze", str(f), "-o", str(out), "--skip-errors"]) == 0


def test_analyze_stdin_tokens_and_published(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(AR.encode())))
    assert main(["analyze", "-", "--tokens", "--published", "2020-01-02", "--quiet"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["published"] == "2020-01-02"
    assert all(doc["text"][t["start"]:t["end"]] == t["text"] for t in doc["tokens"])


def test_analyze_formats(tmp_path, capsys):
    src = EXAMPLES / "articles.jsonl"
    assert main(["analyze", str(src), "--format", "json", "--quiet"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert main(["analyze", str(src), "--format", "pretty", "--quiet"]) == 0
    assert "example-syria-1" in capsys.readouterr().out
    assert main(["analyze", str(src), "--format", "geojson", "--quiet"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in collection["features"]}
    assert "Deir ez-Zor" in names  # from the Syrian example article
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_analyze_usage_errors(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["analyze", str(EXAMPLES), "--published", "yesterday"]) == 2
    assert main(["analyze", str(EXAMPLES), "--stages", "nope"]) == 2


def test_analyze_with_a_user_actor_file(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RAWI_ACTORS", raising=False)
    actors = tmp_path / "mine.tsv"
    actors.write_text(
        "# my actors\nid\ttype\tcountry\tname\taliases\tar\n"
        "my-council\tgovernment\tYE\tTihama Local Council\tTLC\tمجلس تهامة المحلي|مجلس تهامة\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("وقال مجلس تهامة المحلي في بيان إن الطريق مغلق.", encoding="utf-8")
    assert main(["analyze", str(article), "--actors", str(actors), "--quiet"]) == 0
    doc = json.loads(capsys.readouterr().out)
    names = {a["name"] for a in doc["actors"]}
    assert "Tihama Local Council" in names
    monkeypatch.delenv("RAWI_ACTORS", raising=False)
    assert main(["analyze", str(article), "--actors", str(tmp_path / "nope.tsv")]) == 2
    assert "--actors" in capsys.readouterr().err


def test_analyze_on_a_local_dask_cluster_matches_the_local_run(tmp_path, capsys):
    src = str(EXAMPLES / "articles.jsonl")
    assert main(["analyze", src, "--quiet", "-o", str(tmp_path / "local.jsonl")]) == 0
    parts = tmp_path / "parts"
    args = ["analyze", src, "--quiet", "--dask", "local", "--parquet", str(parts)]
    assert main([*args, "-o", str(tmp_path / "dask.jsonl")]) == 0
    assert (tmp_path / "dask.jsonl").read_text() == (tmp_path / "local.jsonl").read_text()
    assert list(parts.glob("part-*.parquet"))
    assert main(["analyze", src, "--dask", "local", "--tokens"]) == 2
