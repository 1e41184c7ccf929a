"""Articles rebuilt from their rows in bulk: one query per table for a whole chunk of articles.

What listings read. The raw input bytes are never loaded here (the Source carries b""): only the
commands that show them (`wirescope show`, an article's evidence page) read them, through
`Store.article`. A caller names the tables it needs (an event page needs events and the place
mentions their geo comes from) and can restrict a table to some row ids (the 50 events of a page).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping

from sqlalchemy import Connection, select

from wirescope.record import Article, Source
from wirescope.store import rows, schema

CHUNK = 200  # articles per round of queries: bounded memory, few statements
ALL_TABLES: tuple[str, ...] = tuple(t.name for t in schema.ARTICLE_TABLES)


def _order(table) -> list:
    if "seq" in table.c:
        return [table.c.article_id, table.c.seq]
    return [table.c.article_id, *(table.c[c] for c in ("start", "evidence_start") if c in table.c)]


def _article_rows(conn: Connection, ids: list[str]) -> dict[str, tuple[dict, Source]]:
    a, s = schema.articles, schema.sources
    query = select(a, s.c.content_type, s.c.encoding).join(s, s.c.sha256 == a.c.source_sha256).where(a.c.id.in_(ids))
    found = {}
    for r in conn.execute(query).mappings():
        row = dict(r)
        found[row["id"]] = (row, Source(row["uri"], row["content_type"], row["source_sha256"], row["encoding"], b""))
    return found


def _parts(
    conn: Connection, ids: list[str], tables: Collection[str], only: Mapping[str, Collection[str]]
) -> dict[str, dict[str, list[dict]]]:
    """table name -> article id -> rows, in the order the record lists them."""
    parts: dict[str, dict[str, list[dict]]] = {t.name: defaultdict(list) for t in schema.ARTICLE_TABLES}
    for table in schema.ARTICLE_TABLES:
        if table.name not in tables:
            continue
        query = select(table).where(table.c.article_id.in_(ids)).order_by(*_order(table))
        if table.name in only:
            query = query.where(table.c.id.in_(list(only[table.name])))
        for r in conn.execute(query).mappings():
            parts[table.name][r["article_id"]].append(dict(r))
    return parts


def _by_id(conn: Connection, table, ids: set[str]) -> dict[str, dict]:
    if not ids:
        return {}
    return {r["id"]: dict(r) for r in conn.execute(select(table).where(table.c.id.in_(sorted(ids)))).mappings()}


def load_articles(
    conn: Connection,
    ids: list[str],
    tables: Collection[str] = ALL_TABLES,
    only: Mapping[str, Collection[str]] | None = None,
) -> list[Article]:
    """The articles with these ids, in this order, with the annotations of `tables` (restricted to
    the row ids in `only`, by table name); unknown ids are left out."""
    result: list[Article] = []
    for start in range(0, len(ids), CHUNK):
        chunk = list(dict.fromkeys(ids[start : start + CHUNK]))
        heads = _article_rows(conn, chunk)
        parts = _parts(conn, chunk, tables, only or {})
        actor_ids = {r["actor_id"] for t in ("mentions", "roles") for rs in parts[t].values() for r in rs}
        place_ids = {r["place_id"] for rs in parts["place_mentions"].values() for r in rs}
        actors = _by_id(conn, schema.actors, {i for i in actor_ids if i})
        places = _by_id(conn, schema.places, place_ids)
        for article_id in chunk:
            if article_id not in heads:
                continue
            row, source = heads[article_id]
            own = {name: by_article.get(article_id, []) for name, by_article in parts.items()}
            result.append(rows.article_from(row, source, own, actors, places))
    return result


def iter_articles(
    conn: Connection, ids: list[str], tables: Collection[str] = ALL_TABLES, chunk: int = CHUNK
) -> Iterator[Article]:
    """The articles one chunk at a time: what a full listing or an export streams through."""
    for start in range(0, len(ids), chunk):
        yield from load_articles(conn, ids[start : start + chunk], tables)
