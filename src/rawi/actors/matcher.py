"""Find actor mentions in a token sequence.

Three kinds of mention, tried at every token, longest first:

* ``name``: a dictionary form («سيرغي لافروف», «داعش», «وزارة الدفاع الروسية»);
* ``composed``: an institution head + a nisba or a country name («القوات» + «الأمريكية»
  → ``us-army``; «وزارة خارجية» + «روسيا» → ``ru-mfa``);
* ``role``: a role head + nisba / country / organisation («وزير الخارجية الروسي», «الأمين العام
  للأمم المتحدة») → the person holding the role on the article's date (``entry`` may be None
  when no date is known or no holder is recorded; the mention still says which role).

Forms marked ambiguous in the data («القاعدة», «الجزيرة») are kept with ``ambiguous=True``
when no adjective follows: they count only when an NER entity confirms them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, itemgetter

from rawi.actors.dictionary import Entry
from rawi.actors.index import FILLERS, ActorIndex, Head, PhraseTable
from rawi.actors.keys import key_span
from rawi.actors.surfaces import HEAD, NAME, ONE, Surfaces
from rawi.model import Token


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    first: int  # token index of the first token
    last: int  # token index after the last token
    entry: Entry | None
    kind: str  # name | composed | role | bare (a ministry with no country: role = its key)
    confidence: float = 1.0
    ambiguous: bool = False
    role: str | None = None  # role key for role mentions
    country: str | None = None  # the composed country, for roles

    @property
    def length(self) -> int:
        return self.last - self.first


#: Titles that may open a person's dictionary form but are not part of the name span
#: (gold-dev convention: «الرئيس» is not in the PER span).
TITLES = frozenset({
    "الناشط", "السفير", "المستشار", "اللواء", "العميد", "العماد", "القاضي", "الفريق", "المشير",
    "الشيخ", "السيد", "الامير", "الملك", "السلطان", "الرئيس", "البابا", "الدكتور",
    "العقيد", "الوزير", "الرايد", "النقيب", "المقدم",
})


_PREPOSITIONS = frozenset({"ب", "ل", "ك"})
_NORM = attrgetter("norm")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_NONE: tuple[int, tuple[str, ...]] = (0, ())


class TokenKeys:
    """Candidate keys of each token and which phrases can start there.

    One C-level dict lookup per token (normalised surface -> (start flags, keys)) into
    the index's precomputed :class:`~rawi.actors.surfaces.Surfaces`; Python code runs
    only at phrase starts. Enclitic-bearing forms are not looked up: «قطره» is «its
    diameter», «حزبه الليكود» is «his party»; names do not take possessive pronouns."""

    def __init__(self, tokens: list[Token], surfaces: Surfaces) -> None:
        self.tokens = tokens
        n = len(tokens)
        self.norms = norms = list(map(_NORM, tokens))
        hits = list(map(surfaces.both.get, norms, repeat(_NONE, n)))
        #: which phrases can start at each token: NAME | HEAD | ONE bits
        starts = list(map(_FIRST, hits))
        #: candidate keys of each token
        keys = list(map(_SECOND, hits))
        #: indices of tokens that are a definite generic nominal («الوزارة»)
        self.generic_at = list(compress(range(n), map(surfaces.generic.__contains__, norms)))
        self.keys = keys
        self.starts = starts
        self.second = surfaces.second
        #: token start and end offsets, filled by the stage when it needs them
        self.begins: list[int] = []
        self.ends: list[int] = []

    def sub(self, first: int, last: int) -> TokenKeys:
        """The tokens [first, last) alone (to match inside one entity)."""
        sub = TokenKeys.__new__(TokenKeys)
        sub.tokens, sub.norms = self.tokens[first:last], self.norms[first:last]
        sub.keys = self.keys[first:last]
        sub.starts = [f | ONE if f else 0 for f in self.starts[first:last]]
        sub.generic_at, sub.second = [], self.second
        return sub

    def __len__(self) -> int:
        return len(self.tokens)


def _phrases_at(table, tk: TokenKeys, i: int) -> list[tuple[int, str, object]]:
    """All (end token, first key used, payload) of phrases in ``table`` starting at token i."""
    found = []
    keys, n, end_mark = tk.keys, len(tk.keys), table.END
    for first in keys[i]:
        node = table.root.get(first)
        if node is None:
            continue
        frontier = [node]
        j = i + 1
        while frontier:
            for nd in frontier:
                for payload in nd.get(end_mark, ()):
                    found.append((j, first, payload))
            if j + 1 < n and tk.norms[j] == "_":
                j += 1  # a hashtag's joiner: «#محمود_عباس»
            if j >= n or not keys[j]:
                break
            frontier = [c for nd in frontier for k in keys[j] if (c := nd.get(k)) is not None]
            j += 1
    return found


def _span(tk: TokenKeys, i: int, end: int, first_key: str, last_key: str | None) -> tuple[int, int]:
    toks = tk.tokens
    start = key_span(toks[i], first_key, True, end - 1 == i)[0]
    last = toks[end - 1]
    if last_key is None:
        return start, last.end
    return start, key_span(last, last_key, end - 1 == i, True)[1]


def _last_key(tk: TokenKeys, end: int, keys: tuple[str, ...] | None = None) -> str | None:
    cands = tk.keys[end - 1]
    if keys is not None and keys[-1] in cands:
        return keys[-1]
    return cands[0] if cands else None


def _agrees_in_definiteness(tk: TokenKeys, j: int) -> bool:
    """A nisba at token ``j`` agrees with the head before it: after a definite word it is
    definite too («الأمير التركي»); «الأمير تركي» is the prince called Turki."""
    before, nisba = tk.tokens[j - 1], tk.tokens[j]
    if "ال" not in before.prefix.split("+"):
        return True
    return "ال" in nisba.prefix.split("+") or nisba.norm.startswith("ال")


#: «السابق»: the role was held before, by someone the date does not tell
FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الاسبقه", "سابقا"})


def _former(tk: TokenKeys, end: int) -> bool:
    """«الرئيس الأمريكي السابق»: a word after the role phrase says it is a former holder."""
    return end < len(tk) and tk.norms[end] in FORMER


def _adjective_follows(tk: TokenKeys, end: int) -> bool:
    """A definite adjective-like word follows («القاعدة الجوية», «الجزيرة العربية»)."""
    if end >= len(tk):
        return False
    t = tk.tokens[end]
    return (t.kind == "word" and t.norm.startswith("ال")
            and t.norm.endswith(("يه", "ي", "يين", "يون")))


class Matcher:
    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        #: surface -> the one-word names it can be, in candidate order: (key, entry, ambiguous)
        self._single: dict[str, tuple[tuple[str, Entry, bool], ...]] = {}

    def _one_word(self, tk: TokenKeys, i: int) -> Mention | None:
        """The mention at a token where only one-word names can match (no longer name
        continues, no head starts): what :meth:`candidates_at` would pick, memoised per
        surface («سوريا», «إيران» are most of the mentions of a text)."""
        norm = tk.norms[i]
        found = self._single.get(norm)
        if found is None:
            names, get = self.index.names.root, self.index.dictionary.get
            found = tuple((k, get(ident), amb) for k in tk.keys[i]
                          for ident, amb in names.get(k, {}).get(PhraseTable.END, ()))
            self._single[norm] = found
        best = next((f for f in found if not f[2]), None)
        if best is None:
            if not found or _adjective_follows(tk, i + 1):
                return None
            best = found[0]
        key, entry, ambiguous = best
        start, stop = _span(tk, i, i + 1, key, _last_key(tk, i + 1))
        return Mention(start, stop, i, i + 1, entry, "name", 0.8 if ambiguous else 1.0,
                       ambiguous)

    def keys(self, tokens: list[Token]) -> TokenKeys:
        return TokenKeys(tokens, self.index.surfaces)

    def candidates_at(self, tk: TokenKeys, i: int, date: str | None) -> list[Mention]:
        ix = self.index
        out: list[Mention] = []
        flags = tk.starts[i]
        for end, key, (ident, ambiguous) in (_phrases_at(ix.names, tk, i) if flags & NAME
                                             else ()):
            if ambiguous and _adjective_follows(tk, end):
                continue
            entry = ix.dictionary.get(ident)
            first = i
            if entry is not None and entry.type == "person":
                while first < end - 1 and (TITLES.intersection(tk.keys[first])
                                           or not tk.keys[first]):
                    first += 1  # a title, or the «_» after one in a hashtag
                    if tk.keys[first]:
                        key = tk.keys[first][0]
            start, stop = _span(tk, first, end, key, _last_key(tk, end))
            out.append(Mention(start, stop, first, end, entry, "name",
                               0.8 if ambiguous else 1.0, ambiguous))
        if flags & HEAD:
            for end, key, head in _phrases_at(ix.heads, tk, i):
                out.extend(self._compose(tk, i, end, head, date, key))
        return out

    def _complement(self, tk: TokenKeys, j: int, head: Head, definite: bool = False
                    ) -> tuple[int, str, str] | None:
        """(end, country ISO or actor id, key) of what completes a head at token j. A
        definite head takes a nisba but no country name: «السلطات الإيرانية» composes,
        «وتتهم السلطات إيران» is a subject and its object."""
        ix = self.index
        if j >= len(tk):
            return None
        if head.target == "country" and _PREPOSITIONS.intersection(
                tk.tokens[j].prefix.split("+")):
            return None  # «للأمن بألمانيا»: a country after a preposition does not compose
        if head.target == "country" and _agrees_in_definiteness(tk, j):
            best = max(_phrases_at(ix.nisbas, tk, j), key=lambda f: f[0], default=None)
            if best:
                return best[0], best[2], best[1]
        names = _phrases_at(ix.names, tk, j)
        for end, key, (ident, _amb) in sorted(names, key=lambda f: -f[0]):
            entry = ix.dictionary.get(ident)
            if entry is None:
                continue
            if head.target == "country" and entry.type == "country" and entry.country:
                return None if definite else (end, entry.country, key)
            if head.target == "org" and entry.type not in ("person", "country"):
                return end, entry.id, key
        return None

    def _compose(self, tk: TokenKeys, i: int, end: int, head: Head, date: str | None,
                 key: str) -> list[Mention]:
        """Mentions of ``head`` (matched at token ``i`` by its first word ``key``)."""
        if "ال" in tk.tokens[i].prefix.split("+"):
            key = tk.keys[i][0]  # «للقوات المسلحة»: the article stays with its preposition
        ix = self.index
        out = []
        j = end
        if head.kind == "inst" and j < len(tk) and FILLERS & set(tk.keys[j]):
            filled = self._complement(tk, j + 1, head)
            if filled:
                j += 1
        if head.kind == "role" and head.target == "none":
            holder = None if _former(tk, end) else ix.holder(head.key, None, date)
            start, stop = _span(tk, i, end, key, _last_key(tk, end))
            return [Mention(start, stop, i, end, holder, "role", 0.9, role=head.key)]
        definite = j == end and "ال" in tk.tokens[i].prefix.split("+")
        comp = self._complement(tk, j, head, definite)
        if comp is None:
            if head.bare:  # «وزارة الداخلية» alone: whose is decided by the document
                start, stop = _span(tk, i, end, key, _last_key(tk, end))
                out.append(Mention(start, stop, i, end, None, "bare", 0.5, role=head.key))
            return out
        stop_tok, target, last_key = comp
        start, stop = _span(tk, i, stop_tok, key, last_key)
        if head.kind == "inst":
            entry = ix.institution(target, head.key)
            if entry is not None:
                out.append(Mention(start, stop, i, stop_tok, entry, "composed", 0.95))
        else:
            # «رئيس باراغواي السابق»: a former holder, not the one in office that day
            holder = None if _former(tk, stop_tok) else ix.holder(head.key, target, date)
            out.append(Mention(start, stop, i, stop_tok, holder, "role", 0.9, role=head.key,
                               country=target))
        return out

    def __call__(self, tokens: list[Token], date: str | None = None) -> list[Mention]:
        """Non-overlapping mentions, leftmost-longest; names win ties over compositions."""
        tk = self.keys(tokens)
        return self.match_keys(tk, date)

    def match_keys(self, tk: TokenKeys, date: str | None = None) -> list[Mention]:
        rank = {"name": 0, "composed": 1, "role": 2, "bare": 4}
        out: list[Mention] = []
        keys, starts, norms, second = tk.keys, tk.starts, tk.norms, tk.second
        n = len(starts)
        busy = 0
        for i in compress(range(n), starts):
            if i < busy:
                continue
            # cheap test before the full search: a one-word phrase, or a second word fits
            f = starts[i]
            nxt = i + 2 if i + 2 < n and norms[i + 1] == "_" else i + 1  # «#محمود_عباس»
            alone = nxt >= n or second[norms[i]].isdisjoint(keys[nxt])
            if alone and not f & ONE:
                continue
            if alone and f == NAME | ONE:
                best = self._one_word(tk, i)
                if best is not None:
                    out.append(best)
                    busy = best.last
                continue
            cands = self.candidates_at(tk, i, date)
            if cands:
                best = min(cands, key=lambda m: (-m.length, m.ambiguous, rank.get(m.kind, 3)))
                out.append(best)
                busy = best.last
        return out
