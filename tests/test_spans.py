"""Offsets are sacred: every span every stage writes is a view of the text."""

import json
from pathlib import Path

import pytest

from rawi import Article, Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def _spans(doc):
    """Yield (where, start, end, text) for every span in the contract output."""
    data = doc.to_dict(tokens=True)
    for layer in ("tokens", "entities", "times", "places"):
        for item in data[layer]:
            yield layer, item["start"], item["end"], item["text"]
    for x in data["attributions"]:
        for part in ("cue", "content", "speaker", "channel"):
            if x.get(part):
                yield f"attribution.{part}", x[part]["start"], x[part]["end"], x[part]["text"]
        for e in x["evidence"]:
            yield "attribution.evidence", e["start"], e["end"], e["text"]


@pytest.fixture(scope="module")
def docs():
    pipeline = Pipeline()
    articles = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    return [pipeline(Article(**a)) for a in articles]


def test_every_span_matches_text(docs):
    for doc in docs:
        for where, start, end, text in _spans(doc):
            assert doc.text[start:end] == text, (where, start, end, text)
        for s in doc.sentences:
            assert 0 <= s.start < s.end <= len(doc.text)


def test_ids_unique_within_layers(docs):
    for doc in docs:
        data = doc.to_dict()
        for layer in ("entities", "attributions", "times", "places"):
            ids = [item["id"] for item in data[layer]]
            assert len(ids) == len(set(ids)), layer
