"""Where a speaker's noun phrase begins and ends, and what its first word says.

Arabic news puts the subject after the verb, so the phrase after a cue holds the speaker
and, without a complementiser, the start of the content too: these rules find its
edges (titles, names, a «لـ» genitive that belongs to it, whom it was said to, which
adjectives agree) and the kind of its head word (a person, a body, a document, an
anonymous source). ``speaker.py`` decides who the phrase names.
"""

from __future__ import annotations

from dataclasses import dataclass

from rawi.attribution import lexicon
from rawi.attribution.context import Context
from rawi.attribution.cues import bare, is_comp, is_quote
from rawi.attribution.index import BOUND as BOUND_FLAG
from rawi.model import Actor, Entity, Token
from rawi.text.lexicon import frequencies

#: words that end a subject noun phrase (adjuncts start): prepositions and the like
STOP_WORDS = frozenset({"في", "خلال", "امام", "عبر", "اثناء", "لدي", "بعد", "قبل", "علي",
                        "الي", "حول", "مع", "منذ", "عقب", "ضمن", "اليوم", "امس", "حيث",
                        "الذي", "التي", "الذين", "بينما", "فيما", "وفي", "كما", "ايضا",
                        "حين", "عندما", "بالقول", "قائلا", "قايلا", "التابع",
                        "التابعه", "التابعين", "التابعتين"})
#: words that, right after the cue, show there is no subject («وأعرب عن ...», «وكشفت من
#: خلال ...»); a demonstrative there is the object («كان ينكر ذلك»)
NP_INITIAL_STOP = STOP_WORDS | {"عن", "من"}
#: a demonstrative right after a verb is its object («كان ينكر ذلك»); after «حسب» it opens
#: the source («وحسب تلك التقارير»)
DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هذه", "تلك"})
MAX_NP = 14
#: a word seen this often in the news without its other gender is no nisba adjective
NISBA_EVIDENCE = 20
#: ... the other gender must be at least this fraction of it (1/50)
NISBA_SHARE = 50
#: «لي», «له»: whom it was said to, as a pronoun, right after the verb
TO_PRONOUNS = frozenset({"لي", "له", "لها", "لنا", "لهم", "لهما", "لكم", "لك"})
#: «بدوره» (in turn) between a verb and its subject
FOR_ITS_PART = frozenset({"بدوره", "بدورها", "بدورهم", "بدورهما"})
#: what follows «من» in «من جهته», «من جانبها» (for his/her part)
FROM_ITS_SIDE = frozenset(w + s for w in ("جهت", "جانب", "ناحيت") for s in ("ه", "ها", "هم", "هما"))


@dataclass
class Found:
    """A speaker candidate: token range, entity, actor and what kind of mention it is."""

    a: int
    b: int
    kind: str  # entity | anonymous | nominal | implied
    entity: Entity | None = None
    actor: Actor | None = None
    gender: str = ""


def is_person_entity(e: Entity | None) -> bool:
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
    if b != tok.norm and not tok.prefix:
        forms.append(tok.norm)  # «فضيلته»: a word that starts with ف, no conjunction
    forms += [w[:-1] for w in forms if w.endswith("ه") and len(w) > 3]  # الوزيرة -> وزير
    for w in forms:
        # «مسؤول» is anonymous, «المسؤول» points back to a person named before
        if w in noms and (definite or w not in anon):
            return noms[w]
        if w in anon:
            return "anonymous"
    if not definite and b.endswith("ا") and len(b) > 3 and b[:-1] in anon:
        return "anonymous"  # «لكن شهودا قالوا»: the accusative's alef («شهوداً»)
    return None


def subject_np(ctx: Context, j: int, stop: int, genitive: bool = False) -> tuple[int, int]:
    """Token range of the noun phrase that starts at ``j`` (appositions across commas
    when the next word is a name), ending before an adjunct, a time or ``stop``."""
    toks = ctx.tokens
    limit = min(stop, j + MAX_NP, ctx.sentence(j)[1] if j < len(toks) else j)
    named = ""  # the type of the last name in the phrase
    if not genitive:
        # «قالت الثلاثاء دولة الكويت», «أعلن، أمس، الجيش»: a time before the subject
        while j + 1 < limit:
            if ctx.time_at.get(j) is not None or toks[j].text in (",", "،", "#") \
                    or bare(toks[j]) in FOR_ITS_PART:
                j += 1
            elif bare(toks[j]) == "من" and bare(toks[j + 1]) in FROM_ITS_SIDE:
                j += 2  # «وقال من جهته الوزير»: for his part, then the subject
            else:
                break
        # after a nominal cue («وفقا للمرصد») the «لـ» name is the source, not whom it was
        # said to
        j = _past_addressee(ctx, j, limit)
    k = j
    if not genitive and j + 1 < limit and toks[j].norm in ("فيه", "فيها"):
        j = k = j + 1  # «في الوقت الذي أعلنت فيه القوات»: the relative's pronoun, then the subject
    if j < limit and (toks[j].norm in NP_INITIAL_STOP or bare(toks[j]) in NP_INITIAL_STOP
                      or not genitive and toks[j].norm in DEMONSTRATIVES
                      and not (j + 1 < limit and is_definite(toks[j + 1]))):
        return j, j  # «وأعرب عن ...», «ينكر ذلك»: no subject after the cue (but «يرى هذا
        # الفيلسوف أن»: a demonstrative before a definite noun opens the subject)
    if not genitive and j < limit and toks[j].prefix.split("+")[0] in ("ب", "ك"):
        return j, j  # «ونوّه بمساهمة الشركة»: a prepositional phrase, no subject
    while k < limit:
        t = toks[k]
        if k > j and not genitive and lam(ctx, k):
            after = genitive_end(ctx, j, k, limit)
            if after == k and _name_after_title(ctx, k, limit, TITLE_REACH,
                                                from_lam=head_kind(toks[j]) == "person"):
                after = k + 1  # «منسق الأمم المتحدة للشؤون الإنسانية ... بانوس مومتزيس»
            if after == k:
                break  # «قال الوزير لرويترز»: whom it was said to, not the speaker
            k = after
            continue
        ent = name_at(ctx, k)
        if ent is not None:
            while k < limit and ctx.ent_at.get(k) is ent:
                k += 1
            named = ent.type
            continue
        if named and t.kind == "word" and t.prefix != "ال" and bare(t) != "باسم" \
                and not (bare(t) in TITLE_PREPOSITIONS and _name_after_title(ctx, k + 1, limit)):
            break  # after the name only definite words go on: «خالد مجاهد المتحدث باسم»
        if (named and named != "PER" and t.kind == "word" and not is_nisba(bare(t))
                and head_kind(t) != "person" and not _person_within(ctx, k + 1, limit)
                and not _name_after_title(ctx, k, limit, TITLE_REACH)):
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
        if t.text == "." and k > j and not ctx.flag[k] & BOUND_FLAG:
            k += 1  # «د. السديس»: an abbreviation's full stop
            continue
        if is_quote(t) or (t.text == "_" and k > j):
            k += 1  # a quoted name inside the phrase: «مجموعة "الفريق العامل"»; «#التحالف_العربي»
            continue
        if t.kind != "word" and t.kind != "latin" and t.kind != "number":
            break
        if t.norm in HONORIFIC_PRONOUNS:
            k += 1
            break  # «وحذر فضيلته من التطرف»: no genitive after a pronoun
        if k > j and _object_after_nisba(ctx, k, limit):
            break  # «ووصفت وسائل الإعلام الإيرانية الخسائر»: the object starts
        if k == j + 1 and _object_after_feminine(ctx, k, limit):
            break  # «طالبت الجامعة المجتمع الدولي»: no adjective of «الجامعة»
        if ctx.time_at.get(k) is not None or k in ctx.cue_at or is_comp(t):
            break
        if k > j and (t.norm in STOP_WORDS or bare(t) in STOP_WORDS):
            if bare(t) in TITLE_PREPOSITIONS and _name_after_title(ctx, k + 1, limit,
                                                                    TITLE_REACH):
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


#: report nouns whose «لـ» genitive names the issuer («تقرير للأمم المتحدة»)
REPORT_NOUNS = frozenset({"تقرير", "دراسه", "تحقيق", "استطلاع"})
#: «وقال سموه», «وحذر فضيلته»: a dignitary named by an honorific and a pronoun; the
#: phrase ends there (normalised forms)
HONORIFIC_PRONOUNS = frozenset({"سموه", "معاليه", "فخامته", "سعادته", "سموها", "معاليها",
                                "فضيلته", "سماحته"})


def lam(ctx: Context, k: int) -> bool:
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
    if t.norm in TO_PRONOUNS and j + 1 < limit and toks[j + 1].kind == "word":
        return j + 1  # «وقال لي أحد السكان»: to me, then the subject
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
#: how far a «لـ» genitive may run on before the name of the title's holder
TITLE_REACH = 8


def _name_after_title(ctx: Context, k: int, limit: int, reach: int = 4,
                      from_lam: bool = False) -> bool:
    """A person's name starts within ``reach`` words after token ``k``, with only names,
    definite words and the prepositions of a title («في», «إلى») before it: the rest of
    a title («منسق الأمم المتحدة للشؤون الإنسانية في سوريا بانوس مومتزيس»)."""
    toks = ctx.tokens
    for m in range(k, min(limit, k + reach)):
        e = ctx.ent_at.get(m)
        if is_person_entity(e):
            return m > k
        if toks[m].text in (",", "،") and m > k and m + 1 < limit \
                and is_person_entity(ctx.ent_at.get(m + 1)):
            return True  # «وزير الدولة لشؤون الخليج في المملكة العربية السعودية، تامر السبهان»
        if toks[m].kind != "word" or (e is None and not is_definite(toks[m])
                                      and not (from_lam and m == k)
                                      and bare(toks[m]) not in TITLE_PREPOSITIONS):
            return False  # (after a title the «لـ» genitive itself may come first: «لشؤون»)
    return False


def _person_within(ctx: Context, k: int, limit: int) -> bool:
    """A person's name starts at token ``k`` or the one after it."""
    return any(is_person_entity(ctx.ent_at.get(m)) for m in (k, k + 1) if m < limit)


def genitive_end(ctx: Context, a: int, k: int, limit: int, names_only: bool = False) -> int:
    """Past a «لـ» genitive that belongs to the institution heading the phrase at ``a``
    («المديرية العامة للشؤون الصحية», «المتحدث الرسمي لهيئة الهلال الأحمر»): a definite
    noun or a body's name after an institution, an organisation's name after a title.
    ``k`` when token ``k`` starts no such genitive («قال الوزير للصحفيين»). With
    ``names_only``, only a genitive that holds a name («لمحافظة الأنبار»): after «دعت
    الحكومة» a plain «للحوار» is what was called for."""
    if k >= limit or not lam(ctx, k):
        return k
    toks = ctx.tokens
    head = head_kind(toks[a])
    if head is None and toks[a].stem in REPORT_NOUNS:
        head = "document"  # «تقرير لمجلة ...»: whose report (no back-reference, see speaker)
    t = toks[k]
    ent = ctx.ent_at.get(k)
    after = ctx.ent_at.get(k + 1) if k + 1 < limit else None
    if head != "document" and (_media(ent) or _media(after) or t.stem in MEDIA_NOUNS):
        return k  # «قال الوزير لرويترز / لوكالة الأنباء / لصحيفة»: told to the media
    named = ent is not None and ent.type == "ORG"
    construct = ent is None and k + 1 < limit and ctx.ent_at.get(k + 1) is not None
    if head == "body":  # «للشؤون الصحية», «لهيئة», «لمحافظة الأنبار», «للحرس الثوري»
        ok = named or construct or not names_only and (
            t.norm.startswith("لل") or head_kind(t) == "body")
    elif head in ("person", "document"):  # «تقرير لمجلة "الإيكونوميست"», «للأمم المتحدة»
        ok = named or head_kind(t) == "body"
    else:
        ok = False
    if not ok:
        return k
    k += 1
    if k < limit and is_quote(toks[k]):  # «تقرير لمجلة "الأفق"»: the quoted name
        q = k + 1
        while q < limit and not is_quote(toks[q]) and q - k <= 5:
            q += 1
        if q < limit and is_quote(toks[q]):
            return q + 1
    if ent is None and k < limit:  # the construct's second word: «لمحافظة الأنبار»
        ent = ctx.ent_at.get(k)
        if ent is None and toks[k].kind == "word" and is_definite(toks[k]) \
                and not t.norm.startswith("لل"):
            k += 1  # «لهيئة الهلال»
    while k < limit and ((ent is not None and ctx.ent_at.get(k) is ent) or (
            toks[k].kind == "word" and is_definite(toks[k]) and k not in ctx.cue_at
            and is_nisba(bare(toks[k])))):
        k += 1  # the name's words and adjectives: «للجيش السوري», «للشؤون الصحية»
    return k


_NISBA = ("ي", "يه", "يين", "يون", "يان")


def is_nisba(word: str) -> bool:
    """A word ending like a nisba adjective that the news corpus also writes in the other
    gender («التركي» / «التركية»): masdars of defective verbs end in «ي» too but have no
    feminine («التصدي», «التحدي»), nouns in «ية» have no masculine («التسوية»)."""
    if not word.endswith(_NISBA):
        return False
    counts = frequencies()
    if word.endswith("ي"):
        seen, other = counts.get(word, 0), counts.get(word + "ه", 0)
    elif word.endswith("يه"):
        seen, other = counts.get(word, 0), counts.get(word[:-1], 0)
    else:
        return True  # plural and dual forms
    return seen < NISBA_EVIDENCE or other * NISBA_SHARE >= seen


def _object_after_nisba(ctx: Context, k: int, limit: int) -> bool:
    """Token ``k`` is a definite noun right after a definite nisba adjective: the verb's
    object, not more subject (no title, name, nisba or subject adjective; no name next)."""
    toks = ctx.tokens
    t, before = toks[k], toks[k - 1]
    if t.prefix != "ال" or before.prefix != "ال" or ctx.ent_at.get(k) is not None:
        return False
    word = bare(t)
    # «يان» (the dual) left out: «البيان», «الكيان» end so too
    return (bare(before).endswith(_NISBA[:-1]) and not is_nisba(word)
            and word not in lexicon.np_adjectives() and head_kind(t) is None
            and not _person_within(ctx, k + 1, limit))


def _object_after_feminine(ctx: Context, k: int, limit: int) -> bool:
    """Token ``k`` is a definite word right after a definite feminine noun that cannot be
    its adjective: an adjective of «الجامعة» ends in «ة» (or is a feminine elative such
    as «العليا», or a nisba), so a masculine-looking word there is the verb's object."""
    toks = ctx.tokens
    t, head = toks[k], toks[k - 1]
    if t.prefix != "ال" or head.prefix not in ("ال", "و+ال", "ف+ال"):
        return False
    if ctx.ent_at.get(k) is not None or ctx.ent_at.get(k - 1) is not None:
        return False
    word = bare(t)
    return (bare(head).endswith("ه") and not word.endswith(("ه", "ي", "ا", "ات"))
            and not is_nisba(word) and word not in lexicon.np_adjectives()
            and head_kind(t) is None and head_kind(head) != "person"
            and not _person_within(ctx, k + 1, limit))


def name_at(ctx: Context, k: int) -> Entity | None:
    """The entity at token ``k``, unless it is one word the lexicons know as a common
    noun (an NER slip such as «بيان» or «مصادر» tagged as a name)."""
    e = ctx.ent_at.get(k)
    if e is not None and " " not in e.text.strip() and "_" not in e.text \
            and head_kind(ctx.tokens[k]) is not None:
        return None
    return e


def _inside_quote(ctx: Context, a: int, q: int) -> bool:
    return sum(1 for t in ctx.tokens[a:q] if is_quote(t)) % 2 == 1


def is_definite(tok: Token) -> bool:
    return "ال" in tok.prefix.split("+") or bare(tok).startswith("ال")


_ADJ_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "ه", "ون", "ين", "ان")
#: proclitic prepositions: a word that carries one is no adjective («لمحافظة») and no
#: subject («للسيسي»)
PREPOSITION_CLITICS = frozenset({"ل", "لل", "ب", "ك"})


def shrink(ctx: Context, found: Found) -> Found:
    """Without a complementiser the phrase's end is unknown: keep a non-entity head and
    the adjectives right after it («مصادر مطلعة وجود ...» -> «مصادر مطلعة»)."""
    if found.kind == "entity" and found.entity is not None:
        return found
    k = found.a + 1
    toks = ctx.tokens
    ent = ctx.ent_at.get(k) if k < found.b else None
    if ent is not None and ent.type == "PER" and not is_definite(toks[found.a]):
        while k < found.b and ctx.ent_at.get(k) is ent:
            k += 1  # construct with a person: «أسرة خالد يوسف»
        found.b = k
        return found
    if not is_definite(toks[found.a]):
        # construct state: «ولي العهد», «وزير الخارجية», «مفوضية حقوق الإنسان»
        m = k
        while m < found.b and m < found.a + 3 and toks[m].kind == "word" \
                and not is_definite(toks[m]) and not PREPOSITION_CLITICS.intersection(
                    toks[m].prefix.split("+")) and m not in ctx.cue_at:
            word = bare(toks[m])
            if (word.endswith(("ي", "يه")) and m + 1 < found.b
                    and not is_definite(toks[m + 1])) or "ال" + word in lexicon.np_adjectives():
                break  # «مصدر طبي حصيلة القتلى», «مصدر مطلع وقوع»: an adjective ends it
            m += 1
        if m < found.b and toks[m].kind == "word" and is_definite(toks[m]) \
                and toks[m].prefix in ("ال", ""):
            k = m + 1
    # a definite head, or a construct closed by a definite word, takes definite adjectives
    definite = is_definite(toks[found.a]) or (k > found.a + 1 and is_definite(toks[k - 1]))
    masculine = False  # a masculine adjective seen: no feminine one follows it
    while k < found.b and k < found.a + 4:
        t = toks[k]
        adjective = (definite and is_definite(t) and t.prefix in ("ال", "")) or (
            not definite and not is_definite(t)
            and not PREPOSITION_CLITICS.intersection(t.prefix.split("+"))
            and (bare(t).endswith(_ADJ_ENDINGS) and not (masculine and bare(t).endswith("ه"))
                 or "ال" + bare(t) in lexicon.np_adjectives()))  # «مسؤول أمني كبير»
        if t.kind != "word" or not adjective or k in ctx.cue_at:
            break  # a definite head takes definite adjectives: «الأمين العام»; «مصدر طبي
            # حصيلة القتلى»: the feminine noun after a masculine adjective is the object
        masculine = masculine or bare(t).endswith("ي")
        k += 1
    ent = ctx.ent_at.get(k) if found.kind == "named" and k < found.b else None
    if ent is not None and ent.type == "PER" and ent.start >= toks[k].start:
        while k < found.b and ctx.ent_at.get(k) is ent:
            k += 1  # the name in apposition: «أسرة الناشط علاء عبد الفتاح»
    found.b = k
    return found


def first_token_of(ctx: Context, a: int, e: Entity) -> int:
    k = a
    while k < len(ctx.tokens) and ctx.ent_at.get(k) is not e:
        k += 1
    return k
