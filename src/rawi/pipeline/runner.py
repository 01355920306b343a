"""Run stages over articles: a pure function of (article, resources)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence

from rawi.model import Article, Doc
from rawi.pipeline.base import Stage
from rawi.pipeline.registry import build_stage, stage_names


class Pipeline:
    """An ordered list of stages; build once, call on many articles."""

    def __init__(self, stages: Sequence[str] | None = None) -> None:
        names = list(stages) if stages is not None else stage_names()
        self.stages: list[Stage] = [build_stage(n) for n in names]
        # The stages' resources (dictionaries, gazetteer, lexicons: a few hundred thousand
        # objects) live as long as the process; leave them out of every later garbage
        # collection, which would otherwise walk them all again and again.
        gc.collect()
        gc.freeze()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article | str) -> Doc:
        if isinstance(article, str):
            article = Article(text=article)
        doc = Doc(article=article)
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterable[Doc]:
        for article in articles:
            yield self(article)


_default: Pipeline | None = None


def analyze(article: Article | str) -> Doc:
    """Analyse one article (or a bare text) with the default pipeline."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default(article)
