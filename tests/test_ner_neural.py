"""The numpy neural tagger: padding, batching and decoding, on small random weights."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rawi.ner.dictionary import DictionaryMatcher, stem_key
from rawi.ner.features import _PROCLITICS
from rawi.ner.neural import DICT_POS, DICT_TYPES, MAX_CHARS, TAGS, NeuralTagger, dict_marks

NAMES = {stem_key(["الأمم", "المتحدة"]): ("ORG",), stem_key(["دمشق"]): ("LOC",)}


def _weights(tmp_path, hidden=6, seed=0):
    rng = np.random.default_rng(seed)
    pre_words = ["قال", "الرئيس", "دمشق", "في"]
    train_words = ["قال", "الرئيس"]
    chars = sorted(set("".join(pre_words)))
    dims = {"pre": 5, "word": 4, "filters": 3, "char": 2}
    nin = (dims["pre"] + dims["word"] + dims["filters"] + 8 + 16 + 24 + 8 + 8 + 8 + 4
           + len(DICT_POS) * len(DICT_TYPES))
    r = lambda *shape: rng.normal(size=shape).astype(np.float32)  # noqa: E731
    w = {
        "pre_words": np.array(pre_words), "train_words": np.array(train_words),
        "chars": np.array(chars), "prefixes": np.array(list(_PROCLITICS)),
        "pre_emb": r(len(pre_words) + 1, dims["pre"]).astype(np.float16),
        "word_emb": r(len(train_words) + 1, dims["word"]),
        "char_emb": r(len(chars) + 2, dims["char"]),
        "char_conv_w": r(dims["filters"], dims["char"], 3), "char_conv_b": r(dims["filters"]),
        "c64_emb": r(65, 8), "c256_emb": r(257, 16), "c1024_emb": r(1025, 24),
        "gaz_emb": r(5, 8), "trig_emb": r(5, 8), "pref_emb": r(len(_PROCLITICS) + 1, 8),
        "shape_emb": r(9, 4),
        "out_w": r(len(TAGS), 2 * hidden), "out_b": r(len(TAGS)),
        "crf_trans": r(len(TAGS), len(TAGS)), "crf_start": r(len(TAGS)),
        "crf_end": r(len(TAGS)),
    }
    for d in ("f", "b"):
        w["lstm_wih_" + d] = r(4 * hidden, nin)
        w["lstm_whh_" + d] = r(4 * hidden, hidden)
        w["lstm_b_" + d] = r(4 * hidden)
    path = tmp_path / "neural.npz"
    np.savez(path, **w)
    return NeuralTagger(path, {}, {}, {"رئيس": "PERS"}, DictionaryMatcher(NAMES))


SENTS = [
    ["قال", "الرئيس", "في", "دمشق", "إن", "الأمم", "المتحدة", "ترحب", "."],
    ["دمشق"],
    [],
    ["وقال", "مسؤول", "في", "الأمم", "المتحدة", "لوكالة", "رويترز", "إن", "الوضع", "في",
     "ريف", "دمشق", "صعب", "جدا", "،", "وأضاف", "أن", "المساعدات", "لم", "تصل", "بعد", "."],
    ["Reuters", "2024", "؟"],
]


def test_tags_are_valid_and_one_per_token(tmp_path):
    tagger = _weights(tmp_path)
    out = tagger.tag_sentences(SENTS)
    assert [len(t) for t in out] == [len(s) for s in SENTS]
    assert all(t in TAGS for sent in out for t in sent)


def test_a_sentence_tags_the_same_alone_or_in_a_batch(tmp_path):
    """Padding and the reversed backward pass must not leak between sentences."""
    tagger = _weights(tmp_path)
    batch = tagger.scores(SENTS)
    for sent, em in zip(SENTS, batch, strict=True):
        if sent:
            np.testing.assert_allclose(tagger.scores([sent])[0], em, rtol=1e-4, atol=1e-5)
    fresh = _weights(tmp_path)  # cold caches give the same numbers
    np.testing.assert_allclose(fresh.scores([SENTS[3]])[0], batch[3], rtol=1e-4, atol=1e-5)


def test_viterbi_finds_the_best_path(tmp_path):
    tagger = _weights(tmp_path)
    rng = np.random.default_rng(1)
    trans, start, end = (tagger.w[k] for k in ("crf_trans", "crf_start", "crf_end"))
    ems = [rng.normal(size=(n, len(TAGS))).astype(np.float32) for n in (1, 2, 3)]
    for em, got in zip(ems, tagger.viterbi(ems), strict=True):
        def total(path, em=em):
            s = start[path[0]] + end[path[-1]] + sum(em[t, k] for t, k in enumerate(path))
            return s + sum(trans[a, b] for a, b in itertools.pairwise(path))
        best = max(itertools.product(range(len(TAGS)), repeat=len(em)), key=total)
        assert got == [TAGS[k] for k in best]


def test_dictionary_marks_match_the_crf_features():
    matcher = DictionaryMatcher(NAMES)
    stems = list(stem_key(SENTS[0]))
    marks = dict_marks(matcher, stems)
    for i, feats in enumerate(matcher.features(stems)):
        want = {DICT_POS.index(f.split("=")[0]) * len(DICT_TYPES) + DICT_TYPES.index(f[3:])
                for f in feats}
        assert set(np.flatnonzero(marks[i])) == want
    assert marks.sum() == 3  # الأمم المتحدة (begin, end) and دمشق (single)


def test_long_words_are_cut_and_unknown_characters_mapped(tmp_path):
    tagger = _weights(tmp_path)
    ids = tagger.vocab.char_ids(["قال", "x" * (MAX_CHARS + 5), "😀"])
    assert ids.shape == (3, MAX_CHARS)
    assert (ids[0, :3] >= 2).all() and (ids[0, 3:] == 0).all()
    assert (ids[1] == 1).all() and ids[2, 0] == 1


@pytest.mark.parametrize("tokens", [["."], ["في"] * 40])
def test_odd_sentences(tmp_path, tokens):
    assert len(_weights(tmp_path).tag_sentences([tokens])[0]) == len(tokens)


def test_packaged_tagger_names_a_file_that_exists():
    import json

    from rawi.ner.resources import MODEL_DIR
    from rawi.ner.tagger import NerTagger

    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    kind = meta.get("tagger", "crf")
    assert (MODEL_DIR / ("neural.npz" if kind == "neural" else "ner.crfsuite")).exists()
    tagger = NerTagger()
    assert (tagger._neural is not None) == (kind == "neural")
    tags = tagger.tag(["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس"])
    assert len(tags) == 7 and "B-LOC" in tags


def test_the_environment_picks_the_packaged_tagger(monkeypatch):
    from rawi.ner.tagger import ENV, NerTagger

    monkeypatch.setenv(ENV, "neural")
    assert NerTagger()._neural is not None
    monkeypatch.setenv(ENV, "crf")
    assert NerTagger()._neural is None
