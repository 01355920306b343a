from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.text.sentences import split_sentences
from rawi.text.tokenize import tokenize


def _check_spans(text):
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.start <= t.stem_start <= t.stem_end <= t.end
        assert t.text.strip() == t.text and t.text
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]


arabic = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
mixed = st.one_of(
    arabic,
    st.characters(),
    st.sampled_from(list(" \n\r\t.,!?؟«»“”\"'…\u200f\u200e\u202b\u2029\u0651\u064b😀") + ["\r\n"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(mixed, max_size=80).map("".join))
def test_spans_hold_for_any_unicode(text):
    _check_spans(text)


PIECES = ["وأعلنت", "iPhone", "2017", "ال8", "،", "«", "»", "😀",
          "\u0301", "e\u0301", "\r\n", " ", "؟", "ﻻ", "وال12"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_spans_hold_for_news_like_mixtures(parts):
    _check_spans("".join(parts))


def test_token_kinds_and_glued_digits():
    text = "ما بين ال8 وال12 من الشهر، عبر https://example.org/a وiPhone ٢٠١٧ و3.5%..."
    toks = tokenize(text)
    by_text = {t.text: t for t in toks}
    assert by_text["ال8"].kind == "number" and by_text["ال8"].stem == "8"
    assert by_text["ال8"].prefix == "ال"
    assert by_text["وال12"].prefix == "و+ال" and text[by_text["وال12"].stem_start:].startswith("12")
    assert by_text["https://example.org/a"].kind == "url"
    assert by_text["iPhone"].kind == "latin"
    assert by_text["٢٠١٧"].norm == "2017"
    assert by_text["،"].kind == "punct"
    assert by_text["..."].kind == "punct"


def test_stem_span_drops_clitics_in_text():
    text = "قصفت الطائرات مواقع بريف دير الزور ولنهر الفرات"
    toks = tokenize(text)
    rif = next(t for t in toks if t.text == "بريف")
    assert text[rif.stem_start : rif.stem_end] == "ريف"
    nahr = next(t for t in toks if t.text == "ولنهر")
    assert nahr.prefix == "و+ل" and nahr.stem == "نهر"


def test_hashtag_holds_entity():
    toks = tokenize("#ميليشيا_الحوثي")
    assert [t.text for t in toks] == ["#", "ميليشيا", "_", "الحوثي"]
    assert toks[-1].stem == "حوثي"
