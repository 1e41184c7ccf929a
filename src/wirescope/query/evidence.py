"""One article's evidence: every annotation as a span with its record, and the text cut at their edges.

The web's article view and the report both show an article's text with its annotations marked.
Annotations overlap (an actor named inside a quote inside an event's sentence), so the text is
cut into segments at every annotation edge; each segment lists the annotations covering it, and
the page nests nothing. Text stays plain: whoever renders a segment escapes it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from wirescope.corrections.kinds import span_id
from wirescope.query.event_records import event_record_dicts
from wirescope.query.records import (
    Record,
    article_record,
    event_records,
    quote_records,
    review_fields,
    time_records,
)
from wirescope.record import Article


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    kind: str  # quote, event, mention, time, place
    start: int
    end: int
    style: str  # the class a page gives it: the kind, and for events their modality
    label: str  # a short description for a tooltip
    record: Record

    def as_dict(self) -> Record:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "style": self.style,
            "label": self.label,
            "record": self.record,
        }


def event_style(event: Record) -> str:
    """Asserted events that happened look one way; negated, hypothetical, claimed... each another."""
    if event["historical"]:
        return "event historical"
    return f"event {event['modality']}"


def _quote_annotations(a: Article) -> list[Annotation]:
    return [
        Annotation(
            q["id"],
            "quote",
            q["start"],
            q["end"],
            f"quote {q['kind']}",
            f"{q['kind']} quote by {(q['speaker'] or {}).get('name') or 'unattributed'}",
            q,
        )
        for q in quote_records(a)
    ]


def _event_annotations(a: Article) -> list[Annotation]:
    return [
        Annotation(
            e["id"],
            "event",
            e["evidence"]["start"],
            e["evidence"]["end"],
            event_style(e),
            f"{e['type']} ({'historical' if e['historical'] else e['modality']})",
            e,
        )
        for e in event_records(a)
    ]


def _mention_annotations(a: Article) -> list[Annotation]:
    names = {actor.id: actor for actor in a.actors}
    result = []
    for m in a.mentions:
        if not m.actor_id:
            continue
        actor = names.get(m.actor_id)
        ident = span_id(a.id, "mention", m.span)
        record = {
            "id": ident,
            "article_id": a.id,
            "start": m.span.start,
            "end": m.span.end,
            "text": a.text_of(m.span),
            "label": m.label,
            "actor_id": m.actor_id,
            "actor": actor.name if actor else None,
            "actor_type": actor.type if actor else None,
            **review_fields(a, "mention", ident),
        }
        result.append(
            Annotation(
                ident,
                "mention",
                m.span.start,
                m.span.end,
                "mention",
                f"{actor.name if actor else m.actor_id} ({m.label})",
                record,
            )
        )
    return result


def _time_annotations(a: Article) -> list[Annotation]:
    return [
        Annotation(t["id"], "time", t["start"], t["end"], "time", f"time {t['value'] or '?'}", t)
        for t in time_records(a)
    ]


def _place_annotations(a: Article) -> list[Annotation]:
    result = []
    for p in a.places:
        for s in p.mentions:
            ident = span_id(a.id, "place", s)
            record = {
                "id": ident,
                "article_id": a.id,
                "place_id": p.id,
                "name": p.name,
                "start": s.start,
                "end": s.end,
                "text": a.text_of(s),
                "latitude": p.latitude,
                "longitude": p.longitude,
                "country": p.country,
                "feature": p.feature,
                "geonames_id": p.geonames_id,
                **review_fields(a, "place", ident),
            }
            result.append(Annotation(ident, "place", s.start, s.end, "place", f"place {p.name}", record))
    return result


def article_annotations(a: Article) -> list[Annotation]:
    """Every annotation of the article, widest first at each start (so wider ones draw underneath)."""
    found = (
        _quote_annotations(a)
        + _event_annotations(a)
        + _mention_annotations(a)
        + _time_annotations(a)
        + _place_annotations(a)
    )
    return sorted((x for x in found if x.end > x.start), key=lambda x: (x.start, -x.end, x.kind))


def segments(text: str, marks: list[Annotation]) -> list[Record]:
    """The text cut at every annotation edge: [{"text", "start", "end", "ids", "styles"}]."""
    edges = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    result = []
    for start, end in itertools.pairwise(edges):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        result.append(
            {
                "text": text[start:end],
                "start": start,
                "end": end,
                "ids": [m.id for m in covering],
                "styles": sorted({s for m in covering for s in m.style.split()}),
            }
        )
    return result


def review_dict(r) -> Record:
    span = {"start": r.span.start, "end": r.span.end} if r.span else {"start": None, "end": None}
    return {
        "correction_id": r.correction_id,
        "kind": r.kind,
        "action": r.action,
        "field": r.field,
        "status": r.status,
        "annotation_id": r.annotation_id,
        **span,
        "machine": r.machine,
    }


def article_evidence(a: Article) -> Record:
    """The article's record, its annotations, and its text in segments: all a page needs to show it."""
    marks = article_annotations(a)
    record = article_record(a)
    return {
        "article": record,
        "annotations": [m.as_dict() for m in marks],
        "segments": segments(a.text, marks),
        # one per real-world event; its mentions (the event annotations above) are its evidence
        "records": list(event_record_dicts(a)),
        # Every correction of the article and what it did, with the machine's value: a rejected
        # annotation is shown here, no longer in the text.
        # One line per correction: a record following a corrected mention is not one of its own.
        "reviews": [review_dict(r) for r in a.reviews if r.action != "follow"],
        "counts": {
            kind: sum(1 for m in marks if m.kind == kind) for kind in ("quote", "event", "mention", "time", "place")
        },
    }
