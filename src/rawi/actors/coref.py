"""In-document coreference: short names, generic nominals and role nouns.

News names an actor in full once, then shortens: «سيرغي لافروف» → «لافروف»,
«وزارة الدفاع الروسية» → «الوزارة», «حركة حماس» → «الحركة», «الرئيس الروسي» →
Putin on the publication date. This module walks the document's mentions in order
and resolves each short or generic form to the most recent compatible full mention.

Generic nominals are not entities (gold-dev convention), so their resolutions are
kept as spans in ``doc.actors[i]["spans"]``; :func:`resolve_at` answers "who is
this span?" for the attribution stage («وأعلنت الوزارة» → Russian MoD).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rawi.actors.cities import country_after
from rawi.actors.dictionary import Entry
from rawi.actors.index import ActorIndex, Generic
from rawi.actors.keys import phrase_keys
from rawi.actors.linker import DATELINE_END
from rawi.actors.matcher import TokenKeys, _phrases_at
from rawi.model import Actor, Doc


@dataclass(slots=True)
class Chain:
    """One resolved mention in text order: what the coreference walk looks back over."""

    start: int
    end: int
    entry: Entry
    kind: str  # entity | composed | role | generic
    entity: str | None = None


def _role_ok(entry: Entry, roles: frozenset[str], country: str | None, date: str | None) -> bool:
    for r in entry.roles:
        if (r.key in roles and (country is None or r.target == country)
                and (date is None or r.holds_on(date))):
            return True
    return False


def antecedent(index: ActorIndex, chain: list[Chain], before: int, generic: Generic,
               country: str | None, date: str | None) -> Entry | None:
    """The most recent mention before ``before`` that ``generic`` can refer to."""
    for link in reversed(chain):
        if link.start >= before:
            continue
        e = link.entry
        if generic.roles:
            if e.type == "person" and _role_ok(e, generic.roles, country, date):
                return e
            continue
        if e.type not in generic.types:
            continue
        if country and e.country != country:
            continue
        if generic.needs and not any(n in index.words_of(e) for n in generic.needs):
            continue
        return e
    if generic.roles and country:
        for role in sorted(generic.roles):
            holder = index.holder(role, country, date)
            if holder:
                return holder
    return None


#: words after which a generic noun is a name («نادي الجيش», «فريق الشرطة», «قناة الحرة»)
NAME_HEADS = frozenset({"نادي", "فريق", "منتخب", "ملعب", "قناه", "صحيفه", "جريده", "مجله",
                        "شارع", "حي", "ميدان", "مسجد", "مدرسه"})


#: participles after a generic noun that describe a new referent («الميليشيات الموالية
#: لإيران», «الجماعات المسلحة», «القوات التابعة للنظام»), normalised
DESCRIPTIONS = frozenset({
    "المدعومه", "المدعوم", "المدعومين", "المواليه", "الموالي", "الموالين", "التابعه",
    "التابع", "التابعين", "المسلحه", "المسلح", "المسلحين", "المتحالفه", "المتحالف",
    "المرتبطه", "المرتبط", "المقربه", "المقرب", "الاخري", "الاخر", "المختلفه",
})


def _bare_norm(norm: str) -> str:
    return norm[1:] if len(norm) > 2 and norm[0] in "وفبل" else norm


def find_generics(index: ActorIndex, tk: TokenKeys, taken: list[tuple[int, int]]
                  ) -> list[tuple[int, int, Generic, str | None]]:
    """Definite generic nominals («الوزارة», «الوزير الروسي») outside other mentions:
    (start, end, generic, country of a following nisba)."""
    out = []
    tokens = tk.tokens
    busy = set()
    if tk.generic_at:
        for s, e in taken:
            busy.update(range(s, e))
    generics = index.generics
    for i in tk.generic_at:
        t = tokens[i]
        g = generics.get(t.stem)
        if g is None or i in busy or "ال" not in t.prefix.split("+"):
            continue
        if i and _bare_norm(tokens[i - 1].norm) in NAME_HEADS:
            continue  # «نادي الجيش», «فريق الشرطة»: a club's name, not the army or police
        if i + 1 < len(tokens) and tokens[i + 1].norm in DESCRIPTIONS:
            continue  # «الميليشيات المدعومة من إيران»: described anew, not referred back to
        country = None
        end_tok = i + 1
        if end_tok < len(tokens) and end_tok not in busy:
            nis = max(_phrases_at(index.nisbas, tk, end_tok), key=lambda f: f[0], default=None)
            if nis:
                country, end_tok = nis[2], nis[0]
        start = t.stem_start - 2 if t.text[t.stem_start - t.start - 2:t.stem_start - t.start] \
            in ("ال", "أل") else t.stem_start
        out.append((max(start, t.start), tokens[end_tok - 1].end, g, country))
    return out


def person_antecedent(keys: list[tuple[str, ...]], chain: list[Chain], before: int,
                      person_keys: dict[str, set[str]],
                      given: frozenset[str] = frozenset(), text: str | None = None
                      ) -> Entry | None:
    """An earlier linked person whose name contains every word of this short form. A
    common given name alone («محمد» after «محمد بن سلمان») is not enough. With the
    document ``text``, an earlier name must also have been written with those words:
    «ترامب» after «السيدة الأولى ميلانيا» is not Melania Trump (a role or title that
    was resolved to a person, «الرئيس الأمريكي», still counts whole)."""
    if not keys or any(not k for k in keys):
        return None
    # a common given name alone refers back only to a name written with it last, as the
    # surname: «عباس» after «محمود عباس», never after «عباس عراقجي» or a role
    common = all(set(cands) <= given for cands in keys)
    if common and (text is None or len(keys) > 1):
        return None
    for link in reversed(chain):
        if link.start >= before or link.entry.type != "person":
            continue
        words = person_keys.get(link.entry.id, set())
        if text is not None and link.kind == "entity":
            written = phrase_keys(text[link.start:link.end])
            if common:
                words = {written[-1]} if len(written) >= 2 else set()
            else:
                words = words & set(written)
        elif common:
            continue
        if all(any(k in words for k in cands) for cands in keys):
            return link.entry
    return None


def _actor_from(data: dict) -> Actor:
    fields = ("id", "name", "type", "aliases", "name_ar", "country", "wikidata")
    return Actor(**{k: data.get(k) for k in fields if k in data})


def resolve_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor a span refers to, from the actors stage's results: an entity or a
    resolved generic/role mention overlapping [start, end). None when unknown."""
    best: tuple[int, Actor] | None = None
    for data in doc.actors:
        spans = list(data.get("spans", []))
        for e in doc.entities:
            if e.id in data.get("mentions", ()):
                spans.append({"start": e.start, "end": e.end})
        for s in spans:
            ov = min(end, s["end"]) - max(start, s["start"])
            if ov > 0 and (best is None or ov > best[0]):
                best = (ov, _actor_from(data))
    return best[1] if best else None


#: Actor types that speak for a state: «وزارة الداخلية» after «قوى الأمن التونسية» is Tunisia's.
STATE_TYPES = frozenset({"government", "presidency", "ministry", "legislature", "judiciary",
                         "security", "armed_forces", "intelligence", "embassy"})


def dominant_country(chain: list[Chain], before: int | None = None,
                     dateline: str | None = None, margin: float = 1.0,
                     places: Sequence[tuple[int, str]] = ()) -> str | None:
    """The country the document is about at ``before``: mentions before it counted, a
    state institution three times («أوقفت قوى الأمن التونسية ... في ألمانيا» is a
    Tunisian story so far), a country or person once, the dateline's country («القاهرة -»)
    three times; the whole document when what precedes names no winner («نقلت وكالة
    الإعلام الروسية عن وزارة الدفاع»: one point is no story yet). The winner needs ≥ 2
    points and a strict lead; with ``margin`` > 1, ≥ 3 points and ``margin`` times the
    runner-up's. ``places``: (offset, country) of capitals named as places («بمنطقة
    الرياض»), one point each."""
    scopes = (before, None) if before is not None else (None,)
    for scope in scopes:
        counts: dict[str, int] = {dateline: 3} if dateline else {}
        for link in chain:
            iso = link.entry.country
            if iso and (scope is None or link.start < scope):
                counts[iso] = counts.get(iso, 0) + (3 if link.entry.type in STATE_TYPES else 1)
        for start, iso in places:
            if scope is None or start < scope:
                counts[iso] = counts.get(iso, 0) + 1
        winner = _winner(counts, margin)
        if winner is not None:
            return winner
    return None


def _winner(counts: dict[str, int], margin: float) -> str | None:
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    if margin > 1 and (ranked[0][1] < 3 or len(ranked) > 1
                       and ranked[0][1] < margin * ranked[1][1]):
        return None
    return ranked[0][0]


def dateline_country(index: ActorIndex, tk: TokenKeys) -> str | None:
    """The country of a capital opening the text as its dateline («القاهرة - ...»)."""
    tokens = tk.tokens
    for width in (1, 2):
        if len(tokens) > width and tokens[width].norm in DATELINE_END:
            for combo in _combos(tk.keys[:width]):
                iso = index.capitals.get(combo)
                if iso:
                    return iso
    return None


def _combos(options: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()]
    for opts in options:
        out = [(*o, k) for o in out for k in opts]
    return out


def bare_institution(index: ActorIndex, tk: TokenKeys, first: int, last: int, chain: list[Chain],
                     before: int, key: str | None = None, dateline: str | None = None,
                     places: Sequence[tuple[int, str]] = ()) -> Entry | None:
    """«وزارة الداخلية» with no country: the same institution mentioned earlier, else the
    institution of the country the document is about (:func:`dominant_country`)."""
    if key is None:
        heads = [h for end, _k, h in _phrases_at(index.heads, tk, first)
                 if end == last and h.kind == "inst" and not h.construct]
        if not heads:
            return None
        key = heads[0].key
    iso = country_after(tk, last)  # «وزارة الصحة بقطاع غزة»: the place says whose
    if iso and (entry := index.institution(iso, key)) is not None:
        return entry
    for link in reversed(chain):
        if link.start < before and link.entry.id.endswith(f"-{key}"):
            return link.entry
    iso = dominant_country(chain, before, dateline, places=places)
    return index.institution(iso, key) if iso else None
