"""`wirescope train stance`: refit the stance classifier's shipped weights from the training splits.

Only the train splits of eval/stance_sets.py are read (FNC-1 by Body ID, Emergent by claim), so
the figures of `wirescope eval stance --split dev` stay out of the fit (the few settings below were
chosen by comparing dev figures: MODEL_CARD.md says which). Each pair goes to the head its text
calls for (features.headline_flags): FNC-1 bodies to `body`, Emergent headlines to `headline`.
The few FNC-1 bodies short enough to read as headlines (1,766 train pairs of at most 40 words)
are left out of both fits: the body head never reads so short a text, and in the headline head
they cost Emergent dev 3 points (0.754 -> 0.724; MODEL_CARD.md). Emergent has no unrelated pair,
so the headline head also sees each training claim next to the first headline of the next claim
(by claim id), labelled unrelated. The fit is deterministic:
fixed seeds, the data files' order.
scikit-learn is needed here only; the saved weights are plain numpy arrays (stance.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from wirescope.annotate.claims.features import BODY_COLUMNS, HEADLINE_COLUMNS, featurize, headline_flags
from wirescope.annotate.claims.stance import MODEL_FILE, Head, StanceModel
from wirescope.errors import ConfigError
from wirescope.eval.stance_sets import LABELS, Pair, read_stance_set

BODY_HIDDEN = 128
BODY_ALPHA = 1e-2  # L2 penalty: 1,191 features and only 1,360 training bodies
BODY_EPOCHS = 40
HEADLINE_C = 0.003  # strong L2: on headlines the fit otherwise memorises the 194 training claims
SEED = 0


@dataclass(frozen=True)
class TrainSummary:
    pairs: dict[str, int]  # training pairs per set (Emergent: without the drawn unrelated pairs)
    path: Path


def unrelated_pairs(pairs: list[Pair]) -> list[Pair]:
    """Each claim with the first text of the next claim (by group id, wrapping round): unrelated."""
    first: dict[str, Pair] = {}
    for pair in pairs:
        first.setdefault(pair.group, pair)
    groups = sorted(first)
    return [
        Pair(first[g].claim, first[groups[(i + 1) % len(groups)]].text, "unrelated", g)
        for i, g in enumerate(groups)
        if len(groups) > 1
    ]


def training_pairs(path: Path, limit: int | None = None) -> tuple[str, list[Pair]]:
    """The train split of the set at `path` (its first `limit` pairs, for a quick test)."""
    data = read_stance_set(path)
    pairs = list(data.split("train"))
    return data.name, pairs[:limit] if limit else pairs


def _standardise(features: np.ndarray) -> tuple[StandardScaler, np.ndarray]:
    scaler = StandardScaler().fit(features)
    scaler.scale_ = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    return scaler, scaler.transform(features)


def _head(columns: tuple[int, int], scaler: StandardScaler, weights: list, biases: list, classes) -> Head:
    return Head(
        columns[0],
        columns[1],
        scaler.mean_.astype(np.float32),
        scaler.scale_.astype(np.float32),
        tuple(np.asarray(w, np.float32) for w in weights),
        tuple(np.asarray(b, np.float32) for b in biases),
        tuple(LABELS[int(c)] for c in classes),
    )


def _check_labels(name: str, labels: np.ndarray) -> None:
    if len(set(labels.tolist())) < 2:
        raise ConfigError(
            f"the {name} head has training pairs of fewer than two labels",
            hint="give more pairs (a larger --limit) or both data sets",
        )


def fit_body(features: np.ndarray, labels: np.ndarray) -> Head:
    _check_labels("body", labels)
    scaler, x = _standardise(features[:, BODY_COLUMNS[0] : BODY_COLUMNS[1]])
    net = MLPClassifier(
        hidden_layer_sizes=(BODY_HIDDEN,),
        alpha=BODY_ALPHA,
        max_iter=BODY_EPOCHS,
        random_state=SEED,
        batch_size=min(256, len(labels)),
    ).fit(x, labels)
    return _head(BODY_COLUMNS, scaler, net.coefs_, net.intercepts_, net.classes_)


def fit_headline(features: np.ndarray, labels: np.ndarray) -> Head:
    _check_labels("headline", labels)
    scaler, x = _standardise(features[:, HEADLINE_COLUMNS[0] : HEADLINE_COLUMNS[1]])
    regression = LogisticRegression(C=HEADLINE_C, max_iter=3000).fit(x, labels)
    weights, biases = regression.coef_.T, regression.intercept_
    if len(regression.classes_) == 2:  # sklearn keeps one column for two classes: make it a softmax pair
        weights, biases = np.hstack([-weights / 2, weights / 2]), np.array([-biases[0] / 2, biases[0] / 2])
    return _head(HEADLINE_COLUMNS, scaler, [weights], [biases], regression.classes_)


def correction_pairs(path: Path) -> list[Pair]:
    """The stance examples of a `wirescope corrections export --format training` file (the lines
    whose task is "stance": {"claim", "text", "stance"}); the other tasks' lines are skipped."""
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            example = json.loads(line)
        except ValueError:
            raise ConfigError(f"{path}:{n}: not a JSON line", hint="give a file the training export wrote") from None
        if example.get("task") != "stance":
            continue
        if example.get("stance") not in LABELS or not example.get("claim") or not example.get("text"):
            raise ConfigError(f"{path}:{n}: a stance example needs claim, text and a stance in {', '.join(LABELS)}")
        pairs.append(Pair(example["claim"], example["text"], example["stance"], f"correction-{n}"))
    return pairs


def fit_model(pairs: list[Pair], features: np.ndarray, short_bodies: np.ndarray | None = None) -> StanceModel:
    """Both heads fitted on these pairs (with their feature rows); the rows `short_bodies` marks
    (FNC-1 bodies short enough to read as headlines) are in neither fit."""
    labels = np.array([LABELS.index(p.label) for p in pairs])
    headline = headline_flags([p.text for p in pairs])
    kept = ~short_bodies if short_bodies is not None else np.ones(len(pairs), bool)
    body, head = kept & ~headline, kept & headline
    return StanceModel(fit_body(features[body], labels[body]), fit_headline(features[head], labels[head]))


def train(
    paths: list[Path],
    out: Path = MODEL_FILE,
    *,
    limit: int | None = None,
    threads: int = 1,
    corrections: list[Path] | None = None,
) -> TrainSummary:
    """Fit both heads on the train splits of the sets at `paths`, and on the reviewed stance
    examples in the `corrections` files, and write the weights to `out`."""
    pairs, counts, bodies = [], {}, []
    for path in paths:
        name, found = training_pairs(path, limit)
        counts[name] = len(found)
        found += unrelated_pairs(found) if name == "emergent" else []
        pairs += found
        bodies += [name == "fnc1"] * len(found)
    for path in corrections or []:
        found = correction_pairs(path)
        counts[f"corrections {path.name}"] = len(found)
        pairs += found
        bodies += [False] * len(found)
    features = featurize([p.claim for p in pairs], [p.text for p in pairs], threads=threads)
    short_bodies = np.array(bodies, bool) & headline_flags([p.text for p in pairs])
    model = fit_model(pairs, features, short_bodies)
    model.save(out)
    return TrainSummary(counts, out)
