"""`wirescope eval plover`: the 2016 label mapping, the gold event words, actor matching (floors: test_floors.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.eval.plover import CURRENT_LABEL, Report, gold_record, same_actor, trigger_span
from wirescope.record import PLOVER_TYPES, Span

GSR = EVAL / "events-plover-gsr"


def test_every_mapped_label_is_a_current_plover_type():
    assert set(CURRENT_LABEL.values()) <= set(PLOVER_TYPES)
    assert CURRENT_LABEL["DEMAND"] == "REQUEST" and CURRENT_LABEL["FIGHT"] == "ASSAULT"


def test_a_gold_record_with_its_event_words_and_actors():
    record = gold_record(
        {
            "id": "X-1",
            "event": "DISAPPROVE",
            "text": "France criticized Iran on Monday.",
            "textInfo": {"markup": "(SRC: France) (EVT: criticized) (TAR: Iran) on Monday."},
            "source": [{"actorText": "France"}],
            "target": "",
        }
    )
    assert (record.label, record.trigger, record.actors, record.targets) == ("ACCUSE", Span(7, 17), ("France",), ())


def test_a_markup_string_instead_of_an_object_is_read_as_no_markup():
    record = gold_record({"id": "X-2", "event": "AID", "text": "t", "textInfo": "(EVT: t}", "source": None})
    assert record.trigger is None and record.actors == ()


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("the Hungarian officials", ("Hungarian",), True),
        ("Tokyo", ("Tokyo", "Japan"), True),
        ("police", ("Hungarian",), False),
        (None, ("Hungarian",), False),
        ("", ("x",), False),
    ],
)
def test_actor_match(predicted, gold, same):
    assert same_actor(predicted, gold) is same


def test_trigger_span_is_the_first_marked_words_found_in_the_text():
    assert trigger_span("They agreed to talk.", "(SRC: They) (EVT: agreed) to (EVT: talk).") == Span(5, 11)


def test_accuracy_and_macro_f1():
    report = Report(gold=["ASSAULT", "ASSAULT", "AGREE"], predicted=["ASSAULT", None, "ASSAULT"])
    assert report.accuracy() == pytest.approx(1 / 3)
    # ASSAULT: P 1/2, R 1/2 -> F1 1/2; AGREE: 0
    assert report.macro_f1() == pytest.approx(0.25)


def test_the_command_prints_accuracy_and_macro_f1():
    from wirescope.cli import cli

    result = CliRunner().invoke(cli, ["eval", "plover", str(need_shared(GSR)), "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "type accuracy" in result.output and "macro F1" in result.output


def test_regression_places_crash_on_a_palestinian_actor_beside_a_place():
    import wirescope

    article = wirescope.process("Palestinian police in Jericho confiscated weapons.", clean=False)
    assert article.events
