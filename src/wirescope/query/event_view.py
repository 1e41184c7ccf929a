"""One event cluster as the event view shows it: its reports side by side, fields compared.

A report is one event record of one article (resolve/event_reports.py): the record's fields are
compared across reports, and its mentions (the lead, the body, a quote) are each shown as
evidence, their sentences with the words that tell of the event highlighted.

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
from wirescope.query.events import Record
from wirescope.query.sources import sources_of
from wirescope.store import Store

COMPARED = ("type", "modality", "actor", "target", "place", "day", "fatalities", "injured", "mode")


def _value(record: Record, field: str) -> Any:
    """A record's value of a compared field: an argument's words, a count's number, a day."""
    if field in ("actor", "target", "place"):
        return (record.get(field) or {}).get("value")
    if field in ("fatalities", "injured"):
        return (record.get(field) or {}).get("normalized")
    if field == "day":
        date = record.get("date") or {}
        return str(date["normalized"])[:10] if date.get("normalized") else None
    return record.get(field)


def compared_fields(reports: list[Record]) -> list[Record]:
    """Per field: each report's value, and whether the reports that give one agree."""
    out = []
    for field in COMPARED:
        values = [_value(r, field) for r in reports]
        given = {v for v in values if v is not None}
        out.append({"field": field, "values": values, "agree": len(given) <= 1, "given": len(given) > 0})
    return out


def highlighted(mention: Record) -> Record:
    """A mention's sentence cut around its evidence: {"id", "before", "evidence", "after"}."""
    sentence = (mention.get("plover") or {}).get("text") or ""
    evidence = mention["evidence"]["text"]
    at = sentence.find(evidence)
    if at < 0:
        return {"id": mention["id"], "before": "", "evidence": evidence, "after": ""}
    return {"id": mention["id"], "before": sentence[:at], "evidence": evidence, "after": sentence[at + len(evidence) :]}


def event_view(store: Store, cluster_id: str) -> Record:
    """The cluster's reports (with story ids and their mentions' evidence), the fields compared,
    the independent sources, the links that joined them, and the claims about it (who asserts or
    denies this event)."""
    members, links = store.cluster_members(cluster_id)
    reports = records_by_id(store, "event_records", members)
    if not reports:
        raise NotFound(
            f"no event cluster {cluster_id!r} in {store.description}",
            hint="event clusters are listed with `wirescope events` (field event_group)",
        )
    reports.sort(key=lambda r: (r.get("published") or "", r.get("publisher") or "", r["id"]))
    mentions = {m["id"]: m for m in records_by_id(store, "events", [m for r in reports for m in r["mentions"]])}
    stories = store.story_ids([r["article_id"] for r in reports])
    for report in reports:
        report["story_id"] = stories.get(report["article_id"])
        report["evidence_mentions"] = [highlighted(mentions[m]) for m in report["mentions"] if m in mentions]
    summary = store.cluster_summaries([cluster_id])[cluster_id]
    return {
        "id": cluster_id,
        "reports": reports,
        "fields": compared_fields(reports),
        "sources": sources_of(summary),
        "stories": summary.stories,
        "publishers": summary.publishers,
        "links": links,
        "claims": claims_about_event(store, cluster_id),
    }


__all__ = ["COMPARED", "compared_fields", "event_view"]
