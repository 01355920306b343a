"""The implied speaker of a pro-drop verb or a participle: an earlier speaker of the
sentence, the name or title that opens it, else the latest earlier speaker that agrees in
gender and number (``speaker.py`` reads the explicit subject)."""

from __future__ import annotations

from rawi.attribution import lexicon
from rawi.attribution.context import Context
from rawi.attribution.cues import Cue, bare
from rawi.attribution.phrase import (
    NP_INITIAL_STOP,
    PREPOSITION_CLITICS,
    Found,
    head_kind,
    is_definite,
    is_nisba,
    lam,
    subject_np,
)
from rawi.attribution.speaker import (
    CLAUSE_WORDS,
    HONORIFICS,
    IMPERSONAL,
    classify,
    head_word,
    name_coref,
    resolve_nominal,
    speaker_of,
)
from rawi.model import Entity, Speaker, Token
from rawi.text.normalize import REMOVED


def implied(ctx: Context, cue: Cue, history: list[tuple[Cue, Speaker, str]]) -> Speaker | None:
    """The speaker of a pro-drop verb or a participle: an earlier speaker of the same
    sentence, else the name that opens the sentence («وكانت شبكة NBC قد نشرت تقريرا قالت
    فيه»), for a participle the title or body that opens it («وزار الوزير المستشفى،
    مؤكدا»), else the latest earlier speaker whose cue agrees in gender and number."""
    sent = ctx.sent_of[cue.i]
    gender = "" if cue.lemma in IMPERSONAL else cue.gender
    compatible = [(c, sp) for c, sp, g in history if not gender or not g or g == gender]
    if cue.number == "p":  # «مطالبين», «وأضافوا»: a group, not one person or body
        compatible = [(c, sp) for c, sp in compatible if _plural_like(sp)]
    same = [sp for c, sp in compatible if ctx.sent_of[c.i] == sent and c.i < cue.i]
    if same:
        return same[-1]
    opening = _sentence_subject(ctx, cue.i)
    if opening is not None and (cue.number != "p" or _plural_like(opening)):
        return opening
    if cue.kind in ("participle", "masdar"):
        nominal = _opening_nominal(ctx, cue, history)  # «ورحب الأمين العام للأمم المتحدة»
        if nominal is not None:
            return nominal
        first = _first_subject_in_sentence(ctx, cue.i)
        if first is not None and (cue.number != "p" or _plural_like(first)):
            return first
    if compatible:
        return compatible[-1][1]
    return None


#: endings of a plural noun or a plural nisba («ناشطون», «الحوثيين», «مصادر أمنية» aside)
PLURAL_ENDINGS = ("ون", "ين", "ات")


def _plural_like(sp: Speaker) -> bool:
    """A speaker a plural verb can take up: an anonymous source («مصادر», «ناشطون») or
    a phrase written in the plural («الحوثيون»)."""
    if sp.anonymous:
        return True
    from rawi.text.normalize import normalize

    words = normalize(sp.text).split()
    if words[:2] == ["كل", "من"]:
        return True  # «كل من صالح باهبري وعمر صالح»: more than one
    return any(w.endswith(PLURAL_ENDINGS) for w in words)


def _sentence_subject(ctx: Context, i: int) -> Speaker | None:
    """A person or organisation named in the sentence's first words, after its verb: the
    subject, so not a name behind a preposition («ووجه قطان الشكر للسيسي»)."""
    lo = ctx.sentence(i)[0]
    toks = ctx.tokens
    for k in range(lo + 1, min(i, lo + 4)):
        e = ctx.ent_at.get(k)
        if e is not None and e.type == "LOC" and _acting_country(ctx, e, k):
            return _named_speaker(ctx, e, k)  # «فيما دافعت الولايات المتحدة ...، مؤكدة»
        if e is not None and e.type in ("PER", "ORG"):
            if (PREPOSITION_CLITICS.intersection(toks[k].prefix.split("+"))
                    and toks[k].start < e.start and head_kind(toks[k - 1]) != "document"):
                continue  # «للسيسي»: an object; but «في بيان لوزارة الخارجية»: the issuer
            return _named_speaker(ctx, e, k)
        if e is None and k == lo + 1:
            ent = name_coref(ctx, k, k + 1)
            if ent is not None:
                s, t = ctx.chars(k, k + 1)
                return Speaker(s, t, ctx.doc.text[s:t], actor=ent.actor, entity=ent.id)
    return None


def _opening_nominal(ctx: Context, cue: Cue, history: list[tuple[Cue, Speaker, str]]
                     ) -> Speaker | None:
    """«واطمأن أمير منطقة عسير على المصابين، داعيا ...»: a title or body right after the
    sentence's first word (its verb) is the subject a participle later in it goes on with."""
    toks = ctx.tokens
    lo = ctx.sentence(cue.i)[0]
    k = lo + 1
    while k < cue.i and bare(toks[k]) in HONORIFICS:
        k += 1
    if k >= cue.i or toks[lo].kind != "word" or head_kind(toks[lo]) is not None \
            or head_kind(toks[k]) not in ("person", "body") or toks[k].prefix not in ("", "ال"):
        return None
    a, b = subject_np(ctx, k, cue.i)
    found = classify(ctx, a, b) if b > a else None
    if found is None or cue.number == "p":
        return None  # (a plural participle goes with a plural subject, not read here)
    if found.kind != "entity":
        found.b = _object_starts(ctx, found.a, found.b)
    return _as_speaker(ctx, found, history, cue.i)


def _object_starts(ctx: Context, a: int, b: int) -> int:
    """Where the verb's object starts inside the phrase ``[a, b)`` read without a
    complementiser: a word after a nisba that is no adjective («وزير الداخلية الليبي
    توجيه ...»), a definite noun after a definite word («ورفضت متحدثة باسم مكتب رئاسة
    الوزراء التعليق», «وزار الوزير المستشفى»); names, «باسم» and «لـ» genitives go on."""
    toks = ctx.tokens
    adjectives = lexicon.np_adjectives()
    for m in range(a + 1, b):
        t, prev = toks[m], toks[m - 1]
        if {"ب", "ك"}.intersection(t.prefix.split("+")) and bare(t) != "باسم":
            return m  # «ورحب الأمين العام للأمم المتحدة بالاتفاق»
        if ctx.ent_at.get(m) is not None or bare(t) == "باسم" or lam(ctx, m) \
                or t.kind != "word" or _nisba(t) or bare(t) in adjectives:
            continue
        if _nisba(prev) or (is_definite(prev) and is_definite(t)
                            and ctx.ent_at.get(m - 1) is None):
            return m
    return b


def _nisba(tok: Token) -> bool:
    """A nisba adjective as written («الليبي», «الأمريكية»; not «المستشفى», «توجيه»)."""
    if tok.kind != "word" or len(tok.stem) <= 3:
        return False
    written = "".join(c for c in tok.text if c not in REMOVED)
    return written.endswith(("ي", "ية", "يين", "يون")) and is_nisba(bare(tok))


def _as_speaker(ctx: Context, found: Found, history: list[tuple[Cue, Speaker, str]],
                before: int) -> Speaker:
    if found.kind == "nominal":
        return resolve_nominal(ctx, found, history, before)
    return speaker_of(found, ctx)


def _acting_country(ctx: Context, e: Entity, k: int) -> bool:
    """A country named right after a verb, not behind a preposition, acts as its state."""
    toks = ctx.tokens
    if e.actor is None or e.actor.type != "country" or toks[k].start != e.start:
        return False
    before = bare(toks[k - 1])
    return toks[k].prefix in ("", "ال") and toks[k - 1].kind == "word" \
        and before not in NP_INITIAL_STOP and before not in CLAUSE_WORDS \
        and head_kind(toks[k - 1]) is None  # «مسؤولة من كوريا الشمالية» is no country acting


def _first_subject_in_sentence(ctx: Context, i: int) -> Speaker | None:
    lo = ctx.sentence(i)[0]
    for k in range(lo, i):
        e = ctx.ent_at.get(k)
        if e is not None and e.type in ("PER", "ORG"):
            return _named_speaker(ctx, e, k)
    return None


def _named_speaker(ctx: Context, e: Entity, k: int) -> Speaker:
    """The entity at token ``k`` as a speaker; a body noun before it («شبكة NBC») is
    remembered so that «الشبكة» can point back to it."""
    sp = Speaker(e.start, e.end, e.text, actor=e.actor, entity=e.id)
    if k > 0 and head_kind(ctx.tokens[k - 1]) == "body":
        ctx.memo[("head", id(sp))] = head_word(ctx.tokens[k - 1])
    return sp
