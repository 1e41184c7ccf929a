"""Corrections as the CLI, the API and the web make and list them, through the Store.

A target is named by the id a reader sees: an event, quote or time id; ARTICLE/mention/START-END
or ARTICLE/place/START-END for a mention or a place mention; an actor id for a merge or split.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from typing import Any

from wirescope.corrections.making import actor_correction, addition_of, correction_of
from wirescope.corrections.model import ACTOR, Action, Correction
from wirescope.errors import NotFound
from wirescope.record import Span
from wirescope.store import Store
from wirescope.store.filters import Filter

Record = dict[str, Any]
OWNED_KINDS = ("events", "quotes", "times", "event_records", "claims")


def parse_value(text: str) -> Any:
    """A --set value: JSON when it parses as an object, a list, a number, true/false or null;
    otherwise the text itself (so `speaker=Ahmad Karimi` needs no quoting)."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, (dict, list, int, float, bool)) or value is None else text


def article_of(store: Store, target_id: str) -> str:
    """The article an annotation id belongs to."""
    if "/" in target_id:
        return target_id.split("/", 1)[0]
    for kind in OWNED_KINDS:
        owner = store.owners(kind, [target_id]).get(target_id)
        if owner:
            return owner
    raise NotFound(
        f"no event, quote, time, event record or claim with id {target_id!r} in {store.description}",
        hint="ids are in `wirescope events --format jsonl`; a mention is ARTICLE/mention/START-END",
    )


def _actor_row(store: Store, target_id: str) -> Record | None:
    if not target_id.startswith("actor_"):
        return None
    return next((r for r in store.actor_details([target_id]).heads if r["id"] == target_id), None)


PARTICIPANT_FIELDS = ("speaker", "actor", "target", "source", "place", "claimant")


def _named(field: str, value: str) -> Any:
    return {"name": value} if field in PARTICIPANT_FIELDS else value


def place_named(name: str) -> Record:
    """A place correction given by name: the country of that name, else the most populous town,
    else region (a reviewer naming "Kandahar" means the city more often than the province)."""
    from wirescope.geo.gazetteer import gazetteer

    gaz = gazetteer()
    entries = next((found for found in (gaz.countries(name), gaz.towns(name), gaz.regions(name)) if found), [])
    entries = [e for e in entries if e.located]
    if not entries:
        raise NotFound(
            f"the gazetteer knows no located place named {name!r}",
            hint='give the place as JSON: {"name": ..., "latitude": ..., "longitude": ..., "country": ...}',
        )
    e = max(entries, key=lambda x: x.population)
    feature = {"country": "country", "admin1": "admin1", "admin2": "admin2", "city": "populated place"}[e.kind]
    precision = {"city": 1, "admin2": 2}.get(e.kind, 3)
    return {
        "name": e.name,
        "geonames_id": e.geonames_id,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "country": e.country,
        "admin1": e.admin1,
        "feature": feature,
        "precision": precision,
    }


def _resolved(store: Store, kind: str, field: str, value: Any) -> Any:
    """A participant given by name gets the id of the stored actor (or, for an event's place,
    the stored place) of that exact name or alias; a name nothing matches stays a bare name."""
    if not (isinstance(value, dict) and value.get("name") and not value.get("id")):
        return value
    if kind == "place" or field not in PARTICIPANT_FIELDS:
        return value  # a place mention's resolution is a place, not a participant
    name = str(value["name"])
    if field == "place":
        found = store.page("places", Filter(place=name), limit=1).ids
    else:
        found = store.page("actors", Filter(actor=name), limit=1).ids
    return {**value, "id": found[0]} if found else value


def correct(
    store: Store,
    target_id: str,
    action: Action,
    field: str = "*",
    value: Any = None,
    *,
    author: str = "anonymous",
    reason: str = "",
) -> Correction:
    """Record one correction of a stored annotation (or actor) and re-apply it at once."""
    current = _actor_row(store, target_id)
    if field == "cluster":  # clusters hold event records: a mention stands for its record
        target_id = _record_of(store, target_id)
    if current is not None:
        c = _actor_correction(store, current, action, field, value, author=author, reason=reason)
    else:
        article = store.article(article_of(store, target_id))
        kind = "place" if "/place/" in target_id else "other"
        if action == "set" and isinstance(value, str):
            value = place_named(value) if kind == "place" else _named(field, value)
        value = _resolved(store, kind, field, value)
        if field == "cluster":
            value = _cluster_target(store, target_id, value)
        c = correction_of(article, target_id, action, field, value, author=author, reason=reason)
        if c.kind == "cluster":  # the machine's cluster is in the store, not in the article
            c = replace(c, machine=store.event_clusters([target_id]).get(target_id))
    store.record_corrections([c])
    return c


def _record_of(store: Store, event_id: str) -> str:
    """The event record an event mention belongs to (a record id is its own)."""
    if store.owners("event_records", [event_id]):
        return event_id
    owner = store.owners("events", [event_id]).get(event_id)
    if owner is None:
        return event_id
    return next((r.id for r in store.article(owner).event_records if event_id in r.mentions), event_id)


def _cluster_target(store: Store, record_id: str, value: Any) -> str | None:
    """The event record whose cluster a record joins: an event record or mention id, or a
    cluster id (its smallest other member stands for it, as cluster ids follow their members);
    empty takes the record out."""
    if value in (None, ""):
        return None
    text = str(value)
    if text.startswith("evc_"):
        members = [m for m in store.cluster_members(text)[0] if m != record_id]
        if not members:
            raise NotFound(f"no event cluster {text!r} with other reports in {store.description}")
        return members[0]
    target = _record_of(store, text)
    if not store.owners("event_records", [target]):
        raise NotFound(f"no event {text!r} in {store.description}", hint="event ids are in `wirescope events`")
    return target


def _actor_correction(store: Store, current: Record, action: str, field: str, value: Any, **who: str) -> Correction:
    """A merge (merged_into another stored actor's id) or a split (merged_into empty)."""
    from wirescope.corrections.kinds import BadValue

    if action != "set" or field != "merged_into":
        raise BadValue(
            f"an actor is corrected by merging or splitting it, not by {action} {field}",
            hint="--set merged_into=OTHER_ACTOR_ID merges it; --set merged_into= splits it off",
        )
    into = value or None
    if into is not None and _actor_row(store, str(into)) is None:
        raise NotFound(f"no actor with id {into!r} in {store.description}", hint="actor ids are in `wirescope actors`")
    return actor_correction(current["id"], into, current.get("merged_into"), **who)


def add(
    store: Store,
    article_id: str,
    kind: str,
    span: Span,
    value: dict,
    *,
    author: str = "anonymous",
    reason: str = "",
) -> Correction:
    """Record a missed annotation over a span of a stored article."""
    article = store.article(article_id)
    if kind == "place" and isinstance(value.get("place"), str):
        value = {**value, "place": place_named(value["place"])}
    value = {k: _resolved(store, kind, k, _named(k, v) if isinstance(v, str) else v) for k, v in value.items()}
    c = addition_of(article, kind, span, value, author=author, reason=reason)
    store.record_corrections([c])
    return c


def correction_record(c: Correction, review: Record | None = None) -> Record:
    """One correction as the API and `corrections list` show it, with its status now: applied,
    orphaned (its text is gone from the article, or the article is), unmatched (no annotation of
    its kind at its text any more)."""
    record = asdict(c)
    if c.kind == ACTOR:
        record["status"] = "applied"
    elif review is None:
        record["status"] = "orphaned"
    else:
        record["status"] = review["status"]
        record["now"] = {"annotation_id": review["annotation_id"], "start": review["start"], "end": review["end"]}
    return record


def correction_records(store: Store, status: str | None = None) -> list[Record]:
    reviews = store.correction_reviews()
    found = [correction_record(c, reviews.get(c.id)) for c in store.corrections()]
    return [r for r in found if status is None or r["status"] == status]


# --- out and in ----------------------------------------------------------------------------------

EXPORT_FORMATS = ("jsonl", "w3c", "label-studio", "training")
IMPORT_FORMATS = ("jsonl", "w3c", "label-studio")


def corrected_articles(store: Store) -> list:
    ids = sorted({c.article_id for c in store.corrections() if c.article_id})
    return store.load(ids)


def export_corrections(store: Store, fmt: str) -> Iterator[Record]:
    """The log (jsonl, w3c), one Label Studio task per corrected article, or training examples."""
    from wirescope.corrections import exchange
    from wirescope.corrections.overlay import machine_article

    if fmt == "jsonl":
        yield from (exchange.to_json(c) for c in store.corrections())
    elif fmt == "w3c":
        yield from (exchange.to_web_annotation(c) for c in store.corrections())
    elif fmt == "label-studio":
        yield from (exchange.to_label_studio(a, machine_article(a)) for a in corrected_articles(store))
    elif fmt == "training":
        yield from (x for a in corrected_articles(store) for x in training_examples(a))
    else:
        raise NotFound(f"no corrections format {fmt!r}", hint=f"the formats are: {', '.join(EXPORT_FORMATS)}")


def training_examples(a) -> Iterator[Record]:
    """Reviewed events as training examples for the event and modality models (task "event"):
    the sentence, the evidence span in it, the type and modality a person gave or confirmed; a
    rejected event is a negative example (`event` false). Only annotations a person reviewed are
    written. A claim whose stance a person set or confirmed is a stance example (task "stance":
    the proposition as `claim`, its sentence as `text`, the stance in the stance sets' labels),
    which `wirescope train stance --corrections` reads."""
    reviewed = {r.annotation_id for r in a.reviews if r.kind == "event" and r.status == "applied"}
    for e in a.events:
        if e.id in reviewed:
            yield _example(a, e.evidence, True, e.type, e.modality)
    for r in a.reviews:
        if r.kind == "event" and r.action == "reject" and r.status == "applied" and r.span is not None:
            yield _example(a, r.span, False, (r.machine or {}).get("type"), (r.machine or {}).get("modality"))
    stanced = {
        r.annotation_id
        for r in a.reviews
        if r.kind == "claim" and r.status == "applied" and (r.action == "confirm" or r.field == "stance")
    }
    for c in a.claims:
        if c.id in stanced:
            yield {
                "task": "stance",
                "article_id": a.id,
                "claim": a.text_of(c.span),
                "text": a.text_of(a.sentence_of(c.span) or c.span),
                "stance": STANCE_LABELS[c.stance],
                "origin": "correction",
            }


# A claim's stance as the stance sets label a text's stance toward a claim (eval/stance_sets.py).
STANCE_LABELS = {"asserts": "agree", "denies": "disagree", "questions": "discuss"}


def _example(a, span: Span, is_event: bool, type_: str | None, modality: str | None) -> Record:
    sentence = a.sentence_of(span) or span
    return {
        "task": "event",
        "article_id": a.id,
        "sentence": a.text_of(sentence),
        "start": span.start - sentence.start,
        "end": span.end - sentence.start,
        "text": a.text_of(span),
        "event": is_event,
        "type": type_,
        "modality": modality,
        "origin": "correction",
    }


def import_corrections(store: Store, fmt: str, items: Iterable[Record]) -> list[Correction]:
    """Read corrections in a format and record those the log does not hold; returns them."""
    from wirescope.corrections import exchange

    if fmt == "jsonl":
        found = [exchange.from_json(d) for d in items]
    elif fmt == "w3c":
        found = [exchange.from_web_annotation(d) for d in items]
    elif fmt == "label-studio":
        found = []
        for task in items:
            article_id = (task.get("data") or {}).get("article_id")
            current = store.load([article_id])[0] if article_id and store.load([article_id]) else None
            found += list(exchange.from_label_studio(task, current))
    else:
        raise NotFound(f"no corrections format {fmt!r}", hint=f"the formats are: {', '.join(IMPORT_FORMATS)}")
    return store.record_corrections([_checked(c) for c in found])


def _checked(c: Correction) -> Correction:
    """An imported correction's value checked as one made here would be (a bad modality is refused)."""

    from wirescope.corrections.kinds import BadValue
    from wirescope.corrections.registry import KINDS

    if c.kind == ACTOR:
        return c
    if c.kind not in KINDS:
        raise BadValue(f"correction {c.id}: no kind {c.kind!r}; the kinds are: {', '.join(KINDS)}, actor")
    kind = KINDS[c.kind]
    if c.action == "set":
        if c.field not in kind.fields:
            raise BadValue(f"correction {c.id}: a {c.kind} has no field {c.field!r}")
        return replace(c, value=kind.fields[c.field].check(c.value))
    return c


def editable_fields() -> dict[str, Record]:
    """Each kind's correctable fields and, for those with a closed set of values, the choices:
    what the web UI's edit forms show."""
    from wirescope.corrections.kinds import MENTION_LABELS, QUOTE_KINDS, TIME_TYPES
    from wirescope.corrections.registry import KINDS
    from wirescope.record import CLAIM_STANCES, MODALITIES, PLOVER_TYPES

    choices = {
        "event": {"type": PLOVER_TYPES, "modality": MODALITIES, "historical": ("false", "true")},
        "quote": {"kind": QUOTE_KINDS},
        "time": {"type": TIME_TYPES},
        "mention": {"label": MENTION_LABELS},
        "claim": {"stance": CLAIM_STANCES, "modality": MODALITIES},
        "event_record": {"type": PLOVER_TYPES, "modality": MODALITIES, "historical": ("false", "true")},
    }
    return {name: {"fields": list(k.fields), "choices": choices.get(name, {})} for name, k in KINDS.items()}
