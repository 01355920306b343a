import pytest
from hypothesis import given
from hypothesis import strategies as st

from rawi.text.normalize import normalize, normalize_aligned, strip_diacritics

CASES = [
    ("أإآٱا", "ااااا"),
    ("مُحَمَّدٌ", "محمد"),
    ("قـــال", "قال"),
    ("مستشفى", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("مسؤول", "مسوول"),
    ("٢٠١٧ ۱۴", "2017 14"),
    ("«داعش»", '"داعش"'),
    ("“هنا” ‘هناك’ „ثم", "\"هنا\" 'هناك' \"ثم"),
    ("كلمة\u200fأخرى\u200b", "كلمهاخري"),
    ("\ufefb", "لا"),  # presentation form of lam-alef
    ("ﻣﺮﺣﺒﺎ", "مرحبا"),
    ("،؛؟", ",;?"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_cases(raw, expected):
    assert normalize(raw) == expected


def test_strip_diacritics_keeps_letters():
    assert strip_diacritics("أَعْلَنَتْ") == "أعلنت"


@given(st.text())
def test_aligned_equals_plain(text):
    norm, index = normalize_aligned(text)
    assert norm == normalize(text)
    assert len(index) == len(norm)
    assert index == sorted(index)
    assert all(0 <= i < len(text) for i in index)


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
