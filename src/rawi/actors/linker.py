"""Link one entity span to a dictionary entry: exact, alias, composed, fuzzy, metonymy.

The linker never guesses: an entity whose text matches nothing of a compatible
type keeps ``actor=None``. Confidence reflects how the link was made.
"""

from __future__ import annotations

from itertools import product

from rawi.actors.dictionary import Entry
from rawi.actors.index import ActorIndex, skeleton
from rawi.actors.keys import key_span, phrase_keys, strip_article
from rawi.actors.matcher import Matcher, Mention, TokenKeys, _adjective_follows
from rawi.actors.typos import CONFIDENCE, start_in
from rawi.text.lexicon import frequencies

ARTICLE = "ال"
#: name particles: sharing one with a dictionary name proves nothing
_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال", "آل"})

#: Locative words before a capital that make it a place, not a government («في موسكو»).
#: «على» and «بين» are left out: «العقوبات على موسكو», «العلاقات بين برلين والرياض».
LOCATIVE = frozenset({
    "في", "الى", "الي", "من", "نحو", "عبر", "قرب", "داخل", "خارج", "شمال", "جنوب", "شرق",
    "غرب", "وسط", "حول", "مدينه", "العاصمه", "ضواحي", "محيط", "انحاء", "ارجاء", "زار",
    "زياره", "مطار",
    # place nouns heading a construct: «جامعة القاهرة», «شوارع بغداد», «محافظ القاهرة»
    "جامعه", "شارع", "شوارع", "محافظ", "محافظه", "ميناء", "سكان", "ريف", "بلديه", "قلب",
    "احياء", "مستشفي", "متحف", "بورصه", "اهالي", "مسجد", "كنيسه", "فندق", "سجن", "مدينة",
    "عاصمه",
    # events and offices named after the city: «اجتماع القاهرة», «مشاورات موسكو»
    # («إعلان الرياض», «اتفاق الرياض» left out: also the government's announcement)
    "اجتماع", "اجتماعات", "مؤتمر", "لقاء", "مشاورات", "محادثات", "مفاوضات", "قمه", "منطقه",
    "اماره", "حاكم", "شرطه", "مرور", "طريق", "حدود", "ولايه", "ولايات", "غوطه", "معرض",
    "مهرجان", "ماراثون", "قناه", "بازار", "فرقه", "مخرجات", "محكمه", "جنح", "عهد",
    "شرقي", "غربي", "شمالي", "جنوبي", "وسطي",
})
DASHES = frozenset({"-", "–", "—"})
#: how far into a text a dateline may sit after the outlet's name («عين اليوم – لندن:»)
DATELINE_REACH = 12


#: letters that stand alone as words («و» written apart): never half of a split name
STANDALONE_LETTERS = frozenset("وبلفك")

#: what closes a dateline: «القاهرة - », «دمشق (رويترز) -», «بغداد:»
DATELINE_END = frozenset({"-", "(", ":", "–", "—", "/", ","})


def in_apposition(tk: TokenKeys, first: int) -> bool:
    """Token ``first`` follows «العاصمة» or «مدينة» and a definite nisba («العاصمة
    الألمانية برلين», «العاصمة الأردنية، عمان»): it names a city, not a state."""
    toks = tk.tokens
    k = first - 2 if first > 0 and toks[first - 1].norm not in (",", "،") else first - 3
    return k >= 0 and toks[k + 1].norm.endswith("يه") and toks[k + 1].prefix.endswith("ال") \
        and toks[k].stem in CITY_NOUNS


#: nouns a city's name may stand in apposition to
CITY_NOUNS = frozenset({"عاصمه", "مدينه"})


def compatible(entity_type: str, entry: Entry) -> float:
    """How well an entity type fits an entry type: 1 fits, 0.7 tolerable, 0 never."""
    if entry.type == "person":
        return 1.0 if entity_type == "PER" else 0.0
    if entity_type == "PER":
        return 0.0
    if entry.type in ("country", "region"):
        return 1.0 if entity_type == "LOC" else 0.7
    return 0.0 if entity_type == "LOC" else 1.0


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


class Linker:
    def __init__(self, index: ActorIndex, matcher: Matcher) -> None:
        self.index = index
        self.matcher = matcher
        self._fuzzy_cache: dict[tuple[str, ...], tuple[Entry | None, float, str]] = {}
        self._inner_cache: dict[tuple, tuple[Entry, float, str] | None] = {}
        self._forms: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None
        self._given: frozenset[str] = frozenset()
        self._skeleton_forms()  # built at load time, not in the first article
        frequencies()  # the lexicon the typo guards consult (loaded once per process)

    def link(self, start: int, end: int, etype: str, tk: TokenKeys, first: int, last: int,
             mentions: list[Mention], date: str | None) -> tuple[Entry | None, float, str]:
        """(entry, confidence, how) for the entity [start, end) over tokens [first, last)."""
        best = self._from_mentions(start, end, etype, mentions)
        if best:
            return best
        # The text-wide segmentation may cross the entity's edges: match inside it alone.
        if any(tk.starts[first:last]):
            # depends only on the entity's own words and edges: memoised per surface
            toks = tk.tokens
            adjective = _adjective_follows(tk, last)
            ck = (etype, date, adjective, start - toks[first].start, end - toks[last - 1].end,
                  *tk.norms[first:last], *(t.text for t in toks[first:last]))
            best = self._inner_cache.get(ck, False)
            if best is False:
                best = self._inner(start, end, etype, tk, first, last, date, adjective)
                if len(self._inner_cache) < 100_000:
                    self._inner_cache[ck] = best
            if best:
                return best
        if etype == "LOC":
            capital = self._capital(tk, first, last)
            if capital:
                return capital, 0.6, "metonymy"
        # (a lone word is never a person's typo: see typo())
        if last - first > 1 or etype != "PER":
            typo = self.typo(tk, first, last, etype)
            if typo is not None:
                return typo[0], CONFIDENCE, "typo"
        fuzzy = self._fuzzy(tk, first, last, etype)
        if fuzzy[0] is None and etype == "PER" and last - first >= 2:
            return self._partial(tk, first, last)
        return fuzzy

    def _inner(self, start: int, end: int, etype: str, tk: TokenKeys, first: int, last: int,
               date: str | None, adjective: bool) -> tuple[Entry, float, str] | None:
        """Match inside the entity alone (the text-wide segmentation may cross its edges)."""
        sub = tk.sub(first, last)
        inner = self.matcher.match_keys(sub, date)
        if adjective:  # «القاعدة الجوية» is an air base
            inner = [m for m in inner if not m.ambiguous]
        else:
            inner += [c for i in range(len(sub)) if sub.starts[i]
                      for c in self.matcher.candidates_at(sub, i, date) if c.ambiguous]
        return self._from_mentions(start, end, etype, inner, partial=True)

    def _partial(self, tk: TokenKeys, first: int, last: int) -> tuple[Entry | None, float, str]:
        """A PER entity that is two or more consecutive words of exactly one dictionary
        person's longer name («بن رعد» -> Zeid bin Ra'ad), at confidence 0.6."""
        options = self._joined_options(tk, first, last)
        if not all(options) or len(options) > 4:
            return None, 0.0, ""
        ids: set[str] = set()
        for combo in product(*options):
            ids |= self.index.partials.get(combo, set())
        if len(ids) == 1:
            entry = self.index.dictionary.get(next(iter(ids)))
            if entry is not None:
                return entry, 0.6, "partial"
        return None, 0.0, ""

    def _joined_options(self, tk: TokenKeys, first: int, last: int) -> list[tuple[str, ...]]:
        """Each token's keys, a lone letter joined to the word after it when together they
        are a name word: a stray space inside a name («ز يد بن رعد» is «زيد بن رعد»)."""
        options: list[tuple[str, ...]] = []
        i = first
        while i < last:
            norm = tk.norms[i]
            if not tk.keys[i] and len(norm) == 1 and norm not in STANDALONE_LETTERS \
                    and i + 1 < last and tk.tokens[i].end == tk.tokens[i + 1].start - 1:
                joined = self.index.surfaces.both.get(norm + tk.norms[i + 1], (0, ()))[1]
                if joined:
                    options.append(joined)
                    i += 2
                    continue
            options.append(tk.keys[i])
            i += 1
        return options

    def _from_mentions(self, start: int, end: int, etype: str, mentions: list[Mention],
                       partial: bool = False) -> tuple[Entry, float, str] | None:
        scored = []
        for m in mentions:
            if m.entry is None:
                continue
            ov = min(end, m.end) - max(start, m.start)
            if ov <= 0:
                continue
            fit = compatible(etype, m.entry)
            if not fit:
                continue
            cover = ov / max(end - start, m.end - m.start)
            # the mention must carry the entity: cover most of it, or contain it
            if ov / (end - start) < 0.6:
                continue
            how = "exact" if (m.start, m.end) == (start, end) else m.kind
            scored.append((fit * m.confidence * (0.6 + 0.4 * cover), m.entry, how))
        if not scored:
            return None
        conf, entry, how = max(scored, key=lambda s: s[0])
        return entry, round(conf, 3), how

    def capital_keys(self, tk: TokenKeys, first: int, last: int) -> str | None:
        """The ISO code when tokens [first, last) are exactly a capital's name."""
        rest = tuple(tk.keys[i][0] if tk.keys[i] else "" for i in range(first + 1, last))
        return next((self.index.capitals[(c, *rest)] for c in tk.keys[first]
                     if (c, *rest) in self.index.capitals), None)

    def _capital(self, tk: TokenKeys, first: int, last: int) -> Entry | None:
        """A capital as the government's voice («أعلنت موسكو»), not as a place («في موسكو»)."""
        iso = self.capital_keys(tk, first, last)
        if iso:
            tok = tk.tokens[first]
            if any(p in tok.prefix.split("+") for p in ("ب", "ل", "ك")):
                return None
            prev = tk.tokens[first - 1] if first > 0 else None
            if (last < len(tk) and tk.tokens[last].norm in DATELINE_END
                    and (prev is None or first < DATELINE_REACH and prev.kind == "punct")
                    or prev is not None and first < DATELINE_REACH and prev.norm in DASHES):
                return None  # «القاهرة - ...», «سبق- الرباط:», «عين اليوم – إسلام آباد»: where
            if prev is not None and (prev.norm in LOCATIVE or prev.stem in LOCATIVE):
                return None
            if prev is not None and prev.text == "(" and last < len(tk) \
                    and tk.tokens[last].text == ")":
                return None  # «"مجموعة المحروس" (دمشق)»: where a company is, not who acts
            if in_apposition(tk, first):
                return None
            return self.index.dictionary.by_country.get(iso)
        return None

    def typo(self, tk: TokenKeys, first: int, last: int, etype: str, extra: int = -1
             ) -> tuple[Entry, int, int] | None:
        """(entry, start, end) when tokens [first, last) are one dictionary name with one
        allowed typo (:mod:`rawi.actors.typos`) and the entry's type fits; with ``extra``
        set, the typo must be in that token (a word the NER left out of the entity)."""
        typos = self.index.typos
        if typos is None:
            return None
        found = typos.match_at(tk.norms, tk.tokens, tk.keys, first, last)
        if found is None:
            return None
        ident, j, off = found
        if extra >= 0 and first + j != extra and not tk.keys[extra]:
            return None
        entry = self.index.dictionary.get(ident)
        if entry is None or compatible(etype, entry) < 1.0:
            return None
        if entry.type == "person" and last - first == 1:
            return None  # a lone surname one letter off is another person («كوشن»)
        toks = tk.tokens
        if j == 0:
            start = start_in(toks[first], off)
        elif tk.keys[first]:
            start = key_span(toks[first], tk.keys[first][0], True, last - first == 1)[0]
        else:
            start = toks[first].start
        return entry, start, toks[last - 1].end

    def _fuzzy(self, tk: TokenKeys, first: int, last: int, etype: str
               ) -> tuple[Entry | None, float, str]:
        if etype not in ("PER", "LOC"):  # «منظمة الدولية» must not become «تنظيم الدولة»
            return None, 0.0, ""
        toks = [t for t in tk.tokens[first:last] if t.kind == "word"]
        if not toks or any(t.prefix[:1] in ("و", "ف") for t in toks[1:]):
            return None, 0.0, ""  # «المملكة والبحرين» is two names
        # the article kept: «محمد البديع» is no «محمد بديع»
        words = [ARTICLE + t.stem if ARTICLE in t.prefix.split("+") else t.stem for t in toks]
        ck = (etype, *words)
        hit = self._fuzzy_cache.get(ck)
        if hit is None:
            hit = self._fuzzy_words(words, etype)
            if len(self._fuzzy_cache) < 100_000:
                self._fuzzy_cache[ck] = hit
        return hit

    def _fuzzy_words(self, words: list[str], etype: str) -> tuple[Entry | None, float, str]:
        """Same consonant skeleton as a dictionary form, word for word, with at most one
        word spelt differently, and that only when a distinctive word is shared and the
        written word is no commoner than the dictionary's («محمد توفيق» is no «محمود
        توفيق», «أحمد عطيف» no «أحمد عطاف»). A one-letter-off skeleton level linked mostly
        other people on unseen news («أحمد الخطيب» ~ «أحمد الطيب») and is gone."""
        sk = skeleton(" ".join(words))
        size = len(sk) - sk.index(":") - 1
        if size < 5:  # «مبروك» ~ «مبارك», «بن علوي» ~ «بن علي»: too short to tell
            return None, 0.0, ""
        forms = self._skeleton_forms().get(sk, ())
        ids = {ident for ident, form in forms if self._close(words, form)}
        entries = [e for e in (self.index.dictionary.get(i) for i in ids)
                   if e is not None and compatible(etype, e) >= 1.0]
        if len(ids) == 1 and entries:
            return entries[0], 0.6, "fuzzy"
        return None, 0.0, ""

    def _close(self, words: list[str], form: tuple[str, ...]) -> bool:
        differ = [(w, f) for w, f in zip(words, form, strict=False) if w != f]
        if not differ:
            return True
        if len(differ) > 1:
            return False
        shared = [strip_article(w) for w in words if w in form]
        if not any(w not in self._given and w not in _PARTICLES for w in shared):
            return False
        written, known = differ[0]
        counts = frequencies()
        return counts.get(written, 0) <= counts.get(known, 0)

    def _skeleton_forms(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """skeleton -> (entry id, the form's keys), built once."""
        if self._forms is None:
            forms: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
            firsts: dict[str, set[str]] = {}
            for e in self.index.dictionary:
                for form in e.ar:
                    keys = phrase_keys(form)
                    if not keys:
                        continue
                    forms.setdefault(skeleton(" ".join(keys)), []).append((e.id, keys))
                    if e.type == "person" and len(keys) > 1:
                        firsts.setdefault(strip_article(keys[0]), set()).add(e.id)
            self._given = frozenset(w for w, ids in firsts.items() if len(ids) >= 3)
            self._forms = forms
        return self._forms
