"""The bulk write path: many articles in one transaction, one multi-row INSERT per table.

For loading a large store at once (benchmarks/scale.py, restoring an export): each article replaces
any earlier copy, as with `Store.save`, but the rows of the whole batch go in together. It does not
group syndicated copies into stories (store/syndication.py) nor link actors across articles
(resolve/): those look at other articles and are run after the load by whoever needs them. It
takes no row locks: it is for one writer, not for ingesters running side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from wirescope.record import Article
from wirescope.store import rows, schema
from wirescope.store.actor_links import index_actors, unindex_actors
from wirescope.store.claim_links import index_article_claims, queue_old_propositions
from wirescope.store.corrections import corrected_many
from wirescope.store.transactions import writing

CHUNK_ROWS = 2000  # rows per INSERT statement: below SQLite's and psycopg's parameter limits


def _dialect_insert(conn: Connection, table):
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def _insert(conn: Connection, table, new_rows: list[dict], conflict_key: str | None = None) -> None:
    for start in range(0, len(new_rows), CHUNK_ROWS):
        chunk = new_rows[start : start + CHUNK_ROWS]
        stmt = _dialect_insert(conn, table)
        if conflict_key:
            stmt = stmt.on_conflict_do_nothing(index_elements=[conflict_key])
        conn.execute(stmt, chunk)


def _upsert_articles(conn: Connection, article_rows: list[dict]) -> None:
    stmt = _dialect_insert(conn, schema.articles)
    update = {c.name: stmt.excluded[c.name] for c in schema.articles.columns if c.name not in ("id", "story_id")}
    for start in range(0, len(article_rows), CHUNK_ROWS):
        conn.execute(
            stmt.on_conflict_do_update(index_elements=["id"], set_=update), article_rows[start : start + CHUNK_ROWS]
        )


def _merge_aliases(conn: Connection, articles: Sequence[Article]) -> None:
    """Aliases an article gives a known actor are added to the actor's row, as `save` does."""
    wanted: dict[str, set[str]] = {}
    for a in articles:
        for actor in a.actors:
            wanted.setdefault(actor.id, set()).update(actor.aliases)
    ids = sorted(wanted)
    for start in range(0, len(ids), CHUNK_ROWS):
        chunk = ids[start : start + CHUNK_ROWS]
        for actor_id, known in conn.execute(
            select(schema.actors.c.id, schema.actors.c.aliases).where(schema.actors.c.id.in_(chunk))
        ):
            merged = sorted(set(known or []) | wanted[actor_id])
            if merged != sorted(known or []):
                conn.execute(schema.actors.update().where(schema.actors.c.id == actor_id).values(aliases=merged))


def _drop_orphans(conn: Connection, candidates: set[str]) -> None:
    if not candidates:
        return
    m = schema.mentions
    used = set(conn.scalars(select(m.c.actor_id).where(m.c.actor_id.in_(sorted(candidates))).group_by(m.c.actor_id)))
    orphans = sorted(candidates - used)
    if orphans:
        unindex_actors(conn, orphans)
        conn.execute(delete(schema.actors).where(schema.actors.c.id.in_(orphans)))


def save_many(engine, articles: Sequence[Article], pipeline: Sequence[str] = ()) -> int:
    """Store a batch of articles in one transaction; returns how many were written."""
    if not articles:
        return 0
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    ids = [a.id for a in articles]
    with writing(engine) as conn:
        _insert(
            conn,
            schema.sources,
            list({a.source.sha256: rows.source_row(a.source) for a in articles}.values()),
            "sha256",
        )
        m = schema.mentions
        old_actors = set(conn.scalars(select(m.c.actor_id).where(m.c.article_id.in_(ids), m.c.actor_id.is_not(None))))
        _upsert_articles(conn, [rows.article_row(a, list(pipeline), stamp) for a in articles])
        queue_old_propositions(conn, ids)
        for table in schema.ARTICLE_TABLES:
            conn.execute(delete(table).where(table.c.article_id.in_(ids)))
        articles = corrected_many(conn, list(articles))  # human corrections, as `save` applies them
        _insert(conn, schema.actors, list({x.id: rows.actor_row(x) for a in articles for x in a.actors}.values()), "id")
        _merge_aliases(conn, articles)
        index_actors(conn, {x.id for a in articles for x in a.actors})
        _insert(conn, schema.places, list({p.id: rows.place_row(p) for a in articles for p in a.places}.values()), "id")
        by_table: dict[str, list[dict]] = {}
        for a in articles:
            for name, table_rows in rows.annotation_rows(a).items():
                by_table.setdefault(name, []).extend(table_rows)
        for name, table_rows in by_table.items():
            if table_rows:
                _insert(conn, schema.metadata.tables[name], table_rows)
        index_article_claims(conn, ids)  # queued: the next `resolve_claims` groups them
        _drop_orphans(conn, old_actors - {x.id for a in articles for x in a.actors})
    return len(articles)
