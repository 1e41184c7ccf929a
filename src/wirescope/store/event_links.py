"""Cross-document event coreference, applied to the store: which stored reports are one event.

A report is one event record (record.py EventRecord; resolve/event_reports.py), so `event_id`
in these tables holds a record id; an event mention's cluster is its record's (`clusters_of`).
`resolve_reports` runs after a batch is saved (run/local.py, run/dask.py). Each new report is
compared only with the candidates its blocking keys find through an index (store/schema.py
`event_reports`): the same type and `happened`, a day within BLOCK_DAYS, and the same admin1
(or one of the two unknown), at most MAX_CANDIDATES of them. So the work per batch depends on how
many reports share those keys, not on how many the store holds (benchmarks/coref_scale.py).
A pair whose probability (resolve/events.py) passes the model's link threshold is stored in
`event_links` with its score and reasons. Events are then the connected sets of links, each cut by
complete linkage (every pair of an event's reports is linked: a report with no place must not
chain two clashes in two provinces), and named by their smallest event id (`event_clusters`).

Re-running is idempotent: the batch's earlier reports, their links and the clusters they were in
are removed first and recomputed, and a cluster is a function of its links, not of their order.
Where more than MAX_CANDIDATES reports share one block, which ones are compared depends on what
was stored when: the cap keeps the cost flat and is the price of that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

import numpy as np
from sqlalchemy import Connection, delete, or_, select

from wirescope.record import stable_id
from wirescope.resolve.events import DIMENSIONS, CorefModel, EventReport, cluster_probabilities, pair_features
from wirescope.store import schema
from wirescope.store.corrections import read_corrections, reviews_by_correction

CLUSTER = "cluster"  # the correction kind of cluster membership (corrections/report_kinds.py)

BLOCK_DAYS = 3
MAX_CANDIDATES = 100
_VECTORS = ("trigger_vector", "sentence_vector", "document_vector")


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    """Who reports one event: independent stories (syndicated copies once), publishers, articles,
    the publishers' names, and each fatality figure reported with its publisher (not averaged)."""

    stories: int
    publishers: int
    articles: int
    names: tuple[str, ...] = ()
    fatalities: tuple[tuple[int, str], ...] = ()


# --- rows ------------------------------------------------------------------------------------


def _vectors_blob(report: EventReport) -> bytes | None:
    vectors = [getattr(report, name) for name in _VECTORS]
    if any(v is None for v in vectors):
        return None
    return np.concatenate(vectors).astype(np.float16).tobytes()


def report_row(report: EventReport, article_id: str) -> dict:
    return {
        "event_id": report.id,
        "article_id": article_id,
        "type": report.type,
        "happened": report.happened,
        "day": report.day,
        "admin1": report.admin1,
        "facts": {
            "trigger": report.trigger,
            "participants": sorted(report.participants),
            "times": sorted(report.times),
            "places": sorted(report.places),
        },
        "vectors": _vectors_blob(report),
    }


def report_from(row) -> EventReport:
    keys = row.facts
    vectors: dict[str, np.ndarray | None] = dict.fromkeys(_VECTORS)
    if row.vectors:
        flat = np.frombuffer(row.vectors, np.float16).astype(np.float32)
        for i, name in enumerate(_VECTORS):
            part = flat[i * DIMENSIONS : (i + 1) * DIMENSIONS]
            vectors[name] = part / (np.linalg.norm(part) or 1.0)
    return EventReport(
        id=row.event_id,
        document=row.article_id,
        trigger=keys["trigger"],
        type=row.type,
        happened=row.happened,
        day=row.day,
        admin1=row.admin1,
        participants=frozenset(keys["participants"]),
        times=frozenset(keys["times"]),
        places=frozenset(keys["places"]),
        **vectors,
    )


# --- blocking --------------------------------------------------------------------------------


def _window(day: str) -> tuple[str, str]:
    d = date.fromisoformat(day)
    return (d - timedelta(days=BLOCK_DAYS)).isoformat(), (d + timedelta(days=BLOCK_DAYS)).isoformat()


def candidates(conn: Connection, report: EventReport, cache: dict[str, EventReport] | None = None) -> list[EventReport]:
    """Stored reports sharing the report's blocking keys (one index range, capped). Their ids
    come from the index alone; only the rows not in `cache` (reports already read in this batch:
    a batch's reports share most of their candidates) are read and decoded."""
    cache = {} if cache is None else cache
    if not report.day:
        return []
    r = schema.event_reports
    first, last = _window(report.day)
    block = [r.c.type == report.type, r.c.happened == report.happened, r.c.day.between(first, last)]
    # One index range per admin1 value asked for (the report's own, and unknown), each read in
    # index order and capped, so that no read sorts a whole block.
    regions = [[r.c.admin1 == report.admin1], [r.c.admin1 == ""]] if report.admin1 else [[]]
    ids: list[str] = []
    for region in regions:
        query = select(r.c.event_id, r.c.day).where(*block, *region, r.c.event_id != report.id)
        ids += [row.event_id for row in conn.execute(query.order_by(r.c.day, r.c.event_id).limit(MAX_CANDIDATES))]
    ids = ids[:MAX_CANDIDATES] if len(regions) == 1 else sorted(set(ids))[:MAX_CANDIDATES]
    missing = [i for i in ids if i not in cache]
    if missing:
        cache.update(
            (row.event_id, report_from(row)) for row in conn.execute(select(r).where(r.c.event_id.in_(missing)))
        )
    return [cache[i] for i in ids if i in cache]


# --- writing ---------------------------------------------------------------------------------


def _linked(conn: Connection, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    links = schema.event_links
    found = set()
    for chunk in _chunks(sorted(ids)):
        for a, b in conn.execute(
            select(links.c.event_id, links.c.other_id).where(
                or_(links.c.event_id.in_(chunk), links.c.other_id.in_(chunk))
            )
        ):
            found |= {a, b}
    return found - ids


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _forget(conn: Connection, article_ids: list[str]) -> set[str]:
    """Remove the articles' stored reports and their links; return the reports left whose
    cluster may have changed (the other members of those clusters)."""
    r, links, c = schema.event_reports, schema.event_links, schema.event_clusters
    old = set(conn.scalars(select(r.c.event_id).where(r.c.article_id.in_(article_ids))))
    old |= set(
        conn.scalars(select(schema.event_records.c.id).where(schema.event_records.c.article_id.in_(article_ids)))
    )
    if not old:
        return set()
    clusters = set(conn.scalars(select(c.c.cluster_id).where(c.c.event_id.in_(sorted(old)))))
    members = set(conn.scalars(select(c.c.event_id).where(c.c.cluster_id.in_(sorted(clusters))))) if clusters else set()
    for chunk in _chunks(sorted(old)):
        conn.execute(delete(links).where(or_(links.c.event_id.in_(chunk), links.c.other_id.in_(chunk))))
        conn.execute(delete(c).where(c.c.event_id.in_(chunk)))
    conn.execute(delete(r).where(r.c.article_id.in_(article_ids)))
    return members - old


def _link(
    conn: Connection, report: EventReport, model: CorefModel, done: set[tuple[str, str]], cache: dict
) -> set[str]:
    found = [c for c in candidates(conn, report, cache) if tuple(sorted((c.id, report.id))) not in done]
    if not found:
        return set()
    features = np.stack([pair_features(report, c) for c in found])
    scores = model.probabilities(features)
    rows = []
    for other, features_of, p in zip(found, features, scores, strict=True):
        pair = tuple(sorted((report.id, other.id)))
        done.add(pair)  # type: ignore[arg-type]
        if p >= model.link_threshold:
            rows.append(
                {
                    "event_id": pair[0],
                    "other_id": pair[1],
                    "score": round(float(p), 4),
                    "reasons": model.reasons(features_of),
                }
            )
    if rows:
        conn.execute(schema.event_links.insert(), rows)
    return {str(r["event_id"]) for r in rows} | {str(r["other_id"]) for r in rows}


def _days(conn: Connection, ids: set[str]) -> dict[str, str]:
    r = schema.event_reports
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(ids)):
        out |= dict(conn.execute(select(r.c.event_id, r.c.day).where(r.c.event_id.in_(chunk))).all())
    return out


def _component(conn: Connection, seed: str) -> set[str]:
    """The reports connected to `seed` by links, within 2 x BLOCK_DAYS of its day. Every pair of
    an event's reports is linked and links join reports at most BLOCK_DAYS apart, so any event
    holding the seed or a report linked to it lies inside that span; a story followed day after
    day for months is not walked whole on every batch. (At the span's edge an event is cut from a
    partial view of its links: the price of a bounded look-up.)"""
    day = _days(conn, {seed}).get(seed, "")
    if not day:
        return {seed}
    d = date.fromisoformat(day)
    first, last = ((d + timedelta(days=k * 2 * BLOCK_DAYS)).isoformat() for k in (-1, 1))
    seen, frontier = {seed}, {seed}
    while frontier:
        found = _linked(conn, frontier) - seen
        frontier = {i for i, when in _days(conn, found).items() if first <= when <= last}
        seen |= frontier
    return seen


def _link_scores(conn: Connection, members: list[str]) -> dict[tuple[str, str], float]:
    links = schema.event_links
    inside = set(members)
    scores = {}
    for chunk in _chunks(members):
        for a, b, p in conn.execute(
            select(links.c.event_id, links.c.other_id, links.c.score).where(links.c.event_id.in_(chunk))
        ):
            if b in inside:
                scores[(a, b)] = p
    return scores


def split_component(conn: Connection, component: set[str], model: CorefModel) -> list[list[str]]:
    """A connected set of links cut into events by complete linkage: in an event every pair of
    reports is linked (a pair without a link, never compared or below the threshold, keeps its
    two reports apart). So a report that names no place, linked to a clash in one province and
    to another clash elsewhere, cannot chain the two into one event. (The batch setting of ECB+
    uses average linkage over every pair's probability, eval/ecbplus.py; here most pairs were
    never compared, and an unknown is not evidence of one event.)"""
    members = sorted(component)
    if len(members) <= 2:
        return [members]
    scores = _link_scores(conn, members)
    condensed = np.array([scores.get((a, b), 0.0) for i, a in enumerate(members) for b in members[i + 1 :]])
    try:
        labels = cluster_probabilities(condensed, len(members), model.link_threshold, method="complete")
    except ImportError:  # scipy comes with the models extra; without it a component is one event
        return [members]
    groups: dict[int, list[str]] = {}
    for member, label in zip(members, labels, strict=True):
        groups.setdefault(label, []).append(member)
    return list(groups.values())


def recluster(conn: Connection, ids: set[str], model: CorefModel) -> None:
    """Rewrite the clusters of every report connected to `ids` (resolved reports only)."""
    c, reports = schema.event_clusters, schema.event_reports
    pending = set()
    for chunk in _chunks(sorted(ids)):
        pending |= set(conn.scalars(select(reports.c.event_id).where(reports.c.event_id.in_(chunk))))
    while pending:
        component = _component(conn, min(pending))
        pending -= component
        for chunk in _chunks(sorted(component)):
            conn.execute(delete(c).where(c.c.event_id.in_(chunk)))
        rows = [
            {"event_id": e, "cluster_id": stable_id("evc", min(group))}
            for group in split_component(conn, component, model)
            for e in group
        ]
        conn.execute(c.insert(), rows)


def queue_for_resolution(conn: Connection, article_id: str) -> None:
    """Mark a just-saved article as awaiting resolution (in the save's transaction)."""
    q = schema.event_resolution_queue
    if conn.scalar(select(q.c.article_id).where(q.c.article_id == article_id)) is None:
        conn.execute(q.insert().values(article_id=article_id))


def queued_for_resolution(conn: Connection) -> list[str]:
    q = schema.event_resolution_queue
    return list(conn.scalars(select(q.c.article_id).order_by(q.c.article_id)))


def resolve_reports(
    conn: Connection, article_ids: list[str], reports: Sequence[EventReport], model: CorefModel
) -> None:
    """Store the batch's reports (replacing the articles' earlier ones), link them, recluster,
    and take the articles off the resolution queue."""
    for chunk in _chunks(sorted(article_ids)):
        conn.execute(delete(schema.event_resolution_queue).where(schema.event_resolution_queue.c.article_id.in_(chunk)))
    affected = _forget(conn, article_ids)
    rows = [report_row(r, r.document) for r in reports]
    if rows:
        conn.execute(schema.event_reports.insert(), rows)
    # Score the batch as it is stored (float16 vectors): a pair scores the same whichever of its
    # two reports arrives last, so re-resolving either article gives the same links.
    reports = [report_from(SimpleNamespace(**row)) for row in rows]
    done: set[tuple[str, str]] = set()
    cache: dict[str, EventReport] = {r.id: r for r in reports}
    touched = {r.id for r in reports}
    for report in sorted(reports, key=lambda r: r.id):
        touched |= _link(conn, report, model, done, cache)
    recluster(conn, affected | touched, model)
    apply_cluster_corrections(conn)


# --- reviewed membership ---------------------------------------------------------------------


def cluster_corrections(conn: Connection) -> dict[str, str | None]:
    """Reviewed membership: event id (as the article's last save identified it) -> the event whose
    cluster it belongs in, or None (an event of its own). The latest correction of an event stands;
    one whose event is no longer found (orphaned, unmatched) waits in the log."""
    reviews = reviews_by_correction(conn)
    out: dict[str, str | None] = {}
    for c in read_corrections(conn, kind=CLUSTER):
        review = reviews.get(c.id)
        if review is not None and review["status"] == "applied" and review["annotation_id"]:
            out[review["annotation_id"]] = c.value
    return out


def apply_cluster_corrections(conn: Connection) -> None:
    """Rewrite the clusters reviewed membership touches so that it stands over the machine's
    linking, as reviewed actor merges stand over actor linking (store/actor_links.py). Run after
    every resolution (a recluster puts a report back where its links say) and after a cluster
    correction; a cluster is then named by its smallest event id again, so the names stay a
    function of the members. The work is O(reviewed events and their clusters), not O(store)."""
    overrides = cluster_corrections(conn)
    stored = set()
    for chunk in _chunks(sorted({*overrides, *(t for t in overrides.values() if t)})):
        stored |= set(conn.scalars(select(schema.event_records.c.id).where(schema.event_records.c.id.in_(chunk))))
    overrides = {e: t for e, t in overrides.items() if e in stored and (t is None or t in stored) and t != e}
    if not overrides:
        return
    c = schema.event_clusters
    of = clusters_of(conn, sorted(stored))
    groups: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(set(of.values()))):
        for event, cluster in conn.execute(select(c.c.event_id, c.c.cluster_id).where(c.c.cluster_id.in_(chunk))):
            groups.setdefault(cluster, set()).add(event)
    for event in stored - set(of):  # never resolved: a cluster of its own to start from
        groups[of.setdefault(event, f"own:{event}")] = {event}
    for event, target in overrides.items():
        groups[of[event]].discard(event)
        of[event] = of[target] if target else f"own:{event}"
        groups.setdefault(of[event], set()).add(event)
    members = sorted(e for group in groups.values() for e in group)
    for chunk in _chunks(members):
        conn.execute(delete(c).where(c.c.event_id.in_(chunk)))
    rows = [{"event_id": e, "cluster_id": stable_id("evc", min(g))} for g in groups.values() for e in sorted(g)]
    if rows:
        conn.execute(c.insert(), rows)


# --- reading ---------------------------------------------------------------------------------


def _clusters_of_mentions(conn: Connection, mention_ids: Sequence[str]) -> dict[str, str]:
    """The cluster of each of these event mentions whose record is resolved: only the resolved
    records of their articles are read (joined with their clusters), their `mentions` inverted."""
    e, rec, c = schema.events, schema.event_records, schema.event_clusters
    wanted = set(mention_ids)
    articles: set[str] = set()
    for chunk in _chunks(sorted(wanted)):
        articles |= set(conn.scalars(select(e.c.article_id).where(e.c.id.in_(chunk))))
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(articles)):
        resolved = (
            select(rec.c.mentions, c.c.cluster_id).join(c, c.c.event_id == rec.c.id).where(rec.c.article_id.in_(chunk))
        )
        for mentions, cluster in conn.execute(resolved):
            out |= {m: cluster for m in mentions if m in wanted}
    return out


def clusters_of(conn: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """The cluster of each resolved event record, and of each event mention through its record."""
    out = clusters_of_records(conn, event_ids)
    return out | _clusters_of_mentions(conn, [i for i in event_ids if i not in out])


def clusters_of_records(conn: Connection, record_ids: Sequence[str]) -> dict[str, str]:
    """The cluster of each of these records that has been resolved."""
    c = schema.event_clusters
    out: dict[str, str] = {}
    for chunk in _chunks(list(record_ids)):
        out |= dict(conn.execute(select(c.c.event_id, c.c.cluster_id).where(c.c.event_id.in_(chunk))).all())
    return out


def _member_rows(conn: Connection, cluster_ids: Sequence[str]):
    c, e, a = schema.event_clusters, schema.event_records, schema.articles
    for chunk in _chunks(sorted(set(cluster_ids))):
        yield from conn.execute(
            select(c.c.cluster_id, a.c.id, a.c.story_id, a.c.publisher, e.c.fatalities)
            .join(e, e.c.id == c.c.event_id)
            .join(a, a.c.id == e.c.article_id)
            .where(c.c.cluster_id.in_(chunk))
            .order_by(c.c.cluster_id, a.c.publisher, a.c.id, e.c.id)
        )


def summaries(conn: Connection, cluster_ids: Sequence[str]) -> dict[str, ClusterSummary]:
    """Per cluster: distinct stories (an article without one is its own story), publishers (an
    article without one is its own), articles, the publishers' names and the fatality figures."""
    rows: dict[str, list] = {}
    for row in _member_rows(conn, cluster_ids):
        rows.setdefault(row.cluster_id, []).append(row)
    out = {}
    for cluster, members in rows.items():
        figures = {(m.fatalities, m.publisher or m.id) for m in members if m.fatalities is not None}
        out[cluster] = ClusterSummary(
            stories=len({m.story_id or m.id for m in members}),
            publishers=len({m.publisher or m.id for m in members}),
            articles=len({m.id for m in members}),
            names=tuple(sorted({m.publisher for m in members if m.publisher})),
            fatalities=tuple(sorted(figures)),
        )
    return out


def cluster_members(conn: Connection, cluster_id: str) -> list[str]:
    c = schema.event_clusters
    return list(conn.scalars(select(c.c.event_id).where(c.c.cluster_id == cluster_id).order_by(c.c.event_id)))


def mentions_of_cluster(conn: Connection, cluster_id: str) -> list[str]:
    """The event mentions of the cluster's records (a claim about an event names a mention)."""
    rec = schema.event_records
    members = cluster_members(conn, cluster_id)
    return sorted(
        m
        for chunk in _chunks(members)
        for mentions in conn.scalars(select(rec.c.mentions).where(rec.c.id.in_(chunk)))
        for m in mentions
    )


def cluster_links(conn: Connection, event_ids: Sequence[str]) -> list[dict]:
    links = schema.event_links
    ids = list(event_ids)
    return [
        dict(row)
        for row in conn.execute(
            select(links)
            .where(links.c.event_id.in_(ids), links.c.other_id.in_(ids))
            .order_by(links.c.event_id, links.c.other_id)
        ).mappings()
    ]


__all__ = [
    "BLOCK_DAYS",
    "MAX_CANDIDATES",
    "ClusterSummary",
    "apply_cluster_corrections",
    "candidates",
    "cluster_links",
    "cluster_members",
    "clusters_of",
    "clusters_of_records",
    "recluster",
    "resolve_reports",
    "summaries",
]
