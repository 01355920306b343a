"""Per-document lookups the attribution rules share: which sentence, entity, time or
cue each token belongs to."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from rawi.attribution.cues import BOUNDARY, Cue
from rawi.model import Doc, Entity, Sentence, Time, Token


@dataclass
class Context:
    doc: Doc
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # token ranges [a, b) per sentence
    sent_of: list[int]
    ent_at: list[Entity | None]
    time_at: list[Time | None]
    cue_at: dict[int, Cue] = field(default_factory=dict)

    def sentence(self, k: int) -> tuple[int, int]:
        return self.sentences[self.sent_of[k]]

    def para_end(self, k: int) -> int:
        """Index of the first token after the paragraph of token ``k`` (a newline ends it)."""
        text = self.doc.text
        nl = text.find("\n", self.tokens[k].end)
        if nl < 0:
            return len(self.tokens)
        return bisect_right([t.start for t in self.tokens], nl)

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``[a, b)``."""
        return self.tokens[a].start, self.tokens[b - 1].end


def _sentences(doc: Doc, tokens: list[Token]) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    # no text stage ran: cut at sentence-final punctuation and newlines
    out, start = [], 0
    for t in tokens:
        if t.text in BOUNDARY:
            out.append(Sentence(start, t.end))
            start = t.end
    if start < len(doc.text):
        out.append(Sentence(start, len(doc.text)))
    return out


def build(doc: Doc, tokens: list[Token]) -> Context:
    sents = _sentences(doc, tokens)
    starts = [s.start for s in sents]
    sent_of = [max(0, bisect_right(starts, t.start) - 1) for t in tokens]
    ranges: list[list[int]] = [[len(tokens), 0] for _ in sents]
    for k, si in enumerate(sent_of):
        ranges[si][0] = min(ranges[si][0], k)
        ranges[si][1] = max(ranges[si][1], k + 1)
    sentences = [(a, b) if a < b else (0, 0) for a, b in ranges]
    ent_at: list[Entity | None] = [None] * len(tokens)
    tstarts = [t.start for t in tokens]
    for e in doc.entities:
        k = max(0, bisect_right(tstarts, e.start) - 1)
        while k < len(tokens) and tokens[k].start < e.end:
            if tokens[k].end > e.start and ent_at[k] is None:
                ent_at[k] = e
            k += 1
    time_at: list[Time | None] = [None] * len(tokens)
    for tm in doc.times:
        k = max(0, bisect_right(tstarts, tm.start) - 1)
        while k < len(tokens) and tokens[k].start < tm.end:
            if tokens[k].end > tm.start:
                time_at[k] = tm
            k += 1
    return Context(doc, tokens, sentences, sent_of, ent_at, time_at)
