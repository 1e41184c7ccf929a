"""Counts for pages, in SQL: events per day, events and mentions per place, ties between actors.

Each is a GROUP BY over the rows a Filter selects, with a limit, so a page's cost follows what it
shows, not the store's size. Each answer says how many groups were left out (`more`), so that a
page can offer the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, or_, select, tuple_, union_all

from wirescope.store import schema
from wirescope.store.filters import Filter
from wirescope.store.selection import TABLES, conditions

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Counted:
    """Groups with their counts, commonest (or earliest) first, and how many groups were left out."""

    items: list[Row]
    more: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _limited(rows: list[Row], limit: int, total: int) -> Counted:
    return Counted(rows[:limit], max(0, total - limit))


def events_per_day(conn: Connection, f: Filter, limit: int = 1000) -> Counted:
    """[{"day", "events", "happened"}] in day order ('' = undated first)."""
    e = schema.events
    where = conditions(conn, "events", f)
    asserted = func.sum(case((and_(e.c.modality == "asserted", e.c.historical.is_(False)), 1), else_=0))
    query = (
        select(e.c.day, func.count().label("events"), asserted.label("happened"))
        .where(*where)
        .group_by(e.c.day)
        .order_by(e.c.day)
    )
    rows = [dict(r) for r in conn.execute(query.limit(limit + 1)).mappings()]
    total = conn.scalar(select(func.count(e.c.day.distinct())).where(*where)) or 0
    return _limited(rows, limit, total)


def located_places(conn: Connection, f: Filter, limit: int = 500) -> Counted:
    """Places with coordinates among those the filter selects, most mentioned first, each with
    its mention count and the count of selected events placed there."""
    p, pm, e = schema.places, schema.place_mentions, schema.events
    where = [*conditions(conn, "places", f), p.c.latitude.is_not(None), p.c.longitude.is_not(None)]
    mentions = select(pm.c.place_id, func.count().label("n")).group_by(pm.c.place_id).subquery()
    events = select(e.c.place_id, func.count().label("n")).where(*conditions(conn, "events", f.scope()))
    events_sq = events.where(e.c.place_id.is_not(None)).group_by(e.c.place_id).subquery()
    query = (
        select(
            p.c.id,
            p.c.name,
            p.c.latitude,
            p.c.longitude,
            p.c.country,
            p.c.admin1,
            p.c.feature,
            p.c.precision,
            func.coalesce(mentions.c.n, 0).label("mention_count"),
            func.coalesce(events_sq.c.n, 0).label("event_count"),
        )
        .select_from(
            p.outerjoin(mentions, mentions.c.place_id == p.c.id).outerjoin(events_sq, events_sq.c.place_id == p.c.id)
        )
        .where(*where)
        .order_by(func.coalesce(mentions.c.n, 0).desc(), p.c.name, p.c.id)
        .limit(limit + 1)
    )
    rows = [dict(r) for r in conn.execute(query).mappings()]
    total = conn.scalar(select(func.count()).select_from(p).where(*where)) or 0
    return _limited(rows, limit, total)


def _event_ties(conn: Connection, f: Filter, types: tuple[str, ...] | None = None, dead: dict | None = None):
    e = schema.events
    where = [*conditions(conn, "events", f), e.c.actor_id.is_not(None), e.c.target_id.is_not(None)]
    where.append(e.c.historical.is_(False))  # a tie recalled from the past is not a tie between today's actors
    if types is not None:
        where.append(e.c.type.in_(types))
    for actor, died in sorted((dead or {}).items()):  # a dead doer's later acts are not ties (query/lifespans.py)
        where.append(or_(e.c.actor_id != actor, e.c.day <= died))
    return select(
        e.c.actor_id.label("source"),
        e.c.target_id.label("target"),
        e.c.type.label("tie_type"),
        literal("event").label("kind"),
        e.c.id.label("record_id"),
        e.c.article_id.label("article_id"),
    ).where(*where, e.c.actor_id != e.c.target_id)


def _quote_ties(conn: Connection, f: Filter, dead: dict | None = None):
    """A quote ties its speaker to every other actor named inside the quoted words (not a dead
    speaker's quote dated after the death: recalled words, or someone else's)."""
    q, m = schema.quotes, schema.mentions
    where = conditions(conn, "quotes", f)
    for actor, died in sorted((dead or {}).items()):
        where.append(or_(q.c.speaker_id != actor, q.c.day <= died))
    return (
        select(
            q.c.speaker_id.label("source"),
            m.c.actor_id.label("target"),
            literal("QUOTE").label("tie_type"),
            literal("quote").label("kind"),
            q.c.id.label("record_id"),
            q.c.article_id.label("article_id"),
        )
        .select_from(q.join(m, m.c.article_id == q.c.article_id))
        .where(
            *where,
            q.c.speaker_id.is_not(None),
            m.c.actor_id.is_not(None),
            m.c.actor_id != q.c.speaker_id,
            m.c.start >= q.c.start,
            m.c.end <= q.c.end,
        )
        .distinct()
    )


def ties(
    conn: Connection,
    f: Filter,
    limit: int = 100,
    types: tuple[str, ...] | None = None,
    quotes: bool = True,
    dead: dict[str, str] | None = None,
) -> Counted:
    """The heaviest ties [{"source", "target", "tie_type", "weight", "stories", "records"}], heaviest first.

    A tie is (source actor, target actor, event type or QUOTE); its weight is how many records
    show it, `stories` how many independent stories (syndicated copies once). `records` are its
    events or quotes (at most EVIDENCE_PER_TIE). `types` keeps only those event types; without
    `quotes` no speech tie is counted; `dead` (actor id -> death day) drops a dead doer's later acts.
    """
    parts = [_event_ties(conn, f, types, dead)]
    if quotes:
        parts.append(_quote_ties(conn, f, dead))
    every = union_all(*parts).subquery()
    key = (every.c.source, every.c.target, every.c.tie_type)
    a = schema.articles
    stories = func.count(func.coalesce(a.c.story_id, a.c.id).distinct())
    grouped = (
        select(*key, func.count().label("weight"), stories.label("stories"))
        .select_from(every.join(a, a.c.id == every.c.article_id))
        .group_by(*key)
        .order_by(stories.desc(), func.count().desc(), *key)
        .limit(limit + 1)
    )
    rows = [dict(r) for r in conn.execute(grouped).mappings()]
    total = conn.scalar(select(func.count()).select_from(select(*key).group_by(*key).subquery())) or 0
    shown = rows[:limit]
    if shown:
        wanted = [(r["source"], r["target"], r["tie_type"]) for r in shown]
        evidence = conn.execute(
            select(every.c.source, every.c.target, every.c.tie_type, every.c.kind, every.c.record_id)
            .where(tuple_(*key).in_(wanted))
            .order_by(every.c.record_id)
        ).all()
        by_tie: dict[tuple, list[tuple[str, str]]] = {}
        for e in evidence:
            by_tie.setdefault((e.source, e.target, e.tie_type), []).append((e.kind, e.record_id))
        for r in shown:
            r["records"] = by_tie.get((r["source"], r["target"], r["tie_type"]), [])[:EVIDENCE_PER_TIE]
    return _limited(shown, limit, total)


EVIDENCE_PER_TIE = 5  # evidence built per tie: a page links a few; the weight counts them all


def actor_summaries(conn: Connection, ids: list[str]) -> dict[str, Row]:
    """Name, type and number of articles mentioning each of these actors."""
    if not ids:
        return {}
    a, m = schema.actors, schema.mentions
    articles = (
        select(m.c.actor_id, func.count(m.c.article_id.distinct()).label("articles"))
        .where(m.c.actor_id.in_(ids))
        .group_by(m.c.actor_id)
        .subquery()
    )
    query = (
        select(a.c.id, a.c.name, a.c.type, func.coalesce(articles.c.articles, 0).label("articles"))
        .select_from(a.outerjoin(articles, articles.c.actor_id == a.c.id))
        .where(a.c.id.in_(ids))
    )
    return {r["id"]: dict(r) for r in conn.execute(query).mappings()}


def detail_counts(conn: Connection, kind: str, ids: list[str]) -> dict[str, int]:
    """How many rows building each of these actors' or places' records reads (Store.actor_details,
    Store.place_details, whatever the filter): an actor's mentions, roles and relations, with
    those of the actors merged into it; a place's mentions. Counted in SQL, nothing else read."""
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    if kind == "places":
        pm = schema.place_mentions
        queries = [select(pm.c.place_id, func.count()).where(pm.c.place_id.in_(ids)).group_by(pm.c.place_id)]
    else:
        a = schema.actors
        shown = case((a.c.id.in_(ids), a.c.id), else_=a.c.merged_into)
        queries = [
            select(shown, func.count())
            .select_from(t.join(a, a.c.id == column))
            .where(a.c.id.in_(ids) | a.c.merged_into.in_(ids))
            .group_by(shown)
            for t, column in (
                (schema.mentions, schema.mentions.c.actor_id),
                (schema.roles, schema.roles.c.actor_id),
                (schema.relations, schema.relations.c.subject_id),
            )
        ]
    for query in queries:
        for shown_id, n in conn.execute(query):
            counts[shown_id] += n
    return counts


def value_counts(conn: Connection, kind: str, f: Filter, column: str, limit: int = 50) -> Counted:
    """[{"value", "count"}] of one column over the rows a filter selects, commonest first (facets)."""
    table = TABLES[kind]
    col = table.c[column]
    where = [*conditions(conn, kind, f), col.is_not(None)]
    query = select(col.label("value"), func.count().label("count")).where(*where).group_by(col)
    rows = [dict(r) for r in conn.execute(query.order_by(func.count().desc(), col).limit(limit + 1)).mappings()]
    total = conn.scalar(select(func.count(col.distinct())).where(*where)) or 0
    return _limited(rows, limit, total)
