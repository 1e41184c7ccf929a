"""One event, many reports: the same event told by several articles, found among stored events.

Two event records are the same event when they have the same PLOVER type, the same doer (or,
with no doer named, the same target), places that do not disagree (the same place, or one of
them unnamed), days no more than WINDOW_DAYS apart, and the same `happened` value (a denial and
a report of the attack are not one report). The group counts its independent sources as the
distinct publishers among its articles; syndicated copies of one wire story are one publisher
only once syndication is detected upstream, so until then a reprint by another outlet counts.

Greedy and order-dependent: events are taken in date order and each joins the first group it
fits, so a chain of reports each two days apart can join events more than WINDOW_DAYS apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from wirescope.query.browse import ids_of
from wirescope.query.events import Record, event_day
from wirescope.query.records import records
from wirescope.record import stable_id
from wirescope.store.filters import Filter

WINDOW_DAYS = 3


def _key(participant: Record | None) -> str | None:
    if not participant:
        return None
    return participant.get("id") or (participant.get("name") or "").strip().lower() or None


@dataclass
class EventGroup:
    """Events from one or more articles taken to be one event."""

    first: Record
    day: date
    members: list[Record] = field(default_factory=list)

    @property
    def id(self) -> str:
        return stable_id("evg", *sorted(m["id"] for m in self.members))

    @property
    def sources(self) -> int:
        """Independent sources: distinct publishers (an article with none counts as its own source)."""
        return len({m.get("publisher") or m["article_id"] for m in self.members})

    def fits(self, record: Record, day: date) -> bool:
        first = self.first
        if record["type"] != first["type"] or record["happened"] != first["happened"]:
            return False
        if abs((day - self.day).days) > WINDOW_DAYS:
            return False
        if not _places_agree(first.get("place"), record.get("place")):
            return False
        actor, other = _key(record.get("actor")), _key(first.get("actor"))
        if actor or other:
            return actor == other
        target, other_target = _key(record.get("target")), _key(first.get("target"))
        return target is not None and target == other_target


def _places_agree(a: Record | None, b: Record | None) -> bool:
    return not a or not b or _key(a) == _key(b)


def group_events(records: Iterable[Record]) -> list[EventGroup]:
    """Group event records across articles; records without any date stay alone."""
    groups: list[EventGroup] = []
    dated = sorted(((event_day(r), r) for r in records), key=lambda pair: (pair[0] is None, pair[0] or date.min))
    for day, record in dated:
        group = next((g for g in groups if day is not None and g.fits(record, day)), None)
        if group is None:
            group = EventGroup(record, day or date.min)
            groups.append(group)
        group.members.append(record)
    return groups


def with_report_counts(records: list[Record]) -> list[Record]:
    """The records, each with `event_group` (its group's id) and `reports` (independent sources)."""
    for group in group_events(records):
        for member in group.members:
            member["event_group"] = group.id
            member["reports"] = group.sources
    return records


def list_events(store, wanted: Sequence[Filter] = (Filter(),)) -> list[Record]:
    """The stored events passing any of the filters (in SQL), each with how many independent
    sources report it.

    Sources are counted over every stored event, not only the ones shown: filtering by modality
    must not hide that other outlets report the same event.
    """
    every = with_report_counts(records(store, "events"))
    if all(f.is_empty() for f in wanted):
        return every
    shown = {i for f in wanted for i in ids_of(store, "events", f)}
    return [r for r in every if r["id"] in shown]
