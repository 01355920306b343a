"""GeoJSON export of places."""

from __future__ import annotations

import json

from rawi.model import Article, Doc, Place
from rawi.places.geojson import to_geojson


def test_feature_collection_has_lon_lat_points_and_skips_unresolved():
    doc = Doc(Article("زار الوزير بيروت وقرية مجهولة", id="a1"))
    doc.places = [
        Place("p1", 10, 15, "بيروت", "Beirut", 33.89, 35.49, "LB", "PPLC", None, 276781, 1),
        Place("p2", 16, 20, "قرية", "قرية", None, None),
    ]
    out = to_geojson([doc])
    assert out["type"] == "FeatureCollection"
    assert len(out["features"]) == 1
    feat = out["features"][0]
    assert feat["geometry"] == {"type": "Point", "coordinates": [35.49, 33.89]}
    assert feat["properties"]["article"] == "a1" and feat["properties"]["precision"] == 1
    json.dumps(out)  # serialisable
