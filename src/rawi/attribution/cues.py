"""Find reporting cues in a token list: verbs, participles, masdars, passives, nominals.

A cue is matched on the token's matching form with at most a leading و/ف cut
(«وأعلنت» -> «أعلنت»), so it does not depend on the clitic analysis of rare forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rawi.attribution import lexicon
from rawi.model import Token
from rawi.text.normalize import REMOVED, normalize, strip_conjunction

_COMP = re.compile(r"^[وف]?ب?ان(?:ه|ها|هم|هما|هن|ني|نا|كم)?$")
QUOTES = frozenset('"«»“”„')
OPEN_QUOTES = frozenset('"«“„')
CLOSE_QUOTES = frozenset('"»”')
BOUNDARY = frozenset(".!?؟\n")
NEED_WINDOW = 25  # tokens after the cue searched for a "need" word


@dataclass(slots=True)
class Cue:
    """One cue occurrence. ``i``/``j``: its token range; ``start``/``end``: the
    characters of the cue word without a leading conjunction."""

    i: int
    j: int
    start: int
    end: int
    kind: str  # verb | participle | masdar | passive | nominal
    lemma: str
    gender: str
    number: str
    modality: str
    need: tuple[str, ...] = ()


_COMP_CACHE: dict[str, bool] = {}


def is_comp(tok: Token) -> bool:
    """أن / إن / بأن / وأن / إنه ...: a complementiser that opens reported content."""
    hit = _COMP_CACHE.get(tok.norm)
    if hit is None:
        hit = _COMP_CACHE[tok.norm] = bool(_COMP.match(tok.norm))
    return hit


def is_quote(tok: Token) -> bool:
    return tok.kind == "punct" and tok.text in QUOTES


def bare(tok: Token) -> str:
    """The token's matching form without one leading conjunction."""
    return strip_conjunction(tok.norm)


def _lookup(tok: Token) -> tuple[lexicon.CueForm | None, int]:
    """The cue form of a token and how many characters of conjunction precede it."""
    global _FORMS
    forms = _FORMS or lexicon.cue_forms()
    _FORMS = forms
    if tok.norm in forms:
        return forms[tok.norm], 0
    if len(tok.norm) > 2 and tok.norm[0] in "وف" and tok.norm[1:] in forms:
        return forms[tok.norm[1:]], 1
    return None, 0


_REMOVED = "".join(REMOVED)  # what normalisation drops: diacritics, tatweel, controls


def _written_instead(surface: str, letter: str) -> bool:
    """The word ends in the letter normalisation folds into ``letter`` (ه for ة, ى for
    ي), diacritics aside: «مضيفه» is "his host", not the participle «مضيفة»; «يدعى» is
    "is named", not «يدعي» "claims". Writers do swap them, so a complement after the
    word still makes it the cue."""
    letters = surface.rstrip(_REMOVED)
    return letters.endswith(lexicon.FOLDED[letter])


def _surface_skip(tok: Token, letters: int) -> int:
    """Characters of the surface that hold the first ``letters`` normalised letters."""
    if not letters:
        return 0
    k, seen = 0, 0
    while k < len(tok.text) and seen < letters:
        if tok.text[k] in "وف" or normalize(tok.text[k]) in ("و", "ف"):
            seen += 1  # (a presentation form such as «ﻭ» is the same letter)
        k += 1
    return k if k < len(tok.text) else 0


def _need_met(tokens: list[Token], j: int, need: tuple[str, ...], marks: list[int],
              flag: list[int]) -> bool:
    """One of the ``need`` words follows in the clause (within NEED_WINDOW tokens)."""
    from rawi.attribution.index import BOUND, COLON, COMP, QUOTE, within

    if not need:
        return True
    words = _NEED_WORDS.get(need)
    if words is None:  # the words with a leading و/ف as well (matched on the norm)
        plain = set(need) - {"ان", ":", '"'}
        words = _NEED_WORDS[need] = frozenset(
            p + w for w in plain for p in ("", "و", "ف") if len(p + w) > 2 or not p)
    want = (COMP if "ان" in need else 0) | (COLON if ":" in need else 0) | (
        QUOTE if '"' in need else 0)
    if not words:
        for k in within(marks, j, j + NEED_WINDOW):
            f = flag[k]
            if f & BOUND:
                return False
            if f & want:
                return True
        return False
    # need words such as عن، إلى، في are too common to flag: read those tokens directly
    for k in range(j, min(len(tokens), j + NEED_WINDOW)):
        if tokens[k].norm in words:
            return True
        f = flag[k]
        if f & BOUND:
            return False
        if f & want:
            return True
    return False


_NEED_WORDS: dict[tuple[str, ...], frozenset[str]] = {}


#: question words right before a verb: the verb is asked about («ألا ترى أن»), not reported
QUESTION_WORDS = frozenset({"هل", "الا", "افلا", "ماذا", "لماذا", "كيف"})
#: tanween marks: only nouns and adjectives carry them
TANWEEN = frozenset("\u064b\u064c\u064d")


@lru_cache(maxsize=1)
def _not_cues_by_first() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon.not_cues():
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    return out


#: a verb never follows these directly: a cue form after one is a verbal noun («على
#: كشف», «بعد إعلان»); «من» is left out («من قال إن»: who said)
PREPOSITIONS_BEFORE_MASDAR = frozenset({"علي", "الي", "في", "عن", "حول", "بعد", "قبل", "عقب",
                                        "اثر", "خلال", "لدي", "منذ"})
_REPORTED = ("ان", ":", '"')
#: nouns «حذر» qualifies as an adjective («هدوء حذر»: a cautious calm), normalised
CAUTIOUS_BEFORE = frozenset({"هدوء", "تفاول", "ترقب", "ارتياح", "ترحيب", "موقف", "تعامل"})
#: a negated verb with no reported clause says nothing («لم يكشف عن عدد», «لا يذكر شيئا»)
NEGATIONS = frozenset({"لم", "لن", "لا"})
_NO_VERB_BEFORE = PREPOSITIONS_BEFORE_MASDAR | NEGATIONS
#: «تم كشف», «يتم إعلان», «جرى ذكر»: what follows is a verbal noun, not a reporting verb
PASSIVE_AUXILIARIES = frozenset({"تم", "يتم", "سيتم", "جري", "يجري", "سيجري"})


def _is_not_cue(tokens: list[Token], i: int) -> bool:
    by_first = _not_cues_by_first()
    for first in dict.fromkeys((bare(tokens[i]), tokens[i].norm)):  # «وفقا» is no و + «فقا»
        for phrase in by_first.get(first, ()):
            words = (first, *(t.norm for t in tokens[i + 1 : i + len(phrase)]))
            if words == phrase:
                return True
    return False


def _nominal_at(tokens: list[Token], i: int) -> tuple[lexicon.Phrase, int] | None:
    """A nominal cue starting at token ``i`` and the index after its last word; a
    final preposition (ل, عن, إلى) may be glued to the next word (وفقا لتقارير)."""
    tok = tokens[i]
    if tok.norm not in _NOMINAL_NORMS:
        return None
    by_first = _nominal_by_first()
    keys = dict.fromkeys((bare(tok), tok.norm, tok.stem))
    if len(keys) == 1:
        phrases = by_first.get(tok.norm, ())
    else:  # the lexicon's order decides between phrases that share a first word
        phrases = sorted({id(p): p for k in keys for p in by_first.get(k, ())}.values(),
                         key=lambda p: _nominal_rank()[id(p)])
    for phrase in phrases:
        words = phrase.words
        # «بحسب», «وبحسب», «حسب»: a one-word cue may carry a glued ب as well
        first = bare(tokens[i]) == words[0] or tokens[i].norm == words[0]
        if not first and not (len(words) == 1 and tokens[i].stem == words[0]):
            continue
        k = i + 1
        ok = True
        for w in words[1:]:
            if k >= len(tokens):
                ok = False
                break
            t = tokens[k]
            if t.norm == w:
                k += 1
            elif len(w) == 1 and t.norm.startswith(w) and len(t.norm) > 2:
                break  # glued preposition: the source starts inside this token
            else:
                ok = False
                break
        if ok:
            return phrase, k
    return None


@lru_cache(maxsize=1)
def _nominal_by_first() -> dict[str, list[lexicon.Phrase]]:
    out: dict[str, list[lexicon.Phrase]] = {}
    for phrase in lexicon.nominal_cues():
        out.setdefault(phrase.words[0], []).append(phrase)
    return out


@lru_cache(maxsize=1)
def _nominal_only() -> frozenset[str]:
    """Forms that can only open a nominal cue (no verb, participle or passive form)."""
    forms, passives = lexicon.cue_forms(), lexicon.passive_forms()

    def other(n: str) -> bool:
        cut = n[1:] if len(n) > 2 and n[0] in "وف" else n
        return n in forms or cut in forms or n in passives or cut in passives

    return frozenset(n for n in _nominal_norms() if not other(n))


@lru_cache(maxsize=1)
def _nominal_rank() -> dict[int, int]:
    return {id(p): n for n, p in enumerate(lexicon.nominal_cues())}


_NOMINAL_NORMS: frozenset[str] = frozenset()
_FORMS: dict[str, lexicon.CueForm] = {}


@lru_cache(maxsize=1)
def _nominal_norms() -> frozenset[str]:
    return frozenset(p + ph.words[0] for ph in lexicon.nominal_cues()
                     for p in ("", "و", "ف", "ب", "وب", "فب"))


def find_cues(tokens: list[Token], marks: list[int] | None = None,
              flag: list[int] | None = None) -> list[Cue]:
    """Every cue in ``tokens``, in text order; ``marks``/``flag`` (from ``index.scan``)
    limit the search to the tokens that may be cues."""
    from rawi.attribution.index import CUE, scan

    cues: list[Cue] = []
    passives = lexicon.passive_forms()
    n = len(tokens)
    if marks is None or flag is None:
        marks, flag = scan(tokens)
    candidates = [k for k in marks if flag[k] & CUE]
    global _NOMINAL_NORMS
    if not _NOMINAL_NORMS:
        _NOMINAL_NORMS = _nominal_norms()
    for i in candidates:
        tok = tokens[i]
        if tok.kind != "word":
            continue
        nominal = _nominal_at(tokens, i) if tok.norm in _NOMINAL_NORMS else None
        if nominal is None and tok.norm in _nominal_only():
            continue  # «على» not followed by «لسان»: no other cue reads this form
        if nominal is not None and _is_not_cue(tokens, i):
            continue  # «حسب القانون»: according to a rule, nobody speaks
        if nominal is not None:
            phrase, k = nominal
            cut = 1 if tok.norm != phrase.words[0] and tok.norm[:1] in "وف" else 0
            start = tok.start + _surface_skip(tok, cut)
            if tok.norm not in (phrase.words[0],) and tok.stem == phrase.words[0]:
                start = tok.stem_start if len(phrase.words) == 1 else start
            end = tokens[min(k, n) - 1].end if k - 1 > i else tok.end
            cues.append(Cue(i, k, start, end, "nominal", phrase.words[0], "", "",
                            phrase.label))
            continue
        form, cut = _lookup(tok)
        b = bare(tok)
        if form is None and b in passives:
            cut = 0 if tok.norm in passives else 1
            cues.append(Cue(i, i + 1, tok.start + _surface_skip(tok, cut), tok.end, "passive",
                            b, "", "", passives[b]))
            continue
        if form is None or _is_not_cue(tokens, i):
            continue
        if form.kind == "verb" and TANWEEN.intersection(tok.text):
            continue  # «يقدم تعهدًا»: a noun with tanween, never a verb
        if i and tokens[i - 1].norm in QUESTION_WORDS:
            continue  # «ألا ترى أن ...؟», «ماذا يقول القانون؟»: asked, not reported
        if i and b == "حذر" and bare(tokens[i - 1]) in CAUTIOUS_BEFORE:
            continue  # «هدوء حذر», «تفاؤل حذر»: cautious, an adjective
        if i and bare(tokens[i - 1]) in PASSIVE_AUXILIARIES:
            continue  # «التي تم كشف فساد فيها»: a verbal noun after «تم», a passive event
        if (i and form.kind == "verb" and not tok.prefix
                and bare(tokens[i - 1]) in _NO_VERB_BEFORE
                and not _need_met(tokens, i + 1, _REPORTED, marks, flag)):
            # «العمل على كشف العبث»: a verbal noun («بعد كشف السلطات أن» reports);
            # «ولم تكشف السلطات عن عدد القتلى»: nothing was said
            continue
        if i + 1 < n and tokens[i + 1].kind == "number":
            continue  # «فائضا يبلغ 1.7 في المائة»: an amount, not a report
        if (form.written_end and _written_instead(tok.text, form.written_end)
                and not (i + 1 < n and (is_comp(tokens[i + 1])
                                        or tokens[i + 1].norm in ("الي", ":")))):
            continue  # «على مضيفه» (its host), «ويدعى سعود» (is named): another word
        if not _need_met(tokens, i + 1, form.need, marks, flag):
            continue
        if form.lemma == "جاء" and (not _channel_follows(tokens, i + 1)
                                    or (i and tokens[i - 1].norm in ("حسبما", "كما", "ما"))):
            continue  # «حسبما جاء في حسابها»: a channel of the statement before
        kind = form.kind
        if b in passives and i + 1 < n and is_comp(tokens[i + 1]):
            kind = "passive"  # «يزعم أن»: nobody named before the complement
        cues.append(Cue(i, i + 1, tok.start + _surface_skip(tok, cut), tok.end, kind,
                        form.lemma, form.gender if kind != "passive" else "", form.number,
                        passives[b] if kind == "passive" else form.modality, form.need))
    return cues


def _channel_follows(tokens: list[Token], j: int) -> bool:
    """«جاء في بيان»: جاء reports only when في and a channel word follow."""
    if j + 1 >= len(tokens) or tokens[j].norm != "في":
        return False
    stems = {p.words[0] for p in lexicon.channels()}
    return any(t.stem in stems or t.norm in stems for t in tokens[j + 1 : j + 3])
