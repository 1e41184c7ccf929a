"""Charts as inline SVG, drawn here so that the web pages and the report (HTML and PDF) show the
same picture with no script and nothing fetched: events per day stacked by type, bars by place,
and a map of places sized by independent stories.

Each chart is returned as markup (every text escaped) with the numbers it draws beside it, so a
test can check the picture against the counts. Colours keep a 3:1 contrast with the white
background (WCAG 1.4.11, graphics), and every bar says its value in a <title> and its label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from wirescope.query.svgmap import map_view

Row = dict[str, Any]
# One colour per PLOVER type; material conflict in reds and oranges, verbal conflict in purples
# and pinks, cooperation in blues and greens (each at least 3:1 against white).
TYPE_COLOURS: dict[str, str] = {
    "ASSAULT": "#b91c1c",
    "COERCE": "#c2410c",
    "SANCTION": "#92400e",
    "MOBILIZE": "#a16207",
    "THREATEN": "#9d174d",
    "PROTEST": "#db2777",
    "ACCUSE": "#7c3aed",
    "REJECT": "#4c1d95",
    "RETREAT": "#57534e",
    "REQUEST": "#0e7490",
    "CONSULT": "#1d4ed8",
    "AGREE": "#15803d",
    "COOPERATE": "#0f766e",
    "SUPPORT": "#4d7c0f",
    "AID": "#047857",
    "CONCEDE": "#475569",
}
OTHER_COLOUR = "#374151"
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 12, 44
FONT = "font-family:system-ui,sans-serif;font-size:11px"


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart and what it draws: one bar per (label, series) with its value."""

    svg: Markup
    bars: list[Row] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (series, colour)

    def __html__(self) -> str:
        return str(self.svg)


def colour_of(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def _ticks(top: int) -> list[int]:
    """Three or four round values from 0 to at least `top` for the y axis."""
    step = max(1, 10 ** int(math.log10(max(top, 1))))
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 4:
            step *= factor
            break
    return list(range(0, top + step, step))


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    # A chart whose bars are links is a group of links (an image may hold nothing interactive).
    role = "group" if any(part.startswith("<a ") for part in body) else "img"
    return Markup(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="{role}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _link(href: str | None, label: str, inner: str) -> str:
    if not href:
        return inner
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{inner}</a>'


# A bar narrower than this is no longer read as a bar (and at a million events a day's bar per
# type is thousands of SVG elements, most of the report's PDF layout): days are then binned.
MIN_BAR_SLOT = 4.0


def _week_of(day: str) -> str:
    """The Monday of a full date's ISO week; a month or a year is its own bin."""
    if len(day) != 10:
        return day
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return day
    return (when - timedelta(days=when.weekday())).isoformat()


def _bins(days: list[str]) -> tuple[str, dict[str, str]]:
    """Days, weeks or months, the finest that leaves each bar at least MIN_BAR_SLOT wide: the
    bin's name ("day", "week", "month") and each day's bin (its first day, or the month)."""
    most = int((WIDTH - LEFT - RIGHT) / MIN_BAR_SLOT)
    for name, of in (("day", lambda d: d), ("week", _week_of)):
        binned = {d: of(d) for d in days}
        if len(set(binned.values())) <= most:
            return name, binned
    return "month", {d: d[:7] for d in days}


def _binned(rows: Sequence[Row], bin_of: dict[str, str]) -> list[Row]:
    """The rows summed per (bin, type), each with the first and last day it covers, in bin order."""
    out: dict[tuple[str, str], Row] = {}
    for r in rows:
        key = (bin_of[r["day"]], r["type"])
        got = out.setdefault(key, {"bin": key[0], "type": r["type"], "events": 0, "first": r["day"], "last": r["day"]})
        got["events"] += r["events"]
        got["first"], got["last"] = min(got["first"], r["day"]), max(got["last"], r["day"])
    return sorted(out.values(), key=lambda r: (r["bin"], r["type"]))


def stacked_days(rows: Sequence[Row], href: Callable[[str, str, str], str | None], title: str) -> Chart:
    """Events per day stacked by type, from rows {"day", "type", "events"} in day order; when the
    days are too many for bars a reader can see, per week (labelled by its Monday) or per month.

    `href(first, last, type)` is where a bar leads (the events of those days and that type)."""
    if not rows:
        return Chart(_svg(WIDTH, 60, title, [f'<text x="8" y="30" style="{FONT}">No events to chart.</text>']))
    unit, bin_of = _bins(sorted({r["day"] for r in rows}))
    binned = _binned(rows, bin_of)
    bins = sorted({r["bin"] for r in binned})
    place = {b: i for i, b in enumerate(bins)}
    totals = dict.fromkeys(bins, 0)
    for r in binned:
        totals[r["bin"]] += r["events"]
    ticks = _ticks(max(totals.values()))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(bins)
    bar_w = max(1.0, min(28.0, slot * 0.8))
    scale = plot_h / ticks[-1]
    body = _axes(ticks, scale, plot_w)
    bars: list[Row] = []
    heights = dict.fromkeys(bins, 0)
    for r in binned:
        x = LEFT + place[r["bin"]] * slot + (slot - bar_w) / 2
        h = r["events"] * scale
        y = TOP + plot_h - (heights[r["bin"]] + r["events"]) * scale
        heights[r["bin"]] += r["events"]
        label = f"{r['bin'] if unit != 'week' else 'week of ' + r['bin']}: {r['events']} {r['type']}"
        rect = (
            f'<rect class="bar" data-day="{escape(r["bin"])}" data-type="{escape(r["type"])}" '
            f'data-value="{r["events"]}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
            f'fill="{colour_of(r["type"])}" stroke="#fff" stroke-width="0.5"><title>{escape(label)}</title></rect>'
        )
        body.append(_link(href(r["first"], r["last"], r["type"]), label, rect))
        bars.append({"label": r["bin"], "series": r["type"], "value": r["events"], "unit": unit})
    body += _day_labels(bins, slot)
    legend = [(t, colour_of(t)) for t in sorted({r["type"] for r in rows})]
    if unit != "day":
        title = f"{title} (one bar per {unit})"
    return Chart(_svg(WIDTH, HEIGHT, title, body), bars, legend)


def _axes(ticks: list[int], scale: float, plot_w: float) -> list[str]:
    body = []
    for t in ticks:
        y = TOP + (HEIGHT - TOP - BOTTOM) - t * scale
        body.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d7de"/>')
        body.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#374151" style="{FONT}">{t}</text>')
    return body


def _day_labels(days: list[str], slot: float) -> list[str]:
    """Some day labels under the bars, as many as fit without overlapping."""
    every = max(1, math.ceil(len(days) / max(1, int((WIDTH - LEFT - RIGHT) / 64))))
    y = HEIGHT - BOTTOM + 16
    return [
        f'<text x="{LEFT + i * slot + slot / 2:.1f}" y="{y}" text-anchor="middle" fill="#374151" '
        f'style="{FONT}">{escape(d[5:] if len(d) == 10 else d)}</text>'
        for i, d in enumerate(days)
        if i % every == 0
    ] + [
        f'<text x="{LEFT}" y="{y + 16}" fill="#374151" style="{FONT}">{escape(days[0][:4])}'
        f"{' – ' + escape(days[-1][:4]) if days[-1][:4] != days[0][:4] else ''}</text>"
    ]


def horizontal_bars(
    rows: Sequence[Row], label: str, value: str, href: Callable[[Row], str | None], title: str
) -> Chart:
    """One bar per row, longest first as given: `label` names it, `value` sizes it."""
    if not rows:
        return Chart(_svg(WIDTH, 60, title, [f'<text x="8" y="30" style="{FONT}">Nothing to chart.</text>']))
    row_h, left = 22, 200
    height = TOP + len(rows) * row_h + 8
    top_value = max(r[value] for r in rows) or 1
    body, bars = [], []
    for i, r in enumerate(rows):
        y = TOP + i * row_h
        w = (WIDTH - left - 60) * r[value] / top_value
        name = str(r[label])
        text = f"{name}: {r[value]}"
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="#1f2328" style="{FONT}">'
            f"{escape(name[:32])}</text>"
        )
        rect = (
            f'<rect class="bar" data-label="{escape(name)}" data-value="{r[value]}" x="{left}" y="{y + 3}" '
            f'width="{max(w, 1):.1f}" height="{row_h - 6}" fill="#1d4ed8"><title>{escape(text)}</title></rect>'
        )
        body.append(_link(href(r), text, rect))
        body.append(f'<text x="{left + w + 6:.1f}" y="{y + 15}" fill="#1f2328" style="{FONT}">{r[value]}</text>')
        bars.append({"label": name, "value": r[value]})
    return Chart(_svg(WIDTH, height, title, body), bars)


REGION_DEGREES = 12.0
LABEL_W, LABEL_H = 7, 13  # px per character, line height


def _labels_apart(points: list[Row]) -> list[str]:
    """Names beside the circles, skipping any that would overlap one already written (two names
    of one valley at one point: the more reported is named)."""
    boxes: list[tuple[float, float, float, float]] = []
    texts = []
    for p in sorted(points, key=lambda p: -p["stories"]):
        x, y = p["x"] + 8, p["y"] - 6
        box = (x, y - LABEL_H, x + LABEL_W * len(str(p["name"])), y)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        texts.append(f'<text x="{x:.1f}" y="{y:.1f}" fill="#1f2328" style="{FONT}">{escape(p["name"])}</text>')
    return texts


def _around_the_most_reported(points: list[Row]) -> list[Row]:
    """The places near the most reported one: a scope about Panjshir that mentions New York once
    shows Afghanistan, and names New York under the map."""
    if not points:
        return []
    top = max(points, key=lambda p: p["stories"])
    return [
        p
        for p in points
        if abs(p["latitude"] - top["latitude"]) <= REGION_DEGREES
        and abs(p["longitude"] - top["longitude"]) <= REGION_DEGREES
    ]


def stories_map(places: Sequence[Row], href: Callable[[Row], str | None], title: str) -> Chart:
    """Places as circles sized by independent stories, on the bundled world outline."""
    points = [
        {"longitude": p["longitude"], "latitude": p["latitude"], "label": p["name"], "kind": "place", "href": None, **p}
        for p in places
    ]
    view = map_view(points, focus=_around_the_most_reported(points))
    w, h = view["width"], view["height"]
    body = [f'<rect width="{w}" height="{h}" fill="#e0ecfb"/>']
    body += [f'<path d="{d}" fill="none" stroke="#6b7280" stroke-width="0.8"/>' for d in view["outline"]]
    bars = []
    for p in sorted(view["points"], key=lambda p: -p["stories"]):  # big circles under small ones
        r = 4 + 4 * math.sqrt(p["stories"])
        text = f"{p['name']}: {p['stories']} independent {'story' if p['stories'] == 1 else 'stories'}"
        circle = (
            f'<circle class="place" data-label="{escape(p["name"])}" data-value="{p["stories"]}" cx="{p["x"]}" '
            f'cy="{p["y"]}" r="{r:.1f}" fill="#b91c1c" fill-opacity="0.55" stroke="#7f1d1d">'
            f"<title>{escape(text)}</title></circle>"
        )
        body.append(_link(href(p), text, circle))
        bars.append({"label": p["name"], "value": p["stories"]})
    body += _labels_apart(view["points"][:12])
    if view["outside"]:
        names = ", ".join(str(p["name"]) for p in view["outside"][:8])
        body.append(f'<text x="6" y="{h - 6}" fill="#1f2328" style="{FONT}">Also: {escape(names)}</text>')
    return Chart(_svg(int(w), int(h), title, body), bars)
