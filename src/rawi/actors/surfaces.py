"""Precomputed surface tables: the matcher's per-token work is two dict lookups.

The dictionary's vocabulary is small (a few thousand keys), so every written form a
key can take in running text — with و/ف, ب/ل/ك and «لل» attached — is enumerated
once at load time (normalised surface -> candidate keys). A token whose surface is
not in the table is no dictionary word, and costs one failed lookup, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable

ARTICLE = "ال"
_CONJ = "وف"
_PREP = "بلك"


def surface_keys(norm: str) -> list[str]:
    """Keys a normalised surface may stand for, most literal first: itself, without و/ف,
    without ب/ل/ك, «لل» read as «ل+ال» («للحوثيين» -> «الحوثيين») or as «ل» + a word
    opening with ل («للبنان» -> «لبنان»)."""
    forms = [norm]
    if norm[:1] in _CONJ and len(norm) > 3:
        forms.append(norm[1:])
    for form in list(forms):
        if form.startswith("لل") and len(form) > 4:
            forms.append(ARTICLE + form[2:])
            forms.append(form[1:])
        elif form[:1] in _PREP and len(form) > 2:  # «لبي بي سي»
            forms.append(form[1:])
    return list(dict.fromkeys(forms))


def _written(key: str) -> set[str]:
    """Surfaces that may carry ``key`` (a superset; :func:`surface_keys` filters)."""
    bases = {key}
    bases.update(p + key for p in _PREP)
    if key.startswith(ARTICLE):
        bases.add("لل" + key[2:])
    return bases | {c + b for c in _CONJ for b in bases}


def _casings(key: str, spellings: Iterable[str]) -> set[str]:
    out = {key, key.upper(), key.title(), key.capitalize()}
    out.update(s for s in spellings if s.casefold() == key)
    return out


NAME, HEAD, ONE = 1, 2, 4  # a name / a head may start here; a one-word phrase ends here


class Surfaces:
    """The matcher's lookup tables, keyed by a token's normalised surface or stem.

    * ``keys[norm]``: candidate keys of a token with that surface;
    * ``flags[norm]``: NAME | HEAD bits: a name or an institution/role head may start here,
      ONE: a phrase of one word ends here;
    * ``second[norm]``: the keys that may follow it inside a phrase (for a cheap test
      before walking the tries);
    * ``generic``: surfaces of a definite generic noun («الوزارة», «وللحركة»);
    * ``both[norm]``: (flags, keys), what the matcher looks up per token."""

    def __init__(self, vocabulary: frozenset[str], generics: Iterable[str],
                 latin: Iterable[str] = (), names: dict | None = None,
                 heads: dict | None = None) -> None:
        """``names`` and ``heads`` are the roots of the phrase tries ({key: node})."""
        latin = list(latin)
        keys: dict[str, tuple[str, ...]] = {}
        candidates: set[str] = set()
        for key in vocabulary:
            if key.isascii():
                for form in _casings(key, latin):
                    keys[form] = (key,)
            else:
                candidates |= _written(key)
        for surface in candidates:
            if surface in keys:
                continue
            found = tuple(k for k in surface_keys(surface) if k in vocabulary)
            if found:
                keys[surface] = found
        self.keys = keys
        self.names, self.heads = names or {}, heads or {}
        self.flags = {s: f for s, k in keys.items() if (f := self.flags_of(k))}
        self.second = {s: self.second_of(keys[s]) for s in self.flags}
        #: both at once: surface -> (flags, keys); one hash per token
        self.both = {s: (self.flags.get(s, 0), k) for s, k in keys.items()}
        self.generic = frozenset(w for g in generics for w in _written(ARTICLE + g))

    def flags_of(self, keys: tuple[str, ...]) -> int:
        flags = 0
        for bit, root in ((NAME, self.names), (HEAD, self.heads)):
            for k in keys:
                node = root.get(k)
                if node is not None:
                    flags |= bit | (ONE if "" in node else 0)
        return flags

    def second_of(self, keys: tuple[str, ...]) -> frozenset[str]:
        return frozenset(c for root in (self.names, self.heads) for k in keys
                         for c in root.get(k, ()) if c)
