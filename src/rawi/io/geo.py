"""GeoJSON output: one Point feature per resolved place, across all articles."""

from __future__ import annotations

import json
from typing import IO, Any

from rawi.model import Doc


def place_features(doc: Doc) -> list[dict[str, Any]]:
    """The places of one analysed article as GeoJSON features (unresolved ones skipped)."""
    features = []
    for place in doc.places:
        if place.lat is None or place.lon is None:
            continue
        properties = {k: v for k, v in place.to_dict().items() if k not in ("lat", "lon")}
        properties.update(article=doc.article.id, published=doc.article.published)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": properties,
        })
    return features


class GeoJsonWriter:
    """Collects every article's places into one FeatureCollection."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.features: list[dict[str, Any]] = []

    def write(self, doc: Doc) -> None:
        self.features.extend(place_features(doc))

    def close(self) -> None:
        collection = {"type": "FeatureCollection", "features": self.features}
        self.out.write(json.dumps(collection, ensure_ascii=False) + "\n")
        self.out.flush()
