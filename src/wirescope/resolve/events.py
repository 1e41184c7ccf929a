"""One real-world event, many reports: which event reports of different articles are one event.

The resolver compares two `EventReport`s, the few fields of an event record it needs, and gives
the probability that they describe one event, with the reasons (which features spoke for and
against). The features (`pair_features`):

- the trigger: the same lemma; how alike the two lemmas are as strings (rapidfuzz ratio);
- MiniLM (annotate/embeddings) cosines: of the two triggers' words, and of the two evidence
  sentences, so "shot" and "opened fire on" and two wordings of one sentence come out close;
- arguments: how much the participants overlap (Jaccard), and whether both name participants and
  none is shared; the same for times and places (agree: a shared key; conflict: both given, none
  shared), so one clash reported twice agrees and the same kind of clash elsewhere conflicts;
- the documents: the same article (coreference within a document) and the cosine of the two
  documents' lede vectors.

A logistic regression over them (fitted on the ECB+ train topics by `wirescope train coref`,
resolve/event_training.py) ships as data/event_coref.json; MODEL_CARD is docs/models.md's event
coreference section. Clustering is agglomeration cut at a threshold, its linkage (average or
single: a report joins an event when one of its reports is close enough) and the threshold both
chosen on the same train topics (`clusters`). The store's incremental stage (store/event_links.py)
links a new report to every blocked candidate whose probability passes the link threshold.

What it gets wrong: reports that name an event only by a vague word ("the incident") have little
to match on but their sentence and their arguments; two similar events in one place on one day
(two air strikes on one town) look alike on every feature.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz.fuzz import ratio

from wirescope.errors import ConfigError

DIMENSIONS = 384  # of the MiniLM vectors (annotate/embeddings), which this module never loads
MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "event_coref.json"
FEATURES = (
    "same_lemma",
    "lemma_similarity",
    "trigger_cosine",
    "sentence_cosine",
    "same_lemma_x_sentence",
    "participant_overlap",
    "participant_conflict",
    "time_agree",
    "time_conflict",
    "place_agree",
    "place_conflict",
    "same_document",
    "document_cosine",
)


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as one article reports it: the fields cross-document coreference compares.

    Built from a stored event (store/event_links.py `report_of`) or from an ECB+ mention
    (eval/ecbplus.py). The keys in `participants`, `times` and `places` only need to be equal
    when the things are the same: actor ids, day strings, place ids and admin1 codes in the store.
    """

    id: str
    document: str  # the article (ECB+: the document) it is read from
    trigger: str  # the lemma of the word that names the event
    type: str = ""  # PLOVER type in the store (a blocking key: only reports of one type are compared)
    happened: bool = True  # asserted and not historical: a denial is never one report with the attack
    day: str = ""  # the event's day (store/rows.py event_day), '' when unknown: a blocking key
    admin1: str = ""  # the first-level region of its place, '' when unknown: a blocking key
    participants: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    trigger_vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    sentence_vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    document_vector: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class CorefModel:
    """Logistic regression weights over FEATURES, and the thresholds tuned on ECB+ train."""

    weights: np.ndarray
    bias: float
    cluster_threshold: float  # the linkage cut, as a probability
    link_threshold: float  # the store's pairwise link (stricter: a link there is never undone by linkage)
    document_distance: float = 0.5  # documents are grouped below this tf-idf cosine distance (resolve/documents.py)
    trained_on: str = ""
    cluster_linkage: str = "average"  # scipy's linkage method for `clusters`, chosen on ECB+ train

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))

    def reasons(self, features: np.ndarray, top: int = 3) -> str:
        """The features that moved this pair's score most, signed: "+same_lemma, -place_conflict"."""
        pushes = features * self.weights
        order = np.argsort(-np.abs(pushes))[:top]
        return ", ".join(f"{'+' if pushes[i] > 0 else '-'}{FEATURES[i]}" for i in order if pushes[i] != 0)

    def save(self, path: Path) -> None:
        data = {
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "cluster_threshold": self.cluster_threshold,
            "link_threshold": self.link_threshold,
            "document_distance": self.document_distance,
            "cluster_linkage": self.cluster_linkage,
            "trained_on": self.trained_on,
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def load_model(path: Path = MODEL_FILE) -> CorefModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"cannot read the event coreference weights {path}: {exc}",
            hint="rebuild them with `wirescope train coref ../shared/eval/coref-ecbplus`",
        ) from exc
    if tuple(data["features"]) != FEATURES:
        raise ConfigError(
            f"{path} was trained on other features than this wirescope computes",
            hint="rebuild it with `wirescope train coref ../shared/eval/coref-ecbplus`",
        )
    return CorefModel(
        np.array(data["weights"], float),
        float(data["bias"]),
        float(data["cluster_threshold"]),
        float(data["link_threshold"]),
        float(data["document_distance"]),
        data.get("trained_on", ""),
        data.get("cluster_linkage", "average"),
    )


@functools.cache
def shipped_model() -> CorefModel:
    return load_model(MODEL_FILE)


# --- features --------------------------------------------------------------------------------


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _agree_conflict(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    return (1.0, 0.0) if a & b else (0.0, 1.0)


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    return float(a @ b) if a is not None and b is not None else 0.0


def pair_features(a: EventReport, b: EventReport) -> np.ndarray:
    """The FEATURES of one pair of reports, in order."""
    same = float(a.trigger == b.trigger)
    sentence = _cosine(a.sentence_vector, b.sentence_vector)
    return np.array(
        [
            same,
            ratio(a.trigger, b.trigger) / 100.0,
            _cosine(a.trigger_vector, b.trigger_vector),
            sentence,
            same * sentence,
            _jaccard(a.participants, b.participants),
            float(bool(a.participants and b.participants) and not a.participants & b.participants),
            *_agree_conflict(a.times, b.times),
            *_agree_conflict(a.places, b.places),
            float(a.document == b.document),
            _cosine(a.document_vector, b.document_vector),
        ]
    )


def pairwise_features(reports: Sequence[EventReport]) -> np.ndarray:
    """Features of every pair i < j, in scipy's condensed order (row by row of the upper triangle)."""
    n = len(reports)
    out = np.zeros((n * (n - 1) // 2, len(FEATURES)))
    row = 0
    for i in range(n):
        for j in range(i + 1, n):
            out[row] = pair_features(reports[i], reports[j])
            row += 1
    return out


# --- clustering ------------------------------------------------------------------------------


def cluster_probabilities(probabilities: np.ndarray, n: int, threshold: float, method: str = "average") -> list[int]:
    """Agglomerative clusters of n items from their condensed pairwise probabilities. Average
    linkage: two clusters join while the mean probability between them is at least `threshold`;
    complete linkage: while every pair across them is; single linkage: while any pair is."""
    if n <= 1:
        return [0] * n
    from scipy.cluster.hierarchy import fcluster, linkage  # scipy comes with the models extra

    distances = np.clip(1.0 - probabilities, 0.0, 1.0)
    tree = linkage(distances, method=method)
    return [int(c) for c in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def clusters(
    reports: Sequence[EventReport], model: CorefModel | None = None, threshold: float | None = None
) -> list[list[EventReport]]:
    """The reports grouped into events: the model's linkage over its pair probabilities."""
    model = model or shipped_model()
    labels = cluster_probabilities(
        model.probabilities(pairwise_features(reports)) if len(reports) > 1 else np.zeros(0),
        len(reports),
        model.cluster_threshold if threshold is None else threshold,
        model.cluster_linkage,
    )
    groups: dict[int, list[EventReport]] = {}
    for report, label in zip(reports, labels, strict=True):
        groups.setdefault(label, []).append(report)
    return list(groups.values())


__all__ = [
    "DIMENSIONS",
    "FEATURES",
    "MODEL_FILE",
    "CorefModel",
    "EventReport",
    "cluster_probabilities",
    "clusters",
    "load_model",
    "pair_features",
    "pairwise_features",
    "shipped_model",
]
