"""Place detection, false friends, qualifiers and disambiguation on hand-written sentences."""

from __future__ import annotations

import pytest

from rawi.evaluation.matching import haversine_km
from rawi.model import Article, Doc, Entity
from rawi.pipeline import Pipeline
from rawi.places.stage import PlacesStage
from rawi.text.stage import TextStage


@pytest.fixture(scope="module")
def run():
    text, places = TextStage(), PlacesStage()

    def _run(sentence: str, entities=(), source=None) -> Doc:
        doc = Doc(Article(sentence, source=source))
        text(doc)
        doc.entities = list(entities)
        return places(doc)

    return _run


def names(doc: Doc) -> list[str]:
    return [p.name for p in doc.places]


def test_clitics_are_peeled_off_and_spans_are_exact(run):
    doc = run("قصفت الطائرات مواقع بريف دير الزور ولنهر الفرات والعراق حديث آخر")
    texts = [p.text for p in doc.places]
    assert texts == ["دير الزور", "نهر الفرات", "العراق"]
    for p in doc.places:
        assert doc.text[p.start:p.end] == p.text
    assert [p.id for p in doc.places] == ["p1", "p2", "p3"]


def test_joined_and_split_spellings(run):
    a = run("وصلت التعزيزات إلى البوكمال أمس")
    b = run("وصلت التعزيزات إلى البو كمال أمس")
    assert names(a) == names(b) and len(names(a)) == 1
    assert a.places[0].country == "SY"
    assert names(run("قال إن سوريا تريد السلام")) == names(run("قال إن سورية تريد السلام"))


def test_false_friends_are_words_first(run):
    doc = run("وأعلنت الوزارة في بيان أمس أن الصور الجديدة كانت بين يديها")
    assert doc.places == []


def test_nisba_adjective_is_not_the_country(run):
    assert run("نقلت السفارة السعودية عن مصادر سورية قولها").places == []
    assert names(run("وصل الوزير إلى السعودية")) == ["Saudi Arabia"]


def test_place_inside_an_organisation_name_is_not_a_location(run):
    assert run("تخرج من جامعة القاهرة قبل عشرين عاما").places == []
    assert names(run("تخرج في القاهرة قبل عشرين عاما")) == ["Cairo"]


def test_cue_licenses_a_word_that_is_also_a_town(run):
    assert run("فتح الباب أمام المفاوضات").places == []
    doc = run("سيطرت القوات على مدينة الباب شرق حلب")
    assert doc.places[0].text == "الباب" and doc.places[0].country == "SY"


def test_qualifiers_and_precision(run):
    doc = run("دارت اشتباكات في ريف حلب الشمالي وعلى الضفة اليسرى لنهر الفرات وقرب تدمر")
    by_text = {p.text: p for p in doc.places}
    assert by_text["حلب"].qualifier == "northern countryside"
    assert by_text["حلب"].precision == 2
    assert by_text["نهر الفرات"].qualifier == "left bank of"
    assert by_text["تدمر"].qualifier == "near"
    plain = run("زار الوزير دمشق ثم سوريا كلها")
    assert [p.precision for p in plain.places] == [1, 3]


def test_context_country_decides_between_namesakes(run):
    jordan = run("وصل الوفد إلى عمان قادما من الأردن")
    assert jordan.places[0].name == "Amman"
    oman = run("أجرى السلطان محادثات في مسقط حول مستقبل عمان")
    assert oman.places[-1].name == "Oman"


def test_province_word_selects_the_province(run):
    city = run("انفجرت سيارة في حلب")
    prov = run("انفجرت سيارة في محافظة حلب")
    assert city.places[0].feature in ("PPL", "PPLC")
    assert prov.places[0].feature == "ADM1" and prov.places[0].precision == 3


def test_dateline_country(run):
    doc = run("الرياض - قال مسؤول إن الوفد سيزور الدوحة")
    assert [p.country for p in doc.places] == ["SA", "QA"]


def test_ner_loc_entity_is_kept_even_when_unknown(run):
    sentence = "وقع الهجوم في قرية زغبرونة النائية"
    start = sentence.index("زغبرونة")
    ent = Entity("e1", start, start + 7, "زغبرونة", "LOC")
    doc = run(sentence, entities=[ent])
    assert [p.text for p in doc.places] == ["زغبرونة"]
    assert doc.places[0].lat is None


def test_points_are_where_they_should_be(run):
    doc = run("غادر الوفد بغداد متجها إلى دمشق")
    baghdad, damascus = doc.places
    assert haversine_km(baghdad.lat, baghdad.lon, 33.34, 44.40) < 30
    assert haversine_km(damascus.lat, damascus.lon, 33.51, 36.29) < 30


def test_registered_after_times_and_runs_in_the_pipeline():
    from rawi.pipeline.registry import stage_names

    order = stage_names()
    assert order.index("places") > order.index("text")
    doc = Pipeline(stages=["text", "places"])(Article("قتل مدنيون في غارة على إدلب"))
    assert doc.places and doc.places[0].country == "SY"


def test_country_that_is_also_a_word_needs_a_locative(run):
    assert run("تحدث عن الوضع المالي للشركة").places == []
    assert names(run("قتل جنود في مالي أمس")) == ["Mali"]


def test_refugee_camps_from_the_supplement(run):
    doc = run("اقتحمت القوات مخيم الدهيشة جنوب بيت لحم")
    assert doc.places[0].feature == "CMPRF" and doc.places[0].country == "PS"


def test_dictionary_loc_entities_do_not_license_places(run):
    sentence = "قال مدير معهد البحرين للحقوق إن العالم العربي يمر بأزمة"
    ents = [Entity("e1", sentence.index("البحرين"), sentence.index("البحرين") + 7, "البحرين",
                   "LOC", source="actors"),
            Entity("e2", sentence.index("العالم"), sentence.index("العالم") + 13, "العالم العربي",
                   "LOC", source="actors")]
    assert run(sentence, entities=ents).places == []


def test_a_relative_word_tagged_alone_is_not_a_place():
    from rawi.model import Article, Entity
    from rawi.pipeline import Pipeline
    from rawi.places.stage import PlacesStage

    text = "سيطرت القوات على قرى في ريف دير الزور الشمالي"
    doc = Pipeline(["text"])(Article(text, published="2017-09-25"))
    start = text.index("ريف")
    doc.entities = [Entity("e1", start, start + 3, "ريف", "LOC")]
    doc = PlacesStage()(doc)
    assert [p.text for p in doc.places] == ["دير الزور"]
    assert doc.places[0].qualifier == "northern countryside"


def test_a_qualifier_alone_does_not_make_a_common_word_a_place(run):
    assert run("وقال إن 40 في المائة من السكان نزحوا").places == []
    assert run("وأصبح الحي في شمال المدينة تحت سيطرة القوات").places == []
    assert run("وتم تنفيذ مشروعي الشمال والجنوب في الحي").places == []
    assert names(run("قصفت الطائرات مواقع شمال حلب")) == ["Aleppo"]


def test_an_ner_name_holding_a_peeled_letter_is_not_the_shorter_place(run):
    sentence = "وكان متزوجا من الفنانة فاتن حمامة"
    start = sentence.index("فاتن")
    doc = run(sentence, entities=[Entity("e1", start, start + 4, "فاتن", "LOC")])
    assert [p.text for p in doc.places] == ["فاتن"] and doc.places[0].lat is None


def test_a_never_word_needs_an_ner_entity_of_its_own_span(run):
    sentence = "لدينا شهيد منذ ثلاثة أيام بجبل جرة شمال المدينة"
    start = sentence.index("جبل")
    doc = run(sentence, entities=[Entity("e1", start, start + 7, "جبل جرة", "LOC")])
    assert "جبل" not in [p.text for p in doc.places]
