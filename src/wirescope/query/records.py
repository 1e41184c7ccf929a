"""The JSONL contract: one plain dict per record, the same for the CLI, the API and exports.

Field names and meanings are documented in docs/record.md; tests/test_docs.py checks that every
field produced here is documented there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirescope.record import Article, Participant, Span
from wirescope.store import Store

Record = dict[str, Any]


def span_dict(article: Article, span: Span | None) -> Record | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": article.text_of(span)}


def participant_dict(p: Participant | None) -> Record | None:
    if p is None:
        return None
    return {"name": p.name, "id": p.actor_id}


def article_record(a: Article) -> Record:
    return {
        "id": a.id, "url": a.url, "title": a.title, "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None, "language": a.language,
        "uri": a.source.uri, "content_type": a.source.content_type, "text": a.text,
        "paragraphs": [[s.start, s.end] for s in a.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in a.removed],
        "repairs": [{"start": r.span.start, "end": r.span.end, "before": r.before, "after": r.after,
                     "reason": r.reason} for r in a.repairs],
    }


def quote_records(a: Article) -> Iterator[Record]:
    for q in a.quotes:
        yield {
            "id": q.id, "article_id": a.id, "kind": q.kind, "text": a.text_of(q.span), "start": q.span.start,
            "end": q.span.end, "speaker": participant_dict(q.speaker), "cue": span_dict(a, q.cue),
            "venue": q.venue, "medium": q.medium, "date": q.date,
        }


def event_records(a: Article) -> Iterator[Record]:
    for e in a.events:
        yield {
            "id": e.id, "article_id": a.id, "type": e.type, "mode": e.mode,
            "actor": participant_dict(e.actor), "target": participant_dict(e.target),
            "place": participant_dict(e.place),
            "time": {"value": e.time.value, "precision": e.time.precision} if e.time else None,
            "modality": e.modality, "source": participant_dict(e.source), "historical": e.historical,
            "happened": e.modality == "asserted" and not e.historical,
            "fatalities": e.fatalities, "injured": e.injured, "evidence": span_dict(a, e.evidence),
        }


def time_records(a: Article) -> Iterator[Record]:
    for t in a.times:
        yield {"id": t.id, "article_id": a.id, "text": a.text_of(t.span), "start": t.span.start,
               "end": t.span.end, "value": t.value, "type": t.type, "anchored": t.anchored}


def place_records(articles: Iterable[Article]) -> list[Record]:
    """Places across articles: one record per place, with every mention of it."""
    merged: dict[str, Record] = {}
    for a in articles:
        for p in a.places:
            rec = merged.setdefault(p.id, {
                "id": p.id, "name": p.name, "geonames_id": p.geonames_id, "latitude": p.latitude,
                "longitude": p.longitude, "country": p.country, "admin1": p.admin1, "feature": p.feature,
                "precision": p.precision, "mentions": [],
            })
            rec["mentions"] += [{"article_id": a.id, "start": s.start, "end": s.end, "text": a.text_of(s)}
                                for s in p.mentions]
    return list(merged.values())


def actor_records(store: Store, articles: Iterable[Article]) -> list[Record]:
    """Actors across articles: registry entry, plus every role, relation and mention of them."""
    merged: dict[str, Record] = {
        r["id"]: {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": list(r["aliases"]),
                  "roles": [], "relations": [], "mentions": [], "articles": 0}
        for r in store.actor_rows()
    }
    for a in articles:
        seen = set()
        for m in a.mentions:
            rec = merged.get(m.actor_id or "")
            if rec is None:
                continue
            rec["mentions"].append({"article_id": a.id, "start": m.span.start, "end": m.span.end,
                                    "text": a.text_of(m.span)})
            seen.add(m.actor_id)
        for actor in a.actors:
            rec = merged.get(actor.id)
            if rec is None:
                continue
            rec["roles"] += [{"role": r.role, "article_id": a.id, "start": r.span.start, "end": r.span.end}
                             for r in actor.roles]
            rec["relations"] += [{"relation": r.relation, "object_id": r.object_id, "article_id": a.id,
                                  "start": r.span.start, "end": r.span.end} for r in actor.relations]
        for actor_id in seen:
            merged[actor_id]["articles"] += 1
    for rec in merged.values():
        texts = {m["text"] for m in rec["mentions"]} - {rec["name"]}
        rec["aliases"] = sorted(set(rec["aliases"]) | texts)
    return [r for r in merged.values() if r["mentions"] or r["roles"]]


KINDS = ("articles", "actors", "quotes", "events", "times", "places")


def records(store: Store, kind: str, article_ids: list[str] | None = None) -> list[Record]:
    """Every record of one kind, optionally only from some articles."""
    articles = list(store.articles(article_ids))
    if kind == "articles":
        return [article_record(a) for a in articles]
    if kind == "actors":
        return actor_records(store, articles)
    if kind == "places":
        return place_records(articles)
    per_article = {"quotes": quote_records, "events": event_records, "times": time_records}[kind]
    return [r for a in articles for r in per_article(a)]
