"""Who is speaking: the subject after a verb-first cue, a subject before the cue,
an anonymous source, a nominal that points back («الوزارة»), or the implied speaker
of a pro-drop verb or participle, chosen by agreement with earlier speakers."""

from __future__ import annotations

from rawi.attribution.context import Context
from rawi.attribution.cues import Cue, bare, is_comp, is_quote
from rawi.attribution.phrase import (
    HONORIFIC_PRONOUNS,
    REPORT_NOUNS,
    Found,
    first_token_of,
    head_kind,
    is_definite,
    lam,
    name_at,
)
from rawi.attribution.speaker_actor import composed_at, role_holder_at
from rawi.model import Entity, Speaker, Token
from rawi.ner.stage import name_start

AUX = frozenset({"قد", "كان", "كانت", "وكان", "وكانت", "ثم", "لقد", "فقد", "وقد", "كانوا"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
#: counts that open a phrase naming an unnamed crowd («عشرات آلاف الأتراك», «مئات المحتجين»)
CROWDS = frozenset({"عشرات", "ميات", "الاف", "الالاف", "ملايين"})  # normalised: «مئات»
#: relatives whose antecedent is always people («الناخبين الذين يقولون»)
HUMAN_RELATIVES = frozenset({"الذين"})
#: words that open a relative or negated clause: no subject lies before them
CLAUSE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "ما", "مما", "لم", "لن",
                          "لا", "من",
                          # «لكنه قال», «كما أشار», «حيث قال»: the same speaker goes on
                          "لكنه", "لكنها", "ولكنه", "ولكنها", "كما", "حيث"})
#: honorifics, quantifiers and abbreviated titles («د.», «م.») before the head of a subject
HONORIFICS = frozenset({"معالي", "سعاده", "فضيله", "سمو", "صاحب", "بعض", "احد", "احدي", "كبير",
                        "كبار", "د", "م", "."})
#: cues whose form does not agree with the source: «وجاء في بيان» (it came in a statement)
IMPERSONAL = frozenset({"جاء"})
#: words inside many names: never a short form of one person's name alone
NAME_PARTICLES = frozenset({"بن", "ابن", "ابو", "ابي", "عبد", "ال", "بنت", "ولد", "الدين"})
SELF = frozenset({"نفسه", "ذاته", "نفسها", "ذاتها"})


def classify(ctx: Context, a: int, b: int) -> Found | None:
    """What the noun phrase ``[a, b)`` says about the speaker, or None if it is no subject."""
    toks = ctx.tokens
    while a + 1 < b and bare(toks[a]) in HONORIFICS:
        a += 1  # «معالي الأمين العام», «بعض التقارير»
    if a >= b:
        return None
    head = head_kind(toks[a])
    if head is None and toks[a].stem in REPORT_NOUNS:
        head = "report"  # «تقرير لمجلة ...»: its issuer speaks, if it names one
    ents = []
    for k in range(a, b):
        e = ctx.ent_at.get(k)
        if e is not None and e not in ents:
            ents.append(e)
    if head == "anonymous" and (ctx.ent_at.get(a) is None or " " not in ctx.ent_at[a].text):
        if a + 1 < b and bare(toks[a + 1]) in SELF:
            return Found(a, a + 2, "nominal")  # «المصدر نفسه»: the last speaker again
        return Found(a, b, "anonymous")
    if a + 2 < b and bare(toks[a]) == "كل" and toks[a + 1].norm == "من" \
            and not any(t.text in (",", "،") for t in toks[a:b]):
        return Found(a, b, "named")  # «كل من صالح باهبري وعمر صالح»: all of them
    if a + 1 < b and bare(toks[a]) in CROWDS:
        return Found(a, b, "anonymous")  # «عشرات آلاف الأتراك»: a crowd, unnamed
    first = name_at(ctx, a)
    if first is None and ctx.ent_at.get(a) is not None:
        ents = [e for e in ents if e is not ctx.ent_at.get(a)]
    if first is not None:  # the phrase opens with a name: that is the subject
        return Found(a, b, "entity", first, first.actor)
    people = [e for e in ents if e.type == "PER"]
    orgs = [e for e in ents if e.type in ("ORG", "LOC", "MISC")]
    if head == "body" and people and not orgs:
        return Found(a, b, "named")  # «أسرة أبو الفتوح»: not the person
    if people:
        e = people[0]
        return Found(a, b, "entity", e, e.actor)
    if head == "body" and _quoted_name(ctx, a, b):
        inner = ctx.ent_at.get(a + 2) if a + 2 < b else None
        if inner is not None and inner in orgs and inner.actor is not None:
            return Found(a, b, "entity", inner, inner.actor)  # «حركة "حماس"»: Hamas
        return Found(a, b, "named")  # «صحيفة "سبق" السعودية»: the quoted name is the source
    f = first_token_of(ctx, a, orgs[0]) if orgs else b  # where the first organisation starts
    if (head != "person" and orgs and is_definite(toks[a]) and f > a
            and (head is None or f == a + 1)):
        # «وتتهم الدعوى قطر بـ», «وتتهم السلطات إيران»: a definite noun is no construct,
        # so the name right after it is the verb's object, not the speaker
        orgs = []
    if head == "body" and orgs and orgs[0].type == "LOC" and f > a + 1:
        orgs = []  # «المديرية العامة ... بمنطقة حائل»: where the body is, not who speaks
    if head == "person" and orgs and is_definite(toks[a]) and f > a and is_definite(toks[f - 1]) \
            and toks[f].prefix == "" and not is_definite(toks[f]):
        return Found(a, f, "nominal")  # «واتهم القائد العسكري تركيا بـ»: the object
    if head == "person" and orgs and role_holder_at(ctx, a) is not None:
        return Found(a, b, "nominal")  # «الأمين العام للأمم المتحدة»: the holder, not the UN
    if head == "person" and orgs and any(bare(toks[k]) == "باسم" for k in range(a + 1, f)):
        e = orgs[0]  # «المتحدث الرسمي باسم وزارة الخارجية السودانية»: speaks for it
        return Found(a, b, "entity", e, e.actor)
    if orgs and (head in ("body", "document", "report") or a + 3 > f):
        if head == "person" and orgs[0].type == "LOC":
            return Found(a, b, "nominal")  # «وزير خارجية ألمانيا»: a person, not the country
        if orgs[0].type == "LOC" and f > a and composed_at(ctx, a) is not None:
            return Found(a, b, "named")  # «شرطة نوتنغهام»: the city's police, not the city
        e = orgs[0]
        return Found(a, b, "entity", e, e.actor)
    if head in ("document", "report"):
        for k in range(a + 1, b):  # «بيان للوزارة», «البيان الصادر عن المتحدث»: its issuer
            if head_kind(toks[k]) in ("body", "person"):
                return Found(k, b, "nominal")
    if head == "body" and (_quoted_name(ctx, a, b) or not is_definite(toks[a])):
        return Found(a, b, "named")  # «مجموعة "الفريق العامل"», «وزارة الداخلية»: a name
    if head in ("person", "body", "document"):
        return Found(a, b, "nominal")
    return None


def issuer(ctx: Context, j: int, stop: int) -> Found | None:
    """«وجاء في بيان لوزارة الخارجية / صادر عن الوزارة أن»: the body or person that issued
    the statement, named right after the statement word (not a name further on: «في بيان
    حصلت وكالة رويترز عليه» is no statement of Reuters)."""
    toks = ctx.tokens
    if j + 2 >= stop or bare(toks[j]) != "في" or head_kind(toks[j + 1]) != "document":
        return None
    k = j + 2
    if bare(toks[k]) in ("صادر", "الصادر") and k + 2 < stop and bare(toks[k + 1]) == "عن":
        k += 2
    e = ctx.ent_at.get(k)
    if e is not None and e.type in ("PER", "ORG"):
        b = k
        while b < stop and ctx.ent_at.get(b) is e:
            b += 1
        return Found(k, b, "entity", e, e.actor)
    return None


def _quoted_name(ctx: Context, a: int, b: int) -> bool:
    return a + 1 < b and is_quote(ctx.tokens[a + 1])


def subject_before(ctx: Context, i: int) -> Found | None:
    """A subject written before the cue (SVO: «مصادر أمنية رجحت», «وكان بنس قد قال»,
    and the antecedent of a relative: «العطيشان الذي شدد»)."""
    toks = ctx.tokens
    lo = ctx.sentence(i)[0]
    k = i - 1
    while k >= lo and toks[k].norm in AUX:
        k -= 1
    if k > lo and toks[k].norm in RELATIVES:
        k -= 1
        while k >= lo and toks[k].text in (",", "،"):
            k -= 1
        e = ctx.ent_at.get(k) if k >= lo else None
        if e is not None and e.type in ("PER", "ORG"):
            return Found(k, k + 1, "entity", e, e.actor)
        kind = head_kind(toks[k]) if k >= lo and toks[k].kind == "word" else None
        if kind is not None:  # «صدمة الناشطين، الذين اعتبروا»: the antecedent noun
            return Found(k, k + 1, "anonymous" if kind == "anonymous" else "nominal")
        if k >= lo and toks[k].kind == "word" and toks[k + 1].norm in HUMAN_RELATIVES \
                and toks[k].norm.endswith(("ين", "ون")):
            return Found(k, k + 1, "named")  # «الناخبين الذين يقولون»: people, unnamed
        return None
    if k < lo or toks[k].norm in CLAUSE_WORDS:
        return None
    cue = ctx.cue_at.get(i)
    if k == i - 1 and cue is not None and cue.start > toks[i].start and toks[k].kind == "word":
        return None  # «تقدمت القوات في الجنوب وأضاف»: a و-verb goes on with the last speaker
    # «، بسام راضي، قال»; but «، جمال خاشقجي، وكشف» goes on with the earlier subject
    appositive = _appositive_before(ctx, lo, k) if toks[i].norm[:1] not in "وف" else None
    if appositive is not None:
        return appositive
    if ctx.ent_at.get(k) is not None:
        e = ctx.ent_at.get(k)
        a = k
        while a - 1 >= lo and ctx.ent_at.get(a - 1) is e:
            a -= 1
        if a - 1 >= lo and head_kind(toks[a - 1]) == "body":
            return Found(a - 1, k + 1, "entity")  # «أسرة أبو الفتوح نفت»
        if e.type == "PER" and _title_before(ctx, lo, a):
            return Found(a, k + 1, "entity", e, e.actor)  # «لكن وزير الخزانة X قال»
        if a - 1 >= lo and (toks[a - 1].kind == "word" and toks[a - 1].norm not in AUX
                            and bare(toks[a - 1]) not in ("ان", "لكن", "ثم", "اما")
                            and not is_comp(toks[a - 1]) and ctx.ent_at.get(a - 1) is None
                            and head_kind(toks[a - 1]) is None):
            # «مصادر أمنية سورية قالت»: a country spelt like the nisba ends an anonymous
            # source; else the entity is an object or a genitive («خطابه لكوريا»)
            return _anonymous_before(ctx, lo, a, k)
        return Found(a, k + 1, "entity", e, e.actor)
    if k == lo == i - 1 and not toks[k].prefix and name_coref(ctx, k, k + 1) is not None:
        return Found(k, k + 1, "named")  # «سلمى أكدت أن» after «الفنانة سلمى أبو زيد»
    cue_here = ctx.cue_at.get(i)
    if (cue_here is not None and cue_here.number == "p" and k == i - 1
            and is_definite(toks[k]) and bare(toks[k]).endswith(("يون", "يين"))
            and not (k > lo and is_definite(toks[k - 1]))):  # («المسؤولين الإسرائيليين»)
        return Found(k, k + 1, "named")  # «الإيرانيون يقولون»: a people by its nisba
    # an anonymous or nominal head among the last few words: «ولكن مصدرين أمنيين قالا»
    for h in range(k, max(lo - 1, k - 4), -1):
        t = toks[h]
        if t.kind != "word" or is_comp(t) or t.norm in CLAUSE_WORDS:
            break
        kind = head_kind(t)
        if kind is not None:
            if h - 2 >= lo and bare(toks[h - 1]) == "باسم" and head_kind(toks[h - 2]) == "person":
                return classify(ctx, h - 2, k + 1)  # «المتحدث باسم الحكومة قال»: the spokesman
            return Found(h, k + 1, "anonymous" if kind == "anonymous" else "nominal")
    return None


def _anonymous_before(ctx: Context, lo: int, a: int, k: int) -> Found | None:
    """An anonymous head («مصادر», «وسائل») up to three plain words before token ``a``,
    with only words without clitics in between: the source the words describe."""
    toks = ctx.tokens
    if toks[a].prefix:
        return None
    for h in range(a - 1, max(lo - 1, a - 4), -1):
        t = toks[h]
        if t.kind != "word" or ctx.ent_at.get(h) is not None:
            return None
        if head_kind(t) == "anonymous":
            return Found(h, k + 1, "anonymous")
        if t.prefix:
            return None
    return None


def _appositive_before(ctx: Context, lo: int, k: int) -> Found | None:
    """«المتحدث باسم الرئاسة، بسام راضي، قال»: a person's name set off by commas right
    before the verb is its subject (the title before it is the name's apposition)."""
    toks = ctx.tokens
    if k - 2 < lo or toks[k].text not in (",", "،"):
        return None
    e = ctx.ent_at.get(k - 1)
    if e is None or e.type != "PER":
        return None
    a = k - 1
    while a - 1 >= lo and ctx.ent_at.get(a - 1) is e:
        a -= 1
    if a - 1 < lo or (toks[a - 1].text not in (",", "،") and not _title_before(ctx, lo, a)):
        return None  # «والفيلسوف اليوناني أرسطو، أكد»: a title before the name also sets it off
    return Found(a, k, "entity", e, e.actor)


def _title_before(ctx: Context, lo: int, a: int) -> bool:
    """A person's title runs up to the name at token ``a`` («وزير الخزانة الأمريكي»):
    a person noun within four words before it, with only words in between."""
    toks = ctx.tokens
    for h in range(a - 1, max(lo, a - 5) - 1, -1):
        t = toks[h]
        if t.kind != "word" or is_comp(t) or ctx.ent_at.get(h) is not None:
            return False
        if head_kind(t) == "person":
            return True
    return False


def name_coref(ctx: Context, a: int, b: int) -> Entity | None:
    """A short name the NER missed («وقال تشوي») that repeats a word of a person named
    before («تشوي سون-هوي»): that person."""
    if b - a > 2 or ctx.tokens[a].kind != "word" or head_kind(ctx.tokens[a]) is not None:
        return None
    word = bare(ctx.tokens[a])
    if len(word) < 3 or word in NAME_PARTICLES or word not in _person_words(ctx):
        return None  # «بن», «أبو»: part of many names
    start = ctx.tokens[a].start
    for ent in reversed(ctx.doc.entities):
        if ent.end <= start and ent.type == "PER" and word in _stems(ent):
            return ent
    return None


def speaker_of(found: Found, ctx: Context) -> Speaker:
    a, b = found.a, found.b
    if found.kind == "named" and found.entity is None:
        ent = name_coref(ctx, a, b)
        if ent is not None:
            s, e = ctx.chars(a, b)
            return Speaker(s, e, ctx.doc.text[s:e], actor=ent.actor, entity=ent.id)
    s, e = ctx.chars(a, b)
    s = _after_preposition(ctx.tokens[a], s)
    head = None
    if found.entity is not None and found.kind == "entity":
        # the name itself when the phrase adds a title: «الرئيس المصري، عبدالفتاح السيسي»
        if found.entity.start > e or found.entity.start >= ctx.tokens[a].end:
            head = ctx.tokens[a]  # «شبكة NBC»: «الشبكة» will point back to it
        s, e = found.entity.start, found.entity.end
    sp = Speaker(s, e, ctx.doc.text[s:e], actor=found.actor,
                 anonymous=found.kind == "anonymous",
                 entity=found.entity.id if found.entity is not None else None)
    if head is not None and head_kind(head) == "body":
        ctx.memo[("head", id(sp))] = head_word(head)
    return sp


def _after_preposition(tok: Token, start: int) -> int:
    """Where a speaker span starts inside its first token: after a glued «لـ/بـ» («وفقا
    لوزارة الصحة», «بيان للوزارة» keeps «للوزارة»: «لل» holds the article)."""
    parts = tok.prefix.split("+")
    if parts[0] == "ب" or parts[0] == "ل" and "ال" not in parts:
        return max(start, name_start(tok))
    return start


def head_word(tok: Token) -> str:
    return tok.stem if tok.stem else bare(tok)


def resolve_nominal(ctx: Context, found: Found, history: list[tuple[Cue, Speaker, str]],
                    before: int) -> Speaker:
    """Give a nominal speaker («الوزارة», «المتحدث», «البيان», «المصدر نفسه») the actor
    it points back to."""
    toks = ctx.tokens
    head = toks[found.a]
    kind = head_kind(head) or "person"
    s, e = ctx.chars(found.a, found.b)
    s = _after_preposition(head, s)
    text = ctx.doc.text[s:e]

    def like(sp: Speaker) -> Speaker:
        return Speaker(s, e, text, actor=sp.actor, anonymous=sp.anonymous, entity=sp.entity)

    if found.b - found.a >= 2 and bare(toks[found.a + 1]) in SELF or kind == "anonymous":
        return like(history[-1][1]) if history else Speaker(s, e, text)
    ent = _named_before(ctx, found.a, found.b)
    if ent is not None:
        return Speaker(s, e, text, actor=ent.actor, entity=ent.id)
    if kind == "document":
        for _, sp, _ in reversed(history):
            if not sp.anonymous:
                return like(sp)
    if kind == "person":
        ent = _title_antecedent(ctx, found.a, found.b)
        if ent is not None:
            return Speaker(s, e, text, actor=ent.actor, entity=ent.id)
        holder = role_holder_at(ctx, found.a)  # «وزير الطاقة السعودي» on the article's date
        if holder is not None:
            return Speaker(s, e, text, actor=holder)
        # a title with its own complement names someone new («المدير الطبي للمستشفى»,
        # «المتحدث باسم الشرطة»); a bare title refers back («الوزير», «المسؤول الأممي»)
        after = min(found.b + 1, len(toks))  # the phrase may stop right before its «لـ»
        named_new = any(lam(ctx, k) or bare(toks[k]) == "باسم" for k in range(found.a + 1, after))
        if not named_new and _indefinite(ctx, found.a, found.b):
            return Speaker(s, e, text, anonymous=True)  # «متحدث أمني»: someone unnamed
        if not named_new:
            for _, sp, _ in reversed(history):
                ent = _entity(ctx, sp.entity)
                if ent is not None and ent.type == "PER":
                    return like(sp)
        if head.norm in HONORIFIC_PRONOUNS or bare(head) in HONORIFIC_PRONOUNS:
            ent = _last_person(ctx, found.a)
            if ent is not None:  # «استقبل الأمير فيصل ... وقال سموه»: the dignitary named last
                return Speaker(s, e, text, actor=ent.actor, entity=ent.id)
    if kind == "body":
        word = head_word(head)
        start = ctx.tokens[before].start
        for ent in reversed(ctx.doc.entities):
            if ent.end <= start and word and word in _stems(ent):
                return Speaker(s, e, text, actor=ent.actor, entity=ent.id)
        for _, sp, _ in reversed(history):
            if word and (word in _stems(sp) or ctx.memo.get(("head", id(sp))) == word):
                return like(sp)  # «الوزارة» after «وزارة الصحة», «الشبكة» after «شبكة NBC»
        from rawi.attribution.speaker_actor import actor_at

        # else what the actors stage resolved the noun to (it knows which types a noun
        # may refer to: «النيابة» is no ministry); no guess from the last organisation
        resolved = actor_at(ctx, found.a)
        if resolved is not None:
            return Speaker(s, e, text, actor=resolved)
    return Speaker(s, e, text)


def _indefinite(ctx: Context, a: int, b: int) -> bool:
    """«متحدث أمني», «مسؤول كبير»: an indefinite title and its adjectives, no construct
    with a definite noun or a name («وزير الخارجية» is definite) and no honorific pronoun."""
    toks = ctx.tokens
    head = toks[a]
    if head.kind != "word" or is_definite(head) or head.norm in HONORIFIC_PRONOUNS \
            or head.suffix:
        return False
    # «وزير خارجية ألمانيا»: a construct with a name is definite too
    return all(toks[k].kind == "word" and not is_definite(toks[k]) and ctx.ent_at.get(k) is None
               for k in range(a + 1, b))


#: honorific pronouns («His Highness»): they refer to the dignitary named last
#: sentences back that an honorific pronoun may reach
HONORIFIC_REACH = 2


def _last_person(ctx: Context, a: int) -> Entity | None:
    """The last linked person named before token ``a``, within two sentences."""
    toks = ctx.tokens
    lo = ctx.sentence(a)[0]
    for _ in range(HONORIFIC_REACH):
        if lo == 0:
            break
        lo = ctx.sentence(lo - 1)[0]
    start, end = toks[lo].start, toks[a].start
    for ent in reversed(ctx.doc.entities):
        if start <= ent.start and ent.end <= end and ent.type == "PER" \
                and ent.actor is not None:
            return ent
    return None


def _named_before(ctx: Context, a: int, b: int) -> Entity | None:
    """«النائب العام» after «النائب العام المصري»: the latest earlier entity with an actor
    whose name holds the nominal's words (two or more) in a row."""
    if b - a < 2:
        return None
    words = [bare(t) for t in ctx.tokens[a:b] if t.kind == "word"]
    if len(words) < 2:
        return None
    start = ctx.tokens[a].start
    n = len(words)
    for ent in reversed(ctx.doc.entities):
        if ent.end > start or ent.actor is None or ent.type == "LOC":
            continue
        names = _words(ctx, ent)
        if any(names[m:m + n] == words for m in range(len(names) - n + 1)):
            return ent
    return None


def _words(ctx: Context, ent: Entity) -> list[str]:
    key = ("words", ent.id)
    got = ctx.memo.get(key)
    if got is None:
        from rawi.text.normalize import normalize

        got = ctx.memo[key] = normalize(ent.text).split()
    return got


def _title_antecedent(ctx: Context, a: int, b: int) -> Entity | None:
    """«وزير خارجية ألمانيا» earlier followed by a name («... فرانك فالتر شتاينماير»): that
    person. The title's first two words must recur; the name must follow within 3 words."""
    toks = ctx.tokens
    words = [bare(t) for t in toks[a : min(b, a + 2)]]
    n = len(words)
    if not n:
        return None  # an empty nominal span: nothing to look back for
    targets = {toks[a].norm, words[0], "و" + words[0], "ف" + words[0]}
    for m in range(a - n, -1, -1):
        if toks[m].norm not in targets:
            continue
        if [bare(t) for t in toks[m : m + n]] != words:
            continue
        for k in range(m + n, min(len(toks), m + n + 4)):
            ent = ctx.ent_at.get(k)
            if ent is not None and ent.type == "PER":
                return ent
    return None


_STEMS: dict[str, frozenset[str]] = {}


def _stems(span: Entity | Speaker) -> frozenset[str]:
    """The words of a name with and without ال (cached per surface text)."""
    got = _STEMS.get(span.text)
    if got is None:
        from rawi.text.normalize import normalize

        words = normalize(span.text).split()
        got = frozenset({w[2:] if w.startswith("ال") else w for w in words} | set(words))
        if len(_STEMS) < 100_000:
            _STEMS[span.text] = got
    return got


def _person_words(ctx: Context) -> frozenset[str]:
    """Every word of every person named in the document (a quick «not a name» test)."""
    got = ctx.memo.get("person-words")
    if got is None:
        got = ctx.memo["person-words"] = frozenset().union(
            *(_stems(e) for e in ctx.doc.entities if e.type == "PER"))
    return got


def _entity(ctx: Context, eid: str | None) -> Entity | None:
    if eid is None:
        return None
    for e in ctx.doc.entities:
        if e.id == eid:
            return e
    return None
