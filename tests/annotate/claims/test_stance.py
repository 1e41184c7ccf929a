"""Stance scoring: the public call, floors on a fixed dev subset, and the training command."""

from __future__ import annotations

from click.testing import CliRunner

import wirescope
from tests.conftest import EVAL, need_shared
from wirescope.annotate.claims.features import feature_count, featurize, split_sentences
from wirescope.annotate.claims.stance import read_model, stance_many
from wirescope.cli import cli
from wirescope.eval.stance import StanceReport
from wirescope.eval.stance_sets import LABELS, read_stance_set

# Sets written for this test: a claim, then texts that clearly stand in one relation to it.
CLAIM = "Taliban fighters captured the Panjshir valley on Monday."
UNRELATED = (
    "The city council approved a new budget for public libraries and parks. "
    "Officials said the money would pay for longer opening hours."
)


def test_the_public_call_gives_a_label_and_a_probability():
    label, score = wirescope.stance(CLAIM, UNRELATED)
    assert label == "unrelated" and 0.5 < score <= 1.0


def test_every_label_comes_with_a_probability():
    pairs = [
        (CLAIM, UNRELATED),
        (CLAIM, "The resistance denied that the Taliban had captured Panjshir."),
        (CLAIM, "Taliban fighters captured the Panjshir valley on Monday, witnesses said."),
    ]
    for label, score in stance_many(pairs):
        assert label in LABELS and 0.25 <= score <= 1.0


def test_features_have_a_fixed_width_whatever_the_text():
    rows = featurize(["a claim", "another claim"], ["", "One. Two! Three? " * 30])
    assert rows.shape == (2, feature_count())


def test_sentences_end_at_punctuation_and_line_breaks():
    assert split_sentences('He said "no." Then they left.\nA new line') == [
        'He said "no."',
        "Then they left.",
        "A new line",
    ]


def dev_subset(folder: str, groups: int) -> StanceReport:
    """The dev pairs of the first `groups` dev bodies (FNC-1) or claims (Emergent), by sorted id."""
    data = read_stance_set(need_shared(EVAL / folder))
    dev = data.split("dev")
    chosen = sorted({p.group for p in dev}, key=lambda g: (len(g), g))[:groups]
    pairs = [p for p in dev if p.group in chosen]
    predicted = stance_many([(p.claim, p.text) for p in pairs])
    return StanceReport(data.name, "dev", tuple(p.label for p in pairs), tuple(label for label, _ in predicted))


# Floors a little under what the shipped weights score on these subsets (MODEL_CARD.md has the
# full dev figures); a regression in the features, the encoder or the weights fails here.
def test_fnc1_dev_subset_floor():
    report = dev_subset("stance-fnc1", 8)
    assert len(report.gold) > 150
    assert report.weighted_score() >= FNC_FLOOR and report.accuracy() >= FNC_ACCURACY_FLOOR


def test_emergent_dev_subset_floor():
    report = dev_subset("stance-emergent", 16)
    assert len(report.gold) > 100
    assert report.accuracy() >= EMERGENT_FLOOR


def test_the_training_command_refits_weights_on_a_tiny_subset(tmp_path):
    out = tmp_path / "stance.npz"
    result = CliRunner().invoke(
        cli,
        [
            "train",
            "stance",
            str(need_shared(EVAL / "stance-fnc1")),
            str(need_shared(EVAL / "stance-emergent")),
            "--limit",
            "20",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "fnc1 20, emergent 20 pairs" in result.output
    model = read_model(out)
    assert set(model.body.labels) | set(model.headline.labels) <= set(LABELS)
    assert max(model.body.stop, model.headline.stop) == feature_count()
    label, score = stance_many([(CLAIM, UNRELATED)], model=model)[0]
    assert label in LABELS and 0 < score <= 1


# Measured with the shipped weights on these subsets (2026-12-01): FNC-1 193 pairs, weighted 0.951,
# accuracy 0.974; Emergent 209 pairs, accuracy 0.761. int8 activations are quantised per batch, so a
# figure moves a little with what else is in the batch: the floors leave room for that.
FNC_FLOOR = 0.91
FNC_ACCURACY_FLOOR = 0.95
EMERGENT_FLOOR = 0.72
