"""Place detection against Wojood's public sample (GPE and LOC spans, any nesting layer).

An independent check of *detection* only (Wojood has no coordinates): a gold GPE/LOC
span is found when a predicted place overlaps it; a predicted place is correct when it
overlaps a GPE, LOC or FAC span, or an ORG span (Wojood tags a country acting as an
agent as ORG). Wojood also tags the place inside an organisation's name («جريدة فلسطين»,
«جامعة بيرزيت»), which rawi deliberately does not report: recall is given with and
without those nested spans. Each sentence is one document: tokens joined by spaces.

Run: ``python bench/places_wojood.py`` (skips with a message when the data is absent).
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wojood_sample"
GOLD = ("GPE", "LOC")
ACCEPT = ("GPE", "LOC", "FAC", "ORG")


def sentences(path: Path):
    """Yield (tokens, spans) with spans as (type, start_char, end_char) over all layers."""
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            rows.append(line.split("\t"))
            continue
        if not rows:
            continue
        tokens = [r[0] for r in rows]
        starts, pos = [], 0
        for t in tokens:
            starts.append(pos)
            pos += len(t) + 1
        spans = []
        depth = max(len(r) for r in rows) - 1
        for layer in range(1, depth + 1):
            open_span = None
            for i, r in enumerate([*rows, ["", "O"]]):
                tag = r[layer] if layer < len(r) else "O"
                if open_span and not (tag.startswith("I-") and tag[2:] == open_span[0]):
                    spans.append((open_span[0], starts[open_span[1]],
                                  starts[i - 1] + len(tokens[i - 1])))
                    open_span = None
                if tag.startswith("B-"):
                    open_span = (tag[2:], i)
        yield tokens, spans
        rows = []


def main() -> int:
    if not DATA.is_dir():
        print(f"skip: {DATA} not found")
        return 0
    from rawi.model import Article, Doc
    from rawi.places.stage import PlacesStage
    from rawi.text.stage import TextStage

    text, places = TextStage(), PlacesStage()
    gold = found = pred = correct = free_gold = free_found = 0
    for split in ("train", "val", "test"):
        for tokens, spans in sentences(DATA / f"{split}.nested.conll"):
            doc = Doc(Article(" ".join(tokens)))
            places(text(doc))
            orgs = [(s, e) for t, s, e in spans if t == "ORG"]
            for _, s, e in (x for x in spans if x[0] in GOLD):
                hit = any(p.start < e and s < p.end for p in doc.places)
                gold += 1
                found += hit
                if not any(os <= s and e <= oe for os, oe in orgs):
                    free_gold += 1
                    free_found += hit
            for p in doc.places:
                pred += 1
                correct += any(t in ACCEPT and p.start < e and s < p.end for t, s, e in spans)
    print(f"Wojood sample: gold GPE/LOC {gold}, found {found}, recall {found / gold:.3f}; "
          f"outside ORG names {free_gold}, found {free_found}, "
          f"recall {free_found / free_gold:.3f}; "
          f"predicted {pred}, correct {correct}, precision {correct / pred:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
