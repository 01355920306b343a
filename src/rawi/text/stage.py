"""The text stage: sentences and tokens, the layers every other stage reads."""

from __future__ import annotations

from rawi.model import Doc
from rawi.text.lexicon import frequencies
from rawi.text.sentences import split_sentences
from rawi.text.tokenize import tokenize


class TextStage:
    name = "text"
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("sentences", "tokens")

    def __init__(self) -> None:
        frequencies()  # load the lexicon once, up front

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text)
        return doc
