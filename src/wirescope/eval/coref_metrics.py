"""Coreference scores: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

A clustering is a list of clusters, each a set of mention keys (any hashable). The key (gold) and
the response (system) need not hold the same mentions: end-to-end, the system misses gold
mentions and finds others. The definitions are those of the CoNLL-2012 reference scorer
(Pradhan et al. 2014), computed over the mentions as given:

- MUC (Vilain et al. 1995) counts links: recall is, over the key clusters K, the sum of
  |K| - p(K) over the sum of |K| - 1, where p(K) is the number of parts the response cuts K into
  (a mention of K the response lacks is a part of its own); precision swaps key and response.
  Singletons carry no link and so do not count.
- B-cubed (Bagga & Baldwin 1998) averages over mentions: recall is the sum over key clusters K
  and response clusters R of |K & R|^2 / |K|, over the number of key mentions; precision swaps
  them. A key mention the response lacks adds nothing to the numerator.
- CEAF-e (Luo 2005) aligns key and response clusters one to one so that the summed similarity
  phi4(K, R) = 2 |K & R| / (|K| + |R|) is largest (the Hungarian algorithm, scipy's
  linear_sum_assignment); recall is that sum over the number of key clusters, precision over the
  number of response clusters.
- CoNLL F1 is the unweighted mean of the three F1s.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[frozenset[Hashable]]


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: Score
    b3: Score
    ceaf_e: Score

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3


def as_clusters(groups: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    """Clusters from any iterables of mention keys, empty ones dropped."""
    return [frozenset(g) for g in groups if g]


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _cluster_of(clusters: Clusters) -> dict[Hashable, int]:
    return {mention: i for i, cluster in enumerate(clusters) for mention in cluster}


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = _cluster_of(response)
    links = parts_links = 0
    for cluster in key:
        parts = {where[m] for m in cluster if m in where}
        missing = sum(1 for m in cluster if m not in where)
        links += len(cluster) - 1
        parts_links += len(cluster) - (len(parts) + missing)
    return _ratio(parts_links, links)


def muc(key: Clusters, response: Clusters) -> Score:
    return Score(_muc_recall(key, response), _muc_recall(response, key))


def _b3_recall(key: Clusters, response: Clusters) -> float:
    where = _cluster_of(response)
    total = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for mention in cluster:
            if mention in where:
                overlaps[where[mention]] = overlaps.get(where[mention], 0) + 1
        total += sum(n * n for n in overlaps.values()) / len(cluster)
    return _ratio(total, sum(len(c) for c in key))


def b_cubed(key: Clusters, response: Clusters) -> Score:
    return Score(_b3_recall(key, response), _b3_recall(response, key))


def _phi4(key: Clusters, response: Clusters) -> np.ndarray:
    where = _cluster_of(response)
    similarity = np.zeros((len(key), len(response)))
    for i, cluster in enumerate(key):
        for mention in cluster:
            if mention in where:
                similarity[i, where[mention]] += 1
    sizes = np.array([len(c) for c in key], float)[:, None] + np.array([len(c) for c in response], float)[None, :]
    return 2 * similarity / np.where(sizes > 0, sizes, 1)


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = _phi4(key, response)
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    best = float(similarity[rows, columns].sum())
    return Score(best / len(key), best / len(response))


def score(key: Clusters, response: Clusters) -> CorefScores:
    """MUC, B-cubed and CEAF-e of `response` against `key`."""
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


__all__ = ["CorefScores", "Score", "as_clusters", "b_cubed", "ceaf_e", "muc", "score"]
