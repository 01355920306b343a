"""Render `rawi analyze examples/ --format pretty` as docs/demo.svg for the README.

    python scripts/render_demo.py
"""

from __future__ import annotations

import json
from pathlib import Path

from rawi import Article, Pipeline
from rawi.io.pretty import PrettyWriter

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    writer = PrettyWriter(open("/dev/null", "w"), color=True)  # noqa: SIM115
    writer.console.record = True
    pipeline = Pipeline()
    lines = (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:2]:
        writer.write(pipeline(Article.from_dict(json.loads(line))))
    writer.console.save_svg(str(ROOT / "docs" / "demo.svg"), title="rawi analyze examples/")
    print("wrote docs/demo.svg")


if __name__ == "__main__":
    main()
