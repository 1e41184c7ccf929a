"""The JSONL contract: one plain dict per record, the same for the CLI, the API and exports.

Field names and meanings are documented in docs/record.md; tests/test_docs.py checks that every
field produced here is documented there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirescope.query.event_records import event_record_dicts
from wirescope.query.events import event_records as build_event_records
from wirescope.query.reviews import review_fields
from wirescope.record import Article, Participant, Span
from wirescope.store import Store
from wirescope.store.actor_links import merged_ids
from wirescope.store.reading import Details

Record = dict[str, Any]


def span_dict(article: Article, span: Span | None) -> Record | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": article.text_of(span)}


def participant_dict(p: Participant | None) -> Record | None:
    if p is None:
        return None
    return {"name": p.name, "id": p.actor_id}


def article_record(a: Article, story_id: str | None = None) -> Record:
    return {
        "id": a.id,
        "story_id": story_id,
        "url": a.url,
        "title": a.title,
        "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "uri": a.source.uri,
        "content_type": a.source.content_type,
        "text": a.text,
        "paragraphs": [[s.start, s.end] for s in a.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in a.removed],
        "repairs": [
            {"start": r.span.start, "end": r.span.end, "before": r.before, "after": r.after, "reason": r.reason}
            for r in a.repairs
        ],
    }


def quote_records(a: Article) -> Iterator[Record]:
    for q in a.quotes:
        yield {
            "id": q.id,
            "article_id": a.id,
            "kind": q.kind,
            "text": a.text_of(q.span),
            "start": q.span.start,
            "end": q.span.end,
            "speaker": participant_dict(q.speaker),
            "cue": span_dict(a, q.cue),
            "venue": q.venue,
            "medium": q.medium,
            "date": q.date,
            **review_fields(a, "quote", q.id),
        }


def event_records(a: Article) -> Iterator[Record]:
    """Events with PLOVER's field names beside the contract's (built in query/events.py)."""
    for record in build_event_records(a):
        yield {**record, **review_fields(a, "event", record["id"])}


def time_records(a: Article) -> Iterator[Record]:
    for t in a.times:
        yield {
            "id": t.id,
            "article_id": a.id,
            "text": a.text_of(t.span),
            "start": t.span.start,
            "end": t.span.end,
            "value": t.value,
            "type": t.type,
            "anchored": t.anchored,
            "mod": t.mod,
            **review_fields(a, "time", t.id),
        }


def place_records(articles: Iterable[Article]) -> list[Record]:
    """Places across articles: one record per place, with every mention of it."""
    merged: dict[str, Record] = {}
    for a in articles:
        for p in a.places:
            rec = merged.setdefault(
                p.id,
                {
                    "id": p.id,
                    "name": p.name,
                    "geonames_id": p.geonames_id,
                    "latitude": p.latitude,
                    "longitude": p.longitude,
                    "country": p.country,
                    "admin1": p.admin1,
                    "feature": p.feature,
                    "precision": p.precision,
                    "anchor_id": p.anchor_id,
                    "offset_km": p.offset_km,
                    "bearing": p.bearing,
                    "mentions": [],
                },
            )
            rec["mentions"] += [
                {"article_id": a.id, "start": s.start, "end": s.end, "text": a.text_of(s)} for s in p.mentions
            ]
    return list(merged.values())


def actor_records(store: Store, articles: Iterable[Article]) -> list[Record]:
    """Actors across articles: registry entry, plus every role, relation and mention of them.

    An actor the registry merged into another (store/actor_links.py) is shown under that one,
    listed in its `merged` field with the confidence and reason of the merge.
    """
    rows = store.actor_rows()
    shown = merged_ids(rows)
    merged: dict[str, Record] = {
        r["id"]: {
            "id": r["id"],
            "name": r["name"],
            "type": r["type"],
            "aliases": list(r["aliases"]),
            "confidence": r.get("confidence"),
            "reason": r.get("reason"),
            "merged": [],
            "roles": [],
            "relations": [],
            "mentions": [],
            "articles": 0,
        }
        for r in rows
        if shown[r["id"]] == r["id"]
    }
    for r in rows:
        if shown[r["id"]] != r["id"] and shown[r["id"]] in merged:
            target = merged[shown[r["id"]]]
            target["merged"].append(
                {
                    "id": r["id"],
                    "name": r["name"],
                    "confidence": r.get("merge_confidence"),
                    "reason": r.get("merge_reason"),
                }
            )
            target["aliases"] += [r["name"], *r["aliases"]]
    for a in articles:
        seen: set[str] = set()
        for m in a.mentions:
            actor_id = shown.get(m.actor_id or "", m.actor_id)
            rec = merged.get(actor_id or "")
            if rec is None:
                continue
            rec["mentions"].append(
                {
                    "article_id": a.id,
                    "start": m.span.start,
                    "end": m.span.end,
                    "text": a.text_of(m.span),
                    "label": m.label,
                }
            )
            seen.add(rec["id"])
        for actor in a.actors:
            rec = merged.get(shown.get(actor.id, actor.id))
            if rec is None:
                continue
            rec["roles"] += [
                {"role": r.role, "article_id": a.id, "start": r.span.start, "end": r.span.end} for r in actor.roles
            ]
            rec["relations"] += [
                {
                    "relation": r.relation,
                    "object_id": shown.get(r.object_id, r.object_id),
                    "article_id": a.id,
                    "start": r.span.start,
                    "end": r.span.end,
                }
                for r in actor.relations
            ]
        for actor_id in seen:
            merged[actor_id]["articles"] += 1
    for rec in merged.values():
        # Descriptions ("the group") and pronouns are mentions, not other names of the actor.
        texts = {m["text"] for m in rec["mentions"] if m["label"] not in ("DESC", "PRON")}
        rec["aliases"] = sorted((set(rec["aliases"]) | texts) - {rec["name"]})
    return [r for r in merged.values() if r["mentions"] or r["roles"]]


def own_actor_records(a: Article) -> list[Record]:
    """One article's actors as the contract shows them, without the cross-article registry."""
    out = []
    for actor in a.actors:
        own = [m for m in a.mentions if m.actor_id == actor.id]
        mentions = [
            {"article_id": a.id, "start": m.span.start, "end": m.span.end, "text": a.text_of(m.span), "label": m.label}
            for m in own
        ]
        texts = {a.text_of(m.span) for m in own if m.label not in ("DESC", "PRON")}
        out.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "aliases": sorted((set(actor.aliases) | texts) - {actor.name}),
                "confidence": actor.confidence,
                "reason": actor.reason,
                "merged": [],
                "roles": [
                    {"role": r.role, "article_id": a.id, "start": r.span.start, "end": r.span.end} for r in actor.roles
                ],
                "relations": [
                    {
                        "relation": r.relation,
                        "object_id": r.object_id,
                        "article_id": a.id,
                        "start": r.span.start,
                        "end": r.span.end,
                    }
                    for r in actor.relations
                ],
                "mentions": mentions,
                "articles": 1,
            }
        )
    return out


def article_records(a: Article) -> dict[str, list[Record]]:
    """Every record of one article, by kind, as `wirescope.records` returns them."""
    return {
        "articles": [article_record(a)],
        "actors": own_actor_records(a),
        "quotes": list(quote_records(a)),
        "events": list(event_records(a)),
        "times": list(time_records(a)),
        "places": place_records([a]),
        "event_records": list(event_record_dicts(a)),
    }


KINDS = ("articles", "actors", "quotes", "events", "times", "places", "event_records")


# The annotation tables each kind's records are built from (the rest are not read).
TABLES_FOR = {
    "articles": ("removed", "repairs"),
    "actors": ("mentions", "roles", "relations"),
    "quotes": ("quotes", "reviews"),
    "events": ("events", "place_mentions", "reviews"),
    "times": ("times", "reviews"),
    "places": ("place_mentions",),
    "event_records": ("event_records", "events", "place_mentions", "reviews"),
}


def records(store: Store, kind: str, article_ids: list[str] | None = None) -> list[Record]:
    """Every record of one kind, optionally only from some articles."""
    articles = store.stream(article_ids, TABLES_FOR[kind])
    if kind == "articles":
        stories = store.story_ids(article_ids)
        return [article_record(a, stories.get(a.id)) for a in articles]
    if kind == "actors":
        return actor_records(store, articles)
    if kind == "places":
        return place_records(articles)
    per_article = {
        "quotes": quote_records,
        "events": event_records,
        "times": time_records,
        "event_records": event_record_dicts,
    }[kind]
    return [r for a in articles for r in per_article(a)]


def actor_records_from(details: Details) -> list[Record]:
    """Actor records (the same fields as `actor_records`) from the rows the store read for some
    actors: what an API page of actors shows without reading every article."""
    shown = {**details.shown_as, **merged_ids(details.heads)}
    merged = {
        r["id"]: {
            "id": r["id"],
            "name": r["name"],
            "type": r["type"],
            "aliases": list(r["aliases"]),
            "confidence": r.get("confidence"),
            "reason": r.get("reason"),
            "merged": [],
            "roles": [],
            "relations": [],
            "mentions": [],
            "articles": 0,
        }
        for r in details.heads
        if shown[r["id"]] == r["id"]
    }
    for r in details.heads:
        target = merged.get(shown[r["id"]])
        if target is not None and target["id"] != r["id"]:
            target["merged"].append(
                {
                    "id": r["id"],
                    "name": r["name"],
                    "confidence": r.get("merge_confidence"),
                    "reason": r.get("merge_reason"),
                }
            )
            target["aliases"] += [r["name"], *r["aliases"]]
    articles: dict[str, set[str]] = {}
    for m in details.mentions:
        rec = merged[shown[m["actor_id"]]]
        rec["mentions"].append(
            {
                "article_id": m["article_id"],
                "start": m["start"],
                "end": m["end"],
                "text": m["text"],
                "label": m["label"],
            }
        )
        articles.setdefault(rec["id"], set()).add(m["article_id"])
    for r in details.roles:
        merged[shown[r["actor_id"]]]["roles"].append(
            {"role": r["role"], "article_id": r["article_id"], "start": r["start"], "end": r["end"]}
        )
    for r in details.relations:
        merged[shown[r["subject_id"]]]["relations"].append(
            {
                "relation": r["relation"],
                "object_id": shown.get(r["object_id"], r["object_id"]),
                "article_id": r["article_id"],
                "start": r["start"],
                "end": r["end"],
            }
        )
    for rec in merged.values():
        rec["articles"] = len(articles.get(rec["id"], ()))
        texts = {m["text"] for m in rec["mentions"] if m["label"] not in ("DESC", "PRON")}
        rec["aliases"] = sorted((set(rec["aliases"]) | texts) - {rec["name"]})
    return [r for r in merged.values() if r["mentions"] or r["roles"]]


def place_records_from(details: Details) -> list[Record]:
    """Place records (the same fields as `place_records`) from the rows the store read for some places."""
    by_id = {p["id"]: {**_place_fields(p), "mentions": []} for p in details.heads}
    for m in details.mentions:
        by_id[m["place_id"]]["mentions"].append(
            {"article_id": m["article_id"], "start": m["start"], "end": m["end"], "text": m["text"]}
        )
    return [r for r in by_id.values() if r["mentions"]]


def _place_fields(p: Record) -> Record:
    return {
        k: p.get(k)
        for k in (
            "id",
            "name",
            "geonames_id",
            "latitude",
            "longitude",
            "country",
            "admin1",
            "feature",
            "precision",
            "anchor_id",
            "offset_km",
            "bearing",
        )
    }
