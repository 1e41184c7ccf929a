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


def _as_dispute(p: Record) -> Record:
    """One contested proposition in the report's shape: the best-backed side "for", the others "against"."""
    sides = [[{**c, "source": c["claimant"]} for c in s["claims"]] for s in p["sides"]]
    return {
        "kind": "claim",
        "question": p["question"],
        "for": sides[0] if sides else [],
        "against": [c for s in sides[1:] for c in s],
        "sides": p["sides"],
        "contradictions": p["contradictions"],
    }


def contested(store: Store, f: Filters = Filters(), events: list[Record] | None = None) -> list[Record]:
    """Every point the sources disagree on, with the claims on each side (`events` is accepted for
    the report's call and not read: disagreements come from claims now)."""
    found = contested_propositions(store, ClaimFilter(place=f.place, since=f.since))
    return [_as_dispute(p) for p in found]
