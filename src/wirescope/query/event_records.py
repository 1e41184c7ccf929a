"""Event records in the JSONL contract (docs/record.md `### event_records`), and as ACLED rows.

One record per real-world event in a report; its mentions (the `events` kind) are its evidence.
Each argument says where in the report it was found (`filled_from`) and carries its own evidence
span. The ACLED row is one per record, with ACLED's time and geo precision codes as the record
sets them: 3 when the publication date or the dateline stood in for what the report does not say.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from wirescope.query.acled import EventFacts, acled_types
from wirescope.query.events import ACLED_COLUMNS, acled_source
from wirescope.query.reviews import review_fields
from wirescope.record import ARGUMENT_ROLES, Argument, Article, EventRecord, Span

Record = dict[str, Any]


def _span(a: Article, span: Span | None) -> Record | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": a.text_of(span)}


def argument_dict(a: Article, g: Argument | None) -> Record | None:
    if g is None:
        return None
    return {
        "value": g.value,
        "normalized": g.normalized,
        "filled_from": g.filled_from,
        "evidence": _span(a, g.evidence),
    }


def event_record_dict(a: Article, r: EventRecord) -> Record:
    """One event record in the JSON contract."""
    return {
        "id": r.id,
        "article_id": a.id,
        "type": r.type,
        "mode": r.mode,
        "modality": r.modality,
        "historical": r.historical,
        "happened": r.happened,
        "mentions": list(r.mentions),
        "evidence": _span(a, r.evidence),
        **{role: argument_dict(a, getattr(r, role)) for role in ARGUMENT_ROLES},
        "time_precision": r.time_precision,
        "geo_precision": r.geo_precision,
        "geo": _geo(a, r),
        "published": a.published.isoformat() if a.published else None,
        "publisher": a.publisher,
    }


def event_record_dicts(a: Article) -> Iterator[Record]:
    """The article's records as stored: the overlay (corrections/overlay.py `follow`) has already
    made each follow its corrected mentions and dropped a record whose every mention a reviewer
    rejected; a record a person changed is marked `reviewed`, with the machine's values."""
    for r in a.event_records:
        yield {**event_record_dict(a, r), **review_fields(a, "event_record", r.id)}


def _geo(a: Article, r: EventRecord) -> Record | None:
    place = None if r.place is None else next((p for p in a.places if p.id == r.place.normalized), None)
    if place is None:
        return None
    return {"latitude": place.latitude, "longitude": place.longitude, "country": place.country, "admin1": place.admin1}


# --- ACLED ---------------------------------------------------------------------------------------


def _value(record: Record, role: str) -> Any:
    return (record.get(role) or {}).get("value")


def _count(record: Record, role: str) -> int:
    return int((record.get(role) or {}).get("normalized") or 0)


def record_day(record: Record) -> date | None:
    """The record's day: its date when it names a day, else its article's publication day."""
    value = str((record.get("date") or {}).get("normalized") or "")
    for candidate in (value[:10], (record.get("published") or "")[:10]):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def acled_row(record: Record) -> Record:
    """One record as an ACLED row. What did not happen keeps its modality in `notes`, in capitals,
    and no fatalities, so the row never passes for an event that happened."""
    event_type, sub_event_type = acled_types(
        EventFacts(record["type"], record.get("mode"), _value(record, "actor") or "", _value(record, "target") or "")
    )
    geo = record.get("geo") or {}
    day = record_day(record)
    notes = (record.get("evidence") or {}).get("text") or ""
    if not record["happened"]:
        notes = f"[{record['modality'].upper()}{' HISTORICAL' if record['historical'] else ''}] {notes}"
    return {
        "event_date": day.isoformat() if day else "",
        "time_precision": record["time_precision"],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": _value(record, "actor") or "",
        "actor2": _value(record, "target") or "",
        "admin1": geo.get("admin1") or "",
        "location": _value(record, "place") or "",
        "latitude": "" if geo.get("latitude") is None else geo["latitude"],
        "longitude": "" if geo.get("longitude") is None else geo["longitude"],
        "geo_precision": record.get("geo_precision") or "",
        "source": acled_source(record),
        "notes": notes,
        "fatalities": _count(record, "fatalities") if record["happened"] else "",
    }


def records_of_mentions(mentions: list[Record], records: Iterable[Record]) -> list[Record]:
    """The event records holding the listed mentions (a `wirescope events` listing), one per
    real-world event: in the order of their first listed mention, once per record, and once per
    event cluster across articles (the mention's `event_group`), whose `sources` the record then
    carries for ACLED's `source` column. A record's own counts are kept: they are read from its
    whole report, where a mention's are read from its clause."""
    order = {m["id"]: i for i, m in enumerate(mentions)}
    by_id = {m["id"]: m for m in mentions}
    chosen: list[tuple[int, Record]] = []
    for record in records:
        listed = [m for m in record["mentions"] if m in order]
        if listed:
            first = by_id[min(listed, key=order.__getitem__)]
            chosen.append(
                (order[first["id"]], {**record, "sources": first.get("sources"), "group": first.get("event_group")})
            )
    chosen.sort(key=lambda pair: pair[0])
    groups: set[str] = set()
    kept = []
    for _, record in chosen:
        if record["group"] in groups:
            continue
        if record["group"]:
            groups.add(record["group"])
        kept.append(record)
    return kept


def write_acled_csv(records: Iterable[Record], out: IO[str], only_happened: bool = True) -> None:
    """ACLED-style CSV, one row per event record; by default only records that happened."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for record in records:
        if only_happened and not record["happened"]:
            continue
        writer.writerow(acled_row(record))
