"""The ``times`` stage: detect time expressions and resolve them against ``published``."""

from __future__ import annotations

from rawi.model import Doc
from rawi.time.tagger import TimeTagger, tagger


class TimeStage:
    """Fills ``doc.times`` (ids t1, t2, ... in text order); reads only the text."""

    name = "times"
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("times",)

    def __init__(self, tagger_: TimeTagger | None = None) -> None:
        self.tagger = tagger_ or tagger()

    def __call__(self, doc: Doc) -> Doc:
        doc.times = self.tagger.tag(doc.text, doc.article.published)
        return doc
