"""Role holders in persons.tsv: role nouns resolve to whoever held the office that day."""

from __future__ import annotations

import pytest
from actors_helpers import run

from rawi.actors import resolve_at
from rawi.actors.stage import ActorsStage


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()


def holder(stage, text: str, role: str, date: str) -> str | None:
    """Id of the actor the role phrase ``role`` in ``text`` resolves to on ``date``."""
    doc = run(stage, text, published=date)
    start = text.index(role)
    actor = resolve_at(doc, start, start + len(role))
    return actor.id if actor else None


@pytest.mark.parametrize(("text", "role", "date", "expect"), [
    # each holder in turn
    ("وقال وزير الداخلية العراقي إن الوضع مستقر.", "وزير الداخلية العراقي",
     "2021-01-10", "othman-al-ghanimi"),
    ("وقال وزير الداخلية العراقي إن الوضع مستقر.", "وزير الداخلية العراقي",
     "2023-03-01", "abdul-amir-al-shammari"),
    # feminine head and nisba
    ("وقالت وزيرة الدفاع اللبنانية إن الجيش جاهز.", "وزيرة الدفاع اللبنانية",
     "2021-01-05", "zeina-akar"),
    # «ولي ولي العهد» is the deputy, not the crown prince inside it
    ("وقال ولي ولي العهد السعودي إن المملكة ماضية.", "ولي ولي العهد السعودي",
     "2015-08-01", "mohammed-bin-salman"),
    ("وقال ولي العهد السعودي إن المملكة ماضية.", "ولي العهد السعودي",
     "2015-08-01", "mohammed-bin-nayef"),
    # an office that is a phrase of its own (no nisba)
    ("وقال المبعوث الأممي إلى العراق إن الحوار ضروري.", "المبعوث الأممي إلى العراق",
     "2016-05-01", "jan-kubis"),
    # an acting holder between two ministers
    ("وقال وزير الخارجية الإيراني إن طهران سترد.", "وزير الخارجية الإيراني",
     "2024-06-15", "ali-bagheri-kani"),
    ("وقال وزير الدفاع الأمريكي إن القوات ستبقى.", "وزير الدفاع الأمريكي",
     "2019-03-01", "patrick-shanahan"),
])
def test_role_holder_on_date(stage, text, role, date, expect):
    assert holder(stage, text, role, date) == expect


def test_vacant_office_gives_no_holder(stage):
    # Lebanon had no president from May 2014 to October 2016
    text = "وقال الرئيس اللبناني إن البلاد تمر بأزمة."
    assert holder(stage, text, "الرئيس اللبناني", "2015-08-01") is None
    assert holder(stage, text, "الرئيس اللبناني", "2017-08-01") == "michel-aoun"
