"""Schema migrations: numbered steps, each applied once, in its own transaction.

A new step is appended to MIGRATIONS; nothing already listed is ever edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, insert, inspect, select

from wirescope.store import schema


def _create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "create the record tables", _create_tables),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.scalars(select(schema.schema_migrations.c.version)))


def migrate(engine) -> list[int]:
    """Bring the database to the newest schema; returns the versions applied now."""
    done = []
    for version, name, step in MIGRATIONS:
        with engine.begin() as conn:
            if version in applied_versions(conn):
                continue
            step(conn)
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            conn.execute(insert(schema.schema_migrations).values(version=version, name=name, applied_at=stamp))
            done.append(version)
    return done
