"""Find place mentions: gazetteer matches over the token layer, plus NER LOC entities.

A mention is the name as written without its clitics («بريف دير الزور» gives
«دير الزور»), the candidates the gazetteer offers for it, and the context the
resolver needs: the cue before it (مدينة، محافظة ...), whether it is in a
locative position, whether NER called it LOC, and its qualifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rawi.model import Doc, Entity, Token
from rawi.places.gazetteer import Candidate, Gazetteer, clean
from rawi.places.rules import Qualifier, cues, false_friends, is_wordy, qualifiers
from rawi.text.lexicon import frequencies
from rawi.text.normalize import normalize_aligned

#: Words after which a small place or a cue-level word may be matched.
LOCATIVES = frozenset({"في", "من", "الى", "نحو", "باتجاه", "قرب", "داخل", "عبر", "حتى",
                       "على", "عن", "الي", "لدى", "بين", "مع", "تجاه", "غرب", "شرق", "شمال",
                       "جنوب", "وسط", "انحاء", "ارجاء", "مناطق"})
CONJUNCTIONS = ("و", "ف")
#: Entity sources that are dictionary matches, not NER.
DICTIONARY_SOURCES = frozenset({"actors"})
#: Quotation marks skipped when looking at the word before a name («مركز "الذيد"»).
QUOTES = frozenset({'"', "'", "(", "[", "#"})
PREPOSITIONS = ("ب", "ل", "ك")
MIN_LETTERS = 3


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    key: str  # normalised name as matched
    candidates: list[Candidate]
    first: int = -1  # token indices [first, last)
    last: int = -1
    cue: str | None = None  # kind from cues.tsv
    locative: bool = False
    ner: bool = False  # an NER LOC entity overlaps it
    ner_exact: bool = False  # ... and has exactly its span
    qualifier: str | None = None
    precision: int | None = None
    clitics: str = ""  # clitics peeled off the first word («و», «ب», «لل»)
    org: bool = False  # right after an organisation head («جامعة», «حزب»)
    adjective: bool = False  # reads as a nisba adjective («السفارة السعودية»)


def first_forms(tok: Token, keep=None) -> list[tuple[str, int, str]]:
    """Readings of a token as the first word of a name: (form, start offset, clitics).

    Conjunction, then preposition, are peeled off the normalised surface; «لل»
    is read as ل + the article. The article itself is never removed: a name
    without it does not match a word with it («السورية» is not «سورية»).
    ``keep`` (a set) filters the forms before their offsets are computed.
    """
    norm = tok.norm
    out = [(norm, 0, "")]
    rests = [(0, "")]
    if norm[:1] in CONJUNCTIONS:
        rests.append((1, norm[0]))
    for k, clitics in list(rests):
        if norm[k:k + 2] == "لل" and len(norm) - k > 3:
            out.append(("ال" + norm[k + 2:], k + 1, clitics + "لل"))
        if norm[k:k + 1] in PREPOSITIONS:
            out.append((norm[k + 1:], k + 1, clitics + norm[k]))
        if k:
            out.append((norm[k:], k, clitics))
    if keep is not None:
        out = [o for o in out if o[0] in keep]
    if not out:
        return []
    index = None
    result = []
    for form, k, clitics in out:
        if sum(c.isalpha() for c in form) < MIN_LETTERS:
            continue
        if k == 0:
            result.append((form, tok.start, clitics))
            continue
        if index is None:
            aligned, index = normalize_aligned(tok.text)
            if aligned != norm:  # the token's norm and the aligned form must agree
                return [r for r in result if r[1] == tok.start]
        if k < len(index):
            result.append((form, tok.start + index[k], clitics))
    # Least stripped first: «بيروت» is Beirut before it is ب + «يروت».
    return sorted(set(result), key=lambda r: len(r[2]))


def variants(norm: str) -> set[str]:
    """A normalised word with and without its leading conjunction and preposition."""
    out = {norm}
    for w in list(out):
        if w[:1] in CONJUNCTIONS and len(w) > 2:
            out.add(w[1:])
    for w in list(out):
        if w.startswith("لل") and len(w) > 3:
            out.add("ال" + w[2:])
        elif w[:1] in PREPOSITIONS and len(w) > 2:
            out.add(w[1:])
    return out


def _longest(tokens: list[Token], i: int, form: str, start: int, clitics: str,
             gaz: Gazetteer) -> Mention | None:
    """The longest name starting with reading ``form`` of token ``i``."""
    best = None
    key, j, n = form, i + 1, len(tokens)
    while True:
        if key in gaz:
            best = Mention(start, tokens[j - 1].end, key, gaz.lookup(key), i, j, clitics=clitics)
        if j >= n or j - i >= gaz.max_tokens or tokens[j].kind != "word":
            break
        if tokens[j].start - tokens[j - 1].end > 1:  # a line break or more
            break
        key = f"{key} {tokens[j].norm}"
        if key not in gaz.prefixes:
            break
        j += 1
    return best


def _agrees(clitics: str, tok: Token) -> bool:
    """Did the text layer cut the same proclitics off this word as the reading did?"""
    letters = clitics.replace("لل", "ل")
    return sorted(letters) == sorted(p for p in tok.prefix.split("+") if p and p != "ال")


def match_tokens(tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Longest gazetteer matches, left to right, over word tokens.

    Where readings of a token compete («للندن»: ل + لندن or لل + ندن), the
    longer name wins, then the less stripped reading, then the more prominent place.
    """
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = []
        if tokens[i].kind == "word":
            for form, start, clitics in first_forms(tokens[i], gaz.prefixes):
                if form in gaz.prefixes:
                    m = _longest(tokens, i, form, start, clitics, gaz)
                    if m is not None:
                        found.append(m)
        if not found:
            i += 1
            continue
        best = max(found, key=lambda m: (m.last, _agrees(m.clitics, tokens[i]),
                                         -len(m.clitics),
                                         max(c.prominence for c in m.candidates)))
        out.append(best)
        i = best.last
    return out


def _context(mention: Mention, tokens: list[Token]) -> None:
    """Set the cue, locative flag and qualifier from the words around a mention."""
    before = [t for t in tokens[max(0, mention.first - 5):mention.first] if t.norm not in QUOTES]
    bare_forms = [variants(t.norm) for t in before]
    forms = [f | {t.stem} for f, t in zip(bare_forms, before, strict=True)]
    cue_map = cues()
    if forms:
        kind = next((cue_map[w] for w in forms[-1] if w in cue_map), None)
        if kind:
            mention.cue = kind
        if forms[-1] & LOCATIVES:
            mention.locative = True
    if mention.cue == "org":
        mention.org = True
        mention.cue = None
    mention.adjective = _adjective(mention, tokens)
    found: Qualifier | None = None
    quals = qualifiers()
    # qualifiers as written (no stem: «الشمال والجنوب» is no «شمال» + «الجنوب»)
    last_words = bare_forms[-1] if bare_forms else set()
    for q in quals:
        k = len(q.words)
        if q.position != "before" or k > len(bare_forms) or q.words[-1] not in last_words:
            continue
        if all(w in f for w, f in zip(q.words, bare_forms[len(bare_forms) - k:], strict=True)):
            found = q
            break
    if found is None:
        return
    english = found.english
    after = [t.norm for t in tokens[mention.last:mention.last + 3]]
    for q in quals:
        if q.position == "after" and list(q.words) == after[:len(q.words)]:
            english = q.english.replace("{q}", english)
            break
    mention.qualifier = english
    mention.precision = found.precision
    mention.cue = mention.cue or "settlement"
    mention.locative = True


#: Countries whose towns and villages Arabic news names without a cue word.
REGION = frozenset([
    "SY", "IQ", "YE", "LB", "PS", "JO", "EG", "LY", "SD", "SA", "KW", "QA", "BH", "AE", "OM",
    "TN", "DZ", "MA", "MR", "SO", "DJ", "KM", "IL", "IR", "TR", "AF", "PK", "ER", "ET", "SS",
    "TD", "NE", "ML",
])
#: Words after which a name in «ـية» is the place, not an adjective («إن سورية»).
PARTICLES = frozenset({"ان", "بان", "لان", "كما", "لكن", "ولكن", "اما", "حيث", "اذ", "او", "ثم"})
#: A one-word name used this often in the news lexicon is not a small place.
FREQUENT = 1000
FREQUENT_POPULATION = 200000


def _adjective(m: Mention, tokens: list[Token]) -> bool:
    """A name ending in «ية» that agrees with the noun before it is a nisba adjective.

    «السفارة السعودية», «مصادر سورية» describe; «في السعودية», «إن سورية» name.
    """
    if m.last - m.first != 1 or not m.key.endswith("يه") or m.clitics or m.first == 0:
        return False
    prev = tokens[m.first - 1]
    if prev.kind != "word" or prev.end < m.start - 1:
        return False
    if variants(prev.norm) & (LOCATIVES | PARTICLES):
        return False
    return prev.norm.startswith(("ال", "وال", "فال")) == m.key.startswith("ال")


def _accept(m: Mention, tokens: list[Token]) -> bool:
    """The rules against false friends: organisation names, adjectives, common words."""
    if m.org or m.adjective:
        return m.ner
    if m.last - m.first > 1:
        return True
    tok = tokens[m.first]
    freq = frequencies()
    if m.clitics and not _agrees(m.clitics, tok) and freq.get(tok.norm, 0) >= 3:
        # The text layer read the word otherwise («فرانس», «وكريم»): not ف + «رانس».
        return m.ner
    if m.clitics.strip("وف") and freq.get(tok.norm, 0) >= max(3, freq.get(m.key, 0)):
        # The whole word is commoner than the name it would hide («بليون», «بحجة»).
        return m.ner or m.cue is not None
    if tok.suffix and m.end > tok.stem_end:
        return m.ner  # a pronoun suffix: «بيانه» is "his statement"
    level = false_friends().get(m.key)
    strong = m.cue is not None or m.ner
    if level == "never":
        return m.ner_exact  # «جبل» inside the NER's «جبل جرة» is no place by itself
    curated = any(c.source != "geonames" for c in m.candidates)
    if level == "cue":
        # a place word or the NER; a qualifier alone does not make a common word a place
        # («في شمال المدينة», «بالقرب من الساحل»)
        strong = m.ner or (m.cue is not None and m.qualifier is None)
    if level == "cue" or (is_wordy(m.key) and not curated):
        # «في مالي» is the country; «الوضع المالي» is not.
        return strong or (m.locative and any(c.feature == "PCLI" for c in m.candidates))
    big = max((c.population for c in m.candidates if c.source == "geonames"), default=0)
    curated = curated or any(c.feature == "PPLC" for c in m.candidates)
    if not curated and big < FREQUENT_POPULATION and freq.get(m.key, 0) >= FREQUENT:
        return strong or m.locative
    if any(c.is_major for c in m.candidates):
        return True
    if not any(c.country in REGION for c in m.candidates):
        return strong  # a small town far away is named with «مدينة» or by NER
    return strong or m.locative


def _entity_forms(ent: Entity) -> list[tuple[str, int]]:
    norm, index = normalize_aligned(ent.text)
    fake = Token(ent.start, ent.end, ent.text, norm, norm, ent.start, ent.end)
    return [(clean(f), s) for f, s, _ in first_forms(fake)]


def detect(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """All place mentions in ``doc``, in text order, false friends removed."""
    tokens = doc.tokens
    mentions = match_tokens(tokens, gaz)
    # LOC spans from the actor dictionary (source "actors") are name look-ups like ours,
    # not a model's judgement of context: they do not license anything. Their PER/ORG
    # spans still mark names a place is part of («حزب مصر القوية»).
    entities = [e for e in doc.entities if e.type in ("PER", "ORG", "MISC")
                or (e.type == "LOC" and e.source not in DICTIONARY_SOURCES)]
    kept: list[Mention] = []
    for m in mentions:
        inside_other = False
        for e in entities:
            if e.start < m.end and m.start < e.end:
                if e.type == "LOC":
                    # an NER name that holds the letter our reading peeled off («فاتن» is
                    # not ف + «اتن») read the word otherwise: it confirms nothing here
                    m.ner = m.ner or not (e.start < m.start and m.clitics
                                          and e.start <= tokens[m.first].start)
                    m.ner_exact = m.ner_exact or (e.start, e.end) == (m.start, m.end)
                elif e.start <= m.start and m.end <= e.end and e.end - e.start > m.end - m.start:
                    inside_other = True
        if inside_other:
            continue
        _context(m, tokens)
        if _accept(m, tokens):
            kept.append(m)
    # NER LOC entities the gazetteer did not match: look their text up, else keep unresolved.
    for e in entities:
        if e.type != "LOC" or any(m.start < e.end and e.start < m.end for m in kept):
            continue
        m = Mention(e.start, e.end, clean(e.text), [], ner=True)
        whole = clean(e.text)
        for form, start in _entity_forms(e):
            if form != whole and form in false_friends():
                continue  # «فاتن» tagged LOC is no ف + «اتن»: a false friend needs its own word
            if form in gaz:
                m = Mention(start, e.end, form, gaz.lookup(form), ner=True)
                break
        if not m.candidates and _is_qualifier_word(m.key):
            continue  # «ريف», «الضفة» tagged alone: a relative word, not a place
        m.first, m.last = _token_range(tokens, m.start, m.end)
        if m.first >= 0:
            _context(m, tokens)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _is_qualifier_word(key: str) -> bool:
    """True for a word that opens a relative expression (ريف، الضفة، شرق) standing alone."""
    return key in _qualifier_heads()


@lru_cache(maxsize=1)
def _qualifier_heads() -> frozenset[str]:
    return frozenset(q.words[0] for q in qualifiers() if q.position == "before")


def _token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    idx = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return (idx[0], idx[-1] + 1) if idx else (-1, -1)
