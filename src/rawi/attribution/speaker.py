"""Who is speaking: the subject after a verb-first cue, a subject before the cue,
an anonymous source, a nominal that points back («الوزارة»), or the implied speaker
of a pro-drop verb or participle, chosen by agreement with earlier speakers."""

from __future__ import annotations

from dataclasses import dataclass

from rawi.attribution import lexicon
from rawi.attribution.context import Context
from rawi.attribution.cues import Cue, bare, is_comp, is_quote
from rawi.model import Actor, Entity, Speaker, Token

#: words that end a subject noun phrase (adjuncts start): prepositions and the like
STOP_WORDS = frozenset({"في", "خلال", "امام", "عبر", "اثناء", "لدي", "بعد", "قبل", "علي",
                        "الي", "حول", "مع", "منذ", "عقب", "ضمن", "اليوم", "امس", "حيث",
                        "الذي", "التي", "الذين", "بينما", "فيما", "وفي", "كما", "ايضا",
                        "حين", "عندما", "بالقول", "قائلا", "قايلا", "التابع",
                        "التابعه", "التابعين", "التابعتين"})
#: words that, right after the cue, show there is no subject («وأعرب عن ...»)
NP_INITIAL_STOP = STOP_WORDS | {"عن"}
AUX = frozenset({"قد", "كان", "كانت", "وكان", "وكانت", "ثم", "لقد", "فقد", "وقد", "كانوا"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
#: words that open a relative or negated clause: no subject lies before them
CLAUSE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "ما", "مما", "لم", "لن",
                          "لا", "من"})
#: honorifics and quantifiers before the head of a subject
HONORIFICS = frozenset({"معالي", "سعاده", "فضيله", "سمو", "صاحب", "بعض", "احد", "احدي", "كبير",
                        "كبار"})
#: cues whose form does not agree with the source: «وجاء في بيان» (it came in a statement)
IMPERSONAL = frozenset({"جاء"})
#: words inside many names: never a short form of one person's name alone
NAME_PARTICLES = frozenset({"بن", "ابن", "ابو", "ابي", "عبد", "ال", "بنت", "ولد", "الدين"})
SELF = frozenset({"نفسه", "ذاته", "نفسها", "ذاتها"})
MAX_NP = 14


@dataclass
class Found:
    """A speaker candidate: token range, entity, actor and what kind of mention it is."""

    a: int
    b: int
    kind: str  # entity | anonymous | nominal | implied
    entity: Entity | None = None
    actor: Actor | None = None
    gender: str = ""


def _is_person_entity(e: Entity | None) -> bool:
    return e is not None and e.type == "PER"


_HEADS: dict[str, str | None] = {}


def head_kind(tok: Token) -> str | None:
    """anonymous | person | body | document for a subject's first word, else None
    (cached per form: it depends on the form's letters and clitics only)."""
    if tok.norm in _HEADS:
        return _HEADS[tok.norm]
    kind = _HEADS[tok.norm] = _head_kind_of(tok)
    return kind


def _head_kind_of(tok: Token) -> str | None:
    b = bare(tok)
    stem = tok.stem
    definite = "ال" in tok.prefix.split("+") or b.startswith("ال")
    anon = lexicon.anonymous_nouns()
    noms = lexicon.speaker_nominals()
    forms = [b, stem, b[2:] if b.startswith("ال") else b]
    forms += [w[:-1] for w in forms if w.endswith("ه") and len(w) > 3]  # الوزيرة -> وزير
    for w in forms:
        # «مسؤول» is anonymous, «المسؤول» points back to a person named before
        if w in noms and (definite or w not in anon):
            return noms[w]
        if w in anon:
            return "anonymous"
    return None


def subject_np(ctx: Context, j: int, stop: int, genitive: bool = False) -> tuple[int, int]:
    """Token range of the noun phrase that starts at ``j`` (appositions across commas
    when the next word is a name), ending before an adjunct, a time or ``stop``."""
    toks = ctx.tokens
    limit = min(stop, j + MAX_NP, ctx.sentence(j)[1] if j < len(toks) else j)
    named = ""  # the type of the last name in the phrase
    if not genitive:  # after a nominal cue («وفقا للمرصد») the «لـ» name is the source
        j = k = _past_addressee(ctx, j, limit)
    k = j
    if not genitive and j + 1 < limit and toks[j].norm in ("فيه", "فيها"):
        j = k = j + 1  # «في الوقت الذي أعلنت فيه القوات»: the relative's pronoun, then the subject
    if j < limit and (toks[j].norm in NP_INITIAL_STOP or bare(toks[j]) in NP_INITIAL_STOP):
        return j, j  # «وأعرب عن ...»: no subject after the cue
    while k < limit:
        t = toks[k]
        if k > j and not genitive and _lam(ctx, k):
            after = genitive_end(ctx, j, k, limit)
            if after == k:
                break  # «قال الوزير لرويترز»: whom it was said to, not the speaker
            k = after
            continue
        ent = _name_at(ctx, k)
        if ent is not None:
            while k < limit and ctx.ent_at.get(k) is ent:
                k += 1
            named = ent.type
            continue
        if named and t.kind == "word" and t.prefix != "ال" and bare(t) != "باسم":
            break  # after the name only definite words go on: «خالد مجاهد المتحدث باسم»
        if (named and named != "PER" and t.kind == "word" and not bare(t).endswith(_NISBA)
                and head_kind(t) != "person" and not _person_within(ctx, k + 1, limit)):
            # after an organisation only its adjectives: «أعلن الجيش السوري السيطرة»
            # (a title and a name go on: «مدير شرطة جازان اللواء ناصر الدويسي»)
            break
        if t.text in (",", "،"):
            # apposition: «ولي العهد السعودي، الأمير محمد بن سلمان،» (a name within 2 words)
            if any(ctx.ent_at.get(m) is not None and ctx.time_at.get(m) is None
                   for m in (k + 1, k + 2) if m < limit):
                k += 1
                continue
            break
        if is_quote(t):
            k += 1  # a quoted name inside the phrase: «مجموعة "الفريق العامل"»
            continue
        if t.kind != "word" and t.kind != "latin" and t.kind != "number":
            break
        if ctx.time_at.get(k) is not None or k in ctx.cue_at or is_comp(t):
            break
        if k > j and (t.norm in STOP_WORDS or bare(t) in STOP_WORDS):
            if bare(t) in TITLE_PREPOSITIONS and _name_after_title(ctx, k + 1, limit):
                k += 1  # «المبعوث الأممي إلى اليمن مارتن غريفيث»: the title, then the name
                continue
            break
        k += 1
    while k > j and is_quote(toks[k - 1]) and not _inside_quote(ctx, j, k - 1):
        k -= 1
    return j, k


#: nouns of media: a «لـ» phrase with one is whom it was said to («لوكالة», «لصحيفة»)
MEDIA_NOUNS = frozenset({"وكاله", "صحيفه", "قناه", "موقع", "اذاعه", "تلفزيون", "شبكه",
                         "مجله", "برنامج", "جريده", "مراسل", "مراسلي", "صحفيين", "صحافيين"})


def _media(ent: Entity | None) -> bool:
    return ent is not None and ent.actor is not None and ent.actor.type in ("media", "platform")


def _lam(ctx: Context, k: int) -> bool:
    """Token ``k`` opens with the preposition «لـ»: split off by the text layer, or glued
    to a name the text layer left whole («لبي بي سي»: the entity starts after the ل)."""
    t = ctx.tokens[k]
    if t.prefix.split("+")[0] in ("ل", "لل") or t.norm == "ل":
        return True
    ent = ctx.ent_at.get(k) if t.norm[:1] == "ل" else None
    return ent is not None and ent.start > t.start


def _past_addressee(ctx: Context, j: int, limit: int) -> int:
    """Past whom it was said to, right after the verb: «كشف لـ"عكاظ" مدير الجوازات»,
    «وقال لرويترز مسؤول أمريكي» (a «لـ» name, quoted or an entity, then the subject)."""
    toks = ctx.tokens
    if j >= limit:
        return j
    t = toks[j]
    if t.norm == "لـ" or t.text == "لـ":
        k = j + 1
    elif t.prefix.split("+")[0] in ("ل", "لل") and ctx.ent_at.get(j) is not None:
        k = j
    else:
        return j
    if k < limit and is_quote(toks[k]):
        q = k + 1
        while q < limit and not is_quote(toks[q]) and q - k <= 4:
            q += 1
        return q + 1 if q < limit and is_quote(toks[q]) else j
    ent = ctx.ent_at.get(k)
    if ent is None or ent.type == "PER":
        return j
    while k < limit and ctx.ent_at.get(k) is ent:
        k += 1
    return k if k < limit and toks[k].kind == "word" else j


#: prepositions inside a title before the person's name («المبعوث إلى», «السفير لدى»)
TITLE_PREPOSITIONS = frozenset({"الي", "لدي", "في"})


def _name_after_title(ctx: Context, k: int, limit: int) -> bool:
    """A person's name starts within four words after token ``k``, with only names and
    definite words before it: the rest of a title."""
    toks = ctx.tokens
    for m in range(k, min(limit, k + 4)):
        e = ctx.ent_at.get(m)
        if _is_person_entity(e):
            return m > k
        if toks[m].kind != "word" or (e is None and not _definite(toks[m])):
            return False
    return False


def _person_within(ctx: Context, k: int, limit: int) -> bool:
    """A person's name starts at token ``k`` or the one after it."""
    return any(_is_person_entity(ctx.ent_at.get(m)) for m in (k, k + 1) if m < limit)


def genitive_end(ctx: Context, a: int, k: int, limit: int, names_only: bool = False) -> int:
    """Past a «لـ» genitive that belongs to the institution heading the phrase at ``a``
    («المديرية العامة للشؤون الصحية», «المتحدث الرسمي لهيئة الهلال الأحمر»): a definite
    noun or a body's name after an institution, an organisation's name after a title.
    ``k`` when token ``k`` starts no such genitive («قال الوزير للصحفيين»). With
    ``names_only``, only a genitive that holds a name («لمحافظة الأنبار»): after «دعت
    الحكومة» a plain «للحوار» is what was called for."""
    if k >= limit or not _lam(ctx, k):
        return k
    toks = ctx.tokens
    head = head_kind(toks[a])
    t = toks[k]
    ent = ctx.ent_at.get(k)
    after = ctx.ent_at.get(k + 1) if k + 1 < limit else None
    if _media(ent) or _media(after) or t.stem in MEDIA_NOUNS:
        return k  # «قال الوزير لرويترز / لوكالة الأنباء / لصحيفة»: told to the media
    named = ent is not None and ent.type == "ORG"
    construct = ent is None and k + 1 < limit and ctx.ent_at.get(k + 1) is not None
    if head == "body":  # «للشؤون الصحية», «لهيئة», «لمحافظة الأنبار», «للحرس الثوري»
        ok = named or construct or not names_only and (
            t.norm.startswith("لل") or head_kind(t) == "body")
    elif head == "person":
        ok = named or head_kind(t) == "body"
    else:
        ok = False
    if not ok:
        return k
    k += 1
    if ent is None and k < limit:  # the construct's second word: «لمحافظة الأنبار»
        ent = ctx.ent_at.get(k)
        if ent is None and toks[k].kind == "word" and _definite(toks[k]) \
                and not t.norm.startswith("لل"):
            k += 1  # «لهيئة الهلال»
    while k < limit and ((ent is not None and ctx.ent_at.get(k) is ent) or (
            toks[k].kind == "word" and _definite(toks[k]) and k not in ctx.cue_at
            and bare(toks[k]).endswith(_NISBA))):
        k += 1  # the name's words and adjectives: «للجيش السوري», «للشؤون الصحية»
    return k


_NISBA = ("ي", "يه", "يين", "يون", "يان")


def _name_at(ctx: Context, k: int) -> Entity | None:
    """The entity at token ``k``, unless it is one word the lexicons know as a common
    noun (an NER slip such as «بيان» or «مصادر» tagged as a name)."""
    e = ctx.ent_at.get(k)
    if e is not None and " " not in e.text.strip() and head_kind(ctx.tokens[k]) is not None:
        return None
    return e


def _inside_quote(ctx: Context, a: int, q: int) -> bool:
    return sum(1 for t in ctx.tokens[a:q] if is_quote(t)) % 2 == 1


def classify(ctx: Context, a: int, b: int) -> Found | None:
    """What the noun phrase ``[a, b)`` says about the speaker, or None if it is no subject."""
    toks = ctx.tokens
    while a + 1 < b and bare(toks[a]) in HONORIFICS:
        a += 1  # «معالي الأمين العام», «بعض التقارير»
    if a >= b:
        return None
    head = head_kind(toks[a])
    ents = []
    for k in range(a, b):
        e = ctx.ent_at.get(k)
        if e is not None and e not in ents:
            ents.append(e)
    if head == "anonymous" and (ctx.ent_at.get(a) is None or " " not in ctx.ent_at[a].text):
        if a + 1 < b and bare(toks[a + 1]) in SELF:
            return Found(a, a + 2, "nominal")  # «المصدر نفسه»: the last speaker again
        return Found(a, b, "anonymous")
    first = _name_at(ctx, a)
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
    if (head != "person" and orgs and _definite(toks[a])
            and (head is None or _first(ctx, a, orgs[0]) == a + 1)
            and _first(ctx, a, orgs[0]) > a):
        # «وتتهم الدعوى قطر بـ», «وتتهم السلطات إيران»: a definite noun is no construct,
        # so the name right after it is the verb's object, not the speaker
        orgs = []
    if head == "body" and orgs and orgs[0].type == "LOC" and _first(ctx, a, orgs[0]) > a + 1:
        orgs = []  # «المديرية العامة ... بمنطقة حائل»: where the body is, not who speaks
    if head == "person" and orgs and _definite(toks[a]):
        f = _first(ctx, a, orgs[0])
        if f > a and _definite(toks[f - 1]) and toks[f].prefix == "" and not _definite(toks[f]):
            return Found(a, f, "nominal")  # «واتهم القائد العسكري تركيا بـ»: the object
    if head == "person" and orgs and _role_holder(ctx, a) is not None:
        return Found(a, b, "nominal")  # «الأمين العام للأمم المتحدة»: the holder, not the UN
    if orgs and (head in ("body", "document") or a + 3 > _first(ctx, a, orgs[0])):
        if head == "person" and orgs[0].type == "LOC":
            return Found(a, b, "nominal")  # «وزير خارجية ألمانيا»: a person, not the country
        e = orgs[0]
        return Found(a, b, "entity", e, e.actor)
    if head == "document":
        for k in range(a + 1, b):  # «بيان للوزارة», «البيان الصادر عن المتحدث»: its issuer
            if head_kind(toks[k]) in ("body", "person"):
                return Found(k, b, "nominal")
    if head == "body" and (_quoted_name(ctx, a, b) or not _definite(toks[a])):
        return Found(a, b, "named")  # «مجموعة "الفريق العامل"», «وزارة الداخلية»: a name
    if head in ("person", "body", "document"):
        return Found(a, b, "nominal")
    return None


def _role_holder(ctx: Context, a: int) -> Actor | None:
    from rawi.attribution.speaker_actor import role_holder_at

    return role_holder_at(ctx, a)


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


def _definite(tok: Token) -> bool:
    return "ال" in tok.prefix.split("+") or bare(tok).startswith("ال")


def _quoted_name(ctx: Context, a: int, b: int) -> bool:
    return a + 1 < b and is_quote(ctx.tokens[a + 1])


_ADJ_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "ه", "ون", "ين", "ان")
#: proclitic prepositions: a word that carries one is no adjective («لمحافظة»)
_PREPOSED = frozenset({"ل", "لل", "ب", "ك"})


def shrink(ctx: Context, found: Found) -> Found:
    """Without a complementiser the phrase's end is unknown: keep a non-entity head and
    the adjectives right after it («مصادر مطلعة وجود ...» -> «مصادر مطلعة»)."""
    if found.kind == "entity" and found.entity is not None:
        return found
    k = found.a + 1
    toks = ctx.tokens
    ent = ctx.ent_at.get(k) if k < found.b else None
    if ent is not None and ent.type == "PER" and not _definite(toks[found.a]):
        while k < found.b and ctx.ent_at.get(k) is ent:
            k += 1  # construct with a person: «أسرة خالد يوسف»
        found.b = k
        return found
    if not _definite(toks[found.a]):
        # construct state: «ولي العهد», «وزير الخارجية», «مفوضية حقوق الإنسان»
        m = k
        while m < found.b and m < found.a + 3 and toks[m].kind == "word" \
                and not _definite(toks[m]) and not _PREPOSED.intersection(
                    toks[m].prefix.split("+")) and m not in ctx.cue_at:
            m += 1
        if m < found.b and toks[m].kind == "word" and _definite(toks[m]) \
                and toks[m].prefix in ("ال", ""):
            k = m + 1
    # a definite head, or a construct closed by a definite word, takes definite adjectives
    definite = _definite(toks[found.a]) or (k > found.a + 1 and _definite(toks[k - 1]))
    while k < found.b and k < found.a + 4:
        t = toks[k]
        adjective = (definite and _definite(t) and t.prefix in ("ال", "")) or (
            not definite and bare(t).endswith(_ADJ_ENDINGS)
            and not _PREPOSED.intersection(t.prefix.split("+")))
        if t.kind != "word" or not adjective or k in ctx.cue_at:
            break  # a definite head takes definite adjectives: «الأمين العام»
        k += 1
    ent = ctx.ent_at.get(k) if found.kind == "named" and k < found.b else None
    if ent is not None and ent.type == "PER" and ent.start >= toks[k].start:
        while k < found.b and ctx.ent_at.get(k) is ent:
            k += 1  # the name in apposition: «أسرة الناشط علاء عبد الفتاح»
    found.b = k
    return found


def _first(ctx: Context, a: int, e: Entity) -> int:
    k = a
    while k < len(ctx.tokens) and ctx.ent_at.get(k) is not e:
        k += 1
    return k


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
        return None
    if k < lo or toks[k].norm in CLAUSE_WORDS:
        return None
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
            return None  # the entity is an object or a genitive: «خطابه لكوريا»
        return Found(a, k + 1, "entity", e, e.actor)
    # an anonymous or nominal head among the last few words: «ولكن مصدرين أمنيين قالا»
    for h in range(k, max(lo - 1, k - 4), -1):
        t = toks[h]
        if t.kind != "word" or is_comp(t) or t.norm in CLAUSE_WORDS:
            break
        kind = head_kind(t)
        if kind is not None:
            return Found(h, k + 1, "anonymous" if kind == "anonymous" else "nominal")
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
    if a - 1 < lo or toks[a - 1].text not in (",", "،"):
        return None
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
        ctx.memo[("head", id(sp))] = _head_word(head)
    return sp


def _head_word(tok: Token) -> str:
    return tok.stem if tok.stem else bare(tok)


def resolve_nominal(ctx: Context, found: Found, history: list[tuple[Cue, Speaker, str]],
                    before: int) -> Speaker:
    """Give a nominal speaker («الوزارة», «المتحدث», «البيان», «المصدر نفسه») the actor
    it points back to."""
    toks = ctx.tokens
    head = toks[found.a]
    kind = head_kind(head) or "person"
    s, e = ctx.chars(found.a, found.b)
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
        holder = _role_holder(ctx, found.a)  # «وزير الطاقة السعودي» on the article's date
        if holder is not None:
            return Speaker(s, e, text, actor=holder)
        for _, sp, _ in reversed(history):
            ent = _entity(ctx, sp.entity)
            if ent is not None and ent.type == "PER":
                return like(sp)
    if kind == "body":
        word = _head_word(head)
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


def implied(ctx: Context, cue: Cue, history: list[tuple[Cue, Speaker, str]]) -> Speaker | None:
    """The speaker of a pro-drop verb or a participle: an earlier speaker of the same
    sentence, else the name that opens the sentence («وكانت شبكة NBC قد نشرت تقريرا قالت
    فيه»), else the latest earlier speaker whose cue agrees in gender."""
    sent = ctx.sent_of[cue.i]
    gender = "" if cue.lemma in IMPERSONAL else cue.gender
    compatible = [(c, sp) for c, sp, g in history if not gender or not g or g == gender]
    same = [sp for c, sp in compatible if ctx.sent_of[c.i] == sent and c.i < cue.i]
    if same:
        return same[-1]
    opening = _sentence_subject(ctx, cue.i)
    if opening is not None:
        return opening
    if cue.kind in ("participle", "masdar"):
        first = _first_subject_in_sentence(ctx, cue.i)
        if first is not None:
            return first
    if compatible:
        return compatible[-1][1]
    return None


def _sentence_subject(ctx: Context, i: int) -> Speaker | None:
    """A person or organisation named in the sentence's first words, after its verb: the
    subject, so not a name behind a preposition («ووجه قطان الشكر للسيسي»)."""
    lo = ctx.sentence(i)[0]
    toks = ctx.tokens
    for k in range(lo + 1, min(i, lo + 4)):
        e = ctx.ent_at.get(k)
        if e is not None and e.type in ("PER", "ORG"):
            if (_PREPS.intersection(toks[k].prefix.split("+")) and toks[k].start < e.start
                    and head_kind(toks[k - 1]) != "document"):
                continue  # «للسيسي»: an object; but «في بيان لوزارة الخارجية»: the issuer
            return _named_speaker(ctx, e, k)
        if e is None and k == lo + 1:
            ent = name_coref(ctx, k, k + 1)
            if ent is not None:
                s, t = ctx.chars(k, k + 1)
                return Speaker(s, t, ctx.doc.text[s:t], actor=ent.actor, entity=ent.id)
    return None


_PREPS = frozenset({"ل", "لل", "ب", "ك"})


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
        ctx.memo[("head", id(sp))] = _head_word(ctx.tokens[k - 1])
    return sp
