"""Contested claims: where the sources disagree about the same thing.

Two signals, both plain and checkable:
- Claim records (subject, predicate, polarity) stated both ways, or by more than one source.
- Events of one type about the same place or target that one text asserts, claims or reports,
  and another denies (modality "negated"): "the Taliban captured Bazarak" vs "the NRF denied that
  Bazarak had fallen".
What it misses: disagreements about numbers (fatalities 34 vs 600) and claims phrased with
different event types; what it gets wrong: two different events of one type at one place.
"""

from __future__ import annotations

from collections import defaultdict

from wirescope.query.browse import Filters, filtered, ids_of
from wirescope.query.records import Record, participant_dict, span_dict
from wirescope.record import Article
from wirescope.store import Store

# Modalities that put an event forward as having happened (stated, claimed or reported).
AFFIRMING = {"asserted", "claimed", "reported", "unconfirmed"}


def claim_records(a: Article) -> list[Record]:
    return [
        {
            "id": c.id,
            "article_id": a.id,
            "subject": c.subject,
            "predicate": c.predicate,
            "polarity": c.polarity,
            "source": participant_dict(c.source),
            "evidence": span_dict(a, c.span),
        }
        for c in a.claims
    ]


def _about(event: Record) -> str | None:
    """What an event is about, for grouping: its place, else its target (ids before names)."""
    for key in ("place", "target"):
        p = event[key]
        if p:
            return p["id"] or p["name"].casefold()
    return None


def contested_events(events: list[Record]) -> list[Record]:
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for e in events:
        about = _about(e)
        if about and not e["historical"]:
            groups[(e["type"], about)].append(e)
    result = []
    for (event_type, _about_key), group in groups.items():
        modalities = {e["modality"] for e in group}
        if "negated" in modalities and modalities & AFFIRMING:
            subject = (group[0]["place"] or group[0]["target"])["name"]
            result.append(
                {
                    "kind": "event",
                    "question": f"{event_type} — {subject}",
                    "for": [e for e in group if e["modality"] in AFFIRMING],
                    "against": [e for e in group if e["modality"] == "negated"],
                }
            )
    return result


def contested_claims(claims: list[Record]) -> list[Record]:
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for c in claims:
        groups[(c["subject"].casefold(), c["predicate"].casefold())].append(c)
    result = []
    for group in groups.values():
        if len({c["polarity"] for c in group}) > 1:
            result.append(
                {
                    "kind": "claim",
                    "question": f"{group[0]['subject']} {group[0]['predicate']}",
                    "for": [c for c in group if c["polarity"]],
                    "against": [c for c in group if not c["polarity"]],
                }
            )
    return result


def contested(store: Store, f: Filters = Filters(), events: list[Record] | None = None) -> list[Record]:
    """Every point the sources disagree on, with the records on each side (`events`: the events
    passing `f`, when the caller has them already)."""
    ids = ids_of(store, "articles", Filters(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match))
    claims = [c for a in store.stream(ids, ("claims",)) for c in claim_records(a)]
    return contested_claims(claims) + contested_events(filtered(store, "events", f) if events is None else events)
