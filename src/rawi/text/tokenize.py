"""Tokenisation with offsets and clitic analysis.

One token per Arabic word, number (with glued ال/و: «ال8», «وال12»), Latin
word, URL, or punctuation mark. Words keep their clitics in the surface span;
``stem``/``stem_start``/``stem_end`` say where the word without them lies.
Analyses are cached per distinct surface form: news vocabulary is Zipfian, so
nearly every token is a dictionary hit and the layer stays fast.
"""

from __future__ import annotations

import re

from rawi.model import Token
from rawi.text.clitics import analyse
from rawi.text.normalize import normalize

_AR = "\u0600-\u0605\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff"
_AR_PRES = "\ufb50-\ufdff\ufe70-\ufefc"
_AR_WORD = f"[{_AR}{_AR_PRES}\u200c\u200d]+"
_DIGIT = r"\d"
_NUMBER = rf"{_DIGIT}+(?:[.,\u066b\u066c]{_DIGIT}+)*"
_INVISIBLE = "\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c"
_OTHER_LETTER = rf"[^\W\d_{_AR}{_AR_PRES}]"

TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s«»"“”]+[^\s«»"“”.,;:!?،؛؟)\]])
    |(?P<glued>(?:[وف])?(?:ال|لل|ب|ل|ك)?{_NUMBER}%?)
    |(?P<word>{_AR_WORD})
    |(?P<number>{_NUMBER}%?)
    |(?P<latin>(?:{_OTHER_LETTER}|[\u0300-\u036f])+(?:['’\-](?:{_OTHER_LETTER})+)*)
    |(?P<punct>\.{{2,}}|[^\s{_INVISIBLE}])
    """,
    re.VERBOSE,
)
_GLUED_PREFIX = re.compile(r"^([وف]?)(ال|لل|ب|ل|ك)?")
_PUNCT_KIND = frozenset(".,;:!?،؛؟…\"'«»“”„‘’()[]{}-–—/\\")

_cache: dict[str, tuple] = {}
_CACHE_LIMIT = 500_000


def _word_fields(surface: str) -> tuple:
    fields = _cache.get(surface)
    if fields is None:
        a = analyse(surface)
        fields = (a.norm, a.stem, a.stem_start, a.stem_end, a.prefix, a.suffix, a.base)
        if len(_cache) < _CACHE_LIMIT:
            _cache[surface] = fields
    return fields


def _glued_fields(surface: str) -> tuple:
    """ال8 / وال12 / ب2017: a number with Arabic proclitics written onto it."""
    match = _GLUED_PREFIX.match(surface)
    conj, particle = match.group(1), match.group(2) or ""
    parts = [p for p in (conj, "ل" if particle == "لل" else particle) if p]
    if particle == "لل":
        parts.append("ال")
    start = match.end()
    norm = normalize(surface)
    stem = normalize(surface[start:])
    return (norm, stem, start, len(surface), "+".join(parts), "", stem)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens whose spans index the unmodified text."""
    tokens: list[Token] = []
    append = tokens.append
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        surface = m.group()
        start = m.start()
        if kind == "word":
            norm, stem, s0, s1, prefix, suffix, base = _word_fields(surface)
            append(Token(start, m.end(), surface, norm, stem, start + s0, start + s1,
                         prefix, suffix, "word", base))
            continue
        if kind == "glued":
            if surface[0].isdigit():
                kind = "number"
                norm = stem = base = normalize(surface)
                s0, s1, prefix = 0, len(surface), ""
            else:
                norm, stem, s0, s1, prefix, _, base = _glued_fields(surface)
                kind = "number"
        else:
            norm = stem = base = surface if kind in ("latin", "url") else normalize(surface)
            s0, s1, prefix = 0, len(surface), ""
            if kind == "punct":
                kind = "punct" if surface[0] in _PUNCT_KIND else "symbol"
        append(Token(start, m.end(), surface, norm, stem, start + s0, start + s1,
                     prefix, "", kind, base))
    return tokens
