"""`wirescope eval stance`: the FNC-1 score, format detection by content, the fixed dev splits."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.cli import cli
from wirescope.errors import EvalDataError
from wirescope.eval.stance import StanceReport, fnc_score
from wirescope.eval.stance_sets import read_stance_set


@pytest.mark.parametrize(
    ("gold", "predicted", "score"),
    [
        (("agree",), ("agree",), 1.0),  # related side right, label right
        (("agree",), ("discuss",), 0.25),  # related side right, label wrong
        (("agree",), ("unrelated",), 0.0),
        (("unrelated",), ("unrelated",), 0.25),
        (("unrelated",), ("disagree",), 0.0),
        (("disagree", "unrelated"), ("disagree", "agree"), 1.0),
    ],
)
def test_the_fnc1_weighted_score(gold, predicted, score):
    assert fnc_score(gold, predicted) == score


def test_the_relative_score_and_macro_f1_of_a_small_report():
    report = StanceReport(
        "fnc1", "dev", ("agree", "discuss", "unrelated", "unrelated"), ("agree", "agree", "unrelated", "discuss")
    )
    assert report.weighted_score() == pytest.approx((1 + 0.25 + 0.25 + 0) / (1 + 1 + 0.25 + 0.25))
    assert report.accuracy() == 0.5
    # agree F1 2/3, discuss 0, unrelated 2/3: the mean over the three gold classes
    assert report.macro_f1() == pytest.approx((2 / 3 + 0 + 2 / 3) / 3)


EMERGENT_CSV = (
    "id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
    "0,Rebels seized the dam,Rebels seize the dam after a night of fighting,for,a1,c1\n"
    "1,Rebels seized the dam,Army denies rebels took the dam,against,a2,c1\n"
    "2,Rebels seized the dam,Rebels may have taken the dam; reports,observing,a3,c1\n"
)


def test_formats_are_told_apart_by_content_not_by_file_names(tmp_path):
    (tmp_path / "emergent").mkdir()
    (tmp_path / "emergent" / "whatever.csv").write_text(EMERGENT_CSV, encoding="utf-8")
    fnc = tmp_path / "fnc"
    fnc.mkdir()
    with zipfile.ZipFile(fnc / "a.zip", "w") as archive:
        archive.writestr("x.csv", 'Body ID,articleBody\n7,"The army said the dam was lost.\nRebels hold it."\n')
    (fnc / "b.csv").write_text("Headline,Body ID,Stance\nRebels seized the dam,7,agree\n", encoding="utf-8")
    emergent = read_stance_set(tmp_path / "emergent")
    assert emergent.name == "emergent" and [p.label for p in emergent.pairs] == ["agree", "disagree", "discuss"]
    assert read_stance_set(fnc).pairs[0].text.endswith("Rebels hold it.")
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvalDataError):
        read_stance_set(tmp_path / "other.csv")


@pytest.mark.parametrize(
    ("folder", "pairs", "groups"),
    [
        ("stance-fnc1", 9043, 323),  # dev bodies, by the SHA-256 rule of stance_sets.py
        ("stance-emergent", 427, 46),  # dev claims
    ],
)
def test_the_dev_splits_are_fixed_and_disjoint_from_train(folder, pairs, groups):
    data = read_stance_set(need_shared(EVAL / folder))
    dev, train = data.split("dev"), data.split("train")
    assert (len(dev), len({p.group for p in dev})) == (pairs, groups)
    assert not {p.group for p in dev} & {p.group for p in train}
    assert len(dev) + len(train) == len(data.split("all"))


def test_the_command_prints_the_figures(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(EMERGENT_CSV, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "stance", str(path), "--split", "all"])
    assert result.exit_code == 0, result.output
    assert "emergent all: 3 pairs" in result.output and "macro F1" in result.output
    assert "weighted score" not in result.output  # FNC-1's score only for FNC-1
