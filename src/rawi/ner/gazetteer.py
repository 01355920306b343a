"""A name list learned from unlabelled news by the tagger itself (self-training).

Why: a name the first-pass model recognises in easy contexts across thousands of
articles («قال الرئيس X», «في مدينة Y») is worth flagging in the hard
contexts of a new sentence. The first-pass model (trained on ANERcorp train
only, without this list) tags a sample of the news corpus; every clitic-free
stem seen at least ``min_count`` times and tagged with one type in at least
``min_share`` of its occurrences becomes a line ``stem<TAB>TYPE`` of
``gazetteer.tsv``. No labels are read from the news.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from rawi.ner.clusters import _TOKEN, iter_texts
from rawi.ner.features import split_clitics
from rawi.text.normalize import normalize


def build_gazetteer(
    tagger, news: Path, out: Path, articles: int = 8000, min_count: int = 5,
    min_share: float = 0.6,
) -> int:
    """Tag ``articles`` news articles with ``tagger`` and write the list; returns its size."""
    t0 = time.perf_counter()
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = {}
    ntok = 0
    for text in iter_texts(news, articles):
        for para in text.split("\n"):
            toks = _TOKEN.findall(para)
            if not toks:
                continue
            ntok += len(toks)
            tags = tagger.tag(toks)
            for tok, tag in zip(toks, tags, strict=True):
                stem = split_clitics(normalize(tok))[1]
                if len(stem) < 2 or not stem[0].isalpha():
                    continue
                total[stem] += 1
                if tag != "O":
                    typed.setdefault(stem, Counter())[tag[2:]] += 1
    rows = []
    for stem, counts in typed.items():
        kind, n = counts.most_common(1)[0]
        if total[stem] >= min_count and n >= min_share * total[stem]:
            rows.append((stem, kind))
    rows.sort()
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# names the first-pass tagger found in unlabelled news "
                 "(rawi.ner.gazetteer); stem<TAB>TYPE\n")
        for stem, kind in rows:
            fh.write(f"{stem}\t{kind}\n")
    print(f"gazetteer: tagged {ntok} news tokens, kept {len(rows)} stems "
          f"in {time.perf_counter() - t0:.0f} s -> {out}", file=sys.stderr)
    return len(rows)
