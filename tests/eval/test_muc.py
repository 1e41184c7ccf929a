"""`wirescope eval muc`: reading MUC-4's own files, the slot matching rules, the baseline, the adapter."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL
from wirescope.eval.grit import normal as grit_normal
from wirescope.eval.grit import score_role
from wirescope.eval.muc import fills_of
from wirescope.eval.muc_adapter import Incident, incidents_of
from wirescope.eval.muc_baseline import baseline_incidents
from wirescope.eval.muc_data import read_corpus, read_messages, read_templates
from wirescope.eval.muc_slots import (
    GoldFill,
    date_fill,
    gold_fills,
    location_fill,
    match_date,
    match_location,
    match_string,
    score_slot,
    string_fill,
)
from wirescope.eval.scoring import max_matching

MUC = EVAL / "events-muc4"
CORPORA = MUC / "raw" / "TASK" / "CORPORA"

TEXT = """DEV-MUC3-0001 (NOSC)

   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,
COPREFA] [TEXT] TERRORISTS KIDNAPPED 50 PEASANTS IN SAN MIGUEL
DEPARTMENT YESTERDAY.

   A BRIDGE WAS DYNAMITED.

DEV-MUC3-0002 (NOSC)

   LIMA, 4 JAN 90 -- [TEXT] THE MINISTER SPOKE ABOUT THE ECONOMY.
"""
KEY = """0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 JAN 90
3.  INCIDENT: LOCATION              EL SALVADOR: SAN MIGUEL (DEPARTMENT)
4.  INCIDENT: TYPE                  KIDNAPPING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
9.  PERP: INDIVIDUAL ID             "TERRORISTS"
10. PERP: ORGANIZATION ID           -
12. PHYS TGT: ID                    *
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "PEASANTS"
                                    ? "PEOPLE"
;;; an annotator's comment
0.  MESSAGE: ID                     DEV-MUC3-0002 (NCCOSC)
1.  MESSAGE: TEMPLATE               *
"""


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "dev-muc3-0001-0002").write_text(TEXT, encoding="latin-1")
    (tmp_path / "key-dev-0001.muc4").write_text(KEY, encoding="latin-1")
    return tmp_path


def test_reading_messages_and_keys_matched_on_the_id_not_the_site_tag(corpus):
    messages, templates = read_corpus(corpus)
    assert [m.id for m in messages] == ["DEV-MUC3-0001", "DEV-MUC3-0002"]
    first = messages[0]
    assert (first.dateline_place, first.dateline_date) == ("SAN SALVADOR", date(1990, 1, 3))
    assert first.body.startswith("TERRORISTS KIDNAPPED 50 PEASANTS IN SAN MIGUEL DEPARTMENT YESTERDAY.")
    assert "\n\nA BRIDGE WAS DYNAMITED." in first.body  # paragraphs kept, lines joined
    assert len(templates["DEV-MUC3-0001"]) == 1 and templates["DEV-MUC3-0002"] == []  # `*` is no incident


def test_a_continued_slot_and_an_optional_fill(corpus):
    (template,) = read_templates(corpus / "key-dev-0001.muc4")[:1]
    fills = gold_fills([template])
    assert fills["human_target"] == [GoldFill(("PEASANTS",)), GoldFill(("PEOPLE",), optional=True)]
    assert fills["physical_target"] == [] and fills["perp_organization"] == []


@pytest.mark.parametrize(
    ("line", "alternatives", "optional"),
    [
        ('"GUERRILLA COLUMN" / "GUERRILLAS"', ("GUERRILLA COLUMN", "GUERRILLAS"), False),
        ('? "TERRORIST"', ("TERRORIST",), True),
        ('"PRIEST": "IGNACIO ELLACURIA"', ("PRIEST",), False),
    ],
)
def test_string_fills(line, alternatives, optional):
    assert string_fill(line) == GoldFill(alternatives, optional)


@pytest.mark.parametrize(
    ("line", "predicted", "credit"),
    [
        ("30 DEC 89", date(1989, 12, 30), 1.0),
        ("30 DEC 89", date(1989, 12, 29), 0.0),
        ("08 JAN 90 - 09 JAN 90", date(1990, 1, 9), 1.0),
        ("- 08 JAN 90", date(1990, 1, 8), 1.0),
        ("- 08 JAN 90", date(1990, 1, 2), 0.5),
        ("- 08 JAN 90", date(1990, 1, 9), 0.0),
    ],
)
def test_date_matching(line, predicted, credit):
    assert max(match_date(predicted, alt) for alt in date_fill(line).alternatives) == credit


@pytest.mark.parametrize(("predicted", "credit"), [("San Luis de la Reina", 1.0), ("EL SALVADOR", 0.5), ("LIMA", 0.0)])
def test_location_matching_gives_half_for_a_containing_place(predicted, credit):
    (alternative,) = location_fill("EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)").alternatives
    assert match_location(predicted, alternative) == credit


@pytest.mark.parametrize(
    ("predicted", "gold", "credit"),
    [
        ("the Terrorists", "TERRORISTS", 1.0),
        ("FMLN TERRORISTS", "TERRORISTS", 0.5),
        ("SOLDIERS", "TERRORISTS", 0.0),
    ],
)
def test_string_matching(predicted, gold, credit):
    assert match_string(predicted, gold) == credit


def test_a_fill_is_matched_once_and_a_missed_optional_fill_costs_nothing():
    gold = [GoldFill(("PEASANTS",)), GoldFill(("PEOPLE",), optional=True)]
    counts = score_slot("human_target", ["PEASANTS", "PEASANTS", "50 PEASANTS"], gold)
    assert (counts.matched, counts.predicted, counts.gold) == (1.0, 2, 1)


def test_grit_entities_are_aligned_one_to_one():
    gold = [{"terrorists", "fmln terrorists"}, {"guerrillas"}]
    counts = score_role(["The Terrorists", "FMLN terrorists", "guerrillas", "soldiers"], gold)
    assert (counts.matched, counts.predicted, counts.gold) == (2, 4, 2)
    assert grit_normal("The (FMLN) urban commandos.") == "fmln urban commandos"
    assert max_matching({0: [0], 1: [0, 1], 2: [1]}) == 2


def test_the_baseline_reads_the_dateline_and_keywords(corpus):
    message = read_messages(corpus / "dev-muc3-0001-0002")[0]
    incidents = baseline_incidents(message)
    assert [(i.type, i.stage, i.date, i.location) for i in incidents] == [
        ("KIDNAPPING", "ACCOMPLISHED", date(1990, 1, 2), "SAN SALVADOR"),
        ("BOMBING", "ACCOMPLISHED", date(1990, 1, 3), "SAN SALVADOR"),
    ]
    assert incidents[0].perp_individual == ("TERRORISTS",) and incidents[0].human_target == ("50 PEASANTS",)
    assert incidents[1].physical_target == ("A BRIDGE",)


def test_the_adapter_maps_our_events_to_incidents():
    import wirescope

    article = wirescope.process(
        "Guerrillas bombed the power station in the capital. The army did not attack the village.", clean=False
    )
    incidents = incidents_of(article)
    assert [i.type for i in incidents] == ["BOMBING"]  # the negated attack is no incident
    assert incidents[0].stage == "ACCOMPLISHED"
    assert fills_of(incidents)["physical_target"] == ["power station"]


def test_the_adapter_gives_one_incident_per_record_dated_and_placed_from_the_report():
    import wirescope

    message = read_messages_from(
        "TST1-MUC3-9999\n\nSAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] YESTERDAY, IN SAN MIGUEL, "
        "URBAN GUERRILLAS ATTACKED A BUS.\n\nTHE ATTACK ON THE BUS LEFT TWO PASSENGERS DEAD.\n"
    )
    article = wirescope.process(message.report, published=message.dateline_date, clean=False)
    incidents = incidents_of(article)
    assert [i.type for i in incidents] == ["ATTACK"]  # the lead and the body tell of one attack
    assert incidents[0].date == date(1990, 1, 2)  # "YESTERDAY", outside the clause of "ATTACKED"


def read_messages_from(text: str):
    from wirescope.eval.muc_data import MESSAGE_ID, message_from

    match = MESSAGE_ID.search(text)
    assert match is not None
    return message_from(match.group(1), text[match.end() :])


def test_an_incident_fills_every_slot_it_has():
    incident = Incident("ATTACK", "THREATENED", date(1990, 1, 1), "LIMA", ("GUNMEN",), (), (), ("JUDGE",))
    fills = fills_of([incident])
    assert fills["date"] == [date(1990, 1, 1)] and fills["location"] == ["LIMA"] and fills["human_target"] == ["JUDGE"]
    assert fills["perp_organization"] == []


def test_the_command_prints_both_systems_and_writes_predictions(corpus, tmp_path):
    from wirescope.cli import cli

    out = tmp_path / "predictions.jsonl"
    result = CliRunner().invoke(cli, ["eval", "muc", str(corpus), "--out", str(out), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "wirescope:" in result.output and "baseline:" in result.output and "ALL SLOTS" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["DEV-MUC3-0001"] and lines[0]["baseline"]


def test_an_optional_template_makes_its_fills_optional_unless_a_required_one_shares_them(corpus):
    (template,) = read_templates(corpus / "key-dev-0001.muc4")[:1]
    optional = read_templates(corpus / "key-dev-0001.muc4")[0]
    optional.slots = {
        **template.slots,
        "MESSAGE: TEMPLATE": ["2 (OPTIONAL)"],
        "PERP: ORGANIZATION ID": ['"FMLN"'],
        "INCIDENT: TYPE": ["KIDNAPPING"],
    }
    assert optional.is_optional and not template.is_optional
    fills = gold_fills([template, optional])
    assert fills["perp_organization"] == [GoldFill(("FMLN",), optional=True)]
    assert fills["type"] == [GoldFill(("KIDNAPPING",))]


@pytest.mark.parametrize(
    "body, reason",
    [
        ("GUERRILLAS ATTACKED A BUS NEAR USULUTAN YESTERDAY.", None),
        ("GUERRILLAS ATTACKED AN ARMY PATROL NEAR USULUTAN YESTERDAY.", "1(b): only a military target"),
        ("ON 5 JUNE 1989 GUERRILLAS ATTACKED A BUS NEAR USULUTAN.", "6: not recent"),
        ("YESTERDAY GUERRILLAS ATTACKED A BUS IN SPAIN.", "4: outside the nine countries"),
        ("AN ATTACK PERPETRATED BY A SUBVERSIVE GROUP TOOK PLACE YESTERDAY.", "7: not specific"),
        ("A BOMB EXPLODED NEAR USULUTAN YESTERDAY.", None),
    ],
)
def test_an_event_outside_the_task_definition_is_no_incident(body, reason):
    """MUC-4 files only relevant incidents (the definition's paragraphs 1(b), 4, 6 and 7): the event
    is still recorded, the adapter does not report it."""
    import wirescope
    from wirescope.eval.muc_adapter import incident_type, record_day, record_targets
    from wirescope.eval.muc_relevance import irrelevance

    message = read_messages_from(f"TST1-MUC3-9998\n\nSAN SALVADOR, 3 JAN 90 -- [TEXT] {body}\n")
    article = wirescope.process(message.report, published=message.dateline_date, clean=False)
    mentions = {e.id: e for e in article.events}
    judged = []
    for record in article.event_records:
        kind = next((k for m in record.mentions if (k := incident_type(article, mentions[m])) is not None), None)
        if kind is not None:
            physical, human = record_targets(article, record, _target(record))
            judged.append(irrelevance(article, record, record_day(record), kind, physical + human))
    assert judged == [reason]
    assert len(incidents_of(article)) == (reason is None)


def _target(record):
    from wirescope.eval.muc_adapter import _participant

    return _participant(record.target)
