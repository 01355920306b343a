"""Places as GeoJSON: one Point feature per resolved place mention.

In Python::

    from rawi.places.geojson import to_geojson
    collection = to_geojson(docs)  # a FeatureCollection dict, ready for json.dump

Coordinates are ``[lon, lat]`` (RFC 7946). Mentions without a point (an NER
location the gazetteer does not know) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rawi.model import Doc


def to_geojson(docs: Iterable[Doc]) -> dict[str, Any]:
    """A FeatureCollection of every place with coordinates in ``docs``."""
    features = []
    for doc in docs:
        for p in doc.places:
            if p.lat is None or p.lon is None:
                continue
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "article": doc.article.id, "published": doc.article.published,
                    "source": doc.article.source, "place": p.id, "text": p.text,
                    "start": p.start, "end": p.end, "name": p.name, "country": p.country,
                    "feature": p.feature, "qualifier": p.qualifier, "precision": p.precision,
                    "geonames_id": p.geonames_id,
                },
            })
    return {"type": "FeatureCollection", "features": features}
