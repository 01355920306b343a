"""Entity-level scoring against hand-computed cases (CoNLL / seqeval conventions)."""

import pytest

from rawi.ner.scoring import entities, score


def test_chunks_follow_conlleval():
    assert entities(["B-PERS", "I-PERS", "O", "B-LOC"]) == [("PERS", 0, 2), ("LOC", 3, 4)]
    # I- after O starts an entity; a type change starts a new one
    assert entities(["O", "I-ORG", "I-ORG", "I-LOC"]) == [("ORG", 1, 3), ("LOC", 3, 4)]
    # B- right after B- of the same type: two entities
    assert entities(["B-LOC", "B-LOC", "I-LOC"]) == [("LOC", 0, 1), ("LOC", 1, 3)]
    assert entities([]) == []


def test_scores_by_hand():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "O", "B-ORG"]]
    r = score(gold, pred)
    # PERS: 1 gold, 1 pred (wrong boundary), 0 tp. LOC: 2 gold, 1 pred, 1 tp.
    # ORG: 1 gold, 2 pred, 1 tp.
    assert (r.types["PERS"].tp, r.types["PERS"].pred, r.types["PERS"].gold) == (0, 1, 1)
    assert (r.types["LOC"].tp, r.types["LOC"].pred, r.types["LOC"].gold) == (1, 1, 2)
    assert (r.types["ORG"].tp, r.types["ORG"].pred, r.types["ORG"].gold) == (1, 2, 1)
    m = r.micro
    assert (m.tp, m.pred, m.gold) == (2, 4, 4)
    assert m.precision == pytest.approx(0.5)
    assert m.recall == pytest.approx(0.5)
    assert m.f1 == pytest.approx(0.5)
    # per-type F1: PERS 0, LOC 2*1*.5/1.5 = 2/3, ORG 2*.5*1/1.5 = 2/3
    p, rec, f = r.macro
    assert f == pytest.approx((0 + 2 / 3 + 2 / 3) / 3)
    assert p == pytest.approx((0 + 1 + 0.5) / 3)
    assert rec == pytest.approx((0 + 0.5 + 1) / 3)


def test_perfect_and_length_mismatch():
    tags = [["B-MISC", "I-MISC", "O"]]
    assert score(tags, tags).micro.f1 == 1.0
    with pytest.raises(ValueError, match="sentence 1"):
        score([["O", "O"]], [["O"]])


def test_report_table_has_every_row():
    r = score([["B-LOC"]], [["B-LOC"]])
    table = r.format()
    for row in ("LOC", "micro", "macro"):
        assert row in table
    assert r.as_dict()["micro"]["f1"] == 1.0
