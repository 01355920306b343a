"""Matching keys: how dictionary forms and text tokens meet.

A dictionary form is split into words and each word becomes a *key*: its
normalised form as written, article included («الروسية» → «الروسيه»). A text
token stands for the keys its normalised surface gives once the proclitics و ف
and ب ل ك (and «لل» read as ل+ال) are peeled off; since the vocabulary is small,
every such surface is enumerated once at load time (:mod:`rawi.actors.surfaces`).
"""

from __future__ import annotations

import re

from rawi.model import Token
from rawi.text.normalize import normalize, normalize_aligned

_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
ARTICLE = "ال"


def strip_article(word: str) -> str:
    if word.startswith(ARTICLE) and len(word) - 2 >= 2:
        return word[2:]
    return word


def word_key(word: str) -> str:
    """The key of one already-normalised dictionary word: the word as written, so the
    article must agree («الصدر» the name, never the verb «صدر»; «حماس», never «الحماس»)."""
    if word.isascii():
        return word.casefold()
    return word


def bare_key(word: str) -> str:
    """A key without the article, for lookups by the text layer's stem («الوزارة» → وزاره)."""
    return strip_article(word_key(word))


def split_words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def phrase_keys(text: str) -> tuple[str, ...]:
    """Keys of a dictionary phrase: «وزارة الدفاع الروسية» → (وزاره, الدفاع, الروسيه)."""
    return tuple(word_key(w) for w in split_words(text) if w not in {'"', "'"})


# Spelling variants seen in news, applied to normalised forms (both directions).
_VARIANTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile("امريك"), "اميرك"),
    (re.compile("اميرك"), "امريك"),
    (re.compile(r"\bعبد ال"), "عبدال"),
    (re.compile(r"\bعبدال"), "عبد ال"),
    (re.compile(r"\bعبد (?!ال)"), "عبد"),
    (re.compile(r"\bابو ال"), "ابوال"),
    (re.compile(r"\bابوال"), "ابو ال"),
    (re.compile("غ"), "ج"),  # Egyptian press writes g as ج: غوغل / جوجل
    (re.compile("تس\\b"), "تز"),
]


def variants(text: str) -> set[str]:
    """The normalised form of ``text`` and its common spelling variants."""
    base = normalize(text)
    out = {base}
    for pattern, repl in _VARIANTS:
        for form in list(out):
            new = pattern.sub(repl, form)
            if new != form:
                out.add(new)
        if len(out) > 16:
            break
    return out


_align_cache: dict[str, list[int]] = {}


_span_cache: dict[tuple[str, str, bool, bool], tuple[int, int]] = {}


def key_span(token: Token, key: str, first: bool, last: bool) -> tuple[int, int]:
    """Character span of ``key`` inside ``token``: proclitics (not ال) left out on the
    first token, enclitics on the last."""
    ck = (token.text, key, first, last)
    rel = _span_cache.get(ck)
    if rel is None:
        s, e = _key_span(token, key, first, last)
        rel = (s - token.start, e - token.start)
        if len(_span_cache) < 200_000:
            _span_cache[ck] = rel
    return token.start + rel[0], token.start + rel[1]


def _key_span(token: Token, key: str, first: bool, last: bool) -> tuple[int, int]:
    norm = token.norm
    pos = norm.find(key) if key else -1
    if pos < 0 and key.startswith(ARTICLE):  # «للحوثيين»: the article's alef is not written
        key = key[2:]
        pos = norm.find(key)
    if token.kind not in ("word", "number") or pos < 0:
        return token.start, token.end
    index = _align_cache.get(token.text)
    if index is None:
        index = normalize_aligned(token.text)[1]
        if len(_align_cache) < 200_000:
            _align_cache[token.text] = index
    if len(index) != len(norm):  # presentation forms: give up on trimming
        return token.start, token.end
    start, end = token.start, token.end
    if first:
        p = pos - 2 if pos >= 2 and norm[pos - 2 : pos] == ARTICLE else pos
        start = token.start + index[p]
    if last:
        end = token.start + index[pos + len(key) - 1] + 1
    return start, end
