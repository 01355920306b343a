"""One cheap pass over a document's tokens: the few positions the rules look at.

Each normalised form that matters (a possible cue, the first word of a channel,
evidence or modality phrase, a complementiser, a quotation mark, a colon, a
sentence end) gets a set of flags, precomputed from the lexicons; one set lookup
per token finds them all. Everything later walks these positions only, so the
stage's cost grows with the number of cues, not with the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from rawi.attribution import lexicon
from rawi.model import Token
from rawi.text.normalize import strip_conjunction

CUE, PHRASE, COMP, QUOTE, COLON, BOUND, TAIL = 1, 2, 4, 8, 16, 32, 64
#: which family of phrases may start at a PHRASE token
FAMILY = {"channel": 256, "evidence": 512, "modality": 1024, "denial": 2048}

#: clitics a phrase's first word may carry (the stem match confirms it later)
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "وب", "ول", "فب",
             "وبال", "ولل", "فل", "كال")
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي", "ا")
_COMP_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")
TAIL_WORDS = frozenset({"حسبما", "وحسبما", "بحسب", "وفقا", "نقلا"})


_FORMS: dict[str, tuple[str, ...]] = {}


def word_forms(tok: Token) -> tuple[str, ...]:
    """The forms a phrase word may match: surface, without و/ف, stem, without ال,
    without an accusative alef («صورا»). Cached per form: a form's stem never varies."""
    forms = _FORMS.get(tok.norm)
    if forms is None:
        b = strip_conjunction(tok.norm)
        forms = (tok.norm, b, tok.stem, b[2:] if b.startswith("ال") else b)
        if b.endswith("ا") and len(b) > 3:
            forms += (b[:-1],)
        if len(_FORMS) < 200_000:
            _FORMS[tok.norm] = forms
    return forms


@lru_cache(maxsize=1)
def flags() -> dict[str, int]:
    """Normalised form -> flags, for every form the rules may stop at."""
    out: dict[str, int] = {}

    def add(form: str, flag: int) -> None:
        out[form] = out.get(form, 0) | flag

    words: set[str] = set(lexicon.cue_forms()) | set(lexicon.passive_forms())
    for w in words:
        for p in ("", "و", "ف"):
            add(p + w, CUE)
    for phrase in lexicon.nominal_cues():
        for p in ("", "و", "ف", "ب", "وب", "فب"):
            add(p + phrase.words[0], CUE)
    families = (("channel", lexicon.channels()), ("evidence", lexicon.evidence_words()),
                ("modality", lexicon.modality_markers()), ("denial", lexicon.denial_markers()))
    for family, phrases in families:
        for w in {p.words[0] for p in phrases}:
            for p in _PREFIXES:
                for s in _SUFFIXES:
                    add(p + w + s, PHRASE | FAMILY[family])
    for p in ("", "و", "ف"):
        for b in ("", "ب"):
            for s in _COMP_SUFFIXES:
                add(p + b + "ان" + s, COMP)
    add('"', QUOTE)
    add(":", COLON)
    for c in ".!?\n":
        add(c, BOUND)
    for w in TAIL_WORDS:
        add(w, TAIL)
    return out



def scan(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """Sorted indices of the tokens that carry flags, and every token's flags (0: none):
    the one pass over every token, one dict look-up each."""
    get = flags().get
    found = [get(t.norm, 0) for t in tokens]
    return list(compress(range(len(found)), found)), found


def within(idx: list[int], a: int, b: int) -> list[int]:
    """The members of the sorted ``idx`` in ``[a, b)``."""
    return idx[bisect_left(idx, a) : bisect_left(idx, b)]
