"""What `wirescope watch` remembers of each feed, kept in the store so a restart goes on where it was."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from wirescope.store import Store, schema
from wirescope.store.transactions import with_retries, writing


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: frozenset[str] = field(default_factory=frozenset)  # entry keys already ingested

    def conditional_headers(self) -> dict[str, str]:
        """Validators for a conditional GET: the server answers 304 when the feed has not changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def load_state(store: Store, url: str) -> FeedState:
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.feeds).where(schema.feeds.c.url == url)).mappings().first()
        seen = frozenset(
            conn.scalars(select(schema.feed_entries.c.entry_key).where(schema.feed_entries.c.feed_url == url))
        )
    if row is None:
        return FeedState(url)
    return FeedState(url, row["etag"], row["last_modified"], seen)


def save_state(store: Store, url: str, etag: str | None, last_modified: str | None, new_keys: Iterable[str]) -> None:
    """Record the feed's validators and the entries just ingested, in one transaction."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    feed_row = {"url": url, "etag": etag, "last_modified": last_modified, "polled_at": stamp}
    entry_rows = [{"feed_url": url, "entry_key": key, "seen_at": stamp} for key in sorted(set(new_keys))]

    def write() -> None:
        with writing(store.engine) as conn:
            insert = store._insert(schema.feeds)
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=["url"],
                    set_={
                        "etag": insert.excluded.etag,
                        "last_modified": insert.excluded.last_modified,
                        "polled_at": insert.excluded.polled_at,
                    },
                ),
                [feed_row],
            )
            if entry_rows:
                conn.execute(store._insert(schema.feed_entries).on_conflict_do_nothing(), entry_rows)

    with_retries(write)


__all__ = ["FeedState", "load_state", "save_state"]
