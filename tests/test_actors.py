"""Actor matching, linking and coreference on hand-written Arabic sentences."""

from __future__ import annotations

import pytest
from actors_helpers import run

from rawi.actors import resolve_at
from rawi.actors.stage import ActorsStage
from rawi.model import Article, Doc, Entity
from rawi.text.stage import TextStage


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()




def ids(doc):
    return {e.text: (e.actor.id if e.actor else None) for e in doc.entities}


def test_names_with_clitics_and_variants(stage):
    doc = run(stage, "وقال مسؤول للحوثيين إن الأميركيين يدعمون ولتنظيم داعش مقاتلين "
                     "في سورية وبسوريا.")
    got = ids(doc)
    assert got["حوثيين"] == "houthis"  # «لل» cut off: the span starts at the name
    assert got["تنظيم داعش"] == "isis"
    assert got["سورية"] == got["سوريا"] == "Q858"


def test_nisba_composition(stage):
    doc = run(stage, "قالت وزارة الدفاع الروسية إن القوات الأميركية وقوات النظام السوري "
                     "والخارجية المصرية ووزارة خارجية روسيا تبادلت الرسائل.")
    got = ids(doc)
    assert got["وزارة الدفاع الروسية"] == "ru-mod"
    assert got["القوات الأميركية"] == "us-army"
    assert got["قوات النظام السوري"] == "sy-army"
    assert got["الخارجية المصرية"] == "eg-mfa"
    assert got["وزارة خارجية روسيا"] == "ru-mfa"


def test_role_resolved_on_publication_date(stage):
    text = "وقال وزير الخارجية الأمريكي إن بلاده لن تنسحب."
    def holder(date):
        doc = run(stage, text, published=date)
        return resolve_at(doc, text.index("وزير"), text.index("وزير") + 4)
    assert holder("2017-09-25").name == "Rex Tillerson"
    assert holder("2019-06-01").name == "Mike Pompeo"
    assert holder(None) is None  # no date, no guess
    assert holder("2017") is None  # Obama and Trump both held it in 2017
    assert holder("not a date") is None


def test_ner_entities_linked_and_unknown_left_null(stage):
    text = "التقى لافروف نظيره زيد العبيدي في الجزيرة قبل أن تنقل قناة الجزيرة الخبر."
    doc = run(stage, text, entities=[("لافروف", "PER"), ("زيد العبيدي", "PER"),
                                     ("قناة الجزيرة", "ORG")])
    got = ids(doc)
    assert got["لافروف"] == "sergey-lavrov"
    assert got["زيد العبيدي"] is None
    assert got["قناة الجزيرة"] == "al-jazeera"
    # the bare ambiguous form is not made an entity on the dictionary's word alone
    assert "الجزيرة" not in got


def test_ambiguous_form_confirmed_by_ner(stage):
    text = "وأكد تنظيم القاعدة أن القاعدة الجوية قصفت."
    doc = Doc(Article(text, published="2017-09-25"))
    TextStage()(doc)
    base = text.rindex("القاعدة")
    doc.entities = [Entity("e0", base, base + 7, "القاعدة", "ORG")]
    stage(doc)
    by_start = {e.start: e.actor.id if e.actor else None for e in doc.entities}
    assert by_start[base] is None  # «القاعدة الجوية»: an air base
    assert by_start[text.index("تنظيم")] == "al-qaeda"
    doc = run(stage, "وأعلنت القاعدة مسؤوليتها عن الهجوم.", entities=[("القاعدة", "ORG")])
    assert ids(doc)["القاعدة"] == "al-qaeda"


def test_ner_edges_and_types_corrected_by_the_dictionary(stage):
    doc = run(stage, "وقال الناشط نبيل رجب إن قناة بي بي سي عربي نقلت الخبر.",
              entities=[("نبيل", "PER"), ("بي بي سي", "PER")])
    got = {e.text: (e.type, e.actor.id if e.actor else None) for e in doc.entities}
    assert got["نبيل رجب"] == ("PER", "nabeel-rajab")
    assert next(v for k, v in got.items() if "بي بي سي" in k) == ("ORG", "bbc-arabic")


def test_fuzzy_link_survives_a_typo(stage):
    doc = run(stage, "وصل الوفد إلى للملكة العربية السعودية أمس.",
              entities=[("للملكة العربية السعودية", "LOC")])
    assert ids(doc)["للملكة العربية السعودية"] == "Q851"


def test_capital_as_government_only_without_locative(stage):
    doc = run(stage, "وأعلنت موسكو رفضها للعقوبات.", entities=[("موسكو", "LOC")])
    assert ids(doc)["موسكو"] == "Q159"
    doc = run(stage, "وعقد الاجتماع في موسكو أمس.", entities=[("موسكو", "LOC")])
    assert ids(doc)["موسكو"] is None


def test_coreference_of_short_and_generic_forms(stage):
    text = ("أعلنت وزارة الدفاع الروسية أن الهجوم فشل. "
            "وقالت الوزارة في بيان إن حركة حماس لم تشارك. "
            "وأكدت الحركة ذلك. وقال وزير الخارجية الروسي سيرغي لافروف إن الوضع صعب، "
            "وأضاف الوزير الروسي أن موسكو لن تتدخل.")
    doc = run(stage, text)
    def at(word, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        actor = resolve_at(doc, start, start + len(word))
        return actor.id if actor else None
    assert at("الوزارة") == "ru-mod"
    assert at("الحركة") == "hamas"
    assert at("الوزير الروسي") == "sergey-lavrov"
    lavrov = next(a for a in doc.actors if a["id"] == "sergey-lavrov")
    assert lavrov["mentions"] and lavrov["spans"]


def test_short_person_name_follows_the_full_one(stage):
    text = "التقى ماهر الأسد بالوفد، وقال الأسد إن الجيش مستعد."
    doc = Doc(Article(text, published="2017-09-25"))
    TextStage()(doc)
    short = text.rindex("الأسد")
    doc.entities = [Entity("e0", 6, 16, text[6:16], "PER"),
                    Entity("e1", short, short + 5, "الأسد", "PER")]
    stage(doc)
    got = {e.start: e.actor.id if e.actor else None for e in doc.entities}
    assert got[text.index("ماهر")] == "maher-al-assad"
    assert got[text.rindex("الأسد")] == "maher-al-assad"


def test_user_actor_file(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my actors\nid\ttype\tcountry\tname\taliases\tar\n"
                    "my-group\tarmed_group\tSY\tDawn Brigade\t\tلواء الفجر|كتيبة الفجر\n"
                    "bad\tplanet\tSY\tBroken\t\tمكسور|معطوب\n", encoding="utf-8")
    stage = ActorsStage(extra_files=[path])
    doc = run(stage, "وأعلن لواء الفجر سيطرته على القرية.")
    assert ids(doc)["لواء الفجر"] == "my-group"


def test_use_actor_files_reaches_stages_built_later(tmp_path, monkeypatch):
    from rawi.actors import use_actor_files
    from rawi.pipeline import Pipeline
    path = tmp_path / "mine.tsv"
    path.write_text("id\ttype\tcountry\tname\taliases\tar\n"
                    "dawn\tarmed_group\tSY\tDawn Brigade\t\tلواء الفجر|كتيبة الفجر\n",
                    encoding="utf-8")
    monkeypatch.delenv("RAWI_ACTORS", raising=False)
    use_actor_files([path])
    try:
        article = Article("قصف لواء الفجر القرية.", published="2020-01-01")
        doc = Pipeline(["text", "actors"])(article)
    finally:
        use_actor_files([])
    assert [e.actor.id for e in doc.entities] == ["dawn"]
    with pytest.raises(FileNotFoundError):
        use_actor_files([tmp_path / "missing.tsv"])


def test_clitics_on_names_starting_with_lam_and_no_enclitic_reading(stage):
    doc = run(stage, "وقدمت فرنسا دعما للبنان، وبلغ قطره عشرة أمتار.")
    got = ids(doc)
    assert got.get("لبنان") == "Q822"  # «للبنان» is ل + «لبنان», not «البنان»
    assert not any(v == "Q846" for v in got.values())  # «قطره»: «its diameter», not Qatar


def test_bare_ministry_takes_the_country_the_text_is_about(stage):
    text = ("اعتقلت قوى الأمن التونسية مشتبها به في ألمانيا. "
            "وقال متحدث باسم وزارة الداخلية إن التحقيق مستمر.")
    doc = run(stage, text, entities=[("ألمانيا", "LOC")])
    got = ids(doc)
    assert got["وزارة الداخلية"] == "tn-moi"
    ministry = next(e for e in doc.entities if e.text == "وزارة الداخلية")
    assert ministry.confidence == 0.5 and ministry.source == "actors"
    # nothing to go on: no country in the text, no guess
    doc = run(stage, "وقال متحدث باسم وزارة الداخلية إن التحقيق مستمر.")
    assert "وزارة الداخلية" not in ids(doc)


def test_lone_surname_after_the_full_name_becomes_an_entity(stage):
    text = ("أفرجت السلطات عن الناشط نبيل رجب. وقال رجب إنه سيواصل عمله، "
            "وذلك في شهر رجب.")
    doc = run(stage, text, entities=[("نبيل رجب", "PER")])
    found = {(e.start, e.actor.id if e.actor else None) for e in doc.entities}
    assert (text.index("رجب إنه"), "nabeel-rajab") in found
    assert not any(s == text.rindex("رجب") for s, _ in found)  # «شهر رجب» is a month


def test_partial_name_of_one_dictionary_person(stage):
    doc = run(stage, "وانتقد بن رعد الحكومة.", entities=[("بن رعد", "PER")])
    assert ids(doc)["بن رعد"] == "zeid-raad-al-hussein"
    doc = run(stage, "وقال جاسم آل ثاني إن الدوحة ترحب.", entities=[("جاسم آل ثاني", "PER")])
    assert ids(doc)["جاسم آل ثاني"] is None  # the father's name inside «حمد بن جاسم آل ثاني»


def test_english_names_of_non_arab_ministries(stage):
    doc = run(stage, "وقالت وزارة الداخلية البريطانية والخارجية الألمانية إن التعاون مستمر.")
    names = {e.text: e.actor.name for e in doc.entities if e.actor}
    assert names["وزارة الداخلية البريطانية"] == "Home Office"
    assert names["الخارجية الألمانية"] == "Federal Foreign Office"


def test_surface_table_agrees_with_clitic_rules(stage):
    from rawi.actors.surfaces import surface_keys
    table = stage.index.surfaces.keys
    assert "الحوثيين" in table["وللحوثيين"]
    assert "لبنان" in surface_keys("للبنان")
    for surface, keys in list(table.items())[:2000]:
        if not surface.isascii():
            assert set(keys) <= set(surface_keys(surface))


def test_dateline_names_the_country_of_a_bare_ministry(stage):
    doc = run(stage, "القاهرة - قالت وزارة الداخلية إنها ألقت القبض على خلية.")
    assert ids(doc)["وزارة الداخلية"] == "eg-moi"
    doc = run(stage, "وفي القاهرة قالت وزارة الداخلية إنها ألقت القبض على خلية.")
    assert "وزارة الداخلية" not in ids(doc)  # a city in the text is no dateline


def test_fuzzy_and_short_names_keep_to_real_names(stage):
    # one word never fuzzily meets a two-word name: «محمد» is not «إلهام أحمد»
    doc = run(stage, "وقال محمد إن الوضع هادئ.", entities=[("محمد", "PER")])
    assert ids(doc)["محمد"] is None
    # a title is no name: «الشريفين» does not refer back to the king
    text = "وأكد خادم الحرمين الشريفين دعمه. وزار الحجاج الحرمين الشريفين."
    doc = run(stage, text, entities=[("خادم الحرمين الشريفين", "PER")])
    assert all(e.source != "actors" for e in doc.entities)


def test_dateline_capital_is_a_place(stage):
    text = "موسكو - أعلنت موسكو رفضها للعقوبات."
    doc = Doc(Article(text, published="2017-09-25"))
    TextStage()(doc)
    later = text.rindex("موسكو")
    doc.entities = [Entity("e0", 0, 5, "موسكو", "LOC"),
                    Entity("e1", later, later + 5, "موسكو", "LOC")]
    stage(doc)
    got = {e.start: e.actor.id if e.actor else None for e in doc.entities}
    assert got[0] is None  # the dateline says where
    assert got[later] == "Q159"  # «أعلنت موسكو» says who


def test_bare_army_or_government_takes_the_country_of_the_text(stage):
    text = "دمشق - قال الجيش إنه سيطر على البلدة، وأكدت الحكومة ذلك."
    doc = run(stage, text)
    army = resolve_at(doc, text.index("الجيش"), text.index("الجيش") + 5)
    government = resolve_at(doc, text.index("الحكومة"), text.index("الحكومة") + 7)
    assert army.id == "sy-army" and government.id == "sy-gov"
    doc = run(stage, "قال الجيش إنه سيطر على البلدة.")
    assert resolve_at(doc, 4, 9) is None  # no country in sight: no guess


def test_entity_ids_follow_text_order(stage):
    """NER entities and the dictionary's own additions share one numbering, and the
    document's actor list refers to those ids."""
    text = "قال لافروف في موسكو إن وزارة الدفاع الروسية أبلغت الأسد بذلك."
    doc = TextStage()(Doc(article=Article(text=text)))
    start = text.index("الأسد")
    doc.entities = [Entity("e1", start, start + 5, "الأسد", "PER")]  # the NER found one
    doc = stage(doc)
    assert len(doc.entities) > 1
    assert [e.id for e in doc.entities] == [f"e{n}" for n in range(1, len(doc.entities) + 1)]
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)
    known = {e.id for e in doc.entities}
    mentioned = {m for actor in doc.actors for m in actor["mentions"]}
    assert mentioned and mentioned <= known
    assert any(e.text == "الأسد" and e.id != "e1" for e in doc.entities)


def test_a_definite_head_composes_with_a_nisba_not_with_a_country_name(stage):
    got = ids(run(stage, "وقالت السلطات الإيرانية إن وزارة خارجية روسيا أبلغتها بذلك."))
    assert got["السلطات الإيرانية"] == "ir-gov"
    assert got["وزارة خارجية روسيا"] == "ru-mfa"
    got = ids(run(stage, "وتتهم السلطات إيران بدعم المتمردين."))
    assert "السلطات إيران" not in got and got.get("إيران") == "Q794"


def test_a_surname_refers_back_only_to_a_name_written_with_it(stage):
    text = "والتقى الوفد بالسيدة الأولى ميلانيا في البيت الأبيض. وقال ترامب إن اللقاء مثمر."
    doc = TextStage()(Doc(article=Article(text=text, published="2018-10-10")))
    first, later = text.index("ميلانيا"), text.index("ترامب")
    doc.entities = [Entity("e1", first, first + 7, "ميلانيا", "PER"),
                    Entity("e2", later, later + 5, "ترامب", "PER")]
    got = {e.text: e.actor.id if e.actor else None for e in stage(doc).entities}
    assert got["ترامب"] != got["ميلانيا"]


def test_a_role_holds_its_organisation_name(stage):
    doc = run(stage, "وقال الأمين العام للأمم المتحدة إن الحوار ضروري.", "2018-05-01",
              [("أمم المتحدة", "ORG")])  # the NER found the organisation inside the title
    assert ids(doc)["أمم المتحدة"] is not None
    roles = [a["name"] for a in doc.actors for s in a["spans"] if s["kind"] == "role"]
    assert roles == ["António Guterres"]


def test_a_common_given_name_refers_back_when_it_was_the_surname(stage):
    text = "والتقى الرئيس محمود عباس بالوفد. وقال عباس إن المفاوضات متوقفة."
    doc = run(stage, text, "2018-05-01", [("محمود عباس", "PER")])
    later = text.rindex("عباس")
    doc2 = TextStage()(Doc(article=Article(text=text, published="2018-05-01")))
    doc2.entities = [Entity("e1", text.index("محمود"), text.index("محمود") + 10, "محمود عباس",
                            "PER"), Entity("e2", later, later + 4, "عباس", "PER")]
    got = {e.start: e.actor.id if e.actor else None for e in stage(doc2).entities}
    assert got[later] is not None and got[later] == got[text.index("محمود")]
    assert ids(doc)["محمود عباس"] == got[later]


def test_a_short_name_glued_to_a_preposition_still_matches(stage):
    got = ids(run(stage, "وقالت الأسرة لبي بي سي إن ابنها بريء."))
    assert got.get("بي بي سي") == "bbc"


def test_the_ner_running_on_past_a_name_and_another_given_name(stage):
    text = "وطالبت المنظمة بالإفراج عن نبيل رجب المسجون منذ عامين."
    doc = run(stage, text, "2018-05-01", [("نبيل رجب المسجون", "PER")])
    (ent,) = [e for e in doc.entities if e.type == "PER"]
    assert ent.text == "نبيل رجب" and ent.actor.id == "nabeel-rajab"
    doc = run(stage, "وقال البائع علي العامري إن الأسعار مرتفعة.", "2015-08-01",
              [("علي العامري", "PER")])
    assert ids(doc)["علي العامري"] is None  # not Hadi al-Amiri: another given name


def test_a_son_or_another_first_name_is_not_the_dictionary_person(stage):
    text = "واستقبل الأمير مروان بن عبدالله بن عبدالعزيز الوفد في الرياض."
    doc = run(stage, text, "2015-08-01", [("مروان بن عبدالله بن عبدالعزيز", "PER")])
    assert ids(doc)["مروان بن عبدالله بن عبدالعزيز"] is None  # a son, not King Abdullah
    text = "واستقبل الأمير متعب بن عبدالله بن عبدالعزيز الوفد في الرياض."
    doc = run(stage, text, "2015-08-01", [("متعب بن عبدالله بن عبدالعزيز", "PER")])
    assert ids(doc)["متعب بن عبدالله بن عبدالعزيز"] == "mutaib-bin-abdullah"  # his own entry
    doc = run(stage, "وقال النائب سام العامري إن الجلسة تأجلت.", "2018-05-01",
              [("سام العامري", "PER")])
    assert ids(doc)["سام العامري"] is None
    doc = run(stage, "وقال جيرمي كوربين إن الحكومة فشلت.", "2018-05-01",
              [("جيرمي كوربين", "PER")])
    assert ids(doc)["جيرمي كوربين"] is not None  # Corbyn, his first name spelt otherwise


def test_a_bare_ministry_takes_the_document_country_when_what_precedes_decides_nothing(stage):
    text = ("ونقلت وكالة الإعلام الروسية عن وزارة الدفاع قولها إن الطائرة أسقطت. "
            "وقال الكرملين إن الرئيس الروسي سيلتقي وزير الخارجية الروسي.")
    doc = run(stage, text, "2018-05-01")
    assert ids(doc).get("وزارة الدفاع") == "ru-mod"


def test_a_generic_noun_after_a_club_word_is_a_name(stage):
    text = "الدوحة - أعلن الجيش القطري المناورة. وتعاقد نادي قطر مع لاعب من نادي الجيش."
    doc = run(stage, text, "2018-05-01")
    spans = [s["text"] for a in doc.actors for s in a["spans"]]
    assert "الجيش" not in spans


def test_a_name_split_by_a_stray_space_still_links(stage):
    text = "وقال الأمير ز يد بن رعد إن الضغوط كانت كبيرة."
    doc = run(stage, text, "2016-05-01", [("ز يد بن رعد", "PER")])
    assert ids(doc)["ز يد بن رعد"] == "zeid-raad-al-hussein"
    doc = run(stage, "وقال و يد بن رعد إن الضغوط كانت كبيرة.", "2016-05-01",
              [("و يد بن رعد", "PER")])
    assert ids(doc)["و يد بن رعد"] is None  # «و» stands alone: no name is split there


def test_a_former_holder_and_a_prince_called_turki_resolve_to_no_role_holder(stage):
    doc = run(stage, "وقال الرئيس الأمريكي السابق إن الاتفاق سيئ.", "2018-05-01")
    assert not any(a["id"] == "Q22686" for a in doc.actors)  # not Trump, in office that day
    doc = run(stage, "وقال الرئيس الأمريكي إن الاتفاق سيئ.", "2018-05-01")
    assert any(a["id"] == "Q22686" for a in doc.actors)
    tokens = TextStage()(Doc(Article("وقال الأمير تركي إن المنطقة صعبة، والأمير التركي مسافر."))
                         ).tokens
    roles = [(m.role, m.country) for m in stage.matcher(tokens, "2018-05-01") if m.kind == "role"]
    assert roles == [("emir", "TR")]  # only «الأمير التركي»; «الأمير تركي» is a name


def test_bare_judiciary_and_civil_defence_take_the_document_country(stage):
    doc = run(stage, "القاهرة - قررت النيابة العامة حبس المتهمين. وأعلن الدفاع المدني إخماد "
                     "الحريق.", "2018-05-01")
    got = ids(doc)
    assert got["النيابة العامة"] == "eg-prosecution" and got["الدفاع المدني"] == "eg-civil-defence"


def test_chancellor_is_a_german_and_austrian_office_only(stage):
    doc = run(stage, "وقالت المستشارة الألمانية إن أوروبا موحدة.", "2018-05-01")
    assert any(a["id"] == "Q567" for a in doc.actors)  # Merkel
    doc = run(stage, "وقال المستشار البريطاني إن الاتفاق سيئ.", "2018-05-01")
    assert not any(a["type"] == "person" for a in doc.actors)  # an adviser, not Theresa May


def test_on_a_handover_day_the_incoming_holder_holds_the_office(stage):
    doc = run(stage, "وقال الرئيس الأمريكي إن الاتفاق سيئ.", "2017-01-20")
    assert [a["id"] for a in doc.actors if a["type"] == "person"] == ["Q22686"]
    doc = run(stage, "وقال الرئيس الأمريكي إن الاتفاق سيئ.", "2017-01-19")
    assert [a["id"] for a in doc.actors if a["type"] == "person"] == ["Q76"]
