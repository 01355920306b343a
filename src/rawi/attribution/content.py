"""Where reported content starts and ends: complementisers, colons, quotations.

Content starts after أن/إن/بأن, a colon or an opening quotation mark, and runs to
the end of its sentence, or to its closing quotation mark (across sentences), or
to the next cue that opens a new statement (a participle such as «مضيفا», or
«، وأضاف» / «، وفقا لـ»). Quotation marks and the complementiser stay outside.
"""

from __future__ import annotations

from rawi.attribution.context import Context
from rawi.attribution.cues import (
    BOUNDARY,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    _is_not_cue,
    bare,
    is_comp,
    is_quote,
)
from rawi.attribution.index import BOUND, COLON, COMP, CUE, QUOTE, TAIL, within, word_forms
from rawi.model import Token
from rawi.text.normalize import normalize

_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_TRIM = frozenset(".,،;؛:!?؟…-–—)(\"«»“”„'")
MAX_SPEAKER_GAP = 30  # tokens between cue and complementiser, at most
SHORT_QUOTE = 3  # a quote this short is speech only right after a colon, أن or a cue
NAME_QUOTE_MAX = 8  # a quoted stretch this short followed by more text is a name
#: nouns after which a quotation is a name («قناة "سي.بي.إس"», «برنامج "بتوقيت مصر"»)
NAME_BEFORE_QUOTE = frozenset(normalize(w) for w in (
    "قناة", "شبكة", "صحيفة", "جريدة", "وكالة", "برنامج", "موقع", "حساب", "مجموعة", "حركة",
    "جماعة", "تنظيم", "عملية", "حزب", "كتاب", "تقرير", "وسم", "هاشتاغ", "مجلة", "إذاعة",
    "منظمة", "مؤسسة", "شركة", "مركز", "معهد", "فيلم", "مسلسل", "قانون"))
#: «ما سماه "الصمت الدولي"», «ما يسمى "..."»: the quote after these is a term, not speech
NAMING_BEFORE_QUOTE = frozenset(normalize(w) for w in (
    "سماه", "سمته", "سماها", "سمتها", "أسماه", "أسمته", "يسميه", "تسميه", "يسمونه", "يسمى",
    "تسمى", "سمي", "سميت", "وصفه", "وصفته", "وصفها", "وصفتها", "يصفه", "تصفه", "يعرف", "تعرف",
    "يدعى", "تدعى"))
#: «بـ"بث أخبار"»: a quote glued to a clitic
_GLUE = frozenset({"ب", "ل", "و", "ك", "ف"})
#: a short quote ending the sentence this near the verb follows its subject: speech
SUBJECT_BEFORE_QUOTE = 4
#: after these a quote is the name of something: «على "تويتر"», «عن "داعش"»
QUOTE_AFTER_PREPOSITION = frozenset({"علي", "عن", "الي", "في", "من", "مع", "حول", "لنا"})


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


def _ends_sentence(ctx: Context, q: int) -> bool:
    """The closing quote at ``q`` ends its sentence or paragraph (not only a clause)."""
    toks = ctx.tokens
    if q + 1 >= len(toks):
        return True
    nxt = toks[q + 1]
    return nxt.text in BOUNDARY or ctx.doc.text[toks[q].end : nxt.start].count("\n") > 0


def _ends_statement(ctx: Context, q: int) -> bool:
    """True when what follows the closing quote at ``q`` ends the statement: the
    sentence, or a clause (a comma or semicolon after it)."""
    return _ends_sentence(ctx, q) or ctx.tokens[q + 1].text in ",،;؛"


def is_speech_quote(ctx: Context, k: int) -> bool:
    """An opening quotation mark that starts quoted speech rather than a quoted name."""
    q = closing_quote(ctx, k)
    if q is None:
        return False
    return _ends_statement(ctx, q) or q - k - 1 > NAME_QUOTE_MAX


#: verbs of saying: a «، قائلا» after them is the same statement («وصرح اللاعب، على موقع
#: النادي، قائلا:»); after a verb with an object it is a statement of its own («وانتقد
#: الرئيس اعتماد الدول على العقوبات، قائلا إن ...»)
SAYING = frozenset({"قال", "صرح", "اضاف", "تابع", "اردف", "ذكر", "افاد", "اوضح", "شدد",
                    "تحدث", "علق", "رد"})


def find_complement(ctx: Context, j: int, stop: int, lemma: str = "") -> int | None:
    """The first complementiser, colon or speech-opening quote in ``[j, stop)``, skipping
    quoted names; None at a sentence end or another verb cue."""
    toks = ctx.tokens
    limit = min(stop, j + MAX_SPEAKER_GAP)
    skip_to = j
    for k in within(ctx.marks, j, limit):
        if k < skip_to:
            continue
        f = ctx.flag[k]
        if f & BOUND:
            return None
        if f & COMP and k > 0 and bare(toks[k - 1]) in NOT_SPEECH_BEFORE_AN:
            continue  # «بعد أن التقى نظيره», «قبل أن يتطور»: a time clause, not what was said
        if f & (COMP | COLON):
            if f & COMP and _participle_between(toks, j, k):
                return None  # «أبدى إعجابه ...، موجهاً بأن»: the participle's own clause
            return k
        if f & QUOTE and toks[k].text in OPEN_QUOTES:
            prev = toks[k - 1] if k > 0 else None
            glued = prev is not None and (prev.norm in _GLUE or prev.text.endswith("ـ"))
            q = closing_quote(ctx, k)
            short = q is not None and q - k - 1 <= SHORT_QUOTE and not (
                prev is not None and (
                    prev.text == ":" or is_comp(prev) or k - 1 in ctx.cue_at
                    # «وقال مسؤول في الوزارة "الوضع هادئ".»: right after the subject
                    or k - j <= SUBJECT_BEFORE_QUOTE and prev.norm not in QUOTE_AFTER_PREPOSITION
                    and _ends_sentence(ctx, q)))
            named = prev is not None and (bool(set(word_forms(prev)) & NAME_BEFORE_QUOTE)
                                          or prev.norm in NAMING_BEFORE_QUOTE) \
                or _quoted_subject(ctx, k, q, stop)
            if not glued and not short and not named and is_speech_quote(ctx, k):
                return k
            skip_to = (q + 1) if q is not None else k + 1
            continue
        cue = ctx.cue_at.get(k)
        if k > j and cue is not None:
            prev = toks[k - 1].text
            if cue.kind == "nominal" or (cue.lemma == "قال" and cue.kind != "verb" and (
                    prev not in ",،" or cue.kind == "masdar" or lemma in SAYING or not lemma)):
                continue  # «، حسب وكالة ...، إنه», «وتابع قائلا:», «بالقول:»: part of this cue
            if cue.kind == "verb" and toks[k].norm[:1] not in "وف" and prev not in ",،":
                continue  # a look-alike inside the subject: «في منشور رأي بالإنترنت إن»
            return None
    return None


def _participle_between(toks: list[Token], j: int, k: int) -> bool:
    """A comma and an accusative participle («، موجهاً», «، معرباً») stand between the verb
    and the complementiser at ``k``: what follows belongs to the participle."""
    for m in range(max(j, k - 4), k):
        if toks[m].text in (",", "،") and m + 1 < k:
            w = toks[m + 1].norm
            if (w.startswith("م") and w.endswith("ا") and len(w) > 4 and not toks[m + 1].prefix
                    and not any(t.text in (",", "،") for t in toks[m + 2:k])):
                return True  # (not «، متحدثا للصحفيين، إن»: an aside closed by a comma)
    return False


#: words before «أن» that make a time or manner clause («بعد أن», «قبل أن», «دون أن»)
#: («إلى أن» stays a complementiser: «أشار إلى أن», «لفت إلى أن»)
NOT_SPEECH_BEFORE_AN = frozenset({"بعد", "قبل", "دون", "بدون", "منذ", "لحين",
                                  "ريثما", "بدل", "بدلا", "عوضا", "بمجرد", "فور", "عقب",
                                  "اثر", "لدرجه", "مقابل"})


def _quoted_subject(ctx: Context, k: int, q: int | None, stop: int) -> bool:
    """«وقالت "أجوكو"، "إن إنتاجها ..."»: a short quote closed by a comma that another
    quote or a complementiser follows is the subject's name, not what was said."""
    toks = ctx.tokens
    if q is None or q - k - 1 > SHORT_QUOTE or q + 2 >= stop:
        return False
    after = toks[q + 1]
    nxt = toks[q + 2]
    return after.text in (",", "،") and (is_comp(nxt) or nxt.text in OPEN_QUOTES)


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


#: Words that link a new clause with its own reporting verb: «فيما قال», «بينما نفى»,
#: «في حين أكد» (only حين is checked; the في before it is dropped with it).
_CLAUSE_LINKS = frozenset(("فيما", "بينما", "حين"))


def _statement_end(ctx: Context, a: int, inside: bool = False) -> int:
    """First token after the content starting at ``a``: the sentence end or the next cue
    that opens a new statement. ``inside``: ``a`` follows an opening quotation mark."""
    toks = ctx.tokens
    end = ctx.sentence(a)[1]
    open_q = inside
    for k in within(ctx.marks, a, end):
        f = ctx.flag[k]
        if f & QUOTE:
            if open_q and k > a and ctx.flag[k - 1] & BOUND:
                return k + 1  # «... إسرائيل.” وقال خامنئي»: the quoted sentence ends it
            open_q = not open_q
            continue
        if open_q:
            continue
        if f & BOUND:
            return k  # a full stop outside quotation marks ends the statement
        if f & COMP and k - 2 > a and toks[k - 2].text in (",", "،") \
                and bare(toks[k - 1]) in ("قبل", "بعد"):
            return k - 2  # «... برحيل الرئيس، قبل أن يتطور الأمر»: the narrator goes on
        prev = toks[k - 1].text if k > a else ""
        cue = ctx.cue_at.get(k)
        if cue is not None and k > a:
            if cue.kind in ("participle", "masdar") and prev != "و":
                return k
            if cue.kind == "nominal" and prev in (",", "،"):
                return k
            if cue.kind == "verb" and toks[k - 1].norm in ("كما", "وكما") and k - 1 > a \
                    and find_complement(ctx, k + 1, end) is not None:
                return k - 1  # «...، كما يفيد أحد المختصين بأن»: another statement
            if cue.kind == "verb" and toks[k].norm[:1] == "و" and prev in CLOSE_QUOTES:
                return k  # «...شخصيا" وأضاف»: the quotation closed, a new statement
            if cue.kind == "verb" and toks[k - 1].norm in _CLAUSE_LINKS:
                # «..., فيما تساءل نائب»: a linked clause opens a new statement
                return k - 2 if k - 2 > a and toks[k - 1].norm == "حين" else k - 1
            if cue.kind == "verb" and prev in (",", "،") and (
                toks[k].norm[:1] in "وف" or (k + 1 < end and is_comp(toks[k + 1]))
            ):
                return k  # «، وحذرت من», «، قالت إنها»
        if f & TAIL and prev in (",", "،"):
            return k
        if cue is None and f & CUE and k > a and prev in (",", "،") \
                and toks[k].norm[:1] == "و" and _is_not_cue(toks, k):
            return k  # «..., ويذكر أن ...»: the writer's own background, not the quote
    return end


def trim(ctx: Context, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation and quotation marks at both ends of ``[a, b)``."""
    toks = ctx.tokens
    while a < b and toks[a].kind == "punct" and set(toks[a].text) <= _TRIM:
        a += 1
    while b > a and toks[b - 1].kind == "punct" and set(toks[b - 1].text) <= _TRIM:
        if _closes_inner_quote(toks, a, b - 1):
            break  # «ما سماه "الصمت الدولي"»: the quote opened inside the content
        b -= 1
    return a, b


_OPENERS = {close: open_ for open_, close in _PAIRS.items()}


def _closes_inner_quote(toks: list[Token], a: int, q: int) -> bool:
    """The quotation mark at ``q`` closes one opened inside ``[a, q)``."""
    opener = _OPENERS.get(toks[q].text)
    if opener is None:
        return False
    inside = [t.text for t in toks[a:q] if t.kind == "punct"]
    if opener == toks[q].text:
        return inside.count(opener) % 2 == 1
    return inside.count(opener) > inside.count(toks[q].text)
