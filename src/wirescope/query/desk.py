"""What happened, where, and who says so: the pieces the front page and the report share.

Each piece is counted in SQL by the store (store/digest.py) and built into records only for what
is shown, so a page or a report costs what it shows. Key events are the cross-document event
clusters (resolve/events.py: the reports of one real-world event across articles, however each
names the doer or dates it) where the store has resolved the events' records, and event groups
(same type, day, doer, target and place) for the mentions not resolved; ranked by the
independent stories that report them, then by death toll and gravity; each is shown once, with
one source per story (syndicated copies once). Left out of "what happened", and counted for the
methods note: events not asserted by the text, events recalled from the past, events whose doer
had died before the event's day (query/lifespans.py), events whose doer is a news outlet (the
reporter of the event, not a party to it), and events naming neither doer nor target.
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
from wirescope.store.digest import SEVERITY
from wirescope.store.filters import Filter

KEY_EVENTS = 12
CANDIDATES = 3  # groups read per key event shown, to be ranked by independent stories
SOURCES_PER_EVENT = 8
CONTESTED = 10
CLAIMS_PER_SIDE = 6  # claims shown on each side of a contested point; the count of the rest is said


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


def _candidate(head: Record, sources: list[Record], reports: int, toll: int, severity: int, day: str) -> dict:
    return {"head": head, "sources": sources, "reports": reports, "toll": toll, "severity": severity, "day": day}


def _named(m: Record) -> tuple[bool, bool]:
    return (bool(m["actor_name"]), bool(m["target_name"]))


def _of_cluster(rows: list[Record]) -> dict | None:
    """A cluster's key-event candidate from its mentions (earliest article first): shown by a
    mention that asserts the event, the one naming most of doer and target, with one source per
    story; None when no mention names a doer or a target (as for groups)."""
    if not any(any(_named(m)) for m in rows):
        return None
    # max keeps the first of equals: the earliest article's
    head = max(rows, key=lambda m: (bool(m["happened"]), sum(_named(m)), _named(m)))
    toll = max((m["fatalities"] or 0) for m in rows)
    reports = len({m["record_id"] for m in rows})
    return _candidate(
        head, one_per_story(rows), reports, toll, SEVERITY.get(head["type"], 0), min(m["day"] for m in rows)
    )


def _candidates(store: Store, f: Filter, limit: int, excluded: dict) -> list[dict]:
    """Key-event candidates: the event clusters of the scope (each once), and the event groups
    of the mentions whose record has not been resolved into a cluster."""
    dead, outlets = excluded["dead"], excluded["outlets"]
    groups = store.digest("key_event_groups", f, limit * CANDIDATES, dead, outlets)
    members = store.digest("group_members", [g["event_id"] for g in groups])
    top = store.digest("key_event_clusters", f, limit * CANDIDATES, dead, outlets)
    of_members = {m["cluster_id"] for ms in members.values() for m in ms if m["cluster_id"]}
    wanted = sorted({c["cluster_id"] for c in top} | of_members)
    found = []
    for cluster, rows in store.digest("cluster_reports", wanted, f, dead, outlets).items():
        candidate = _of_cluster(rows)
        if candidate is not None:
            found.append({**candidate, "cluster": cluster})
    for g in groups:
        rest = [m for m in members.get(g["event_id"], []) if m["cluster_id"] is None]
        if rest:
            head = {"id": g["event_id"] if g["event_id"] in {m["id"] for m in rest} else rest[0]["id"]}
            found.append(
                {
                    **_candidate(head, one_per_story(rest), len(rest), g["fatalities"] or 0, g["severity"], g["day"]),
                    "cluster": None,
                }
            )
    return found


def key_events(store: Store, f: Filter, limit: int = KEY_EVENTS, excluded: dict | None = None) -> list[Record]:
    """The events that happened, most independent stories first, then death toll and gravity,
    each once: one event record per key event with `cluster` (its cross-document event cluster,
    None for an event group), `stories`, `reports`, `toll` (its highest death toll), `sources`
    (one article per story) and `copies` (reports beyond one per story).

    A key event is an event cluster where the store has resolved the event's records (one real
    event told by several reports: store/event_links.py), else the event group of the mentions
    not resolved (store/digest.py). The store gives the clusters and groups most reported
    (CANDIDATES times `limit` of each); they are ranked here by stories."""
    excluded = excluded or exclusions(store, f)
    ranked = sorted(
        _candidates(store, f, limit, excluded),
        key=lambda c: (-len(c["sources"]), -c["toll"], -c["severity"], c["day"], c["head"]["id"]),
    )[:limit]
    built = {r["id"]: r for r in records_by_id(store, "events", [c["head"]["id"] for c in ranked])}
    shown = []
    for c in ranked:
        if c["head"]["id"] not in built:
            continue
        sources = c["sources"]
        shown.append(
            {
                **built[c["head"]["id"]],
                "cluster": c["cluster"],
                "day": c["day"],
                "stories": len(sources),
                "reports": c["reports"],
                "toll": c["toll"] or None,
                "sources": sources[:SOURCES_PER_EVENT],
                "more_sources": max(0, len(sources) - SOURCES_PER_EVENT),
                "copies": max(0, c["reports"] - len(sources)),
            }
        )
    return shown


def contested_points(store: Store, f: Filter, limit: int = CONTESTED) -> list[Record]:
    """The contested propositions (query/contested.py: claims across sources, resolve/claims.py),
    the best-backed first."""
    return contested(store, f, claims_per_side=CLAIMS_PER_SIDE, limit=limit)


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
            lambda first, last, kind: link("/list/events", since=first, until=last, type=kind, **happened),
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
