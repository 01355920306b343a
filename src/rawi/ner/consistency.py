"""One name, one label per document: propagate the tagger's entities to missed repeats.

A CRF decides each sentence alone, so a name it recognises once (after
«الرئيس») can be missed three sentences later. After tagging, every entity the
model found is looked up again, as a sequence of clitic-free stems, in the
other sentences of the same document (or of a window of neighbouring
sentences when documents are unknown, as in ANERcorp); untagged matches get
the majority type. Chosen on the held-out part of train: +1.7 F1 there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rawi.ner.features import split_clitics
from rawi.ner.scoring import entities
from rawi.text.normalize import normalize

#: a single-token match must have at least this many letters (skips particles)
MIN_SINGLE = 3


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return split_clitics(normalize(word))[1]


def propagate(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int | None = None
) -> list[list[str]]:
    """Tags with repeats of found names filled in.

    ``window`` = None treats all sentences as one document; ``n`` looks ``n``
    sentences back and forward.
    """
    stems = [[_stem(w) for w in s] for s in sentences]
    found: list[list[tuple[tuple[str, ...], str]]] = [
        [(tuple(stems[j][a:b]), typ) for typ, a, b in entities(t)] for j, t in enumerate(tags)
    ]
    if window is None:
        whole = _names(found)
        return [_fill(stems[i], list(t), whole) for i, t in enumerate(tags)]
    # Per name, where it was found (in sentence order), so a sentence counts the
    # types within its window without rebuilding a table per sentence; the
    # type order inside a window, and so the tie-breaking, is as in _names.
    where: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for j, sent in enumerate(found):
        for key, typ in sent:
            where.setdefault(key, []).append((j, typ))
    longest = max((len(k) for k in where), default=0)
    firsts = {k[0] for k in where}
    out: list[list[str]] = []
    for i, sent_tags in enumerate(tags):
        names = _Window(where, i - window, i + window, longest, firsts)
        out.append(_fill(stems[i], list(sent_tags), names))
    return out


class _Window:
    """The names found in sentences ``lo..hi``, as ``_names`` would count them."""

    def __init__(self, where: dict[tuple[str, ...], list[tuple[int, str]]], lo: int,
                 hi: int, longest: int, firsts: set[str]) -> None:
        self.where, self.lo, self.hi, self.longest = where, lo, hi, longest
        self.firsts = firsts

    def __bool__(self) -> bool:
        return bool(self.where)

    def get(self, key: tuple[str, ...]) -> Counter[str] | None:
        hits = self.where.get(key)
        if hits is None:
            return None
        got = Counter(t for j, t in hits if self.lo <= j <= self.hi)
        return got or None


def _names(found) -> dict[tuple[str, ...], Counter[str]]:
    names: dict[tuple[str, ...], Counter[str]] = {}
    for sent in found:
        for key, typ in sent:
            names.setdefault(key, Counter())[typ] += 1
    return names


def _fill(toks: list[str], tags: list[str], names) -> list[str]:
    if not names:
        return tags
    if isinstance(names, _Window):
        longest, firsts = names.longest, names.firsts
    else:
        longest, firsts = max(len(k) for k in names), {k[0] for k in names}
    k = 0
    while k < len(toks):
        if toks[k] not in firsts:  # no name starts here (most tokens)
            k += 1
            continue
        for n in range(min(longest, len(toks) - k), 0, -1):
            key = tuple(toks[k:k + n])
            got = names.get(key)
            if (got is not None and all(t == "O" for t in tags[k:k + n])
                    and (n > 1 or len(key[0]) >= MIN_SINGLE)):
                typ = got.most_common(1)[0][0]
                tags[k] = "B-" + typ
                for m in range(k + 1, k + n):
                    tags[m] = "I-" + typ
                k += n
                break
        else:
            k += 1
    return tags
