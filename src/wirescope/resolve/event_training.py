"""`wirescope train coref`: fit the event coreference weights (data/event_coref.json) on ECB+ train.

Only the 25 train topics are read (eval/ecbplus_data.py); dev stays out of every choice below.

1. The document distance: of DOCUMENT_DISTANCES, the cut whose document groups best match the
   train sub-topics (pairwise F1 over document pairs; resolve/documents.py).
2. The logistic regression: every pair of gold event mentions inside one predicted document
   group, labelled by whether they share a gold cluster (scikit-learn, L2, C = 1).
3. The clustering: of LINKAGES and CLUSTER_THRESHOLDS, the pair with the best CoNLL F1 on train.
4. The store's link threshold: the pairwise probability with the best pair F1 on train.

scikit-learn is needed here only; the weights are a short JSON list read with numpy.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from wirescope.eval.coref_metrics import score
from wirescope.eval.ecbplus import gold_clusters, group_features, group_indices, model_clusters
from wirescope.eval.ecbplus_data import EcbDocument, read_split
from wirescope.eval.ecbplus_reports import Mentions, gold_mentions, parse_documents
from wirescope.resolve.documents import document_groups
from wirescope.resolve.events import MODEL_FILE, CorefModel

DOCUMENT_DISTANCES = (0.75, 0.775, 0.8, 0.825, 0.85, 0.875, 0.9)
CLUSTER_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
LINKAGES = ("average", "single")
LINK_THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.3, 0.95, 0.05))
C = 1.0


@dataclass(frozen=True)
class TrainSummary:
    documents: int
    mentions: int
    pairs: int
    model: CorefModel
    train_conll: float
    path: Path


def subtopic_f1(documents: list[EcbDocument], groups: list[int]) -> float:
    """Pairwise F1 of the document groups against the gold sub-topics."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(documents)), 2):
        same = (documents[i].topic, documents[i].subtopic) == (documents[j].topic, documents[j].subtopic)
        together = groups[i] == groups[j]
        tp += same and together
        fp += together and not same
        fn += same and not together
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_document_distance(documents: list[EcbDocument]) -> float:
    texts = [d.text for d in documents]
    return max(DOCUMENT_DISTANCES, key=lambda t: subtopic_f1(documents, document_groups(texts, t)))


def pair_labels(documents: list[EcbDocument], mentions: Mentions, members: list[list[int]]) -> list[np.ndarray]:
    cluster = {m.key: m.cluster for d in documents for m in d.events}
    return [
        np.array(
            [cluster[mentions.keys[a]] == cluster[mentions.keys[b]] for a, b in itertools.combinations(m, 2)], bool
        )
        for m in members
    ]


def fit_pairs(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    regression = LogisticRegression(C=C, max_iter=5000).fit(features, labels)
    return regression.coef_[0], float(regression.intercept_[0])


def best_link_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float:
    def f1(t: float) -> float:
        predicted = probabilities >= t
        tp = float((predicted & labels).sum())
        return 2 * tp / (predicted.sum() + labels.sum()) if tp else 0.0

    return max(LINK_THRESHOLDS, key=f1)


def train(root: Path, out: Path = MODEL_FILE, *, threads: int = 1) -> TrainSummary:
    documents = read_split(root, "train")
    mentions = gold_mentions(parse_documents(documents, threads), threads)
    distance = best_document_distance(documents)
    members = group_indices(mentions, document_groups([d.text for d in documents], distance))
    features = group_features(mentions, members)
    labels = pair_labels(documents, mentions, members)
    x = np.vstack([f for f in features if len(f)])
    y = np.concatenate([v for v in labels if len(v)])
    weights, bias = fit_pairs(x, y)
    fitted = CorefModel(weights, bias, 0.5, 0.5, distance)
    key = gold_clusters(documents)
    conll = {
        (method, t): score(
            key, model_clusters(mentions, members, features, replace(fitted, cluster_linkage=method), t)
        ).conll
        for method in LINKAGES
        for t in CLUSTER_THRESHOLDS
    }
    method, threshold = max(conll, key=conll.__getitem__)
    model = CorefModel(
        weights,
        bias,
        threshold,
        best_link_threshold(fitted.probabilities(x), y),
        distance,
        f"ECB+ 1.0 train topics ({len(documents)} documents, {len(y)} mention pairs)",
        method,
    )
    model.save(out)
    return TrainSummary(len(documents), len(mentions.keys), len(y), model, conll[(method, threshold)], out)


__all__ = ["TrainSummary", "train"]
