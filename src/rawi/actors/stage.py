"""The actors stage: match the dictionary, link entities, resolve coreference.

Reads ``tokens`` (and ``entities`` when an NER stage ran before it); sets
``entity.actor`` and fills ``doc.actors``. Without NER entities, the dictionary's
own name mentions become entities (``source="actors"``), so the stage is useful
on its own.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter, not_
from pathlib import Path

from rawi.actors.cities import CityInstitutions
from rawi.actors.coref import (
    Chain,
    antecedent,
    bare_institution,
    dateline_country,
    dominant_country,
    find_generics,
    person_antecedent,
)
from rawi.actors.dictionary import TYPES, Entry
from rawi.actors.index import ActorIndex, get_index
from rawi.actors.keys import key_span, phrase_keys
from rawi.actors.linker import Linker, in_apposition
from rawi.actors.matcher import TITLES, Matcher, Mention, TokenKeys, _adjective_follows
from rawi.actors.person_names import _TITLE_WORDS, LINEAGE, PersonNames
from rawi.actors.typos import CONFIDENCE as TYPO_CONFIDENCE
from rawi.model import Doc, Entity
from rawi.ner.stage import name_start, nisba_after_noun
from rawi.text.normalize import strip_conjunction
from rawi.text.tokenize import tokenize

_START, _END = attrgetter("start"), attrgetter("end")
#: words before which a name word is not a name («شهر رجب», «عيد الأضحى»)
_NOT_NAME_BEFORE = frozenset({"شهر", "عيد", "يوم", "منذ", "حي", "شارع", "جامعه", "مدينه"})

#: Environment variable listing the user's actor files (os.pathsep-separated); set by
#: ``use_actor_files`` so that worker processes of a pool inherit it.
ENV = "RAWI_ACTORS"


def use_actor_files(paths: Iterable[Path | str]) -> None:
    """Make every ActorsStage built from now on (in this process and its children) load
    ``paths`` after the packaged dictionary: what ``rawi analyze --actors FILE`` calls."""
    paths = [str(Path(p)) for p in paths]
    for p in paths:
        if not Path(p).is_file():
            raise FileNotFoundError(f"actor file not found: {p}")
    if paths:
        os.environ[ENV] = os.pathsep.join(paths)
    else:
        os.environ.pop(ENV, None)


def user_files() -> list[str]:
    return [p for p in os.environ.get(ENV, "").split(os.pathsep) if p]


#: confidence of a city institution composed at match time («الشرطة في سياتل»)
CITY_CONFIDENCE = 0.8
#: confidence of an institution named without its country, given the document's country
BARE_CONFIDENCE = 0.5


class ActorsStage:
    name = "actors"
    reads: tuple[str, ...] = ("tokens",)
    writes: tuple[str, ...] = ("entities", "actors")

    def __init__(self, extra_files: Iterable[Path | str] | None = None) -> None:
        if extra_files is None:
            extra_files = user_files()
        self.index: ActorIndex = get_index(extra_files)
        self.matcher = Matcher(self.index)
        self.linker = Linker(self.index, self.matcher)
        self.names = PersonNames(self.index)
        self.cities = CityInstitutions()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.tokens:
            doc.tokens = tokenize(doc.text)
        date = _full_date(doc.article.published)
        tk = self.matcher.keys(doc.tokens)
        mentions = self.matcher.match_keys(tk, date)
        ambiguous = [m for m in mentions if m.ambiguous]
        tk.begins = starts = list(map(_START, doc.tokens))
        tk.ends = list(map(_END, doc.tokens))
        chain: list[Chain] = []
        places: list[tuple[int, str]] = []
        if doc.entities:
            self._adopt(doc, tk, mentions)
            places = self._link_entities(doc, tk, mentions, date, chain)
            self._add_missing(doc, mentions, chain)
        else:
            self._add_missing(doc, [m for m in mentions if m not in ambiguous], chain)
        taken = sorted((c.start, c.end) for c in chain if c.entity)
        for m in mentions:
            if m.kind in ("role", "composed") and m.entry is not None:
                if m.first and strip_conjunction(tk.norms[m.first - 1]) in TITLE_BEFORE:
                    # «نائب وزير الخارجية الروسي» is not Lavrov; «نائب رئيس مجلس الوزراء
                    # الكويتي»: the government is part of someone's title
                    continue
                k = bisect_left(taken, (m.end, -1))
                near = [(s, e) for s, e in taken[max(0, k - 3):k] if s < m.end and m.start < e]
                # a role may hold its organisation's name: «الأمين العام للأمم المتحدة»
                inside = m.kind == "role" and all(m.start < s and e <= m.end for s, e in near)
                if not near or inside:
                    chain.append(Chain(m.start, m.end, m.entry, m.kind))
        chain.sort(key=lambda c: c.start)
        city_heads = self._cities(doc, tk, chain)
        self._short_names(doc, tk, mentions, chain)
        self._bare(doc, tk, mentions, chain, places)
        self._generics(doc, tk, mentions, date, chain, starts, city_heads, places)
        _number_entities(doc, chain)
        doc.actors = _doc_actors(doc, chain)
        return doc

    # ------------------------------------------------------------------ entities
    def _adopt(self, doc: Doc, tk: TokenKeys, mentions: list[Mention]) -> None:
        """Dictionary evidence corrects NER edges and types: an entity inside a longer
        dictionary name takes its span («نبيل» → «نبيل رجب», «مصر» → «حزب مصر القوية»);
        an entity that is exactly a name takes the name's type («بي بي سي» PER → ORG)."""
        entities = doc.entities
        spans = sorted(((e.start, e.end), e) for e in entities)
        for m in mentions:
            if m.entry is None or m.ambiguous or m.kind not in ("name", "composed"):
                continue
            k = bisect_left(spans, ((m.end, -1),))
            ms, me = m.start, m.end
            inside = [e for (s, t), e in spans[max(0, k - 4):k + 1] if s < me and ms < t]
            if len(inside) > 1 and _joined_by_underscores(doc.text, inside, ms, me):
                # «#محمود_عباس» tagged as two names: one hashtag, one name
                keep = inside[0]
                keep.start, keep.end = ms, me
                keep.text = doc.text[ms:me]
                entities = [e for e in entities if e is keep or e not in inside]
                spans = sorted(((e.start, e.end), e) for e in entities)
                inside = [keep]
            if len(inside) != 1:
                continue
            ent = inside[0]
            if m.entry.type == "person" and ent.type == "PER" and ent.start == m.start \
                    and m.end < ent.end and self.names.common_tail(tk, m.last, ent.end) \
                    and not {"بن", "ابن"}.intersection(tk.norms[max(m.first, m.last - 3):m.last]):
                # «نبيل رجب المسجون»: the NER ran on into a description after the name (but
                # after a father's name comes a family name: «... بن عبد العزيز الجربوع»)
                ent.end, ent.text = m.end, doc.text[m.start:m.end]
                continue
            if not (m.start <= ent.start and ent.end <= m.end):
                continue
            if (ent.start, ent.end) != (m.start, m.end):
                if m.length < 2:
                    continue
                ent.start, ent.end, ent.text = m.start, m.end, doc.text[m.start:m.end]
            ent.type = TYPES.get(m.entry.type, ent.type)
        starts = tk.begins
        for ent in entities:  # «الأمير وليام»: the title is no part of the name (gold-dev)
            if ent.type == "PER":
                first = _token_at(starts, ent.start)
                if (first + 1 < len(tk.tokens) and tk.tokens[first].norm in TITLES
                        and tk.tokens[first + 1].start < ent.end
                        and tk.tokens[first].start >= ent.start):
                    ent.start = tk.tokens[first + 1].start
                    ent.text = doc.text[ent.start:ent.end]
        for ent in entities:  # a capital tagged PER («قالت بيونغيانغ») is a place name
            if ent.type == "PER":
                first = _token_at(starts, ent.start)
                if not tk.keys[first]:
                    continue
                last = _token_at(starts, ent.end - 1) + 1
                if self.linker.capital_keys(tk, first, last):
                    ent.type = "LOC"
        doc.entities = sorted(entities, key=lambda e: e.start)

    def _link_entities(self, doc: Doc, tk: TokenKeys, mentions: list[Mention],
                       date: str | None, chain: list[Chain]) -> list[tuple[int, str]]:
        """Link each entity; returns (offset, country) of the capitals named as places,
        which still tell whose institutions the text's bare ones are."""
        tokens = doc.tokens
        ends, starts = tk.ends, tk.begins
        mentions = sorted(mentions, key=lambda m: m.start)
        m_starts = [m.start for m in mentions]
        longest = max((m.end - m.start for m in mentions), default=0)
        pending: list[tuple[Entity, int, int]] = []
        capitals: list[tuple[Entity, int, int]] = []
        for ent in sorted(doc.entities, key=lambda e: e.start):
            first = bisect_right(ends, ent.start)
            last = bisect_left(starts, ent.end)
            if first >= last:
                continue
            near = mentions[bisect_left(m_starts, ent.start - longest):
                            bisect_left(m_starts, ent.end)]
            entry, conf, how = None, 0.0, ""
            if ent.type == "PER":
                keys = [tk.keys[i] or (tokens[i].stem,) for i in range(first, last)]
                entry = person_antecedent(keys, chain, ent.start, self.names.person_keys,
                                          self.names.given, doc.text)
                if entry is not None:
                    conf, how = 0.85, "coref"
            if entry is None:
                entry, conf, how = self.linker.link(ent.start, ent.end, ent.type, tk, first,
                                                    last, near, date)
                if entry is not None and (
                        self.names.other_given_name(entry, tk, first, last)
                        or how != "exact" and self.names.other_first_name(entry, tk, first, last)
                        or self.names.other_family_name(entry, tk, first, last)):
                    entry = None  # «علي العامري» is not «هادي العامري»
                elif entry is not None and entry.type == "country" and in_apposition(tk, first):
                    entry = None  # «العاصمة الأردنية عمان» is Amman, not Oman
                elif entry is not None and entry.type == "region" and first \
                        and strip_conjunction(tk.norms[first - 1]) in WATERS:
                    entry = None  # «شمال الخليج», «مياه الخليج»: the sea, not the Gulf states
            if entry is None and ent.type == "PER":
                entry, conf = self._lineage_link(tk, first, last, near, date)
            if entry is None:
                entry = self._typo_extend(doc, tk, ent, first, last)
                conf = TYPO_CONFIDENCE
            if entry is None and ent.type in ("ORG", "MISC"):
                pending.append((ent, first, last))
            elif entry is None and ent.type == "LOC" and tk.keys[first]:
                capitals.append((ent, first, last))
            if entry is not None:
                ent.actor = entry.actor()
                ent.confidence = conf if ent.confidence is None else ent.confidence
                chain.append(Chain(ent.start, ent.end, entry, "entity", ent.id))
        places = [(ent.start, iso) for ent, first, last in capitals
                  if ent.actor is None and (iso := self.linker.capital_keys(tk, first, last))]
        for ent, first, last in pending:  # once the whole document's countries are known
            entry = bare_institution(self.index, tk, first, last, chain, ent.start,
                                     dateline=dateline_country(self.index, tk), places=places)
            if entry is not None:
                ent.actor, ent.confidence = entry.actor(), BARE_CONFIDENCE
                chain.append(Chain(ent.start, ent.end, entry, "entity", ent.id))
        chain.sort(key=lambda c: c.start)
        return places

    def _lineage_link(self, tk: TokenKeys, first: int, last: int, near: list[Mention],
                      date: str | None) -> tuple[Entry | None, float]:
        """«محمد بن نايف بن عبدالعزيز»: a person's dictionary name followed by more of the
        lineage («بن ...», «آل ...») is that person; the name without its tail links."""
        norms = tk.norms
        k = last
        while k - 2 > first and norms[k - 2] in LINEAGE:
            k -= 2  # drop «بن عبدالعزيز», «آل سعود» from the end
            toks = tk.tokens
            entry, conf, how = self.linker.link(toks[first].start, toks[k - 1].end, "PER", tk,
                                                first, k, near, date)
            if entry is not None and entry.type == "person" and how in ("exact", "name") \
                    and not self.names.other_given_name(entry, tk, first, k) \
                    and self.names.lineage_agrees(entry, norms[first:k], norms[k:last]):
                return entry, round(conf * 0.95, 3)
        return None, 0.0

    def _typo_extend(self, doc: Doc, tk: TokenKeys, ent: Entity, first: int, last: int
                     ) -> Entry | None:
        """An entity that is the rest of a name whose misspelt word the NER left out
        («للملكة العربية السعودية» tagged «العربية السعودية»), or a misspelt word whose
        name goes on outside it («جون» + «بولتن»): the entity takes the name's span
        and links at the typo confidence."""
        tokens = doc.tokens
        typos = self.index.typos
        if typos is None:
            return None
        keys, norms, seen = tk.keys, tk.norms, typos.seen
        missing = [i for i in range(first, last) if not keys[i]]
        if len(missing) > 1:
            return None  # most unlinked entities: names that are no dictionary words
        if missing:
            if not ((first and keys[first - 1]) or (last < len(keys) and keys[last])):
                return None  # a misspelt entity needs a dictionary word next to it
            near = seen.get(norms[missing[0]])
            if near is None:
                near = typos.near(norms[missing[0]])
            if not near:
                return None
        for a, b, extra in ((first - 1, last, first - 1), (first, last + 1, last)):
            if a < 0 or b > len(tokens) or tokens[extra].kind != "word":
                continue
            t = tokens[extra]
            if not keys[extra] and (missing or not (seen.get(t.norm) or typos.near(t.norm))):
                continue  # the usual case, memoised: a word that is neither name nor typo
            found = self.linker.typo(tk, a, b, ent.type, extra)
            if found is not None and not any(e is not ent and e.start < t.end and t.start < e.end
                                             for e in doc.entities):
                entry, start, end = found
                ent.start, ent.end = min(start, ent.start), max(end, ent.end)
                ent.text = doc.text[ent.start:ent.end]
                return entry
        return None

    def _add_missing(self, doc: Doc, mentions: list[Mention], chain: list[Chain]) -> None:
        """Dictionary mentions no entity covers become entities of the entry's type."""
        spans = sorted((e.start, e.end) for e in doc.entities)
        used = {e.id for e in doc.entities}
        n = 0
        added = []
        for m in mentions:
            if m.entry is None or m.kind not in ("name", "composed") or m.ambiguous:
                continue
            k = bisect_left(spans, (m.end, -1))
            ms, me = m.start, m.end
            if any(s < me and ms < e for s, e in spans[max(0, k - 3):k + 1]):
                continue
            if m.entry.type == "country" and m.length == 1 \
                    and nisba_after_noun(doc.tokens, m.first):
                continue  # «المرأة السعودية»: an adjective, not the country named
            while f"A{n}" in used:
                n += 1
            ident = f"A{n}"
            used.add(ident)
            added.append(Entity(id=ident, start=m.start, end=m.end, text=doc.text[m.start:m.end],
                                type=TYPES.get(m.entry.type, "ORG"), actor=m.entry.actor(),
                                confidence=m.confidence, source="actors"))
            chain.append(Chain(m.start, m.end, m.entry, "entity", ident))
        if added:
            doc.entities = sorted(doc.entities + added, key=lambda e: e.start)
        chain.sort(key=lambda c: c.start)

    def _short_names(self, doc: Doc, tk: TokenKeys, mentions: list[Mention],
                     chain: list[Chain]) -> None:
        """A later lone surname the NER missed («رجب» after «نبيل رجب», «للأسد» after «بشار
        الأسد», «تشوي» after «تشوي سون-هوي») becomes an entity of that person (0.85): one
        word of a person named in full earlier, not a common given name or a particle."""
        persons = [c for c in chain if c.entity and c.entry.type == "person"]
        if not persons:
            return
        words: dict[str, list[Chain]] = {}
        for c in persons:
            # the first or last word of the name as written here, if it is a name word of
            # the entry: «خادم الحرمين الشريفين» is a title, «الشريفين» no surname
            said = phrase_keys(doc.text[c.start:c.end])
            if len(said) < 2 or any(w in TITLES or w in _TITLE_WORDS for w in said):
                continue
            allowed = self.names.person_words.get(c.entry.id, frozenset())
            for w in {said[0], said[-1]} & allowed:
                words.setdefault(w, []).append(c)
        if not words:
            return
        keys, tokens = tk.keys, doc.tokens
        hits = list(compress(range(len(keys)), map(not_, map(words.keys().isdisjoint, keys))))
        if not hits:
            return
        spans = sorted((e.start, e.end) for e in doc.entities)
        spans += [(m.start, m.end) for m in mentions if m.entry is not None]
        spans.sort()
        used = {e.id for e in doc.entities}
        added, n = [], 0
        for i in hits:
            t = tokens[i]
            if t.kind != "word" or (i > 0 and tokens[i - 1].norm in _NOT_NAME_BEFORE):
                continue
            if i + 1 < len(tokens) and tokens[i + 1].kind == "number":  # «رجب 1439»
                continue
            k = bisect_left(spans, (t.end, -1))
            if any(s < t.end and t.start < e for s, e in spans[max(0, k - 3):k + 1]):
                continue
            key = next(k for k in keys[i] if k in words)
            earlier = [c for c in words[key] if c.end <= t.start]
            if not earlier:
                continue
            entry = earlier[-1].entry
            start, end = key_span(t, key, True, True)
            while f"A{n}" in used:
                n += 1
            used.add(f"A{n}")
            added.append(Entity(id=f"A{n}", start=start, end=end, text=doc.text[start:end],
                                type="PER", actor=entry.actor(), confidence=0.85,
                                source="actors"))
            chain.append(Chain(start, end, entry, "entity", f"A{n}"))
        if added:
            doc.entities = sorted(doc.entities + added, key=lambda e: e.start)
            chain.sort(key=lambda c: c.start)

    def _bare(self, doc: Doc, tk: TokenKeys, mentions: list[Mention], chain: list[Chain],
              places: list[tuple[int, str]]) -> None:
        """A ministry named without its country («وزارة الداخلية») that no entity covers
        becomes an entity of the ministry of the country the text is about, confidence 0.5."""
        bare = [m for m in mentions if m.kind == "bare"]
        if not bare:
            return
        spans = sorted((e.start, e.end) for e in doc.entities)
        used = {e.id for e in doc.entities}
        added, n = [], 0
        dateline = dateline_country(self.index, tk)
        for m in bare:
            k = bisect_left(spans, (m.end, -1))
            if any(s < m.end and m.start < e for s, e in spans[max(0, k - 3):k + 1]):
                continue
            entry = bare_institution(self.index, tk, m.first, m.last, chain, m.start, m.role,
                                     dateline, places)
            if entry is None:
                continue
            while f"A{n}" in used:
                n += 1
            used.add(f"A{n}")
            added.append(Entity(id=f"A{n}", start=m.start, end=m.end,
                                text=doc.text[m.start:m.end], type="ORG", actor=entry.actor(),
                                confidence=BARE_CONFIDENCE, source="actors"))
            chain.append(Chain(m.start, m.end, entry, "entity", f"A{n}"))
        if added:
            doc.entities = sorted(doc.entities + added, key=lambda e: e.start)
            chain.sort(key=lambda c: c.start)

    def _name_follows(self, tk: TokenKeys, per_starts: set[int], end: int) -> bool:
        """A person's name starts right after offset ``end``: an entity, or a given name
        the NER missed («الملك فيصل»)."""
        k = bisect_left(tk.begins, end)
        if k >= len(tk.tokens):
            return False
        return tk.begins[k] in per_starts or bool(self.names.given.intersection(tk.keys[k]))

    def _cities(self, doc: Doc, tk: TokenKeys, chain: list[Chain]) -> list[tuple[int, int]]:
        """«الشرطة في سياتل», «شرطة سياتل»: city institutions (cities.py) link the entity
        that names one, or else become a mention of their own; the token ranges they take
        are returned, so that «الشرطة» is not also read as a generic noun."""
        found = self.cities.find(tk, doc.entities)
        if not found:
            return []
        toks = doc.tokens
        taken = []
        for city in found:
            head = toks[city.head]
            end = toks[city.last - 1].end
            ent = next((e for e in doc.entities if e.end == end
                        and head.start <= e.start < head.end and e.type in ("ORG", "MISC")),
                       None)
            over = [c for c in chain if c.start < head.end and head.start < c.end]
            if ent is not None and ent.actor is not None and ent.confidence == BARE_CONFIDENCE:
                over = [c for c in over if c.entity != ent.id]  # a guess by country only
            if over:
                continue  # a dictionary name: «شرطة نيويورك» is the NYPD
            if ent is not None:
                chain[:] = [c for c in chain if c.entity != ent.id]
                ent.actor, ent.confidence = city.entry.actor(), CITY_CONFIDENCE
                chain.append(Chain(ent.start, ent.end, city.entry, "entity", ent.id))
                taken.append((city.head, city.last))
            elif city.first == city.head + 1:  # «شرطة سياتل»
                chain.append(Chain(name_start(head), end, city.entry, "composed"))
                taken.append((city.head, city.last))
            else:  # «الشرطة في سياتل»: the head alone names it
                chain.append(Chain(name_start(head), head.end, city.entry, "composed"))
                taken.append((city.head, city.head + 1))
        chain.sort(key=lambda c: c.start)
        return taken

    # ------------------------------------------------------------------ generics
    def _generics(self, doc: Doc, tk: TokenKeys, mentions: list[Mention], date: str | None,
                  chain: list[Chain], starts: list[int],
                  taken_extra: Sequence[tuple[int, int]] = (),
                  places: Sequence[tuple[int, str]] = ()) -> None:
        taken = [(m.first, m.last) for m in mentions]
        taken.extend(taken_extra)
        for e in doc.entities:
            f = _token_at(starts, e.start)
            taken.append((f, _token_at(starts, e.end - 1) + 1))
        found = []
        dateline: str | None | bool = False
        per_starts = {e.start for e in doc.entities if e.type == "PER"}
        for start, end, generic, country in find_generics(self.index, tk, taken):
            if generic.roles and country is None and (
                    self._name_follows(tk, per_starts, end) or _former_follows(tk, end)):
                continue  # «الرئيس ترامب», «الملك فيصل»: the title of the name after it;
                # «الرئيس السابق»: not who holds the office now
            entry = antecedent(self.index, chain, start, generic, country, date)
            if (entry is None and generic.institution and country is None
                    and not _adjective_follows(tk, _token_at(starts, end - 1) + 1)):
                # «وقال الجيش» with no army named before: the army of the text's country
                if dateline is False:
                    dateline = dateline_country(self.index, tk)
                iso = dominant_country(chain, start, dateline, margin=2.0, places=places)
                entry = self.index.institution(iso, generic.institution) if iso else None
            if entry is not None:
                found.append(Chain(start, end, entry, "generic"))
        # role mentions without a holder («الرئيس الأمريكي» with no date) try the chain
        chain.extend(found)
        chain.sort(key=lambda c: c.start)


#: words before a role or an institution that make it part of another person's title
TITLE_BEFORE = frozenset({"نايب", "نائب", "مساعد", "وكيل", "رئيس", "مستشار", "مدير", "عضو"})
#: words before a region's name that make it the sea or the land, not its states
WATERS = frozenset({"شمال", "جنوب", "شرق", "غرب", "مياه", "مضيق", "سواحل", "ساحل", "عبر"})


#: words after a title that say it is no longer held («السابق», «الراحل»), normalised
FORMER = frozenset({"السابق", "الاسبق", "الراحل", "المخلوع", "السابقه", "الراحله"})


def _former_follows(tk: TokenKeys, end: int) -> bool:
    k = bisect_left(tk.begins, end)
    return k < len(tk.tokens) and tk.norms[k] in FORMER


def _joined_by_underscores(text: str, ents: list[Entity], start: int, end: int) -> bool:
    """The entities lie inside [start, end) with only «_» between them (a hashtag)."""
    ents = sorted(ents, key=_START)
    if ents[0].start < start or ents[-1].end > end:
        return False
    return all(text[a.end:b.start] == "_" for a, b in zip(ents, ents[1:], strict=False))


def _token_at(starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return i if i > 0 else 0


def _number_entities(doc: Doc, chain: list[Chain]) -> None:
    """Entity ids ``e1``, ``e2``, ... in text order, whichever stage found the entity
    (the NER's and this stage's own additions interleave), and the chain follows."""
    doc.entities.sort(key=_START)
    renamed = {}
    for n, ent in enumerate(doc.entities, 1):
        new = f"e{n}"
        renamed[ent.id] = new
        ent.id = new
    for c in chain:
        if c.entity is not None:
            c.entity = renamed.get(c.entity, c.entity)


def _doc_actors(doc: Doc, chain: list[Chain]) -> list[dict]:
    out: dict[str, dict] = {}
    for c in chain:
        data = out.get(c.entry.id)
        if data is None:
            data = dict(_actor_dict(c.entry))
            data["mentions"] = []
            data["spans"] = []
            out[c.entry.id] = data
        if c.entity:
            if c.entity not in data["mentions"]:
                data["mentions"].append(c.entity)
        else:
            data["spans"].append({"start": c.start, "end": c.end,
                                  "text": doc.text[c.start:c.end], "kind": c.kind})
    return list(out.values())


_dicts: dict[int, dict] = {}


def _actor_dict(entry: Entry) -> dict:
    """The entry's Actor as a contract dict, built once per entry."""
    d = _dicts.get(id(entry))
    if d is None or d["id"] != entry.id:
        d = entry.actor().to_dict()
        _dicts[id(entry)] = d
    return {**d, "aliases": list(d["aliases"])}


def _full_date(published: str | None) -> str | None:
    """The publication date when it is a full YYYY-MM-DD date (roles need a day)."""
    if published and len(published) >= 10 and published[4] == "-" and published[7] == "-" \
            and published[:4].isdigit() and published[5:7].isdigit() and published[8:10].isdigit():
        return published[:10]
    return None
