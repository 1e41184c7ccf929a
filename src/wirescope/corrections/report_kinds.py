"""The correctable kinds read from a whole report rather than one phrase: claims and their stance,
event records and their fields, and an event report's membership of an event cluster.

- `claim`: reject it ("nobody claims this"), set its `stance` (asserts, denies, questions), its
  `claimant` (a name; the stored actor of that name is filled in) or `modality`, or add a missed one.
- `event_record`: set a record's `type`, `modality`, `historical`, `mode`, its participants
  (`actor`, `target`) or its counts (`fatalities`, `injured`, `captured`); reject it. A participant
  or count a reviewer sets has the record's evidence as its evidence and `filled_from` "clause":
  the reviewer read it there. A record also follows its corrected mentions (overlay.py `follow`).
- `cluster`: `set cluster=EVENT_ID` puts an event record into the cluster of that event; an empty
  value takes it out (an event of its own). The article is not changed: the cluster tables are
  rewritten after every resolution run from these corrections (store/event_links.py
  `apply_cluster_corrections`), as reviewed actor merges stand over actor linking.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from wirescope.corrections.kinds import (
    EVENT_FIELDS,
    BadValue,
    Field,
    Json,
    Kind,
    _choice,
    _count,
    _dump,
    _p_field,
    _participant,
    _plain,
    _set_fields,
)
from wirescope.record import (
    CLAIM_STANCES,
    MODALITIES,
    Argument,
    Article,
    Claim,
    EventRecord,
    Participant,
    Span,
    stable_id,
)

# --- JSON of a whole annotation (a rejection's machine value), read back by shape -------------


def to_json(x: Any) -> Json:
    if isinstance(x, Span):
        return {"start": x.start, "end": x.end}
    if isinstance(x, (Participant, Argument)):
        return {f.name: to_json(getattr(x, f.name)) for f in fields(x)}
    if isinstance(x, tuple):
        return [to_json(v) for v in x]
    return x


def _from_json(v: Json) -> Any:
    if isinstance(v, dict) and set(v) == {"start", "end"}:
        return Span(v["start"], v["end"])
    if isinstance(v, dict) and "role" in v:
        return Argument(v["role"], v["value"], v["filled_from"], _from_json(v["evidence"]), v["normalized"])
    if isinstance(v, dict) and "name" in v:
        return Participant(v["name"], v.get("actor_id"), _from_json(v.get("span")))
    if isinstance(v, list):
        return tuple(_from_json(x) for x in v)
    return v


def _whole(x: Any, span: Span) -> Json:
    return {**{f.name: to_json(getattr(x, f.name)) for f in fields(x)}, "start": span.start, "end": span.end}


def _load(cls: type, d: Json) -> Any:
    return cls(**{f.name: _from_json(d[f.name]) for f in fields(cls) if f.name in d})


# --- claims ----------------------------------------------------------------------------------

CLAIM_FIELDS: dict[str, Field] = {
    "stance": _plain("stance", _choice("stance", CLAIM_STANCES)),
    "claimant": _p_field("claimant"),
    "modality": _plain("modality", _choice("modality", MODALITIES)),
}


def _new_claim(article: Article, span: Span, value: Json) -> Claim:
    base = Claim(stable_id("claim", article.id, "reviewed", span.start, span.end), span)
    return _set_fields(CLAIM_FIELDS, base, value)


CLAIMS = Kind(
    "claim",
    lambda a: list(a.claims),
    lambda a, xs: replace(a, claims=tuple(xs)),
    lambda _a, c: c.id,
    lambda c: c.span,
    CLAIM_FIELDS,
    _new_claim,
    lambda c: _whole(c, c.span),
    lambda d: _load(Claim, d),
)

# --- event records ---------------------------------------------------------------------------


def _argument_field(role: str, check: Any, normalized: Any) -> Field:
    """A record's argument set by a reviewer: its value, evidenced by the record's evidence. The
    machine's argument is read and given back whole (its own evidence and level)."""

    def put(r: EventRecord, v: Json) -> EventRecord:
        argument: Any = None
        if isinstance(v, dict) and "role" in v:  # the machine's argument, given back
            argument = _from_json(v)
        elif v is not None:
            value, norm = normalized(v)
            argument = Argument(role, value, "clause", r.evidence, norm)
        return replace(r, **{role: argument})

    return Field(lambda r: to_json(getattr(r, role)), put, check)


def _or_machine(check: Any) -> Any:
    return lambda v: v if isinstance(v, dict) and "role" in v else check(v)


RECORD_FIELDS: dict[str, Field] = {
    "type": EVENT_FIELDS["type"],
    "modality": EVENT_FIELDS["modality"],
    "mode": EVENT_FIELDS["mode"],
    "historical": EVENT_FIELDS["historical"],
    **{
        role: _argument_field(role, _or_machine(_participant), lambda v: (v["name"], v.get("id")))
        for role in ("actor", "target")
    },
    **{
        role: _argument_field(role, _or_machine(_count), lambda v: (str(v), v))
        for role in ("fatalities", "injured", "captured")
    },
}


def _no_new_record(_article: Article, _span: Span, _value: Json) -> EventRecord:
    raise BadValue("an event record is not added by hand: add its event mention (kind event), a record follows")


RECORDS = Kind(
    "event_record",
    lambda a: list(a.event_records),
    lambda a, xs: replace(a, event_records=tuple(xs)),
    lambda _a, r: r.id,
    lambda r: r.evidence,
    RECORD_FIELDS,
    _no_new_record,
    lambda r: _whole(r, r.evidence),
    lambda d: _load(EventRecord, d),
    actions=("set", "reject", "confirm"),
)

# --- cluster membership ----------------------------------------------------------------------


def _cluster_value(v: Json) -> Json:
    if v in (None, ""):
        return None
    if not isinstance(v, str):
        raise BadValue(f"an event record joins the cluster of another event: give that event's id, not {v!r}")
    return v


CLUSTERS = Kind(
    "cluster",
    lambda a: list(a.event_records),  # what the cross-document resolver clusters: event records
    lambda a, _xs: a,  # the article is not changed: the cluster tables are (store/event_links.py)
    lambda _a, r: r.id,
    lambda r: r.evidence,
    # The machine's cluster is not part of the article: the correction records it when made.
    {"cluster": Field(lambda _r: None, lambda r, _v: r, _cluster_value)},
    lambda _a, _s, _v: None,
    lambda r: {"id": r.id, **_dump({}, r, r.evidence)},
    lambda d: None,
    actions=("set",),
)

__all__ = ["CLAIMS", "CLUSTERS", "RECORDS", "to_json"]
