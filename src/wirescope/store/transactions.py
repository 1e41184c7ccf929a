"""Write transactions that several ingesters can run at once, on SQLite and on PostgreSQL.

Two ingesters writing the same store must lose nothing and store nothing twice. SQLite lets one
writer in at a time, but only if a writer takes its lock when it begins (BEGIN IMMEDIATE): with
the default deferred BEGIN, two writers that both read first cannot upgrade to a write lock, and
one fails with "database is locked" at once, whatever the busy timeout. PostgreSQL lets writers
run side by side; `Store.save` orders its row locks so they queue instead of deadlocking, and
what still collides (a deadlock the ordering cannot rule out, a unique key raced by two inserts)
is retried from the start of the transaction.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")

WRITER = "wirescope_writer"  # the execution option that marks a connection as a writer
ATTEMPTS = 6
# SQLSTATEs worth another try: deadlock, serialization failure, a unique key two writers raced for.
_TRANSIENT_SQLSTATES = {"40P01", "40001", "23505"}
# A fixed key for PostgreSQL's advisory lock that makes concurrent migrations queue.
_MIGRATION_LOCK = 0x77697265  # "wire"


def begin_sqlite(conn: Connection) -> None:
    """Listener for the engine's "begin": writers lock the database when they begin, readers do not."""
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITER) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITER: True})
        with conn.begin():
            yield conn


def lock_for_migration(conn: Connection) -> None:
    """Make a second process that migrates the same PostgreSQL database wait for the first."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def is_transient(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    return state in _TRANSIENT_SQLSTATES or "database is locked" in str(exc.orig)


def with_retries(write: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run a whole transaction again when it collided with another writer, with jittered backoff."""
    for attempt in range(attempts):
        try:
            return write()
        except DBAPIError as exc:
            if attempt == attempts - 1 or not is_transient(exc):
                raise
            time.sleep(0.05 * 2**attempt * (1 + random.random()))
    raise AssertionError("unreachable")
