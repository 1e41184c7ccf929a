"""One event, many reports: the stored events a filter keeps, each with who reports it.

The clusters are decided once, when a batch is ingested (resolve/events.py, store/event_links.py),
and read back through the Store: listing costs an index look-up per page, not a regrouping of the
whole store on every call (the grouping this module did before, O(events x groups) per call).
Each record's `event_group`, `reports` (independent stories), `publishers` and `sources` are
query/sources.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from wirescope.query.browse import filtered, ids_of, records_by_id
from wirescope.query.events import Record, event_day
from wirescope.query.sources import with_report_counts
from wirescope.store import Store
from wirescope.store.filters import Filter


def list_events(store: Store, wanted: Sequence[Filter] = (Filter(),)) -> list[Record]:
    """The stored events passing any of the filters (in SQL), each with how many independent
    sources report it."""
    if len(wanted) == 1:
        return filtered(store, "events", wanted[0])  # each record carries its counts (query/sources.py)
    ids = list(dict.fromkeys(i for f in wanted for i in ids_of(store, "events", f)))
    found = records_by_id(store, "events", ids)
    found.sort(key=lambda r: ((event_day(r) or date.min).isoformat(), r["id"]))  # the listing order: day, id
    return found


__all__ = ["list_events", "with_report_counts"]  # with_report_counts: query/sources.py
