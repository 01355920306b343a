"""Bad input: each broken record is reported with file and line, the rest read."""

import gzip
import io
import json

import pytest

from rawi.io.readers import InputError, parse_published, read_articles

AR = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد غدا في العاصمة."


def _results(path, **kw):
    return list(read_articles(path, **kw))


def test_txt_utf8(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(AR, encoding="utf-8")
    [r] = _results(f, published="2020-05-01")
    assert r.ok and r.article.text == AR and r.article.published == "2020-05-01"
    assert r.article.id.startswith("sha1-")


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    [r] = _results(f)
    assert not r.ok and r.error == "empty file" and r.where == str(f)


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [r] = _results(f)
    assert not r.ok and "binary" in r.error


def test_windows_1256_is_detected_and_decoded(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes(AR.encode("cp1256"))
    [r] = _results(f)
    assert r.ok and r.article.text == AR
    assert any("windows-1256" in w for w in r.warnings)


def test_not_arabic(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("The minister said the meeting would be held tomorrow.", encoding="utf-8")
    [r] = _results(f)
    assert not r.ok and "not Arabic" in r.error


def test_large_article_is_read_with_a_warning(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text((AR + "\n") * 90_000, encoding="utf-8")  # about 5 MB
    assert f.stat().st_size > 5_000_000
    [r] = _results(f)
    assert r.ok and any("large" in w for w in r.warnings)


def test_jsonl_bad_lines_reported_good_ones_kept(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": AR, "published": "2018-03-04"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x3", "title": "بلا نص"}, ensure_ascii=False),
        "",
        json.dumps({"text": AR + " ثانية", "date": "2018-03-05T10:00:00"}, ensure_ascii=False),
        json.dumps({"text": AR, "published": "04/03/2018"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _results(f)
    assert [r.ok for r in results] == [True, False, False, True, False, False]
    assert results[1].where == f"{f}:2" and "not valid JSON" in results[1].error
    assert results[2].where == f"{f}:3" and "missing field 'text'" in results[2].error
    assert results[3].article.published == "2018-03-05" and results[3].article.id
    assert "published" in results[4].error
    assert "JSON object" in results[5].error


def test_jsonl_splits_on_newline_only(tmp_path):
    f = tmp_path / "sep.jsonl"
    text = AR + "\u2029" + AR
    f.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    [r] = _results(f)
    assert r.ok and r.article.text == text


def test_jsonl_gz_and_directory(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as h:
        h.write(json.dumps({"id": "g1", "text": AR}, ensure_ascii=False) + "\n")
    (tmp_path / "b.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    ids = [r.article.id for r in _results(tmp_path)]
    assert len(ids) == 2 and "g1" in ids


def test_csv_and_html(tmp_path):
    (tmp_path / "a.csv").write_text(f'id,title,text\nc1,عنوان,"{AR}"\n', encoding="utf-8")
    [r] = _results(tmp_path / "a.csv")
    assert r.ok and r.article.id == "c1" and r.article.title == "عنوان"
    html = f"<html><head><title>خبر</title><script>x=1</script></head><body><p>{AR}</p></body>"
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    [r] = _results(tmp_path / "b.html")
    assert r.ok and r.article.text == AR and r.article.title == "خبر"


def test_stdin_text_and_jsonl():
    [r] = list(read_articles("-", stdin=io.BytesIO(AR.encode())))
    assert r.ok and r.where == "<stdin>"
    data = (json.dumps({"text": AR}, ensure_ascii=False) + "\n{bad\n").encode()
    results = list(read_articles("-", stdin=io.BytesIO(data)))
    assert [r.ok for r in results] == [True, False] and results[1].where == "<stdin>:2"


def test_missing_path():
    with pytest.raises(InputError):
        list(read_articles("/nonexistent/path.txt"))


def test_parse_published():
    assert parse_published("2017-09-25", "x") == "2017-09-25"
    assert parse_published("2017-09-25T08:00:00Z", "x") == "2017-09-25"
    assert parse_published(None, "x") is None
    with pytest.raises(ValueError):
        parse_published("2017-13-45", "x")


def test_record_estimate_for_the_progress_bar(tmp_path):
    from rawi.io.progress import estimate_records

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\n1,x\n2,y\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    assert estimate_records(str(tmp_path)) == 5
    assert estimate_records(str(tmp_path / "a.jsonl")) == 2
    assert estimate_records("-") is None
