"""A throwaway PostgreSQL schema: for tests and benchmarks that need an empty store on a shared server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

from wirescope.store import engine_url


@contextmanager
def scratch_schema(server_url: str, prefix: str = "scratch") -> Iterator[str]:
    """Create a new schema on the server, yield a --db URL that uses it, and drop it after.

    The schema is chosen by search_path in the URL, so stores opened with it see only their own
    tables, and runs sharing one server neither see nor leave each other's rows.
    """
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(engine_url(server_url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield f"{server_url}{'&' if '?' in server_url else '?'}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()
