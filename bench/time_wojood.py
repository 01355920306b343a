"""A second, rough check of detection on text rawi was not written against:
the Wojood public sample's DATE and TIME spans (``../shared/data/wojood_sample``).

Usage: python bench/time_wojood.py [SPLITS]   (default: test)

Wojood's conventions are not rawi's (it tags bare years in historical text,
«السنوية», dialect words, some durations as DATE) and it has no values and no
publication dates, so only detection is scored: the share of Wojood DATE/TIME
spans (all nesting layers) that a rawi time overlaps, and the share of rawi
DATE/TIME predictions that overlap a Wojood DATE/TIME span. Sentences are the
tokens joined by single spaces.
"""

from __future__ import annotations

import sys
from pathlib import Path

WOJOOD = Path(__file__).resolve().parents[2] / "shared" / "data" / "wojood_sample"


def read_conll(path: Path) -> list[list[tuple[str, list[str]]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, *tags = line.split("\t")
        current.append((token, tags))
    if current:
        sentences.append(current)
    return sentences


def spans(sentence: list[tuple[str, list[str]]], wanted: set[str]) -> tuple[str, list[tuple]]:
    text, offsets = "", []
    for token, _ in sentence:
        if text:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    out = []
    layers = max(len(tags) for _, tags in sentence)
    for layer in range(layers):
        start, kind = None, None
        for i, (_, tags) in enumerate([*sentence, ("", ["O"])]):
            tag = tags[layer] if layer < len(tags) else "O"
            if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
                if kind in wanted:
                    out.append((offsets[start][0], offsets[i - 1][1]))
                start = None
            if tag.startswith("B-"):
                start, kind = i, tag[2:]
    return text, out


def main() -> int:
    if not WOJOOD.exists():
        print(f"skip: {WOJOOD} not found")
        return 0
    from rawi.time import tag

    splits = (sys.argv[1] if len(sys.argv) > 1 else "test").split(",")
    gold_n = found = predicted = matched = 0
    for split in splits:
        for sentence in read_conll(WOJOOD / f"{split}.nested.conll"):
            text, gold = spans(sentence, {"DATE", "TIME"})
            times = tag(text, None)
            gold_n += len(gold)
            found += sum(any(t.start < e and s < t.end for t in times) for s, e in gold)
            for t in times:
                if t.type in ("DATE", "TIME"):
                    predicted += 1
                    matched += any(t.start < e and s < t.end for s, e in gold)
    print(
        f"wojood {','.join(splits)}: DATE/TIME spans {gold_n}, overlapped by rawi {found} "
        f"({found / max(1, gold_n):.3f}); rawi DATE/TIME predictions {predicted}, "
        f"overlapping a Wojood span {matched} ({matched / max(1, predicted):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
