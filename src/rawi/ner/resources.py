"""Where the NER model and its lexical resources live, and how they are read.

``clusters.tsv``: ``word<TAB>c1<TAB>c2...`` — a normalised word and its cluster
ids at growing granularity (learned from unlabelled news, see
``rawi.ner.clusters``). ``gazetteer.tsv``: ``word<TAB>TYPE[,TYPE]``. Lines
starting with ``#`` are comments.
"""

from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"


def _rows(path: Path | None):
    if path is None or not Path(path).exists():
        return
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def load_clusters(path: Path | None) -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1:]) for row in _rows(path)}


def load_gazetteer(path: Path | None) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(path) if len(row) > 1}
