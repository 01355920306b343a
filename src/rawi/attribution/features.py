"""What else a statement carries: its channel, modality, cited evidence and time."""

from __future__ import annotations

from rawi.attribution import lexicon
from rawi.attribution.context import Context
from rawi.attribution.cues import Cue, bare
from rawi.model import Channel, Evidence, Token

CONTENT_WINDOW = 12  # content words searched for modality markers
_PRESENT = ("ي", "ت", "ن", "ا")


def _word_forms(tok: Token) -> tuple[str, ...]:
    b = bare(tok)
    forms = (tok.norm, b, tok.stem, b[2:] if b.startswith("ال") else b)
    if b.endswith("ا") and len(b) > 3:  # accusative «صورا»
        forms += (b[:-1],)
    return forms


def match_at(tokens: list[Token], k: int, words: tuple[str, ...], end: int) -> int | None:
    """Index after ``words`` when they match from token ``k`` (first word by any form,
    later words by surface or bare form), else None."""
    if k + len(words) > end:
        return None
    if words[0] not in _word_forms(tokens[k]):
        return None
    for off, w in enumerate(words[1:], 1):
        if w not in _word_forms(tokens[k + off]):
            return None
    return k + len(words)


def find_channel(ctx: Context, a: int, b: int) -> Channel | None:
    """The first channel word in tokens ``[a, b)``."""
    phrases = lexicon.channels()
    toks = ctx.tokens
    for k in range(a, b):
        for p in phrases:
            e = match_at(toks, k, p.words, b)
            if e is not None:
                s, t = toks[k].start, toks[e - 1].end
                return Channel(s, t, ctx.doc.text[s:t], p.label, _platform(ctx, k, b, p.extra))
    return None


def _platform(ctx: Context, k: int, b: int, platform: str | None) -> str | None:
    """A social-media channel word may name its platform nearby («حسابه على تويتر»)."""
    if platform:
        return platform
    for p in lexicon.channels():
        if p.label == "social_media" and p.extra:
            for m in range(k, min(b, k + 6)):
                if match_at(ctx.tokens, m, p.words, b) is not None:
                    return p.extra
    return None


def find_modality(ctx: Context, cue: Cue, clause: tuple[int, int],
                  content: tuple[int, int]) -> str:
    """The cue's own modality if it is not plain, else a marker in the clause (between
    cue and content) or in the first words of the content."""
    if cue.modality != "asserted":
        return cue.modality
    toks = ctx.tokens
    ca, cb = content
    if cb > ca and toks[cb - 1].text in ("?", "؟") or (
        cb < len(toks) and toks[cb].text in ("?", "؟")
    ):
        return "question"
    for p in lexicon.modality_markers():
        a, b = (clause if p.extra == "clause" else (ca, min(cb, ca + CONTENT_WINDOW)))
        for k in range(a, b):
            if p.words[-1] == "+present":
                words = p.words[:-1]
                e = match_at(toks, k, words, b)
                if e is not None and e < b and toks[e].norm.startswith(_PRESENT):
                    return p.label
            elif match_at(toks, k, p.words, b) is not None:
                return p.label
    return "asserted"


def find_evidence(ctx: Context, clause: tuple[int, int],
                  content: tuple[int, int]) -> list[Evidence]:
    """Evidence words in the clause and the content ('other' only in the clause)."""
    toks = ctx.tokens
    out: list[Evidence] = []
    taken: set[int] = set()
    for a, b, in_content in ((*clause, False), (*content, True)):
        k = a
        while k < b:
            hit = None
            for p in lexicon.evidence_words():
                if in_content and p.label == "other":
                    continue
                e = match_at(toks, k, p.words, b)
                if e is not None:
                    hit = (p, e)
                    break
            if hit is None or k in taken:
                k += 1
                continue
            p, e = hit
            s, t = toks[k].start, toks[e - 1].end
            out.append(Evidence(s, t, ctx.doc.text[s:t], p.label))
            taken.update(range(k, e))
            k = e
    return out


def find_time(ctx: Context, a: int, b: int) -> str | None:
    """The id of the first date or time in tokens ``[a, b)`` (the cue's clause)."""
    for k in range(a, b):
        tm = ctx.time_at[k]
        if tm is not None and tm.type in ("DATE", "TIME"):
            return tm.id
    return None
