"""Variants of real annotated articles, for measuring a large store without annotating it.

`variant(article, n)` is the article as if it were another report: new article, source and
annotation ids, a publication day moved by up to a year, and its actors and places given the ids
of one of GROUPS look-alikes (same names, places nudged on the map), so that a filter by name
finds several ids and aggregates see many distinct actors and places. Text and offsets are the
real article's: every span still points at real words. Used by benchmarks/scale.py and by the
tests that compare a small store with a large one; never by ingest.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, timedelta

from wirescope.record import Argument, Article, EventRecord, Participant, Place, stable_id

GROUPS = 50  # look-alike ids per actor and per place
DAYS = 365


def _participant(p: Participant | None, ids: dict[str, str]) -> Participant | None:
    if p is None or p.actor_id is None:
        return p
    return dataclasses.replace(p, actor_id=ids.get(p.actor_id, p.actor_id))


def _argument(g: Argument | None, ids: dict[str, str]) -> Argument | None:
    if g is None or not isinstance(g.normalized, str) or g.normalized not in ids:
        return g
    return dataclasses.replace(g, normalized=ids[g.normalized])


def _record(r: EventRecord, new_id: str, i: int, event_ids: dict[str, str], ids: dict[str, str]) -> EventRecord:
    """An event record with an id of its own, its mentions' new ids, its actors' and places' look-alike ids."""
    return dataclasses.replace(
        r,
        id=stable_id("rec", new_id, i),
        mentions=tuple(event_ids.get(m, m) for m in r.mentions),
        actor=_argument(r.actor, ids),
        target=_argument(r.target, ids),
        place=_argument(r.place, ids),
        source=_argument(r.source, ids),
    )


def _renumbered(items: tuple, prefix: str, new_id: str) -> tuple:
    return tuple(dataclasses.replace(x, id=stable_id(prefix, new_id, i)) for i, x in enumerate(items))


def _place(p: Place, group: int) -> Place:
    nudge = (group - GROUPS / 2) * 0.01
    return dataclasses.replace(
        p,
        id=stable_id("place", p.id, group),
        latitude=None if p.latitude is None else round(p.latitude + nudge, 4),
        longitude=None if p.longitude is None else round(p.longitude + nudge, 4),
    )


def variant(article: Article, n: int) -> Article:
    """The n-th variant of a real article (n = 0 is a variant too, with ids of its own)."""
    group = n % GROUPS
    raw = article.source.raw + f"\n<!-- variant {n} -->".encode()
    source = dataclasses.replace(
        article.source, uri=f"variant-{n}-{article.source.uri}", sha256=hashlib.sha256(raw).hexdigest(), raw=raw
    )
    new_id = stable_id("art", "variant", n, article.id)
    actor_ids = {a.id: stable_id("actor", a.id, group) for a in article.actors}
    place_ids = {p.id: stable_id("place", p.id, group) for p in article.places}
    both = {**actor_ids, **place_ids}
    actors = tuple(
        dataclasses.replace(
            a,
            id=actor_ids[a.id],
            relations=tuple(
                dataclasses.replace(r, object_id=actor_ids.get(r.object_id, r.object_id)) for r in a.relations
            ),
        )
        for a in article.actors
    )
    published = (article.published or date(2021, 1, 1)) + timedelta(days=(n * 7) % DAYS)
    events = tuple(
        dataclasses.replace(
            e,
            id=stable_id("evt", new_id, i),
            actor=_participant(e.actor, both),
            target=_participant(e.target, both),
            place=_participant(e.place, both),
            source=_participant(e.source, both),
        )
        for i, e in enumerate(article.events)
    )
    event_ids = {old.id: new.id for old, new in zip(article.events, events, strict=True)}
    records = tuple(_record(r, new_id, i, event_ids, both) for i, r in enumerate(article.event_records))
    quotes = tuple(
        dataclasses.replace(q, id=stable_id("quote", new_id, i), speaker=_participant(q.speaker, both))
        for i, q in enumerate(article.quotes)
    )
    return dataclasses.replace(
        article,
        id=new_id,
        source=source,
        published=published,
        actors=actors,
        mentions=tuple(
            dataclasses.replace(m, actor_id=actor_ids.get(m.actor_id or "", m.actor_id)) for m in article.mentions
        ),
        places=tuple(_place(p, group) for p in article.places),
        events=events,
        event_records=records,
        quotes=quotes,
        times=_renumbered(article.times, "time", new_id),
        claims=tuple(
            dataclasses.replace(c, id=stable_id("claim", new_id, i), claimant=_participant(c.claimant, both))
            for i, c in enumerate(article.claims)
        ),
        doc=None,
    )
