"""False cues of one shape: a reporting verb or participle that describes the indefinite
noun right before it («احتجاجات تدعو إلى إلغاء الضريبة», «بلد يدعي الديمقراطية», «ستة
صحافيين متهمين بأنهم»), or a passive participle («مهددة من قبل»)."""

from __future__ import annotations

from rawi.attribution.context import Context
from rawi.attribution.cues import Cue, bare, is_comp, is_quote
from rawi.attribution.phrase import REPORT_NOUNS, head_kind, is_nisba
from rawi.attribution.speaker import AUX, CLAUSE_WORDS
from rawi.model import Token
from rawi.text.lexicon import function_words


def describes_noun(ctx: Context, cue: Cue, speakerless: bool = False) -> bool:
    """«احتجاجات تدعو إلى إلغاء الضريبة», «مفارقات تشير إلى مرحلة»: a present-tense verb
    right after an indefinite common noun, with no «أن», colon or quote after it, is a
    clause describing that noun. Named and anonymous sources stay («مصادر تؤكد», «ترامب
    يهدد»), and so does every verb whose content is a reported clause."""
    i = cue.i
    if cue.kind != "verb" or i == 0:
        return False
    toks = ctx.tokens
    tok, prev = toks[i], toks[i - 1]
    word = bare(tok)
    if tok.prefix or word[:1] not in "يت" or word.startswith(cue.lemma):
        return False  # a past tense («تابع»), or «وتشير» going on from a sentence before
    ahead = toks[i + 1:min(i + 5, ctx.sentence(i)[1])]
    reported = _reports(ahead)
    if speakerless and prev.norm in ("التي", "الذي") and not reported:
        return True  # «المباريات الودية التي تؤكد جاهزيته»: what a thing shows
    if (prev.kind != "word" or prev.prefix or ctx.ent_at.get(i - 1) is not None
            or head_kind(prev) is not None or prev.stem in REPORT_NOUNS
            or prev.norm in function_words() or prev.norm in CLAUSE_WORDS
            or prev.norm in _TIME_CONJUNCTIONS or prev.norm in AUX or is_nisba(bare(prev))):
        # («كانت ترى بإبعاد»: an auxiliary; «كويتية تهدد بتفجير»: a woman named by her nisba)
        return False
    if not ahead or reported:
        return False
    # a preposition right after the verb, so no subject follows it («في وقت تشير التقارير»);
    # when no speaker was found at all, any object («بلد يدعي الديمقراطية»)
    nxt = ahead[0]
    return speakerless or nxt.norm in _PREPOSITIONS or "ب" in nxt.prefix.split("+")


#: «إذ تشير», «في وقت تشير»: the verb's subject comes after it
_TIME_CONJUNCTIONS = frozenset({"اذ", "وقت", "حين", "بينما", "عندما", "لما", "فيما"})
_PREPOSITIONS = frozenset({"الي", "علي", "عن", "في", "من", "بشكل"})


def adjectival_participle(ctx: Context, cue: Cue) -> bool:
    """A participle that is an adjective, not a statement: right after the indefinite
    noun it describes with no comma between («ستة صحافيين متهمين بأنهم»), or passive,
    with «من قبل» after it («كانت القناة مهددة من قبل دول عدة»). A source noun before it
    still speaks («قال مسؤول مؤكدا»)."""
    i = cue.i
    if cue.kind != "participle" or i == 0:
        return False
    toks = ctx.tokens
    if i + 2 < len(toks) and toks[i + 1].norm == "من" and toks[i + 2].norm == "قبل":
        return True
    prev = toks[i - 1]
    if (prev.kind != "word" or prev.prefix or prev.suffix or toks[i].prefix
            or ctx.ent_at.get(i - 1) is not None or head_kind(prev) is not None
            or prev.norm in function_words() or prev.norm in AUX):
        return False  # («دافعت عن حليفتها مؤكدة أنها»: after the verb's object, a statement)
    ahead = toks[i + 1:min(i + 3, ctx.sentence(i)[1])]
    if not ahead or _reports(ahead):
        return False
    # a passive participle takes its complement with a preposition («متهمين بالتوسط»,
    # «منتقدة للسلطة»); an active one its object («متهمة صالح بسوء النية»: a statement)
    nxt = ahead[0]
    return nxt.prefix[:1] in ("ب", "ل") or nxt.norm in _PREPOSITIONS


def _reports(ahead: list[Token]) -> bool:
    """A complementiser, a quotation mark or a colon among ``ahead``: a reported clause."""
    return any(is_comp(t) or is_quote(t) or t.text == ":" for t in ahead)
