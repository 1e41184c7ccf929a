"""Places as RFC 7946 GeoJSON: a FeatureCollection of Points, coordinates [longitude, latitude].

A place the gazetteer could not locate, or one given only as an offset from another ("about 100
miles north of Kabul"), is kept as a Feature with a null geometry (RFC 7946 section 3.2), so the
record stays whole without a pin that the text does not support.
"""

from __future__ import annotations

import json
from typing import IO, Any

from wirescope.errors import ConfigError

PROPERTIES = (
    "id",
    "name",
    "geonames_id",
    "country",
    "admin1",
    "feature",
    "precision",
    "anchor_id",
    "offset_km",
    "bearing",
)


def place_feature(place: dict[str, Any]) -> dict[str, Any]:
    mentions = place.get("mentions") or []
    return counted_feature(place, len(mentions), len({m.get("article_id") for m in mentions}))


def counted_feature(place: dict[str, Any], mentions: int, articles: int) -> dict[str, Any]:
    """The place's Feature, its mentions and the articles they are in given as counts."""
    lat, lon = place.get("latitude"), place.get("longitude")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
    properties = {k: place.get(k) for k in PROPERTIES}
    properties["mentions"] = mentions
    properties["articles"] = articles
    return {"type": "Feature", "id": place["id"], "geometry": geometry, "properties": properties}


def feature_collection(places: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [place_feature(p) for p in places]}


def write_geojson(records: list[dict[str, Any]], kind: str, out: IO[str]) -> None:
    if kind != "places":
        raise ConfigError(
            f"--format geojson lists places, not {kind}",
            hint="for located events use: wirescope export --format geojson",
        )
    json.dump(feature_collection(records), out, ensure_ascii=False, indent=1)
    out.write("\n")
