"""The times layer: detection, resolution, offsets, stage and data-file checks.

Sentences here are written for the tests (news style), not taken from a corpus.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.model import Article, Doc
from rawi.pipeline.registry import build_stage, stage_names
from rawi.time import hijri, tag
from rawi.time.lexicon import DataError, Lexicon, data_dir
from rawi.time.tagger import TimeTagger

PUB = "2017-09-25"  # a Monday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published)]


def test_sentence_with_several_expressions() -> None:
    text = (
        "وأعلنت الوزارة في بيان نشرته أمس أن الاجتماع سيعقد ما بين ال8 وال12 من الشهر المقبل، "
        "بعد أن تأجل مرتين منذ 14 أيلول 2016."
    )
    assert values(text) == [
        ("أمس", "2017-09-24"),
        ("ما بين ال8 وال12 من الشهر المقبل", "2017-10-08/2017-10-12"),
        ("14 أيلول 2016", "2016-09-14"),
    ]


def test_ids_types_and_offsets() -> None:
    text = "وصل الوفد صباح اليوم، على أن يبقى لمدة ثلاثة أيام، ويعقد اجتماعا يوميا."
    times = tag(text, PUB)
    assert [t.id for t in times] == ["t1", "t2", "t3"]
    assert [t.type for t in times] == ["DATE", "DURATION", "SET"]
    assert [t.value for t in times] == ["2017-09-25", "P3D", "P1D"]
    for t in times:
        assert text[t.start : t.end] == t.text


def test_offsets_survive_diacritics_tatweel_and_indic_digits() -> None:
    text = "وقالَ المُتحدِّثُ إنَّ القـــوات دخلت المدينة فِي ١٤ أيْلُول ٢٠١٧م، وَأمْسِ الأحـــد."
    times = tag(text, PUB)
    assert [t.value for t in times] == ["2017-09-14", "2017-09-24"]
    assert times[1].text == "أمْسِ الأحـــد"
    for t in times:
        assert text[t.start : t.end] == t.text
    assert times[0].text == "١٤ أيْلُول ٢٠١٧م"


def test_clitic_stays_out_of_the_span() -> None:
    times = tag("وبالأمس قصفت الطائرات المدينة، وللعام الثاني على التوالي", PUB)
    assert times[0].text == "الأمس" and times[0].value == "2017-09-24"


def test_paired_month_forms() -> None:
    for text in ("في أيار/مايو الماضي", "في مايو (أيار) الماضي", "في مايو - أيار الماضي"):
        assert values(text)[0][1] == "2017-05", text


def test_bare_weekday_is_the_latest_on_or_before_publication() -> None:
    # Monday 25 September 2017: the Monday is the publication day itself.
    assert values("قال الوزير الاثنين إن") == [("الاثنين", "2017-09-25")]
    assert values("قال الوزير الثلاثاء إن") == [("الثلاثاء", "2017-09-19")]


def test_future_cue_moves_a_bare_weekday_forward() -> None:
    assert values("ومن المقرر أن تبدأ المحادثات الثلاثاء في جنيف")[0][1] == "2017-09-26"
    # A cue in an earlier sentence does not count.
    assert values("ستبدأ المحادثات قريبا. وقال الوزير الثلاثاء إن")[-1][1] == "2017-09-19"


def test_month_without_year_takes_the_publication_year_or_its_modifier() -> None:
    assert values("في فبراير")[0][1] == "2017-02"
    assert values("في أكتوبر الماضي")[0][1] == "2016-10"
    assert values("في آب المقبل")[0][1] == "2018-08"


def test_hijri_date_and_holiday() -> None:
    assert values("السبت ٢٠ ذو القعدة ١٤٣٨هـ")[0][1] == "2017-08-12"
    # A named weekday one day off the Umm al-Qura table wins (observed month start) ...
    assert values("الجمعة ٢٠ ذو القعدة ١٤٣٨هـ")[0][1] == "2017-08-11"
    # ... but not a weekday further off: then the table stands.
    assert values("الخميس ٢٠ ذو القعدة ١٤٣٨هـ")[0][1] == "2017-08-12"
    assert values("بمناسبة عيد الفطر", "2016-03-01")[0][1] == "2016-07-06"
    assert values("بمناسبة عيد الأضحى", "2018-12-30")[0][1] == "2018-08-21"


def test_hijri_arithmetic_fallback_is_close_to_umm_al_qura() -> None:
    for y, m, d in [(1438, 9, 1), (1440, 1, 1), (1400, 12, 10), (1445, 6, 15)]:
        uq = hijri.to_gregorian(y, m, d)
        tab = hijri.tabular_to_gregorian(y, m, d)
        assert uq is not None and abs((uq - tab).days) <= 2
    assert hijri.tabular_from_gregorian(hijri.tabular_to_gregorian(1438, 9, 15)) == (1438, 9, 15)
    assert hijri.to_gregorian(1438, 13, 1) is None


def test_without_publication_date() -> None:
    assert values("في 14 أيلول 2017 وأمس والخميس", None) == [
        ("14 أيلول 2017", "2017-09-14"),
        ("أمس", "PAST_REF"),
        ("الخميس", "XXXX-WXX-4"),
    ]


def test_no_false_alarms_in_plain_text() -> None:
    text = (
        "أكد الأمين العام للجامعة العربية أن المجلس مارس ضغوطا كبيرة، وأن الأب زار ابنه، "
        "وأن 2000 شخص شاركوا في المسيرة التي نظمها تيار المستقبل."
    )
    assert [t for t in tag(text, PUB) if t.type in ("DATE", "TIME")] == []


def test_stage_is_registered_after_text_and_fills_times() -> None:
    names = stage_names()
    assert "times" in names and names.index("times") > names.index("text")
    for before in ("entities", "actors"):
        if before in names:
            assert names.index(before) < names.index("times")
    stage = build_stage("times")
    assert stage.name == "times" and stage.writes == ("times",)
    doc = stage(Doc(Article(text="وقال أمس إن", published=PUB)))
    assert [t.to_dict() for t in doc.times] == [
        {"id": "t1", "start": 5, "end": 8, "text": "أمس", "type": "DATE", "value": "2017-09-24"}
    ]


def _copy_data(tmp_path: Path) -> Path:
    root = tmp_path / "time"
    shutil.copytree(data_dir(), root)
    return root


def test_bad_list_line_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    with (root / "lists" / "weekday.tsv").open("a", encoding="utf-8") as fh:
        fh.write("الجمعة بلا قيمة\n")
    with pytest.raises(DataError, match=r"weekday\.tsv:\d+"):
        Lexicon(root)


def test_bad_pattern_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    with (root / "patterns" / "year.txt").open("a", encoding="utf-8") as fh:
        fh.write("{no_such_list} (\n")
    with pytest.raises(DataError, match=r"year\.txt:\d+"):
        TimeTagger(Lexicon(root))


def test_pattern_header_must_match_file_name(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    (root / "patterns" / "renamed.txt").write_text(
        (root / "patterns" / "year.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(DataError, match="renamed.txt"):
        Lexicon(root)


def test_anchor_parsing_accepts_timestamps() -> None:
    assert values("أمس", "2017-09-25T10:00:00Z")[0][1] == "2017-09-24"
    assert values("أمس", "not a date")[0][1] == "PAST_REF"
    assert dt.date.fromisoformat(PUB).isoweekday() == 1


_PIECES = [
    "أمس",
    "الخميس",
    "14",
    "١٥",
    "أيلول",
    "/",
    "مايو",
    "رمضان",
    "1438",
    "هـ",
    "ال8",
    "وال12",
    "من",
    "الشهر",
    "الجاري",
    "ما بين",
    "عام",
    "2017",
    "ـ",
    "\u064e",
    "\u0651",
    " ",
    "  ",
    "\n",
    "،",
    "(",
    ")",
    "الماضي",
    "المقبل",
    "قبل",
    "ثلاثة",
    "أيام",
    "كل",
    "يوم",
    "صباح",
    "اليوم",
    "\u200f",
    "ﻻ",
    "x",
    ".",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([PUB, None]))
def test_spans_are_exact_and_disjoint_on_any_text(pieces: list[str], published: str | None) -> None:
    text = "".join(pieces)
    times = tag(text, published)
    end = -1
    for i, t in enumerate(times, 1):
        assert t.id == f"t{i}"
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= end
        end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
