"""The annotation kinds a correction can target, one explicit list: what each kind's annotations
are, which fields a reviewer may set, and how an annotation is added, dumped and restored.

Claims, event records and cluster membership are in report_kinds.py; the one list of kinds,
KINDS, is in registry.py. A new kind plugs in by adding a Kind to that list: the overlay
(overlay.py), the CLI, the API and the exchange formats know nothing else about it. Values are
JSON: a participant is {"name", "id"}, an event time {"value", "precision"}, a place the Place's
fields. A value is checked when the correction is made (`Field.check`), with a message that says
what would do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from wirescope.errors import WirescopeError
from wirescope.record import (
    MODALITIES,
    PLOVER_TYPES,
    Article,
    Event,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Span,
    TimeRef,
    stable_id,
)

Json = Any
QUOTE_KINDS = ("direct", "indirect", "partial")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
MENTION_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "GROUP", "DESC", "PRON")


class BadValue(WirescopeError, ValueError):
    """A correction's value that its field cannot take; the message says what can."""


@dataclass(frozen=True)
class Field:
    """One correctable field: read it as JSON, write a JSON value into an annotation, check a value."""

    get: Callable[[Any], Json]
    set: Callable[[Any, Json], Any]
    check: Callable[[Json], Json] = lambda v: v  # returns the value as stored, or raises BadValue


def _choice(name: str, allowed: tuple[str, ...], upper: bool = False) -> Callable[[Json], Json]:
    def check(value: Json) -> Json:
        text = str(value).upper() if upper else str(value)
        if text not in allowed:
            raise BadValue(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        return text

    return check


def _optional_text(value: Json) -> Json:
    return None if value in (None, "") else str(value)


def _count(value: Json) -> Json:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadValue(f"a count must be a whole number, not {value!r}") from None
    if number < 0:
        raise BadValue(f"a count cannot be negative ({number})")
    return number


def _flag(value: Json) -> Json:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "yes", "1"):
        return True
    if str(value).lower() in ("false", "no", "0"):
        return False
    raise BadValue(f"give true or false, not {value!r}")


def participant_json(p: Participant | None) -> Json:
    if p is None:
        return None
    spanned = {"start": p.span.start, "end": p.span.end} if p.span else {}
    return {"name": p.name, "id": p.actor_id, **spanned}


def _participant(value: Json) -> Json:
    """A participant: {"name", "id"}, a bare name, or None (nobody)."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        return {"name": value, "id": None}
    if isinstance(value, dict) and value.get("name"):
        spanned = {k: int(value[k]) for k in ("start", "end") if value.get(k) is not None}
        return {"name": str(value["name"]), "id": value.get("id"), **(spanned if len(spanned) == 2 else {})}
    raise BadValue(f'a participant is a name or {{"name": ..., "id": ...}}, not {value!r}')


def _to_participant(value: Json) -> Participant | None:
    if value is None:
        return None
    span = Span(value["start"], value["end"]) if value.get("start") is not None else None
    return Participant(value["name"], value.get("id"), span)


def _event_time(value: Json) -> Json:
    """An event time: a TIMEX3 value ("2021-09-06", "2021-09", "2021", "2021-W34") or {"value", "precision"}."""
    if value in (None, ""):
        return None
    if isinstance(value, dict) and value.get("value"):
        return {"value": str(value["value"]), "precision": value.get("precision") or _precision(str(value["value"]))}
    if isinstance(value, str):
        return {"value": value, "precision": _precision(value)}
    raise BadValue(f'an event time is a TIMEX3 value like 2021-09-06 or {{"value", "precision"}}, not {value!r}')


def _precision(value: str) -> str:
    if "W" in value:
        return "week"
    return {10: "day", 7: "month", 4: "year", 3: "decade"}.get(len(value[:10]), "unknown")


def _place_value(value: Json) -> Json:
    if isinstance(value, dict) and value.get("name"):
        return {k: value.get(k) for k in PLACE_FIELDS}
    raise BadValue(f'a place is {{"name": ..., "latitude": ..., "longitude": ..., "country": ...}}, not {value!r}')


PLACE_FIELDS = (
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


@dataclass(frozen=True)
class Kind:
    """How the overlay reads and writes one kind of annotation in an article."""

    name: str
    items: Callable[[Article], list[Any]]  # the annotations, in the record's order
    put: Callable[[Article, list[Any]], Article]  # the article with these annotations instead
    ident: Callable[[Article, Any], str]  # an annotation's id
    span: Callable[[Any], Span]  # the text an annotation is anchored to
    fields: dict[str, Field]
    add: Callable[[Article, Span, Json], Any]  # a new annotation at the span, with the value's fields
    dump: Callable[[Any], Json]  # the whole annotation as JSON (a rejection's machine value)
    load: Callable[[Json], Any]  # and back
    required: tuple[str, ...] = field(default=())  # fields an addition must give
    actions: tuple[str, ...] = ("set", "reject", "add", "confirm")  # what a reviewer may do to one


def _p_field(name: str) -> Field:
    return Field(
        lambda x: participant_json(getattr(x, name)),
        lambda x, v: replace(x, **{name: _to_participant(v)}),
        _participant,
    )


def _plain(name: str, check: Callable[[Json], Json] = _optional_text) -> Field:
    return Field(lambda x: getattr(x, name), lambda x, v: replace(x, **{name: v}), check)


# --- events ----------------------------------------------------------------------------------

EVENT_FIELDS: dict[str, Field] = {
    "type": _plain("type", _choice("type", PLOVER_TYPES, upper=True)),
    "modality": _plain("modality", _choice("modality", MODALITIES)),
    "mode": _plain("mode"),
    "historical": _plain("historical", _flag),
    "actor": _p_field("actor"),
    "target": _p_field("target"),
    "source": _p_field("source"),
    "place": _p_field("place"),
    "time": Field(
        lambda e: None if e.time is None else {"value": e.time.value, "precision": e.time.precision},
        lambda e, v: replace(e, time=None if v is None else EventTime(v["value"], v["precision"])),
        _event_time,
    ),
    "fatalities": _plain("fatalities", _count),
    "injured": _plain("injured", _count),
}


def _set_fields(fields: dict[str, Field], obj: Any, value: Json) -> Any:
    for name, v in (value or {}).items():
        if name in fields:
            obj = fields[name].set(obj, fields[name].check(v))
    return obj


def _dump(fields: dict[str, Field], obj: Any, span: Span) -> Json:
    return {"start": span.start, "end": span.end, **{name: f.get(obj) for name, f in fields.items()}}


def _new_event(article: Article, span: Span, value: Json) -> Event:
    type_ = EVENT_FIELDS["type"].check(value.get("type"))
    base = Event(stable_id("evt", article.id, "reviewed", span.start, span.end, type_), type_, span)
    return _set_fields(EVENT_FIELDS, base, value)


def _load_event(d: Json) -> Event:
    base = Event(d["id"], d["type"], Span(d["start"], d["end"]))
    return _set_fields(EVENT_FIELDS, base, {k: v for k, v in d.items() if k in EVENT_FIELDS})


EVENTS = Kind(
    "event",
    lambda a: list(a.events),
    lambda a, xs: replace(a, events=tuple(xs)),
    lambda _a, e: e.id,
    lambda e: e.evidence,
    EVENT_FIELDS,
    _new_event,
    lambda e: {"id": e.id, **_dump(EVENT_FIELDS, e, e.evidence)},
    _load_event,
    ("type",),
)

# --- quotes ----------------------------------------------------------------------------------

QUOTE_FIELDS: dict[str, Field] = {
    "speaker": _p_field("speaker"),
    "kind": _plain("kind", _choice("kind", QUOTE_KINDS)),
    "venue": _plain("venue"),
    "medium": _plain("medium"),
    "date": _plain("date"),
}


def _new_quote(article: Article, span: Span, value: Json) -> Quote:
    kind = QUOTE_FIELDS["kind"].check(value.get("kind") or "direct")
    return _set_fields(QUOTE_FIELDS, Quote(stable_id("quote", article.id, span.start, span.end), kind, span), value)


def _load_quote(d: Json) -> Quote:
    cue = Span(*d["cue"]) if d.get("cue") else None
    base = Quote(d["id"], d["kind"], Span(d["start"], d["end"]), cue=cue)
    return _set_fields(QUOTE_FIELDS, base, {k: v for k, v in d.items() if k in QUOTE_FIELDS})


QUOTES = Kind(
    "quote",
    lambda a: list(a.quotes),
    lambda a, xs: replace(a, quotes=tuple(xs)),
    lambda _a, q: q.id,
    lambda q: q.span,
    QUOTE_FIELDS,
    _new_quote,
    lambda q: {"id": q.id, "cue": [q.cue.start, q.cue.end] if q.cue else None, **_dump(QUOTE_FIELDS, q, q.span)},
    _load_quote,
)

# --- times -----------------------------------------------------------------------------------

TIME_FIELDS: dict[str, Field] = {
    "value": _plain("value"),
    "type": _plain("type", _choice("type", TIME_TYPES, upper=True)),
    "mod": _plain("mod"),
}


def _new_time(article: Article, span: Span, value: Json) -> TimeRef:
    base = TimeRef(stable_id("time", article.id, span.start, span.end), span, None)
    return _set_fields(TIME_FIELDS, base, value)


def _load_time(d: Json) -> TimeRef:
    base = TimeRef(d["id"], Span(d["start"], d["end"]), None, anchored=bool(d.get("anchored")))
    return _set_fields(TIME_FIELDS, base, {k: v for k, v in d.items() if k in TIME_FIELDS})


TIMES = Kind(
    "time",
    lambda a: list(a.times),
    lambda a, xs: replace(a, times=tuple(xs)),
    lambda _a, t: t.id,
    lambda t: t.span,
    TIME_FIELDS,
    _new_time,
    lambda t: {"id": t.id, "anchored": t.anchored, **_dump(TIME_FIELDS, t, t.span)},
    _load_time,
)

# --- entity mentions (an actor's name in the text) -------------------------------------------


def span_id(article_id: str, kind: str, span: Span) -> str:
    """The id of an annotation that has none of its own (a mention, a place mention)."""
    return offsets_id(article_id, kind, span.start, span.end)


def offsets_id(article_id: str, kind: str, start: int, end: int) -> str:
    """span_id from the offsets themselves (the exports build it from rows)."""
    return f"{article_id}/{kind}/{start}-{end}"


def _actor_value(value: Json) -> Json:
    if value in (None, ""):
        return None
    if isinstance(value, dict) and value.get("id"):
        return str(value["id"])
    if isinstance(value, str):
        return value
    raise BadValue(f"an actor is a stored actor's id, not {value!r}")


MENTION_FIELDS: dict[str, Field] = {
    "label": _plain("label", _choice("label", MENTION_LABELS, upper=True)),
    "actor": Field(lambda m: m.actor_id, lambda m, v: replace(m, actor_id=v), _actor_value),
}


def _new_mention(_article: Article, span: Span, value: Json) -> Mention:
    label = MENTION_FIELDS["label"].check(value.get("label") or "PERSON")
    return _set_fields(MENTION_FIELDS, Mention(span, label), value)


MENTIONS = Kind(
    "mention",
    lambda a: list(a.mentions),
    lambda a, xs: replace(a, mentions=tuple(xs)),
    lambda a, m: span_id(a.id, "mention", m.span),
    lambda m: m.span,
    MENTION_FIELDS,
    _new_mention,
    lambda m: _dump(MENTION_FIELDS, m, m.span),
    lambda d: Mention(Span(d["start"], d["end"]), d["label"], d.get("actor")),
)

# --- place mentions and their resolution -----------------------------------------------------
# An article's Place holds all the spans naming it; the overlay works on (place, span) pairs, one
# per mention, and groups them back into places.


def _place_json(p: Place) -> Json:
    return {k: getattr(p, k) for k in PLACE_FIELDS}


def _place_from(value: Json) -> Place:
    pid = value.get("id") or stable_id("place", "reviewed", value.get("geonames_id") or str(value["name"]).lower())
    fields = {k: value.get(k) for k in PLACE_FIELDS if k not in ("id", "name")}
    return Place(pid, value["name"], (), **fields)


def _put_places(article: Article, pairs: list[tuple[Place, Span]]) -> Article:
    grouped: dict[str, tuple[Place, list[Span]]] = {}
    for place, span in pairs:
        grouped.setdefault(place.id, (place, []))[1].append(span)
    return replace(article, places=tuple(replace(p, mentions=tuple(sorted(spans))) for p, spans in grouped.values()))


PLACE_MENTION_FIELDS: dict[str, Field] = {
    "place": Field(lambda x: _place_json(x[0]), lambda x, v: (_place_from(v), x[1]), _place_value),
}

PLACES = Kind(
    "place",
    lambda a: [(p, s) for p in a.places for s in p.mentions],
    _put_places,
    lambda a, x: span_id(a.id, "place", x[1]),
    lambda x: x[1],
    PLACE_MENTION_FIELDS,
    lambda _a, span, value: (_place_from(_place_value(value.get("place", value))), span),
    lambda x: {"start": x[1].start, "end": x[1].end, "place": _place_json(x[0])},
    lambda d: (_place_from(d["place"]), Span(d["start"], d["end"])),
    ("place",),
)
