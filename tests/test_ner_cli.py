"""``rawi tag-ner`` and ``rawi eval ner``, run in-process on a file written here."""

import json

from rawi.cli import main

CONLL = (
    "قال\tO\nالرئيس\tO\nالعراقي\tO\nجلال\tB-PERS\nطالباني\tI-PERS\nفي\tO\nبغداد\tB-LOC\n.\tO\n"
    "\n"
    "وزار\tO\nالوفد\tO\nالقاهرة\tB-LOC\n.\tO\n"
    "\n"
)


def test_tag_ner_appends_a_column_and_keeps_blank_lines(tmp_path):
    src = tmp_path / "in.conll"
    src.write_text(CONLL, encoding="utf-8")
    out = tmp_path / "out.conll"
    assert main(["tag-ner", str(src), "-o", str(out)]) == 0
    got = out.read_text(encoding="utf-8").splitlines()
    want = CONLL.splitlines()
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        if not w:
            assert g == ""
            continue
        token, gold, pred = g.split("\t")
        assert f"{token}\t{gold}" == w
        assert pred == "O" or pred[:2] in ("B-", "I-")


def test_eval_ner_prints_scores(tmp_path, capsys):
    src = tmp_path / "gold.conll"
    src.write_text(CONLL, encoding="utf-8")
    assert main(["eval", "ner", str(src), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tokens"] == 12
    scores = data["scores"]
    assert {"micro", "macro"} <= set(scores)
    assert scores["micro"]["support"] == 3
    assert 0.0 <= scores["micro"]["f1"] <= 1.0


def test_eval_ner_missing_file(tmp_path, capsys):
    assert main(["eval", "ner", str(tmp_path / "nope.conll")]) == 2
    assert "nope.conll" in capsys.readouterr().err


def test_tag_ner_keeps_a_space_separated_file_space_separated(tmp_path, capsys):
    src = tmp_path / "camel.txt"
    src.write_text("زار O\nدمشق B-LOC\n\n", encoding="utf-8")
    assert main(["tag-ner", str(src)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("زار O ") and lines[0].count(" ") == 2
    assert lines[2] == ""
