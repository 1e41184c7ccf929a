"""Events in time order, and events and places on the map, for the web views and reports."""

from __future__ import annotations

from wirescope.query.browse import Filters, filtered, published_dates, record_date
from wirescope.query.records import Record
from wirescope.store import Store


def timeline(store: Store, f: Filters = Filters()) -> list[Record]:
    """Events that pass the filters, oldest first, each with the day it is placed on.

    `day` is the event's own date when the text gives a full day, else its article's publication
    date (`day_from` says which): a report published on the 6th about "Sunday" is placed on the
    6th until the time normaliser resolves "Sunday".
    """
    published = published_dates(store)
    items = []
    for e in filtered(store, "events", f):
        day = record_date("events", e, published)
        own = bool(e["time"]) and day == (e["time"]["value"] or "")[:10]
        items.append({**e, "day": day, "day_from": "event" if own else ("published" if day else None)})
    return sorted(items, key=lambda e: (e["day"] is None, e["day"] or "", e["article_id"], e["evidence"]["start"]))


def located_places(store: Store, f: Filters = Filters()) -> list[Record]:
    """Places with coordinates that pass the filters."""
    return [p for p in filtered(store, "places", f) if p["latitude"] is not None and p["longitude"] is not None]


def located_events(store: Store, f: Filters = Filters()) -> list[Record]:
    """Events whose place is a resolved place with coordinates, each with its latitude and longitude."""
    places = {p["id"]: p for p in located_places(store, Filters())}
    located = []
    for e in timeline(store, f):
        place = places.get((e["place"] or {}).get("id") or "")
        if place:
            located.append(
                {**e, "latitude": place["latitude"], "longitude": place["longitude"], "place_name": place["name"]}
            )
    return located
