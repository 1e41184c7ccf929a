"""The store's reading interface: what query/ and web/ ask, answered in SQL.

Listing (a Filter, the kind's order, keyset pages), counts, aggregates for pages, get-by-id,
full-text search, and the rows that listing records are built from. Nothing here returns raw
input bytes except `Store.article` (the commands that show an article's source).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from wirescope.record import Article
from wirescope.store import aggregates, digest, event_links, exporting, loading, schema, search, selection
from wirescope.store.filters import Filter

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Details:
    """Rows of some actors or places across the articles a filter keeps, in the record's order
    (articles by publication day and id, then by offset): what their records are built from."""

    heads: list[Row]  # the actor or place rows; for actors also those merged into them
    mentions: list[Row]
    roles: list[Row]
    relations: list[Row]
    shown_as: dict[str, str]  # actor id -> the id it is shown under (relation objects)


class Reading:
    """Mixed into Store: every read a listing, a page or an export makes."""

    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def page(self, kind: str, f: Filter = Filter(), limit: int = 50, after: str | None = None, offset: int = 0):
        """One page of ids of `kind` passing `f`, in the kind's order (selection.SORT_KEYS)."""
        with self.engine.connect() as conn:
            return selection.page_ids(conn, kind, f, limit, after, offset)

    def owners(self, kind: str, ids: list[str]) -> dict[str, str]:
        """The article of each of these events, quotes, times, event records or claims (get-by-id
        for records; the tables are named as the kinds)."""
        table = selection.TABLES.get(kind, schema.metadata.tables.get(kind))
        if table is None or "article_id" not in table.c:
            raise ValueError(f"{kind!r} is not a kind of annotation an article owns")
        with self.engine.connect() as conn:
            return dict(conn.execute(select(table.c.id, table.c.article_id).where(table.c.id.in_(ids))).all())

    def count(self, kind: str, f: Filter = Filter()) -> int:
        with self.engine.connect() as conn:
            return selection.count(conn, kind, f)

    def load(
        self,
        ids: list[str],
        tables: Collection[str] = loading.ALL_TABLES,
        only: Mapping[str, Collection[str]] | None = None,
    ) -> list[Article]:
        """Articles by id, rebuilt from their rows (no raw bytes), with the annotations asked for."""
        with self.engine.connect() as conn:
            return loading.load_articles(conn, ids, tables, only)

    def stream(self, ids: list[str] | None = None, tables: Collection[str] = loading.ALL_TABLES) -> Iterator[Article]:
        """Every article (or these), in the store's order, a chunk of rows at a time."""
        with self.engine.connect() as conn:
            every = ids if ids is not None else list(self._ordered_ids(conn))
            yield from loading.iter_articles(conn, every, tables)

    def export_rows(
        self, kind: str, f: Filter = Filter(), happened_only: bool = False, located_only: bool = False
    ) -> Iterator[exporting.Chunk]:
        """Every row of `kind` (events, quotes, event_records, times) passing `f`, in its listing order, a
        keyset chunk at a time, with the articles and reviews its records need (store/exporting.py):
        what the exports stream, without rebuilding Articles. `happened_only`: asserted and not
        historical; `located_only`: at a place with coordinates that their article mentions."""
        return exporting.stream_owned(self.engine.connect, kind, f, happened_only, located_only)

    def export_places(self, f: Filter = Filter()) -> Iterator[list[Row]]:
        """The places passing `f` in the listing's order, a chunk at a time, each with its
        mentions and their articles counted in SQL (store/exporting.py): the GeoJSON's places."""
        return exporting.stream_places(self.engine.connect, f)

    def export_articles(self, f: Filter = Filter()) -> Iterator[exporting.ArticleChunk]:
        """The articles passing `f` in the store's order, a chunk at a time, each with all its
        annotation rows (store/exporting.py): what the Web Annotation and FtM exports stream."""
        return exporting.stream_articles(self.engine.connect, f)

    @staticmethod
    def _ordered_ids(conn) -> Iterator[str]:
        a = schema.articles
        return conn.scalars(select(a.c.id).order_by(func.coalesce(a.c.published, ""), a.c.id))

    def events_per_day(self, f: Filter = Filter(), limit: int = 1000) -> aggregates.Counted:
        with self.engine.connect() as conn:
            return aggregates.events_per_day(conn, f, limit)

    def located_places(self, f: Filter = Filter(), limit: int = 500) -> aggregates.Counted:
        with self.engine.connect() as conn:
            return aggregates.located_places(conn, f, limit)

    def ties(
        self,
        f: Filter = Filter(),
        limit: int = 100,
        types: tuple[str, ...] | None = None,
        quotes: bool = True,
        dead: dict[str, str] | None = None,
    ) -> aggregates.Counted:
        with self.engine.connect() as conn:
            return aggregates.ties(conn, f, limit, types, quotes, dead)

    def value_counts(self, kind: str, f: Filter, column: str, limit: int = 50) -> aggregates.Counted:
        """How many rows of `kind` under `f` have each value of `column` (the web's facets)."""
        with self.engine.connect() as conn:
            return aggregates.value_counts(conn, kind, f, column, limit)

    def actor_summaries(self, ids: list[str]) -> dict[str, Row]:
        with self.engine.connect() as conn:
            return aggregates.actor_summaries(conn, ids)

    def detail_counts(self, kind: str, ids: list[str]) -> dict[str, int]:
        """Rows each of these actors or places has for its record (mentions, roles, relations),
        counted in SQL: how an export cuts its batches of `actor_details`/`place_details`."""
        with self.engine.connect() as conn:
            return aggregates.detail_counts(conn, kind, ids)

    def search(self, q: str, limit: int, offset: int) -> tuple[int, list[Row]]:
        """Articles matching every word of q, best first: (total, rows with a marked snippet)."""
        with self.engine.connect() as conn:
            return search.search(conn, q, limit, offset)

    def event_clusters(self, event_ids: list[str]) -> dict[str, str]:
        """The event cluster of each of these events that has been resolved (store/event_links.py)."""
        with self.engine.connect() as conn:
            return event_links.clusters_of(conn, event_ids)

    def cluster_summaries(self, cluster_ids: list[str]) -> dict[str, event_links.ClusterSummary]:
        """Per event cluster: independent stories (syndicated copies once), publishers, articles,
        and the fatality figures its reports give (store/event_links.py)."""
        with self.engine.connect() as conn:
            return event_links.summaries(conn, cluster_ids)

    def cluster_members(self, cluster_id: str) -> tuple[list[str], list[Row]]:
        """The events of one cluster, by id, and the links between them (score and reasons)."""
        with self.engine.connect() as conn:
            members = event_links.cluster_members(conn, cluster_id)
            return members, event_links.cluster_links(conn, members)

    def actor_details(self, ids: list[str], f: Filter = Filter()) -> Details:
        """The rows of these (shown) actors' records: merged actors, mentions, roles, relations."""
        a, m, r, rel = schema.actors, schema.mentions, schema.roles, schema.relations
        with self.engine.connect() as conn:
            heads = [
                dict(x)
                for x in conn.execute(
                    select(a).where((a.c.id.in_(ids)) | (a.c.merged_into.in_(ids))).order_by(a.c.name, a.c.id)
                ).mappings()
            ]
            every = [h["id"] for h in heads]
            scope = selection.conditions(conn, "articles", Filter(since=f.since, until=f.until, place=f.place))
            mentions = self._in_articles(conn, m, m.c.actor_id.in_(every), scope, m.c.seq)
            roles = self._in_articles(conn, r, r.c.actor_id.in_(every), scope, r.c.start)
            relations = self._in_articles(conn, rel, rel.c.subject_id.in_(every), scope, rel.c.start)
            objects = sorted({x["object_id"] for x in relations})
            shown_as = {
                x.id: x.merged_into or x.id
                for x in conn.execute(select(a.c.id, a.c.merged_into).where(a.c.id.in_(objects)))
            }
        return Details(heads, mentions, roles, relations, shown_as)

    def place_details(self, ids: list[str], f: Filter = Filter()) -> Details:
        """The rows of these places' records: the places and their mentions."""
        p, pm = schema.places, schema.place_mentions
        with self.engine.connect() as conn:
            heads = [dict(x) for x in conn.execute(select(p).where(p.c.id.in_(ids))).mappings()]
            scope = selection.conditions(conn, "articles", Filter(since=f.since, until=f.until, actor=f.actor))
            mentions = self._in_articles(conn, pm, pm.c.place_id.in_(ids), scope, pm.c.start)
        return Details(heads, mentions, [], [], {})

    @staticmethod
    def _in_articles(conn, table, which, scope: list, then) -> list[Row]:
        a = schema.articles
        query = (
            select(table)
            .join(a, a.c.id == table.c.article_id)
            .where(which, *scope)
            .order_by(func.coalesce(a.c.published, ""), table.c.article_id, then)
        )
        return [dict(x) for x in conn.execute(query).mappings()]

    # --- the analyst's desk and the report (store/digest.py) --------------------------------

    def digest(self, name: str, *args: Any) -> Any:
        """One of store/digest.py's counts by name (DIGESTS), over one connection:
        `store.digest("key_event_groups", f, 10)`."""
        if name not in DIGESTS:
            raise ValueError(f"no digest {name!r}; the digests are: {', '.join(DIGESTS)}")
        with self.engine.connect() as conn:
            return getattr(digest, name)(conn, *args)


DIGESTS = (
    "happened_per_day_by_type",
    "key_event_groups",
    "group_members",
    "key_event_clusters",
    "cluster_reports",
    "count_left_out",
    "tally",
    "fatality_reports",
    "place_stories",
    "top_speakers",
    "speaker_quote_ids",
    "newest_articles",
    "scope_sizes",
    "publishers",
    "outlet_actor_ids",
    "doers",
    "persons",
    "last_days",
)
