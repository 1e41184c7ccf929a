"""Corrections teach: the training export's stance examples are read by `wirescope train stance`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.cli import cli
from wirescope.errors import ConfigError

pytest.importorskip("sklearn")

DAM = "The dam was destroyed."
EXAMPLES = [
    {"task": "event", "sentence": "Fighters attacked the post.", "start": 9, "end": 17, "event": True},
    {"task": "stance", "claim": DAM, "text": "Officials deny the dam was hit", "stance": "disagree"},
    {"task": "stance", "claim": DAM, "text": "Dam destroyed, witnesses say", "stance": "agree"},
]


def write(path, examples) -> None:
    path.write_text("".join(json.dumps(x) + "\n" for x in examples), encoding="utf-8")


def test_the_trainer_reads_the_stance_examples_and_skips_the_other_tasks(tmp_path):
    from wirescope.annotate.claims.train import correction_pairs

    path = tmp_path / "training.jsonl"
    write(path, EXAMPLES)
    assert [(p.text, p.label) for p in correction_pairs(path)] == [
        ("Officials deny the dam was hit", "disagree"),
        ("Dam destroyed, witnesses say", "agree"),
    ]


def test_a_stance_example_without_a_known_stance_is_refused_with_its_line(tmp_path):
    from wirescope.annotate.claims.train import correction_pairs

    path = tmp_path / "training.jsonl"
    write(path, [*EXAMPLES, {"task": "stance", "claim": "c", "text": "t", "stance": "maybe"}])
    with pytest.raises(ConfigError, match=r"training\.jsonl:4"):
        correction_pairs(path)


def test_train_stance_takes_corrections_beside_the_gold_sets(tmp_path):
    corrections, out = tmp_path / "training.jsonl", tmp_path / "stance.npz"
    write(corrections, EXAMPLES)
    result = CliRunner().invoke(
        cli,
        [
            "train",
            "stance",
            str(need_shared(EVAL / "stance-fnc1")),
            str(need_shared(EVAL / "stance-emergent")),
            "--limit",
            "20",
            "--corrections",
            str(corrections),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "fnc1 20, emergent 20, corrections training.jsonl 2 pairs" in result.output
    assert out.exists()
