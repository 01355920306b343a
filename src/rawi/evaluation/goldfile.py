"""Read and check gold files (the format of ``../shared/data/gold-dev``).

A file that cannot be read, or whose text does not match its ``text_sha1``, is
reported and skipped; a broken record inside a good file is reported (file,
layer, index, field) and skipped, and the rest of the file is kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rawi.model import ENTITY_TYPES, MODALITIES

GOLD_LAYERS = ("entities", "attributions", "times", "places")


class GoldError(ValueError):
    """A gold file or record that cannot be used; the message names file and field."""


@dataclass
class GoldArticle:
    id: str
    path: str
    text: str
    published: str | None
    corpus: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)


def _span(rec: dict[str, Any], key: str, n: int, *, nullable: bool = False) -> list[int] | None:
    value = rec.get(key)
    if value is None and nullable:
        return None
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not 0 <= value[0] < value[1] <= n
    ):
        raise GoldError(f"field {key!r}: expected [start, end) inside text of length {n}, "
                        f"got {value!r}")
    return [value[0], value[1]]


def _names(rec: dict[str, Any], key: str, *, nullable: bool) -> list[str] | None:
    value = rec.get(key)
    if value is None and nullable:
        return None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldError(f"field {key!r}: expected a list of names, got {value!r}")
    return list(value)


def _opt(rec: dict[str, Any]) -> bool:
    value = rec.get("optional", False)
    if not isinstance(value, bool):
        raise GoldError(f"field 'optional': expected true/false, got {value!r}")
    return value


def _entity(rec: dict[str, Any], n: int) -> dict[str, Any]:
    if rec.get("type") not in ENTITY_TYPES:
        raise GoldError(f"field 'type': expected one of {ENTITY_TYPES}, got {rec.get('type')!r}")
    return {"span": _span(rec, "span", n), "type": rec["type"],
            "actor": _names(rec, "actor", nullable=True), "optional": _opt(rec)}


def _attribution(rec: dict[str, Any], n: int) -> dict[str, Any]:
    if rec.get("modality", "asserted") not in MODALITIES:
        raise GoldError(f"field 'modality': expected one of {MODALITIES}, "
                        f"got {rec.get('modality')!r}")
    for key in ("channel", "time"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise GoldError(f"field {key!r}: expected a string or null, got {rec[key]!r}")
    return {
        "cue": _span(rec, "cue", n),
        "content": _span(rec, "content", n),
        "speaker": _names(rec, "speaker", nullable=False),
        "speaker_span": _span(rec, "speaker_span", n, nullable=True),
        "modality": rec.get("modality", "asserted"),
        "channel": rec.get("channel"),
        "direct": bool(rec.get("direct", False)),
        "time": rec.get("time"),
        "optional": _opt(rec),
    }


def _time(rec: dict[str, Any], n: int) -> dict[str, Any]:
    if not isinstance(rec.get("value"), str):
        raise GoldError(f"field 'value': expected a string, got {rec.get('value')!r}")
    return {"span": _span(rec, "span", n), "value": rec["value"], "optional": _opt(rec)}


def _place(rec: dict[str, Any], n: int) -> dict[str, Any]:
    for key in ("lat", "lon", "tol_km"):
        if not isinstance(rec.get(key), int | float) or isinstance(rec.get(key), bool):
            raise GoldError(f"field {key!r}: expected a number, got {rec.get(key)!r}")
    return {"span": _span(rec, "span", n), "lat": float(rec["lat"]), "lon": float(rec["lon"]),
            "tol_km": float(rec["tol_km"]), "names": _names(rec, "names", nullable=False),
            "optional": _opt(rec)}


_CHECKS = {"entities": _entity, "attributions": _attribution, "times": _time, "places": _place}


def load_gold_file(path: str | Path, problems: list[str] | None = None) -> GoldArticle:
    """Read one gold file; raise GoldError when the file as a whole is unusable.
    Broken records are appended to ``problems`` and skipped."""
    path = Path(path)
    problems = problems if problems is not None else []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise GoldError(f"{path}: field 'text': missing or not a string")
    text = data["text"]
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    if data.get("text_sha1") and data["text_sha1"] != sha1:
        raise GoldError(f"{path}: field 'text_sha1': {data['text_sha1']} does not match "
                        f"the text ({sha1})")
    gold = GoldArticle(
        id=str(data.get("id") or path.stem), path=str(path), text=text,
        published=data.get("published"), corpus=data.get("corpus"),
    )
    for layer in GOLD_LAYERS:
        records = data.get(layer) or []
        if not isinstance(records, list):
            problems.append(f"{path}: field {layer!r}: expected a list; layer skipped")
            continue
        kept = getattr(gold, layer)
        for i, rec in enumerate(records):
            try:
                if not isinstance(rec, dict):
                    raise GoldError(f"expected an object, got {type(rec).__name__}")
                kept.append(_CHECKS[layer](rec, len(text)))
            except GoldError as exc:
                problems.append(f"{path}: {layer}[{i}]: {exc}; record skipped")
    return gold


def load_gold_dir(directory: str | Path) -> tuple[list[GoldArticle], list[str]]:
    """Every ``*.json`` gold file of ``directory`` (sorted), and the problems met."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a directory")
    articles: list[GoldArticle] = []
    problems: list[str] = []
    for path in sorted(directory.glob("*.json")):
        try:
            articles.append(load_gold_file(path, problems))
        except GoldError as exc:
            problems.append(f"{exc}; file skipped")
    return articles, problems
