"""`wirescope eval events`: reading CASE 2021 task 2, the PLOVER->ACLED mapping, the metrics."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from wirescope.errors import DocumentError
from wirescope.eval.events import Report, format_report, label_of, read_snippets
from wirescope.query.acled import EventFacts, acled_types, case_label


@pytest.mark.parametrize(
    ("facts", "label"),
    [
        (EventFacts("ASSAULT", "aerial"), "AIR_STRIKE"),
        (EventFacts("ASSAULT", "artillery"), "ART_MISS_ATTACK"),
        (EventFacts("ASSAULT", "suicide bomb"), "SUIC_BOMB"),
        (EventFacts("ASSAULT", "explosives"), "REM_EXPLOS"),
        (EventFacts("ASSAULT", "clash"), "ARMED_CLASH"),
        (EventFacts("ASSAULT", None, target="unarmed villagers"), "ATTACK"),
        (EventFacts("ASSAULT", None, target="army checkpoint"), "ARMED_CLASH"),
        (EventFacts("ASSAULT", None, actor="stone-throwing protesters"), "VIOL_DEMONSTR"),
        (EventFacts("ASSAULT", None, target="peaceful protesters"), "FORCE_AGAINST_PROTEST"),
        (EventFacts("COERCE", "arrest"), "ARREST"),
        (EventFacts("COERCE", "seize territory", actor="government forces"), "GOV_REGAINS_TERIT"),
        (EventFacts("COERCE", "seize territory", actor="rebels"), "NON_STATE_ACTOR_OVERTAKES_TER"),
        (
            EventFacts("COERCE", "seize territory", context="Syrian army units captured the village"),
            "GOV_REGAINS_TERIT",
        ),
        (EventFacts("COERCE", "disrupt weapons"), "DISR_WEAP"),
        (EventFacts("PROTEST", "demonstrate"), "PEACE_PROTEST"),
        (EventFacts("PROTEST", "riot"), "VIOL_DEMONSTR"),
        (EventFacts("AGREE"), "AGREEMENT"),
        (EventFacts("MOBILIZE", "establish base"), "HQ_ESTABLISHED"),
        (EventFacts("MOBILIZE"), "CHANGE_TO_GROUP_ACT"),
        (EventFacts("RETREAT"), "NON_VIOL_TERRIT_TRANSFER"),
        (EventFacts("ACCUSE"), "ATTRIB"),
        (EventFacts("CONSULT"), "DIPLO"),
    ],
)
def test_plover_to_acled_mapping(facts, label):
    assert case_label(facts) == label


def test_acled_names_for_a_mapped_event():
    assert acled_types(EventFacts("ASSAULT", "grenade")) == ("Explosions/Remote violence", "Grenade")


def test_micro_and_macro_f1_with_an_unlabelled_snippet():
    report = Report(gold=["A", "A", "B", "C"], predicted=["A", "B", "B", None])
    p, r, f = report.micro()
    assert (p, r) == (2 / 3, 2 / 4)
    assert f == pytest.approx(2 * p * r / (p + r))
    # per label F1: A 2/3 (P 1, R 1/2), B 2/3 (P 1/2, R 1), C 0
    assert report.macro_f1() == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert "micro" in format_report(report) and "macro" in format_report(report)


def test_reading_a_task2_file(tmp_path):
    tsv = tmp_path / "case.tsv"
    tsv.write_text('id\tEventSnippet\tSubType\n1\tPolice arrested "twelve" men.\tARREST\n', encoding="utf-8")
    assert [(s.id, s.text, s.gold) for s in read_snippets(tsv)] == [("1", 'Police arrested "twelve" men.', "ARREST")]


@pytest.mark.parametrize("content", ["id\ttext\n1\tx\n", "id\tEventSnippet\tSubType\n1\tno label\t\n"])
def test_a_malformed_file_is_one_error_naming_it(tmp_path, content):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"bad\.tsv"):
        read_snippets(tsv)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Warplanes struck a market in the town, killing 12 civilians.", "AIR_STRIKE"),
        ("Police arrested five opposition activists in the capital on Friday.", "ARREST"),
        ("Thousands of people marched peacefully through the city to demand higher wages.", "PEACE_PROTEST"),
        ("The army did not attack the village.", None),
    ],
)
def test_a_snippet_gets_the_label_of_its_event(text, label):
    import wirescope

    assert label_of(wirescope.process(text)) == label


def test_the_command_prints_micro_and_macro_f1(tmp_path):
    from wirescope.cli import cli

    tsv = tmp_path / "case.tsv"
    tsv.write_text(
        "id\tEventSnippet\tSubType\n1\tPolice arrested five men in the capital.\tARREST\n"
        "2\tA flood destroyed the bridge.\tNATURAL_DISASTER\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", "events", str(tsv)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "macro" in result.output
