"""A Filter as SQL: which rows of a kind a listing, a count or an aggregate reads.

Actor and place names are first resolved to ids with one small query each, so that the listing
itself is a range on an index (events by type and day, by actor id, by place id...) and a page
costs what it shows. Pages are keyset pages: each ends with a cursor holding the last row's sort
key, and the next page starts after it, so page 1,000 costs what page 1 does. Each kind has one
order, its sort key (SORT_KEYS): events and quotes by (day, id), articles by (publication day,
id), times by their place in their article, actors and places by (name, id).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, cast, exists, false, func, or_, select, tuple_, union
from sqlalchemy import String as SqlString
from sqlalchemy.sql.elements import ColumnElement

from wirescope.errors import WirescopeError
from wirescope.store import schema
from wirescope.store.filters import Filter

KINDS = ("articles", "actors", "quotes", "events", "times", "places", "event_records")
# Kinds whose rows belong to one article (a page of them carries each row's article id).
OWNED = ("events", "quotes", "times", "event_records")
_ARTICLE_DAY = func.coalesce(schema.articles.c.published, "")
SORT_KEYS: dict[str, tuple[ColumnElement, ...]] = {
    "events": (schema.events.c.day, schema.events.c.id),
    "quotes": (schema.quotes.c.day, schema.quotes.c.id),
    "articles": (_ARTICLE_DAY, schema.articles.c.id),
    "times": (schema.times.c.article_id, schema.times.c.start, schema.times.c.id),
    "actors": (schema.actors.c.name, schema.actors.c.id),
    "places": (schema.places.c.name, schema.places.c.id),
    "event_records": (schema.event_records.c.day, schema.event_records.c.id),
}
TABLES = {
    "events": schema.events,
    "quotes": schema.quotes,
    "articles": schema.articles,
    "times": schema.times,
    "actors": schema.actors,
    "places": schema.places,
    "event_records": schema.event_records,
}


class BadCursor(WirescopeError):
    """A page cursor that this store did not hand out."""


@dataclass(frozen=True, slots=True)
class IdPage:
    """One page of a listing as ids, in the kind's order, with the cursor of the next page."""

    total: int
    ids: list[str]
    next: str | None
    article_ids: list[str]  # each row's article (events, quotes, times); [] for the other kinds


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def actor_ids(conn: Connection, f: Filter) -> list[str]:
    """The stored actors the filter's `actor` designates (filters.py says how)."""
    a, wanted = schema.actors, (f.actor or "").lower()
    if f.match == "substring":
        named: ColumnElement[bool] = func.lower(a.c.name).like(_like(wanted), escape="\\")
    else:
        # Aliases are a JSON list: the quoted alias inside its text, then checked exactly below.
        named = or_(
            func.lower(a.c.name) == wanted, func.lower(cast(a.c.aliases, SqlString)).contains(wanted, autoescape=True)
        )
    found = conn.execute(select(a.c.id, a.c.name, a.c.aliases).where(or_(a.c.id == f.actor, named))).all()
    if f.match == "substring":
        return sorted(r.id for r in found)
    return sorted(
        r.id
        for r in found
        if r.id == f.actor or r.name.lower() == wanted or any(x.lower() == wanted for x in r.aliases or ())
    )


def place_ids(conn: Connection, f: Filter) -> list[str]:
    """The stored places the filter's `place` designates."""
    p, wanted = schema.places, (f.place or "").lower()
    if f.match == "substring":
        named: ColumnElement[bool] = func.lower(p.c.name).like(_like(wanted), escape="\\")
    else:
        named = func.lower(p.c.name) == wanted
    return sorted(conn.scalars(select(p.c.id).where(or_(p.c.id == f.place, named))))


def _in(column: ColumnElement, ids: list[str]) -> ColumnElement:
    return column.in_(ids) if ids else false()


def _article_scope(conn: Connection, f: Filter, with_dates: bool = True) -> list[ColumnElement]:
    """Conditions on `articles` for the articles a record must come from."""
    a = schema.articles
    conds: list[ColumnElement] = []
    if with_dates and f.since:
        conds.append(a.c.published >= f.since.isoformat())
    if with_dates and f.until:
        conds.append(a.c.published <= f.until.isoformat())
    if f.article_ids:
        conds.append(a.c.id.in_(list(f.article_ids)))
    if f.publisher:
        conds.append(a.c.publisher == f.publisher)
    if f.actor:
        conds.append(a.c.id.in_(articles_naming(actor_ids(conn, f))))
    if f.place:
        pm = schema.place_mentions
        conds.append(a.c.id.in_(select(pm.c.article_id).where(_in(pm.c.place_id, place_ids(conn, f)))))
    return conds


def articles_naming(ids: list[str]):
    """The articles that mention, quote or show acting or acted upon one of these actors."""
    m, q, e = schema.mentions, schema.quotes, schema.events
    return union(
        select(m.c.article_id).where(_in(m.c.actor_id, ids)),
        select(q.c.article_id).where(_in(q.c.speaker_id, ids)),
        select(e.c.article_id).where(or_(_in(e.c.actor_id, ids), _in(e.c.target_id, ids))),
    )


def _scoped_articles(conn: Connection, f: Filter, with_dates: bool = True) -> Select | None:
    conds = _article_scope(conn, f, with_dates)
    return select(schema.articles.c.id).where(*conds) if conds else None


def _day_range(column: ColumnElement, f: Filter) -> list[ColumnElement]:
    conds: list[ColumnElement] = []
    if f.since:
        conds.append(column >= f.since.isoformat())
    if f.until:
        conds.append(and_(column <= f.until.isoformat(), column != ""))
    return conds


def _event_conditions(conn: Connection, f: Filter) -> list[ColumnElement]:
    e = schema.events
    conds = _day_range(e.c.day, f)
    if f.type:
        conds.append(e.c.type == f.type.upper())
    if f.modality:
        conds.append(e.c.modality == f.modality)
    if f.actor:
        ids = actor_ids(conn, f)
        conds.append(or_(_in(e.c.actor_id, ids), _in(e.c.target_id, ids)))
    if f.place:
        conds.append(_in(e.c.place_id, place_ids(conn, f)))
    if f.article_ids:
        conds.append(e.c.article_id.in_(list(f.article_ids)))
    if f.publisher:
        conds.append(e.c.article_id.in_(_published_by(f.publisher)))
    return conds


def _record_conditions(conn: Connection, f: Filter) -> list[ColumnElement]:
    """Event records filter as events do: type, modality, actor or target, place, day, article, publisher."""
    r = schema.event_records
    conds = _day_range(r.c.day, f)
    if f.type:
        conds.append(r.c.type == f.type.upper())
    if f.modality:
        conds.append(r.c.modality == f.modality)
    if f.actor:
        ids = actor_ids(conn, f)
        conds.append(or_(_in(r.c.actor_id, ids), _in(r.c.target_id, ids)))
    if f.place:
        conds.append(_in(r.c.place_id, place_ids(conn, f)))
    if f.article_ids:
        conds.append(r.c.article_id.in_(list(f.article_ids)))
    if f.publisher:
        conds.append(r.c.article_id.in_(_published_by(f.publisher)))
    return conds


def _published_by(publisher: str) -> Select:
    a = schema.articles
    return select(a.c.id).where(a.c.publisher == publisher)


def _quote_conditions(conn: Connection, f: Filter) -> list[ColumnElement]:
    q = schema.quotes
    conds = _day_range(q.c.day, f)
    if f.type:
        conds.append(q.c.kind == f.type.lower())
    if f.actor:
        conds.append(_in(q.c.speaker_id, actor_ids(conn, f)))
    # The article's own scope, each a set of article ids read from an index (a place's from the
    # place-first index on place_mentions), not through `articles` rows.
    if f.place:
        pm = schema.place_mentions
        conds.append(q.c.article_id.in_(select(pm.c.article_id).where(_in(pm.c.place_id, place_ids(conn, f)))))
    if f.article_ids:
        conds.append(q.c.article_id.in_(list(f.article_ids)))
    if f.publisher:
        conds.append(q.c.article_id.in_(_published_by(f.publisher)))
    return conds


def _mentioned_in_scope(conn: Connection, f: Filter, column: ColumnElement, table, key: str) -> ColumnElement | None:
    only = Filter(since=f.since, until=f.until, article_ids=f.article_ids, publisher=f.publisher)
    scope = _scoped_articles(conn, only, True)
    if scope is None:
        return None
    return exists().where(table.c[key] == column, table.c.article_id.in_(scope))


def _actor_conditions(conn: Connection, f: Filter) -> list[ColumnElement]:
    a = schema.actors
    # An actor merged into another is shown under that one (query/records.py).
    conds: list[ColumnElement] = [a.c.merged_into.is_(None)]
    if f.type:
        conds.append(a.c.type == f.type.upper())
    if f.actor:
        conds.append(_in(a.c.id, actor_ids(conn, f)))
    if f.place:
        pm, m = schema.place_mentions, schema.mentions
        places = select(pm.c.article_id).where(_in(pm.c.place_id, place_ids(conn, f)))
        conds.append(exists().where(m.c.actor_id == a.c.id, m.c.article_id.in_(places)))
    scoped = _mentioned_in_scope(conn, f, a.c.id, schema.mentions, "actor_id")
    return conds + ([scoped] if scoped is not None else [])


def _place_conditions(conn: Connection, f: Filter) -> list[ColumnElement]:
    p = schema.places
    conds: list[ColumnElement] = [exists().where(schema.place_mentions.c.place_id == p.c.id)]
    if f.type:
        conds.append(func.lower(p.c.feature) == f.type.lower())
    if f.place:
        conds.append(_in(p.c.id, place_ids(conn, f)))
    if f.actor:
        pm = schema.place_mentions
        naming = articles_naming(actor_ids(conn, f))
        conds.append(exists().where(pm.c.place_id == p.c.id, pm.c.article_id.in_(naming)))
    scoped = _mentioned_in_scope(conn, f, p.c.id, schema.place_mentions, "place_id")
    return conds + ([scoped] if scoped is not None else [])


def conditions(conn: Connection, kind: str, f: Filter) -> list[ColumnElement]:
    """The WHERE of a listing of `kind` under `f`."""
    if kind == "events":
        return _event_conditions(conn, f)
    if kind == "quotes":
        return _quote_conditions(conn, f)
    if kind == "event_records":
        return _record_conditions(conn, f)
    if kind == "actors":
        return _actor_conditions(conn, f)
    if kind == "places":
        return _place_conditions(conn, f)
    if kind == "articles":
        return _article_scope(conn, f)
    if kind == "times":
        scope = _scoped_articles(conn, f)
        return [schema.times.c.article_id.in_(scope)] if scope is not None else []
    raise WirescopeError(f"no listing of {kind!r}; the kinds are: {', '.join(KINDS)}")


def encode_cursor(key: tuple[Any, ...]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> tuple[Any, ...]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError as exc:
        raise BadCursor(f"not a page cursor: {cursor!r}", hint="use the `next` value of the page before") from exc
    if not isinstance(key, list) or len(key) != width:
        raise BadCursor(f"not a page cursor: {cursor!r}", hint="use the `next` value of the page before")
    return tuple(key)


def count(conn: Connection, kind: str, f: Filter) -> int:
    table = TABLES[kind]
    return conn.scalar(select(func.count()).select_from(table).where(*conditions(conn, kind, f))) or 0


def listing_query(conn: Connection, kind: str, f: Filter, limit: int, after: str | None = None) -> Select:
    """The SELECT of one page: ids (and articles) in the kind's order, one row past the page."""
    table, key = TABLES[kind], SORT_KEYS[kind]
    owner = [table.c.article_id] if kind in OWNED else []
    query = select(table.c.id, *owner, *key).where(*conditions(conn, kind, f)).order_by(*key).limit(limit + 1)
    if after:
        query = query.where(tuple_(*key) > tuple_(*decode_cursor(after, len(key))))
    return query


def page_ids(conn: Connection, kind: str, f: Filter, limit: int, after: str | None = None, offset: int = 0) -> IdPage:
    """One page of ids: `limit` rows after the cursor `after` (or after `offset` rows)."""
    query = listing_query(conn, kind, f, limit, after)
    if offset and not after:
        query = query.offset(offset)
    rows = conn.execute(query).all()
    owned = kind in OWNED
    total = count(conn, kind, f)
    shown = rows[:limit]
    cursor = encode_cursor(tuple(shown[-1][2 if owned else 1 :])) if len(rows) > limit and shown else None
    return IdPage(total, [r[0] for r in shown], cursor, [r[1] for r in shown] if owned else [])
