"""Sentence segmentation for Arabic news.

A sentence ends at . ؟ ? ! ؛ ; … or "..." and at every paragraph break, except
a full stop inside a number (3.5), after an abbreviation (د. م. ق.م. ص.ب.) or
a single letter, and except a terminator inside an open quotation: a quote
that runs over several full stops stays one sentence until it closes (or the
paragraph ends); a quote that closes on a terminator («... سنرد.») ends it.
Closing quotes and brackets after a terminator belong to the sentence they close.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rawi.model import Sentence
from rawi.text.normalize import normalize

_EVENTS = re.compile(r"\.{2,}|[.!?؟؛;…\n\u2029«»“”\"]")
_TERMINATORS = frozenset(".!?؟؛;…")
_CLOSERS = frozenset("»”\"')]}")
_OPEN_QUOTE = {"«": "»", "“": "”"}
_LETTER_BEFORE = re.compile(r"(?:^|[\s(«\"“.])([^\W\d_]{1,2})\.$")
_WORD_BEFORE = re.compile(r"(\w+)\.$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations that a full stop does not end (data file, editable)."""
    text = (resources.files("rawi.data.text") / "abbreviations.txt").read_text(encoding="utf-8")
    items = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(normalize(item).rstrip(".") for item in items if item)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    window = text[max(0, dot - 12) : dot + 1]
    if _LETTER_BEFORE.search(window):
        return True  # single letters: د. م. ق.م. U.S.
    match = _WORD_BEFORE.search(window)
    return bool(match) and normalize(match.group(1)) in abbreviations()


def _is_decimal(text: str, dot: int) -> bool:
    return 0 < dot < len(text) - 1 and text[dot - 1].isdigit() and text[dot + 1].isdigit()


def _ends_sentence(text: str, quote: int) -> bool:
    """True when the quotation closing at ``quote`` ends on a terminator (.» ؟” !")."""
    before = text[:quote].rstrip()
    return bool(before) and before[-1] in _TERMINATORS and not (
        before[-1] == "." and _is_abbreviation(before, len(before) - 1)
    )


def split_sentences(text: str) -> list[Sentence]:
    """Return sentence spans of ``text`` with surrounding whitespace trimmed."""
    sentences: list[Sentence] = []
    start = 0
    quote_close: str | None = None  # the closing mark we are waiting for
    ascii_open = False
    n = len(text)

    def close(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(s, e))

    for m in _EVENTS.finditer(text):
        mark = m.group()
        pos = m.start()
        if pos < start:
            continue  # already consumed as a trailing closer
        if mark in ("\n", "\u2029"):
            close(pos)
            start, quote_close, ascii_open = pos + 1, None, False
            continue
        closed = False
        if quote_close == "«" and mark in "«»":
            quote_close, closed = None, True  # closes a quote that a stray » opened
        elif mark in _OPEN_QUOTE:
            quote_close = _OPEN_QUOTE[mark]
        elif mark in ("»", "”"):
            if quote_close == mark:
                quote_close, closed = None, True
            elif quote_close is None and mark == "»":
                quote_close = "«"  # a stray » used as an opener; « or » closes it
        elif mark == '"':
            closed = ascii_open
            ascii_open = not ascii_open
        else:
            closed = None
        if closed is not None:
            if closed and not quote_close and not ascii_open and _ends_sentence(text, pos):
                close(pos + 1)  # «... سنرد.» then a new sentence
                start = pos + 1
            continue
        if quote_close or ascii_open:
            continue
        if mark == "." and (_is_decimal(text, pos) or _is_abbreviation(text, pos)):
            continue
        end = m.end()
        while end < n and text[end] in _TERMINATORS:
            end += 1
        while end < n and text[end] in _CLOSERS:
            end += 1
        close(end)
        start = end
    close(n)
    return sentences
