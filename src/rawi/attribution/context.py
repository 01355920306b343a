"""Per-document lookups the attribution rules share: which sentence, entity, time or
cue each token belongs to. Everything is computed lazily or sparsely: a document
pays for its cues, not for its length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from rawi.attribution.cues import BOUNDARY, Cue
from rawi.attribution.index import BOUND, CUE, PHRASE, scan
from rawi.model import Doc, Sentence, Token

_START = attrgetter("start")


class SentenceOf:
    """``sent_of[k]``: the index of the sentence that holds token ``k``."""

    def __init__(self, tokens: list[Token], sentence_starts: list[int]) -> None:
        self.tokens = tokens
        self.starts = sentence_starts  # character offset where each sentence starts
        self.memo: dict[int, int] = {}

    def __getitem__(self, k: int) -> int:
        si = self.memo.get(k)
        if si is None:
            si = self.memo[k] = max(0, bisect_right(self.starts, self.tokens[k].start) - 1)
        return si


@dataclass
class Context:
    doc: Doc
    tokens: list[Token]
    sents: list[Sentence]
    sent_of: SentenceOf
    ent_at: SpanAt  # token -> Entity, on demand
    time_at: SpanAt  # token -> Time, on demand
    marks: list[int] = field(default_factory=list)  # tokens with flags (see index.py)
    flag: list[int] = field(default_factory=list)  # flags of every token (0: none)
    cue_idx: list[int] = field(default_factory=list)  # tokens that may be cues
    phrase_idx: list[int] = field(default_factory=list)  # tokens that may start a phrase
    cue_at: dict[int, Cue] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # per-document phrase matches
    _ranges: dict[int, tuple[int, int]] = field(default_factory=dict)

    def sentence(self, k: int) -> tuple[int, int]:
        """Token range ``[a, b)`` of the sentence that holds token ``k``."""
        rng = self._ranges.get(-1 - k)
        if rng is not None:
            return rng
        rng = self._ranges[-1 - k] = self._sentence(k)
        return rng

    def _sentence(self, k: int) -> tuple[int, int]:
        si = self.sent_of[k]
        rng = self._ranges.get(si)
        if rng is None:
            s = self.sents[si]
            a = bisect_left(self.tokens, s.start, key=_START)
            b = bisect_left(self.tokens, s.end, key=_START)
            rng = self._ranges[si] = (min(a, k), max(b, k + 1))
        return rng

    def para_end(self, k: int) -> int:
        """Index of the first token after the paragraph of token ``k`` (a newline ends it)."""
        nl = self.doc.text.find("\n", self.tokens[k].end)
        if nl < 0:
            return len(self.tokens)
        return bisect_right(self.tokens, nl, key=_START)

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``[a, b)``."""
        return self.tokens[a].start, self.tokens[b - 1].end


def _sentences(doc: Doc, tokens: list[Token]) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    # no text stage ran: cut at sentence-final punctuation
    out, start = [], 0
    for t in tokens:
        if t.text in BOUNDARY:
            out.append(Sentence(start, t.end))
            start = t.end
    if start < len(doc.text) or not out:
        out.append(Sentence(start, len(doc.text)))
    return out


class SpanAt:
    """``span_at.get(k)``: the first span (entity, time) that overlaps token ``k``, looked up
    on demand by bisection (the rules ask about a few dozen tokens per document, so
    spreading every span over its tokens up front costs more than it saves)."""

    __slots__ = ("tokens", "spans", "starts", "memo")

    def __init__(self, spans, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.spans = sorted(spans, key=_START)
        self.starts = [sp.start for sp in self.spans]
        self.memo: dict = {}

    def __bool__(self) -> bool:
        return bool(self.spans)

    def get(self, k: int, default=None):
        memo = self.memo
        if k in memo:
            hit = memo[k]
            return default if hit is None else hit
        hit = None
        if self.spans:
            t = self.tokens[k]
            # spans that start before the token ends; the earliest one that reaches into it
            m = bisect_left(self.starts, t.end)
            spans = self.spans
            lo = m
            while lo > 0 and m - lo < _MAX_BACK:
                lo -= 1
                if spans[lo].end > t.start:
                    hit = spans[lo]
        memo[k] = hit
        return default if hit is None else hit

    def __getitem__(self, k: int):
        hit = self.get(k)
        if hit is None:
            raise KeyError(k)
        return hit

    def first_in(self, start: int, end: int, types: tuple[str, ...]):
        """The earliest span of one of ``types`` that overlaps characters [start, end)."""
        for sp in self.spans[max(0, bisect_left(self.starts, start) - _MAX_BACK):
                             bisect_left(self.starts, end)]:
            if sp.end > start and sp.type in types:
                return sp
        return None


_MAX_BACK = 4  # spans that may overlap one token (nested or touching names)


def build(doc: Doc, tokens: list[Token]) -> Context:
    sents = _sentences(doc, tokens)
    sent_of = SentenceOf(tokens, [s.start for s in sents])
    marks, flag = scan(tokens)
    ends = {s.end for s in sents}
    for k in marks:
        if flag[k] & BOUND and tokens[k].text == "." and tokens[k].end not in ends:
            flag[k] &= ~BOUND  # «وأضاف د. السديس»: the text layer read an abbreviation
    ctx = Context(doc, tokens, sents, sent_of, SpanAt(doc.entities, tokens),
                  SpanAt(doc.times, tokens), marks, flag,
                  [k for k in marks if flag[k] & CUE], [k for k in marks if flag[k] & PHRASE])
    return ctx
