"""Speakers' actors: the actors stage's resolved spans, families, short names the NER
missed, names behind prepositions, nominals that repeat part of an earlier name."""

from __future__ import annotations

import pytest

from rawi.attribution.stage import AttributionStage
from rawi.model import Actor, Article, Doc, Entity, Time
from rawi.pipeline import Pipeline

_TEXT = Pipeline(["text"])
_STAGE = AttributionStage()


def run(text: str, entities=(), generics=()) -> Doc:
    """Text layer, the given entities (surface, type, actor name or None, occurrence) and
    generic mentions the actors stage resolved (surface, actor name)."""
    doc = _TEXT(Article(text=text, id="t", published="2021-04-12"))
    for n, (surface, typ, actor, nth) in enumerate(entities):
        s = -1
        for _ in range(nth + 1):
            s = text.index(surface, s + 1)
        act = Actor(id=f"q{n}", name=actor, type="person" if typ == "PER" else "org") \
            if actor else None
        doc.entities.append(Entity(f"e{n}", s, s + len(surface), surface, typ, act))
    doc.entities.sort(key=lambda e: e.start)
    for n, (surface, actor) in enumerate(generics):
        s = text.index(surface)
        doc.actors.append({"id": f"g{n}", "name": actor, "type": "ministry", "mentions": [],
                           "spans": [{"start": s, "end": s + len(surface), "text": surface,
                                      "kind": "generic"}]})
    return _STAGE(doc)


def test_family_of_a_person_is_its_own_source():
    text = "واعتقلت الشرطة خالد يوسف. ونفت أسرة خالد يوسف التهم، وقالت إنه بريء."
    doc = run(text, [("خالد يوسف", "PER", "Khaled Youssef", 0),
                     ("خالد يوسف", "PER", "Khaled Youssef", 1)])
    first, second = doc.attributions
    assert first.speaker.actor.name == "Family of Khaled Youssef"
    assert second.speaker.actor.name == "Family of Khaled Youssef"  # carried to «وقالت»


def test_generic_mention_resolved_by_the_actors_stage_gives_the_actor():
    text = "وقالت الوزارة إن الحدود مغلقة. وأضافت أن المعابر ستفتح غدا."
    doc = run(text, generics=[("الوزارة", "Ministry of Interior")])
    first, second = doc.attributions
    assert first.speaker.text == "الوزارة"
    assert first.speaker.actor.name == "Ministry of Interior"
    assert second.speaker.actor.name == "Ministry of Interior"  # pro-drop takes the actor


def test_a_name_inside_a_title_phrase_is_not_the_speaker_actor():
    text = "وقال وزير خارجية ألمانيا إن المفاوضات صعبة."
    doc = run(text, [("ألمانيا", "LOC", "Germany", 0)])
    (a,) = doc.attributions
    assert a.speaker.actor is None or a.speaker.actor.name != "Germany"


def test_spokesperson_without_a_name_speaks_for_the_organisation():
    text = "وقال متحدث باسم وزارة الصحة إن المستشفيات جاهزة."
    doc = run(text, [("وزارة الصحة", "ORG", "Ministry of Health", 0)])
    (a,) = doc.attributions
    assert a.speaker.actor.name == "Ministry of Health"


def test_short_name_after_the_verb_is_the_subject_even_without_a_complementiser():
    text = ("وقلد الرئيس سفير السعودية أحمد قطان الوسام. وقال المتحدث بسام راضي إن اللقاء "
            "كان وديا. من جانبه، أكد قطان على قوة العلاقات بين البلدين.")
    doc = run(text, [("أحمد قطان", "PER", None, 0), ("بسام راضي", "PER", "Bassam Radi", 0)])
    last = doc.attributions[-1]
    assert last.cue.text == "أكد" and last.speaker.text == "قطان"


def test_a_name_behind_a_preposition_is_not_the_implied_speaker():
    text = ("وقال المتحدث بسام راضي إن الزيارة ناجحة. ووجه قطان الشكر للسيسي على الوسام، "
            "قائلا إنه لفتة كريمة.")
    doc = run(text, [("بسام راضي", "PER", "Bassam Radi", 0), ("قطان", "PER", None, 0),
                     ("سيسي", "PER", "Abdel Fattah el-Sisi", 0)])
    last = doc.attributions[-1]
    assert last.cue.text == "قائلا" and last.speaker.text == "قطان"


def test_a_nominal_that_repeats_an_earlier_name_takes_its_actor():
    text = ("وذكر بيان صادر عن النائب العام المصري أنه قرر التحفظ على الأموال. "
            "وحسب النائب العام، فإن القرار نهائي.")
    doc = run(text, [("النائب العام المصري", "ORG", "Public Prosecution of Egypt", 0)])
    last = doc.attributions[-1]
    assert last.cue.text == "حسب" and last.speaker.actor.name == "Public Prosecution of Egypt"


def test_impersonal_statement_takes_the_last_source_whatever_its_gender():
    text = "وتصر الحكومة على أن المحاكمة عادلة. وجاء في بيان وزع على الصحفيين أن القضاء مستقل."
    doc = run(text, [("الحكومة", "ORG", "Government of Bahrain", 0)])
    last = doc.attributions[-1]
    assert last.cue.text == "جاء" and last.speaker.actor.name == "Government of Bahrain"


def test_body_named_after_a_statement_word_is_the_issuer():
    text = "وقال المتحدث إن الوفد وصل. وجاء في بيان لوزارة الخارجية أن المحادثات بدأت."
    doc = run(text, [("وزارة الخارجية", "ORG", "Ministry of Foreign Affairs", 0)])
    last = doc.attributions[-1]
    assert last.speaker.actor.name == "Ministry of Foreign Affairs"


def test_spokesman_of_an_unlinked_company_does_not_take_a_nisba_actor():
    text = "وبحسب متحدث باسم شركة الطيران الإيرانية فإن الطائرة سقطت."
    doc = run(text, generics=[("الإيرانية", "Islamic Republic of Iran Army")])
    (a,) = doc.attributions
    assert a.speaker is not None and a.speaker.actor is None


def test_family_of_a_person_named_in_apposition():
    text = "ونفت أسرة الناشط علاء حسن أي صلة له بالتنظيم."
    doc = run(text, [("علاء حسن", "PER", "Alaa Hassan", 0)])
    (a,) = doc.attributions
    assert a.speaker.text == "أسرة الناشط علاء حسن"
    assert a.speaker.actor.name == "Family of Alaa Hassan"
    assert a.content.text == "أي صلة له بالتنظيم"


def test_short_name_entity_without_actor_takes_the_full_name_actor():
    text = "وقال الأمين العام أنطونيو غوتيريش إن الوضع خطير. وذكر غوتيريش أن الحرب قد تتسع."
    doc = run(text, [("أنطونيو غوتيريش", "PER", "António Guterres", 0),
                     ("غوتيريش", "PER", None, 1)])
    last = doc.attributions[-1]
    assert last.speaker.text == "غوتيريش" and last.speaker.actor.name == "António Guterres"


def test_a_body_noun_points_back_to_the_same_noun_not_to_any_organisation():
    text = ("وكانت شبكة NBC قد نشرت تقريرا قالت فيه إن الوفد وصل. وأضافت الشبكة أن المحادثات "
            "بدأت. وقالت الوزارة إن الوضع هادئ. وقالت النيابة إن التحقيق مستمر.")
    doc = run(text, [("NBC", "ORG", "NBC", 0)])
    by_cue = {a.cue.text: a for a in doc.attributions}
    assert by_cue["أضافت"].speaker.actor.name == "NBC"
    last = doc.attributions[-1]
    assert last.speaker.text == "النيابة" and last.speaker.actor is None


def test_nominal_cue_before_a_name_that_looks_like_a_particle_does_not_crash():
    # «فان» opens a Dutch surname here, but also reads as ف + إن: the nominal speaker
    # span came out empty and the title look-back indexed into it.
    from rawi import Article, Pipeline

    text = ("تبقى أوروبا ضمن جدول أعمال «داعش» . ووفق فان ويلينبرغ ، من المؤكد أن «داعش» "
            "سيحاول الضرب مجددا.")
    doc = Pipeline()(Article(text, published="2019-05-02"))
    for x in doc.attributions:
        assert text[x.cue.start : x.cue.end] == x.cue.text


def test_subject_before_the_verb_after_a_title_or_between_commas():
    text = "لكن وزير المالية الأردني سامي قعوار قال إن العجز سينخفض."
    (a,) = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0)]).attributions
    assert a.speaker.text == "سامي قعوار" and a.speaker.actor.name == "Sami Qawar"
    text = "وكان الناطق باسم الشرطة، رامي حداد، قال في اتصال هاتفي إن الطريق فتح."
    (a,) = run(text, [("الشرطة", "ORG", "Police", 0),
                      ("رامي حداد", "PER", "Rami Haddad", 0)]).attributions
    assert a.speaker.text == "رامي حداد"
    text = "وفي حديثه عن الأوضاع في ليبيا، قال في مؤتمر صحفي إن الحل سياسي."
    (a,) = run(text, [("ليبيا", "LOC", "Libya", 0)]).attributions
    assert a.speaker is None or a.speaker.actor is None  # a place before a comma: no subject


def test_an_outlet_relaying_a_source_is_the_channel_and_the_source_speaks():
    text = "ونقلت الصحيفة عن مصدر حكومي قوله إن الاتفاق وشيك."
    (a,) = run(text).attributions
    assert a.speaker.text == "مصدر حكومي" and a.speaker.anonymous
    assert a.channel.type == "newspaper" and a.content.text == "الاتفاق وشيك"
    text = "ونقل السفير عن الرئيس سامي نور تأكيده أن العلاقات قوية."
    (a,) = run(text, [("سامي نور", "PER", "Sami Nour", 0)]).attributions
    assert a.speaker.actor.name == "Sami Nour" and a.channel is None


def test_a_name_right_after_a_definite_noun_is_the_object():
    text = "ورفعت عائلات الجنود دعوى قضائية. وتتهم الدعوى قطر بتمويل الهجمات."
    (a,) = run(text, [("قطر", "LOC", "Qatar", 0)]).attributions
    assert a.speaker is None or a.speaker.actor is None or a.speaker.actor.name != "Qatar"


def test_an_institution_keeps_its_genitive_and_the_content_starts_after_it():
    text = "ودعت الإدارة المحلية لمحافظة نينوى السكان إلى البقاء في منازلهم."
    (a,) = run(text, [("نينوى", "LOC", None, 0)]).attributions
    assert a.speaker.text == "الإدارة المحلية لمحافظة نينوى"
    assert a.content.text.startswith("السكان")
    (a,) = run("ودعت الحكومة للحوار الوطني.").attributions
    assert a.content.text == "للحوار الوطني"  # what was called for, not a genitive
    (a,) = run("وقال الوزير للصحفيين إن الاتفاق قريب.").attributions
    assert a.speaker.text == "الوزير"  # whom it was said to


def test_an_organisation_subject_leaves_the_object_to_the_content():
    text = "وأعلنت وزارة الصحة الأردنية السيطرة على الوباء."
    (a,) = run(text, [("وزارة الصحة الأردنية", "ORG", "Jordan Ministry of Health", 0)]
               ).attributions
    assert a.content.text == "السيطرة على الوباء"


def test_a_written_ha_is_a_pronoun_unless_a_complement_follows():
    assert not run("وفاز النادي الأهلي على مضيفه نادي الوحدة.").attributions
    doc = run("وقالت الوزيرة إن الخطة جاهزة، مضيفه أن التنفيذ يبدأ غدا.")
    assert [a.cue.text for a in doc.attributions] == ["قالت", "مضيفه"]


def test_subject_after_a_relative_pronoun_and_construct_chains():
    (a,) = run("يأتي ذلك في الوقت الذي أعلنت فيه قوات التحالف تنفيذ غارات جديدة.").attributions
    assert a.speaker.text == "قوات التحالف" and a.content.text == "تنفيذ غارات جديدة"
    (a,) = run("وأعلنت هيئة حقوق الإنسان إصابة آلاف الأطفال.").attributions
    assert a.speaker.text == "هيئة حقوق الإنسان"
    assert a.content.text == "إصابة آلاف الأطفال"


def test_channel_and_place_between_cue_and_content_are_skipped():
    (a,) = run("وأكد وزير الخارجية في مؤتمر صحفي مشترك دعم بلاده للحل.").attributions
    assert a.content.text == "دعم بلاده للحل" and a.channel.type == "press_conference"
    (a,) = run("وأكد الوزير في الرياض دعم بلاده للحل.",
               [("الرياض", "LOC", None, 0)]).attributions
    assert a.content.text == "دعم بلاده للحل"


@pytest.mark.parametrize("later, cue", [
    # an unknown source noun after a nominal cue
    ("وحسب معلومات «الرأي»، فإن البنود تشمل الطاقة.", "حسب"),
    # a title with its own complement names someone new
    ("وأكد المدير الطبي للمستشفى أن المريض بخير.", "أكد"),
])
def test_no_earlier_person_is_borrowed(later, cue):
    text = "وقال الوزير سامي قعوار إن الاتفاق قريب. " + later
    doc = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0)])
    by_cue = {a.cue.text: a for a in doc.attributions}
    assert by_cue[cue].speaker.actor is None


def test_a_masculine_verb_does_not_take_a_feminine_noun_as_subject():
    text = "وجاءت تصريحات الوزير سامي قعوار التي وصف فيها الخدمات في المدينة بالمتراجعة."
    doc = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0)])
    assert all(a.speaker is None or a.speaker.text != "الخدمات" for a in doc.attributions)


def test_a_link_line_is_no_headline_quote():
    doc = run("وتابعت الفرق عملها.\nرابط الخبر بصحيفة الأفق: زلزال قوي يضرب المدينة الساحلية",
              [("صحيفة الأفق", "ORG", "Al-Ufuq", 0)])
    assert not [a for a in doc.attributions if a.cue.text == ":"]
    doc = run("وتابعت الفرق عملها.\nالرئيس سامي قعوار: الإصلاحات ستستمر حتى نهاية العام",
              [("سامي قعوار", "PER", "Sami Qawar", 0)])
    assert [a.speaker.text for a in doc.attributions if a.cue.text == ":"] == ["سامي قعوار"]


def test_a_name_between_commas_before_a_coordinated_verb_is_not_its_subject():
    text = ("ونفى الوزير سامي قعوار تلقي معلومات عن اختفاء الكاتب، رامي حداد، "
            "وكشف أن التحقيق سيشمل منزله.")
    doc = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0),
                     ("رامي حداد", "PER", "Rami Haddad", 0)])
    by_cue = {a.cue.text: a for a in doc.attributions}
    assert by_cue["كشف"].speaker.actor.name == "Sami Qawar"


def test_after_a_relative_pronoun_the_antecedent_speaks():
    text = "وأشاد الحضور بالمدير اللواء رامي حداد، الذي أبدى إعجابه بالبرنامج، موجها بأن يستمر."
    doc = run(text, [("رامي حداد", "PER", "Rami Haddad", 0)])
    (a,) = [a for a in doc.attributions if a.cue.text == "أبدى"]
    assert a.speaker.text == "رامي حداد"


def test_is_named_is_no_claim():
    doc = run("وقال المصدر إن الموقوف، وهو شاب يدعى سامر، وصل أمس. ويدعي المتهم أنه بريء.")
    assert [a.cue.text for a in doc.attributions] == ["قال", "يدعي"]
    assert doc.attributions[1].modality == "alleged"


def test_whom_it_was_said_to_and_a_title_with_a_preposition():
    (a,) = run("وكشف لـ«الأفق» مدير الجوازات اللواء رامي حداد أن الإجراءات اكتملت.",
               [("الأفق", "ORG", "Al-Ufuq", 0), ("رامي حداد", "PER", "Rami Haddad", 0)]
               ).attributions
    assert a.speaker.text == "رامي حداد"
    (a,) = run("وقال المبعوث الأممي إلى ليبيا سامي قعوار إن الحوار ضروري.",
               [("ليبيا", "LOC", "Libya", 0), ("سامي قعوار", "PER", "Sami Qawar", 0)]
               ).attributions
    assert a.speaker.text == "سامي قعوار"


def test_a_role_noun_takes_the_office_holder_not_the_last_speaker():
    text = ("وقالت المتحدثة سلمى عواد إن العقوبات مستمرة، فيما أكد وزير الطاقة الكويتي "
            "أن الإنتاج مستقر.")
    start = text.index("وزير الطاقة الكويتي")
    holder = {"id": "kw-energy", "name": "Kuwaiti Energy Minister", "type": "person",
              "mentions": [], "spans": [{"start": start, "end": start + 19,
                                         "text": "وزير الطاقة الكويتي", "kind": "role"}]}
    doc = _TEXT(Article(text=text, id="t", published="2018-05-01"))
    s = text.index("سلمى عواد")
    doc.entities = [Entity("e1", s, s + 9, "سلمى عواد", "PER",
                           Actor(id="q1", name="Salma Awad", type="person"))]
    doc.actors = [holder]
    by_cue = {a.cue.text: a for a in _STAGE(doc).attributions}
    assert by_cue["أكد"].speaker.actor.name == "Kuwaiti Energy Minister"


def test_a_quoted_name_after_a_body_noun_is_the_speaker():
    (a,) = run("وقالت حركة «النهضة» إن الانتخابات نزيهة.",
               [("النهضة", "ORG", "Ennahda", 0)]).attributions
    assert a.speaker.actor.name == "Ennahda"
    (a,) = run('وقالت صحيفة "الأفق" الإلكترونية إن الانتخابات نزيهة.').attributions
    assert a.speaker.text == 'صحيفة "الأفق" الإلكترونية' and a.speaker.actor is None


def test_the_writers_background_ends_the_content():
    doc = run("وقال الوزير إن الوضع صعب، ويذكر أن البلاد تمر بأزمة منذ عامين. "
              "ويذكر أنه زار المدينة.")
    assert [(a.cue.text, a.content.text) for a in doc.attributions] == [("قال", "الوضع صعب")]


def test_going_on_keeps_the_channel_of_the_same_speaker():
    text = ("وقال الوزير سامي قعوار في مقابلة مع قناة محلية إن الحل قريب.\n"
            "وأضاف قعوار أن الوفد وصل. وأضاف المتحدث رامي حداد أن الاجتماع انتهى.")
    doc = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0), ("قعوار", "PER", None, 1),
                     ("رامي حداد", "PER", "Rami Haddad", 0)])
    channels = [a.channel.type if a.channel else None for a in doc.attributions]
    assert channels == ["interview", "interview", None]


def test_told_to_the_media_is_not_the_speaker():
    media = Actor(id="m1", name="Reuters", type="media")
    for text, speaker in (("وقال الوزير لرويترز إن الاتفاق قريب.", "الوزير"),
                          ("وقال مسؤول أمني لرويترز إن التحقيق مستمر.", "مسؤول أمني")):
        doc = _TEXT(Article(text=text, id="t", published="2021-04-12"))
        s = text.index("رويترز")
        doc.entities = [Entity("e1", s, s + 6, "رويترز", "ORG", media)]
        (a,) = _STAGE(doc).attributions
        assert a.speaker.text == speaker
    (a,) = run("وقال المتحدث باسم الوزارة لصحيفة محلية إن الوفد وصل.").attributions
    assert "صحيفة" not in a.speaker.text


def test_a_text_that_ends_in_a_genitive_does_not_crash():
    for text in ("قال سامي قعوار إن الأمر خطير. ويهدد الفراغ الشباب.",
                 "قال سامي قعوار إن الأمر خطير. وأعلنت الهيئة العامة للرياضة"):
        run(text, [("سامي قعوار", "PER", "Sami Qawar", 0)])  # nothing after the last token


def test_a_participle_takes_its_sentence_channel_but_not_a_canal():
    (a,) = run("ورحب الوزير في تغريدة على حسابه في تويتر بالجهود، مؤكدا أن الحل قريب."
               ).attributions
    assert (a.channel.type, a.channel.platform) == ("social_media", "Twitter")
    (a,) = run("وزار الوزير قناة السويس، مؤكدا أن المشروع ناجح.").attributions
    assert a.channel is None


def test_after_a_nominal_cue_the_lam_name_is_the_source_and_spans_are_never_empty():
    text = "ووفقا للمرصد الوطني لحقوق الإنسان فإن عشرات المدنيين قتلوا."
    (a,) = run(text, [("مرصد الوطني لحقوق الإنسان", "ORG", "National Rights Monitor", 0)]
               ).attributions
    assert a.speaker.actor.name == "National Rights Monitor"
    for text in ("وبحسب ما ورد فيه فإن البرنامج يجب أن يتنوع.", "وبحسب ما فإن الأمر صعب."):
        for att in run(text).attributions:
            for span in (att.cue, att.content, att.speaker):
                if span is not None:
                    assert span.end > span.start and text[span.start:span.end] == span.text


def test_reported_narrated_and_pledged():
    doc = run("وأوردت الوكالة أن الهجوم فشل. وأورد التقرير أسماء الضحايا. "
              "وروى شهود عيان أن الطائرة حلقت فوق المدينة. وتعهد الرئيس بأن تستمر الإصلاحات.")
    assert [(a.cue.text, a.speaker.text) for a in doc.attributions] == [
        ("أوردت", "الوكالة"), ("روى", "شهود عيان"), ("تعهد", "الرئيس")]


def test_subject_after_a_time_a_country_acting_and_no_subject_after_a_preposition():
    usa = ("الولايات المتحدة", "LOC", "United States", 0)
    doc = _TEXT(Article(text="فيما دافعت الولايات المتحدة عن حليفتها مؤكدة أنها مارست ضبط "
                             "النفس. وقالت الثلاثاء دولة الكويت إن الوضع خطير.", id="t",
                        published="2018-05-15"))
    for surface, name in ((usa[0], "United States"), ("دولة الكويت", "Kuwait")):
        s = doc.text.index(surface)
        doc.entities.append(Entity(f"e{s}", s, s + len(surface), surface, "LOC",
                                   Actor(id=name, name=name, type="country")))
    s = doc.text.index("الثلاثاء")
    doc.times = [Time("t1", s, s + 8, "الثلاثاء", "DATE", "2018-05-15")]
    by_cue = {a.cue.text: a for a in _STAGE(doc).attributions}
    assert by_cue["مؤكدة"].speaker.actor.name == "United States"
    assert by_cue["قالت"].speaker.actor.name == "Kuwait"
    (a,) = run("ونوه بمساهمة شركة النفط في التنمية.", [("شركة النفط", "ORG", "Oil Co", 0)]
               ).attributions
    assert a.speaker is None or a.speaker.actor is None


def test_recognised_amounts_to_and_convenes_are_no_reports():
    doc = run("وكان الرئيس قد اعترف بالقدس عاصمة. وحققت البلاد فائضا يبلغ 2 في المائة. "
              "وهناك جلسة أسبوعية يدعو إليها رئيس الحكومة. واعترف الوزير بأن الخطة فشلت.")
    assert [a.cue.text for a in doc.attributions] == ["اعترف"]
    assert doc.attributions[0].content.text == "الخطة فشلت"


def test_a_relative_clause_after_an_anonymous_noun():
    (a,) = run("وأثار المشهد صدمة الناشطين، الذين اعتبروا أن الوضع تدهور.").attributions
    assert a.speaker.text == "الناشطين" and a.speaker.anonymous


def test_a_source_tail_after_the_claim_and_a_report_issuer():
    (a,) = run("وقتل ثلاثة أشخاص في الهجوم، حسبما ذكرت وكالة الأنباء الرسمية.").attributions
    assert a.content.text.endswith("في الهجوم") and a.speaker.text == "وكالة الأنباء الرسمية"
    (a,) = run('وتدهور الوضع، حسبما أفاد تقرير لمجلة "الأفق".',
               [("الأفق", "ORG", "Al-Ufuq", 0)]).attributions
    assert a.speaker.actor.name == "Al-Ufuq"


def test_an_honorific_pronoun_refers_to_the_dignitary_named_last():
    text = "واستقبل أمير المنطقة الأمير سامي قعوار الوفد في مكتبه. وقال سموه إن المشروع مهم."
    (a,) = run(text, [("سامي قعوار", "PER", "Sami Qawar", 0)]).attributions
    assert a.speaker.text == "سموه" and a.speaker.actor.name == "Sami Qawar"


def test_adjuncts_between_the_verb_and_its_subject_are_skipped():
    text = "وقال من جهته وزير الخارجية الأردني إن الحل سياسي."
    (a,) = run(text).attributions
    assert a.speaker.text.startswith("وزير الخارجية")
    text = "وقال لي أحد السكان إن الماء انقطع منذ يومين."
    (a,) = run(text).attributions
    assert a.speaker.anonymous and "السكان" in a.speaker.text


@pytest.mark.parametrize("text", [
    "وكشفت من خلال التحقيقات أن المتهمين فروا إلى الخارج.",  # a preposition
    "وكان الرجل ينكر ذلك ويقول إن المال لم يخرج.",  # a demonstrative object
])
def test_a_preposition_or_demonstrative_after_the_verb_is_no_speaker(text):
    for a in run(text).attributions:
        assert a.speaker is None or a.speaker.text not in ("من", "ذلك")


def test_an_anonymous_source_before_the_verb_keeps_its_nisba():
    text = "وكانت وسائل إعلام رسمية تركية قالت إن القوات دخلت البلدة."
    (a,) = run(text, [("تركية", "LOC", "Turkey", 0)]).attributions
    assert a.speaker.anonymous and a.speaker.text == "وسائل إعلام رسمية تركية"


def test_a_spokesman_before_the_verb_is_the_same_speaker_as_after_it():
    after = run("وقال المتحدث باسم وزارة الصحة إن المستشفيات جاهزة.",
                [("وزارة الصحة", "ORG", "Ministry of Health", 0)]).attributions[0]
    before = run("وكان المتحدث باسم وزارة الصحة قال إن المستشفيات جاهزة.",
                 [("وزارة الصحة", "ORG", "Ministry of Health", 0)]).attributions[0]
    assert after.speaker.actor.name == before.speaker.actor.name == "Ministry of Health"


def test_a_plural_cue_does_not_take_up_one_person_or_body():
    text = ("وقال تنظيم الدولة إنه خطف الرهائن. وتظاهر أقرباء الرهائن أمام المحافظة "
            "مطالبين الحكومة بالتدخل. وقال ناشطون إن القصف استمر. وأضافوا أن الطائرات حلقت.")
    first, plural, activists, more = run(text, [("تنظيم الدولة", "ORG", "Islamic State", 0)]
                                         ).attributions
    assert first.speaker.actor.name == "Islamic State"
    assert plural.speaker is None or plural.speaker.actor is None
    assert more.speaker.text == activists.speaker.text == "ناشطون"


def test_the_title_of_a_named_official_runs_on_to_the_name():
    text = "وقال منسق الأمم المتحدة للشؤون الإنسانية في سوريا سامي نور إن القتلى سبعة."
    (a,) = run(text, [("الأمم المتحدة", "ORG", "United Nations", 0), ("سوريا", "LOC", "Syria", 0),
                      ("سامي نور", "PER", "Sami Nour", 0)]).attributions
    assert a.speaker.text == "سامي نور"


def test_a_following_came_in_sentence_names_the_channel():
    text = "وأكد الوزير أن المفاوضات مستمرة. وجاء ذلك خلال مؤتمر صحفي عقده في عمان."
    (a,) = run(text).attributions
    assert a.channel is not None and a.channel.type == "press_conference"
    text = "وقال الوزير إن الحل سياسي. جاء ذلك بعد يومين من الهجوم على القافلة."
    (a,) = run(text).attributions
    assert a.channel is None


def test_relayed_source_after_a_bracketed_abbreviation_or_as_a_body_name():
    text = "ونقلت وكالة الأنباء اليمنية (سبأ) عن مصدر طبي قوله إن المستشفى امتلأ."
    (a,) = run(text).attributions
    assert a.speaker.text == "مصدر طبي" and a.channel.type == "agency"
    text = "ونقلت وكالة الإعلام الروسية عن وزارة الدفاع قولها إن الجيش أسقط طائرة."
    (a,) = run(text).attributions
    assert a.speaker.text == "وزارة الدفاع"
    text = "وأعرب الوزير عن قلقه من التصعيد في الجنوب."
    (a,) = run(text).attributions
    assert a.speaker.text == "الوزير" and a.channel is None  # «أعرب عن» relays nobody


def test_an_indefinite_title_is_someone_new_not_the_last_person():
    text = "وقال الوزير سامي نور إن الحل سياسي. ونقلت الوكالة عن متحدث أمني قوله إن الأمن مستتب."
    first, second = run(text, [("سامي نور", "PER", "Sami Nour", 0)]).attributions
    assert first.speaker.actor.name == "Sami Nour"
    assert second.speaker.text == "متحدث أمني" and second.speaker.actor is None
    assert second.speaker.anonymous


@pytest.mark.parametrize("text", [
    "وأكد الوزير أن بلاده ملتزمة بالاتفاق، لكنه قال إن الطرف الآخر لم يلتزم.",
    "وقال الوزير إن الحكومة ستدعم المزارعين ولكنه قال إن الطرف الآخر لم يلتزم.",
    "وقال الوزير إن القوات تقدمت كما أشار في الوقت ذاته إلى أن الطرف الآخر لم يلتزم.",
    "وقال الوزير إن القوات تقدمت في الجنوب وأضاف: \"الطرف الآخر لم يلتزم\".",
])
def test_the_same_speaker_going_on_inside_a_statement_is_a_statement_of_its_own(text):
    first, second = run(text).attributions
    assert second.speaker.text == first.speaker.text == "الوزير"
    assert "الطرف الآخر لم يلتزم" in second.content.text
    assert "لم يلتزم" not in first.content.text and second.parent is None


def test_a_verb_inside_a_quotation_stays_part_of_it():
    (a,) = run("وقال الوزير: \"نحن ملتزمون بالاتفاق وقلنا إن الطرف الآخر لم يلتزم\".").attributions
    assert a.content.text.endswith("لم يلتزم")


def test_a_participle_after_a_comma_speaks_anew_and_its_complement_is_its_own():
    text = "وانتقد الرئيس بشدة اعتماد الدول على العقوبات، قائلا إن العقاب يقوض الثقة."
    first, second = run(text).attributions
    assert first.speaker.text == "الرئيس" and "يقوض" not in first.content.text
    assert second.cue.text == "قائلا" and second.content.text == "العقاب يقوض الثقة"


def test_the_verb_after_according_to_what_belongs_to_the_nominal_cue():
    text = "وستحضر الوزيرة عشاء على شرف الضيف، وفق ما أعلنت أيضا الرئاسة الفرنسية."
    (a,) = run(text).attributions
    assert a.cue.text == "وفق" and a.speaker.text == "الرئاسة الفرنسية"


def test_a_source_set_off_by_commas_mid_sentence():
    (a,) = run("وارتفعت الأسعار، بحسب التقرير، بنسبة عشرة بالمئة خلال العام الماضي.").attributions
    assert a.speaker.text == "التقرير" and "عشرة بالمئة" in a.content.text
    assert run("ويتم ذلك، حسب القانون، خلال شهر.").attributions == []


def test_as_reported_tail_after_a_comma():
    text = "ورفعت الأعلام عند مدخل المبنى، كما ذكرت مصادر رسمية."
    (a,) = run(text).attributions
    assert a.speaker.text == "مصادر رسمية" and a.content.text == "ورفعت الأعلام عند مدخل المبنى"
    text = "وأكد الوزير أن الوضع مستقر، كما قال إن الحكومة جاهزة."
    first, second = run(text).attributions
    assert second.content.text == "الحكومة جاهزة"  # «كما قال إن»: also said


def test_a_quoted_name_right_after_the_verb_is_the_subject():
    (a,) = run("وقالت \"أجوكو\"، \"إن إنتاجها يبلغ مئتي ألف برميل\".").attributions
    assert a.speaker.text == "أجوكو" and a.content.text.startswith("إنتاجها")


@pytest.mark.parametrize(("text", "speaker"), [
    ("وزار الوزير المستشفى أمس، مؤكدا أن الخدمات جيدة.", "الوزير"),
    ("ورفض وزير الداخلية الليبي توجيه الاتهام إلى أي جهة، لافتا إلى أنه ينتظر التحقيق.",
     "وزير الداخلية الليبي"),
    ("ورفضت متحدثة باسم مكتب رئاسة الوزراء التعليق، مشيرة إلى أن الموعد قريب.",
     "متحدثة باسم مكتب رئاسة الوزراء"),
])
def test_a_participle_goes_on_with_the_title_that_opens_the_sentence(text, speaker):
    (a,) = run(text).attributions
    assert a.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "ونقلت الطائرة مقاتلين إلى القاعدة بعد أن تحدثت عن الخطة.",  # carried, not relayed
    "ووافقت الشرطة بشرط أن يقدم تعهدًا بعدم التكرار.",  # a noun with tanween
])
def test_look_alikes_of_relaying_and_pledging_report_nothing(text):
    assert run(text).attributions == []


def test_time_clauses_and_feminine_verbs_with_masculine_plural_objects():
    (a,) = run("وقال الوزير بعد أن التقى نظيره إن العلاقات قوية.").attributions
    assert a.content.text == "العلاقات قوية"
    (a,) = run("وخرج متظاهرون يطالبون برحيل الرئيس، قبل أن يتطور الأمر إلى نزاع.").attributions
    assert a.content.text == "برحيل الرئيس"
    text = "وألقت طائرة منشورات على القطاع، تحذر فيها الفلسطينيين من الاقتراب من السياج."
    (a,) = run(text).attributions
    assert a.speaker is None or a.speaker.text != "الفلسطينيين"
    assert a.content.text.startswith("الفلسطينيين")


def test_a_conjunction_in_presentation_form_is_left_out_of_the_cue_span():
    text = "\ufeedأفادت مصادر طبية أن القتلى عشرة."
    (a,) = run(text).attributions
    assert a.cue.text == "أفادت" and text[a.cue.start:a.cue.end] == "أفادت"


def test_no_content_is_ever_empty_or_inverted():
    text = ("وقال الرئيس إن بلاده تعتبر الحزب «منظمة ارهابية»، ورأى ان الدولة من حقها "
            "القيام بأعمال ضد أهداف إرهابية.")
    for a in run(text).attributions:
        assert a.content.end > a.content.start and a.content.text.strip()


def test_disclosing_a_name_is_no_statement_channel():
    (a,) = run("وقال المسؤول، الذي لم يرغب بالتصريح عن اسمه، إن الاتفاق قريب.").attributions
    assert a.channel is None


@pytest.mark.parametrize("text", [
    "ونقلت وكالة أسوشييتد برس، عن النائب سامي نور قوله إن السفير كرر موقفه.",
    "ونقلت «رويترز» عن رئيس البورصة سامي نور، قوله: «تمت الموافقة على القيد».",
])
def test_the_relay_survives_a_comma_or_quotation_marks_before_an(text):
    (a,) = run(text, [("سامي نور", "PER", "Sami Nour", 0)]).attributions
    assert a.cue.text == "نقلت" and a.speaker.actor.name == "Sami Nour"


def test_a_verb_with_its_subject_and_nothing_after_it_closes_what_came_before():
    text = "ويدخل الغرب في حالة من القلق تقول صحيفة التايمز، وتضيف بالقول إن الرئيس كان قاسيا."
    first, second = run(text).attributions
    assert first.cue.text == "تقول" and first.content.text == "ويدخل الغرب في حالة من القلق"
    assert second.content.text == "الرئيس كان قاسيا"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("وأكد مصدر طبي حصيلة القتلى، قائلا إن النساء من بين الضحايا.", "مصدر طبي", "حصيلة القتلى"),
    ("وأكد مصدر مطلع وقوع الانفجار.", "مصدر مطلع", "وقوع الانفجار"),
    ("وأكد مسؤول أمني كبير وقوع الانفجار.", "مسؤول أمني كبير", "وقوع الانفجار"),
])
def test_an_anonymous_source_keeps_its_adjectives_and_leaves_the_object(text, speaker, content):
    a = run(text).attributions[0]
    assert a.speaker.text == speaker and a.content.text == content


def test_ila_anna_is_a_complementiser_and_a_demonstrative_after_hasab_is_a_source():
    (a,) = run("وأشارت المصادر إلى أن الكتلة لم تعلن دعمها لأي مرشح.").attributions
    assert a.content.text == "الكتلة لم تعلن دعمها لأي مرشح"
    (a,) = run("وحسب تلك التقارير فإن السلطات فرضت إجراءات أمنية.").attributions
    assert a.speaker.text == "تلك التقارير"


def test_qailan_after_a_verb_of_saying_is_the_same_statement():
    (a,) = run("وصرح اللاعب، على موقع النادي، قائلا \"سنعود أقوى في الموسم المقبل\".").attributions
    assert a.cue.text == "صرح" and a.content.text == "سنعود أقوى في الموسم المقبل"


def test_a_spokesman_for_a_ministry_speaks_for_it():
    (a,) = run("وقال المتحدث الرسمي باسم وزارة الصحة إن المستشفيات جاهزة.",
               [("وزارة الصحة", "ORG", "Ministry of Health", 0)]).attributions
    assert a.speaker.actor.name == "Ministry of Health"


def test_an_abbreviated_title_with_a_full_stop_opens_the_subject():
    (a,) = run("وأضاف د. خالد العتيبي قائلا: إذا اكتمل المشروع فسنبدأ العمل.",
               [("خالد العتيبي", "PER", "Khalid Al-Otaibi", 0)]).attributions
    assert a.speaker.actor.name == "Khalid Al-Otaibi"
    assert a.content.text == "إذا اكتمل المشروع فسنبدأ العمل"


def test_a_noun_with_tanween_fatha_after_the_verb_is_no_subject():
    (a,) = run("وأضاف العبيد: «المسلسل يعتبر عملاً ضخمًا، وكان التلفزيون أول من عرضه».",
               [("العبيد", "PER", "Al-Obaid", 0)]).attributions
    assert a.cue.text == "أضاف" and a.speaker.text == "العبيد"


@pytest.mark.parametrize("text", [
    "التدخل سبب رئيس للمشكلات، ألا ترى أن هذا التدخل زعزعة لأمن المنطقة؟",
    "ماذا يقول القانون؟ القواعد واضحة في هذه الحالة.",
])
def test_a_verb_after_a_question_word_is_asked_not_reported(text):
    assert run(text).attributions == []


def test_a_demonstrative_before_a_definite_noun_opens_the_subject():
    (a,) = run("ويرى هذا الفيلسوف أن العقل لا يستطيع أن يفكر وحده.").attributions
    assert a.speaker.text == "هذا الفيلسوف"


def test_a_nisba_after_an_organisation_belongs_to_the_subject_not_the_content():
    (a,) = run("وأعلن التحالف العربي التصدي للهجوم على الميناء.").attributions
    assert a.speaker.text == "التحالف العربي"
    assert a.content.text.startswith("التصدي للهجوم")


@pytest.mark.parametrize("text", [
    "حدثت بعض المفارقات في الميدان، مفارقات تشير بشكل جلي إلى مرحلة جديدة.",
    "بدأ المزارعون في تنظيم احتجاجات تدعو إلى إلغاء الضريبة.",
])
def test_a_present_verb_describing_an_indefinite_noun_reports_nothing(text):
    assert run(text).attributions == []


def test_an_anonymous_source_before_a_present_verb_still_speaks():
    atts = run("وقالت الصحيفة إن مصادر تؤكد أن الاجتماع تأجل.").attributions
    assert [(a.cue.text, a.speaker.text) for a in atts][-1] == ("تؤكد", "مصادر")


def test_a_connective_before_a_nominal_cue_leaves_the_claim_after_it():
    (a,) = run("لكن حسب المجلة الأميركية، فإن تعويض النقص في الجيش صعب.").attributions
    assert a.speaker.text == "المجلة الأميركية"
    assert a.content.text == "تعويض النقص في الجيش صعب"


def test_a_speaker_after_a_glued_preposition_starts_at_the_name():
    (a,) = run("ووفقا لوزارة الصحة فإن الوباء انحسر.").attributions
    assert a.speaker.text == "وزارة الصحة"


def test_a_verbal_noun_after_tamma_is_no_cue():
    assert run("وتم اتخاذ الإجراءات بحق المصارف التي تم كشف فساد مالي فيها.").attributions == []


def test_a_sentence_opening_with_a_persons_first_name_before_the_verb_is_that_person():
    atts = run("ظهرت الفنانة سلمى أبو زيد في المؤتمر. سلمى أكدت أن شقيقها لا يعاني من أي مرض.",
               [("سلمى أبو زيد", "PER", "Salma Abu Zaid", 0)]).attributions
    assert [(a.speaker.text, a.speaker.actor.name) for a in atts] == [("سلمى", "Salma Abu Zaid")]


def test_a_short_quote_ending_the_sentence_after_the_subject_is_what_was_said():
    (a,) = run('وقال مسؤول في الوزارة "الوضع تحت السيطرة".').attributions
    assert a.speaker.text == "مسؤول" and a.content.text == "الوضع تحت السيطرة"


def test_a_quoted_term_after_a_naming_verb_stays_in_the_content_whole():
    (a,) = run('وانتقد الكاتب ما سماه "الصمت الدولي".').attributions
    assert a.speaker.text == "الكاتب" and a.content.text == 'ما سماه "الصمت الدولي"'


@pytest.mark.parametrize(("text", "speaker"), [
    ("كما طالبت الجامعة المجتمع الدولي بالتحقيق في الجرائم.", "الجامعة"),
    ("وقالت الهيئة العليا للمفاوضات إن الوفد جاهز.", "الهيئة العليا للمفاوضات"),
    ("وأعلنت الحكومة المؤقتة أنها ستجري الانتخابات.", "الحكومة المؤقتة"),
])
def test_a_masculine_word_after_a_feminine_subject_starts_the_object(text, speaker):
    (a,) = run(text).attributions
    assert a.speaker.text == speaker


def test_a_long_title_with_a_place_and_a_name_after_a_comma_speaks_by_the_name():
    text = "وقال وزير الدولة لشؤون الخليج في المملكة العربية السعودية، تامر السبهان، إن الوفد وصل."
    (a,) = run(text, [("تامر السبهان", "PER", "Thamer al-Sabhan", 0)]).attributions
    assert a.speaker.text == "تامر السبهان"


@pytest.mark.parametrize("text", ["في وقت تشدد فيه السلطات إجراءات القمع.",
                                  "وشددت الشرطة الإجراءات الأمنية حول المبنى."])
def test_shaddada_without_ala_or_an_is_tightening_not_stressing(text):
    assert run(text).attributions == []


@pytest.mark.parametrize("text", ["وتم نقل الجنود بحسب طلب الرئيس إلى الحدود.",
                                  "وسيتم ذلك وفقا لاتفاق سوتشي.",
                                  "ويتم ذلك وفقا للقانون خلال شهر."])
def test_according_to_a_request_a_deal_or_a_law_names_no_source(text):
    assert run(text).attributions == []


def test_a_report_of_a_body_agrees_with_the_verb_by_its_head_noun():
    text = ("وقال الوزير محمد العلي إن الخطة جاهزة. وتابع العمل في المشروع. "
            'وقال تقرير الوكالة النمساوية "إن عدد اللاجئين ارتفع بشكل كبير".')
    atts = run(text, [("محمد العلي", "PER", None, 0)]).attributions
    assert atts[-1].speaker.text == "الوكالة النمساوية"


def test_an_agency_that_speaks_for_itself_is_no_news_agency_channel():
    (a,) = run("وقالت وكالة الطاقة الدولية إن الطلب سيرتفع.").attributions
    assert a.speaker.text == "وكالة الطاقة الدولية" and a.channel is None
    (b,) = run("وقالت وكالة الأنباء الرسمية إن الوفد وصل.").attributions
    assert b.channel.type == "agency"


@pytest.mark.parametrize("text", ["ويواصل الفريق العمل على كشف الأخطاء.",
                                  "وبعد كشف الحقائق تغير الموقف.",
                                  "وهو بلد يدعي الديمقراطية منذ عقود."])
def test_a_verbal_noun_or_a_clause_about_a_noun_reports_nothing(text):
    assert run(text).attributions == []


def test_a_verbal_noun_with_its_agent_and_a_reported_clause_still_reports():
    (a,) = run("وذلك بعد كشف السلطات البريطانية أن المشتبه بهما يحملان جوازات مزورة.",
               [("السلطات البريطانية", "ORG", "Government of the United Kingdom", 0)]
               ).attributions
    assert a.speaker.actor.name == "Government of the United Kingdom"
    assert a.content.text == "المشتبه بهما يحملان جوازات مزورة"


def test_one_noun_phrase_before_the_charge_is_the_accused_not_the_accuser():
    atts = run("وقال الوزير إن الهجوم فاشل. واتهم المعارضة بالتحريض.").attributions
    assert [(a.cue.text, a.speaker.text) for a in atts] == [("قال", "الوزير"), ("اتهم", "الوزير")]
    assert atts[1].content.text == "المعارضة بالتحريض"


@pytest.mark.parametrize(("text", "speaker"), [
    ("ولكن شهودا قالوا إن الشرطة أطلقت النار.", "شهودا"),
    ("الإيرانيون يقولون إن العقوبات لن تؤثر عليهم.", "الإيرانيون"),
    ("ويبلغ عدد الناخبين الذين يقولون إنهم سيصوتون نحو النصف.", "الناخبين"),
])
def test_people_named_before_a_plural_verb_are_its_speakers(text, speaker):
    (a,) = run(text).attributions
    assert a.speaker.text == speaker


@pytest.mark.parametrize(("text", "first_content"), [
    ("وقال الوزير إن الأزمة ستنتهي قريبا، كما يفيد أحد المختصين بأن الأسعار ستنخفض.",
     "الأزمة ستنتهي قريبا"),
    ('وقال الوزير: "سأحضر الاجتماع شخصيا" وأضاف أن الوفد جاهز.', "سأحضر الاجتماع شخصيا"),
])
def test_a_content_ends_where_the_next_statement_begins(text, first_content):
    atts = run(text).attributions
    assert len(atts) == 2 and atts[0].content.text == first_content


def test_a_negated_verb_with_no_reported_clause_says_nothing():
    assert run("ولم تكشف السلطات بشكل رسمي عن عدد القتلى.").attributions == []
    (a,) = run("ولم يؤكد الوزير أن الاجتماع تأجل.").attributions
    assert a.content.text == "الاجتماع تأجل"


def test_his_eminence_is_the_dignitary_named_last():
    atts = run("واستقبل الشيخ عبدالرحمن السديس الوفد. وحذر فضيلته من التطرف، مؤكدا أن "
               "الإسلام دين وسطية.",
               [("عبدالرحمن السديس", "PER", "Abdul Rahman Al-Sudais", 0)]).attributions
    assert [(a.speaker.text, a.speaker.actor.name) for a in atts] == \
        [("فضيلته", "Abdul Rahman Al-Sudais")] * 2


def test_kull_min_names_all_the_speakers_and_takes_a_plural_participle():
    atts = run("وقال كل من صالح باهبري وعمر صالح إن الموسم ناجح، مبينين أن الإقبال كبير.",
               [("صالح باهبري", "PER", None, 0), ("عمر صالح", "PER", None, 0)]).attributions
    assert [a.speaker.text for a in atts] == ["كل من صالح باهبري وعمر صالح"] * 2


def test_a_complementiser_after_a_participle_clause_is_not_the_verbs():
    (a,) = run("وحضر المدير الحفل، الذي أبدى إعجابه وقدم شكره للعاملين، موجهاً بأن "
               "يبذلوا كل جهدهم.").attributions
    assert a.content.text.startswith("إعجابه")
    (b,) = run("وقال الوزير، متحدثا للصحفيين، إن الخطة جاهزة.").attributions
    assert b.content.text == "الخطة جاهزة"


def test_a_statement_that_is_judged_is_no_channel():
    atts = run("وأعرب الوزير عن ترحيبه، واصفا بيان المسؤولين بأنه إيجابي.").attributions
    assert all(a.channel is None for a in atts)


@pytest.mark.parametrize("text", ["وأصدرت محكمة حكما على ستة صحافيين متهمين بالتآمر.",
                                  "كانت مكانة القناة مهددة من قبل العديد من الدول."])
def test_an_adjectival_or_passive_participle_reports_nothing(text):
    assert run(text).attributions == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقال مئات المحتجين إن الحكومة فشلت.", "مئات المحتجين"),
    ("وعبر عشرات آلاف الأتراك خلال تجمع انتخابي عن دعمهم للمرشح.", "عشرات آلاف الأتراك"),
])
def test_a_crowd_named_by_its_count_speaks_unnamed(text, speaker):
    (a,) = run(text).attributions
    assert a.speaker.text == speaker and a.speaker.anonymous


def test_hadhir_without_min_or_an_is_cautious_not_warning():
    assert run("ميدانيا، يسود هدوء حذر معظم مدن المحافظة.").attributions == []
    (a,) = run("وحذرت المنظمة من كارثة إنسانية.").attributions
    assert a.cue.text == "حذرت"


def test_a_person_opening_the_sentence_before_a_present_verb_is_its_subject():
    (a,) = run("الكاتب يصف الضغوط التي يمارسها المسؤولون بأنها خطيرة.").attributions
    assert a.speaker.text == "الكاتب"


def test_a_thing_that_confirms_something_reports_nothing():
    text = "ولعب الفريق العديد من المباريات الودية التي تؤكد جاهزيته الفنية."
    assert run(text).attributions == []
