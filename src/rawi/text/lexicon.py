"""The word-frequency lexicon that tells the tokenizer what a real word is."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from rawi.text.normalize import normalize

_PACKAGE = "rawi.data.lexicon"


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Normalised word form -> count in the news corpus (empty if not built)."""
    path = resources.files(_PACKAGE) / "ar_freq.tsv.gz"
    if not path.is_file():
        return {}
    counts: dict[str, int] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return counts


def _word_list(name: str) -> frozenset[str]:
    text = (resources.files(_PACKAGE) / name).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(normalize(w) for w in words if w)


@lru_cache(maxsize=1)
def no_split() -> frozenset[str]:
    """Normalised words that must never be cut into clitic + word."""
    return _word_list("no_split.txt")


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Two-letter words that may stand after a proclitic (بما، فهو، لكل)."""
    return _word_list("particles.txt")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Pronouns, prepositions with a pronoun, demonstratives and particles: never a name alone."""
    return _word_list("function_words.txt")
