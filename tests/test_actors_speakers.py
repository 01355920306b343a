"""Speaker coverage data: the officials, agencies and services news quotes.

Hand-written sentences; each checks a kind of entry or composition the speaker-coverage
data added (new role keys, prosecution heads, city police forces, IGO officials), not a
particular article.
"""

from __future__ import annotations

import pytest
from actors_helpers import run

from rawi.actors import resolve_at
from rawi.actors.stage import ActorsStage


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()


def ids(doc):
    return {e.text: (e.actor.id if e.actor else None) for e in doc.entities}


def holder(stage, text, head, date):
    doc = run(stage, text, published=date)
    start = text.index(head)
    actor = resolve_at(doc, start, start + len(head))
    return actor.name if actor else None


@pytest.mark.parametrize(("text", "head", "date", "name"), [
    ("وقال وزير الخزانة الأمريكي إن العقوبات ستستمر.", "وزير", "2018-08-01", "Steven Mnuchin"),
    ("وقال وزير الخزانة الأمريكي إن العقوبات ستستمر.", "وزير", "2022-03-01", "Janet Yellen"),
    ("وأكد وزير الطاقة السعودي أن الإنتاج مستقر.", "وزير", "2018-05-01", "Khalid al-Falih"),
    ("وأعلن وزير النفط الإيراني أن الصادرات ارتفعت.", "وزير", "2018-05-01", "Bijan Zangeneh"),
    ("وقالت وزيرة العدل الإسرائيلية إن القانون سيمر.", "وزيرة", "2018-01-10", "Ayelet Shaked"),
    ("وقال وزير العدل التركي إن التحقيق مستمر.", "وزير", "2018-10-20", "Abdulhamit Gül"),
    ("ودعا وزير الداخلية الإيطالي إلى إغلاق الموانئ.", "وزير", "2018-07-01", "Matteo Salvini"),
    ("وقال وزير الدفاع العراقي إن القوات تقدمت.", "وزير", "2015-08-01", "Khaled al-Obaidi"),
    ("وقال وزير الخارجية الإسرائيلي إن الاتفاق سيئ.", "وزير", "2017-03-01", "Benjamin Netanyahu"),
])
def test_new_role_keys_resolve_to_the_holder_on_the_date(stage, text, head, date, name):
    assert holder(stage, text, head, date) == name


def test_role_outside_recorded_terms_gives_no_actor(stage):
    text = "وقال وزير الطاقة الإيراني إن المحطة تعمل."
    assert holder(stage, text, "وزير", "1990-01-01") is None


def test_prosecution_heads_compose_with_a_nisba(stage):
    doc = run(stage, "وقال الادعاء العام التركي إن النيابة الفيدرالية السويسرية تلقت الطلب.")
    got = ids(doc)
    assert got["الادعاء العام التركي"] == "tr-prosecution"
    assert got["النيابة الفيدرالية السويسرية"] == "ch-prosecution"


def test_a_named_federal_prosecution_beats_the_composition(stage):
    doc = run(stage, "أعلنت النيابة الفيدرالية البلجيكية توقيف مشتبه به.")
    assert ids(doc)["النيابة الفيدرالية البلجيكية"] == "be-federal-prosecution"


def test_city_police_and_state_agencies(stage):
    doc = run(stage, "وقالت شرطة دبي إن سكوتلاند يارد ومركز الملك سلمان للإغاثة "
                     "والأعمال الإنسانية تعاونوا.")
    got = ids(doc)
    assert got["شرطة دبي"] == "dubai-police"
    assert got["سكوتلاند يارد"] == "met-police"
    assert got["مركز الملك سلمان للإغاثة والأعمال الإنسانية"] == "sa-ksrelief"


def test_spokespeople_and_un_officials_with_spelling_variants(stage):
    doc = run(stage, "وقالت هيذر ناورت إن مارك لوكوك وإيغلاند طالبا بهدنة.",
              entities=[("هيذر ناورت", "PER"), ("مارك لوكوك", "PER"), ("إيغلاند", "PER")])
    got = ids(doc)
    assert got["هيذر ناورت"] == "heather-nauert"
    assert got["مارك لوكوك"] == "mark-lowcock"
    assert got["إيغلاند"] == "jan-egeland"


def test_ambiguous_agency_name_needs_the_ner(stage):
    # «أعماق» is also a common noun (depths): only an NER entity confirms the agency.
    doc = run(stage, "وصلت الغواصة إلى أعماق البحر.")
    assert not any(e.actor and e.actor.id == "amaq" for e in doc.entities)
    doc = run(stage, "وقالت أعماق إن التنظيم تبنى الهجوم.", entities=[("أعماق", "ORG")])
    assert ids(doc)["أعماق"] == "amaq"


def test_a_title_before_the_full_name_keeps_the_whole_name(stage):
    # «الشيخ تميم» alone is a form too: the longer titled form must win, or the entity
    # is left with a two-word mention inside it and no actor. The title itself leaves the
    # PER span (gold-dev's convention: «الرئيس» is not part of the name).
    doc = run(stage, "قال الشيخ تميم بن حمد إن الملك سلمان بن عبد العزيز اتصل به.",
              entities=[("الشيخ تميم بن حمد", "PER"), ("الملك سلمان بن عبد العزيز", "PER")])
    got = ids(doc)
    assert got["تميم بن حمد"] == "tamim-bin-hamad"
    assert got["سلمان بن عبد العزيز"] == "king-salman"


def test_a_title_inside_a_person_entity_leaves_its_span_and_the_name_links(stage):
    doc = run(stage, "واستقبل الأمير وليام الوفد، وقال السفير بسام راضي إن اللقاء كان وديا.",
              entities=[("الأمير وليام", "PER"), ("السفير بسام راضي", "PER")])
    got = ids(doc)
    assert got["وليام"] == "prince-william" and got["بسام راضي"] == "bassam-radi"


def test_a_family_name_after_al_is_no_other_given_name(stage):
    doc = run(stage, "وقال الملك سلمان بن عبدالعزيز آل سعود إن المملكة بخير.",
              entities=[("الملك سلمان بن عبدالعزيز آل سعود", "PER")])
    assert ids(doc)["سلمان بن عبدالعزيز آل سعود"] == "king-salman"


def test_names_in_hashtags_are_matched_and_speak():
    from rawi.model import Article
    from rawi.pipeline import Pipeline

    doc = Pipeline()(Article(text="وقال #محمود_عباس إن القدس عاصمة. وأعلن #التحالف_العربي "
                                  "إسقاط طائرة مسيرة أطلقتها #ميليشيات_الحوثي.",
                             published="2018-05-01"))
    linked = {e.text: e.actor.id for e in doc.entities if e.actor}
    assert linked["محمود_عباس"] == "mahmoud-abbas"
    assert linked["التحالف_العربي"] == "saudi-led-coalition"
    assert linked["ميليشيات_الحوثي"] == "houthis"
    speakers = [a.speaker.actor.id for a in doc.attributions if a.speaker and a.speaker.actor]
    assert speakers == ["mahmoud-abbas", "saudi-led-coalition"]


def test_a_title_inside_a_hashtag_does_not_crash_and_stays_out_of_the_name():
    from rawi.model import Article
    from rawi.pipeline import Pipeline

    doc = Pipeline(["text", "entities", "actors"])(Article(
        text="وقال #الرئيس_عبد_الفتاح_السيسي إن مصر بخير.", published="2018-05-01"))
    linked = {e.text: e.actor.id for e in doc.entities if e.actor}
    assert linked.get("عبد_الفتاح_السيسي") == "abdel-fattah-el-sisi"


def test_a_name_with_more_of_its_lineage_is_the_same_person(stage):
    doc = run(stage, "واستقبل ولي العهد الأمير محمد بن نايف بن عبدالعزيز الوفد.",
              entities=[("محمد بن نايف بن عبدالعزيز", "PER")])
    assert ids(doc)["محمد بن نايف بن عبدالعزيز"] == "mohammed-bin-nayef"
    doc = run(stage, "وقال عبدالله بن محمد السويد إن الحفل نجح.",
              entities=[("عبدالله بن محمد السويد", "PER")])
    assert ids(doc)["عبدالله بن محمد السويد"] is None
    # a dictionary name that carries the lineage on otherwise is someone else
    doc = run(stage, "وشارك الأمير محمد بن عبدالرحمن بن عبدالعزيز في الحفل.",
              entities=[("محمد بن عبدالرحمن بن عبدالعزيز", "PER")])
    assert ids(doc)["محمد بن عبدالرحمن بن عبدالعزيز"] is None


def test_a_military_rank_is_a_title_not_part_of_the_name(stage):
    doc = run(stage, "وقال الرائد بدر السحيباني إن الخطة نجحت.",
              entities=[("الرائد بدر السحيباني", "PER")])
    assert ids(doc) == {"بدر السحيباني": "badr-al-suhaibani"}
