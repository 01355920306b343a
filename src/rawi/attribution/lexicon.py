"""The attribution lexicons, read once from ``rawi/data/attribution/*.tsv``.

Every form is stored in matching form (``normalize``), so «أكّد», «اكد» and «أكد»
are one entry. Plural and dual forms of regular verbs are derived here; the
irregular ones are listed in ``irregular_cues.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rawi.model import MODALITIES
from rawi.text.normalize import normalize

CHANNEL_TYPES = ("statement", "press_conference", "interview", "tv", "radio", "social_media",
                 "agency", "newspaper", "speech", "other")
#: the type of a phrase that looks like a channel and is none («قناة السويس», a canal)
NO_CHANNEL = "none"
EVIDENCE_TYPES = ("satellite_imagery", "photo", "video", "document", "recording", "witness",
                  "other")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One written form of a reporting word and what it tells about its subject."""

    form: str
    lemma: str
    kind: str  # verb | participle | masdar | passive
    gender: str  # m | f | ""
    number: str  # s | d | p | ""
    modality: str
    need: tuple[str, ...]  # one of these must follow in the clause; empty: nothing needed
    #: the written form's last letter when normalisation folds it (ة, ي): a word written
    #: with the other letter («مضيفه» his host, «يدعى» is named) is another word
    written_end: str = ""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word sequence (matching form) with a label and an optional extra field."""

    words: tuple[str, ...]
    label: str
    extra: str | None = None


def _rows(name: str, width: int) -> list[tuple[str, list[str]]]:
    """(location, fields) of the data lines of ``name``; raises naming file and line."""
    text = resources.files("rawi.data.attribution").joinpath(name).read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != width:
            raise ValueError(f"{name}:{n}: expected {width} tab-separated fields, "
                             f"got {len(fields)}")
        out.append((f"{name}:{n}", fields))
    return out


def examples(name: str) -> list[str]:
    """The ``# ex:`` lines of a data file (tests run them)."""
    text = resources.files("rawi.data.attribution").joinpath(name).read_text(encoding="utf-8")
    return [line[5:].strip() for line in text.splitlines() if line.startswith("# ex:")]


def _check(value: str, allowed: tuple[str, ...], where: str, field: str) -> str:
    if value not in allowed:
        raise ValueError(f"{where}: field {field!r}: {value!r} not in {allowed}")
    return value


def _n(s: str) -> str:
    return normalize(s)


def _need(value: str) -> tuple[str, ...]:
    return () if value in ("", "-") else tuple(_n(v) for v in value.split("|"))


#: letters normalisation folds, and the letter written instead in another word
FOLDED = {"ة": "ه", "ي": "ى"}


def _derive(past_m: str, past_f: str, pres_m: str, pres_f: str, part_m: str, part_f: str):
    """(form, kind, gender, number) of a regular verb's news forms."""
    yield from ((past_m, "verb", "m", "s"), (past_f, "verb", "f", "s"),
                (pres_m, "verb", "m", "s"), (pres_f, "verb", "f", "s"),
                (part_m, "participle", "m", "s"), (part_f, "participle", "f", "s"))
    if past_m and not past_m.endswith(("ى", "ي", "ا")):
        yield past_m + "وا", "verb", "m", "p"
        yield past_m + "ا", "verb", "m", "d"
    if past_f:
        yield past_f + "ا", "verb", "f", "d"
    if pres_m and not pres_m.endswith(("ي", "و", "ى")):
        yield pres_m + "ون", "verb", "m", "p"
    if part_m:
        stem = part_m[:-1] if part_m.endswith("ا") else part_m
        yield stem + "ين", "participle", "m", "p"
        yield stem + "ون", "participle", "m", "p"
    if part_f:
        yield part_f[:-1] + "ات", "participle", "f", "p"


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, CueForm]:
    """Matching form -> CueForm, for verbs, participles, masdars and passives."""
    forms: dict[str, CueForm] = {}
    lemmas: dict[str, tuple[str, tuple[str, ...]]] = {}
    for where, f in _rows("cues.tsv", 8):
        pm, pf, rm, rf, am, af, modality, need = (("" if x == "-" else x) for x in f)
        _check(modality, MODALITIES, where, "modality")
        lemma = _n(pm or pf or am or rm)
        lemmas[lemma] = (modality, _need(need))
        for form, kind, gender, number in _derive(pm, pf, rm, rf, am, af):
            if form:
                end = form[-1] if form[-1] in FOLDED else ""
                forms.setdefault(_n(form), CueForm(_n(form), lemma, kind, gender, number,
                                                   modality, _need(need), end))
    for where, (form, lemma, gender, number, kind) in _rows("irregular_cues.tsv", 5):
        if _n(lemma) not in lemmas:
            raise ValueError(f"{where}: field 'lemma': {lemma!r} is not a cues.tsv lemma")
        modality, need = lemmas[_n(lemma)]
        forms[_n(form)] = CueForm(_n(form), _n(lemma), kind, gender, number, modality, need)
    return forms


@lru_cache(maxsize=1)
def passive_forms() -> dict[str, str]:
    out = {}
    for where, (form, modality) in _rows("passives.tsv", 2):
        out[_n(form)] = _check(modality, MODALITIES, where, "modality")
    return out


def _phrases(name: str, width: int, types: tuple[str, ...] | None = None) -> list[Phrase]:
    out = []
    for where, f in _rows(name, width):
        if types is not None:
            _check(f[1], types, where, "type")
        extra = f[2] if width > 2 and f[2] != "-" else None
        out.append(Phrase(tuple(_n(w) for w in f[0].split()), f[1], extra))
    out.sort(key=lambda p: -len(p.words))  # longest first
    return out


@lru_cache(maxsize=1)
def nominal_cues() -> list[Phrase]:
    return _phrases("nominal_cues.tsv", 2, MODALITIES)


@lru_cache(maxsize=1)
def channels() -> list[Phrase]:
    return _phrases("channels.tsv", 3, (*CHANNEL_TYPES, NO_CHANNEL))


@lru_cache(maxsize=1)
def evidence_words() -> list[Phrase]:
    return _phrases("evidence.tsv", 2, EVIDENCE_TYPES)


@lru_cache(maxsize=1)
def denial_markers() -> list[Phrase]:
    """The modality markers that count anywhere in the content (``where`` = anywhere)."""
    return [p for p in modality_markers() if p.extra == "anywhere"]


@lru_cache(maxsize=1)
def modality_markers() -> list[Phrase]:
    """label = modality, extra = where (content|anywhere|clause); "+present" is a flag."""
    out = []
    for where, (words, modality, place) in _rows("modality_markers.tsv", 3):
        _check(modality, MODALITIES, where, "modality")
        _check(place, ("content", "anywhere", "clause"), where, "where")
        out.append(Phrase(tuple(_n(w) for w in words.split()), modality, place))
    out.sort(key=lambda p: -len(p.words))
    return out


@lru_cache(maxsize=1)
def not_cues() -> list[tuple[str, ...]]:
    return [tuple(_n(w) for w in f[0].split()) for _, f in _rows("not_cues.tsv", 1)]


@lru_cache(maxsize=1)
def anonymous_nouns() -> frozenset[str]:
    return frozenset(_n(f[0]) for _, f in _rows("anonymous.tsv", 1))


@lru_cache(maxsize=1)
def np_adjectives() -> frozenset[str]:
    return frozenset(_n(f[0]) for _, f in _rows("np_adjectives.tsv", 1))


@lru_cache(maxsize=1)
def speaker_nominals() -> dict[str, str]:
    out = {}
    for where, (word, kind) in _rows("speaker_nominals.tsv", 2):
        out[_n(word)] = _check(kind, ("person", "body", "document"), where, "kind")
    return out
