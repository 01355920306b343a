"""Which actor a speaker is: the actors stage's answer for its span, a derived actor
(«أسرة أبو الفتوح» → "Family of Abdel Moneim Aboul Fotouh"), and the same actor
carried along the chain of mentions that refer back to it.

The actors stage leaves an actor on each linked entity and, in ``doc.actors[i]["spans"]``,
the generic and role mentions it resolved («الوزارة», «الرئيس المصري»). This is the
answer of ``rawi.actors.resolve_at``, indexed once per document here (resolve_at scans
every actor and entity per call, too slow for every speaker of a long article).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from rawi.attribution import lexicon
from rawi.attribution.context import _START, Context
from rawi.attribution.cues import bare
from rawi.model import Actor, Speaker, Token

_ACTOR_FIELDS = ("id", "name", "type", "aliases", "name_ar", "country", "wikidata")
_KEY = "actor-spans"


def _spans(ctx: Context) -> tuple[list[int], list[tuple[int, int, Actor, str]]]:
    """(starts, [(start, end, actor, kind)]) of the generic and role mentions the actors
    stage resolved («الوزارة», «الرئيس المصري»), in text order."""
    found = ctx.memo.get(_KEY)
    if found is not None:
        return found
    out = []
    for data in ctx.doc.actors or ():
        spans = data.get("spans") or ()
        if not spans:
            continue
        actor = Actor(**{k: data[k] for k in _ACTOR_FIELDS if k in data})
        out.extend((s["start"], s["end"], actor, s.get("kind", "")) for s in spans)
    out.sort(key=lambda x: x[0])
    found = ctx.memo[_KEY] = ([x[0] for x in out], out)
    return found


def _spans_over(ctx: Context, k: int):
    """(overlap in characters, actor, kind) of each resolved mention over token ``k``."""
    if not ctx.doc.actors:
        return
    start, end = ctx.tokens[k].start, ctx.tokens[k].end
    starts, spans = _spans(ctx)
    for s, e, actor, kind in spans[bisect_left(starts, start - LONGEST):bisect_left(starts, end)]:
        ov = min(end, e) - max(start, s)
        if ov > 0:
            yield ov, actor, kind


def role_holder_at(ctx: Context, k: int) -> Actor | None:
    """The person the actors stage found holding the office named at token ``k``
    («وزير الطاقة السعودي», «الأمين العام للأمم المتحدة» on the article's date)."""
    return next((actor for _ov, actor, kind in _spans_over(ctx, k)
                 if kind == "role" and actor.type == "person"), None)


def composed_at(ctx: Context, k: int) -> Actor | None:
    """The institution the actors stage composed at token ``k`` («شرطة نوتنغهام»)."""
    return next((actor for _ov, actor, kind in _spans_over(ctx, k) if kind == "composed"), None)


#: «متحدث باسم الوزارة», «بيان صادر عن الوزارة»: the organisation is the source
ON_BEHALF = frozenset({"صادر", "الصادر"})
LONGEST = 200  # characters: no resolved mention is longer


def actor_at(ctx: Context, k: int) -> Actor | None:
    """The actor of the entity or resolved generic mention at token ``k`` (what
    ``rawi.actors.resolve_at`` answers for the token), or None. Generic mentions never
    overlap entities (the actors stage resolves only nominals outside them)."""
    e = ctx.ent_at.get(k)
    if e is not None and e.actor is not None:
        return e.actor
    best, best_ov = None, 0
    for ov, actor, _kind in _spans_over(ctx, k):
        if ov > best_ov:
            best, best_ov = actor, ov
    return best


@lru_cache(maxsize=1)
def family_nouns() -> frozenset[str]:
    return frozenset(lexicon._n(f[0]) for _, f in lexicon._rows("family_nouns.tsv", 1))


@lru_cache(maxsize=1)
def addressees() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs of calling on someone, nouns that after them are the addressee)."""
    rows = lexicon._rows("addressees.tsv", 2)
    verbs = frozenset(lexicon._n(w) for _, (w, k) in rows if k == "verb")
    nouns = frozenset(lexicon._n(w) for _, (w, k) in rows if k == "noun")
    return verbs, nouns | {n[2:] for n in nouns if n.startswith("ال")}


def is_addressee(ctx: Context, lemma: str, a: int, entity) -> bool:
    """After «طالب/دعا/ناشد», a region or unlinked place, or «العالم/المجتمع الدولي», is
    the object the verb calls on, not its subject."""
    verbs, nouns = addressees()
    if lemma not in verbs:
        return False
    if entity is not None and entity.type == "LOC":
        return entity.actor is None or entity.actor.type == "region"
    b = bare(ctx.tokens[a])
    return b in nouns or (b.startswith("ال") and b[2:] in nouns)


_FAMILY: dict[str, bool] = {}


def is_family_head(tok: Token) -> bool:
    hit = _FAMILY.get(tok.norm)
    if hit is None:
        b, nouns = bare(tok), family_nouns()
        hit = b in nouns or tok.stem in nouns or (b.startswith("ال") and b[2:] in nouns)
        if len(_FAMILY) < 100_000:
            _FAMILY[tok.norm] = hit
    return hit


def family_actor(person: Actor) -> Actor:
    """The family of a person as one source (gold-dev names it "Family of <name>")."""
    return Actor(id=f"family-of-{person.id}", name=f"Family of {person.name}", type="family",
                 aliases=[f"{person.name} family"], country=person.country)


def link_actor(ctx: Context, sp: Speaker | None) -> Speaker | None:
    """Give a named speaker without an actor the one the actors stage resolved for its
    span; a family noun before a person's name makes the person's family the source."""
    if sp is None or sp.anonymous:
        return sp
    toks = ctx.tokens
    k = bisect_left(toks, sp.start, key=_START)
    if k < len(toks) and toks[k].start < sp.end and is_family_head(toks[k]):
        person = None
        for e in ctx.doc.entities:
            if sp.start <= e.start and e.end <= sp.end and e.type == "PER":
                person = e.actor
                break
        if person is not None:
            sp.actor = family_actor(person)
            return sp
    if sp.actor is None and sp.entity is not None:
        sp.actor = _short_name_actor(ctx, sp)
    if sp.actor is None and (ctx.doc.actors or ctx.doc.entities) and k < len(toks):
        # the head word's own actor («الوزارة», «الرئيس المصري»); a name inside the phrase
        # is its genitive («وزير خارجية ألمانيا») except after «متحدث باسم» / «صادر عن»
        sp.actor = actor_at(ctx, k)
        m = k + 2 if k + 2 < len(toks) and bare(toks[k + 1]) == "باسم" else \
            k + 3 if k + 3 < len(toks) and bare(toks[k + 1]) in ON_BEHALF \
            and bare(toks[k + 2]) == "عن" else None
        if sp.actor is None and m is not None and toks[m].start < sp.end:
            # the organisation's own first word: «باسم وزارة الصحة», not a nisba further
            # on («باسم شركة "آسمان" للطيران الإيرانية» is no spokesman of Iran)
            sp.actor = actor_at(ctx, m)
    return sp


def _short_name_actor(ctx: Context, sp: Speaker) -> Actor | None:
    """«وذكر غوتيرش» after «أنطونيو غوتيرش»: a person's short name without an actor takes
    the actor of the latest earlier person whose name holds all its words."""
    from rawi.attribution.speaker import NAME_PARTICLES, _stems

    ent = next((e for e in ctx.doc.entities if e.id == sp.entity), None)
    if ent is None or ent.type != "PER" or ent.actor is not None:
        return None
    words = {w for w in _stems(ent) if w not in NAME_PARTICLES and len(w) > 2}
    if not words:
        return None
    for e in reversed(ctx.doc.entities):
        if e.end <= ent.start and e.type == "PER" and e.actor is not None \
                and words <= _stems(e):
            return e.actor
    return None
