"""Capitals, titles and name chains read on unseen news: a capital in apposition, in a
dateline or heading an event is a place; a title before a name is that name's; a
father's name followed by another family name is someone else."""

from __future__ import annotations

import re

import pytest
from actors_helpers import run

from rawi.actors.stage import ActorsStage
from rawi.model import Article, Doc, Entity
from rawi.text.stage import TextStage


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()


def ids(doc):
    return {e.text: (e.actor.id if e.actor else None) for e in doc.entities}


@pytest.mark.parametrize(("text", "place"), [
    ("وصل الوزير إلى العاصمة الفرنسية، باريس أمس.", "باريس"),
    ("وعقد الاجتماع في العاصمة الأردنية عمان أمس.", "عمان"),
    ("وانطلقت مشاورات موسكو بين الأطراف.", "موسكو"),
    ("عين اليوم – لندن: أعلنت الحكومة خطة جديدة.", "لندن"),
    ("عين اليوم – إسلام آباد  لقي 19 شخصا حتفهم.", "إسلام آباد"),
])
def test_a_capital_named_as_a_place_links_to_no_government(stage, text, place):
    assert ids(run(stage, text, entities=[(place, "LOC")]))[place] is None


@pytest.mark.parametrize(("text", "place", "state"), [
    ("وأعلنت موسكو أنها سترد على العقوبات.", "موسكو", "Q159"),
    ("وقالت عمان إنها ترحب بالاتفاق.", "عمان", "Q842"),
    ("ويسيطر التنظيم على مناطق واسعة في سورية والعراق.", "العراق", "Q796"),
])
def test_a_capital_or_state_that_acts_keeps_its_link(stage, text, place, state):
    assert ids(run(stage, text, entities=[(place, "LOC")]))[place] == state


def test_a_title_before_a_name_is_not_resolved_to_an_earlier_holder(stage):
    text = "التقى ماكرون نظيره. وقال الرئيس ترامب إن الاجتماع كان مثمرا."
    doc = run(stage, text, entities=[("ماكرون", "PER"), ("ترامب", "PER")])
    assert not any(s["text"] == "الرئيس" for a in doc.actors for s in a["spans"])


def test_a_title_before_a_given_name_the_ner_missed_is_not_resolved_either(stage):
    doc = run(stage, "وافتتح الملك سلمان المشروع. وكان الملك فيصل قد أسس الجامعة.",
              entities=[("سلمان", "PER")])
    assert [s["text"] for a in doc.actors for s in a["spans"]] == []


@pytest.mark.parametrize(("text", "name", "who"), [
    ("وقال المهندس عبد الله بن عبد العزيز الجربوع إن العمل بدأ.",
     "عبد الله بن عبد العزيز الجربوع", None),
    ("في عهد الملك سلمان بن عبدالعزيز آل سعود ــ حفظه الله.",
     "سلمان بن عبدالعزيز آل سعود", "king-salman"),
])
def test_a_fathers_name_followed_by_another_family_name_is_someone_else(stage, text, name,
                                                                          who):
    assert ids(run(stage, text, entities=[(name, "PER")]))[name] == who


def test_a_capital_named_as_a_place_still_tells_whose_bare_institution_it_is(stage):
    text = ("ذكر المتحدث باسم الدفاع المدني بمنطقة الرياض أن الحريق أخمد. وقال مدير الدفاع "
            "المدني بمنطقة الرياض إن التحقيق جار.")
    doc = Doc(Article(text, published="2018-04-01"))
    TextStage()(doc)
    doc.entities = [Entity(f"e{n}", m.start(), m.end(), m.group(), "LOC")
                    for n, m in enumerate(re.finditer("الرياض", text))]
    stage(doc)
    assert {e.actor.id for e in doc.entities if e.actor} == {"sa-civil-defence"}


@pytest.mark.parametrize("text", ["ولولا المساعدات لانهار الاقتصاد.", "ونشب عراك كلامي بينهما."])
def test_everyday_words_are_no_one_word_person_names(stage, text):
    assert not any(e.actor for e in run(stage, text).entities)


def test_a_generic_noun_described_anew_refers_back_to_nobody(stage):
    text = ("وأعلن تنظيم داعش مسؤوليته عن الهجوم. "
            "وقالت الحكومة إن الميليشيات المدعومة من إيران تهدد الأمن.")
    doc = run(stage, text, entities=[("تنظيم داعش", "ORG")])
    assert not any(s["text"] == "الميليشيات" for a in doc.actors for s in a["spans"])


def test_a_fathers_name_after_ould_alone_is_not_the_son(stage):
    doc = run(stage, "وقالت الفنانة مرام عبد العزيز إن العمل اكتمل.",
              entities=[("مرام عبد العزيز", "PER")])
    assert ids(doc)["مرام عبد العزيز"] is None


@pytest.mark.parametrize(("text", "ministry", "who"), [
    ("وقالت وزارة الداخلية الاتحادية في جمهورية ألمانيا إن المشتبه به اعتقل.",
     "وزارة الداخلية", "de-moi"),
    ("القاهرة - وقالت وزارة الصحة بقطاع غزة إن عدد الضحايا ارتفع.", "وزارة الصحة", "ps-moh"),
])
def test_a_bare_institution_followed_by_a_place_is_that_places(stage, text, ministry, who):
    assert ids(run(stage, text, entities=[(ministry, "ORG")]))[ministry] == who


@pytest.mark.parametrize(("text", "place"), [
    ("وقال ولي عهد أبوظبي إن الإمارات تدعم الحل.", "أبوظبي"),
    ("ووقع الانفجار شرقي الخرطوم أمس.", "الخرطوم"),
])
def test_a_capital_after_a_title_of_its_own_or_a_compass_word_is_a_place(stage, text, place):
    assert ids(run(stage, text, entities=[(place, "LOC")]))[place] is None


def test_a_former_title_is_not_resolved_to_the_holder(stage):
    text = "التقى بشار الأسد الوفد. وكان الرئيس السابق قد زار المدينة."
    doc = run(stage, text, entities=[("بشار الأسد", "PER")])
    assert not any(s["text"] == "الرئيس" for a in doc.actors for s in a["spans"])


def test_a_capital_alone_in_brackets_is_a_place(stage):
    doc = run(stage, 'وشملت العقوبات شركة "المحروس" (دمشق) وشركات أخرى.',
              entities=[("دمشق", "LOC")])
    assert ids(doc)["دمشق"] is None


def test_a_region_after_a_compass_or_water_word_is_the_sea_not_its_states(stage):
    doc = run(stage, "وتنتشر القطع البحرية في شرق المتوسط وشمال الخليج.",
              entities=[("الخليج", "LOC")])
    assert ids(doc)["الخليج"] is None


def test_a_deputys_title_resolves_to_nobody_the_office_names(stage):
    doc = run(stage, "وقال نائب وزير الخارجية الروسي إن الحوار مستمر.", "2018-06-01")
    assert not any(a["name"] == "Sergey Lavrov" for a in doc.actors)
    doc = run(stage, "وقال وزير الخارجية الروسي إن الحوار مستمر.", "2018-06-01")
    assert any(a["name"] == "Sergey Lavrov" for a in doc.actors)
