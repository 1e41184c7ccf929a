"""What exports stream: a kind's rows in its listing order, a keyset chunk at a time, with what the
formats need joined in, and never an Article rebuilt.

An export of every event reads each events row once: `stream_owned` pages through the kind's sort
key (store/selection.py SORT_KEYS) with the listing's WHERE, joins the place a row is located at
(only when the article mentions it, as the record does: query/events.py `_geo`), and hands each
chunk over with the articles it points into (their clean text and sentence offsets, read once per
chunk: the evidence and the PLOVER sentence are cut from it) and the applied reviews of those
articles. `stream_articles` does the same a chunk of articles at a time, with every annotation
table of the chunk, for the Web Annotation and FollowTheMoney exports, which list an article's
annotations together.
Memory holds one chunk, whatever the store holds. Each chunk is read on a connection given back
before the chunk is handed over, so that whoever consumes it can read the store meanwhile (an
in-memory store has a single connection).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from wirescope.record import Claim, Review
from wirescope.store import rows, schema, selection
from wirescope.store.filters import Filter

Row = dict[str, Any]
Connect = Callable[[], Connection]  # Engine.connect: each chunk is read on a connection of its own
CHUNK = 2000  # rows per round of queries: a few MiB of text at most
ARTICLE_CHUNK = 100  # articles per round for the Web Annotation and FtM exports (each with all its annotations)
# The article columns a record reads (never `raw`: the source bytes are not exported).
ARTICLE_COLUMNS = ("id", "title", "text", "sentences", "published", "publisher", "language", "uri", "url")
GEO_COLUMNS = ("latitude", "longitude", "country", "admin1", "precision")
# Where each owned kind is located: its place column.
PLACE_COLUMN = {"events": "place_id", "event_records": "place_id"}


@dataclass(frozen=True, slots=True)
class Chunk:
    """A chunk of one kind's rows, in its order, with the articles and reviews they need."""

    rows: list[Row]  # the kind's columns, and located_id, located_latitude ... where it is located
    articles: dict[str, Row]  # ARTICLE_COLUMNS of the articles the rows belong to
    reviews: dict[tuple[str, str], list[Review]] = field(default_factory=dict)  # (kind, annotation id) -> applied


@dataclass(frozen=True, slots=True)
class ArticleChunk:
    """A chunk of articles, in the store's order, with every annotation row of theirs."""

    articles: list[Row]  # ARTICLE_COLUMNS
    parts: dict[str, dict[str, list[Row]]]  # table name -> article id -> rows, in the record's order
    actors: dict[str, Row]  # the actors their mentions name or give a role: id, name, type, aliases
    places: dict[str, Row]  # the places they mention, whole rows
    claims: dict[str, list[Claim]]  # article id -> its claims, in text order
    reviews: dict[tuple[str, str], list[Review]]


def _geo_join(table, select_from):
    """The place the row is located at, when its article mentions that place."""
    p, pm = schema.places, schema.place_mentions
    place_id = table.c[PLACE_COLUMN[table.name]]
    mentioned = exists().where(pm.c.article_id == table.c.article_id, pm.c.place_id == place_id)
    return select_from.outerjoin(p, and_(p.c.id == place_id, mentioned))


def _geo_columns() -> list[Any]:
    """located_id (None: not located, or a place its article does not mention) and the geo fields."""
    return [schema.places.c[c].label(f"located_{c}") for c in ("id", *GEO_COLUMNS)]


def _owned_query(kind: str, where: list[ColumnElement], extra: Sequence[ColumnElement]) -> Select:
    table = selection.TABLES[kind]
    columns: list[Any] = list(table.c)
    source: Any = table
    if kind in PLACE_COLUMN:
        columns += _geo_columns()
        source = _geo_join(table, table)
    return select(*columns).select_from(source).where(*where, *extra).order_by(*selection.SORT_KEYS[kind])


def _after(kind: str, last: Row) -> ColumnElement:
    key = selection.SORT_KEYS[kind]
    return tuple_(*key) > tuple_(*(last[c.name] for c in key))  # (day, id): columns of the kind's table


def stream_owned(
    connect: Connect,
    kind: str,
    f: Filter = Filter(),
    happened_only: bool = False,
    located_only: bool = False,
    chunk: int = CHUNK,
) -> Iterator[Chunk]:
    """Every row of `kind` (events, quotes, event_records, times) passing `f`, in its listing order,
    `chunk` rows at a time; with `happened_only`, only rows asserted and not historical; with
    `located_only`, only rows at a place their article mentions that has coordinates."""
    if kind not in selection.OWNED:
        raise ValueError(f"{kind!r} is not streamed in listing order; the kinds are {', '.join(selection.OWNED)}")
    table = selection.TABLES[kind]
    with connect() as conn:
        where = selection.conditions(conn, kind, f)  # actor and place names resolved once, not per chunk
    if happened_only:
        where += [table.c.modality == "asserted", table.c.historical.is_(False)]
    if located_only:
        p = schema.places
        where += [p.c.latitude.is_not(None), p.c.longitude.is_not(None)]
        if kind == "events":
            where.append(table.c.place_name.is_not(None))  # the record has no place without its name
    after: list[ColumnElement] = []
    known: dict[str, Row] = {}
    while True:
        with connect() as conn:  # given back before the chunk is handed over: the reader may read too
            found = _dicts(conn.execute(_owned_query(kind, where, after).limit(chunk)))
            ids = list(dict.fromkeys(r["article_id"] for r in found))
            # Rows in day order come back to the articles of the chunk before (an event dated in
            # the text, its article's others by publication day): those are not read again.
            # (Times are in article order: at most one article spans two chunks.)
            fresh = article_rows(conn, [i for i in ids if i not in known])
            reviews = applied_reviews(conn, ids)
        if not found:
            return
        known = {i: known.get(i) or fresh[i] for i in ids}
        yield Chunk(found, known, reviews)
        if len(found) < chunk:
            return
        after = [_after(kind, found[-1])]


def _dicts(result) -> list[Row]:
    """The result's rows as plain dicts (zipped with its keys: a fraction of a RowMapping's cost)."""
    keys = list(result.keys())
    return [dict(zip(keys, r, strict=True)) for r in result]


def article_rows(conn: Connection, ids: Sequence[str]) -> dict[str, Row]:
    """ARTICLE_COLUMNS of these articles, by id."""
    a = schema.articles
    query = select(*(a.c[c] for c in ARTICLE_COLUMNS)).where(a.c.id.in_(list(ids)))
    return {r["id"]: dict(r) for r in conn.execute(query).mappings()}


def applied_reviews(conn: Connection, article_ids: Sequence[str]) -> dict[tuple[str, str], list[Review]]:
    """The corrections applied to these articles' annotations, by (kind, annotation id), in the
    order the article lists them (what query/reviews.py reads)."""
    r = schema.reviews
    query = (
        select(r)
        .where(r.c.article_id.in_(list(article_ids)), r.c.status == "applied")
        .order_by(r.c.article_id, r.c.seq)
    )
    found: dict[tuple[str, str], list[Review]] = defaultdict(list)
    for row in conn.execute(query).mappings():
        found[(row["kind"], row["annotation_id"])].append(rows.review_from(dict(row)))
    return dict(found)


def stream_places(connect: Connect, f: Filter = Filter(), chunk: int = CHUNK) -> Iterator[list[Row]]:
    """The places passing `f`, in the listing's order (name, id), `chunk` at a time: each whole
    row with `mentions` and `articles`, its mentions and their articles in the filter's scope (the
    days and actor, as Reading.place_details reads them), counted in SQL; a place with none there
    is left out, as its record is."""
    p, pm, a = schema.places, schema.place_mentions, schema.articles
    with connect() as conn:
        where = selection.conditions(conn, "places", f)
        scope = selection.conditions(conn, "articles", Filter(since=f.since, until=f.until, actor=f.actor))
    after: list[ColumnElement] = []
    while True:
        with connect() as conn:
            page = conn.execute(
                select(p.c.name, p.c.id).where(*where, *after).order_by(p.c.name, p.c.id).limit(chunk)
            ).all()
            ids = [r.id for r in page]
            counted = (
                select(
                    pm.c.place_id,
                    func.count().label("mentions"),
                    func.count(pm.c.article_id.distinct()).label("articles"),
                )
                .join(a, a.c.id == pm.c.article_id)
                .where(pm.c.place_id.in_(ids), *scope)
                .group_by(pm.c.place_id)
                .subquery()
            )
            query = select(p, counted.c.mentions, counted.c.articles).join(counted, counted.c.place_id == p.c.id)
            found = {r["id"]: r for r in _dicts(conn.execute(query))}
        if not page:
            return
        yield [found[i] for i in ids if i in found]
        if len(page) < chunk:
            return
        after = [tuple_(p.c.name, p.c.id) > tuple_(page[-1].name, page[-1].id)]


# --- a chunk of articles with all their annotations (Web Annotations, FtM) -----------------

# Each table in the order its records are listed: the order Store.load rebuilds them in.
_ORDER = {
    "quotes": ("start",),
    "events": ("evidence_start",),
    "mentions": ("seq",),
    "roles": ("start",),
    "times": ("start",),
    "place_mentions": ("start",),
    "claims": ("start",),
}


def _table_rows(conn: Connection, name: str, ids: list[str]) -> dict[str, list[Row]]:
    table = schema.metadata.tables[name]
    columns: list[Any] = list(table.c)
    source: Any = table
    if name in PLACE_COLUMN:
        columns += _geo_columns()
        source = _geo_join(table, table)
    query = (
        select(*columns)
        .select_from(source)
        .where(table.c.article_id.in_(ids))
        .order_by(table.c.article_id, *(table.c[c] for c in _ORDER[name]))
    )
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in _dicts(conn.execute(query)):
        by_article[r["article_id"]].append(r)
    return by_article


def _by_id(conn: Connection, table, columns: Sequence[str], ids: set[str]) -> dict[str, Row]:
    if not ids:
        return {}
    query = select(*(table.c[c] for c in columns)).where(table.c.id.in_(sorted(ids)))
    return {r["id"]: dict(r) for r in conn.execute(query).mappings()}


def stream_articles(connect: Connect, f: Filter = Filter(), chunk: int = ARTICLE_CHUNK) -> Iterator[ArticleChunk]:
    """The articles passing `f` (their scope: days, actor, place, article ids, publisher), in the
    store's order, `chunk` at a time, each chunk with every annotation row of its articles."""
    a = schema.articles
    with connect() as conn:
        where = selection.conditions(conn, "articles", f)
    day = func.coalesce(a.c.published, "")
    after: list[ColumnElement] = []
    while True:
        with connect() as conn:
            query = select(a.c.id, day.label("_day")).where(*where, *after).order_by(day, a.c.id).limit(chunk)
            page = conn.execute(query).all()
            found = _article_chunk(conn, [r.id for r in page]) if page else None
        if found is None:
            return
        yield found
        if len(page) < chunk:
            return
        after = [tuple_(day, a.c.id) > tuple_(page[-1]._day, page[-1].id)]


def _article_chunk(conn: Connection, ids: list[str]) -> ArticleChunk:
    heads = article_rows(conn, ids)
    parts = {name: _table_rows(conn, name, ids) for name in _ORDER}
    claims = {i: [rows.claim_from(r) for r in rs] for i, rs in parts.pop("claims").items()}
    actor_ids = {m["actor_id"] for t in ("mentions", "roles") for ms in parts[t].values() for m in ms if m["actor_id"]}
    place_ids = {m["place_id"] for ms in parts["place_mentions"].values() for m in ms}
    return ArticleChunk(
        [heads[i] for i in ids],
        parts,
        _by_id(conn, schema.actors, ("id", "name", "type", "aliases"), actor_ids),
        _by_id(conn, schema.places, [c.name for c in schema.places.c], place_ids),
        claims,
        applied_reviews(conn, ids),
    )


__all__ = ["ArticleChunk", "Chunk", "stream_articles", "stream_owned", "stream_places"]
