"""How a record shows that a person reviewed it: `reviewed`, the machine's values, the corrections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirescope.record import Article, Review

Record = dict[str, Any]
# The fields an event record takes from its mentions: shown with the machine's values when the
# record followed a corrected mention (corrections/overlay.py `follow`).
FOLLOWED = ("type", "modality", "historical", "mode", "mentions")


def review_fields(a: Article, kind: str, annotation_id: str) -> Record:
    """`reviewed`, `machine` and `corrections` of a record: whether a person has corrected or
    confirmed it (corrections/), the machine's values of the fields they changed (None when
    nothing was changed, or the whole record is a person's addition), and the correction ids."""
    mine = [r for r in a.reviews if r.kind == kind and r.annotation_id == annotation_id and r.status == "applied"]
    return fields_of(mine)


def fields_of(mine: Sequence[Review]) -> Record:
    """`reviewed`, `machine` and `corrections` from a record's applied reviews, in their order."""
    machine: Record = {}
    for r in mine:
        if r.action == "set":
            machine.setdefault(r.field, r.machine)
        elif r.action == "follow":
            for name in FOLLOWED:
                machine.setdefault(name, r.machine.get(name))
    return {"reviewed": bool(mine), "machine": machine or None, "corrections": [r.correction_id for r in mine]}


__all__ = ["fields_of", "review_fields"]
