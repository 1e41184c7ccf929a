"""Contested claims: where the sources disagree about the same thing, for the report and the web.

Read from the claims resolved across articles (resolve/claims.py, query/claims.py): each proposition
with a contradicting pair of claims (a denial of an assertion, incompatible figures, two controllers
of one place on one day), its sides side by side, most independent stories first. This replaces
the earlier reading of events both asserted and denied, which missed disagreements about numbers
and claims phrased with different event types.
"""

from __future__ import annotations

from wirescope.query.browse import Filters
from wirescope.query.claims import ClaimFilter
from wirescope.query.claims import contested as contested_propositions
from wirescope.query.records import Record
from wirescope.store import Store


def shown_claims(claims: list[Record], most: int) -> list[Record]:
    """At most `most` claims of a side, earliest first, one per claimant before any claimant's
    second: a side retold by hundreds of outlets is shown by who says it, not by every retelling."""
    ordered = sorted(claims, key=lambda c: (c["date"] or "", c["id"]))
    seen: set[str] = set()
    first = []
    for c in ordered:
        who = (c["claimant"] or {}).get("id") or c["id"]
        if who not in seen:
            seen.add(who)
            first.append(c)
    taken = {c["id"] for c in first}
    rest = [c for c in ordered if c["id"] not in taken]
    return (first + rest)[:most]


def _as_dispute(p: Record, claims_per_side: int | None) -> Record:
    """One contested proposition in the report's shape: the best-backed side "for", the others
    "against"; with `claims_per_side`, each side's claims cut to that many (`more_claims` says how
    many are left out)."""
    cut = [
        {**s, "claims": shown_claims(s["claims"], claims_per_side), "more_claims": 0} if claims_per_side else s
        for s in p["sides"]
    ]
    for side, whole in zip(cut, p["sides"], strict=True):
        side["more_claims"] = len(whole["claims"]) - len(side["claims"])
    sides = [[{**c, "source": c["claimant"]} for c in s["claims"]] for s in cut]
    return {
        "kind": "claim",
        "question": p["question"],
        "for": sides[0] if sides else [],
        "against": [c for s in sides[1:] for c in s],
        "sides": cut,
        "contradictions": p["contradictions"],
    }


def contested(
    store: Store,
    f: Filters = Filters(),
    events: list[Record] | None = None,
    claims_per_side: int | None = None,
    limit: int | None = None,
) -> list[Record]:
    """Every point the sources disagree on (or the `limit` best-backed), with the claims on each
    side (`events` is accepted for the report's call and not read: disagreements come from claims)."""
    found = contested_propositions(store, ClaimFilter(place=f.place, since=f.since), limit)
    return [_as_dispute(p, claims_per_side) for p in found]
