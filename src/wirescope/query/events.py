"""Event records: the JSONL contract's fields, PLOVER's JSON field names beside them, ACLED rows.

`happened` is true only for asserted, non-historical events; every export carries the modality,
so a negated, hypothetical or merely claimed event is never shown as one that happened.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from wirescope.query.acled import EventFacts, acled_types
from wirescope.record import Article, Event, Participant

Record = dict[str, Any]

ACLED_COLUMNS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
# ACLED's time_precision: 1 the day is known, 2 the week or a few days, 3 only the month or more.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "decade": 3, "unknown": 3}


def _participant(p: Participant | None) -> Record | None:
    return None if p is None else {"name": p.name, "id": p.actor_id}


def event_record(a: Article, e: Event) -> Record:
    """One event in the JSON contract (docs/record.md), with a `plover` object in PLOVER's field names."""
    evidence = a.text_of(e.evidence)
    return {
        "id": e.id,
        "article_id": a.id,
        "type": e.type,
        "mode": e.mode,
        "actor": _participant(e.actor),
        "target": _participant(e.target),
        "place": _participant(e.place),
        "geo": _geo(a, e),
        "time": {"value": e.time.value, "precision": e.time.precision} if e.time else None,
        "modality": e.modality,
        "source": _participant(e.source),
        "historical": e.historical,
        "happened": e.modality == "asserted" and not e.historical,
        "fatalities": e.fatalities,
        "injured": e.injured,
        "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": evidence},
        "published": a.published.isoformat() if a.published else None,
        "publisher": a.publisher,
        "plover": plover_fields(a, e, evidence),
    }


def plover_fields(a: Article, e: Event, evidence: str) -> Record:
    """The event as PLOVER's JSON records name things (PLOVER's `source` is the doer)."""
    return {
        "id": e.id,
        "date": e.time.value if e.time else None,
        "event": e.type,
        "mode": e.mode or "",
        "context": "",
        "source": [{"actorText": e.actor.name}] if e.actor else [],
        "target": [{"actorText": e.target.name}] if e.target else [],
        "eventText": evidence,
        "text": a.text_of(a.sentence_of(e.evidence) or e.evidence),
        "language": a.language,
        "publication": a.publisher or a.source.uri,
        "dead": e.fatalities,
        "injured": e.injured,
    }


def _geo(a: Article, e: Event) -> Record | None:
    if e.place is None:
        return None
    place = next((p for p in a.places if p.id == e.place.actor_id), None)
    if place is None:
        return None
    return {
        "latitude": place.latitude,
        "longitude": place.longitude,
        "country": place.country,
        "admin1": place.admin1,
        "precision": place.precision,
    }


def event_records(a: Article) -> Iterator[Record]:
    for e in a.events:
        yield event_record(a, e)


def event_day(record: Record) -> date | None:
    """The event's day when its time says it, else the article's publication day."""
    value = (record.get("time") or {}).get("value") or ""
    for candidate in (value[:10], (record.get("published") or "")[:10]):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def acled_row(record: Record) -> Record:
    """One event as an ACLED-style row. ACLED codes events that happened, so the modality goes into
    `notes` in capitals whenever it is not asserted: the row never passes for an asserted event."""
    facts = EventFacts(
        record["type"],
        record.get("mode"),
        (record.get("actor") or {}).get("name") or "",
        (record.get("target") or {}).get("name") or "",
    )
    event_type, sub_event_type = acled_types(facts)
    geo = record.get("geo") or {}
    day = event_day(record)
    precision = (record.get("time") or {}).get("precision") or "unknown"
    notes = record["evidence"]["text"]
    if not record["happened"]:
        status = record["modality"].upper() + (" HISTORICAL" if record["historical"] else "")
        notes = f"[{status}] {notes}"
    fatalities, figures_note = conservative_fatalities(record)
    notes += figures_note
    return {
        "event_date": day.isoformat() if day else "",
        "time_precision": ACLED_TIME_PRECISION[precision],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": (record.get("actor") or {}).get("name") or "",
        "actor2": (record.get("target") or {}).get("name") or "",
        "admin1": geo.get("admin1") or "",
        "location": (record.get("place") or {}).get("name") or "",
        "latitude": geo.get("latitude") if geo.get("latitude") is not None else "",
        "longitude": geo.get("longitude") if geo.get("longitude") is not None else "",
        "geo_precision": geo.get("precision") or "",
        "source": acled_source(record),
        "notes": notes,
        "fatalities": fatalities if record["happened"] else "",
    }


def acled_source(record: Record) -> str:
    """The publishers reporting the event, then its independent stories (syndicated copies once):
    "Wire A; Wire B (1 independent story)"."""
    sources = record.get("sources")
    if not sources:
        return record.get("publisher") or ""
    names = "; ".join(sources["publishers"]) or record.get("publisher") or ""
    stories = sources["stories"]
    return f"{names} ({stories} independent {'story' if stories == 1 else 'stories'})"


def conservative_fatalities(record: Record) -> tuple[int, str]:
    """ACLED's rule: where reports differ, the most conservative (lowest) figure, with a note
    naming every figure and its publisher; one figure (or none) is taken as it is."""
    figures = (record.get("sources") or {}).get("fatalities") or []
    values = sorted({f["value"] for f in figures})
    if len(values) < 2:
        return (values[0] if values else record.get("fatalities") or 0), ""
    told = "; ".join(
        f"{f['value']} ({f['publisher']})" for f in sorted(figures, key=lambda f: (f["value"], f["publisher"]))
    )
    return values[
        0
    ], f" [FATALITIES: reports differ: {told}; the lowest is coded, as ACLED codes the most conservative figure]"


def write_acled_csv(records: Iterable[Record], out: IO[str], only_happened: bool = True) -> None:
    """ACLED-style CSV, one row per event cluster (its first report in the order given). By default
    only events that happened (asserted, not historical) are written: ACLED rows are read as things
    that happened. With `only_happened=False` the others come too,
    their notes opening with the modality in capitals and their fatalities left empty."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    written: set[str] = set()
    for record in records:
        if only_happened and not record["happened"]:
            continue
        group = record.get("event_group")
        if group in written:  # one row per event: its other reports are in `source` and `notes`
            continue
        if group:
            written.add(group)
        writer.writerow(acled_row(record))
