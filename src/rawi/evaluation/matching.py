"""Matching primitives shared by the gold scorers: overlap, token F1, names, distance."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from rawi.text.normalize import normalize

_WORD = re.compile(r"\w+", re.UNICODE)
# Abbreviations the gold rules spell out before comparing names.
_EXPANSIONS = {
    "un": "united nations",
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "eu": "european union",
    "uae": "united arab emirates",
}
_STOP = {"the"}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the half-open spans ``[a0, a1)`` and ``[b0, b1)`` share a character."""
    return a[0] < b[1] and b[0] < a[1]


def content_tokens(text: str) -> list[str]:
    """Word tokens of ``text`` in matching form (diacritics, hamza and quotes folded)."""
    return _WORD.findall(normalize(text))


def token_f1(gold: str, pred: str) -> float:
    """Bag-of-words F1 between two strings (SQuAD style), 0.0 when either is empty."""
    g, p = Counter(content_tokens(gold)), Counter(content_tokens(pred))
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def name_words(name: str) -> list[str]:
    """Lower-cased words of an English name, punctuation dropped, abbreviations spelled out."""
    name = name.replace(".", "")  # U.S. -> US, U.N. -> UN
    words: list[str] = []
    for w in re.findall(r"[^\W_]+", name.casefold()):
        if w in _STOP:
            continue
        words.extend(_EXPANSIONS.get(w, w).split())
    return words


def names_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """The gold rule for actor names: some predicted name equals some gold name, case and
    punctuation ignored, abbreviations spelled out; or one name's words lie inside the
    other's and cover at least three quarters of it."""
    gold_words = [name_words(g) for g in gold if g]
    for p in predicted:
        if not p:
            continue
        pw = name_words(p)
        if not pw:
            continue
        for gw in gold_words:
            if not gw:
                continue
            if pw == gw or sorted(pw) == sorted(gw):
                return True
            small, big = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
            if set(small) <= set(big) and len(small) >= 0.75 * len(big):
                return True
    return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))
