"""Dictionary and trigger-word features of the NER tagger (rawi.ner.dictionary)."""

from rawi.ner.dictionary import (
    DictionaryMatcher,
    complete_spans,
    load_triggers,
    stem_key,
)
from rawi.ner.features import FeatureExtractor

NAMES = {
    stem_key(["دير", "الزور"]): ("LOC",),
    stem_key(["الولايات", "المتحدة"]): ("LOC",),
    stem_key(["مجلس", "الأمن", "الدولي"]): ("ORG",),
    stem_key(["حلب"]): ("LOC", "LOCm"),
}


def test_stem_key_drops_clitics_like_the_tagger():
    assert stem_key(["والولايات", "المتحدة"]) == stem_key(["الولايات", "المتحدة"])


def test_longest_match_and_bies_features():
    m = DictionaryMatcher(NAMES)
    words = ["وقال", "مندوب", "الولايات", "المتحدة", "في", "مجلس", "الأمن", "الدولي", "إن", "حلب"]
    feats = m.features(stem_key(words))
    assert feats[2] == ["dB=LOC"] and feats[3] == ["dE=LOC"]
    assert feats[5] == ["dB=ORG"] and feats[6] == ["dI=ORG"] and feats[7] == ["dE=ORG"]
    assert feats[9] == ["dS=LOC", "dS=LOCm"]
    assert feats[0] == feats[1] == feats[4] == feats[8] == []


def test_complete_spans_grows_a_name_cut_inside_a_dictionary_name():
    m = DictionaryMatcher(NAMES)
    words = ["قصفت", "الطائرات", "بريف", "دير", "الزور", "الشرقي"]
    tags = ["O", "O", "B-LOC", "I-LOC", "O", "O"]
    assert complete_spans(m, stem_key(words), tags) == ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O"]
    # a name of another type, or no overlap, is left alone
    assert complete_spans(m, stem_key(words), ["O", "O", "B-ORG", "I-ORG", "O", "O"]) == [
        "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert complete_spans(m, stem_key(words), ["B-LOC", "O", "O", "O", "O", "O"]) == [
        "B-LOC", "O", "O", "O", "O", "O"]


def test_complete_spans_grows_to_the_left_over_untagged_words_only():
    m = DictionaryMatcher(NAMES)
    words = ["وصل", "إلى", "دير", "الزور"]
    assert complete_spans(m, stem_key(words), ["O", "O", "O", "B-LOC"]) == [
        "O", "O", "B-LOC", "I-LOC"]


def test_packaged_triggers_load_and_reach_the_features(capsys):
    triggers = load_triggers()
    assert len(triggers) > 100
    assert capsys.readouterr().err == ""  # every line is well formed
    fx = FeatureExtractor(dictionary=NAMES, triggers=triggers)
    feats = fx(["وقال", "الرئيس", "الفرنسي", "إن", "شركة", "أرامكو"])
    assert "tr=PERS" in feats[1] and "-1tr=PERS" in feats[2] and "-2tr=PERS" in feats[3]
    assert "-1tr=ORG" in feats[5]


def test_bad_trigger_line_is_reported_and_skipped(capsys):
    triggers = load_triggers("الرئيس\tPERS\nمدينة\tCITY\nشركة\n")
    assert list(triggers.values()) == ["PERS"]
    err = capsys.readouterr().err
    assert "line 2" in err and "line 3" in err


def test_stage_keeps_a_two_word_place_whole():
    from rawi import Article
    from rawi.pipeline import Pipeline

    doc = Pipeline(stages=["text", "entities"])(Article("قصفت الطائرات قرى بريف دير الزور"))
    locs = [e.text for e in doc.entities if e.type == "LOC"]
    assert any("دير الزور" in t for t in locs), locs


def test_complete_spans_joins_two_names_that_make_one_dictionary_name():
    m = DictionaryMatcher(NAMES)
    words = ["بريف", "دير", "الزور"]
    assert complete_spans(m, stem_key(words), ["B-LOC", "B-LOC", "B-LOC"]) == [
        "B-LOC", "B-LOC", "I-LOC"]
    assert complete_spans(m, stem_key(words), ["B-LOC", "B-LOC", "B-PERS"]) == [
        "B-LOC", "B-LOC", "B-PERS"]
