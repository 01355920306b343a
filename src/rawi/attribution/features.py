"""What else a statement carries: its channel, modality, cited evidence and time."""

from __future__ import annotations

from functools import cache

from rawi.attribution import lexicon
from rawi.attribution.context import Context
from rawi.attribution.cues import Cue
from rawi.attribution.index import FAMILY, within, word_forms
from rawi.model import Channel, Evidence, Token

CONTENT_WINDOW = 12  # content words searched for modality markers
_PRESENT = ("ي", "ت", "ن", "ا")


def match_at(tokens: list[Token], k: int, words: tuple[str, ...], end: int) -> int | None:
    """Index after ``words`` when they match from token ``k`` (each word by any of its
    forms, see ``index.word_forms``), else None."""
    if k + len(words) > end:
        return None
    for off, w in enumerate(words):
        if w not in word_forms(tokens[k + off]):
            return None
    return k + len(words)


@cache
def _by_first(family: str) -> dict[str, list[lexicon.Phrase]]:
    """Phrases of one family indexed by first word, longest first."""
    phrases = {"channel": lexicon.channels, "evidence": lexicon.evidence_words,
               "modality": lexicon.modality_markers, "denial": lexicon.denial_markers}[family]()
    out: dict[str, list[lexicon.Phrase]] = {}
    for p in phrases:
        out.setdefault(p.words[0], []).append(p)
    return out


def _matches(ctx: Context, family: str, k: int) -> list[tuple[int, lexicon.Phrase]]:
    """(end, phrase) of every phrase of ``family`` that starts at token ``k`` (memoised
    per document: several statements look at the same words)."""
    key = (family, k)
    found = ctx.memo.get(key)
    if found is None:
        index = _by_first(family)
        toks = ctx.tokens
        found = []
        for f in dict.fromkeys(word_forms(toks[k])):
            for p in index.get(f, ()):
                words = p.words[:-1] if p.words[-1] == "+present" else p.words
                e = match_at(toks, k, words, len(toks))
                if e is not None:
                    found.append((e, p))
        found.sort(key=lambda x: -x[0])
        ctx.memo[key] = found
    return found


def phrases_at(ctx: Context, family: str, a: int, b: int, starts_before: int | None = None):
    """(start, end, phrase) of each phrase of ``family`` in tokens ``[a, b)``, longest
    match at each start (that start before ``starts_before`` when given)."""
    bit, flag, memo = FAMILY[family], ctx.flag, ctx.memo
    for k in within(ctx.phrase_idx, a, b if starts_before is None else min(b, starts_before)):
        if not flag[k] & bit:
            continue  # no phrase of this family starts with this word
        found = memo.get((family, k))
        if found is None:
            found = _matches(ctx, family, k)
        for e, p in found:
            if e <= b:
                yield k, e, p
                break


def find_channel(ctx: Context, a: int, b: int) -> Channel | None:
    """The first channel word in tokens ``[a, b)`` (a look-alike such as «قناة السويس»
    is passed over)."""
    for k, e, p in phrases_at(ctx, "channel", a, b):
        if p.label == lexicon.NO_CHANNEL:
            continue
        s, t = ctx.tokens[k].start, ctx.tokens[e - 1].end
        return Channel(s, t, ctx.doc.text[s:t], p.label, _platform(ctx, k, b, p.extra))
    return None


def _platform(ctx: Context, k: int, b: int, platform: str | None) -> str | None:
    """The platform named later in the clause («بيان على حسابها في تويتر» -> Twitter)."""
    if platform:
        return platform
    for _, _, p in phrases_at(ctx, "channel", k, b):
        if p.label == "social_media" and p.extra:
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
    for _k, e, p in phrases_at(ctx, "modality", *clause):
        if p.extra == "clause" and (
                p.words[-1] != "+present" or (e < cb and toks[e].norm.startswith(_PRESENT))):
            return p.label
    window = ca + CONTENT_WINDOW
    for _k, e, p in phrases_at(ctx, "modality", ca, cb, window):
        if p.extra in ("anywhere", "content") and (
                p.words[-1] != "+present" or (e < cb and toks[e].norm.startswith(_PRESENT))):
            return p.label
    # past the first words only the markers that count anywhere (denials) are read
    for _k, e, p in phrases_at(ctx, "denial", window, cb):
        if p.words[-1] != "+present" or (e < cb and toks[e].norm.startswith(_PRESENT)):
            return p.label
    return "asserted"


def find_evidence(ctx: Context, clause: tuple[int, int],
                  content: tuple[int, int]) -> list[Evidence]:
    """Evidence words in the clause and the content ('other' only in the clause)."""
    out: list[Evidence] = []
    last = -1
    for a, b, in_content in ((*clause, False), (*content, True)):
        for k, e, p in phrases_at(ctx, "evidence", a, b):
            if k < last or (in_content and p.label == "other"):
                continue
            s, t = ctx.tokens[k].start, ctx.tokens[e - 1].end
            out.append(Evidence(s, t, ctx.doc.text[s:t], p.label))
            last = e
    return out


def find_time(ctx: Context, a: int, b: int) -> str | None:
    """The id of the first date or time in tokens ``[a, b)`` (the cue's clause)."""
    if not ctx.time_at:
        return None
    tm = ctx.time_at.first_in(ctx.tokens[a].start, ctx.tokens[b - 1].end, ("DATE", "TIME"))
    return tm.id if tm is not None else None
