"""Content hashes (idempotency, exact duplicates) and MinHash/LSH (near duplicates).

Wire copy is reprinted across outlets with a changed headline, a dropped
paragraph or a different dateline. Exact copies share ``text_hash``; near
copies share at least one LSH band of their MinHash signatures over word
shingles of the clitic-stripped stems, and are confirmed when the estimated
Jaccard similarity reaches a threshold. Everything here is a pure function, so
workers compute it next to the analysis.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS  # 4 rows a band: candidates from Jaccard ~0.5 up
SHINGLE = 4
NEAR_THRESHOLD = 0.7
#: Names the hashing below; a store records it and refuses a different one, since
#: signatures and buckets from two schemes never meet.
SCHEME = f"minhash-crc32-mix64/{NUM_PERM}x{SHINGLE}/lsh{BANDS}x{ROWS}"

_rng = np.random.default_rng(20170925)  # fixed: signatures must be stable across runs
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)).reshape(-1, 1)
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64).reshape(-1, 1)
_SHIFT = np.uint64(32)
_MIX = _rng.integers(1, 2**63, 8, dtype=np.uint64) | np.uint64(1)
_SPACES = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """Hash of the text with whitespace runs collapsed: equal for exact copies."""
    return hashlib.sha1(_SPACES.sub(" ", text).strip().encode("utf-8")).hexdigest()


def record_hash(
    text: str,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> str:
    """Hash of the whole record: re-ingesting the same record adds nothing."""
    key = json.dumps([text, title, source, url, published], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def minhash(words: Sequence[str], shingle: int = SHINGLE) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint32) of the word shingles, or None if empty.

    Each word is hashed once with crc32 (stable across processes, unlike ``hash``);
    a shingle's hash combines its words' hashes with fixed odd multipliers, and each
    permutation is a multiply-shift hash ``(a*x + b) >> 32``, all on wrapping uint64.
    """
    if not words:
        return None
    k = min(shingle, len(words))
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    n = len(words) - k + 1
    with np.errstate(over="ignore"):
        x = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            x = x + h[j : j + n] * _MIX[j]
        hashed = (_A * np.unique(x) + _B) >> _SHIFT
    return hashed.min(axis=1).astype(np.uint32)


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def to_blob(signature: np.ndarray | None) -> bytes | None:
    return None if signature is None else signature.astype("<u4").tobytes()


def from_blob(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<u4")


def bands(signature: np.ndarray) -> list[int]:
    """One bucket key per band: the band's rows mixed into a signed 64-bit integer."""
    rows = signature.reshape(BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = (rows * _MIX[:ROWS]).sum(axis=1, dtype=np.uint64)
    return keys.view(np.int64).tolist()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature rows."""
    return float(np.count_nonzero(a == b)) / len(a)
