"""The gold scorers' arithmetic, on a tiny gold file written for these tests."""

from __future__ import annotations

import argparse
import hashlib
import json

import pytest

from rawi.cli import evaluate
from rawi.evaluation.gold import evaluate_dir, format_table, score_article
from rawi.evaluation.goldfile import GoldError, load_gold_dir, load_gold_file
from rawi.evaluation.matching import haversine_km, names_match, token_f1
from rawi.model import (
    Actor,
    Article,
    Attribution,
    Doc,
    Entity,
    Place,
    Span,
    Speaker,
    Time,
)

TEXT = (
    "قال وزير الخارجية المصري سامح شكري أمس إن القاهرة ترفض أي تدخل في ليبيا. "
    "وأضاف أن الحل سياسي، فيما نفت مصادر مطلعة وجود أي اتصالات."
)


def at(s: str, nth: int = 0) -> list[int]:
    """The span of the nth occurrence of ``s`` in TEXT."""
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return [i, i + len(s)]


def gold_record() -> dict:
    return {
        "id": "t1",
        "published": "2020-03-02",
        "text": TEXT,
        "text_sha1": hashlib.sha1(TEXT.encode("utf-8")).hexdigest(),
        "entities": [
            {"span": at("سامح شكري"), "type": "PER", "actor": ["Sameh Shoukry"], "optional": False},
            {"span": at("القاهرة"), "type": "LOC", "actor": ["Egypt"], "optional": False},
            {"span": at("ليبيا"), "type": "LOC", "actor": ["Libya"], "optional": False},
            {"span": at("المصري"), "type": "ORG", "actor": None, "optional": True},
        ],
        "attributions": [
            {"cue": at("قال"), "speaker": ["Sameh Shoukry"], "speaker_span": at("سامح شكري"),
             "content": at("القاهرة ترفض أي تدخل في ليبيا"), "modality": "asserted",
             "channel": None, "direct": False, "optional": False, "time": "2020-03-01"},
            {"cue": at("أضاف"), "speaker": ["Sameh Shoukry"], "speaker_span": None,
             "content": at("الحل سياسي"), "modality": "asserted", "channel": None,
             "direct": False, "optional": False, "time": None},
            {"cue": at("نفت"), "speaker": [], "speaker_span": at("مصادر مطلعة"),
             "content": at("وجود أي اتصالات"), "modality": "denied", "channel": None,
             "direct": False, "optional": False, "time": None},
        ],
        "times": [{"span": at("أمس"), "value": "2020-03-01", "optional": False}],
        "places": [
            {"span": at("القاهرة"), "lat": 30.06, "lon": 31.25, "names": ["Cairo"], "tol_km": 30},
            {"span": at("ليبيا"), "lat": 26.3, "lon": 17.2, "names": ["Libya"], "tol_km": 400},
        ],
    }


def ent(i: int, s: str, typ: str, actor: str | None = None) -> Entity:
    a, b = at(s)
    act = Actor(id=actor.lower(), name=actor, type="x") if actor else None
    return Entity(id=f"e{i}", start=a, end=b, text=s, type=typ, actor=act)


def sp(s: str) -> Span:
    a, b = at(s)
    return Span(a, b, s)


def predicted_doc() -> Doc:
    doc = Doc(article=Article(text=TEXT, id="t1", published="2020-03-02"))
    shoukry = Actor(id="q1", name="Sameh Hassan Shoukry", type="PER",
                    aliases=["Sameh Shoukry"])
    doc.entities = [
        ent(1, "سامح شكري", "PER", None),       # found; linked below through the speaker
        ent(2, "القاهرة", "ORG", "Cairo"),      # wrong type, wrong actor
        ent(3, "ليبيا", "LOC", "Libya"),        # found, right actor
        ent(4, "المصري", "MISC"),               # optional gold: not counted
        ent(5, "الحل", "MISC"),                 # false alarm
    ]
    doc.entities[0].actor = shoukry
    doc.times = [
        Time("t1", *at("أمس"), "أمس", "DATE", "2020-03-01"),
        Time("t2", *at("الحل"), "الحل", "DATE", "2020"),           # false alarm
        Time("t3", *at("وجود"), "وجود", "DURATION", "P1D"),        # not judged
    ]
    doc.places = [
        Place("p1", *at("القاهرة"), "القاهرة", "Cairo", 30.04, 31.24),   # ~2 km: right
        Place("p2", *at("ليبيا"), "ليبيا", "Libya", 35.0, 10.0),        # ~1100 km: wrong
    ]
    doc.attributions = [
        Attribution("a1", cue=sp("قال"), content=sp("القاهرة ترفض أي تدخل في ليبيا"),
                    speaker=Speaker(*at("سامح شكري"), "سامح شكري", actor=shoukry),
                    time="t1"),
        # content F1 with gold «الحل سياسي» is 0.8: found
        Attribution("a2", cue=sp("أضاف"), content=sp("الحل سياسي، فيما"),
                    speaker=Speaker(*at("سامح شكري"), "سامح شكري", actor=None)),
        Attribution("a3", cue=sp("نفت"), content=sp("وجود أي اتصالات"),
                    speaker=Speaker(*at("مصادر"), "مصادر", anonymous=True),
                    modality="asserted"),
        Attribution("a4", cue=sp("ترفض"), content=sp("أي تدخل")),    # false alarm
    ]
    return doc


@pytest.fixture()
def gold_dir(tmp_path):
    (tmp_path / "t1.json").write_text(json.dumps(gold_record(), ensure_ascii=False),
                                      encoding="utf-8")
    return tmp_path


def test_matching_primitives():
    assert token_f1("الحل سياسي", "الحل سياسي، فيما") == pytest.approx(0.8)
    assert token_f1("إن القاهرة", "ان القاهره") == 1.0  # hamza and ta marbuta folded
    assert token_f1("", "كلمة") == 0.0
    assert names_match(["U.S."], ["United States"])
    assert names_match(["UN"], ["United Nations"])
    assert names_match(["The Islamic State"], ["Islamic State"])
    assert names_match(["Sameh Hassan Shoukry"], ["Sameh Shoukry"]) is False  # 2/3 < 3/4
    assert names_match(["Mohammed bin Salman Al Saud"], ["Mohammed bin Salman"]) is False
    assert names_match(["Ministry of Defence of Russia"], ["Russian Ministry of Defence"]) is False
    assert names_match(["Houthis", "Ansar Allah"], ["Ansar Allah"])
    assert haversine_km(30.06, 31.25, 30.06, 31.25) == 0.0
    assert 600 < haversine_km(30.0444, 31.2357, 33.5138, 36.2765) < 640  # Cairo-Damascus


def test_loader_checks_hash_and_records(tmp_path):
    good = gold_record()
    good["entities"].append({"span": [5, 99999], "type": "PER", "optional": False})
    good["times"].append({"span": at("أمس"), "value": 7})
    (tmp_path / "a.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    bad = gold_record()
    bad["text_sha1"] = "0" * 40
    (tmp_path / "b.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    golds, problems = load_gold_dir(tmp_path)
    assert [g.id for g in golds] == ["t1"]
    assert len(golds[0].entities) == 4 and len(golds[0].times) == 1
    text = "\n".join(problems)
    assert "a.json: entities[4]: field 'span'" in text
    assert "a.json: times[1]: field 'value'" in text
    assert "b.json: field 'text_sha1'" in text and "c.json: cannot read" in text
    with pytest.raises(GoldError, match="text_sha1"):
        load_gold_file(tmp_path / "b.json")


def test_scores_arithmetic(gold_dir):
    golds, _ = load_gold_dir(gold_dir)
    s = score_article(golds[0], predicted_doc())
    e = s.layers["entities"]
    # gold: 3 counted (optional المصري excluded); found شكري and ليبيا (القاهرة typed ORG)
    assert (e.gold, e.found) == (3, 2)
    # predicted: 4 counted (المصري excluded), right: شكري, ليبيا
    assert (e.predicted, e.correct) == (4, 2)
    assert e.precision == 0.5 and e.recall == pytest.approx(2 / 3)
    u = s.layers["entities_untyped"]
    assert (u.found, u.correct, u.predicted) == (3, 3, 4)
    a = s.layers["actors"]
    # gold with actors: شكري, القاهرة(Egypt), ليبيا; linked right: شكري (alias), ليبيا
    assert (a.gold, a.found, a.predicted, a.correct) == (3, 2, 3, 2)
    assert s.accuracy["actor_link"].to_dict() == {"correct": 2, "total": 3,
                                                  "accuracy": pytest.approx(0.6667, abs=1e-4)}
    at_ = s.layers["attributions"]
    assert (at_.gold, at_.found, at_.predicted, at_.correct) == (3, 3, 4, 3)
    # speaker: a1 by alias, a2 no actor -> wrong, a3 anonymous span overlaps
    assert (s.accuracy["speaker"].correct, s.accuracy["speaker"].total) == (2, 3)
    # speaker mention (no actor needed): a2's span overlaps the gold entity of Shoukry
    assert (s.accuracy["speaker_mention"].correct, s.accuracy["speaker_mention"].total) == (3, 3)
    assert (s.accuracy["modality"].correct, s.accuracy["modality"].total) == (0, 1)
    assert (s.accuracy["statement_time"].correct, s.accuracy["statement_time"].total) == (1, 1)
    t = s.layers["times"]
    assert (t.gold, t.found, t.predicted, t.correct) == (1, 1, 2, 1)
    p = s.layers["places"]
    assert (p.gold, p.found, p.predicted, p.correct) == (2, 1, 2, 1)
    assert s.layers["places_span"].found == 2
    assert s.accuracy["place_distance"].correct == 1


def test_content_f1_threshold(gold_dir):
    golds, _ = load_gold_dir(gold_dir)
    doc = predicted_doc()
    # «الحل سياسي، فيما نفت مصادر مطلعة»: 2 of 6 tokens shared -> F1 0.5 -> still found
    a, b = at("الحل")[0], at("مطلعة")[1]
    doc.attributions[1].content = Span(a, b, TEXT[a:b])
    assert score_article(golds[0], doc, ["attributions"]).layers["attributions"].found == 3
    # one more token -> F1 < 0.5 -> missed, and the prediction is a false alarm
    b = at("وجود")[1]
    doc.attributions[1].content = Span(a, b, TEXT[a:b])
    s = score_article(golds[0], doc, ["attributions"]).layers["attributions"]
    assert (s.found, s.correct, s.predicted) == (2, 2, 4)
    assert any("MISS cue «أضاف»" in d for d in s.details)


def test_empty_prediction_scores_zero_not_crash(gold_dir):
    golds, _ = load_gold_dir(gold_dir)
    s = score_article(golds[0], Doc(article=Article(text=TEXT, id="t1")))
    assert all(x.found == 0 and x.predicted == 0 for x in s.layers.values())
    assert s.layers["attributions"].gold == 3


def test_evaluate_dir_with_predictions_and_cli(gold_dir, tmp_path, capsys):
    res = evaluate_dir(gold_dir, layers=["attributions", "times"],
                       predictions={"t1": predicted_doc()})
    assert set(res.scores.layers) == {"attributions", "times_span", "times"}
    table = format_table(res, details=True)
    assert "attributions" in table and "FALSE cue «ترفض»" in table
    parser = argparse.ArgumentParser()
    evaluate.register(parser.add_subparsers())
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(predicted_doc().to_dict(), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.json"
    args = parser.parse_args(["eval", "gold", str(gold_dir), "--pred", str(pred),
                              "--json", str(out), "--layers", "places"])
    assert args.func(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["layers"]["places"] == {"gold": 2, "predicted": 2, "found": 1, "correct": 1,
                                        "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert "places" in capsys.readouterr().out
    args = parser.parse_args(["eval", "gold", str(gold_dir), "--layers", "nope"])
    assert args.func(args) == 2


def test_prediction_matching_an_optional_attribution_is_not_counted(gold_dir):
    golds, _ = load_gold_dir(gold_dir)
    golds[0].attributions[2]["optional"] = True  # «نفت مصادر مطلعة ...» becomes optional
    s = score_article(golds[0], predicted_doc(), ["attributions"]).layers["attributions"]
    # gold 2 (a1, a2), predicted a1, a2 and the false alarm a4; a3 is not counted
    assert (s.gold, s.found, s.predicted, s.correct) == (2, 2, 3, 2)
