"""City institutions composed at match time: a city's police or municipality, named by
the places gazetteer (cities.py), and the national institution where the name is a
country's."""

from __future__ import annotations

import pytest
from actors_helpers import run

from rawi.actors.cities import CityInstitutions
from rawi.actors.stage import ActorsStage
from rawi.attribution.stage import AttributionStage


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()


def spans(doc):
    return {s["text"]: (a["name"], a["country"]) for a in doc.actors for s in a.get("spans", [])}


def test_the_police_in_a_city_is_that_citys_police(stage):
    doc = run(stage, "وقالت الشرطة في مدينة مانشستر إن المشتبه به فر.",
              entities=[("مانشستر", "LOC")])
    assert spans(doc) == {"الشرطة": ("Manchester Police", "GB")}


def test_a_later_bare_police_refers_back_to_the_city_police(stage):
    doc = run(stage, "وقالت الشرطة في مانشستر إن المشتبه به فر. وأضافت الشرطة أنها تبحث عنه.",
              entities=[("مانشستر", "LOC")])
    actors = [a for a in doc.actors if a["name"] == "Manchester Police"]
    assert len(actors) == 1 and len(actors[0]["spans"]) == 2


def test_an_organisation_entity_naming_a_city_body_links_to_it(stage):
    doc = run(stage, "وأعلنت بلدية إسطنبول إغلاق الطرق.", entities=[("بلدية إسطنبول", "ORG")])
    (ent,) = doc.entities
    assert ent.actor.name == "Istanbul Municipality" and ent.actor.country == "TR"
    assert "Municipality of Istanbul" in ent.actor.aliases


@pytest.mark.parametrize("text", [
    "وقالت الشرطة في الكويت إن الوضع هادئ.",  # a country's name: its national police
    "وقالت الشرطة السويدية في ستوكهولم إن الوضع هادئ.",  # the nisba names the police
    "وقالت الشرطة في المنطقة إن الوضع هادئ.",  # no city
])
def test_no_city_police_without_a_city_right_after_the_head(stage, text):
    doc = run(stage, text)
    assert not any(a["id"].endswith("-security") and a["name"].endswith(" Police")
                   for a in doc.actors)


def test_a_dictionary_entry_wins_over_composition(stage):
    doc = run(stage, "وقالت شرطة نيويورك إن الحادث وقع صباح اليوم.",
              entities=[("شرطة نيويورك", "ORG")])
    (ent,) = doc.entities
    assert ent.actor.name == "New York City Police Department"
    assert not any(a["id"].startswith("us-new-york") for a in doc.actors)


def test_a_small_town_needs_the_ner_to_call_it_a_place(stage):
    text = "وقالت الشرطة في جرش إن الطريق أغلق."
    assert "Jarash Police" not in {a["name"] for a in run(stage, text).actors}
    tagged = run(stage, text, entities=[("جرش", "LOC")])
    assert "Jarash Police" in {a["name"] for a in tagged.actors}


def test_every_head_names_its_city_once():
    heads = CityInstitutions().heads
    assert {h.key for h in heads.values()} == {"security", "municipality"}
    assert all(h.name.count("{city}") == 1 for h in heads.values())


def test_the_speaker_is_the_city_police_not_the_city(stage):
    text = "وقالت شرطة نوتنغهام إن الوضع هادئ، لافتة إلى أن التحقيق مستمر."
    doc = run(stage, text, entities=[("نوتنغهام", "LOC")])
    AttributionStage()(doc)
    assert [(a.speaker.text, a.speaker.actor.name) for a in doc.attributions] == \
        [("شرطة نوتنغهام", "Nottingham Police")] * 2
