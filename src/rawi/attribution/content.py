"""Where reported content starts and ends: complementisers, colons, quotations.

Content starts after أن/إن/بأن, a colon or an opening quotation mark, and runs to
the end of its sentence, or to its closing quotation mark (across sentences), or
to the next cue that opens a new statement (a participle such as «مضيفا», or
«، وأضاف» / «، وفقا لـ»). Quotation marks and the complementiser stay outside.
"""

from __future__ import annotations

from rawi.attribution.context import Context
from rawi.attribution.cues import BOUNDARY, CLOSE_QUOTES, OPEN_QUOTES, is_comp, is_quote

_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_TRIM = frozenset(".,،;؛:!?؟…-–—)(\"«»“”„'")
MAX_SPEAKER_GAP = 30  # tokens between cue and complementiser, at most
SHORT_QUOTE = 3  # a quote this short is speech only right after a colon, أن or a cue
NAME_QUOTE_MAX = 8  # a quoted stretch this short followed by more text is a name
_GLUE = frozenset({"ب", "ل", "و", "ك", "ف"})  # «بـ"بث أخبار"»: a quote glued to a clitic
#: words after a comma that end the content and start a source tail («، حسبما جاء في»)
TAIL_WORDS = frozenset({"حسبما", "وحسبما", "بحسب", "وفقا", "نقلا"})


def closing_quote(ctx: Context, k: int) -> int | None:
    """Index of the quotation mark that closes the one at ``k`` (same paragraph)."""
    toks = ctx.tokens
    want = _PAIRS.get(toks[k].text, '"')
    end = ctx.para_end(k)
    for q in range(k + 1, end):
        t = toks[q].text
        if t == want or (want == '"' and t in CLOSE_QUOTES):
            return q
        if want != '"' and t in OPEN_QUOTES and t == toks[k].text:
            return None  # a second opening mark before any closing one
    return None


def _ends_statement(ctx: Context, q: int) -> bool:
    """True when what follows the closing quote at ``q`` ends the statement."""
    toks = ctx.tokens
    if q + 1 >= len(toks):
        return True
    nxt = toks[q + 1]
    if nxt.text in BOUNDARY or nxt.text in ",،;؛":
        return True
    return ctx.doc.text[toks[q].end : nxt.start].count("\n") > 0


def is_speech_quote(ctx: Context, k: int) -> bool:
    """An opening quotation mark that starts quoted speech rather than a quoted name."""
    q = closing_quote(ctx, k)
    if q is None:
        return False
    return _ends_statement(ctx, q) or q - k - 1 > NAME_QUOTE_MAX


def find_complement(ctx: Context, j: int, stop: int) -> int | None:
    """The first complementiser, colon or speech-opening quote in ``[j, stop)``, skipping
    quoted names; None at a sentence end or another verb cue."""
    toks = ctx.tokens
    k = j
    while k < min(stop, j + MAX_SPEAKER_GAP):
        t = toks[k]
        if t.text in BOUNDARY:
            return None
        if is_comp(t) or t.text == ":":
            return k
        if is_quote(t) and t.text in OPEN_QUOTES:
            prev = toks[k - 1] if k > 0 else None
            glued = prev is not None and (prev.norm in _GLUE or prev.text.endswith("ـ"))
            q = closing_quote(ctx, k)
            short = q is not None and q - k - 1 <= SHORT_QUOTE and not (
                prev is not None and (prev.text == ":" or is_comp(prev) or k - 1 in ctx.cue_at))
            if not glued and not short and is_speech_quote(ctx, k):
                return k
            q = closing_quote(ctx, k)
            k = (q + 1) if q is not None else k + 1
            continue
        cue = ctx.cue_at.get(k)
        if k > j and cue is not None:
            if cue.kind == "nominal" or (cue.lemma == "قال" and cue.kind != "verb"):
                k += 1  # «، حسب وكالة ...، إنه», «وتابع قائلا:», «بالقول:»: part of this cue
                continue
            return None
        k += 1
    return None


def content_range(ctx: Context, a: int) -> tuple[int, int, bool]:
    """Token range ``[a', b)`` of the content that starts at token ``a`` and whether it is a
    direct quotation. ``a`` may point at a complementiser, colon or opening quote."""
    toks = ctx.tokens
    n = len(toks)
    # skip what introduces the content: أن, a colon, an opening quote, in any order
    inside = False
    while a < n and (is_comp(toks[a]) or toks[a].text == ":" or
                     (is_quote(toks[a]) and toks[a].text in OPEN_QUOTES)):
        if is_quote(toks[a]):
            q = closing_quote(ctx, a)
            if q is not None and _ends_statement(ctx, q) and q > a + 1:
                a += 1
                while a < q and is_comp(toks[a]):
                    a += 1  # «"إن العالم ..."»: the complementiser stays out
                return a, q, True
            inside = True
        a += 1
    if a >= n:
        return a, a, False
    b = _statement_end(ctx, a, inside)
    return a, max(a, b), False


def _statement_end(ctx: Context, a: int, inside: bool = False) -> int:
    """First token after the content starting at ``a``: the sentence end or the next cue
    that opens a new statement. ``inside``: ``a`` follows an opening quotation mark."""
    toks = ctx.tokens
    end = ctx.sentence(a)[1]
    k = a
    open_q: int | None = a - 1 if inside else None
    while k < end:
        t = toks[k]
        if is_quote(t):
            open_q = None if open_q is not None else k
        elif open_q is None:
            cue = ctx.cue_at.get(k)
            prev = toks[k - 1].text if k > a else ""
            if cue is not None and k > a:
                if cue.kind in ("participle", "masdar") and toks[k - 1].text != "و":
                    return k
                if cue.kind == "nominal" and prev in (",", "،"):
                    return k
                if cue.kind == "verb" and prev in (",", "،") and (
                    toks[k].norm[:1] in "وف" or (k + 1 < end and is_comp(toks[k + 1]))
                ):
                    return k  # «، وحذرت من», «، قالت إنها»
            if prev in (",", "،") and t.norm in TAIL_WORDS:
                return k
        k += 1
    return end


def trim(ctx: Context, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation and quotation marks at both ends of ``[a, b)``."""
    toks = ctx.tokens
    while a < b and toks[a].kind == "punct" and set(toks[a].text) <= _TRIM:
        a += 1
    while b > a and toks[b - 1].kind == "punct" and set(toks[b - 1].text) <= _TRIM:
        b -= 1
    return a, b
