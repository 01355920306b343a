"""The attributions stage on short news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from rawi.attribution.stage import AttributionStage
from rawi.model import Actor, Article, Doc, Entity, Time
from rawi.pipeline import Pipeline

_TEXT = Pipeline(["text"])
_STAGE = AttributionStage()


def run(text: str, entities: list[tuple[str, str, str | None]] = (),
        times: list[tuple[str, str]] = ()) -> Doc:
    """Text layer, then the given entities (surface, type, actor name) and times."""
    doc = _TEXT(Article(text=text, id="t", published="2021-04-12"))
    for n, (surface, typ, actor) in enumerate(entities):
        s = text.index(surface)
        act = Actor(id=f"q{n}", name=actor, type=typ) if actor else None
        doc.entities.append(Entity(f"e{n}", s, s + len(surface), surface, typ, act))
    for n, (surface, value) in enumerate(times):
        s = text.index(surface)
        doc.times.append(Time(f"t{n}", s, s + len(surface), surface, "DATE", value))
    return _STAGE(doc)


# sentence, expected cue, expected content (None: no attribution at all)
CUE_CASES = [
    ("قال وزير الخارجية إن الوفد سيصل إلى الرياض غدا.", "قال", "الوفد سيصل إلى الرياض غدا"),
    ("وأعلنت الشرطة أنها اعتقلت ثلاثة مشتبه بهم.", "أعلنت", "اعتقلت ثلاثة مشتبه بهم"),
    ("وأكدت الوزارة بأن الامتحانات ستجري في موعدها.", "أكدت", "الامتحانات ستجري في موعدها"),
    ("وأضاف: «لن نتراجع عن هذا القرار».", "أضاف", "لن نتراجع عن هذا القرار"),
    ("وتابع المتحدث قائلا: «الأوضاع مستقرة تماما».", "تابع", "الأوضاع مستقرة تماما"),
    ("وأشار إلى أن المفاوضات مستمرة.", "أشار", "المفاوضات مستمرة"),
    ("وأعرب الوزير عن قلقه من تدهور الأوضاع.", "أعرب", "قلقه من تدهور الأوضاع"),
    ("ونفت مصادر مطلعة وجود أي اتصالات مع الجانب الآخر.", "نفت",
     "وجود أي اتصالات مع الجانب الآخر"),
    ("وبحسب مصادر محلية، فإن القصف استهدف مستودعا للذخيرة.", "بحسب",
     "القصف استهدف مستودعا للذخيرة"),
    ("وارتفعت الأسعار بنسبة كبيرة، وفقا لتقارير صحفية.", "وفقا", "وارتفعت الأسعار بنسبة كبيرة"),
    ("وقيل إن القافلة وصلت سالمة.", "قيل", "القافلة وصلت سالمة"),
    # not cues: «عبر» meaning "across", «يذكر أن» (background), «وفق القانون» (no source)
    ("وعبر المهاجرون الحدود ليلا.", None, None),
    ("ويذكر أن المدينة شهدت احتجاجات سابقة.", None, None),
    ("وتجري الانتخابات وفق القانون الجديد.", None, None),
]


@pytest.mark.parametrize(("text", "cue", "content"), CUE_CASES)
def test_cue_and_content(text, cue, content):
    atts = run(text).attributions
    if cue is None:
        assert atts == []
        return
    assert atts, f"no attribution in {text!r}"
    assert atts[0].cue.text == cue
    assert atts[0].content.text == content


# sentence, expected modality of the first attribution
MODALITY_CASES = [
    ("قال المتحدث إن الوفد سيصل غدا.", "asserted"),
    ("نفت الحكومة أي تورط في الهجوم.", "denied"),
    ("قال المتحدث إنه لا صحة للأنباء عن استقالته.", "denied"),
    ("قال مسؤول إن الاجتماع قد يتأجل إلى الأسبوع المقبل.", "hedged"),
    ("رجحت مصادر أمنية أن يكون الانفجار عرضيا.", "hedged"),
    ("قال الوزير إنه لا يستبعد عقد لقاء قريب.", "hedged"),
    ("وزعمت الجماعة أن مقاتليها أسقطوا طائرة.", "alleged"),
    ("واعتبر المحلل أن الخطوة جاءت متأخرة.", "belief"),
    ("وقال: «نعتقد أن الحل ممكن».", "belief"),
    ("وتساءل النائب عن جدوى هذه الإجراءات.", "question"),
    ("وقال: «إلى متى سننتظر؟»", "question"),
]


@pytest.mark.parametrize(("text", "modality"), MODALITY_CASES)
def test_modality(text, modality):
    atts = run(text).attributions
    assert atts and atts[0].modality == modality


def test_verb_first_speaker_with_entity_and_actor():
    text = "وقال وزير الخارجية المصري سامح شكري، أمس، إن القاهرة ترفض أي تدخل."
    doc = run(text, [("سامح شكري", "PER", "Sameh Shoukry"), ("القاهرة", "LOC", "Egypt")],
              [("أمس", "2021-04-11")])
    (a,) = doc.attributions
    assert a.speaker.text == "سامح شكري" and a.speaker.actor.name == "Sameh Shoukry"
    assert a.content.text == "القاهرة ترفض أي تدخل"
    assert doc.times[0].id == a.time


def test_implied_speakers_follow_gender_agreement():
    text = ("قالت الوزيرة إن الخطة جاهزة. وقال المتحدث إن التنفيذ يبدأ غدا. "
            "وأضافت أن التمويل متوفر، مضيفة أن العمل بدأ.")
    doc = run(text)
    by_cue = {a.cue.text: a for a in doc.attributions}
    assert by_cue["أضافت"].speaker.text == "الوزيرة"
    assert by_cue["مضيفة"].speaker.text == "الوزيرة"
    assert by_cue["أضافت"].content.text == "التمويل متوفر"  # the participle starts anew


def test_anonymous_sources_are_typed_with_their_span():
    doc = run("وقال مصدر عسكري إن الهجوم صد. ولكن شهود عيان قالوا إن القصف استمر.")
    a, b = doc.attributions
    assert a.speaker.anonymous and a.speaker.text == "مصدر عسكري"
    assert b.speaker.anonymous and b.speaker.text.startswith("شهود")
    assert a.speaker.actor is None


def test_subject_before_the_verb():
    doc = run("وكان الوزير قد قال إن المشروع سيكتمل.", [("الوزير", "PER", "Some Minister")])
    assert doc.attributions[0].speaker.actor.name == "Some Minister"


def test_nominal_speaker_points_back_to_the_entity():
    text = "أعلنت وزارة الصحة أن الإصابات تراجعت. وأضافت الوزارة أن اللقاحات وصلت."
    doc = run(text, [("وزارة الصحة", "ORG", "Ministry of Health")])
    second = doc.attributions[1]
    assert second.speaker.text == "الوزارة"
    assert second.speaker.actor.name == "Ministry of Health"


def test_direct_quote_across_sentences():
    text = "وقال الرئيس: «هذه لحظة تاريخية. لن نعود إلى الوراء». ثم غادر القاعة."
    (a,) = run(text).attributions
    assert a.direct
    assert a.content.text == "هذه لحظة تاريخية. لن نعود إلى الوراء"


def test_channel_and_evidence():
    text = ("وقالت الوزارة في بيان نشرته على حسابها في تويتر إن صورا فضائية "
            "أظهرت مواقع جديدة.")
    (a,) = run(text).attributions
    assert a.channel.type == "statement"
    assert [e.type for e in a.evidence] == ["satellite_imagery"]
    doc = run("وكتب الوزير في تغريدة على تويتر أن الاتفاق قريب، وأكد ذلك في مؤتمر صحفي.")
    assert doc.attributions == [] or all(x.channel is None or x.channel.type for x in
                                         doc.attributions)
    (b,) = run("وقال المتحدث في تغريدة على تويتر إن الاتفاق قريب.").attributions
    assert (b.channel.type, b.channel.platform) == ("social_media", "Twitter")


def test_nested_attribution_has_parent():
    text = "ونقلت الصحيفة عن مصدر دبلوماسي قوله إن الوزير أكد أن الاتفاق وشيك."
    doc = run(text, [("الوزير", "PER", "Some Minister")])
    inner = [a for a in doc.attributions if a.cue.text == "أكد"]
    assert inner and inner[0].parent is not None
    parent = {a.id: a for a in doc.attributions}[inner[0].parent]
    assert parent.content.start <= inner[0].cue.start < parent.content.end


def test_agency_nominal_inside_a_verb_clause_is_the_parent():
    text = "وقال المتحدث، حسب وكالة الأنباء الرسمية، إن الحدود ستفتح."
    doc = run(text)
    by_cue = {a.cue.text: a for a in doc.attributions}
    assert by_cue["قال"].content.text == "الحدود ستفتح"
    assert by_cue["قال"].parent == by_cue["حسب"].id
    assert by_cue["قال"].channel.type == "agency"


def test_spans_are_views_of_the_text():
    text = "وأكَّد الوزيرُ أنَّ «الحلَّ قريبٌ»، مشيراً إلى أنّ المحادثات ستُستأنف."
    doc = run(text)
    assert len(doc.attributions) == 2
    for a in doc.attributions:
        for span in (a.cue, a.content, a.speaker):
            assert text[span.start:span.end] == span.text
    assert doc.attributions[1].cue.text == "مشيراً"


def test_stage_without_text_layer_tokenises_itself():
    doc = AttributionStage()(Doc(article=Article(text="قال الوزير إن الطريق مفتوح.")))
    assert doc.attributions[0].content.text == "الطريق مفتوح"


def test_title_points_back_to_the_person_it_introduced():
    text = ("والتقى وزير خارجية ألمانيا فرانك شتاينماير نظيره أمس. وقال الوزير السعودي إن "
            "اللقاء مثمر. وأكد وزير خارجية ألمانيا أن التعاون سيتعزز.")
    doc = run(text, [("فرانك شتاينماير", "PER", "Frank-Walter Steinmeier"),
                     ("ألمانيا", "LOC", "Germany")])
    last = doc.attributions[-1]
    assert last.cue.text == "أكد"
    assert last.speaker.actor.name == "Frank-Walter Steinmeier"


def test_named_body_is_not_a_back_reference():
    text = "أعلنت هيئة الأركان أن التدريبات انتهت. وقالت وزارة الداخلية إن الطرق مفتوحة."
    doc = run(text, [("هيئة الأركان", "ORG", "General Staff")])
    second = doc.attributions[1]
    assert second.speaker.text == "وزارة الداخلية" and second.speaker.actor is None


def test_statement_issued_by_a_body():
    text = "وذكر بيان صادر عن وزارة الخارجية أن السفير استدعي."
    (a,) = run(text, [("وزارة الخارجية", "ORG", "Ministry of Foreign Affairs")]).attributions
    assert a.speaker.actor.name == "Ministry of Foreign Affairs"
    assert a.channel.type == "statement"


@pytest.mark.parametrize(("text", "entities", "speaker"), [
    # verb-first subject that is no entity, with a complementiser after it
    ("وأوضح النفيعي أن الاستعدادات اكتملت.", [], "النفيعي"),
    # a definite subject without a complementiser, with its genitive
    ("وأعلنت المديرية العامة للصحة حالة الطوارئ.", [], "المديرية العامة للصحة"),
    # an honorific before the title
    ("وأعرب معالي الأمين العام عن قلقه البالغ.", [], "الأمين العام"),
    # the antecedent of a relative pronoun
    ("وحضر الحفل خالد الفيصل الذي أكد أن الموسم ناجح.", [("خالد الفيصل", "PER", "Khalid")],
     "خالد الفيصل"),
    # a one-word NER slip («بيان» tagged as a person) does not hide the real source
    ("وذكر بيان صادر عن هيئة الطيران أن الرحلات استؤنفت.",
     [("بيان", "PER", None), ("هيئة الطيران", "ORG", "Aviation Authority")], "هيئة الطيران"),
])
def test_explicit_subjects(text, entities, speaker):
    (a,) = run(text, entities).attributions
    assert a.speaker is not None and a.speaker.text == speaker


def test_prepositional_phrase_is_not_a_subject():
    text = "وقالت الوزارة إن الوفد وصل. ونشرت الوزارة تقريرا قالت فيه إن المحادثات بدأت."
    last = run(text).attributions[-1]
    assert last.speaker is not None and last.speaker.text != "فيه"


def test_short_name_missed_by_ner_takes_the_earlier_full_name():
    text = "والتقت تشوي سون هوي الوفد أمس. وقال تشوي، التي قادت المحادثات، إن الحوار مستمر."
    doc = run(text, [("تشوي سون هوي", "PER", "Choe Son-hui")])
    (a,) = doc.attributions
    assert a.speaker.text == "تشوي" and a.speaker.actor.name == "Choe Son-hui"


def test_full_stop_after_a_quotation_ends_the_statement():
    text = "وقال الوزير إن «الوضع صعب. لكننا سنصمد.» وقال المتحدث إن الوفد وصل."
    doc = run(text)
    assert [a.parent for a in doc.attributions] == [None, None]
    assert doc.attributions[1].speaker.text == "المتحدث"


def test_headline_with_a_colon_quotes_its_source():
    text = "مصادر مطلعة: الاتفاق بين الطرفين بات وشيكا\nالرياض: ارتفعت درجات الحرارة أمس."
    doc = run(text, [("الرياض", "LOC", "Riyadh")])
    (a,) = doc.attributions  # «الرياض:» is a dateline, not a source
    assert a.cue.text == ":" and a.speaker.anonymous
    assert a.content.text == "الاتفاق بين الطرفين بات وشيكا"


def test_a_linked_clause_with_its_own_cue_ends_the_content():
    from rawi import Article, Pipeline

    text = ("وأشارت الوزارة إلى أن التحقيقات جارية، فيما تساءل نائب عن أسباب تكرار الهجمات. "
            "وقال الوزير إن الاتفاق صامد، في حين نفت المعارضة ذلك.")
    doc = Pipeline()(Article(text, published="2019-03-07"))
    found = {x.cue.text: (x.content.text, x.modality) for x in doc.attributions}
    assert found["أشارت"][0] == "التحقيقات جارية"
    assert found["تساءل"][1] == "question"
    assert found["قال"][0] == "الاتفاق صامد"
    assert found["نفت"] == ("ذلك", "denied")
