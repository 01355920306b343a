"""Typo-tolerant fallback for entities that match no dictionary name exactly.

News text has typos: a letter dropped («نعاء» for «صنعاء»), a doubled letter written
once («للملكة» for «للمملكة») or twice, the article's ل dropped after the preposition ل
(«لأسد» for «للأسد»). When an NER entity links to nothing, its words (and, for a
multi-word name, one neighbouring word the NER left out) are tried against the names
at edit distance 1, restricted to those three edits:

* only one word of the name may be off, the others must match exactly;
* the word that is off must have ≥ 5 letters (article excluded) when the name is one
  word, ≥ 4 when the other words of the name confirm it;
* exactly one dictionary actor may be within reach (else no link), at confidence 0.6.

The deletion neighbourhood of every name key (the key with one letter removed -> keys;
"symmetric delete") is built once at load time, so a candidate word costs a handful of
dict lookups, and only entities that found nothing else ever get here.
"""

from __future__ import annotations

import re
from itertools import product
from operator import attrgetter

from rawi.model import Token
from rawi.text.lexicon import frequencies
from rawi.text.normalize import normalize_aligned

ARTICLE = "ال"
CONFIDENCE = 0.6
_DOUBLED = re.compile(r"(.)\1")
_NORM = attrgetter("norm")
_CONJ = "وف"
_PREP = "بلك"
#: letters (article excluded) of a name word that may be misspelt
MIN_LETTERS = 5
#: a lone word is a typo only if the news corpus has it this many times less than the name
#: («صبيا» the Saudi town is no «صربيا», «المنيا» no «ألمانيا», «الشيحة» no «الشبيحة»);
#: a word of a longer name («بولتن» in «جون بولتن») only needs to be the rarer
RARER_ALONE = 50


def _bare_len(key: str) -> int:
    return len(key) - 2 if key.startswith(ARTICLE) and len(key) > 4 else len(key)


def peel(norm: str) -> list[tuple[str, int]]:
    """(form, offset of the form in ``norm``): the surface with و/ف and ب/ل/ك peeled off,
    «لل» read as ل+ال or ل+ل…; like :func:`rawi.actors.surfaces.surface_keys` with offsets."""
    forms = [(norm, 0)]
    if norm[:1] in _CONJ and len(norm) > 3:
        forms.append((norm[1:], 1))
    for form, off in list(forms):
        if form.startswith("لل") and len(form) > 4:
            forms.append((ARTICLE + form[2:], off + 1))
            forms.append((form[1:], off + 1))
        elif form[:1] in _PREP and len(form) > 3:
            forms.append((form[1:], off + 1))
    return forms


class TypoIndex:
    """Keys of the dictionary's names within one allowed edit of a written word."""

    def __init__(self, names_root: dict) -> None:
        self.root = names_root
        keys: set[str] = set()
        stack = [names_root]
        while stack:
            node = stack.pop()
            for k, child in node.items():
                if k:
                    keys.add(k)
                    stack.append(child)
        self.keys = frozenset(k for k in keys if not k.isascii()
                              and _bare_len(k) >= MIN_LETTERS)
        #: a key with one letter removed -> the keys («صنعاء» -> «نعاء», «المملكه» -> «الملكه»)
        self.deletions: dict[str, set[str]] = {}
        for k in self.keys:
            for i in range(len(k)):
                self.deletions.setdefault(k[:i] + k[i + 1:], set()).add(k)
        self._cache: dict[str, tuple[tuple[str, int, str, bool], ...]] = {}
        #: memoised :meth:`near` results, for callers that look up before calling
        self.seen = self._cache
        self._matches: dict[tuple[str, ...], tuple[str, int, int] | None] = {}

    def near(self, norm: str) -> tuple[tuple[str, int, str, bool], ...]:
        """(key, offset in ``norm`` where the name starts, the form as written with its
        proclitics peeled, whether the edit is the article's missing ل) of the name keys
        one allowed edit away from the written word ``norm`` (memoised per surface)."""
        hit = self._cache.get(norm)
        if hit is not None:
            return hit
        out: dict[str, tuple[int, str, bool]] = {}
        if len(norm) < MIN_LETTERS - 1:
            self._cache[norm] = ()
            return ()
        doubled = _DOUBLED.search(norm) is not None
        for form, off in peel(norm):
            definite = form.startswith(ARTICLE)
            for k in self.deletions.get(form, ()):  # a letter dropped in the text
                # the article must agree («الاو» is no «بالاو»), and a word that lost a
                # proclitic keeps its first letter («فورياً» is no «سوريا»)
                if k.startswith(ARTICLE) == definite and not (off and k[1:] == form):
                    out.setdefault(k, (off, form, False))
            for i in range(len(form) - 1 if doubled else 0):  # a doubled letter («المممكلة»)
                if form[i] == form[i + 1]:
                    k = form[:i] + form[i + 1:]
                    if k in self.keys and k.startswith(ARTICLE) == definite:
                        out.setdefault(k, (off, form, False))
            # the article's ل dropped after the preposition ل: «لأسد» for «للأسد»
            if form[:1] == "ل" and form[1:2] != "ل" and len(form) > 3:
                k = ARTICLE + form[1:]
                if k in self.keys:
                    out.setdefault(k, (off + 1, form, True))
        hit = tuple((k, *v) for k, v in out.items())
        if len(self._cache) < 100_000:
            self._cache[norm] = hit
        return hit

    @staticmethod
    def _rare(written: str, key: str, ratio: int) -> bool:
        """A misspelling is rare next to the name (``ratio`` times rarer in the news
        corpus): a real word, a given name or another place is not."""
        counts = frequencies()
        seen = counts.get(written, 0)
        return seen == 0 or seen * ratio < counts.get(key, 0)

    def match(self, tokens: list[Token], keys: list[tuple[str, ...]]
              ) -> tuple[str, int, int] | None:
        """(entry id, typo token, offset of the name in it) when the tokens are exactly one
        dictionary name with one word off, and exactly one actor is within reach."""
        n = len(tokens)
        if not n or n > 6:
            return None
        ck = tuple(map(_NORM, tokens))
        hit = self._matches.get(ck, False)
        if hit is not False:
            return hit
        return self._decide(ck, tokens, keys)

    def match_at(self, norms: list[str], tokens: list[Token], keys: list[tuple[str, ...]],
                 first: int, last: int) -> tuple[str, int, int] | None:
        """:meth:`match` on tokens [first, last) of a text (no slicing when memoised)."""
        if not 0 < last - first <= 6:
            return None
        ck = tuple(norms[first:last])
        hit = self._matches.get(ck, False)
        if hit is not False:
            return hit
        return self._decide(ck, tokens[first:last], keys[first:last])

    def _decide(self, ck: tuple[str, ...], tokens: list[Token], keys: list[tuple[str, ...]]
                ) -> tuple[str, int, int] | None:
        n = len(tokens)
        hit = None
        # fast exits (most entities): a typo needs every other word to be a dictionary
        # word, and a word one allowed edit from a name
        missing = [j for j in range(n) if not keys[j]]
        if len(missing) > 1:
            pass
        elif missing:
            if self.near(tokens[missing[0]].norm):
                hit = self._match(tokens, keys)
        elif n > 1 and any(self.near(t.norm) for t in tokens):
            hit = self._match(tokens, keys)
        if len(self._matches) < 100_000:
            self._matches[ck] = hit
        return hit

    def _match(self, tokens: list[Token], keys: list[tuple[str, ...]]
               ) -> tuple[str, int, int] | None:
        n = len(tokens)
        found: dict[str, tuple[int, int]] = {}
        for j in range(n):
            if tokens[j].kind != "word" or (n == 1 and keys[j]):
                continue  # a lone word that is a dictionary word is no typo
            if any(not keys[i] for i in range(n) if i != j):
                continue
            for key, off, written, lam in self.near(tokens[j].norm):
                if _bare_len(key) < MIN_LETTERS:
                    continue
                # alone, «لكونغرس» is a construct («لكونغرس الفيفا»), not «للكونغرس»
                if n == 1 and (lam or not self._rare(written, key, RARER_ALONE)):
                    continue
                if n > 1 and not self._rare(written, key, 1):  # «محمد توفيق»: no «محمود»
                    continue
                options = [keys[i] if i != j else (key,) for i in range(n)]
                for combo in product(*options):
                    node = self.root
                    for k in combo:
                        node = node.get(k)
                        if node is None:
                            break
                    if node is None:
                        continue
                    for ident, _ambiguous in node.get("", ()):
                        found.setdefault(ident, (j, off))
                if len(found) > 1:
                    return None
        if len(found) != 1:
            return None
        ident, (j, off) = next(iter(found.items()))
        return ident, j, off


def start_in(token: Token, off: int) -> int:
    """Offset in the text where the name starts when it starts ``off`` letters into the
    token's normalised form (proclitics left out)."""
    if not off:
        return token.start
    index = normalize_aligned(token.text)[1]
    if off >= len(index) or len(index) != len(token.norm):
        return token.start
    return token.start + index[off]
