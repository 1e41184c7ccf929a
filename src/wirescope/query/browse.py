"""Filtered, paginated listings of the record: what the JSON API, the web views and reports read.

The store selects and orders the rows in SQL (store/selection.py: one Filter, keyset pages) and
hands back the page's ids; the records are then built from those rows only, with the one JSON
contract (query/records.py). A page therefore costs what it shows, whatever the store holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wirescope.query.event_records import event_record_dicts
from wirescope.query.records import (
    TABLES_FOR,
    Record,
    actor_records_from,
    article_record,
    event_records,
    place_records_from,
    quote_records,
    time_records,
)
from wirescope.query.sources import with_report_counts
from wirescope.store import Store
from wirescope.store.filters import Filter

MAX_LIMIT = 500
# The one filter; the old name stays for callers that import it.
Filters = Filter
__all__ = [
    "MAX_LIMIT",
    "Filter",
    "Filters",
    "Page",
    "browse",
    "counts",
    "filtered",
    "iter_filtered",
    "records_by_id",
    "records_of",
]


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    limit: int
    offset: int
    items: list[Record]
    next: str | None = None  # the cursor of the next page (`after=`), None on the last one

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "next": self.next, "items": self.items}


_PER_ARTICLE = {
    "quotes": quote_records,
    "events": event_records,
    "times": time_records,
    "event_records": event_record_dicts,
}


def records_of(store: Store, kind: str, ids: list[str], article_ids: list[str], f: Filter = Filter()) -> list[Record]:
    """The records of these ids (from these articles, for events, quotes and times), in this order."""
    if not ids:
        return []
    if kind in _PER_ARTICLE:
        articles = store.load(list(dict.fromkeys(article_ids)), TABLES_FOR[kind], only={kind: ids})
        built = {r["id"]: r for a in articles for r in _PER_ARTICLE[kind](a)}
        found = [built[i] for i in ids if i in built]
        return with_report_counts(store, found) if kind == "events" else found
    if kind == "articles":
        stories = store.story_ids(ids)
        return [article_record(a, stories.get(a.id)) for a in store.load(ids, TABLES_FOR[kind])]
    if kind == "actors":
        built = {r["id"]: r for r in actor_records_from(store.actor_details(ids, f))}
    else:
        built = {r["id"]: r for r in place_records_from(store.place_details(ids, f))}
    return [built[i] for i in ids if i in built]


def records_by_id(store: Store, kind: str, ids: list[str]) -> list[Record]:
    """Records of any kind by id (get-by-id), in the order given; unknown ids are left out."""
    if kind in _PER_ARTICLE:
        owners = store.owners(kind, ids)
        known = [i for i in ids if i in owners]
        return records_of(store, kind, known, [owners[i] for i in known])
    return records_of(store, kind, ids, [])


def browse(
    store: Store, kind: str, f: Filter = Filter(), limit: int = 50, offset: int = 0, after: str | None = None
) -> Page:
    """One page of a filtered listing: `limit` records after the cursor `after`, or after `offset`."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = 0 if after else max(0, offset)
    page = store.page(kind, f, limit, after, offset)
    return Page(page.total, limit, offset, records_of(store, kind, page.ids, page.article_ids, f), page.next)


def iter_filtered(store: Store, kind: str, f: Filter = Filter(), chunk: int = MAX_LIMIT) -> Iterator[Record]:
    """Every record passing the filter, in the kind's order, a page at a time (flat memory)."""
    after: str | None = None
    while True:
        page = store.page(kind, f, chunk, after)
        yield from records_of(store, kind, page.ids, page.article_ids, f)
        if page.next is None:
            return
        after = page.next


def ids_of(store: Store, kind: str, f: Filter = Filter(), chunk: int = 5000) -> list[str]:
    """The ids of every record passing the filter, in the kind's order, without building records."""
    ids: list[str] = []
    after: str | None = None
    while True:
        page = store.page(kind, f, chunk, after)
        ids += page.ids
        if page.next is None:
            return ids
        after = page.next


def filtered(store: Store, kind: str, f: Filter = Filter()) -> list[Record]:
    """Every record of a kind that passes the filter, in the kind's order."""
    return list(iter_filtered(store, kind, f))


def counts(store: Store) -> dict[str, int]:
    """How many of each kind of record the store holds."""
    return store.counts()
