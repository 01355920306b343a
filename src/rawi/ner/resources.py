"""Where the NER model and its lexical resources live, and how they are read.

``clusters.tsv``: ``word<TAB>c1<TAB>c2...`` — a normalised word and its cluster
ids at growing granularity (learned from unlabelled news, see
``rawi.ner.clusters``). ``gazetteer.tsv``: ``word<TAB>TYPE[,TYPE]``. Lines
starting with ``#`` are comments.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rawi.text.normalize import normalize

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


@lru_cache(maxsize=1)
def not_entities() -> frozenset[str]:
    """Normalised words that alone are no named entity (``rawi/data/ner/not_entities.txt``)."""
    text = (resources.files("rawi.data.ner") / "not_entities.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(normalize(w) for w in words if w)
