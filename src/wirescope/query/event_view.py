"""One event cluster as the event view shows it: its reports side by side, fields compared.

Each report keeps its own figures: where two reports of one event differ (3 killed, 30 killed),
both are shown with their publishers, and the field is marked as differing; nothing is averaged.
A field agrees when every report that gives it gives the same value (a report silent on a field
neither agrees nor differs).
"""

from __future__ import annotations

from typing import Any

from wirescope.errors import NotFound
from wirescope.query.browse import records_by_id
from wirescope.query.claims import claims_about_event
from wirescope.query.events import Record, event_day
from wirescope.store import Store

COMPARED = ("type", "modality", "actor", "target", "place", "day", "fatalities", "injured", "mode")


def _value(record: Record, field: str) -> Any:
    if field in ("actor", "target", "place"):
        return (record.get(field) or {}).get("name")
    if field == "day":
        day = event_day(record)
        return day.isoformat() if day else None
    return record.get(field)


def compared_fields(reports: list[Record]) -> list[Record]:
    """Per field: each report's value, and whether the reports that give one agree."""
    out = []
    for field in COMPARED:
        values = [_value(r, field) for r in reports]
        given = {v for v in values if v is not None}
        out.append({"field": field, "values": values, "agree": len(given) <= 1, "given": len(given) > 0})
    return out


def highlighted(record: Record) -> Record:
    """The report's sentence cut around its evidence: {"before", "evidence", "after"}."""
    sentence = (record.get("plover") or {}).get("text") or ""
    evidence = record["evidence"]["text"]
    at = sentence.find(evidence)
    if at < 0:
        return {"before": "", "evidence": evidence, "after": ""}
    return {"before": sentence[:at], "evidence": evidence, "after": sentence[at + len(evidence) :]}


def event_view(store: Store, cluster_id: str) -> Record:
    """The cluster's reports (with story ids), the fields compared, the links that joined them,
    and the claims about it (who asserts or denies this event)."""
    members, links = store.cluster_members(cluster_id)
    if not members:
        raise NotFound(
            f"no event cluster {cluster_id!r} in {store.description}",
            hint="event clusters are listed with `wirescope events` (field event_group)",
        )
    reports = records_by_id(store, "events", members)
    reports.sort(key=lambda r: (r.get("published") or "", r.get("publisher") or "", r["id"]))
    stories = store.story_ids([r["article_id"] for r in reports])
    for report in reports:
        report["story_id"] = stories.get(report["article_id"])
        report["sentence"] = highlighted(report)
    first = reports[0]
    return {
        "id": cluster_id,
        "reports": reports,
        "fields": compared_fields(reports),
        "sources": first["sources"],
        "stories": first["reports"],
        "publishers": first["publishers"],
        "links": links,
        "claims": claims_about_event(store, cluster_id),
    }


__all__ = ["COMPARED", "compared_fields", "event_view"]
