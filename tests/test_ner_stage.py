"""The entities stage on hand-written sentences: valid spans, clitics left out, ids in order."""

import pytest

from rawi.model import ENTITY_TYPES
from rawi.ner.consistency import propagate
from rawi.ner.stage import name_start
from rawi.pipeline import Pipeline
from rawi.text.tokenize import tokenize

TEXT = (
    "وقال الرئيس المصري عبد الفتاح السيسي في القاهرة إن الحكومة ستدعم مشروعات جديدة في "
    "محافظة أسوان. وأكد وزير الخارجية الأمريكي جون كيري خلال زيارته إلى بغداد أن "
    "الولايات المتحدة تعمل مع الأمم المتحدة. وأضاف كيري أن الوفد سيزور عمان والرياض."
)


@pytest.fixture(scope="module")
def doc():
    return Pipeline(["text", "entities"])(TEXT)


def test_spans_are_valid_and_ordered(doc):
    assert doc.entities, "no entity found in a sentence full of names"
    for n, ent in enumerate(doc.entities, start=1):
        assert ent.id == f"e{n}"
        assert doc.text[ent.start:ent.end] == ent.text
        assert ent.type in ENTITY_TYPES
        assert ent.actor is None
        assert ent.text == ent.text.strip()
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts)


def test_finds_clear_names(doc):
    found = {(e.type, e.text) for e in doc.entities}
    assert ("LOC", "القاهرة") in found
    assert ("LOC", "بغداد") in found
    assert any(t == "PER" and "كيري" in s for t, s in found)


def test_entity_spans_leave_out_clitics():
    text = "وصل الوفد بالأمس والتقى وزير الخارجية في بريف دمشق ثم للعراق والولايات المتحدة"
    toks = {t.text: t for t in tokenize(text)}
    assert text[name_start(toks["بريف"]):toks["بريف"].end] == "ريف"
    assert text[name_start(toks["والولايات"]):toks["والولايات"].end] == "الولايات"
    assert text[name_start(toks["دمشق"]):toks["دمشق"].end] == "دمشق"
    start = name_start(toks["للعراق"])
    assert text[start:toks["للعراق"].end] == "عراق"


def test_stage_on_empty_and_punctuation_only_text():
    p = Pipeline(["text", "entities"])
    assert p("").entities == []
    assert p("... ، !").entities == []


def test_propagation_fills_missed_repeats():
    sents = [["قال", "طالباني", "إن"], ["وأكد", "طالباني", "أن"], ["في", "الاجتماع"]]
    tags = [["O", "B-PERS", "O"], ["O", "O", "O"], ["O", "O"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-PERS", "O"]
    assert out[2] == ["O", "O"]
    # a window of 0 sentences sees only the sentence itself
    assert propagate(sents, tags, window=0)[1] == ["O", "O", "O"]


def test_clitics_left_out_under_diacritics_and_tatweel():
    text = "وَالولايات المتحدة وبـالعراق بِدِمَشق"
    toks = tokenize(text)
    starts = [text[name_start(t):t.end] for t in toks]
    assert starts == ["الولايات", "المتحدة", "العراق", "دِمَشق"]


def tagged_all_as(tag: str, text: str) -> list[str]:
    """Entity texts when a fake tagger makes every token a one-word ``tag`` name: what the
    stage's own filters keep."""
    class EveryWordAName:
        def tag_document(self, sentences, complete=True):
            return [[f"B-{tag}"] * len(s) for s in sentences]

    pipe = Pipeline(["text", "entities"])
    stage = pipe.stages[1]
    stage.tagger, real = EveryWordAName(), stage.tagger
    try:
        doc = pipe(text)
    finally:
        stage.tagger = real
    return [e.text for e in doc.entities]


def test_a_function_word_alone_is_never_an_entity():
    texts = tagged_all_as("PERS", "وقال لي سمير إن ذلك صحيح.")
    assert "سمير" in texts and "لي" not in texts and "ذلك" not in texts and "إن" not in texts


def test_god_and_currencies_are_no_named_entities():
    texts = tagged_all_as("MISC", "رحمه الله وبلغ السعر بالدولار مئة ونشر القرآن")
    assert "القرآن" in texts and "الله" not in texts and "دولار" not in texts


def test_a_nisba_after_a_definite_noun_is_an_adjective_not_the_country():
    doc = Pipeline(["text", "entities", "actors"])(
        "وحصلت المرأة السعودية على حق القيادة. وسافر الوزير إلى السعودية أمس.")
    texts = [(e.text, e.start) for e in doc.entities if e.text == "السعودية"]
    assert len(texts) == 1 and texts[0][1] > doc.text.index("إلى")


def test_a_word_ending_in_hamza_is_no_person_name():
    texts = tagged_all_as("PERS", "وكان الوضع هادئاً ثم هادئ وقال خامنئي وهادي")
    assert "هادئ" not in texts and "خامنئي" in texts and "هادي" in texts
