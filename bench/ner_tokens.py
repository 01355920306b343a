"""What rawi's own tokens cost the NER model, measured on ANERcorp test.

    python bench/ner_tokens.py

ANERcorp gives its tokens; on raw text rawi tags the text layer's tokens
instead. This rebuilds each test sentence as text (tokens joined by spaces),
runs ``rawi.text.tokenize`` on it, tags those tokens, projects the predicted
entities back onto ANERcorp's tokens by character overlap, and scores both
ways with the same scorer. It also counts the sentences whose token
sequences differ and shows the commonest differences.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rawi.ner.conll import read_conll
from rawi.ner.scoring import entities, score
from rawi.ner.tagger import CONLL_WINDOW, get_tagger
from rawi.text.tokenize import tokenize

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "anercorp"


def project(aner: list[str], text: str, rtoks, rtags: list[str]) -> list[str]:
    """Tags on ANERcorp tokens from entities predicted over rawi tokens."""
    offsets, pos = [], 0
    for tok in aner:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    out = ["O"] * len(aner)
    for typ, a, b in entities(rtags):
        s, e = rtoks[a].start, rtoks[b - 1].end
        first = True
        for i, (ts, te) in enumerate(offsets):
            if ts < e and s < te and out[i] == "O":
                out[i] = ("B-" if first else "I-") + typ
                first = False
    return out


def main() -> int:
    test = DATA / "test.conll"
    if not test.exists():
        print(f"ner_tokens: no {test}; skipping", file=sys.stderr)
        return 0
    sents = read_conll(test)
    tagger = get_tagger()
    direct = tagger.tag_document([s.tokens for s in sents], window=CONLL_WINDOW)
    texts = [" ".join(s.tokens) for s in sents]
    rtoks = [tokenize(t) for t in texts]
    rtags = tagger.tag_document([[t.text for t in r] for r in rtoks], window=CONLL_WINDOW)
    projected = [project(s.tokens, t, r, g)
                 for s, t, r, g in zip(sents, texts, rtoks, rtags, strict=True)]
    diff = Counter()
    n_diff = 0
    for s, r in zip(sents, rtoks, strict=True):
        mine = [t.text for t in r]
        if mine != s.tokens:
            n_diff += 1
            rset = Counter(mine)
            for tok in s.tokens:
                if rset[tok] == 0:
                    diff[tok] += 1
    gold = [s.tags for s in sents]
    a, b = score(gold, direct).micro, score(gold, projected).micro
    print(f"sentences {len(sents)}, tokens {sum(len(s.tokens) for s in sents)} (ANERcorp) vs "
          f"{sum(len(r) for r in rtoks)} (rawi); sentences tokenised differently: {n_diff}")
    print(f"ANERcorp tokens: P {100 * a.precision:.2f} R {100 * a.recall:.2f} "
          f"F1 {100 * a.f1:.2f}")
    print(f"rawi tokens:     P {100 * b.precision:.2f} R {100 * b.recall:.2f} "
          f"F1 {100 * b.f1:.2f}  (difference {100 * (b.f1 - a.f1):+.2f})")
    print("ANERcorp tokens that rawi splits differently (commonest):",
          ", ".join(f"{t} ×{n}" for t, n in diff.most_common(12)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
