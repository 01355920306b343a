"""Normalisation for matching, never for display.

``normalize`` maps one string to its matching form with a single
``str.translate`` table plus a length-preserving variant (``normalize_aligned``)
for callers that need offsets to survive: stages search the aligned form and
report spans in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters removed outright: Arabic diacritics (harakat, tanween, shadda,
# sukun, superscript alef, Quranic marks), tatweel, zero-width and bidi controls.
_DIACRITICS = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)
TATWEEL = "\u0640"
_CONTROLS = [
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
    "\u061c", *[chr(c) for c in range(0x202A, 0x202F)], *[chr(c) for c in range(0x2066, 0x206A)],
]
REMOVED = frozenset(_DIACRITICS + [TATWEEL] + _CONTROLS)

# One-to-one letter and symbol folds.
_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۃ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
    "ک": "ك", "ڪ": "ك",
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": '"', "›": '"',
    "\u2029": "\n", "\u2028": "\n", "\u00a0": " ", "\u202f": " ",
}
for _i in range(10):
    _FOLDS[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLDS[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits

_TABLE = {ord(k): v for k, v in _FOLDS.items()}
_TABLE.update({ord(c): None for c in REMOVED})

# Aligned variant: removed characters become nothing too, but callers of the
# aligned form get an index map back instead.
_ALIGNED_TABLE = {ord(k): v for k, v in _FOLDS.items()}


_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _is_presentation_form(ch: str) -> bool:
    o = ord(ch)
    return 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


@lru_cache(maxsize=8192)
def _fold_presentation(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded.translate(_TABLE)


def normalize(text: str) -> str:
    """Fold ``text`` to its matching form: no diacritics or tatweel, unified
    alef/hamza, ى→ي, ة→ه, Western digits, plain quotes, no invisible controls."""
    out = text.translate(_TABLE)
    if _PRESENTATION.search(out):
        out = "".join(_fold_presentation(c) if _is_presentation_form(c) else c for c in out)
        out = out.translate(_TABLE)
    return out


def normalize_aligned(text: str) -> tuple[str, list[int]]:
    """Normalise and return, for each output character, its index in ``text``.

    ``index[i]`` is the offset in ``text`` of output character ``i``; a match
    ``[i, j)`` in the output is the span ``[index[i], index[j - 1] + 1)`` in
    ``text``. Used by stages that search normalised text with regexes.
    """
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in REMOVED:
            continue
        if _is_presentation_form(ch):
            folded = _fold_presentation(ch)
        else:
            folded = ch.translate(_ALIGNED_TABLE)
        for f in folded:
            chars.append(f)
            index.append(i)
    return "".join(chars), index


def strip_conjunction(norm: str) -> str:
    """A normalised word without one leading و or ف («وبين» → «بين»); a word of two
    letters keeps it («وفي» is no conjunction + «في» here)."""
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def strip_diacritics(text: str) -> str:
    """Remove only diacritics, tatweel and controls (keep letters as written)."""
    return "".join(c for c in text if c not in REMOVED)
