"""Matching keys: how dictionary forms and text tokens meet.

A dictionary form is split into words and each word becomes a *key*: its
normalised form without the article («الروسية» → «روسيه»). A text token offers
several candidate keys: the text layer's stem, its normalised form, and the
same with the proclitics و ف ب ل ك and ال/لل peeled off. Candidates are
filtered against the dictionary's vocabulary, so peeling too much costs
nothing unless the rest is itself a dictionary word. This keeps matching
independent of corpus-frequency decisions made by the clitic splitter.
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
    """The key of one already-normalised dictionary word."""
    if word.isascii():
        return word.casefold()
    return strip_article(word)


def split_words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def phrase_keys(text: str) -> tuple[str, ...]:
    """Keys of a dictionary phrase: «وزارة الدفاع الروسية» → (وزاره, دفاع, روسيه)."""
    return tuple(word_key(w) for w in split_words(text) if w not in {'"', "'"})


# Spelling variants seen in news, applied to normalised forms (both directions).
_VARIANTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile("امريك"), "اميرك"),
    (re.compile("اميرك"), "امريك"),
    (re.compile(r"(\w{2,})يا\b"), r"\1يه"),  # سوريا / سورية
    (re.compile(r"(\w{2,})يه\b"), r"\1يا"),
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


_PROCLITICS = "بلك"


def token_candidates(token: Token) -> tuple[str, ...]:
    """Every key a text token could stand for, most literal first."""
    if token.kind == "latin":
        return (token.norm.casefold(),)
    if token.kind not in ("word", "number"):
        return (token.norm,)
    norm = token.norm
    out = [strip_article(token.stem), token.stem, norm, strip_article(norm)]
    forms = [norm]
    if norm[:1] in "وف" and len(norm) > 3:
        forms.append(norm[1:])
    for form in list(forms):
        if form.startswith("لل") and len(form) > 4:
            forms.append(form[2:])
            forms.append("ال" + form[2:])
        elif form[:1] in _PROCLITICS and len(form) > 3:
            forms.append(form[1:])
    for form in forms:
        out.append(form)
        out.append(strip_article(form))
    return tuple(dict.fromkeys(out))


_align_cache: dict[str, list[int]] = {}


def key_span(token: Token, key: str, first: bool, last: bool) -> tuple[int, int]:
    """Character span of ``key`` inside ``token``: proclitics (not ال) left out on the
    first token, enclitics on the last."""
    norm = token.norm
    pos = norm.find(key) if key else -1
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
