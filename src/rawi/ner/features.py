"""Token features for the NER tagger.

Features are strings (``"w=مصر"``) that the CRF weighs. Everything that
depends on one word alone is computed once per distinct word and cached, so
tagging a sentence is mostly list concatenation: that is what makes the tagger
fast in pure Python. The same function serves training and tagging, so the
two can never drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rawi.text.normalize import normalize

# Proclitic chains tried longest first: conjunction, preposition, article.
# A chain is stripped only when at least three letters remain.
_PROCLITICS = sorted(
    {
        c + p + a
        for c in ("", "و", "ف")
        for p in ("", "ب", "ل", "ك")
        for a in ("", "ال")
        if c + p + a
    }
    | {"لل", "ولل", "فلل"},
    key=lambda p: (-len(p), p),  # longest first; a fixed order (the network's prefix ids)
)
_FIRST = frozenset(p[0] for p in _PROCLITICS)
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")


def split_clitics(norm: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a normalised word, e.g. ``وبالعراق`` -> ``(وبال, عراق)``."""
    if not norm or norm[0] not in _FIRST:
        return "", norm
    for pre in _PROCLITICS:
        if norm.startswith(pre) and len(norm) - len(pre) >= 3:
            return pre, norm[len(pre):]
    return "", norm


def shape(word: str) -> str:
    """A coarse shape class: arabic, latin, digit, punct or mixed."""
    kinds = []
    if _ARABIC.search(word):
        kinds.append("A")
    if _LATIN.search(word):
        kinds.append("L")
    if _DIGIT.search(word):
        kinds.append("D")
    if not kinds:
        return "P"
    return "".join(kinds)


class FeatureExtractor:
    """Turns a sentence (list of surface tokens) into CRF feature lists.

    ``clusters`` maps a normalised word to a tuple of cluster ids (one per
    granularity); ``gazetteer`` maps a normalised word to the entity types it
    was seen with in unlabelled news lists. Both are optional.
    """

    def __init__(
        self,
        clusters: Mapping[str, Sequence[str]] | None = None,
        gazetteer: Mapping[str, str] | None = None,
        dictionary: Mapping[tuple[str, ...], tuple[str, ...]] | None = None,
        triggers: Mapping[str, str] | None = None,
    ) -> None:
        from rawi.ner.dictionary import DictionaryMatcher

        self.clusters = clusters or {}
        self.gazetteer = gazetteer or {}
        self.matcher = DictionaryMatcher(dictionary) if dictionary else None
        self.triggers = triggers or {}
        self._word = lru_cache(maxsize=200_000)(self._word_features)

    def _cluster(self, key: str, norm: str, stem: str) -> list[str]:
        ids = self.clusters.get(norm)
        src = ""
        if ids is None and stem != norm:
            ids, src = self.clusters.get(stem), "s"
        if ids is None:
            return [f"{key}c=none"]
        return [f"{key}c{src}{i}={c}" for i, c in enumerate(ids)]

    def _word_features(self, word: str) -> tuple[list[bytes], list[list[bytes]], str, bytes]:
        """Own features, the features this word lends to neighbours at -2,-1,+1,+2,
        its stem and its normalised form."""
        norm = normalize(word) or word
        pre, stem = split_clitics(norm)
        shp = shape(word)
        own = [
            "b",
            "w=" + norm,
            "st=" + stem,
            "pre=" + pre,
            "shp=" + shp,
            "len=" + str(min(len(stem), 8)),
            "p2=" + stem[:2],
            "p3=" + stem[:3],
            "s1=" + norm[-1:],
            "s2=" + norm[-2:],
            "s3=" + norm[-3:],
            "ss2=" + stem[-2:],
        ]
        for enc in _ENCLITICS:
            if stem.endswith(enc) and len(stem) - len(enc) >= 3:
                own.append("enc=" + enc)
                break
        own.extend(self._cluster("", norm, stem))
        trig = self.triggers.get(stem)
        if trig:
            own.append("tr=" + trig)
        gaz = self.gazetteer.get(stem) or self.gazetteer.get(norm)
        if gaz:
            own.extend("g=" + g for g in gaz.split(","))
        ctx = []
        for off in ("-2", "-1", "+1", "+2"):
            feats = [off + "w=" + norm, off + "st=" + stem, off + "shp=" + shp]
            if off in ("-1", "+1"):
                feats.append(off + "pre=" + pre)
                feats.append(off + "s2=" + norm[-2:])
                feats.extend(self._cluster(off, norm, stem))
                if gaz:
                    feats.extend(off + "g=" + g for g in gaz.split(","))
            if trig and off in ("-1", "-2"):
                feats.append(off + "tr=" + trig)
            ctx.append(feats)
        # UTF-8 once per distinct word: python-crfsuite would encode every
        # string of every token again (a third of the tagging time).
        return ([f.encode() for f in own], [[f.encode() for f in c] for c in ctx], stem,
                norm.encode())

    def stems(self, tokens: Sequence[str]) -> list[str]:
        """The clitic-free stem of each token (the dictionary's matching key)."""
        return [self._word(t)[2] for t in tokens]

    def __call__(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature strings per token (readable form of ``encoded``)."""
        return [[f.decode() for f in feats] for feats in self.encoded(tokens)]

    def encoded(self, tokens: Sequence[str]) -> list[list[bytes]]:
        """Feature names per token as UTF-8 bytes, as the CRF trains and tags on them."""
        info = [self._word(t) for t in tokens]
        n = len(tokens)
        dict_feats = None
        if self.matcher is not None:
            dict_feats = self.matcher.features([w[2] for w in info])
        out: list[list[bytes]] = []
        for i in range(n):
            own = info[i][0]
            feats = list(own)
            if i >= 2:
                feats += info[i - 2][1][0]
            if i >= 1:
                feats += info[i - 1][1][1]
                feats.append(b"bg=" + info[i - 1][3] + b"|" + info[i][3])
            else:
                feats.append(b"BOS")
            if i + 1 < n:
                feats += info[i + 1][1][2]
            else:
                feats.append(b"EOS")
            if i + 2 < n:
                feats += info[i + 2][1][3]
            if dict_feats is not None and dict_feats[i]:
                feats += [f.encode() for f in dict_feats[i]]
            out.append(feats)
        return out
