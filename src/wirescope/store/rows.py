"""Records to rows and back. Text columns are written for readers; offsets are what is read."""

from __future__ import annotations

from datetime import date
from typing import Any

from wirescope.record import (
    Actor,
    Argument,
    Article,
    Claim,
    Event,
    EventRecord,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Relation,
    Removed,
    Repair,
    Review,
    Role,
    Source,
    Span,
    TimeRef,
    stable_id,
)

Row = dict[str, Any]


def span_cols(span: Span | None, prefix: str = "") -> Row:
    if span is None:
        return {f"{prefix}start": None, f"{prefix}end": None}
    return {f"{prefix}start": span.start, f"{prefix}end": span.end}


def span_from(row: Row, prefix: str = "") -> Span | None:
    """The span in the row's `start`/`end` columns (with a prefix: `cue_start`...), None where unset."""
    start, end = row[f"{prefix}start"], row[f"{prefix}end"]
    return None if start is None else Span(start, end)


def span_of(row: Row, prefix: str = "") -> Span:
    """The span a row must have: every annotation's own offsets are NOT NULL in the schema."""
    return Span(row[f"{prefix}start"], row[f"{prefix}end"])


def participant_cols(p: Participant | None, prefix: str) -> Row:
    return {
        f"{prefix}_name": p.name if p else None,
        f"{prefix}_id": p.actor_id if p else None,
        **span_cols(p.span if p else None, f"{prefix}_"),
    }


def participant_from(row: Row, prefix: str) -> Participant | None:
    name = row[f"{prefix}_name"]
    if name is None:
        return None
    return Participant(name, row[f"{prefix}_id"], span_from(row, f"{prefix}_"))


def is_day(value: str | None) -> bool:
    """Whether a time value starts with a full calendar day (2021-09-06, 2021-09-06T10:00)."""
    try:
        date.fromisoformat((value or "")[:10])
        return True
    except ValueError:
        return False


def event_day(time_value: str | None, published: str | None) -> str:
    """The day an event is placed on: its own when the text gives a full day, else its article's
    publication day, '' when neither is known (the `day` column listings order by)."""
    if time_value and is_day(time_value):
        # fromisoformat also reads ISO weeks ("2021-W34" is its Monday): the column holds a day.
        return date.fromisoformat(time_value[:10]).isoformat()
    return published or ""


def article_row(a: Article, pipeline: list[str], ingested_at: str) -> Row:
    return {
        "id": a.id,
        "source_sha256": a.source.sha256,
        "uri": a.source.uri,
        "url": a.url,
        "title": a.title,
        "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "text": a.text,
        "paragraphs": [[s.start, s.end] for s in a.paragraphs],
        "sentences": [[s.start, s.end] for s in a.sentences],
        "pipeline": pipeline,
        "ingested_at": ingested_at,
    }


def source_row(s: Source) -> Row:
    return {
        "sha256": s.sha256,
        "uri": s.uri,
        "content_type": s.content_type,
        "encoding": s.encoding,
        "size": len(s.raw),
        "raw": s.raw,
    }


def annotation_rows(a: Article) -> dict[str, list[Row]]:
    """Every per-article row, by table name."""
    text, aid = a.text, a.id
    published = a.published.isoformat() if a.published else ""
    records = {m: r.id for r in a.event_records for m in r.mentions}
    return {
        "removed": [
            {"article_id": aid, "seq": i, "text": r.text, "reason": r.reason, "start": r.start, "end": r.end}
            for i, r in enumerate(a.removed)
        ],
        "repairs": [
            {"article_id": aid, "seq": i, **span_cols(r.span), "before": r.before, "after": r.after, "reason": r.reason}
            for i, r in enumerate(a.repairs)
        ],
        "mentions": [
            {
                "article_id": aid,
                "seq": i,
                **span_cols(m.span),
                "text": m.span.of(text),
                "label": m.label,
                "actor_id": m.actor_id,
            }
            for i, m in enumerate(a.mentions)
        ],
        "roles": [
            {"article_id": aid, "actor_id": actor.id, "role": r.role, **span_cols(r.span)}
            for actor in a.actors
            for r in actor.roles
        ],
        "relations": [
            {
                "article_id": aid,
                "subject_id": actor.id,
                "relation": r.relation,
                "object_id": r.object_id,
                **span_cols(r.span),
            }
            for actor in a.actors
            for r in actor.relations
        ],
        "quotes": [{**quote_row(aid, text, q), "day": published} for q in a.quotes],
        "events": [{**event_row(aid, text, e, published), "record_id": records.get(e.id)} for e in a.events],
        "times": [
            {
                "id": t.id,
                "article_id": aid,
                **span_cols(t.span),
                "text": t.span.of(text),
                "value": t.value,
                "type": t.type,
                "anchored": t.anchored,
                "mod": t.mod,
            }
            for t in a.times
        ],
        "place_mentions": [
            {"article_id": aid, "place_id": p.id, **span_cols(s), "text": s.of(text)}
            for p in a.places
            for s in p.mentions
        ],
        "event_records": [event_record_row(aid, text, r, published) for r in a.event_records],
        "claims": [claim_row(aid, text, c) for c in a.claims],
        "reviews": [review_row(aid, i, r) for i, r in enumerate(a.reviews)],
    }


def claim_row(aid: str, text: str, c: Claim) -> Row:
    return {
        "id": c.id,
        "article_id": aid,
        **span_cols(c.span),
        "text": c.span.of(text),
        "subject": c.subject.name if c.subject else "",
        "predicate": c.predicate,
        "polarity": c.stance != "denies",
        **participant_cols(c.claimant, "source"),
        **span_cols(c.cue, "cue_"),
        "stance": c.stance,
        **span_cols(c.stance_evidence, "stance_"),
        "kind": c.kind,
        "subject_id": c.subject.actor_id if c.subject else None,
        **span_cols(c.subject.span if c.subject else None, "subject_"),
        **participant_cols(c.object, "object"),
        **participant_cols(c.place, "place"),
        "time_value": c.time,
        **span_cols(c.time_evidence, "time_"),
        "count": c.count,
        **span_cols(c.count_evidence, "count_"),
        "modality": c.modality,
        "date": c.date,
        "event_id": c.event_id,
        "quote_id": c.quote_id,
    }


def review_row(aid: str, seq: int, r: Review) -> Row:
    return {
        "article_id": aid,
        "seq": seq,
        "correction_id": r.correction_id,
        "kind": r.kind,
        "action": r.action,
        "field": r.field,
        "status": r.status,
        "annotation_id": r.annotation_id,
        **span_cols(r.span),
        "machine": r.machine,
    }


def review_from(r: Row) -> Review:
    return Review(
        r["correction_id"],
        r["kind"],
        r["action"],
        r["field"],
        r["status"],
        r["annotation_id"],
        span_from(r),
        r["machine"],
    )


def quote_row(aid: str, text: str, q: Quote) -> Row:
    return {
        "id": q.id,
        "article_id": aid,
        "kind": q.kind,
        **span_cols(q.span),
        "text": q.span.of(text),
        **participant_cols(q.speaker, "speaker"),
        **span_cols(q.cue, "cue_"),
        "venue": q.venue,
        "medium": q.medium,
        "date": q.date,
    }


def event_row(aid: str, text: str, e: Event, published: str = "") -> Row:
    row = {
        "id": e.id,
        "article_id": aid,
        "type": e.type,
        "mode": e.mode,
        "modality": e.modality,
        "historical": e.historical,
        **span_cols(e.evidence, "evidence_"),
        "evidence_text": e.evidence.of(text),
        **participant_cols(e.actor, "actor"),
        **participant_cols(e.target, "target"),
        **participant_cols(e.place, "place"),
        **participant_cols(e.source, "source"),
        "time_value": e.time.value if e.time else None,
        "time_precision": e.time.precision if e.time else None,
        "fatalities": e.fatalities,
        "injured": e.injured,
        "day": event_day(e.time.value if e.time else None, published),
    }
    return {**row, **report_columns(row)}


def _who(row: Row, prefix: str) -> str:
    """A participant as a grouping key: its actor or place id, else its name as written (case and
    surrounding spaces aside), else ''."""
    return row[f"{prefix}_id"] or (row[f"{prefix}_name"] or "").strip().lower()


def report_columns(row: Row) -> Row:
    """The events columns the report counts by (schema.py `in_period`, `named`, `group_key`),
    from an events row's own columns: written with the row, and by migration 17 for old rows.

    An event naming no doer, target or place would join every such event of its type and day
    into one group: it stays in a group of its own article."""
    time_value, day = row["time_value"], row["day"]
    recalled = bool(time_value) and day != "" and time_value[:4] < day[:4]
    named = row["actor_name"] is not None or row["target_name"] is not None
    alone = "" if named or row["place_name"] is not None else row["article_id"]
    key = (row["type"], day, _who(row, "actor"), _who(row, "target"), _who(row, "place"), alone)
    return {
        "in_period": not row["historical"] and not recalled,
        "named": named,
        "group_key": stable_id("grp", *key),
    }


def argument_cols(g: Argument) -> Row:
    return {
        "role": g.role,
        "value": g.value,
        "normalized": g.normalized,
        "filled_from": g.filled_from,
        **span_cols(g.evidence),
    }


def event_record_row(aid: str, text: str, r: EventRecord, published: str = "") -> Row:
    def normalized(g: Argument | None) -> Any:
        return None if g is None else g.normalized

    date_value = None if r.date is None else str(r.date.normalized)
    return {
        "id": r.id,
        "article_id": aid,
        "type": r.type,
        "mode": r.mode,
        "modality": r.modality,
        "historical": r.historical,
        **span_cols(r.evidence, "evidence_"),
        "evidence_text": r.evidence.of(text),
        "mentions": list(r.mentions),
        "arguments": [argument_cols(g) for g in r.arguments()],
        "actor_id": normalized(r.actor),
        "target_id": normalized(r.target),
        "place_id": normalized(r.place),
        "date_value": date_value,
        "fatalities": normalized(r.fatalities),
        "injured": normalized(r.injured),
        "captured": normalized(r.captured),
        "time_precision": r.time_precision,
        "geo_precision": r.geo_precision,
        "day": event_day(date_value, published),
    }


def place_row(p: Place) -> Row:
    return {
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
    }


def actor_row(a: Actor) -> Row:
    return {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "aliases": list(a.aliases),
        "confidence": a.confidence,
        "reason": a.reason,
    }


# --- back to records -------------------------------------------------------------------------


def spans(pairs: list[list[int]]) -> tuple[Span, ...]:
    return tuple(Span(s, e) for s, e in pairs)


def article_from(
    row: Row, source: Source, parts: dict[str, list[Row]], actors: dict[str, Row], places: dict[str, Row]
) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        source=source,
        title=row["title"],
        url=row["url"],
        publisher=row["publisher"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        language=row["language"],
        paragraphs=spans(row["paragraphs"]),
        sentences=spans(row["sentences"]),
        removed=tuple(Removed(r["text"], r["reason"], r["start"], r["end"]) for r in parts["removed"]),
        repairs=tuple(Repair(span_of(r), r["before"], r["after"], r["reason"]) for r in parts["repairs"]),
        mentions=tuple(Mention(span_of(r), r["label"], r["actor_id"]) for r in parts["mentions"]),
        actors=_actors_from(parts, actors),
        quotes=tuple(_quote_from(r) for r in parts["quotes"]),
        events=tuple(_event_from(r) for r in parts["events"]),
        times=tuple(
            TimeRef(r["id"], span_of(r), r["value"], r["type"], r["anchored"], r["mod"]) for r in parts["times"]
        ),
        places=_places_from(parts["place_mentions"], places),
        event_records=tuple(_event_record_from(r) for r in parts["event_records"]),
        claims=tuple(claim_from(r) for r in parts["claims"]),
        reviews=tuple(review_from(r) for r in parts.get("reviews", ())),
    )


def claim_from(r: Row) -> Claim:
    subject = Participant(r["subject"], r["subject_id"], span_from(r, "subject_")) if r["subject"] else None
    return Claim(
        id=r["id"],
        span=span_of(r),
        claimant=participant_from(r, "source"),
        cue=span_from(r, "cue_"),
        stance=r["stance"],
        stance_evidence=span_from(r, "stance_"),
        kind=r["kind"],
        predicate=r["predicate"],
        subject=subject,
        object=participant_from(r, "object"),
        place=participant_from(r, "place"),
        time=r["time_value"],
        time_evidence=span_from(r, "time_"),
        count=r["count"],
        count_evidence=span_from(r, "count_"),
        modality=r["modality"],
        date=r["date"],
        event_id=r["event_id"],
        quote_id=r["quote_id"],
    )


def _actors_from(parts: dict[str, list[Row]], actors: dict[str, Row]) -> tuple[Actor, ...]:
    ids = list(dict.fromkeys(r["actor_id"] for r in parts["mentions"] if r["actor_id"]))
    ids += [r["actor_id"] for r in parts["roles"] if r["actor_id"] not in ids]
    result = []
    for aid in dict.fromkeys(ids):
        a = actors[aid]
        result.append(
            Actor(
                aid,
                a["name"],
                a["type"],
                tuple(a["aliases"]),
                roles=tuple(Role(r["role"], span_of(r)) for r in parts["roles"] if r["actor_id"] == aid),
                relations=tuple(
                    Relation(r["relation"], r["object_id"], span_of(r))
                    for r in parts["relations"]
                    if r["subject_id"] == aid
                ),
                confidence=1.0 if a.get("confidence") is None else a["confidence"],
                reason=a.get("reason") or "",
            )
        )
    return tuple(result)


def _quote_from(r: Row) -> Quote:
    return Quote(
        r["id"],
        r["kind"],
        span_of(r),
        participant_from(r, "speaker"),
        span_from(r, "cue_"),
        r["venue"],
        r["medium"],
        r["date"],
    )


def _event_from(r: Row) -> Event:
    time = EventTime(r["time_value"], r["time_precision"]) if r["time_value"] else None
    return Event(
        r["id"],
        r["type"],
        span_of(r, "evidence_"),
        r["modality"],
        r["historical"],
        r["mode"],
        participant_from(r, "actor"),
        participant_from(r, "target"),
        participant_from(r, "place"),
        time,
        participant_from(r, "source"),
        r["fatalities"],
        r["injured"],
    )


def _event_record_from(r: Row) -> EventRecord:
    arguments = {
        g["role"]: Argument(g["role"], g["value"], g["filled_from"], span_from(g), g["normalized"])
        for g in r["arguments"]
    }
    return EventRecord(
        r["id"],
        r["type"],
        tuple(r["mentions"]),
        span_of(r, "evidence_"),
        r["modality"],
        r["historical"],
        r["mode"],
        **arguments,
        time_precision=r["time_precision"],
        geo_precision=r["geo_precision"],
    )


def _places_from(mention_rows: list[Row], places: dict[str, Row]) -> tuple[Place, ...]:
    by_place: dict[str, list[Span]] = {}
    for r in mention_rows:
        by_place.setdefault(r["place_id"], []).append(span_of(r))
    result = []
    for pid, mention_spans in by_place.items():
        p = places[pid]
        result.append(
            Place(
                pid,
                p["name"],
                tuple(mention_spans),
                p["geonames_id"],
                p["latitude"],
                p["longitude"],
                p["country"],
                p["admin1"],
                p["feature"],
                p["precision"],
                p.get("anchor_id"),
                p.get("offset_km"),
                p.get("bearing"),
            )
        )
    return tuple(result)
