"""GeoJSON output for ``rawi analyze --format geojson``: every article's places
in one FeatureCollection (the features come from ``rawi.places.geojson``)."""

from __future__ import annotations

import json
from typing import IO, Any

from rawi.model import Doc
from rawi.places.geojson import to_geojson


class GeoJsonWriter:
    """Keeps only the place features of each article, then writes one collection."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.features: list[dict[str, Any]] = []

    def write(self, doc: Doc) -> None:
        self.features.extend(to_geojson([doc])["features"])

    def close(self) -> None:
        collection = {"type": "FeatureCollection", "features": self.features}
        self.out.write(json.dumps(collection, ensure_ascii=False) + "\n")
        self.out.flush()
