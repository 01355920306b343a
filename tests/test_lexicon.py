"""The frequency lexicon: built from news, loaded as the tokenizer's notion of a word."""

import gzip
import json

from rawi.text.lexicon import frequencies, no_split, particles


def test_count_words_normalises_and_counts(tmp_path, load_script):
    corpus = tmp_path / "mini.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as h:
        for text in ["قالَ الوزيرُ إنّ الأمرَ انتهى", "قال الوزير: انتهى الأمر."]:
            h.write(json.dumps({"title": "", "text": text}, ensure_ascii=False) + "\n")
    counts, articles = load_script("build_lexicon").count_words([corpus])
    assert articles == 2
    assert counts["قال"] == 2 and counts["الوزير"] == 2 and counts["انتهي"] == 2
    assert counts["الامر"] == 2


def test_shipped_lexicon_loads():
    freq = frequencies()
    assert len(freq) > 50_000
    assert freq["قال"] > freq["الفرات"] > 0
    assert all(w == w.strip() and w for w in list(freq)[:1000])


def test_exception_lists_are_normalised():
    assert "كان" in no_split() and "الذي" in no_split()
    assert "ان" in particles()  # أن, normalised
