"""Relayed statements: «نقلت الوكالة عن مسؤول قوله إن ...». The source after «عن» speaks;
the outlet that relays it is the statement's channel."""

from __future__ import annotations

from rawi.attribution.context import Context
from rawi.attribution.cues import bare, is_quote
from rawi.attribution.phrase import Found, is_definite, subject_np
from rawi.attribution.speaker import classify

#: tokens that may stand between a relaying outlet's name and «عن»
RELAY_GAP = 8
#: verbs of relaying: «نقلت الوكالة عن مسؤول قوله» (the lemma in matching form)
RELAY_VERBS = frozenset({"نقل"})
#: «نقل عنه قوله/تأكيده/تحذيره»: what the relayed source said, after its name
RELAY_MASDARS = frozenset(m + p for m in ("قول", "تاكيد", "تصريح", "تحذير", "اشارت", "توضيح",
                                          "نفي", "تشديد", "مطالبت", "دعوت", "اعلان")
                          for p in ("ه", "ها", "هم", "هما"))


def relayed_source(ctx: Context, an: int, stop: int) -> Found | None:
    """The source after «عن» of «نقلت الوكالة عن مسؤول (قوله) إن ...»: the one whose words
    the outlet relays (a person, a body, an anonymous source or a statement's issuer)."""
    toks = ctx.tokens
    if an >= stop or bare(toks[an]) != "عن":
        return None
    a, b = subject_np(ctx, an + 1, stop, genitive=True)
    while b > a and bare(toks[b - 1]) in RELAY_MASDARS:
        b -= 1  # «عن الرئيس تأكيده أن»: his saying, not part of his name
    found = classify(ctx, a, b) if b > a else None
    if found is None or found.kind not in ("entity", "anonymous", "nominal", "named"):
        return None
    return found


def about_follows(ctx: Context, k: int, stop: int) -> bool:
    """«عن» at token ``k``, right after the relaying subject (or the verb)."""
    return k < stop and bare(ctx.tokens[k]) == "عن"


def past_bracket(ctx: Context, k: int, stop: int) -> int:
    """Past what may stand between the relaying outlet and «عن»: an abbreviation in
    brackets («(وفا) عن»), a comma («نقلت وكالة أسوشييتد برس، عن»), a name in quotation
    marks and its adjectives («نقلت شبكة «إن دي تي في» الإخبارية الهندية عن»)."""
    toks = ctx.tokens
    m, quoted = k, False
    while m < stop and m - k < RELAY_GAP and bare(toks[m]) != "عن":
        t = toks[m]
        if is_quote(t):
            quoted = not quoted
        elif not (quoted or t.text in (",", "،") or ctx.ent_at.get(m) is not None
                  or t.kind == "word" and is_definite(t) and bare(t).endswith(("ي", "يه"))):
            break
        m += 1
    if m > k and m < stop and bare(toks[m]) == "عن":
        return m
    if k >= stop or toks[k].text != "(":
        return k
    m = k + 1
    while m < stop and m - k <= 4 and toks[m].text != ")":
        m += 1
    if m + 1 < stop and toks[m].text == ")" and bare(toks[m + 1]) == "عن":
        return m + 1
    return k
