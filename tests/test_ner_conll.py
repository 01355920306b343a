"""CoNLL reading and writing: round trip, blank lines, broken lines."""

import io

import pytest

from rawi.ner.conll import ConllError, format_conll, iter_conll, read_conll, write_conll

SAMPLE = (
    "قال\tO\nالرئيس\tO\nمحمد\tB-PERS\nعلي\tI-PERS\n.\tO\n"
    "\n\n"  # two blank lines between sentences
    "زار\tO\nبغداد\tB-LOC\n"
)


def test_reads_sentences_and_skips_repeated_blank_lines():
    sents = list(iter_conll(SAMPLE.splitlines(keepends=True)))
    assert [s.tokens for s in sents] == [["قال", "الرئيس", "محمد", "علي", "."], ["زار", "بغداد"]]
    assert sents[0].tags == ["O", "O", "B-PERS", "I-PERS", "O"]
    assert sents[1].line == 8


def test_round_trip(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    sents = read_conll(path)
    out = tmp_path / "b.conll"
    write_conll(out, [(s.tokens, s.tags) for s in sents])
    again = read_conll(out)
    assert [(s.tokens, s.tags) for s in again] == [(s.tokens, s.tags) for s in sents]
    # canonical form: one blank line after every sentence
    assert out.read_text(encoding="utf-8").endswith("بغداد\tB-LOC\n\n")


def test_space_separated_columns():
    sents = list(iter_conll(["عمان B-LOC\n", "اليوم O\n"]))
    assert sents[0].tokens == ["عمان", "اليوم"]
    assert sents[0].tags == ["B-LOC", "O"]


def test_broken_line_is_reported_and_its_sentence_skipped():
    err = io.StringIO()
    lines = ["قال\tO\n", "بغداد\n", "\n", "زار\tO\n", "\n"]
    sents = list(iter_conll(lines, name="x.conll", errors=err))
    assert [s.tokens for s in sents] == [["زار"]]
    assert "x.conll:2:" in err.getvalue()
    with pytest.raises(ConllError, match="x.conll:2"):
        list(iter_conll(lines, name="x.conll", strict=True))


def test_format_three_columns():
    text = "".join(format_conll([(["مصر"], ["B-LOC"], ["O"])]))
    assert text == "مصر\tB-LOC\tO\n\n"
