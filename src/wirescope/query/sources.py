"""Who reports an event: its stored event cluster, its independent stories and its publishers.

Every event record built for a listing, a page, a get-by-id or an export (query/browse.py) gets

- `event_group`: its cluster id, the cluster of the event record the mention belongs to
  (store/event_links.py; None until its article is resolved: it is its own event until then);
- `reports`: independent sources, counted by story: syndicated copies of one wire story
  (articles.story_id, store/syndication.py) count once; this is the count shown everywhere;
- `publishers`: distinct publishers, shown beside it (two outlets running one wire story are two
  publishers but one report);
- `sources`: the publishers' names and every fatality figure reported, each with its publisher,
  kept apart rather than averaged (the ACLED export takes the lowest and says so).

Counts are over every member of the cluster, not only the events a filter shows: filtering by
modality must not hide that other outlets report the same event.
"""

from __future__ import annotations

from wirescope.query.events import Record
from wirescope.store import Store
from wirescope.store.event_links import ClusterSummary


def _alone(record: Record) -> ClusterSummary:
    fatalities = () if record.get("fatalities") is None else ((record["fatalities"], record.get("publisher") or ""),)
    publisher = record.get("publisher")
    return ClusterSummary(1, 1, 1, (publisher,) if publisher else (), fatalities)


def with_report_counts(store: Store, records: list[Record]) -> list[Record]:
    """The records, each with `event_group`, `reports` (stories), `publishers` and `sources`."""
    clusters = store.event_clusters([r["id"] for r in records])
    summaries = store.cluster_summaries(sorted(set(clusters.values())))
    for record in records:
        cluster = clusters.get(record["id"])
        summary = summaries.get(cluster) if cluster else None
        summary = summary or _alone(record)
        record["event_group"] = cluster
        record["reports"] = summary.stories
        record["publishers"] = summary.publishers
        record["sources"] = sources_of(summary)
    return records


def sources_of(summary: ClusterSummary) -> Record:
    """Who reports the event: its stories, publishers' names, articles and each fatality figure."""
    return {
        "stories": summary.stories,
        "publishers": list(summary.names),
        "articles": summary.articles,
        "fatalities": [{"value": v, "publisher": p} for v, p in summary.fatalities],
    }


__all__ = ["sources_of", "with_report_counts"]
