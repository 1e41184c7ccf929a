"""GRIT's role-filler entity score (CEAF-REE) for MUC-4, on its `grit/` JSON lines.

Each line is `{"docid", "doctext", "extracts": {role: [[[mention, offset], ...], ...]}}` (see
../shared/eval/events-muc4/SOURCE.md): per role, a list of gold entities, each a list of
coreferent mentions. As GRIT scores it (Du et al. 2021): a predicted entity (here: one string)
matches a gold entity when it equals one of that entity's mentions, after lower-casing and
dropping articles and punctuation; predicted and gold entities are aligned one-to-one to
maximise the matches (CEAF), and P, R, F1 are micro-averaged over the five roles and documents.
The GRIT text is lower case with the dateline removed, so we score the strings we extracted from
the raw MUC text of the same message id against it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from wirescope.errors import EvalDataError
from wirescope.eval.scoring import Counts, max_matching

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_NOISE = re.compile(r"\b(?:a|an|the)\b|[^\w\s]")

GoldEntities = dict[str, list[set[str]]]


def normal(text: str) -> str:
    return " ".join(_NOISE.sub(" ", text.lower()).split())


def read_grit(path: Path) -> dict[str, GoldEntities]:
    """docid -> role -> gold entities (each a set of normalised mention strings)."""
    gold = {}
    with path.open(encoding="utf-8") as stream:
        for n, line in enumerate(stream, 1):
            try:
                doc = json.loads(line)
                gold[doc["docid"]] = {
                    role: [{normal(m[0]) for m in entity} for entity in doc["extracts"][role]] for role in ROLES
                }
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise EvalDataError(f"{path}:{n}: not a GRIT line ({type(exc).__name__}: {exc})") from exc
    return gold


def score_role(predicted: list[str], gold: list[set[str]]) -> Counts:
    strings = list(dict.fromkeys(s for s in (normal(p) for p in predicted) if s))
    edges = {i: [j for j, entity in enumerate(gold) if s in entity] for i, s in enumerate(strings)}
    return Counts(max_matching(edges), len(strings), len(gold))
