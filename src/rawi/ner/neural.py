"""A small neural NER tagger, run in pure numpy (trained by ``rawi.ner.neural_train``).

Why: a linear CRF sees a fixed window of hand-made features; a bidirectional
LSTM reads the whole sentence, and dense news word vectors let it generalise to
names ANERcorp never shows. Training needs PyTorch (the ``[train]`` extra); the
package only ships the weights (``neural.npz``) and this numpy forward pass, so
the runtime dependencies stay numpy + python-crfsuite.

Per token the network reads: the frozen SVD news vector of the word (or of its
clitic-free stem), a trained embedding of frequent training words, a character
CNN over the normalised word, the word's news clusters, self-trained name-list
type, trigger type, proclitic chain and shape (all looked up once per distinct
word and cached as one input projection), plus the actor/place dictionary marks
of ``rawi.ner.dictionary`` (which depend on the neighbours). A BiLSTM and a
linear-chain CRF output layer (Viterbi) give IOB2 tags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from rawi.ner.features import shape, split_clitics
from rawi.text.normalize import normalize

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
DICT_TYPES = ("PERS", "ORG", "LOC", "LOCm")
DICT_POS = ("dB", "dI", "dE", "dS")
NAME_TYPES = ("PERS", "ORG", "LOC", "MISC")
SHAPES = ("A", "L", "D", "P", "AL", "AD", "LD", "ALD")
MAX_CHARS = 16


class Vocab:
    """Word-level ids, the same at training (torch) and tagging (numpy) time."""

    def __init__(self, pre_words: Sequence[str], train_words: Sequence[str], chars: Sequence[str],
                 prefixes: Sequence[str], clusters: Mapping[str, Sequence[str]],
                 gazetteer: Mapping[str, str], triggers: Mapping[str, str]) -> None:
        self.pre = {w: i + 1 for i, w in enumerate(pre_words)}  # 0 = unknown
        self.train = {w: i + 1 for i, w in enumerate(train_words)}
        self.char_list = list(chars)
        # code point -> char id (0 = pad, 1 = unknown), for one vectorised lookup per batch
        self.char_table = np.ones(0x10000, dtype=np.int64)
        self.char_table[0] = 0
        for i, c in enumerate(chars):
            if ord(c) < 0x10000:
                self.char_table[ord(c)] = i + 2
        self.prefixes = {p: i + 1 for i, p in enumerate(prefixes)}
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.triggers = triggers
        self.word = lru_cache(maxsize=200_000)(self._word)

    def char_ids(self, norms: Sequence[str]) -> np.ndarray:
        """``(n, MAX_CHARS)`` character ids of normalised words, 0-padded."""
        text = "".join(w[:MAX_CHARS].ljust(MAX_CHARS, "\0") for w in norms)
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).reshape(-1, MAX_CHARS)
        return self.char_table[np.minimum(cps, 0xFFFF)].reshape(len(norms), MAX_CHARS)

    def _word(self, word: str) -> tuple:
        """``(pre, train, norm, c64, c256, c1024, gaz, trig, prefix, shape, stem)`` ids."""
        norm = normalize(word) or word
        pre, stem = split_clitics(norm)
        pid = self.pre.get(norm) or self.pre.get(stem, 0)
        tid = self.train.get(norm, 0)
        cl = self.clusters.get(norm) or self.clusters.get(stem)
        cids = tuple(int(c) + 1 for c in cl) if cl else (0, 0, 0)
        gaz = self.gazetteer.get(stem) or self.gazetteer.get(norm)
        gid = NAME_TYPES.index(gaz.split(",")[0]) + 1 if gaz else 0
        trig = self.triggers.get(stem)
        trid = NAME_TYPES.index(trig) + 1 if trig else 0
        shp = shape(word)
        sid = SHAPES.index(shp) + 1 if shp in SHAPES else 0
        return (pid, tid, norm, *cids, gid, trid, self.prefixes.get(pre, 0), sid, stem)


_TYPE_COL = {t: j for j, t in enumerate(DICT_TYPES)}


def dict_marks(matcher, stems: Sequence[str]) -> np.ndarray:
    """``(n, 16)`` 0/1: position (B/I/E/S) x type of actor/place dictionary matches,
    as the CRF's ``dB=``/``dI=``/``dE=``/``dS=`` features."""
    out = np.zeros((len(stems), len(DICT_POS) * len(DICT_TYPES)), dtype=np.float32)
    if matcher is None:
        return out
    nt = len(DICT_TYPES)
    for a, b, types in matcher.spans(stems):
        for t in types:
            j = _TYPE_COL.get(t)
            if j is None:
                continue
            if b - a == 1:
                out[a, 3 * nt + j] = 1.0
                continue
            out[a, j] = 1.0
            out[a + 1:b - 1, nt + j] = 1.0
            out[b - 1, 2 * nt + j] = 1.0
    return out


def _openblas():
    """numpy's bundled OpenBLAS as ``(get_threads, set_threads)``, or None."""
    import ctypes
    import glob
    import os

    libs = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(libs, "*openblas*.so*")):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", "64_"), ("openblas", "")):
            get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                return get, put
    return None


_BLAS = _openblas()


@contextmanager
def one_blas_thread():
    """Run numpy's matrix products on one thread, then restore the setting.

    Why: the network's products are small (a batch times 128 x 512 per LSTM
    step); several BLAS threads on a shared machine wait on each other and
    made tagging 20x slower when measured. rawi tags on one core.
    """
    if _BLAS is None:
        yield
        return
    get, put = _BLAS
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)


#: padded tokens per batch: long sentences go in small batches, short ones in large
BATCH_TOKENS = 4096


def _by_size(order: list[int], lens: list[int], budget: int):
    """Split ``order`` (by ascending length) into batches of at most ``budget`` padded tokens."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * lens[i] > budget:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger:
    """The numpy forward pass over weights exported by ``rawi.ner.neural_train``."""

    def __init__(self, path: Path, clusters, gazetteer, triggers, matcher) -> None:
        with np.load(path, allow_pickle=False) as z:
            w = {k: z[k] for k in z.files}
        words = lambda key: [str(x) for x in w.pop(key)]  # noqa: E731
        self.vocab = Vocab(words("pre_words"), words("train_words"), words("chars"),
                           words("prefixes"), clusters, gazetteer, triggers)
        self.matcher = matcher
        self.w = {k: v.astype(np.float32) for k, v in w.items()}
        self.hidden = self.w["lstm_whh_f"].shape[1]
        nm = len(DICT_POS) * len(DICT_TYPES)
        wf, wb = self.w["lstm_wih_f"], self.w["lstm_wih_b"]  # (4H, word dims + marks)
        self._wx = np.ascontiguousarray(np.concatenate([wf[:, :-nm], wb[:, :-nm]]).T)
        self._wm = np.ascontiguousarray(np.concatenate([wf[:, -nm:], wb[:, -nm:]]).T)
        self._b = np.concatenate([self.w["lstm_b_f"], self.w["lstm_b_b"]])
        self._row: dict[str, int] = {}  # word -> row of the cached input gates
        self._stems: list[str] = []
        self._gates = np.zeros((0, 8 * self.hidden), np.float32)

    def _project(self, words: Sequence[str]) -> None:
        """Cache each new word's share of both LSTMs' input gates, all words in one pass."""
        w = self.w
        rows = [self.vocab.word(t) for t in words]
        n = len(rows)
        ids = np.array([[r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9]] for r in rows])
        chars = self.vocab.char_ids([r[2] for r in rows])
        nchar = np.maximum((chars > 0).sum(axis=1), 3)
        cw = w["char_conv_w"]  # (filters, char_dim, width), as torch's Conv1d
        width = cw.shape[2]
        ch = w["char_emb"][chars]  # (n, L, C)
        flat = cw.reshape(cw.shape[0], -1).T  # (C * width, F)
        charv = np.zeros((n, cw.shape[0]), np.float32)  # ReLU outputs are >= 0
        for k in range(MAX_CHARS - width + 1):
            conv = ch[:, k:k + width].transpose(0, 2, 1).reshape(n, -1) @ flat
            conv = np.maximum(conv + w["char_conv_b"], 0)
            conv[k > nchar - width] = 0  # windows past the word's end
            np.maximum(charv, conv, out=charv)
        x = np.concatenate([
            w["pre_emb"][ids[:, 0]], w["word_emb"][ids[:, 1]], charv, w["c64_emb"][ids[:, 2]],
            w["c256_emb"][ids[:, 3]], w["c1024_emb"][ids[:, 4]], w["gaz_emb"][ids[:, 5]],
            w["trig_emb"][ids[:, 6]], w["pref_emb"][ids[:, 7]], w["shape_emb"][ids[:, 8]],
        ], axis=1)
        gates = x @ self._wx + self._b
        start = len(self._stems)
        need = start + len(gates)
        if need > len(self._gates):  # grow by doubling: a copy per new word would be O(n^2)
            grown = np.zeros((max(need, 2 * len(self._gates), 1024), gates.shape[1]),
                             np.float32)
            grown[:start] = self._gates[:start]
            self._gates = grown
        self._gates[start:need] = gates
        for k, (word, r) in enumerate(zip(words, rows, strict=True)):
            self._row[word] = start + k
            self._stems.append(r[10])

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, ``(n, tags)`` emission scores."""
        out = [np.zeros((0, len(TAGS)), np.float32) for _ in sentences]
        with one_blas_thread():
            for idx, ems in self._batches(sentences):
                for i, em in zip(idx, ems, strict=True):
                    out[i] = em
        return out

    def _batches(self, sentences: Sequence[Sequence[str]]):
        """``(sentence indices, emission scores per sentence)`` by batches of similar length.

        Everything but the LSTM recurrence is done for all tokens of a batch at
        once: gather the cached input gates, add the dictionary marks, scatter
        into padded (forward) and per-sentence reversed (backward) arrays.
        """
        h = self.hidden
        if len(self._row) > 200_000:
            self._row, self._stems = {}, []
        row = self._row
        new = list({t: None for s in sentences for t in s if t not in row})
        if new:
            self._project(new)
        stems = self._stems
        order = sorted((i for i in range(len(sentences)) if sentences[i]),
                       key=lambda i: len(sentences[i]))
        out_f = np.ascontiguousarray(self.w["out_w"][:, :h].T)
        out_b = np.ascontiguousarray(self.w["out_w"][:, h:].T)
        for idx in _by_size(order, [len(s) for s in sentences], BATCH_TOKENS):
            lens = np.array([len(sentences[i]) for i in idx])
            bsz, big, n = len(idx), int(lens.max()), int(lens.sum())
            toks = np.array([row[t] for i in idx for t in sentences[i]])
            g = self._gates[toks]
            starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
            if self.matcher is not None:
                marks = np.concatenate([dict_marks(self.matcher, [stems[k] for k in
                                                                  toks[a:a + m]])
                                        for a, m in zip(starts, lens, strict=True)])
                hit = marks.any(axis=1)
                if hit.any():
                    g[hit] += marks[hit] @ self._wm
            r_of = np.repeat(np.arange(bsz), lens)
            t_of = np.arange(n) - np.repeat(starts, lens)
            t_rev = lens[r_of] - 1 - t_of  # the backward LSTM reads each sentence reversed
            gf = np.zeros((bsz, big, 4 * h), np.float32)
            gb = np.zeros((bsz, big, 4 * h), np.float32)
            gf[r_of, t_of] = g[:, :4 * h]
            gb[r_of, t_rev] = g[:, 4 * h:]
            fwd = self._lstm(gf, self.w["lstm_whh_f"])
            bwd = self._lstm(gb, self.w["lstm_whh_b"])
            em = fwd[r_of, t_of] @ out_f + bwd[r_of, t_rev] @ out_b + self.w["out_b"]
            yield idx, np.split(em, np.cumsum(lens)[:-1])

    @staticmethod
    def _lstm(gates_x: np.ndarray, whh: np.ndarray) -> np.ndarray:
        """Unroll one LSTM (torch gate order i, f, g, o) over precomputed input gates."""
        bsz, steps, _ = gates_x.shape
        hid = whh.shape[1]
        h = np.zeros((bsz, hid), np.float32)
        c = np.zeros((bsz, hid), np.float32)
        out = np.empty((bsz, steps, hid), np.float32)
        whh_t = np.ascontiguousarray(whh.T)
        for t in range(steps):
            g = gates_x[:, t] + h @ whh_t
            i = _sigmoid(g[:, :hid])
            f = _sigmoid(g[:, hid:2 * hid])
            u = np.tanh(g[:, 2 * hid:3 * hid])
            o = _sigmoid(g[:, 3 * hid:])
            c = f * c + i * u
            h = o * np.tanh(c)
            out[:, t] = h
        return out

    def viterbi(self, ems: Sequence[np.ndarray]) -> list[list[str]]:
        """Best tag path of each sentence under the learned transitions, all in one pass."""
        trans, start, end = self.w["crf_trans"], self.w["crf_start"], self.w["crf_end"]
        lens = np.array([len(e) for e in ems])
        bsz, big, k = len(ems), int(lens.max(initial=0)), len(TAGS)
        if big == 0:
            return [[] for _ in ems]
        em = np.zeros((bsz, big, k), np.float32)
        for r, e in enumerate(ems):
            em[r, :len(e)] = e
        score = start + em[:, 0]
        back = np.empty((bsz, big, k), np.int64)
        back[:, 0] = np.arange(k)
        for t in range(1, big):
            cand = score[:, :, None] + trans  # (b, from, to)
            bp = cand.argmax(axis=1)
            new = np.take_along_axis(cand, bp[:, None, :], axis=1)[:, 0] + em[:, t]
            live = (t < lens)[:, None]
            score = np.where(live, new, score)
            back[:, t] = np.where(live, bp, np.arange(k))  # past the end: stay
        cur = (score + end).argmax(axis=1)
        path = np.empty((bsz, big), np.int64)
        rows = np.arange(bsz)
        for t in range(big - 1, -1, -1):
            path[:, t] = cur
            cur = back[rows, t, cur]
        return [[TAGS[j] for j in path[r, :lens[r]]] for r in range(bsz)]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        with one_blas_thread():
            for idx, ems in self._batches(sentences):
                for i, tags in zip(idx, self.viterbi(ems), strict=True):
                    out[i] = tags
        return out
