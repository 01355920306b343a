"""Every ``# ex:`` line of the attribution data files runs as a test, and the files load."""

from __future__ import annotations

import pytest

from rawi.attribution import lexicon
from rawi.attribution.context import build
from rawi.attribution.cues import find_cues
from rawi.attribution.features import find_channel, find_evidence
from rawi.attribution.phrase import head_kind
from rawi.attribution.speaker_actor import is_family_head
from rawi.attribution.stage import AttributionStage
from rawi.model import Article, Doc
from rawi.pipeline import Pipeline
from rawi.text.normalize import normalize

_TEXT = Pipeline(["text"])


def _doc(text: str) -> Doc:
    return _TEXT(Article(text=text, id="ex"))


def _cases(name: str) -> list[tuple[str, str]]:
    return [tuple(x.strip() for x in ex.split("=>")) for ex in lexicon.examples(name)]


def check_cues(src: str, want: str) -> None:
    form, gender, number = want.split("/")
    cues = find_cues(_doc(src).tokens)
    assert cues and src[cues[0].start:cues[0].end] == form
    assert (cues[0].gender, cues[0].number) == (gender, number)


def check_irregular(src: str, want: str) -> None:
    lemma, gender, number = want.split("/")
    f = lexicon.cue_forms()[normalize(src)]
    assert (f.lemma, f.gender, f.number) == (normalize(lemma), gender, number)


def check_passive(src: str, want: str) -> None:
    cues = find_cues(_doc(src).tokens)
    assert cues and cues[0].kind == "passive" and src[cues[0].start:cues[0].end] == want


def check_nominal(src: str, want: str) -> None:
    cues = find_cues(_doc(src).tokens)
    assert cues and cues[0].kind == "nominal" and cues[0].lemma == normalize(want.split()[0])


def check_not_cue(src: str, want: str) -> None:
    assert find_cues(_doc(src).tokens) == []


def check_channel(src: str, want: str) -> None:
    doc = _doc(src)
    ctx = build(doc, doc.tokens)
    ch = find_channel(ctx, 0, len(doc.tokens))
    assert ch is not None and ch.type == want


def check_modality(src: str, want: str) -> None:
    doc = AttributionStage()(_doc(src))
    assert doc.attributions and doc.attributions[0].modality == want


def check_evidence(src: str, want: str) -> None:
    doc = _doc(src)
    ctx = build(doc, doc.tokens)
    ev = find_evidence(ctx, (0, len(doc.tokens)), (0, 0))
    assert ev and ev[0].type == want


def check_anonymous(src: str, want: str) -> None:
    doc = AttributionStage()(_doc(src))
    sp = doc.attributions[0].speaker
    assert sp is not None and sp.anonymous and sp.text.startswith(want)


def check_family(src: str, want: str) -> None:
    doc = _doc(src)
    assert [t.text for t in doc.tokens if is_family_head(t)] == [want]


def check_addressee(src: str, want: str) -> None:
    doc = AttributionStage()(_doc(src))
    assert doc.attributions and doc.attributions[0].speaker is None, want


def check_nominal_speaker(src: str, want: str) -> None:
    doc = _doc(src)
    assert any(head_kind(t) == want for t in doc.tokens)


def check_np_adjective(src: str, want: str) -> None:
    doc = AttributionStage()(_doc(src))
    sp = doc.attributions[0].speaker
    assert sp is not None and sp.text == want


CHECKS = {
    "cues.tsv": check_cues,
    "irregular_cues.tsv": check_irregular,
    "passives.tsv": check_passive,
    "nominal_cues.tsv": check_nominal,
    "not_cues.tsv": check_not_cue,
    "channels.tsv": check_channel,
    "modality_markers.tsv": check_modality,
    "evidence.tsv": check_evidence,
    "anonymous.tsv": check_anonymous,
    "speaker_nominals.tsv": check_nominal_speaker,
    "family_nouns.tsv": check_family,
    "addressees.tsv": check_addressee,
    "np_adjectives.tsv": check_np_adjective,
}
CASES = [(name, src, want) for name in CHECKS for src, want in _cases(name)]


def test_every_file_has_examples():
    assert {name for name, _, _ in CASES} == set(CHECKS)


@pytest.mark.parametrize(("name", "src", "want"), CASES)
def test_data_file_example(name, src, want):
    CHECKS[name](src, want)


def test_lexicons_load_and_derive_forms():
    forms = lexicon.cue_forms()
    assert forms[normalize("قالوا")].number == "p"
    assert forms[normalize("مضيفة")].kind == "participle"
    assert forms[normalize("أكدت")].gender == "f"
    assert "بين" not in forms  # the preposition is not a cue
    assert lexicon.passive_forms()[normalize("قيل")] == "asserted"
