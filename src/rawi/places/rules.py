"""Language knowledge for place detection, read from ``rawi/data/places``.

False friends, place-kind cues, qualifiers and outlet countries are data files an
analyst can edit; this module only parses them (with file:line errors) and
answers questions about single words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rawi.places.gazetteer import GazetteerError, _open, clean
from rawi.text.lexicon import frequencies

FRIEND_LEVELS = ("never", "cue")
CUE_KINDS = ("admin", "settlement", "area", "country", "org")


@dataclass(frozen=True, slots=True)
class Qualifier:
    position: str  # before | after
    words: tuple[str, ...]  # normalised
    english: str
    precision: int


def _lines(name: str):
    with _open(name) as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield number, line.split("\t")


def _check(name: str, number: int, fields: list[str], width: int, field: str,
           value: str, allowed: tuple[str, ...]) -> None:
    if len(fields) < width:
        raise GazetteerError(f"{name}:{number}: expected {width} tab-separated fields")
    if value not in allowed:
        raise GazetteerError(f"{name}:{number}: field {field}: {value!r} not one of {allowed}")


@lru_cache(maxsize=1)
def false_friends() -> dict[str, str]:
    """Normalised word -> level (``never`` or ``cue``)."""
    out = {}
    for number, f in _lines("false_friends.tsv"):
        _check("false_friends.tsv", number, f, 2, "level", f[1] if len(f) > 1 else "",
               FRIEND_LEVELS)
        out[clean(f[0])] = f[1]
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    """Normalised place word -> kind of place it announces."""
    out = {}
    for number, f in _lines("cues.tsv"):
        _check("cues.tsv", number, f, 2, "kind", f[1] if len(f) > 1 else "", CUE_KINDS)
        out[clean(f[0])] = f[1]
    return out


@lru_cache(maxsize=1)
def qualifiers() -> list[Qualifier]:
    """All qualifiers, longest first (so «شمال شرق» wins over «شمال»)."""
    out = []
    for number, f in _lines("qualifiers.tsv"):
        _check("qualifiers.tsv", number, f, 4, "position", f[0], ("before", "after"))
        if f[3] not in ("1", "2", "3"):
            raise GazetteerError(f"qualifiers.tsv:{number}: field precision: {f[3]!r}")
        out.append(Qualifier(f[0], tuple(clean(f[1]).split()), f[2], int(f[3])))
    return sorted(out, key=lambda q: -len(q.words))


@lru_cache(maxsize=1)
def outlets() -> list[tuple[str, str]]:
    """(source substring, country code) pairs."""
    out = []
    for number, f in _lines("outlets.tsv"):
        if len(f) != 2 or len(f[1]) != 2:
            raise GazetteerError(f"outlets.tsv:{number}: expected substring<TAB>iso2")
        out.append((f[0].lower(), f[1]))
    return out


def outlet_country(source: str | None, url: str | None) -> str | None:
    hay = f"{source or ''} {url or ''}".lower()
    for needle, cc in outlets():
        if needle in hay:
            return cc
    return None


#: Thresholds for :func:`is_wordy`.
WORDY_SHARE = 0.1
WORDY_MIN = 20


def is_wordy(name: str) -> bool:
    """Does a one-word name behave like a common word in the news lexicon?

    Place names rarely alternate with and without the article or take pronoun
    suffixes; words do: «بيان» has «البيان» and «بيانات», «الجديد» has «جديد»,
    but «عفرين» has no «العفرين». The lexicon is the text layer's word-frequency
    table; without it nothing is wordy.
    """
    freq = frequencies()
    own = freq.get(name, 0)
    if own < WORDY_MIN:
        return False
    if name.startswith("ال"):
        alt = freq.get(name[2:], 0)
    else:
        alt = freq.get("ال" + name, 0) + freq.get(name + "ات", 0) + freq.get(name + "ت", 0)
    alt += sum(freq.get(name + s, 0) for s in ("ها", "هم", "نا"))
    return alt >= WORDY_MIN and alt >= WORDY_SHARE * own
