"""Checks made before a store is opened, so that nothing is written where it should not be.

- A reading command on a path with no file is an error (a mistyped --db must not leave an
  empty store behind); only `ingest` and `watch` create a store.
- A file that is not a SQLite database, or a database with tables but none of wirescope's
  bookkeeping (`schema_migrations`), belongs to someone else: it is refused before the first
  table is created in it.
- A store file that cannot be written (no write permission for us, or no write bit at all, which
  even root is held to here) is opened read-only for reading, and refused for writing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from wirescope.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
BOOKKEEPING = "schema_migrations"


def sqlite_path(db: str) -> Path | None:
    """The file behind a --db value when it is a SQLite file (not memory, not PostgreSQL)."""
    if db in ("memory", ":memory:"):
        return None
    if db.startswith("sqlite:///"):
        return Path(db[len("sqlite:///") :].split("?", 1)[0]).expanduser()
    if "://" in db:
        return None
    return Path(db).expanduser()


def check_exists(path: Path) -> None:
    if not path.exists():
        raise StoreError(
            f"no store at {path}; ingest first or check --db", hint="wirescope ingest FILES --db PATH creates one"
        )


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, or is another application's."""
    if not path.exists():
        return
    if not path.is_file():
        raise StoreError(f"{path} is not a file, so not a wirescope store")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if not head:
        return  # an empty file: SQLite makes a new database of it
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a SQLite database, so not a wirescope store; nothing was written to it", hint="check --db"
        )
    tables = _sqlite_tables(path)
    if tables and BOOKKEEPING not in tables:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is another application's SQLite database (tables: {shown}), "
            "not a wirescope store; nothing was written to it",
            hint="check --db",
        )


def check_engine_is_ours(engine: Engine, db: str) -> None:
    """The same test for a server database: tables, but no wirescope bookkeeping among them."""
    tables = set(inspect(engine).get_table_names())
    if tables and BOOKKEEPING not in tables:
        raise StoreError(
            f"{db} holds another application's tables ({', '.join(sorted(tables)[:5])}), "
            "not a wirescope store; nothing was written to it",
            hint="check --db",
        )


def is_read_only(path: Path) -> bool:
    """Whether the store file cannot (or must not) be written: no permission, or no write bit."""
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def read_only_url(path: Path) -> str:
    """A SQLAlchemy URL opening the file read-only (SQLite's own mode=ro: no write can happen)."""
    return f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"


def _sqlite_tables(path: Path) -> set[str]:
    try:
        with sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True) as conn:
            return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} cannot be read as a SQLite database ({exc}), so not a wirescope store", hint="check --db"
        ) from exc


__all__ = ["check_engine_is_ours", "check_exists", "check_sqlite_file", "is_read_only", "read_only_url", "sqlite_path"]
