"""Actor-linking accuracy on gold-dev with the gold entity spans given (oracle NER).

Isolates linking from NER: every gold entity is handed to the actors stage with its
gold type, and a link is right when the gold rule (rawi.evaluation.matching.names_match)
accepts the predicted actor's name or aliases. Counts non-optional gold entities that
name an actor. `rawi eval gold` measures the end-to-end figure (with predicted entities).

    .venv/bin/python bench/actors_gold.py [--gold DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rawi.actors.stage import ActorsStage
from rawi.evaluation.matching import names_match
from rawi.model import Article, Doc, Entity
from rawi.text.stage import TextStage

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold-dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    files = sorted(args.gold.glob("*.json"))
    if not files:
        print(f"no gold files under {args.gold}: skipped")
        return 0
    text_stage, actors = TextStage(), ActorsStage()
    total = right = linked = 0
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = Doc(Article(gold["text"], id=path.stem, published=gold.get("published")))
        text_stage(doc)
        doc.entities = [Entity(id=f"g{i}", start=e["span"][0], end=e["span"][1],
                               text=gold["text"][e["span"][0]:e["span"][1]], type=e["type"])
                        for i, e in enumerate(gold["entities"])]
        actors(doc)
        by_id = {e.id: e for e in doc.entities}
        for i, g in enumerate(gold["entities"]):
            p = by_id[f"g{i}"]
            if g.get("optional") or not g.get("actor"):
                continue
            total += 1
            names = [p.actor.name, *p.actor.aliases] if p.actor else []
            ok = names_match(names, g["actor"])
            right += ok
            linked += p.actor is not None
            if args.verbose and not ok:
                print(f"{path.stem[:20]} «{p.text}» gold={g['actor'][0]!r} "
                      f"got={p.actor.name if p.actor else None!r}")
    accuracy, precision = right / max(total, 1), right / max(linked, 1)
    print(f"gold actor mentions: {total}  linked: {linked}  right: {right}  "
          f"accuracy: {accuracy:.3f}  precision of links: {precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
