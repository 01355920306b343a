"""Dictionary features for the NER tagger: actor names, place names and trigger words.

Why: ANERcorp's 125k tokens see few organisation names and few of the places
that news names today; the actor dictionary (``rawi.actors``) and the place
gazetteer (``rawi.places``) list thousands. The CRF is told, per token, that it
begins / continues / ends / is a one-word dictionary name of some type, and
learns how far to trust that (never a hard decision).

Matching is on clitic-free stems (``rawi.ner.features.split_clitics`` of the
normalised word) on both sides, so «والولايات المتحدة» and «الولايات المتحدة»
give the same key, at training and tagging time alike.

``dictionary.tsv`` (compiled by ``build_dictionary``, shipped beside the
model): ``stem stem ...<TAB>TYPE[,TYPE]``. Types: ``PERS``, ``ORG``, ``LOC``
(actor countries and regions, curated or prominent places) and ``LOCm``
(minor GeoNames places, often also common words).

``triggers.tsv`` (``rawi/data/ner``, hand-written): ``word<TAB>TYPE``, words
that announce a name of that type right after them («الرئيس», «شركة», «مدينة»).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

from rawi.text.normalize import normalize

#: actor type -> ANERcorp type (anything not listed is an organisation)
ACTOR_TYPES = {"person": "PERS", "country": "LOC", "region": "LOC"}
#: names with fewer letters than this (in the stem key) are too ambiguous to list
MIN_LETTERS = 3
#: list minor GeoNames places too (as ``LOCm``)
MINOR_PLACES = True


def stem_key(words: Iterable[str]) -> tuple[str, ...]:
    """The matching key of a name: the clitic-free stems of its normalised words."""
    from rawi.ner.features import split_clitics

    out = []
    for w in words:
        norm = normalize(w) or w
        out.append(split_clitics(norm)[1])
    return tuple(out)


def _key_ok(key: tuple[str, ...]) -> bool:
    return bool(key) and sum(len(k) for k in key) >= MIN_LETTERS and all(key)


def dictionary_rows() -> dict[tuple[str, ...], set[str]]:
    """Stem keys of every actor and place name, with their types."""
    from rawi.actors.dictionary import load_entries
    from rawi.places.gazetteer import gazetteer

    rows: dict[tuple[str, ...], set[str]] = {}
    for entry in load_entries():
        kind = ACTOR_TYPES.get(entry.type, "ORG")
        ambiguous = {normalize(a) for a in entry.ambiguous}
        capitals = [c for c in entry.extra.get("capital_ar", "").split("|") if c]
        forms = list(entry.ar) + capitals
        for form in forms:
            form = form.lstrip("?")
            if not form or normalize(form) in ambiguous:
                continue
            key = stem_key(form.split())
            if _key_ok(key):
                typ = "LOC" if form in capitals else kind
                rows.setdefault(key, set()).add(typ)
    for name, cands in gazetteer().index.items():
        key = stem_key(name.split())
        major = any(c.is_major for c in cands)
        if _key_ok(key) and (major or MINOR_PLACES):
            rows.setdefault(key, set()).add("LOC" if major else "LOCm")
    return rows


def build_dictionary(out: Path) -> int:
    """Write ``dictionary.tsv``; returns its number of lines."""
    rows = dictionary_rows()
    with Path(out).open("w", encoding="utf-8") as fh:
        fh.write("# actor and place names as clitic-free stems (rawi.ner.dictionary); "
                 "stems<TAB>TYPES\n")
        for key in sorted(rows):
            fh.write(" ".join(key) + "\t" + ",".join(sorted(rows[key])) + "\n")
    print(f"dictionary: {len(rows)} names -> {out}", file=sys.stderr)
    return len(rows)


def _rows(lines: Iterable[str]):
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").split("\t")


def load_dictionary(path: Path | None) -> dict[tuple[str, ...], tuple[str, ...]]:
    if path is None or not Path(path).exists():
        return {}
    with Path(path).open(encoding="utf-8") as fh:
        return {tuple(r[0].split(" ")): tuple(r[1].split(","))
                for r in _rows(fh) if len(r) > 1}


def load_triggers(text: str | None = None) -> dict[str, str]:
    """Trigger stems -> type, from the packaged ``triggers.tsv`` (or ``text``)."""
    if text is None:
        text = (resources.files("rawi.data.ner") / "triggers.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for number, row in enumerate(_rows(text.splitlines()), start=1):
        if len(row) < 2 or row[1] not in ("PERS", "ORG", "LOC", "MISC"):
            print(f"triggers.tsv: line {number}: expected word<TAB>PERS|ORG|LOC|MISC, "
                  f"got {row!r}; skipped", file=sys.stderr)
            continue
        out[stem_key([row[0]])[0]] = row[1]
    return out


class DictionaryMatcher:
    """Longest, left-to-right, non-overlapping matches of stem sequences."""

    def __init__(self, names: Mapping[tuple[str, ...], tuple[str, ...]]) -> None:
        self.names = names
        self.firsts = frozenset(k[0] for k in names)
        self.longest = max((len(k) for k in names), default=0)

    def spans(self, stems: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, types)`` token spans, ``end`` exclusive."""
        out = []
        i, n = 0, len(stems)
        names, firsts = self.names, self.firsts
        while i < n:
            if stems[i] not in firsts:
                i += 1
                continue
            best = None
            for j in range(min(n, i + self.longest), i, -1):
                types = names.get(tuple(stems[i:j]))
                if types:
                    best = (i, j, types)
                    break
            if best is None:
                i += 1
            else:
                out.append(best)
                i = best[1]
        return out

    def features(self, stems: Sequence[str]) -> list[list[str]]:
        """Per token: ``dB=T``, ``dI=T``, ``dE=T`` or ``dS=T`` (one-word name) per type T."""
        feats: list[list[str]] = [[] for _ in stems]
        for a, b, types in self.spans(stems):
            for t in types:
                if b - a == 1:
                    feats[a].append("dS=" + t)
                    continue
                feats[a].append("dB=" + t)
                for k in range(a + 1, b - 1):
                    feats[k].append("dI=" + t)
                feats[b - 1].append("dE=" + t)
        return feats


def _compatible(kind: str, types: tuple[str, ...]) -> bool:
    return kind in types or (kind == "LOC" and "LOCm" in types)


def complete_spans(
    matcher: DictionaryMatcher, stems: Sequence[str], tags: Sequence[str]
) -> list[str]:
    """Grow each tagged name to cover a dictionary name of its type that it cuts in two.

    Why: the CRF sometimes stops inside a multi-word name it has rarely seen
    («بريف دير الزور» -> «ريف دير» + «الزور» untagged, or «دير» + «الزور» as
    two names). Only untagged tokens are added, only when the dictionary name
    overlaps the tagged one, and two names are joined only when the dictionary
    name covers both exactly.
    """
    from rawi.ner.scoring import entities

    out = list(tags)
    spans = matcher.spans(stems)
    if not spans:
        return out
    for ma, mb, types in spans:  # «دير» + «الزور» tagged as two names: one name
        kinds = {t[2:] for t in out[ma:mb]}
        if mb - ma > 1 and len(kinds) == 1 and "O" not in out[ma:mb]:
            kind = kinds.pop()
            if _compatible(kind, types):
                out[ma + 1:mb] = ["I-" + kind] * (mb - ma - 1)
    for kind, a, b in entities(out):
        for ma, mb, types in spans:
            if mb <= a or ma >= b or not _compatible(kind, types):
                continue
            new_a = ma if ma < a and all(t == "O" for t in out[ma:a]) else a
            new_b = mb if mb > b and all(t == "O" for t in out[b:mb]) else b
            if (new_a, new_b) != (a, b):
                out[new_a] = "B-" + kind
                for k in range(new_a + 1, new_b):
                    out[k] = "I-" + kind
                a, b = new_a, new_b
    return out
