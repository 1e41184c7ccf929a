"""Full-text search over articles (the SQL is the store's, store/search.py).

A hit carries a snippet as parts, each flagged whether it matched, so that no caller has to
parse markup out of it: the web escapes each part, the CLI prints them as it likes.
"""

from __future__ import annotations

import re

from wirescope.query.browse import MAX_LIMIT, Page
from wirescope.query.records import Record
from wirescope.store import Store
from wirescope.store.search import CLOSE, OPEN, fts5_query

__all__ = ["fts5_query", "search", "snippet_parts"]


def snippet_parts(snippet: str) -> list[dict]:
    """A marked snippet as [{"text": ..., "match": bool}, ...]."""
    parts = []
    for piece in re.split(f"({OPEN}.*?{CLOSE})", snippet or ""):
        if piece:
            matched = piece.startswith(OPEN)
            parts.append({"text": piece.strip(OPEN + CLOSE), "match": matched})
    return parts


def _hit(row: dict) -> Record:
    return {
        "id": row["id"],
        "title": row["title"],
        "publisher": row["publisher"],
        "published": row["published"],
        "snippet": snippet_parts(row["snippet"]),
    }


def search(store: Store, q: str, limit: int = 20, offset: int = 0) -> Page:
    """Articles matching every word of `q`, best first, with a snippet around the matches."""
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    total, rows = store.search(q, limit, offset)
    return Page(total, limit, offset, [_hit(r) for r in rows])
