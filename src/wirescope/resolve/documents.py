"""Documents grouped by what they are about, before their events are compared.

Two documents about two different earthquakes share the words "earthquake", "magnitude" and
"killed", but not the place names, the people or the dates; tf-idf weighs those rarer words up,
so documents about one seminal event come out closer to each other than to a similar event's
(ECB+ is built to test exactly that: each topic holds two such sub-topics). Documents are cut into
groups by average-linkage agglomeration over tf-idf cosine distance at a threshold tuned on the
ECB+ train topics; event coreference is then only tried inside a group.

What it gets wrong: a short brief with few names can land in the wrong group, and then none of
its events can be joined to their true cluster.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage


def document_groups(texts: Sequence[str], max_distance: float) -> list[int]:
    """A group label per text: average linkage over tf-idf cosine distances, cut at `max_distance`."""
    if len(texts) <= 1:
        return [1] * len(texts)
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    similarity = (vectors @ vectors.T).toarray()
    distances = np.clip(1.0 - similarity[np.triu_indices(len(texts), k=1)], 0.0, 1.0)
    tree = linkage(distances, method="average")
    return [int(label) for label in fcluster(tree, t=max_distance, criterion="distance")]


__all__ = ["document_groups"]
