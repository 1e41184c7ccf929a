"""Filtered, paginated listings of the record: what the JSON API, the web views and reports read.

Filters select articles in SQL first (by publication date, actor mentioned, place mentioned), then
the records of those articles are built with query/records.py (the one JSON contract) and the
per-record filters (type, modality, who, where, when) are applied to them. That second step runs in
Python: fine for tens of thousands of records, not for millions; the SQL pre-selection keeps the
common case (a date range, an actor) small.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, union

from wirescope.query.records import Record, records
from wirescope.store import Store, schema

MAX_LIMIT = 500
# The field the `type` filter compares, per kind.
TYPE_FIELDS = {"events": "type", "actors": "type", "quotes": "kind", "places": "feature"}


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing is narrowed to. Actor and place take an id or a name (case-insensitive)."""

    actor: str | None = None
    place: str | None = None
    type: str | None = None  # events: PLOVER type; actors: actor type; quotes: kind; places: feature
    modality: str | None = None  # events only
    since: date | None = None
    until: date | None = None

    def is_empty(self) -> bool:
        return not any((self.actor, self.place, self.type, self.modality, self.since, self.until))


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    limit: int
    offset: int
    items: list[Record]

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def actor_ids_for(store: Store, actor: str) -> set[str]:
    """Ids of the actors an id, name or alias designates."""
    wanted = actor.casefold()
    return {
        r["id"]
        for r in store.actor_rows()
        if r["id"] == actor or r["name"].casefold() == wanted or any(a.casefold() == wanted for a in r["aliases"] or ())
    }


def place_ids_for(store: Store, place: str) -> set[str]:
    """Ids of the places an id or a name designates."""
    with store.engine.connect() as conn:
        return set(
            conn.scalars(
                select(schema.places.c.id).where(
                    or_(schema.places.c.id == place, func.lower(schema.places.c.name) == place.lower())
                )
            )
        )


def published_dates(store: Store) -> dict[str, str | None]:
    """Each article's publication date (ISO), by article id."""
    with store.engine.connect() as conn:
        return dict(conn.execute(select(schema.articles.c.id, schema.articles.c.published)).all())


def record_date(kind: str, record: Record, published: dict[str, str | None]) -> str | None:
    """The day a record is about: an event's own day when the text gives one, else its article's date."""
    if kind == "articles":
        return record["published"]
    if kind == "events" and record["time"] and _is_day(record["time"]["value"]):
        return record["time"]["value"][:10]
    return published.get(record.get("article_id", ""))


def _is_day(value: str | None) -> bool:
    try:
        date.fromisoformat((value or "")[:10])
        return True
    except ValueError:
        return False


def _article_ids(store: Store, f: Filters, actor_ids: set[str], place_ids: set[str], kind: str) -> list[str] | None:
    """The articles worth reading for this listing; None means all of them."""
    a = schema.articles
    query = select(a.c.id).order_by(a.c.published, a.c.id)
    narrowed = False
    # Events carry their own dates, so an article published after `until` can still report an
    # event inside the range: the date filter for events is applied per record instead.
    if kind != "events" and f.since:
        query, narrowed = query.where(a.c.published >= f.since.isoformat()), True
    if kind != "events" and f.until:
        query, narrowed = query.where(a.c.published <= f.until.isoformat()), True
    if f.actor is not None:
        query, narrowed = query.where(a.c.id.in_(_articles_naming_actors(actor_ids))), True
    if f.place is not None:
        query, narrowed = (
            query.where(
                a.c.id.in_(
                    select(schema.place_mentions.c.article_id).where(schema.place_mentions.c.place_id.in_(place_ids))
                )
            ),
            True,
        )
    if not narrowed:
        return None
    with store.engine.connect() as conn:
        return list(conn.scalars(query))


def _articles_naming_actors(actor_ids: set[str]):
    m, q, e = schema.mentions, schema.quotes, schema.events
    return union(
        select(m.c.article_id).where(m.c.actor_id.in_(actor_ids)),
        select(q.c.article_id).where(q.c.speaker_id.in_(actor_ids)),
        select(e.c.article_id).where(or_(e.c.actor_id.in_(actor_ids), e.c.target_id.in_(actor_ids))),
    )


def _participant_is(p: Record | None, ids: set[str], name: str | None) -> bool:
    if p is None or name is None:
        return False
    return p["id"] in ids or p["name"].casefold() == name.casefold()


def _type_matches(kind: str, r: Record, wanted: str | None) -> bool:
    field = TYPE_FIELDS.get(kind)
    return not (wanted and field) or (r.get(field) or "").casefold() == wanted.casefold()


def keeps(kind: str, r: Record, f: Filters, actor_ids: set[str], place_ids: set[str], day: str | None) -> bool:
    """Whether one record passes the per-record filters."""
    if f.since and (day is None or day < f.since.isoformat()):
        return False
    if f.until and (day is None or day > f.until.isoformat()):
        return False
    if not _type_matches(kind, r, f.type):
        return False
    if f.modality and kind == "events" and r["modality"] != f.modality:
        return False
    if (
        f.actor
        and kind == "events"
        and not (_participant_is(r["actor"], actor_ids, f.actor) or _participant_is(r["target"], actor_ids, f.actor))
    ):
        return False
    if f.actor and kind == "quotes" and not _participant_is(r["speaker"], actor_ids, f.actor):
        return False
    return not (f.place and kind == "events" and not _participant_is(r["place"], place_ids, f.place))


def filtered(store: Store, kind: str, f: Filters = Filters()) -> list[Record]:
    """Every record of a kind that passes the filters, in the store's order (by article date)."""
    actor_ids = actor_ids_for(store, f.actor) if f.actor else set()
    place_ids = place_ids_for(store, f.place) if f.place else set()
    ids = _article_ids(store, f, actor_ids, place_ids, kind)
    found = records(store, kind, ids)
    if kind == "actors" and f.actor:
        found = [r for r in found if r["id"] in actor_ids]
    if kind == "places" and f.place:
        found = [r for r in found if r["id"] in place_ids]
    if kind in ("actors", "places"):
        # They span articles: the date range, actor and place already chose their articles.
        return [r for r in found if _type_matches(kind, r, f.type)]
    published = published_dates(store) if (f.since or f.until) else {}
    return [r for r in found if keeps(kind, r, f, actor_ids, place_ids, record_date(kind, r, published))]


def browse(store: Store, kind: str, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    """One page of a filtered listing."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    found = filtered(store, kind, f)
    return Page(len(found), limit, offset, found[offset : offset + limit])


def counts(store: Store) -> dict[str, int]:
    """How many of each kind of record the store holds."""
    return store.counts()
