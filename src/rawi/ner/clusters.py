"""Word clusters from unlabelled news: ``python -m rawi.ner.clusters`` (part of ``make train-ner``).

Why: ANERcorp has 125k tokens, so most names in real news were never seen in
training. Words that occur in the same contexts (names after «الرئيس», towns
after «مدينة») fall into the same cluster, and the tagger learns the cluster.

How (cheap stand-in for Brown clusters, minutes on one core): count the
neighbours (clitic-stripped, normalised) of the most frequent words at offsets
-2..+2 in the news corpus, weight by positive PMI, reduce with truncated SVD
and run k-means at three granularities. Fixed seed. Writes ``clusters.tsv``:
``word<TAB>k64<TAB>k256<TAB>k1024``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rawi.ner.features import split_clitics
from rawi.ner.resources import MODEL_DIR
from rawi.text.normalize import normalize

DEFAULT_NEWS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "news"
#: SVD vectors, a training input only (the package ships their binarised codes)
VECTORS = Path(__file__).resolve().parents[3] / "build" / "ner" / "vectors.npz"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def iter_texts(folder: Path, limit: int | None = None):
    n = 0
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield (rec.get("title") or "") + "\n" + (rec.get("text") or "")
                n += 1
                if limit and n >= limit:
                    return


def build(news: Path, out: Path, vocab: int, contexts: int, dims: int, seed: int,
          limit: int | None, vectors_out: Path | None = None) -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    t0 = time.perf_counter()
    sents: list[list[str]] = []
    counts: Counter[str] = Counter()
    for text in iter_texts(news, limit):
        for para in text.split("\n"):
            toks = _TOKEN.findall(normalize(para))
            if toks:
                sents.append(toks)
                counts.update(toks)
    print(f"read {len(sents)} paragraphs, {sum(counts.values())} tokens "
          f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    words = [w for w, _ in counts.most_common(vocab)]
    wid = {w: i for i, w in enumerate(words)}
    stem_counts: Counter[str] = Counter()
    stem_of = {}
    for w, c in counts.items():
        s = split_clitics(w)[1]
        stem_of[w] = s
        stem_counts[s] += c
    ctx_words = [s for s, _ in stem_counts.most_common(contexts)]
    cid = {s: i for i, s in enumerate(ctx_words)}
    unk_t, unk_c = len(words), len(ctx_words)
    offsets = (-2, -1, 1, 2)
    rows, cols = [], []
    for toks in sents:
        t = np.fromiter((wid.get(w, unk_t) for w in toks), dtype=np.int64, count=len(toks))
        c = np.fromiter((cid.get(stem_of[w], unk_c) for w in toks), dtype=np.int64,
                        count=len(toks))
        rows.append(t)
        cols.append(c)
    tgt = np.concatenate([np.append(r, unk_t) for r in rows])  # sentinel between paragraphs
    ctx = np.concatenate([np.append(c, unk_c) for c in cols])
    n = len(tgt)
    keys = []
    for k, off in enumerate(offsets):
        if off < 0:
            a, b = tgt[-off:], ctx[: n + off]
        else:
            a, b = tgt[: n - off], ctx[off:]
        ok = (a < unk_t) & (b < unk_c)
        keys.append(a[ok] * (len(offsets) * unk_c) + k * unk_c + b[ok])
    uniq, cnt = np.unique(np.concatenate(keys), return_counts=True)
    width = len(offsets) * unk_c
    m = sparse.csr_matrix(
        (cnt.astype(np.float64), (uniq // width, uniq % width)), shape=(unk_t, width)
    )
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing
    col = col / col.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    print(f"co-occurrence {m.shape}, nnz {ppmi.nnz}, {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    u, s, _ = randomized_svd(ppmi, n_components=dims, random_state=seed, n_iter=4)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    if vectors_out is not None:
        save_vectors(vectors_out, words, vec)
    labels = []
    for k in (64, 256, 1024):
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3,
                             max_iter=100)
        labels.append(km.fit_predict(vec))
        print(f"k-means {k} done, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# word clusters for the NER tagger, built by rawi.ner.clusters from "
                 "unlabelled news; word<TAB>k64<TAB>k256<TAB>k1024\n")
        for i, w in enumerate(words):
            if "\t" in w or not w.strip():
                continue
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {out} ({len(words)} words) in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)


def save_vectors(path: Path, words: list[str], vec) -> None:
    """The SVD word vectors as ``.npz``: ``words`` (str) and ``vectors`` (float16, unit length).

    The NER features binarise them (``rawi.ner.embeddings``); a neural tagger
    can start from them.
    """
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    keep = [i for i, w in enumerate(words) if "\t" not in w and w.strip()]
    np.savez_compressed(path, words=np.array([words[i] for i in keep]),
                        vectors=vec[keep].astype(np.float16))
    print(f"wrote {path} ({len(keep)} vectors)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "clusters.tsv")
    ap.add_argument("--vocab", type=int, default=60000)
    ap.add_argument("--contexts", type=int, default=3000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--vectors", type=Path, default=VECTORS,
                    help="where to write the SVD word vectors (not shipped: training input)")
    ap.add_argument("--limit", type=int, default=None, help="read at most N articles")
    args = ap.parse_args(argv)
    if not args.news.exists() or not any(args.news.glob("*.jsonl.gz")):
        print(f"rawi clusters: no news corpus at {args.news}; skipping", file=sys.stderr)
        return 0
    build(args.news, args.out, args.vocab, args.contexts, args.dims, args.seed, args.limit,
          args.vectors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
