"""Full-text search over articles: SQLite FTS5, or PostgreSQL's full text (store/fulltext.py).

A hit carries a snippet as parts, each flagged whether it matched, so that no caller has to
parse markup out of it: the web escapes each part, the CLI prints them as it likes.
"""

from __future__ import annotations

import re

from sqlalchemy import text

from wirescope.query.browse import MAX_LIMIT, Page
from wirescope.query.records import Record
from wirescope.store import Store
from wirescope.store.fulltext import FTS_TABLE, PG_DOCUMENT

# Private-use characters mark matches inside snippets: they cannot occur in a cleaned article.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SNIPPET_TOKENS = 24


def fts5_query(q: str) -> str:
    """The user's words as an FTS5 query that cannot be a syntax error: every word quoted, all required.

    FTS5's own operators (NEAR, OR, column filters) are lost; a search box typed by people
    breaks on them more often than it needs them.
    """
    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def snippet_parts(snippet: str) -> list[dict]:
    """A marked snippet as [{"text": ..., "match": bool}, ...]."""
    parts = []
    for piece in re.split(f"({_OPEN}.*?{_CLOSE})", snippet or ""):
        if piece:
            matched = piece.startswith(_OPEN)
            parts.append({"text": piece.strip(_OPEN + _CLOSE), "match": matched})
    return parts


def search(store: Store, q: str, limit: int = 20, offset: int = 0) -> Page:
    """Articles matching every word of `q`, best first, with a snippet around the matches."""
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    if store.engine.dialect.name == "postgresql":
        return _search_postgres(store, q, limit, offset)
    return _search_sqlite(store, q, limit, offset)


def _hit(row) -> Record:
    return {
        "id": row.id,
        "title": row.title,
        "publisher": row.publisher,
        "published": row.published,
        "snippet": snippet_parts(row.snippet),
    }


def _search_sqlite(store: Store, q: str, limit: int, offset: int) -> Page:
    match = fts5_query(q)
    if not match:
        return Page(0, limit, offset, [])
    where = f"FROM {FTS_TABLE} JOIN articles a ON a.rowid = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH :q"
    with store.engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {where}"), {"q": match}).scalar_one()
        rows = conn.execute(
            text(
                f"SELECT a.id, a.title, a.publisher, a.published, "
                f"snippet({FTS_TABLE}, 1, :open, :close, '…', {_SNIPPET_TOKENS}) AS snippet "
                f"{where} ORDER BY rank LIMIT :limit OFFSET :offset"
            ),
            {"q": match, "open": _OPEN, "close": _CLOSE, "limit": limit, "offset": offset},
        ).all()
    return Page(total, limit, offset, [_hit(r) for r in rows])


def _search_postgres(store: Store, q: str, limit: int, offset: int) -> Page:
    query = "websearch_to_tsquery('english', :q)"
    where = f"FROM articles WHERE {PG_DOCUMENT} @@ {query}"
    options = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=35, MinWords=15"
    with store.engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {where}"), {"q": q}).scalar_one()
        rows = conn.execute(
            text(
                f"SELECT id, title, publisher, published, "
                f"ts_headline('english', text, {query}, :options) AS snippet {where} "
                f"ORDER BY ts_rank({PG_DOCUMENT}, {query}) DESC, id LIMIT :limit OFFSET :offset"
            ),
            {"q": q, "options": options, "limit": limit, "offset": offset},
        ).all()
    return Page(total, limit, offset, [_hit(r) for r in rows])
