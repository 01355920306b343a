"""Clitic analysis of one Arabic word, checked against the frequency lexicon.

A clitic is cut only where what remains is a real word: «وأعلنت» → و + أعلنت,
«للمملكة» → ل + ال + مملكة, «وزارته» → وزارة + ه, but «وزير», «بيان», «كان»
and «الفرات» keep their letters. Decisions depend only on the word itself, so
every occurrence of a form gets the same stem: what makes matching consistent.
"""

from __future__ import annotations

from typing import NamedTuple

from rawi.text.lexicon import frequencies, no_split, particles
from rawi.text.normalize import normalize_aligned

#: A proclitic is split when its remainder is at least this frequent...
MIN_COUNT = 3
#: ...and at least this fraction as frequent as the whole word. و is by far the
#: most common proclitic (وأضافت is ten times as common as أضافت), ف much rarer,
#: so a word starting with ف must have a more frequent remainder to be cut.
MIN_RATIO = {"و": 0.05, "ف": 0.3, "ب": 0.15, "ل": 0.15, "ك": 0.15, "س": 1.0}
#: A ``base`` form must be at least this well attested.
MIN_BASE_COUNT = 50
#: Minimum letters left in a stem.
MIN_STEM = 2

CONJUNCTIONS = ("و", "ف")
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")
ARTICLE = "ال"
HAMZA_ALEFS = frozenset("أإآ")
FUTURE_NEXT = frozenset("يتن")
#: Inflectional endings tried for the coarse ``base`` form (أعلنت → أعلن,
#: أمريكية → أمريكي, ولايات → ولاية): ending, replacement, minimum share of
#: the word's own count that the base must reach.
ENDINGS = (("ات", "ه", 0.5), ("ون", "", 0.5), ("ين", "", 0.5), ("وا", "", 0.5),
           ("ت", "", 0.5), ("ه", "", 0.5))


class Analysis(NamedTuple):
    norm: str
    stem: str
    stem_start: int  # offsets relative to the surface word
    stem_end: int
    prefix: str
    suffix: str
    base: str


def _count(word: str) -> int:
    return frequencies().get(word, 0)


def _family(word: str, last: str = "") -> int:
    """How often ``word`` occurs, counting its pronoun-less form too.

    ``last`` is the written last letter: only a written ه may be the pronoun.
    """
    stem, _ = _enclitic(word, last)
    return _count(word) + (_count(stem) if stem != word else 0)


def _is_word(rest: str, whole: str) -> bool:
    """True when ``rest`` is a real word and plausibly the reading of ``whole``."""
    if len(rest) < MIN_STEM or len(rest) == MIN_STEM and rest not in particles():
        return False
    count = _family(rest)
    if count >= MIN_COUNT and count >= MIN_RATIO[whole[0]] * _family(whole, "ه"):
        return True
    # A rare whole that is clitic + a word carrying clitics itself: وللمملكة, وبالقوات.
    return _count(whole) < MIN_COUNT and len(rest) > 3 and (
        rest.startswith(("ال", "لل")) or rest[0] in "بل" and _count(rest[1:]) >= MIN_COUNT
    )


def _article_split(rest: str, surface_char: str) -> bool:
    """ال is the article unless written with hamza (ألمانيا) or the word is fixed."""
    if not rest.startswith(ARTICLE) or surface_char in HAMZA_ALEFS:
        return False
    if rest in no_split() or len(rest) - 2 < MIN_STEM:
        return False
    tail = rest[2:]
    return _count(tail) >= MIN_COUNT or _count(rest) < MIN_COUNT


def _proclitics(norm: str, surface: str, index: list[int]) -> tuple[list[str], int]:
    """Return the proclitics of ``norm`` and where the remainder starts."""
    if norm in no_split():
        return [], 0
    parts: list[str] = []
    pos = 0
    if norm[0] in CONJUNCTIONS and _is_word(norm[1:], norm):
        parts.append(norm[0])
        pos = 1
    rest = norm[pos:]
    if rest in no_split():
        return parts, pos
    if rest.startswith("لل") and len(rest) - 2 >= MIN_STEM:
        # ل + ال with the alef dropped: للمملكة, للجيش; «لله» is fixed.
        parts += ["ل", ARTICLE]
        return parts, pos + 2
    head = rest[:1]
    # ب and ل before any word; ك only before the article (كالعادة), since
    # ك-initial words (كان، كتاب) are far more common than the particle.
    particle = head in ("ب", "ل") or head == "ك" and rest[1:3] == ARTICLE
    if particle and _is_word(rest[1:], rest):
        parts.append(head)
        pos += 1
    elif head == "س" and rest[1:2] in FUTURE_NEXT and _is_word(rest[1:], rest):
        parts.append(head)
        return parts, pos + 1
    rest = norm[pos:]
    if _article_split(rest, surface[index[pos]] if pos < len(index) else ""):
        parts.append(ARTICLE)
        pos += 2
    return parts, pos


def _enclitic(stem: str, surface_last: str) -> tuple[str, str]:
    """Split an attached pronoun (وزارته → وزاره + ه) when the rest is a word."""
    if stem in no_split():
        return stem, ""
    for suffix in ENCLITICS:
        if not stem.endswith(suffix) or len(stem) - len(suffix) < MIN_STEM:
            continue
        if suffix == "ه" and surface_last != "ه":
            continue  # a written ة (or an unknown letter) is not the pronoun
        rest = stem[: -len(suffix)]
        if rest.endswith("ت") and _count(rest[:-1] + "ه") > _count(rest):
            rest = rest[:-1] + "ه"  # taa marbuta restored: وزارت+ه → وزاره
        if _count(rest) >= MIN_COUNT and _count(rest) >= 0.5 * _count(stem):
            return rest, suffix
    return stem, ""


def _base(stem: str) -> str:
    """A coarse form without one inflectional ending, for lookups only."""
    whole = _count(stem)
    for ending, replacement, share in ENDINGS:
        if not stem.endswith(ending) or len(stem) - len(ending) < 3:
            continue
        rest = stem[: -len(ending)] + replacement
        if _count(rest) >= max(MIN_BASE_COUNT, share * whole):
            return rest
    return stem


def analyse(surface: str) -> Analysis:
    """Analyse one Arabic word as written (diacritics and all)."""
    norm, index = normalize_aligned(surface)
    if not norm:
        return Analysis(norm, norm, 0, len(surface), "", "", norm)
    parts, pos = _proclitics(norm, surface, index)
    stem = norm[pos:]
    had_article = bool(parts) and parts[-1] == ARTICLE
    suffix = ""
    if not had_article:
        stem, suffix = _enclitic(stem, surface.rstrip()[-1:])
    stem_end_norm = len(norm) - len(suffix)
    start = index[pos] if pos < len(index) else len(surface)
    end = index[stem_end_norm] if stem_end_norm < len(index) else len(surface)
    return Analysis(norm, stem, start, end, "+".join(parts), suffix, _base(stem))
