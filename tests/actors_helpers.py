"""Shared by the actors tests: run the actors stage over a text with given entities."""

from rawi.model import Article, Doc, Entity
from rawi.text.stage import TextStage


def run(stage, text, published="2017-09-25", entities=()):
    """``entities``: (surface, type) pairs, located by their first occurrence."""
    doc = Doc(Article(text, published=published))
    TextStage()(doc)
    doc.entities = [Entity(id=f"e{i}", start=text.index(s), end=text.index(s) + len(s),
                           text=s, type=t) for i, (s, t) in enumerate(entities)]
    stage(doc)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    return doc
