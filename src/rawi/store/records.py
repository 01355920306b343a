"""One article in, one storable record out: the pure per-article step of ingest.

A record is a flat dict of plain values (strings, ints, bytes) so it pickles
cheaply back from a worker process and maps one-to-one onto a Parquet row
(``rawi.scale``). Everything expensive happens here, in parallel: the
analysis, the search keys of every token, the MinHash signature.
"""

from __future__ import annotations

import json
import re
import zlib
from array import array
from functools import lru_cache
from itertools import accumulate
from typing import Any

from rawi.model import Article, Doc
from rawi.store import dedup

#: Record fields, in Parquet column order.
FIELDS = (
    "id", "published", "source", "url", "title", "text", "record_hash", "text_hash",
    "n_sentences", "n_tokens", "stems", "title_stems", "offsets", "minhash", "analysis",
    "pipeline",
)

_INDEXED_KINDS = frozenset({"word", "number", "latin"})
# Nisba and country names alternate between final -ية and -يا (سورية / سوريا): see
# search_key.
_WS = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def search_key(stem: str) -> str:
    """The index form of a token stem (also applied to query words).

    Lower-cased (Latin), whitespace-free, and final «يه» folded to «يا» so that
    «سوريا» and «سورية» (normalised «سوريه») meet.
    """
    key = _WS.sub("", stem.lower())
    if len(key) >= 4 and key.endswith("يه"):
        key = key[:-1] + "ا"
    return key


def token_keys(tokens: list[Any]) -> tuple[list[str], list[int]]:
    """Search keys of the indexed tokens and their flat ``[start, end, ...]`` offsets."""
    keys: list[str] = []
    offsets: list[int] = []
    for tok in tokens:
        if tok.kind not in _INDEXED_KINDS:
            continue
        key = search_key(tok.stem or tok.norm or tok.text)
        if not key:
            continue
        keys.append(key)
        offsets.extend((tok.start, tok.end))
    return keys, offsets


def text_keys(text: str) -> list[str]:
    """Search keys of a bare string (titles, queries) through the text layer."""
    from rawi.text.tokenize import tokenize

    return token_keys(tokenize(text))[0]


def make_record(article: Article, doc: Doc, pipeline: str = "") -> dict[str, Any]:
    """The storable record of an analysed article."""
    tokens = doc.tokens
    if not tokens:
        from rawi.text.tokenize import tokenize

        tokens = tokenize(article.text)
    keys, offsets = token_keys(tokens)
    analysis = doc.to_dict(tokens=False)
    analysis.pop("text", None)
    signature = dedup.minhash(keys)
    return {
        "id": article.id,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "record_hash": article_hash(article),
        "text_hash": dedup.text_hash(article.text),
        "n_sentences": len(doc.sentences),
        "n_tokens": len(keys),
        "stems": " ".join(keys),
        "title_stems": " ".join(text_keys(article.title)) if article.title else "",
        "offsets": pack_offsets(offsets),
        "minhash": dedup.to_blob(signature),
        "analysis": json.dumps(analysis, ensure_ascii=False, separators=(",", ":")),
        "pipeline": pipeline,
    }


def article_hash(article: Article) -> str:
    return dedup.record_hash(
        article.text, article.title, article.source, article.url, article.published
    )


def pack_offsets(offsets: list[int]) -> bytes:
    """Flat ``[start, end, ...]`` offsets as zlib-compressed int32 deltas (small numbers
    that compress about 7x on news text; raw, this column was the store's third largest)."""
    deltas = array("i", (b - a for a, b in zip([0, *offsets], offsets, strict=False)))
    return zlib.compress(deltas.tobytes(), 6)


def offsets_of(blob: bytes) -> list[int]:
    """The inverse of ``pack_offsets``."""
    deltas = array("i")
    deltas.frombytes(zlib.decompress(blob) if blob else b"")
    return list(accumulate(deltas))

