import json

import pytest

from rawi import Article, Pipeline
from rawi.model import (
    SCHEMA,
    Actor,
    Attribution,
    Channel,
    Doc,
    Entity,
    Evidence,
    Place,
    Span,
    Speaker,
    Time,
    content_id,
)

TEXT = "قال الوزير أمس إن القوات انسحبت من دمشق."


def _doc():
    doc = Pipeline(["text"])(Article(TEXT, id="a1", published="2020-01-02", source="s"))
    actor = Actor("Q1", "Some Minister", "PER", aliases=["Minister"], name_ar="الوزير")
    doc.entities = [Entity("e1", 4, 10, TEXT[4:10], "PER", actor)]
    doc.times = [Time("t1", 11, 14, TEXT[11:14], "DATE", "2020-01-01")]
    doc.places = [Place("p1", 35, 39, TEXT[35:39], "Damascus", 33.5, 36.3, "SY", "PPLC")]
    doc.attributions = [Attribution(
        "a1", cue=doc.span(0, 3), content=doc.span(18, 40),
        speaker=Speaker(4, 10, TEXT[4:10], actor), channel=Channel(0, 3, "قال", "statement"),
        evidence=[Evidence(0, 3, "قال", "other")], time="t1",
    )]
    return doc


def test_round_trip_through_json():
    doc = _doc()
    data = json.loads(json.dumps(doc.to_dict(tokens=True), ensure_ascii=False))
    assert data["schema"] == SCHEMA
    again = Doc.from_dict(data)
    assert again.to_dict(tokens=True) == doc.to_dict(tokens=True)


def test_contract_fields_present_and_empty_layers_kept():
    data = Pipeline(["text"])(Article(TEXT)).to_dict()
    for key in ("schema", "id", "published", "source", "url", "title", "text", "sentences",
                "entities", "attributions", "times", "places", "events"):
        assert key in data
    assert "tokens" not in data
    assert data["events"] == [] and data["id"] == content_id(TEXT)


def test_span_checks_bounds():
    doc = _doc()
    assert doc.span(0, 3) == Span(0, 3, "قال")
    with pytest.raises(ValueError):
        doc.span(5, 500)


def test_from_dict_rejects_unknown_schema():
    with pytest.raises(ValueError, match="schema"):
        Doc.from_dict({"schema": "other/2", "text": "x"})
