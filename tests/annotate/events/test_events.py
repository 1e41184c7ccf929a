"""Events: the seed gold's events, participants, casualties, modes, grouping and the exports."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

import wirescope
from wirescope.query.events import ACLED_COLUMNS, acled_row, event_record, write_acled_csv


def _norm(text: str | None) -> str:
    text = (text or "").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentence_bounds(body: str, evidence: str) -> tuple[int, int]:
    """The sentence holding the gold evidence, found the way ../shared/seed/check.py finds it."""
    i = body.find(evidence)
    assert i >= 0, evidence
    start = max(body.rfind(". ", 0, i), body.rfind("\n", 0, i)) + 1
    ends = [x for x in (body.find(". ", i + len(evidence)), body.find("\n", i)) if x >= 0]
    return start, min(ends or [len(body)])


def _matches(event, gold: dict, article) -> bool:
    if event.type != gold["type"] or event.modality != gold["modality"]:
        return False
    for key in ("actor", "target"):
        if gold.get(key) and _norm(getattr(event, key).name if getattr(event, key) else "") != _norm(gold[key]):
            return False
    if gold.get("location"):
        place = _norm(event.place.name if event.place else "")
        if not place or (_norm(gold["location"]) not in place and place not in _norm(gold["location"])):
            return False
    if gold.get("time") and (event.time is None or event.time.value != gold["time"]):
        return False
    return "historical" not in gold or event.historical == gold["historical"]


def _events_in_sentence(article, gold):
    start, end = _sentence_bounds(article.text, gold["evidence"])
    return [e for e in article.events if e.evidence.start < end and e.evidence.end > start]


def _gold_events(seed_gold, required: bool):
    return [g for g in seed_gold["events"] if g.get("required") is required]


def test_every_required_seed_event_is_found(seed_article, seed_gold):
    missing = [
        g["evidence"]
        for g in _gold_events(seed_gold, True)
        if not any(_matches(e, g, seed_article) for e in _events_in_sentence(seed_article, g))
    ]
    assert missing == []


def test_no_negated_seed_event_comes_out_asserted(seed_article, seed_gold):
    for gold in (g for g in seed_gold["events"] if g["modality"] == "negated"):
        same_type = [e for e in _events_in_sentence(seed_article, gold) if e.type == gold["type"]]
        assert same_type, gold["evidence"]
        assert all(e.modality != "asserted" for e in same_type), gold["evidence"]


def test_a_claim_names_its_speaker_as_source(seed_article, seed_gold):
    for gold in (g for g in seed_gold["events"] if g.get("source") and g.get("required")):
        found = [e for e in _events_in_sentence(seed_article, gold) if _matches(e, gold, seed_article)]
        assert any(e.source and _norm(e.source.name) == _norm(gold["source"]) for e in found), gold["evidence"]


def test_events_survive_the_store(seed_article, store):
    store.save(seed_article)
    assert store.article(seed_article.id).events == seed_article.events  # in text order, both ways


def only_event(text: str, type_: str, published: str = "2021-08-25"):
    article = wirescope.process(text, published=published)
    found = [e for e in article.events if e.type == type_]
    assert len(found) == 1, [(e.type, article.text_of(e.evidence)) for e in article.events]
    return found[0], article


@pytest.mark.parametrize(
    ("text", "type_", "fatalities", "injured"),
    [
        ("Gunmen attacked a market in the town, killing 14 people and wounding 30.", "ASSAULT", 14, 30),
        ("Dozens of people were killed when militants shelled the district.", "ASSAULT", 12, None),
        ("Hundreds of civilians were wounded in the air strike on the camp.", "ASSAULT", None, 100),
        ("Between 10 and 15 soldiers were killed in the ambush near the border.", "ASSAULT", 10, None),
        ("Rebels attacked an army post overnight.", "ASSAULT", None, None),
    ],
)
def test_casualties_are_counted_the_acled_way(text, type_, fatalities, injured):
    event, _ = only_event(text, type_)
    assert (event.fatalities, event.injured) == (fatalities, injured)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A drone strike hit a convoy in the north.", "aerial"),
        ("A car bomb exploded outside the ministry.", "explosives"),
        ("Police fired tear gas at the crowd in the square.", "repress"),
        ("Militants fired mortars at the base.", "artillery"),
    ],
)
def test_the_mode_says_how(text, mode):
    article = wirescope.process(text, published="2021-08-25")
    assert mode in {e.mode for e in article.events if e.type == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "type_", "actor", "target"),
    [
        ("The village was shelled by government forces.", "ASSAULT", "government forces", "village"),
        ("Hamid Karzai met with the Taliban in Doha.", "CONSULT", "Hamid Karzai", "Taliban"),
        ("The Taliban, which controls the city, arrested three journalists.", "COERCE", "Taliban", "three journalists"),
    ],
)
def test_actor_and_target_follow_the_grammar(text, type_, actor, target):
    event, _ = only_event(text, type_)
    assert event.actor is not None and _norm(event.actor.name).endswith(_norm(actor))
    assert event.target is not None and _norm(target).endswith(_norm(event.target.name))


def test_a_claimed_siege_of_the_enemy_is_the_speakers_side_act():
    text = "Taliban spokesman Zabihullah Mujahid tweeted that the enemy is under siege in Bazarak."
    event, _ = only_event(text, "COERCE")
    assert event.modality == "claimed"
    assert event.actor is not None and event.actor.name == "Taliban"


# --- records, filters, ACLED rows and groups -----------------------------------------------------


def _record(**over) -> dict:
    base = {
        "id": "evt_1",
        "article_id": "art_1",
        "type": "ASSAULT",
        "mode": "aerial",
        "modality": "asserted",
        "historical": False,
        "happened": True,
        "actor": {"name": "Air Force", "id": "a1"},
        "target": {"name": "convoy", "id": None},
        "place": {"name": "Kunduz", "id": "p1"},
        "geo": {"latitude": 36.7, "longitude": 68.9, "admin1": "Kunduz", "country": "AF", "precision": 1},
        "time": {"value": "2021-08-20", "precision": "day"},
        "fatalities": 5,
        "injured": None,
        "evidence": {"start": 0, "end": 10, "text": "an air strike on a convoy"},
        "published": "2021-08-21",
        "publisher": "Wire A",
        "source": None,
    }
    return base | over


def test_the_jsonl_record_carries_plover_field_names(seed_article):
    record = event_record(seed_article, seed_article.events[0])
    assert {"event", "mode", "source", "target", "eventText", "date"} <= set(record["plover"])
    assert record["plover"]["event"] == record["type"]
    json.dumps(record)  # the record is plain JSON


def test_an_acled_row_maps_plover_to_acled():
    row = acled_row(_record())
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (row["event_date"], row["time_precision"], row["geo_precision"], row["fatalities"]) == (
        "2021-08-20",
        1,
        1,
        5,
    )


def test_acled_csv_leaves_out_what_did_not_happen_unless_asked():
    records = [_record(), _record(id="evt_2", modality="negated", happened=False)]
    out = io.StringIO()
    write_acled_csv(records, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 1
    out = io.StringIO()
    write_acled_csv(records, out, only_happened=False)
    negated = list(csv.DictReader(io.StringIO(out.getvalue())))[1]
    assert negated["notes"].startswith("[NEGATED]") and negated["fatalities"] == ""


def test_events_command_filters_and_writes_acled_csv(tmp_path, seed_text, seed_gold):
    from wirescope.cli import cli

    db = str(tmp_path / "seed.db")
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(seed), "--db", db, "--published", "2021-08-25"]).exit_code == 0
    result = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl", "--modality", "negated"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and {r["modality"] for r in records} == {"negated"}
    assert all(r["reports"] == 1 and r["happened"] is False for r in records)
    result = runner.invoke(cli, ["events", "--db", db, "--format", "acled-csv", "--type", "RETREAT"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["actor1"] for r in rows] == ["Ashraf Ghani"] and rows[0]["event_date"] == "2021-08-15"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Taliban fighters took control of Bazarak on Monday.", "Bazarak"),
        ("The rebels captured Kunduz after a week of fighting.", "Kunduz"),
        ("Government troops shelled villages near Herat.", "Herat"),
    ],
)
def test_the_place_is_where_it_happened(text, place):
    article = wirescope.process(text, published="2021-08-25")
    places = {e.place.name for e in article.events if e.place is not None}
    assert any(place in name for name in places), places


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("Fighters fired into the air in celebration after the announcement.", "ASSAULT"),
        ("Heavy floods killed at least 40 people in the province.", "ASSAULT"),
        ("The ministry released a statement on Monday.", "CONCEDE"),
        ("The talks have achieved a great deal, the envoy said.", "AGREE"),
        ("The group took Kabul on 15 August.", "ASSAULT"),  # "on" here starts a date, not "take on"
    ],
)
def test_words_that_are_not_the_event_they_look_like(text, not_type):
    article = wirescope.process(text, published="2021-08-25")
    assert not_type not in {e.type for e in article.events}


def test_an_event_in_a_headline_does_not_take_the_next_line_as_evidence():
    text = "Rebels Attack Base\n\nThe army said on Monday that the situation was calm."
    article = wirescope.process(text, published="2021-08-25")
    assert all("\n" not in article.text_of(e.evidence) for e in article.events)


def test_an_exchange_of_gunfire_is_a_clash_even_when_denied(seed_article):
    at = seed_article.text.index("no exchange of gunfire") + len("no exchange of ")
    found = [e for e in seed_article.events if e.evidence.start <= at < e.evidence.end and e.type == "ASSAULT"]
    assert [(e.mode, e.modality) for e in found] == [("clash", "negated")]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The senator attacked her opponent as a fraud during the debate.", "ACCUSE"),
        ("Trump attacked Machado in early-morning tweets.", "ACCUSE"),
        ("Gunmen attacked a checkpoint outside the city.", "ASSAULT"),
        ("Soldiers fired shots at the crowd.", "ASSAULT"),
    ],
)
def test_an_attack_made_with_words_is_an_accusation(text, type_):
    article = wirescope.process(text, published="2021-08-25")
    assert type_ in {e.type for e in article.events} and not ({"ASSAULT", "ACCUSE"} - {type_}) & {
        e.type for e in article.events
    }


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Members of the front machinegunned a bus on the highway.", "firearms"),
        ("Two aircraft strafed the village at dawn.", "aerial"),
        ("Terrorists placed dynamite under the bridge.", "explosives"),
    ],
)
def test_less_common_ways_of_attacking_are_attacks(text, mode):
    article = wirescope.process(text, published="2021-08-25", clean=False)
    assert [(e.type, e.mode) for e in article.events] == [("ASSAULT", mode)]


def test_placing_charges_in_court_is_no_bombing():
    article = wirescope.process("The prosecutor placed charges against him on Monday.", published="2021-08-25")
    assert "ASSAULT" not in {e.type for e in article.events}


def test_firing_employees_is_not_firing_on_them():
    article = wirescope.process("The company fired 40 employees last week.", published="2021-08-25")
    assert "ASSAULT" not in {e.type for e in article.events}


def test_a_group_target_takes_the_member_the_text_names():
    event, _ = only_event("The envoy met with several delegations in Doha, including the Taliban.", "CONSULT")
    assert event.target is not None and event.target.name == "Taliban"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Witnesses described the kidnapping of the district governor near Herat.", "district governor"),
        ("The council condemned the disappearance and murder of two local journalists.", "two local journalists"),
    ],
)
def test_a_violent_nouns_of_names_whom_it_was_done_to(text, target):
    article = wirescope.process(text, published="2021-08-25")
    targets = [e.target.name for e in article.events if e.type == "ASSAULT" and e.target is not None]
    assert any(_norm(t).endswith(_norm(target)) or _norm(target).endswith(_norm(t)) for t in targets), targets


def test_an_attack_of_a_group_does_not_make_the_group_its_target():
    article = wirescope.process("The attack of the rebels came at dawn.", published="2021-08-25")
    assert all(e.target is None or "rebels" not in e.target.name for e in article.events)
