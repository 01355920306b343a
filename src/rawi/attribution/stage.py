"""The attributions stage: who said what, through which channel, with what certainty.

For each cue (see ``cues.py``) it finds the speaker (``speaker.py``), the content
(``content.py``), then channel, modality, evidence and statement time
(``features.py``), and links nested statements by ``parent``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from rawi.attribution import lexicon
from rawi.attribution.content import content_range, find_complement, trim
from rawi.attribution.context import _START, Context, build
from rawi.attribution.cues import Cue, bare, find_cues, is_comp, is_quote
from rawi.attribution.describing import adjectival_participle, describes_noun
from rawi.attribution.features import (
    find_channel,
    find_evidence,
    find_modality,
    find_time,
    phrases_at,
)
from rawi.attribution.phrase import (
    Found,
    genitive_end,
    head_kind,
    is_definite,
    shrink,
    subject_np,
)
from rawi.attribution.relay import RELAY_VERBS, about_follows, past_bracket, relayed_source
from rawi.attribution.speaker import (
    CROWDS,
    HONORIFIC_PRONOUNS,
    IMPERSONAL,
    RELATIVES,
    classify,
    issuer,
    name_coref,
    resolve_nominal,
    speaker_of,
    subject_before,
)
from rawi.attribution.speaker_actor import is_addressee, link_actor
from rawi.attribution.speaker_implied import implied
from rawi.attribution.statement_channel import (
    CHANNEL_PREPOSITIONS,
    GOES_ON,
    came_in_channel,
    news_agency,
    same_statement_channel,
    speaker_channel,
    tail_channel,
)
from rawi.model import Attribution, Channel, Doc, Span, Speaker, Token

_SKIP = frozenset({",", "،"})
#: cues whose content may open with «لـ» («دعت الحكومة للحوار»): no genitive is read there
LAM_OBJECT = frozenset({"دعا"})
#: words before a verb cue that make it a source tail («، حسبما أفاد تقرير», «كما قال»)
TAIL_BEFORE = frozenset({"حسبما", "وحسبما", "مثلما", "وفقما"})
#: words that may follow a channel word and are no part of the content
_CHANNEL_TAIL = frozenset({"له", "لها", "لهم", "مشترك", "مشتركه", "مقتضب", "متلفز", "مصور"})
#: prepositions with a pronoun: never a subject
PREP_PRONOUNS = frozenset(p + s for p in ("في", "ل", "ب", "عن", "من", "علي", "الي", "مع", "امام")
                          for s in ("ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي"))


@dataclass
class _Draft:
    cue: Cue
    content: tuple[int, int]  # token range
    clause: tuple[int, int]  # token range searched for channel and time
    direct: bool
    speaker: Speaker | None
    parent: _Draft | None = None
    channel: Channel | None = None
    extra: dict = field(default_factory=dict)


class AttributionStage:
    name = "attributions"
    reads: tuple[str, ...] = ("tokens", "sentences")
    #: layers used when an earlier stage filled them (speaker names and actors, statement
    #: times); without them speakers are nominals and pronouns, and ``time`` stays null
    uses: tuple[str, ...] = ("entities", "times")
    writes: tuple[str, ...] = ("attributions",)

    def __init__(self) -> None:
        # load every lexicon once, up front
        lexicon.cue_forms()
        lexicon.passive_forms()
        lexicon.nominal_cues()
        lexicon.channels()
        lexicon.evidence_words()
        lexicon.modality_markers()
        lexicon.not_cues()
        lexicon.anonymous_nouns()
        lexicon.speaker_nominals()

    def __call__(self, doc: Doc) -> Doc:
        tokens = doc.tokens
        if not tokens:
            from rawi.text.tokenize import tokenize

            tokens = tokenize(doc.text)
        doc.attributions = attribute(doc, tokens)
        return doc


def attribute(doc: Doc, tokens) -> list[Attribution]:
    ctx = build(doc, tokens)
    cues = find_cues(tokens, ctx.marks, ctx.flag)
    ctx.cue_at = {c.i: c for c in cues}
    drafts: list[_Draft] = []
    history: list[tuple[Cue, Speaker, str]] = []
    for cue in cues:
        outer = _container(ctx, drafts, cue)
        if cue.kind == "nominal":
            d = _nominal(ctx, cue, drafts, history)
        elif _in_speaker_region(ctx, drafts, cue) or _after_nominal(ctx, cue):
            continue  # «وتابع المسؤول قائلا:», «قالت المجموعة في منشور رأي»: part of a cue
        elif describes_noun(ctx, cue) or adjectival_participle(ctx, cue):
            continue  # «مفارقات تشير إلى مرحلة», «صحافيين متهمين»: nobody reports
        else:
            d = _verbal(ctx, cue, drafts, history)
            if d is not None and outer is not None and not d.extra.get("explicit"):
                if not _continues(ctx, outer, cue, d):
                    continue  # nested statements need a named source («المؤشرات تشير»)
                outer = None
        if d is None or d.speaker is None and describes_noun(ctx, cue, speakerless=True):
            continue  # «بلد يدعي الديمقراطية»: nobody named, a clause about the noun
        if d.parent is None:
            d.parent = outer
        drafts.append(d)
        if d.speaker is not None and outer is None and cue.kind != "nominal":
            history.append((cue, d.speaker, cue.gender))  # an agency is a channel, not a voice
    drafts.extend(_headlines(ctx, drafts))
    return _finish(ctx, drafts)


HEADLINE_MAX_SOURCE = 4  # words before the colon of «السيسي: ...», «مغردون: ...»


def _headlines(ctx: Context, drafts: list[_Draft]) -> list[_Draft]:
    """«مصادر مطلعة: الاتفاق وشيك» on a line of its own: a headline that quotes a source
    (a person, an organisation or an anonymous source; «الرياض:» datelines are places)."""
    from rawi.attribution.index import COLON

    toks, text = ctx.tokens, ctx.doc.text
    out = []
    for k in ctx.marks:
        if not ctx.flag[k] & COLON or k in ctx.cue_at:
            continue
        line_start = text.rfind("\n", 0, toks[k].start) + 1
        a = bisect_left(toks, line_start, key=_START)
        if not 1 <= k - a <= HEADLINE_MAX_SOURCE or any(
            d.content[0] <= k < d.content[1] or d.cue.i < k < d.content[0] for d in drafts
        ):
            continue
        found = classify(ctx, a, k)
        if found is None or found.b != k or found.kind not in ("entity", "anonymous"):
            continue
        if found.kind == "entity" and (found.entity is None or found.entity.type == "LOC"):
            continue
        if found.kind == "entity" and found.entity.start >= toks[a].end \
                and head_kind(toks[a]) is None:
            continue  # «رابط الخبر بصحيفة الوئام: ...»: a link line, not a quoted source
        ca, cb, direct = content_range(ctx, k + 1)
        cb = min(cb, ctx.para_end(k))
        ca, cb = trim(ctx, ca, cb)
        if cb - ca < 3:
            continue
        cue = Cue(k, k + 1, toks[k].start, toks[k].end, "headline", ":", "", "", "asserted")
        out.append(_Draft(cue, (ca, cb), (a, k), direct, link_actor(ctx, speaker_of(found, ctx))))
    return out


#: words before a pro-drop verb that carry on the same speaker's statement
#: («، لكنه قال إن», «كما أشار إلى أن», «حيث قال:»)
CONTINUERS = frozenset({"حيث", "كما", "لكنه", "لكنها", "ولكنه", "ولكنها", "بل", "ثم"})


def _continues(ctx: Context, outer: _Draft, cue: Cue, d: _Draft) -> bool:
    """«..., وتطرق إلى قضية ... وقال: إن ...», «... لكنه قال إن ...»: a و-verb, or a verb
    after «لكنه/كما/حيث», with its own colon or أن is the same speaker going on, not a
    nested statement; the outer content stops before it (at a comma when there is one).
    Inside a quotation a verb is the quoted words, not the reporter's."""
    toks = ctx.tokens
    if cue.kind != "verb" or outer.direct or not _own_complement(ctx, cue, d):
        return False
    cut = cue.i
    if cue.i - 1 > outer.content[0] and bare(toks[cue.i - 1]) in CONTINUERS:
        cut = cue.i - 1
    elif toks[cue.i].norm[:1] not in "وف":
        return False
    for k in range(cut - 1, max(outer.content[0], cut - 3), -1):
        if toks[k].text in (",", "،"):
            cut = k  # «..., وكشف» keeps the comma out of both
            break
    if cut <= outer.content[0] or any(is_quote(toks[k]) for k in range(outer.content[0], cut)):
        return False  # nothing of the outer statement before it, or a quotation still open
    outer.content = (outer.content[0], cut)
    return True


def _own_complement(ctx: Context, cue: Cue, d: _Draft) -> bool:
    """The verb's content opens right after it, or a few words on after its own أن, colon
    or quotation mark («كما أشار في الوقت ذاته إلى أن»)."""
    a = d.content[0]
    if a <= cue.j + 2:
        return True
    before = ctx.tokens[a - 1]
    return a <= cue.j + 6 and (is_comp(before) or before.text == ":" or is_quote(before))


def _opens_statement(ctx: Context, k: int) -> bool:
    """Token ``k`` is a cue that opens a statement of its own: a و/ف verb or a
    participle («، ورأى أن», «، مؤكدا»), not a verb inside the content («إنها تعتقد»)."""
    cue = ctx.cue_at.get(k)
    if cue is None:
        return False
    return cue.kind in ("participle", "masdar") or cue.start > ctx.tokens[k].start


def _as_reported(ctx: Context, cue: Cue, comp: int | None, sent_a: int, after: int,
                 sent_b: int) -> bool:
    """«...، كما ذكر مصور لوكالة فرانس برس.»: «كما» + a verb after a comma, with nothing
    after its subject but the sentence's end (or a comma), is a source tail (as X
    reported), not «كما قال إن» or «كما دعا إلى ...» (also said, also called for)."""
    toks = ctx.tokens
    i = cue.i
    if comp is not None or i - 2 < sent_a or toks[i - 1].norm != "كما" \
            or toks[i - 2].text not in (",", "،"):
        return False
    k = after
    while k < sent_b and (ctx.time_at.get(k) is not None or ctx.ent_at.get(k) is not None
                          or toks[k].kind == "punct" and toks[k].text not in (",", "،")):
        k += 1  # «كما ذكرت الجمعة الماضي مصادر رسمية.», «كما ذكر مصور لوكالة فرانس برس.»
    return k >= sent_b or toks[k].text in (",", "،")


def _after_nominal(ctx: Context, cue: Cue) -> bool:
    """«وفق ما أعلنت الرئاسة»: the verb belongs to the nominal cue before «ما»."""
    i = cue.i
    if i < 2 or bare(ctx.tokens[i - 1]) not in ("لما", "ما", "مما"):
        return False
    before = ctx.cue_at.get(i - 2)
    return before is not None and before.kind == "nominal"


def _in_speaker_region(ctx: Context, drafts: list[_Draft], cue: Cue) -> bool:
    lo = ctx.sentence(cue.i)[0]
    for d in reversed(drafts):
        if d.cue.i < lo:
            return False
        if d.cue.i < cue.i < d.content[0]:
            return True
    return False


def _container(ctx: Context, drafts: list[_Draft], cue: Cue) -> _Draft | None:
    """The latest statement whose content holds this cue (nested attribution)."""
    for d in reversed(drafts):
        a, b = d.content
        if a <= cue.i < b:
            return d
    return None


def _clause_start(ctx: Context, drafts: list[_Draft], i: int) -> int:
    lo = ctx.sentence(i)[0]
    for d in reversed(drafts):
        if d.content[1] <= i and d.content[1] > lo:
            return d.content[1]
    return lo


def _speaker(ctx: Context, found: Found | None, cue: Cue,
             history: list[tuple[Cue, Speaker, str]]) -> Speaker | None:
    if found is None:
        return implied(ctx, cue, history) if cue.kind != "passive" else None
    if found.kind == "nominal":
        return link_actor(ctx, resolve_nominal(ctx, found, history, cue.i))
    return link_actor(ctx, speaker_of(found, ctx))


def _plain_subject(ctx: Context, a: int, b: int, comp: int | None) -> bool:
    """A noun phrase right after a verb is its subject (verb-first order) when a
    complementiser follows it, or, without one, when it is definite («أعلنت المديرية
    العامة حالة الطوارئ»); an indefinite noun there is more often the object («أكد تنكيس
    الأعلام»)."""
    if a >= b:
        return False
    t = ctx.tokens[a]
    if t.kind != "word" or is_comp(t) or t.prefix not in ("", "ال") or t.norm in PREP_PRONOUNS:
        return False  # «قالت فيه إن», «بالإنترنت»: a prepositional phrase is no subject
    if "\u064b" in t.text:
        return False  # «يعتبر عملاً ضخمًا»: a tanween fatha marks the accusative, an object
    return comp is not None or t.prefix == "ال"


def _quoted_name(ctx: Context, a: int, b: int) -> Found | None:
    """The words between quotation marks that open the phrase ``[a, b)``, as a name."""
    toks = ctx.tokens
    if b - a < 3 or not is_quote(toks[a]):
        return None
    close = next((k for k in range(a + 1, min(b, a + 6)) if is_quote(toks[k])), None)
    if close is None or close == a + 1 or not all(t.kind in ("word", "latin")
                                                  for t in toks[a + 1:close]):
        return None
    return Found(a + 1, close, "named")


def _sound_masculine_plural(tok: Token) -> bool:
    """«الفلسطينيين», «المسؤولون»: people that take a masculine verb after it, never
    «قالت»."""
    return tok.kind == "word" and tok.stem.endswith(("ين", "ون")) and len(tok.stem) > 4


def _subject_opens_sentence(ctx: Context, cue: Cue, sent_a: int) -> bool:
    """A present-tense verb right after the person that opens its sentence («الكاتب يصف
    الضغوط», «ترامب يهدد الصين»): that person is the subject, what follows the object."""
    i = cue.i
    if cue.kind != "verb" or i - 1 != sent_a:
        return False
    tok, prev = ctx.tokens[i], ctx.tokens[i - 1]
    word = bare(tok)
    if tok.prefix or word[:1] not in "يت" or word.startswith(cue.lemma):
        return False
    ent = ctx.ent_at.get(i - 1)
    return ent is not None and ent.type == "PER" or (
        is_definite(prev) and head_kind(prev) in ("person", "anonymous"))


def _feminine(tok: Token) -> bool:
    """A noun that takes a feminine verb: «الخدمات», «الحكومة» (ة normalises to ه)."""
    return tok.kind == "word" and tok.stem.endswith(("ات", "ه")) and len(tok.stem) > 3 \
        and tok.norm not in HONORIFIC_PRONOUNS and bare(tok) not in CROWDS
    # («وحذر فضيلته»: His Eminence; «وقال مئات المحتجين»: a crowd takes either gender)


def _skip_adjuncts(ctx: Context, k: int, end: int, need: tuple[str, ...]) -> int:
    """Past commas, times and the channel («في مؤتمر صحفي», «خلال كلمة له»); for «أعرب
    عن», «أكد على», past the preposition."""
    toks = ctx.tokens
    while k < end:
        if toks[k].text in _SKIP or ctx.time_at.get(k) is not None \
                or toks[k].norm in ("فيه", "فيها", "فيهم"):
            k += 1  # «تحذر فيها الفلسطينيين»: the relative's pronoun is no content
            continue
        if k + 1 < end and bare(toks[k]) in CHANNEL_PREPOSITIONS:
            channel = next(phrases_at(ctx, "channel", k + 1, end, k + 2), None)
            if channel is not None:
                k = channel[1]
                while k < end and toks[k].kind == "word" and (
                        toks[k].norm in _CHANNEL_TAIL or toks[k].prefix in ("", "ال")
                        and bare(toks[k]).endswith(("ي", "يه"))):
                    k += 1  # «في مؤتمر صحفي مشترك», «خلال كلمة له»: its adjectives too
                continue
            place = ctx.ent_at.get(k + 1)
            if place is not None and place.type == "LOC" and bare(toks[k]) == "في":
                k += 1  # «أكد الوزير في الرياض»: where it was said
                while k < end and ctx.ent_at.get(k) is place:
                    k += 1
                continue
        break
    preps = [w for w in need if w in ("عن", "علي", "الي")]
    for m in range(k, min(end, k + 6)):
        if bare(toks[m]) in preps:
            return m + 1
    return k


def _verbal(ctx: Context, cue: Cue, drafts: list[_Draft],
            history: list[tuple[Cue, Speaker, str]]) -> _Draft | None:
    sent_a, sent_b = ctx.sentence(cue.i)
    j = cue.j
    comp = find_complement(ctx, j, sent_b, cue.lemma)
    found: Found | None = None
    relay_channel: Channel | None = None
    start = j
    if cue.kind == "verb":
        np_a, np_b = subject_np(ctx, j, comp if comp is not None else sent_b)
        relayed = None
        if "عن" in cue.need:  # «نقلت الصحيفة عن مصدر»: the source quoted starts at «عن»
            np_b = next((k for k in range(np_a, np_b) if bare(ctx.tokens[k]) == "عن"), np_b)
            np_b = past_bracket(ctx, np_b, sent_b)  # «نقلت وكالة الأنباء الفلسطينية (وفا) عن»
            if cue.lemma in RELAY_VERBS:  # not «أعرب عن», «عبر عن»: what, not whom
                relayed = relayed_source(ctx, np_b, comp if comp is not None else sent_b)
                if relayed is None and not about_follows(ctx, np_b, sent_b):
                    return None  # «ونقلت الطائرة مقاتلين ...»: carried, not relayed
        # a plural or dual verb does not precede its subject («مسؤولون انتقدوا»): VSO
        # verbs agree in gender only, so a plural ending means the subject came first
        found = classify(ctx, np_a, np_b) if cue.number in ("s", "") else None
        if relayed is not None:
            # the outlet that relays is the channel, the one it quotes the speaker
            relay_channel = find_channel(ctx, np_a, np_b) if np_b > np_a else None
            found, np_b = relayed, relayed.b
        if (cue.i > 0 and ctx.tokens[cue.i - 1].norm in RELATIVES and np_a == j
                and (found is None or found.entity is None)):
            found, np_b = None, np_a  # «الطويل، الذي أبدى إعجابه»: the antecedent speaks
        if np_b > np_a and is_addressee(ctx, cue.lemma, np_a,
                                        found.entity if found is not None else None):
            found, np_b = None, np_a  # «وطالب العالم العربي باتخاذ»: the object
        if found is None and cue.number in ("s", ""):
            if np_b > np_a and name_coref(ctx, np_a, np_a + 1) is not None:
                # «أكد قطان على»: a short name the NER missed, repeating a word of a
                # person named before; the name alone, not the object after it
                found = Found(np_a, np_a + 1, "named")
            elif _plain_subject(ctx, np_a, np_b, comp):
                found = Found(np_a, np_b, "named")  # «وأوضح النفيعي أن», «كشف الطالب»
            elif comp is not None and (quoted := _quoted_name(ctx, np_a, np_b)) is not None:
                found = quoted  # «وقالت "أجوكو"، إن»: a name in quotation marks
        # agreement is with the phrase's head, not the issuer it names («وقال تقرير الوكالة»)
        if (found is not None and found.entity is None and cue.gender == "m"
                and _feminine(ctx.tokens[min(found.a, np_a)])):
            found = None  # «التي وصف فيها الخدمات بـ»: a masculine verb's object, not subject
        if (found is not None and found.entity is None and cue.gender == "f"
                and _sound_masculine_plural(ctx.tokens[min(found.a, np_a)])):
            found = None  # «منشورات تحذر فيها الفلسطينيين»: the object of a feminine verb
        if found is not None and _subject_opens_sentence(ctx, cue, sent_a):
            found, np_b = None, np_a  # «الكاتب يصف الضغوط ...»: SVO, the phrase is the object
        if (found is not None and cue.lemma in ACCUSING and np_b < sent_b
                and ctx.tokens[np_b].prefix[:1] == "ب" and not ctx.tokens[np_a].prefix
                and len({id(e) for k in range(np_a, np_b)
                         if (e := ctx.ent_at.get(k)) is not None}) <= 1):
            # «بعدما اتهمت إسرائيل بالمسؤولية»: one noun phrase and the charge right after
            # it is the accused; the accuser is the earlier subject
            found, np_b = None, np_a
        if found is None and cue.lemma in IMPERSONAL:
            found = issuer(ctx, j, comp if comp is not None else sent_b)
        if found is not None:
            if comp is None:
                found = shrink(ctx, found)
                if found.b < sent_b and found.kind != "entity":
                    found.b = genitive_end(ctx, found.a, found.b, sent_b,
                                           names_only=cue.lemma in LAM_OBJECT)
                elif found.kind == "entity" and found.entity is not None:
                    # «وأكد المتحدث ... العقيد زياد الرقيطي الحادثة»: after the person's
                    # name, a definite noun with no complementiser is the object
                    last = bisect_left(ctx.tokens, found.entity.end, key=_START)
                    if found.entity.type == "PER" and found.a < last < found.b:
                        found.b = last
            start = found.b
        else:
            found = subject_before(ctx, cue.i)
    tail = cue.kind == "verb" and cue.i > sent_a and (
        ctx.tokens[cue.i - 1].norm in TAIL_BEFORE
        or _as_reported(ctx, cue, comp, sent_a, found.b if found is not None else cue.j,
                        sent_b))
    if tail:  # «...، حسبما أفاد تقرير»: what was reported comes before the cue
        ca, cb, direct = _clause_start(ctx, drafts, cue.i), cue.i - 1, False
    elif comp is not None:
        ca, cb, direct = content_range(ctx, comp)
    else:
        ca, cb, direct = content_range(ctx, _skip_adjuncts(ctx, start, sent_b, cue.need))
    ca, cb = trim(ctx, ca, cb)
    if comp is None and not tail and found is not None and cue.i - sent_a >= TAIL_MIN \
            and (cb <= ca or ca > cue.i and _opens_statement(ctx, ca)):
        # «ويدخل الغرب في حالة من القلق تقول صحيفة فاينانشال تايمز، وتضيف ...»: nothing
        # after the verb and its subject, so what was said came before it
        tail = True
        ca, cb = trim(ctx, _clause_start(ctx, drafts, cue.i), cue.i)
    if cb <= ca or (comp is None and not tail and ca > cue.i and _opens_statement(ctx, ca)):
        return None  # (a content that opens with «، ورأى» is that cue's statement)
    if sent_b > sent_a and ca < sent_a:
        return None
    clause = (_clause_start(ctx, drafts, cue.i) if cue.kind == "verb" else cue.i,
              comp if comp is not None else ca)
    speaker = _speaker(ctx, found, cue, history)
    d = _Draft(cue, (ca, cb), clause, direct, speaker)
    if relay_channel is not None and relay_channel.type != lexicon.NO_CHANNEL:
        d.channel = relay_channel
    d.extra["explicit"] = found is not None and found.kind in ("entity", "anonymous", "named")
    if cue.kind in ("participle", "masdar"):
        # the channel of the statement this participle continues («قال في بيان ...، مضيفا»)
        sent = ctx.sent_of[cue.i]
        for x in reversed(drafts):
            if ctx.sent_of[x.cue.i] == sent and x.content[1] <= cue.i + 1:
                if x.channel is not None:
                    d.channel = x.channel
                break
            if x.cue.i < sent_a:
                break
    return d


#: verbs of judging: a statement word right after their participle is what they judge
#: («واصفا بيان المسؤولين»), not the channel (after a verb it is the subject: «ووصف البيان»)
JUDGING = frozenset({"وصف", "انتقد", "رحب", "ادان", "استنكر", "ندد", "رفض", "ثمن", "اشاد"})
#: verbs whose object comes with the charge in «بـ» («اتهمه بالخيانة»)
ACCUSING = frozenset({"اتهم"})
#: words before a verb cue with nothing after its subject for it to be a source tail
TAIL_MIN = 4
#: words a source set off by commas mid-sentence may have («، بحسب المنتدى،»)
ASIDE_MAX = 6
ASIDE_CUES = frozenset({"بحسب", "حسب"})
#: connectives that may open a sentence before its nominal cue («لكن حسب المجلة، فإن»)
LEAD_CONNECTIVES = frozenset({"لكن", "اما", "ثم"})


def _nominal(ctx: Context, cue: Cue, drafts: list[_Draft],
             history: list[tuple[Cue, Speaker, str]]) -> _Draft | None:
    toks = ctx.tokens
    sent_a, sent_b = ctx.sentence(cue.i)
    j = cue.j
    if j < sent_b and bare(toks[j]) in ("لما", "ما", "مما"):
        j = min(j + 2, sent_b)  # «وفقا لما نقلته وكالة ...»: the source follows the verb
        while j < sent_b and (bare(toks[j]) in ("ايضا", "كذلك") or toks[j].text in _SKIP
                              or ctx.time_at.get(j) is not None):
            j += 1  # «وفق ما أعلنت أيضا الرئاسة», «بحسب ما قال الأربعاء مسؤول»
    np_a, np_b = subject_np(ctx, j, sent_b, genitive=True)
    found = classify(ctx, np_a, np_b)
    channel = find_channel(ctx, np_a, np_b)
    lead = all(t.kind == "punct" or t.norm in ("و", "ف") or bare(t) in LEAD_CONNECTIVES
               for t in toks[sent_a:cue.i])
    closed = np_b < sent_b and (toks[np_b].text in (",", "،") or bare(toks[np_b]) == "ان")
    # «وهو ما يمثل، بحسب المنتدى، عشرة أضعاف»: a source set off by commas mid-sentence
    # (only «بحسب/حسب»: «، وفق القانون،» names a rule, not a source)
    aside = cue.lemma in ASIDE_CUES and closed and not lead and toks[cue.i - 1].text in (",", "،") \
        and toks[np_b].text in (",", "،") and np_b - np_a <= ASIDE_MAX and np_b + 1 < sent_b
    if found is None and (np_b <= np_a or channel is None and not (lead and closed)
                          and not aside):
        return None  # «وفق القانون»: no source named, so no attribution
    if found is None:  # «وحسب معلومات "الاقتصادية"»: a source, but no noun that points back
        found = Found(np_a, np_b, "nominal" if head_kind(toks[np_a]) else "named")
    speaker = _speaker(ctx, found, cue, history)
    # inside a verb's speaker region: «وقال الناطق، حسب وكالة الصحافة الفرنسية، إنه»
    for d in reversed(drafts):
        if d.cue.i < cue.i < d.content[0] and ctx.sent_of[d.cue.i] == ctx.sent_of[cue.i]:
            nd = _Draft(cue, d.content, (cue.i, np_b), d.direct, speaker, channel=channel)
            d.parent = nd
            if d.channel is None and channel is not None and channel.type == "agency":
                d.channel = channel
            return nd
    if lead:
        ca, cb, direct = content_range(ctx, _skip_adjuncts(ctx, np_b, sent_b, ()))
    elif aside and sent_b - np_b > cue.i - sent_a:
        ca, cb, direct = np_b + 1, sent_b, False  # the claim goes on after the aside
    else:
        ca, cb, direct = sent_a, cue.i, False
    ca, cb = trim(ctx, ca, cb)
    if cb <= ca:
        return None
    d = _Draft(cue, (ca, cb), (cue.i, np_b), direct, speaker, channel=channel)
    for other in drafts:  # statements inside the reported content now hang from this one
        if ca <= other.cue.i < cb and other.parent is None:
            other.parent = d
    return d


def _finish(ctx: Context, drafts: list[_Draft]) -> list[Attribution]:
    drafts.sort(key=lambda d: d.cue.start)
    ids = {id(d): f"a{n}" for n, d in enumerate(drafts, 1)}
    text = ctx.doc.text
    out = []
    for d in drafts:
        cs, ce = ctx.chars(*d.content)
        a, b = d.clause
        channel = d.channel or (find_channel(ctx, a, b) if b > a else None)
        if (channel is not None and channel is not d.channel and d.cue.kind == "participle"
                and d.cue.lemma in JUDGING and d.cue.j < len(ctx.tokens)
                and ctx.tokens[d.cue.j].start == channel.start):
            channel = None  # «واصفا بيان المسؤولين بأنه»: the statement judged, not the channel
        if channel is None:
            channel = tail_channel(ctx, d) or came_in_channel(ctx, d)
        if channel is None and d.speaker is not None and d.cue.kind == "verb":
            channel = speaker_channel(ctx, d)
        if channel is None and out and d.cue.lemma in GOES_ON:
            channel = same_statement_channel(ctx, out[-1], d)
        if channel is None and d.cue.kind == "participle":
            # «ورحب الوزير في تغريدة على تويتر بالجهود، مؤكدا أن»: the sentence's channel
            start = ctx.sentence(d.cue.i)[0]
            channel = find_channel(ctx, start, d.cue.i) if d.cue.i > start else None
        if channel is not None and channel.type == "agency" \
                and not news_agency(d.speaker, channel):
            channel = None  # «وقالت وكالة الطاقة الدولية»: the agency speaks, it relays nothing
        modality = find_modality(ctx, d.cue, d.clause, d.content)
        out.append(Attribution(
            id=ids[id(d)],
            cue=Span(d.cue.start, d.cue.end, text[d.cue.start:d.cue.end]),
            content=Span(cs, ce, text[cs:ce]),
            speaker=d.speaker,
            direct=d.direct,
            modality=modality,
            channel=channel,
            evidence=find_evidence(ctx, d.clause, d.content),
            time=find_time(ctx, a, b) if b > a else None,
            parent=ids.get(id(d.parent)) if d.parent is not None else None,
        ))
    return out
