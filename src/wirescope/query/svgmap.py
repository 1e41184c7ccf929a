"""A small map as inline SVG, for reports that must open anywhere with nothing beside them.

The outline is the world-atlas TopoJSON that `make install` copies for the web UI; its arcs are
drawn as lines (coasts and borders), which needs no polygon assembly. Without that file the map
still shows the points, on a plain background. The projection is equirectangular, scaled by
cos(latitude) at the middle of the view: fine for a province or a country, stretched for a continent.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

ATLAS = Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "world-atlas" / "countries-110m.json"
WIDTH = 640
MARGIN_DEGREES = 1.5
MIN_SPAN_DEGREES = 6.0  # a single town still shows its country around it


@lru_cache(maxsize=1)
def world_arcs(path: Path = ATLAS) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The atlas's arcs as (lon, lat) polylines; none when the file is absent."""
    if not path.exists():
        return ()
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized and delta-encoded (TopoJSON spec)
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    return tuple(arcs)


def bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points, with a margin and a minimum size;
    Afghanistan when there are none (the demo corpus's ground)."""
    if not points:
        return 60.0, 29.0, 75.0, 39.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, south, east, north = min(lons), min(lats), max(lons), max(lats)
    pad_lon = max((east - west) * 0.15, MARGIN_DEGREES, (MIN_SPAN_DEGREES - (east - west)) / 2)
    pad_lat = max((north - south) * 0.15, MARGIN_DEGREES, (MIN_SPAN_DEGREES - (north - south)) / 2)
    return (
        max(west - pad_lon, -180.0),
        max(south - pad_lat, -90.0),
        min(east + pad_lon, 180.0),
        min(north + pad_lat, 90.0),
    )


class Projection:
    def __init__(self, west: float, south: float, east: float, north: float) -> None:
        self.west, self.north = west, north
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = WIDTH / max((east - west) * self.kx, 1e-6)
        self.height = (north - south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def _inside(lon: float, lat: float, box: tuple[float, float, float, float], slack: float = 5.0) -> bool:
    west, south, east, north = box
    return west - slack <= lon <= east + slack and south - slack <= lat <= north + slack


def outline_paths(project: Projection, box: tuple[float, float, float, float]) -> list[str]:
    """SVG path data for the arcs near the view (the rest would be clipped anyway)."""
    paths = []
    for arc in world_arcs():
        if not any(_inside(lon, lat, box) for lon, lat in arc):
            continue
        paths.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (project(lon, lat) for lon, lat in arc)))
    return paths


def map_view(points: list[dict], focus: list[dict] | None = None) -> dict:
    """What a template needs to draw the map: size, outline paths, and each point projected.

    Each point is a dict with longitude, latitude, label, kind (a CSS class) and href. The view is
    fitted to `focus` (e.g. the located events) when given, else to all points; points outside
    it are returned apart, as `outside`, for the report to name in words.
    """
    box = bounds([(p["longitude"], p["latitude"]) for p in (focus or points)])
    project = Projection(*box)
    placed, outside = [], []
    for p in points:
        if not _inside(p["longitude"], p["latitude"], box, slack=0.0):
            outside.append(p)
            continue
        x, y = project(p["longitude"], p["latitude"])
        placed.append({**p, "x": round(x, 1), "y": round(y, 1)})
    return {
        "width": WIDTH,
        "height": round(project.height, 1),
        "outline": outline_paths(project, box),
        "points": placed,
        "outside": outside,
        "has_outline": bool(world_arcs()),
    }
