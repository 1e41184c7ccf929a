"""The modality suite: sentences written for wirescope, each with the modality its event must get.

Each row names the event's trigger word, its PLOVER type and the expected modality. A negated,
hypothetical, requested, intended, claimed, reported or unconfirmed event must never come out
asserted; historical events are asserted but flagged `historical`.
"""

from __future__ import annotations

import pytest

import wirescope

PUBLISHED = "2021-08-25"


def event_at(text: str, trigger: str, type_: str):
    """The event of `type_` whose evidence covers the first occurrence of `trigger`."""
    article = wirescope.process(text, published=PUBLISHED)
    at = text.index(trigger)
    found = [e for e in article.events if e.type == type_ and e.evidence.start <= at < e.evidence.end]
    assert found, (
        f"no {type_} event at {trigger!r}; got {[(e.type, article.text_of(e.evidence)) for e in article.events]}"
    )
    return found[0], article


NEGATED = [
    ("Government troops did not attack the village on Monday.", "attack", "ASSAULT"),
    ("The rebels never captured the airport.", "captured", "COERCE"),
    ("There was no fighting in the capital overnight.", "fighting", "ASSAULT"),
    ("The army failed to retake the town.", "retake", "COERCE"),
    ("Police prevented the crowd from storming the ministry.", "storming", "ASSAULT"),
    ("The militia refrained from shelling the city.", "shelling", "ASSAULT"),
    ("No one attacked the convoy during the night.", "attacked", "ASSAULT"),
    ("Police said they had foiled a bombing at the central station.", "bombing", "ASSAULT"),
]
HYPOTHETICAL = [
    ("If the talks collapse, the rebels could attack the capital.", "attack", "ASSAULT"),
    ("The army might withdraw from the border region.", "withdraw", "RETREAT"),
    ("Analysts fear an offensive on the port.", "offensive", "ASSAULT"),
    ("Should the ceasefire fail, the government would impose sanctions.", "impose", "SANCTION"),
    ("Troops were put on alert for a possible attack on the airport.", "attack", "ASSAULT"),
]
INTENDED = [
    ("The government will send troops to the province next week.", "send", "MOBILIZE"),
    ("The rebels plan to attack the garrison.", "attack", "ASSAULT"),
    ("The coalition vowed to withdraw its forces by December.", "withdraw", "RETREAT"),
    ("The two sides are seeking a ceasefire agreement.", "agreement", "CONSULT"),
]
CLAIMED = [
    ("Colonel Omar Haddad said the militants attacked the checkpoint.", "attacked", "ASSAULT"),
    ("The rebels claimed that they had captured the airport.", "captured", "COERCE"),
    ("A police spokesman told reporters that officers arrested four suspects.", "arrested", "COERCE"),
]
REPORTED = [
    ("Militants reportedly kidnapped two aid workers near the border.", "kidnapped", "ASSAULT"),
    ("There were reports of looting in the central market.", "looting", "COERCE"),
    ("The convoy is said to have been ambushed near the border.", "ambushed", "ASSAULT"),
    ("Investigators visited the site of the alleged massacre.", "massacre", "ASSAULT"),
]
UNCONFIRMED = [
    ("Officials declined to confirm reports that the general had been arrested.", "arrested", "COERCE"),
    ("There were unconfirmed reports of clashes near the dam.", "clashes", "ASSAULT"),
]
REQUESTED = [
    ("The mayor urged the army to evacuate the residents.", "evacuate", "AID"),
    ("The United Nations called on both sides to release the prisoners.", "release", "CONCEDE"),
    ("The governor asked the militia to withdraw from the city.", "withdraw", "RETREAT"),
]
ASSERTED = [
    ("Rebels attacked a police station in the north on Tuesday.", "attacked", "ASSAULT"),
    ("The army withdrew from the town after heavy fighting.", "withdrew", "RETREAT"),
    ("Police arrested twelve protesters outside the parliament.", "arrested", "COERCE"),
    ("The two governments signed a ceasefire agreement in Geneva.", "signed", "AGREE"),
    ("The United Nations called on both sides to release the prisoners.", "called", "REQUEST"),
]
CASES = (
    [(*row, "negated") for row in NEGATED]
    + [(*row, "hypothetical") for row in HYPOTHETICAL]
    + [(*row, "intended") for row in INTENDED]
    + [(*row, "claimed") for row in CLAIMED]
    + [(*row, "reported") for row in REPORTED]
    + [(*row, "unconfirmed") for row in UNCONFIRMED]
    + [(*row, "requested") for row in REQUESTED]
    + [(*row, "asserted") for row in ASSERTED]
)


@pytest.mark.parametrize(("text", "trigger", "type_", "modality"), CASES)
def test_modality(text, trigger, type_, modality):
    event, _ = event_at(text, trigger, type_)
    assert event.modality == modality


@pytest.mark.parametrize(("text", "trigger", "type_", "modality"), [c for c in CASES if c[3] != "asserted"])
def test_what_did_not_happen_is_never_presented_as_happened(text, trigger, type_, modality):
    from wirescope.query.events import event_record

    event, article = event_at(text, trigger, type_)
    assert event_record(article, event)["happened"] is False


HISTORICAL = [
    ("In 1994 the militia massacred hundreds of civilians in the valley.", "massacred", "ASSAULT", True),
    ("Soviet forces withdrew from the country in 1989.", "withdrew", "RETREAT", True),
    ("Rebels attacked a police station in the north on Tuesday.", "attacked", "ASSAULT", False),
]


@pytest.mark.parametrize(("text", "trigger", "type_", "historical"), HISTORICAL)
def test_events_before_the_publication_year_are_historical(text, trigger, type_, historical):
    event, _ = event_at(text, trigger, type_)
    assert event.historical is historical
    assert event.modality == "asserted"


def test_the_speaker_of_a_claim_is_its_source():
    event, _ = event_at("Colonel Omar Haddad said the militants attacked the checkpoint.", "attacked", "ASSAULT")
    assert event.source is not None and event.source.name.endswith("Omar Haddad")
