"""Full-text indexes over article titles and text: SQLite FTS5, or PostgreSQL's own full text.

SQLite: an external-content FTS5 table reads title and text from `articles` by rowid, and three
triggers keep it in step, so `Store.save` needs no change (its upsert fires the update trigger,
which keeps the rowid). PostgreSQL: a GIN index over the same tsvector expression the search
query uses; the expression must match it character for character or the index is not used.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

FTS_TABLE = "articles_fts"
# The expression PostgreSQL indexes and searches; query/search.py builds its WHERE from it.
PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || text)"

_SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    # Index the articles stored before this migration.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)


def create_fulltext_index(conn: Connection) -> None:
    """Migration step: the full-text index for the store's dialect."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DDL:
            conn.execute(text(statement))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_articles_fulltext ON articles USING GIN ({PG_DOCUMENT})"))
