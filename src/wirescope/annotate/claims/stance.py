"""Stance of a text toward a claim: agree, disagree, discuss or unrelated, with a probability.

Two small classifiers over the features of features.py, one per kind of text: `body` (a text of
more than 40 words: one hidden ReLU layer, fitted on FNC-1 headline-body pairs) and `headline`
(a shorter text: multinomial logistic regression, fitted on Emergent claim-headline pairs and on
unrelated pairs drawn from them). Their weights ship beside this module in `stance_model.npz`
(numpy arrays only: no pickle, no data set text), written by `wirescope train stance` (train.py);
MODEL_CARD.md says on what, when, and how well they do on dev. Prediction is numpy alone, so
scikit-learn is needed only to train.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from wirescope.annotate.claims.features import feature_count, featurize, headline_flags
from wirescope.errors import ConfigError

MODEL_FILE = Path(__file__).resolve().parent / "stance_model.npz"
HEADS = ("body", "headline")


@dataclass(frozen=True)
class Head:
    """Columns [start, stop) of the features, standardised, then dense layers (ReLU between), softmax."""

    start: int
    stop: int
    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    labels: tuple[str, ...]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        h = (features[:, self.start : self.stop] - self.mean) / self.scale
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if i < len(self.weights) - 1:
                h = np.maximum(h, 0.0)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        out = {
            f"{name}.columns": np.array([self.start, self.stop]),
            f"{name}.mean": self.mean,
            f"{name}.scale": self.scale,
            f"{name}.labels": np.array(self.labels),
        }
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            out |= {f"{name}.w{i}": w, f"{name}.b{i}": b}
        return out


@dataclass(frozen=True)
class StanceModel:
    body: Head
    headline: Head

    def predict(self, features: np.ndarray, headline: np.ndarray) -> list[tuple[str, float]]:
        """(label, probability) per row; `headline` says which head reads each row."""
        out: list[tuple[str, float]] = [("unrelated", 0.0)] * len(features)
        for head, rows in ((self.body, np.flatnonzero(~headline)), (self.headline, np.flatnonzero(headline))):
            if len(rows):
                probs = head.probabilities(features[rows])
                for row, p in zip(rows, probs, strict=True):
                    out[row] = (head.labels[int(p.argmax())], float(p.max()))
        return out

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = self.body.arrays("body") | self.headline.arrays("headline")
        np.savez_compressed(path, **arrays)


def _head(data: np.lib.npyio.NpzFile, name: str) -> Head:
    layers = sum(1 for k in data.files if k.startswith(f"{name}.w"))
    start, stop = (int(x) for x in data[f"{name}.columns"])
    return Head(
        start,
        stop,
        data[f"{name}.mean"],
        data[f"{name}.scale"],
        tuple(data[f"{name}.w{i}"] for i in range(layers)),
        tuple(data[f"{name}.b{i}"] for i in range(layers)),
        tuple(str(x) for x in data[f"{name}.labels"]),
    )


def read_model(path: Path) -> StanceModel:
    with np.load(path, allow_pickle=False) as data:
        model = StanceModel(*(_head(data, name) for name in HEADS))
    if max(model.body.stop, model.headline.stop) != feature_count():
        raise ConfigError(
            f"{path}: the stance weights do not fit the {feature_count()} features the code makes",
            hint="rebuild them with: wirescope train stance PATH_FNC1 PATH_EMERGENT",
        )
    return model


@functools.cache
def shipped_model() -> StanceModel:
    """The packaged weights, read once per process."""
    return read_model(MODEL_FILE)


def stance_many(
    pairs: Sequence[tuple[str, str]], *, threads: int = 1, model: StanceModel | None = None
) -> list[tuple[str, float]]:
    """(label, probability) for each (claim, text) pair."""
    if not pairs:
        return []
    model = model or shipped_model()
    texts = [t for _, t in pairs]
    return model.predict(featurize([c for c, _ in pairs], texts, threads=threads), headline_flags(texts))


def stance(claim: str, text: str, *, threads: int = 1, model: StanceModel | None = None) -> tuple[str, float]:
    """The stance of `text` toward `claim` and the classifier's probability for it."""
    return stance_many([(claim, text)], threads=threads, model=model)[0]
