"""Event records: one per real-world event in a report, each argument from the nearest level that states it."""

from __future__ import annotations

from pathlib import Path

import pytest

import wirescope
from tests.conftest import DEMO
from wirescope.annotate.events.context import DATELINE
from wirescope.record import FILLED_FROM, Article, EventRecord

RELEASE = """Afghan forces arrest Taliban leader in Helmand

LASHKAR GAH, Afghanistan (Sept. 7, 2021) -- During an operation in Nad-e Ali district, Helmand province, \
yesterday, Afghan and coalition forces arrested a Taliban leader and killed several insurgents.

The leader was arrested after a search of a compound, officials said. In a separate operation in \
Kandahar province, forces detained two suspected facilitators."""


def process(text: str, title: str | None = None) -> Article:
    return wirescope.process(text, published="2021-09-07", title=title, clean=False)


@pytest.fixture(scope="module")
def release() -> Article:
    return process(RELEASE, title="Afghan forces arrest Taliban leader in Helmand")


def records_of(article: Article, type_: str, mode: str | None = None) -> list[EventRecord]:
    return [r for r in article.event_records if r.type == type_ and (mode is None or r.mode == mode)]


def test_a_framing_phrases_place_and_day_reach_the_record(release):
    killing = records_of(release, "ASSAULT")[0]  # "... and killed several insurgents": the frame is the sentence's
    assert killing.place is not None and killing.place.value == "Helmand"
    assert killing.place.filled_from == "sentence" and release.text_of(killing.place.evidence) == "Helmand province"
    assert killing.date is not None
    assert (killing.date.normalized, killing.date.filled_from) == ("2021-09-06", "sentence")
    assert killing.time_precision == 1


def test_yesterday_outside_the_clause_dates_the_event():
    article = process("Yesterday, in a village near Kabul, gunmen killed two police officers.")
    (killing,) = records_of(article, "ASSAULT")
    assert killing.date is not None and killing.date.normalized == "2021-09-06"
    assert article.text_of(killing.date.evidence) == "Yesterday"


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("On 5 March 1987 guerrillas attacked a bus near Jalalabad.", "1987-03-05", 1),
        ("In 1987, Soviet helicopters raided the valley, a shopkeeper recalled.", "1987", 3),
    ],
)
def test_a_past_events_own_date_is_its_records_not_the_publication_day(text, day, precision):
    (raid,) = records_of(process(text), "ASSAULT")
    assert raid.historical and not raid.happened
    assert raid.date is not None and (raid.date.normalized, raid.date.filled_from) == (day, "clause")
    assert raid.time_precision == precision


def test_lead_headline_and_body_mentions_of_one_raid_are_one_record(release):
    arrest = records_of(release, "COERCE", "arrest")[0]
    assert len(arrest.mentions) == 3  # the headline, the lead and "The leader was arrested ..."
    assert arrest.modality == "asserted" and arrest.happened
    assert arrest.date is not None and arrest.date.normalized == "2021-09-06"
    assert arrest.captured is not None and arrest.captured.normalized == 1


def test_two_different_raids_stay_two(release):
    arrests = records_of(release, "COERCE", "arrest")
    assert len(arrests) == 2
    kandahar = arrests[1]
    assert kandahar.place is not None and kandahar.place.value == "Kandahar" and kandahar.place.filled_from == "clause"
    assert kandahar.captured is not None and kandahar.captured.normalized == 2


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the Taliban might attack the base if need be.",
        "The army did not attack the village.",
        "If talks fail, the rebels will attack Kabul.",
    ],
)
def test_a_hedged_negated_or_conditional_mention_makes_no_record_that_happened(text):
    article = process(text)
    assert article.events and article.event_records
    assert [r for r in article.event_records if r.happened] == []


def test_a_hedged_mention_never_joins_an_asserted_record():
    article = process("Militants attacked a checkpoint in Kunduz on Monday. They may attack it again.")
    attacks = records_of(article, "ASSAULT")
    assert [r.modality for r in attacks] == ["asserted", "hypothetical"]


@pytest.mark.parametrize(
    ("text", "role", "count"),
    [
        ("Security forces killed several insurgents in Kunar.", "fatalities", 3),
        ("Dozens of civilians were killed in the shelling.", "fatalities", 12),
        ("Gunmen killed 10 to 15 people in the market.", "fatalities", 10),
        ("Police arrested a Taliban leader in Kabul.", "captured", 1),
        ("Soldiers detained two suspected facilitators.", "captured", 2),
        ("The explosion wounded hundreds of people.", "injured", 100),
    ],
)
def test_counts_follow_acleds_conventions_and_a_singular_counts_one(text, role, count):
    article = process(text)
    counted = [getattr(r, role) for r in article.event_records if getattr(r, role) is not None]
    assert counted, f"no {role} in {text!r}"
    assert counted[0].normalized == count
    assert article.text_of(counted[0].evidence) in text


def test_the_publication_day_is_the_last_resort_and_says_so():
    article = process("Gunmen attacked a police post.")
    (attack,) = records_of(article, "ASSAULT")
    assert attack.date is not None and (attack.date.filled_from, attack.date.evidence) == ("publication", None)
    assert attack.time_precision == 3


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("KABUL, Afghanistan (Sept. 7, 2021) -- Taliban fighters", "KABUL"),
        ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --", "SAN SALVADOR"),
        ("KABUL, Sept. 7 (Reuters) - Taliban fighters", "KABUL"),
    ],
)
def test_a_dateline_is_read_for_its_place(line, place):
    match = DATELINE.match(line)
    assert match is not None and match["place"] == place


def test_the_dateline_place_stands_in_only_when_nothing_nearer_says_where():
    article = process("Kabul, Sept. 7 (Reuters) - Gunmen attacked a police post on Monday, officials said.")
    (attack,) = records_of(article, "ASSAULT")
    assert attack.place is not None and attack.place.filled_from == "dateline" and attack.geo_precision == 3


def every_argument_slices_its_evidence(article: Article) -> list[str]:
    """What is wrong with the article's records: an argument without evidence (other than the publication
    date), evidence that does not slice the text, a mention id that is not one of the article's events."""
    wrong = []
    mention_ids = {e.id for e in article.events}
    for record in article.event_records:
        wrong += [f"{record.id}: unknown mention {m}" for m in record.mentions if m not in mention_ids]
        for argument in record.arguments():
            assert argument.filled_from in FILLED_FROM
            if argument.evidence is None:
                if argument.filled_from != "publication":
                    wrong.append(f"{record.id} {argument.role}: no evidence")
                continue
            words = article.text_of(argument.evidence)
            if not words.strip() or argument.evidence.end > len(article.text):
                wrong.append(f"{record.id} {argument.role}: evidence {argument.evidence} is empty or outside")
    return wrong


@pytest.mark.parametrize("path", sorted(DEMO.iterdir()), ids=lambda p: p.name)
def test_every_argument_of_the_demo_corpus_slices_the_clean_text(path: Path):
    (article,) = wirescope.process_many([path.read_text(encoding="utf-8")])
    assert every_argument_slices_its_evidence(article) == []
    assert sorted(m for r in article.event_records for m in r.mentions) == sorted(e.id for e in article.events)


def test_every_argument_of_the_seed_slices_the_clean_text_and_no_unhappened_mention_makes_a_happened_record(
    seed_article,
):
    assert seed_article.event_records
    assert every_argument_slices_its_evidence(seed_article) == []
    mentions = {e.id: e for e in seed_article.events}
    for record in seed_article.event_records:
        if record.happened:
            assert any(mentions[m].modality == "asserted" for m in record.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. embassy said gunmen killed two guards.",  # a country modifying what is not a place
        "Afghanistan's president said troops arrested five men.",
    ],
)
def test_a_countrys_institution_is_not_where_the_event_was(text):
    assert all(r.place is None for r in process(text).event_records)


def test_a_country_told_as_where_still_places_the_event():
    (record,) = records_of(process("Gunmen killed two guards in Afghanistan on Monday."), "ASSAULT")
    assert record.place is not None and record.place.value == "Afghanistan"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The bombs killed nine people in Belfast.", None),  # the means, not the doer
        ("An explosion wounded six soldiers near the market.", None),
        ("Taliban rockets hit the base on Monday.", "Taliban"),  # the weapon's owner acted
        ("Gunmen killed three police officers.", "Gunmen"),
    ],
)
def test_a_weapon_or_a_blast_is_never_the_actor(text, actor):
    (record,) = records_of(process(text), "ASSAULT")
    assert (record.actor.value if record.actor else None) == actor


# --- attribution: the perpetrator named in a sentence of its own -----------------------------------


def first_attack(text: str) -> EventRecord:
    return next(r for r in process(text).event_records if r.type == "ASSAULT")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "A car bomb exploded outside the central market in Kandar on Tuesday, killing eleven people. "
            "The Northern Liberation Front claimed responsibility for the bombing in a statement.",
            "Northern Liberation Front",
        ),
        (
            "Gunmen opened fire on a bus near the border town of Merat, killing four passengers. "
            "Provincial police blamed the Red Valley Army for the shooting.",
            "Red Valley Army",
        ),
        (
            "Two soldiers were killed when a mine exploded under their truck on Sunday. "
            "Military officials attributed the attack to the Sabra Brigades.",
            "Sabra Brigades",
        ),
        (
            "Two soldiers were killed when a mine exploded under their truck on Sunday. "
            "Officials said the Sabra Brigades were behind the ambush.",
            "Sabra Brigades",
        ),
    ],
)
def test_a_claim_or_blame_names_the_perpetrator(text, group):
    attack = first_attack(text)
    assert attack.actor is not None and attack.actor.filled_from == "attribution"
    assert group in attack.actor.value


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded outside the central market in Kandar on Tuesday, killing eleven people. "
        "The Northern Liberation Front denied that it had claimed responsibility for the bombing.",
        "A car bomb exploded outside the central market in Kandar on Tuesday, killing eleven people. "
        "Police in Kandar said no group had claimed responsibility for the attack.",
    ],
)
def test_a_denied_or_unclaimed_attack_has_no_perpetrator_from_it(text):
    attack = first_attack(text)
    assert attack.actor is None or attack.actor.filled_from != "attribution"
