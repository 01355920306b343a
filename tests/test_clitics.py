"""Hand-written clitic cases: what must be split, and what must not."""

import pytest

from rawi.text.clitics import analyse

# surface, expected prefix, expected stem (normalised), expected suffix
SPLIT = [
    ("وأعلنت", "و", "اعلنت", ""),
    ("للمملكة", "ل+ال", "مملكه", ""),
    ("وللمملكة", "و+ل+ال", "مملكه", ""),
    ("لنهر", "ل", "نهر", ""),
    ("والفرات", "و+ال", "فرات", ""),
    ("الفرات", "ال", "فرات", ""),
    ("بريف", "ب", "ريف", ""),
    ("والعراق", "و+ال", "عراق", ""),
    ("بالقوات", "ب+ال", "قوات", ""),
    ("وبحسب", "و+ب", "حسب", ""),
    ("فالحكومة", "ف+ال", "حكومه", ""),
    ("كالعادة", "ك+ال", "عاده", ""),
    ("سيكون", "س", "يكون", ""),
    ("وقال", "و", "قال", ""),
    ("لتنظيم", "ل", "تنظيم", ""),
    ("ودمشق", "و", "دمشق", ""),
    ("وزارته", "", "وزاره", "ه"),
    ("سفيرها", "", "سفير", "ها"),
    ("عليهم", "", "علي", "هم"),
    ("وأضافت", "و", "اضافت", ""),
    ("فهو", "ف", "هو", ""),
    ("بما", "ب", "ما", ""),
    ("ستكون", "س", "تكون", ""),
]

# words whose first or last letters look like clitics but belong to the word
NO_SPLIT = [
    "وزير", "وزارة", "بيان", "كان", "كانت", "كتاب", "لبنان", "ليبيا", "فلسطين", "فرنسا",
    "واشنطن", "وفد", "وقت", "فريق", "فترة", "بعد", "بلد", "سيارة", "سياسة", "سوريا",
    "الذي", "التي", "الله", "فقط", "ولد", "بغداد", "بنغازي", "تونس", "فيسبوك", "لكن",
    "ألمانيا", "وحدة", "فيصل", "وطن", "كلمة", "لجنة", "باب", "بحر", "فكرة", "سيد", "واحد",
    "سامي", "بكين", "سنوي",
]


@pytest.mark.parametrize(("surface", "prefix", "stem", "suffix"), SPLIT)
def test_clitic_split(surface, prefix, stem, suffix):
    a = analyse(surface)
    assert (a.prefix, a.stem, a.suffix) == (prefix, stem, suffix)


@pytest.mark.parametrize("surface", NO_SPLIT)
def test_word_kept_whole(surface):
    a = analyse(surface)
    assert a.prefix == "" and a.suffix == "", (a.prefix, a.stem, a.suffix)


def test_same_word_same_stem_with_or_without_clitics():
    assert analyse("لنهر").stem == analyse("نهر").stem
    assert analyse("والفرات").stem == analyse("الفرات").stem == analyse("للفرات").stem


def test_stem_offsets_point_into_surface():
    for surface, *_ in SPLIT:
        a = analyse(surface)
        piece = surface[a.stem_start : a.stem_end]
        assert piece and piece in surface


def test_diacritics_and_tatweel_do_not_change_the_analysis():
    plain = analyse("وأعلنت")
    marked = analyse("وَأَعْلَنَـتْ")
    assert (marked.prefix, marked.stem) == (plain.prefix, plain.stem)
    assert "وَأَعْلَنَـتْ"[marked.stem_start : marked.stem_end].startswith("أَ")


def test_base_drops_one_inflection():
    assert analyse("وأعلنت").base == "اعلن"
    assert analyse("قالت").base == "قال"
    assert analyse("الفرات").base == "فرات"  # no over-cut to فر / فرا
    assert analyse("الأمريكية").base == "امريكي"


def test_words_that_only_look_like_a_preposition_and_a_word_stay_whole():
    from rawi.text.clitics import analyse

    assert analyse("بطولة").prefix == "" and analyse("وبطولة").stem == "بطوله"
    assert analyse("لدينا").prefix == ""
