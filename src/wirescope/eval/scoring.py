"""Counts and P/R/F1 shared by the event evaluations (MUC-4, RAMS, WikiEvents, PLOVER).

MUC-4 gives half credit to a partial match (its scoring guidelines), so matched counts are floats.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """matched (partial matches count half), predicted and gold totals of one slot or role."""

    matched: float = 0.0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        return prf(self.matched, self.predicted, self.gold)


def prf(matched: float, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf_line(name: str, counts: Counts, width: int = 24) -> str:
    p, r, f = counts.prf()
    return (
        f"{name:{width}} P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
        f"   ({counts.matched:g} matched / {counts.predicted} predicted / {counts.gold} gold)"
    )


def max_matching(edges: dict[int, list[int]]) -> int:
    """Size of a maximum bipartite matching, left nodes to right nodes (Kuhn's augmenting paths).

    CEAF-style scores align predicted and gold entities one-to-one; with 0/1 similarities the best
    alignment is a maximum matching. The graphs here are a few dozen nodes, so this is instant.
    """
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, []):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    return sum(1 for left in edges if augment(left, set()))
