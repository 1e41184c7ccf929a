"""Full-text search in SQL: SQLite FTS5, or PostgreSQL's full text (store/fulltext.py).

Snippets come back with matches between two private-use characters (OPEN, CLOSE), which cannot
occur in a cleaned article; query/search.py cuts them into parts.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from wirescope.store.fulltext import FTS_TABLE, PG_DOCUMENT

OPEN, CLOSE = "\ue000", "\ue001"
_SNIPPET_TOKENS = 24


def fts5_query(q: str) -> str:
    """The user's words as an FTS5 query that cannot be a syntax error: every word quoted, all required.

    FTS5's own operators (NEAR, OR, column filters) are lost; a search box typed by people
    breaks on them more often than it needs them.
    """
    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: Connection, q: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    if conn.dialect.name == "postgresql":
        return _search_postgres(conn, q, limit, offset)
    return _search_sqlite(conn, q, limit, offset)


def _search_sqlite(conn: Connection, q: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    match = fts5_query(q)
    if not match:
        return 0, []
    where = f"FROM {FTS_TABLE} JOIN articles a ON a.rowid = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH :q"
    total = conn.execute(text(f"SELECT count(*) {where}"), {"q": match}).scalar_one()
    rows = conn.execute(
        text(
            f"SELECT a.id, a.title, a.publisher, a.published, "
            f"snippet({FTS_TABLE}, 1, :open, :close, '…', {_SNIPPET_TOKENS}) AS snippet "
            f"{where} ORDER BY rank LIMIT :limit OFFSET :offset"
        ),
        {"q": match, "open": OPEN, "close": CLOSE, "limit": limit, "offset": offset},
    ).mappings()
    return total, [dict(r) for r in rows]


def _search_postgres(conn: Connection, q: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    query = "websearch_to_tsquery('english', :q)"
    where = f"FROM articles WHERE {PG_DOCUMENT} @@ {query}"
    options = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=35, MinWords=15"
    total = conn.execute(text(f"SELECT count(*) {where}"), {"q": q}).scalar_one()
    rows = conn.execute(
        text(
            f"SELECT id, title, publisher, published, "
            f"ts_headline('english', text, {query}, :options) AS snippet {where} "
            f"ORDER BY ts_rank({PG_DOCUMENT}, {query}) DESC, id LIMIT :limit OFFSET :offset"
        ),
        {"q": q, "options": options, "limit": limit, "offset": offset},
    ).mappings()
    return total, [dict(r) for r in rows]
