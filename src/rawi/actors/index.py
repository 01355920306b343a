"""The compiled matching index: built once per process from the dictionary files.

Phrases are stored by their first key (``first -> [(keys, payload)]``) so that
a token looks up only the few phrases that can start with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rawi.actors.dictionary import Dictionary, Entry, data_dir, load_actors, read_table, split_cell
from rawi.actors.keys import bare_key, phrase_keys, split_words, variants
from rawi.actors.surfaces import Surfaces
from rawi.actors.typos import TypoIndex

#: A composed institution missing from the dictionary falls back to this one.
FALLBACK = {"navy": "army", "airforce": "army", "presidency": "gov"}
#: Words allowed between an institution head and its nisba («قوات النظام السوري»).
FILLERS = frozenset({"النظام", "الحكوميه", "النظاميه", "الرسميه", "نظام"})
#: Nisba adjectives of organisations usable after role heads («الأمين العام الأممي»).
_SKELETON_DROP = re.compile("[اويهءى ]")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def name_words(entry: Entry) -> set[str]:
    """Matching keys of every word of the entry's Arabic names."""
    return {bare_key(w) for form in entry.ar for w in split_words(form)}


@dataclass(slots=True)
class Head:
    kind: str  # "inst" | "role"
    key: str  # institution key (mfa) or role key (foreign_minister)
    construct: bool  # a construct form: must be followed by a country name
    target: str = "country"  # roles: country | org | none
    #: a ministry's full name («وزارة الداخلية»): a named institution even with no country,
    #: resolved from the document's context (coref.bare_institution)
    bare: bool = False


@dataclass(slots=True)
class Generic:
    types: frozenset[str]
    needs: tuple[str, ...]
    roles: frozenset[str]
    #: institution key to fall back on, for the country the text is about («الجيش» -> army)
    institution: str | None = None


class PhraseTable:
    """A trie of phrases (tuples of keys): node = {key: child}, payloads under ``END``."""

    END = ""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, keys: tuple[str, ...], payload: object) -> None:
        if not keys:
            return
        node = self.root
        for k in keys:
            node = node.setdefault(k, {})
        items = node.setdefault(self.END, [])
        if payload not in items:
            items.append(payload)

    def get(self, keys: tuple[str, ...]) -> list:
        node = self.root
        for k in keys:
            node = node.get(k)
            if node is None:
                return []
        return node.get(self.END, [])

    def vocabulary(self) -> set[str]:
        out: set[str] = set()
        stack = [self.root]
        while stack:
            node = stack.pop()
            for k, child in node.items():
                if k != self.END:
                    out.add(k)
                    stack.append(child)
        return out


def _forms_keys(forms: Iterable[str]) -> set[tuple[str, ...]]:
    out = set()
    for form in forms:
        for v in variants(form):
            keys = phrase_keys(v)
            if keys:
                out.add(keys)
    return out


def nisba_inflections(masc: str) -> list[str]:
    """روسي → (ال)روسي (ال)روسية (ال)روسيون (ال)روسيين (ال)روسيات; multiword nisbas agree
    word by word («الكوري الشمالي»)."""
    words = masc.split()
    if len(words) > 1:
        forms = [words, [w + "ة" for w in words]]
    else:
        forms = [[masc + s] for s in ("", "ة", "ون", "ين", "ات")]
    out = []
    for f in forms:
        out.append(" ".join(f))
        out.append(" ".join("ال" + w for w in f))
    return out


def skeleton(text: str) -> str:
    """Consonant skeleton of a normalised phrase, for fuzzy linking («شتاينماير» ~ «شتاينمير»),
    prefixed with its word count: «محمد» must not meet «إلهام أحمد» (م+حمد)."""
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in text.split()]
    return f"{len(words)}:" + _SKELETON_DROP.sub("", "".join(words))


@dataclass
class ActorIndex:
    dictionary: Dictionary
    names: PhraseTable = field(default_factory=PhraseTable)
    nisbas: PhraseTable = field(default_factory=PhraseTable)
    heads: PhraseTable = field(default_factory=PhraseTable)
    capitals: dict[tuple[str, ...], str] = field(default_factory=dict)
    generics: dict[str, Generic] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, object, Entry]]] = field(default_factory=dict)
    skeletons: dict[str, set[str]] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()
    head_words: dict[str, set[str]] = field(default_factory=dict)

    def words_of(self, entry: Entry) -> set[str]:
        """Words of the entry's Arabic names (composed entries are in no table)."""
        words = self.head_words.get(entry.id)
        return name_words(entry) if words is None else words
    deletions: dict[str, set[str]] | None = None
    surfaces: Surfaces | None = None
    #: name keys one allowed typo away from a written word (actors.typos)
    typos: TypoIndex | None = None
    #: two or more consecutive words of a person's three-plus-word name («بن رعد» of «زيد
    #: بن رعد الحسين») -> the persons whose names contain them
    partials: dict[tuple[str, ...], set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, dictionary: Dictionary, base: Path | None = None) -> ActorIndex:
        base = base or data_dir()
        index = cls(dictionary)
        for entry in dictionary:
            ambiguous = _forms_keys(entry.ambiguous)
            for keys in _forms_keys(entry.ar):
                index.names.add(keys, (entry.id, keys in ambiguous))
            if entry.type == "person":
                for keys in _forms_keys(entry.ar):
                    # ending with the last name («بن رعد» of «زيد بن رعد»), never
                    # given names alone («عبد الرحمن» of «عبد الرحمن تياني») and never
                    # right after «بن» or «ولد» («جاسم آل ثاني» in «حمد بن جاسم آل ثاني»,
                    # «عبد العزيز» in «محمد ولد عبد العزيز»: the father)
                    for a in range(1, len(keys) - 1):
                        if keys[a - 1] not in ("بن", "ابن", "بنت", "ولد"):
                            index.partials.setdefault(keys[a:], set()).add(entry.id)
            for form in entry.ar:
                index.skeletons.setdefault(skeleton(" ".join(phrase_keys(form))), set()).add(
                    entry.id)
            for role in entry.roles:
                index.roles.setdefault(role.key, []).append((role.target, role, entry))
                index.roles.setdefault(f"{role.key}@{role.target}", []).append(
                    (role.target, role, entry))
            if entry.type == "country" and entry.country:
                for masc in split_cell(entry.extra.get("nisba", "")):
                    for keys in _forms_keys(nisba_inflections(masc)):
                        index.nisbas.add(keys, entry.country)
                for plural in split_cell(entry.extra.get("plural", "")):
                    for keys in _forms_keys([plural, "ال" + plural]):
                        index.nisbas.add(keys, entry.country)
                for capital in split_cell(entry.extra.get("capital_ar", "")):
                    for keys in _forms_keys([capital]):
                        index.capitals[keys] = entry.country
        for _, row in read_table(base / "institutions.tsv"):
            index._add_heads("inst", row, "country")
        for _, row in read_table(base / "roles.tsv"):
            index._add_heads("role", row, row.get("target") or "country")
        for _, row in read_table(base / "generics.tsv"):
            keys = [bare_key(w) for w in split_words(row["word"])]
            index.generics[" ".join(keys)] = Generic(
                frozenset(split_cell(row.get("types", ""))),
                tuple(bare_key(w) for n in split_cell(row.get("needs", ""))
                      for w in split_words(n)),
                frozenset(split_cell(row.get("roles", ""))),
                row.get("institution") or None,
            )
        # Words of each entry's Arabic names, for «needs» checks of generic nominals.
        for entry in dictionary:
            index.head_words[entry.id] = name_words(entry)
        index.vocabulary = frozenset(
            index.names.vocabulary() | index.nisbas.vocabulary() | index.heads.vocabulary()
            | {k for keys in index.capitals for k in keys}
            | FILLERS
        )
        latin = {w for entry in dictionary for form in entry.ar for w in split_words(form)
                 if w.isascii()}
        index.surfaces = Surfaces(index.vocabulary, index.generics, latin,
                                  index.names.root, index.heads.root)
        index.typos = TypoIndex(index.names.root)
        index.near("")  # builds the one-letter-deletion table now, not in the first article
        return index

    def _add_heads(self, kind: str, row: dict[str, str], target: str) -> None:
        for cell, construct in (("heads", False), ("construct", True)):
            for head in split_cell(row.get(cell, "")):
                text = head.split("/")[0]
                for keys in _forms_keys([text]):
                    bare = (kind == "inst" and not construct and len(keys) >= 2
                            and row.get("bare") == "yes")
                    self.heads.add(keys, Head(kind, row["key"], construct, target, bare))

    def near(self, sk: str) -> set[str]:
        """Entries whose skeleton is one letter longer or shorter than ``sk`` («للملكة»)."""
        if self.deletions is None:
            self.deletions = {}
            for form, ids in self.skeletons.items():
                if len(form) >= 6:
                    for i in range(len(form)):
                        self.deletions.setdefault(form[:i] + form[i + 1:], set()).update(ids)
        out: set[str] = set(self.deletions.get(sk, ()))  # a letter missing in the text
        for i in range(len(sk)):  # a letter too many in the text
            out |= self.skeletons.get(sk[:i] + sk[i + 1:], set())
        return out

    def institution(self, iso: str, key: str) -> Entry | None:
        entry = self.dictionary.get(f"{iso.lower()}-{key}")
        if entry is None and key in FALLBACK:
            entry = self.dictionary.get(f"{iso.lower()}-{FALLBACK[key]}")
        return entry

    def holder(self, role: str, target: str | None, date: str | None) -> Entry | None:
        """The person holding ``role`` (for ``target``, an ISO code or actor id) on ``date``;
        None without a full YYYY-MM-DD date («الرئيس الأمريكي» in 2017 was two people)."""
        if not date or not _FULL_DATE.fullmatch(date[:10]):
            return None
        rows = self.roles.get(role if target is None else f"{role}@{target}", ())
        found = [(r, e) for _t, r, e in rows if r.holds_on(date)]
        ids = {e.id for _r, e in found}
        if len(ids) == 1:
            return found[0][1]
        if len(ids) == 2:
            # a handover day (or month, for a bound known to the month): one term ends as
            # the other starts; the incoming holder is the one in office from then on
            (r1, e1), (r2, e2) = sorted(found, key=lambda re: re[0].start or "")
            if r1.end and r2.start and r1.end[:7] == r2.start[:7]:
                return e2
        return None


_cache: dict[tuple[str, ...], ActorIndex] = {}


def get_index(extra_files: Iterable[Path | str] = ()) -> ActorIndex:
    """The index for the packaged dictionary plus ``extra_files``, built once per process."""
    key = tuple(str(p) for p in extra_files)
    if key not in _cache:
        _cache[key] = ActorIndex.build(load_actors(key))
    return _cache[key]
