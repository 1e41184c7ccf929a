"""Events in time order, and events and places on the map, for the web views, reports and exports.

The counts (events per day, mentions per place) come from the store's SQL aggregates; the events
shown come a page at a time, so a page costs what it shows.
"""

from __future__ import annotations

from typing import Any

from wirescope.query.browse import Filter, filtered, iter_filtered, records_of
from wirescope.query.events import event_day
from wirescope.query.records import Record
from wirescope.store import Store

TIMELINE_PAGE = 200  # events a timeline page shows; the rest behind its "more" link
MAP_PLACES = 500
MAP_EVENTS = 500
EVERYTHING = 10**9


def with_day(e: Record) -> Record:
    """The event with the day it is placed on and where that day comes from.

    `day` is the event's own date when the text gives a full day, else its article's publication
    date (`day_from` says which): a report published on the 6th about "Sunday" is placed on the
    6th until the time normaliser resolves "Sunday".
    """
    day = event_day(e)
    iso = day.isoformat() if day else None
    own = bool(e["time"]) and iso == (e["time"]["value"] or "")[:10]
    return {**e, "day": iso, "day_from": "event" if own else ("published" if iso else None)}


def timeline(store: Store, f: Filter = Filter()) -> list[Record]:
    """Every event passing the filter in day order (undated last), each with its day."""
    items = [with_day(e) for e in iter_filtered(store, "events", f)]
    return sorted(items, key=lambda e: (e["day"] is None, e["day"] or "", e["article_id"], e["evidence"]["start"]))


def timeline_page(store: Store, f: Filter = Filter(), limit: int = TIMELINE_PAGE, after: str | None = None) -> dict:
    """{"days": events per day, "total", "items": one page of events with their day, "next"}."""
    page = store.page("events", f, limit, after)
    days = store.events_per_day(f)
    return {
        "total": page.total,
        "days": days.items,
        "more_days": days.more,
        "items": [with_day(e) for e in records_of(store, "events", page.ids, page.article_ids, f)],
        "next": page.next,
    }


def place_counts(store: Store, f: Filter = Filter(), limit: int = MAP_PLACES) -> dict[str, Any]:
    """Located places, most mentioned first, with mention and event counts; `more` left out."""
    counted = store.located_places(f, limit)
    return {"items": counted.items, "more": counted.more}


def located_places(store: Store, f: Filter = Filter(), limit: int = EVERYTHING) -> list[Record]:
    """Places with coordinates that pass the filter (whole records), most mentioned first."""
    ids = [p["id"] for p in store.located_places(f, limit).items]
    return records_of(store, "places", ids, [], f)


def located(events: list[Record]) -> list[Record]:
    """The events whose place is a resolved place with coordinates, with latitude and longitude."""
    found = []
    for e in events:
        geo = e.get("geo") or {}
        if geo.get("latitude") is not None and geo.get("longitude") is not None:
            place = {"latitude": geo["latitude"], "longitude": geo["longitude"], "place_name": e["place"]["name"]}
            found.append({**with_day(e), **place})
    return found


def located_events(store: Store, f: Filter = Filter(), limit: int = EVERYTHING) -> list[Record]:
    """Events whose place is a resolved place with coordinates (of the first `limit` events)."""
    return located(filtered(store, "events", f) if limit >= EVERYTHING else _first_events(store, f, limit))


def _first_events(store: Store, f: Filter, limit: int) -> list[Record]:
    page = store.page("events", f, limit)
    return records_of(store, "events", page.ids, page.article_ids, f)
