"""What happened, where, and who says so: the pieces the front page and the report share.

Each piece is counted in SQL by the store (store/digest.py) and built into records only for what
is shown, so a page or a report costs what it shows. Key events are event groups (one per real
event as far as the store can tell: same type, day, doer, target and place), ranked by the
independent stories that report them, then by death toll and gravity; each is shown once, with
one source per story (syndicated copies once). Left out of "what happened", and counted for the
methods note: events not asserted by the text, events recalled from the past, events whose doer
had died before the event's day (query/lifespans.py), events whose doer is a news outlet (the
reporter of the event, not a party to it), and events naming neither doer nor target.

When cross-document event clusters and claim records land (resolve/), `key_events` and
`contested_points` are the two functions to switch to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wirescope.query.browse import records_by_id
from wirescope.query.charts import stacked_days, stories_map
from wirescope.query.contested import contested
from wirescope.query.lifespans import dead_doers
from wirescope.query.records import Record
from wirescope.store import Store
from wirescope.store.filters import Filter

KEY_EVENTS = 12
CANDIDATES = 3  # groups read per key event shown, to be ranked by independent stories
SOURCES_PER_EVENT = 8
CONTESTED = 10


def exclusions(store: Store, f: Filter) -> dict[str, Any]:
    """Who cannot be the doer of an event that happened: the dead (`dead`: id -> death day, and
    `dead_named`: [{"id", "name", "died"}]) and news outlets (`outlets`: ids)."""
    dead = dead_doers(store, f)
    return {"dead": {d["id"]: d["died"] for d in dead}, "dead_named": dead, "outlets": store.digest("outlet_actor_ids")}


def one_per_story(members: list[Record]) -> list[Record]:
    """The first article of each story among a group's members (syndicated copies once)."""
    seen: dict[str, Record] = {}
    for m in members:
        seen.setdefault(m["story_id"] or m["article_id"], m)
    return list(seen.values())


def key_events(store: Store, f: Filter, limit: int = KEY_EVENTS, excluded: dict | None = None) -> list[Record]:
    """The event groups that happened, most independent stories first, each once: the group's
    first event record with `stories`, `reports`, `toll` (its highest death toll), `sources`
    (one article per story) and `copies` (reports beyond one per story).

    The store gives the groups most reported by articles (CANDIDATES times `limit`); they are
    ranked here by stories, which their members' story ids give."""
    excluded = excluded or exclusions(store, f)
    groups = store.digest("key_event_groups", f, limit * CANDIDATES, excluded["dead"], excluded["outlets"])
    ids = [g["event_id"] for g in groups]
    members = store.digest("group_members", ids)
    ranked = []
    for g in groups:
        sources = one_per_story(members.get(g["event_id"], []))
        ranked.append((-len(sources), -(g["fatalities"] or 0), -g["severity"], g["day"], g["event_id"], g, sources))
    ranked.sort(key=lambda r: r[:5])
    ranked = ranked[:limit]
    built = {r["id"]: r for r in records_by_id(store, "events", [r[4] for r in ranked])}
    shown = []
    for *_, g, sources in ranked:
        if g["event_id"] not in built:
            continue
        shown.append(
            {
                **built[g["event_id"]],
                "day": g["day"],
                "stories": len(sources),
                "reports": g["reports"],
                "toll": g["fatalities"] or None,
                "sources": sources[:SOURCES_PER_EVENT],
                "more_sources": max(0, len(sources) - SOURCES_PER_EVENT),
                "copies": g["reports"] - len(sources),
            }
        )
    return shown


def contested_points(store: Store, f: Filter, limit: int = CONTESTED) -> list[Record]:
    """The contested propositions (query/contested.py: claims across sources, resolve/claims.py),
    the best-backed first."""
    return contested(store, f)[:limit]


def quotes_of_speakers(store: Store, f: Filter, speakers: list[Record], per_speaker: int = 3) -> list[Record]:
    """The most quoted speakers, each with its first few quotes in the scope."""
    rows = store.digest("speaker_quote_ids", f, [s["id"] for s in speakers], per_speaker)
    built = {r["id"]: r for r in records_by_id(store, "quotes", [r["id"] for r in rows])}
    by_speaker: dict[str, list[Record]] = {}
    for r in rows:
        if r["id"] in built:
            by_speaker.setdefault(r["speaker_id"], []).append(built[r["id"]])
    return [{**s, "shown": by_speaker.get(s["id"], [])} for s in speakers]


FRONT_EVENTS = 10
FRONT_SPEAKERS = 10
FRONT_ARTICLES = 10
FRONT_PLACES = 60


def front_page(store: Store, f: Filter, link: Callable[..., str]) -> dict[str, Any]:
    """What happened, where, and who says so, for the filter: the front page's pieces.

    `link(path, **changes)` makes a URL keeping the current filter (the web's filter_link)."""
    excluded = exclusions(store, f)
    places = store.digest("place_stories", f, FRONT_PLACES)
    per_day = store.digest("happened_per_day_by_type", f)
    happened = {"modality": "asserted"}
    return {
        "sizes": store.digest("scope_sizes", f),
        "per_day": stacked_days(
            per_day,
            lambda day, kind: link("/list/events", since=day, until=day, type=kind, **happened),
            "Events that happened, per day, by type",
        ),
        "map": stories_map(
            places, lambda p: link("/list/events", place=p["id"]), "Places of the events, sized by independent stories"
        ),
        "key_events": key_events(store, f, FRONT_EVENTS, excluded),
        "contested": contested_points(store, f, 5),
        "speakers": store.digest("top_speakers", f, FRONT_SPEAKERS),
        "newest": store.digest("newest_articles", f, FRONT_ARTICLES),
        "left_out": store.digest("count_left_out", f, excluded["dead"], excluded["outlets"]),
        "dead": excluded["dead_named"],
    }
