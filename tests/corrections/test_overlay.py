"""Corrections applied to an article as the machine made it, and undone exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.query.see_fixtures import EVENTS, QUOTE, TEXT, hand_article, span
from wirescope.corrections.kinds import BadValue, span_id
from wirescope.corrections.making import addition_of, correction_of
from wirescope.corrections.overlay import apply, machine_article
from wirescope.record import Participant

ARTICLE = hand_article()


def _applied(*corrections):
    return apply(ARTICLE, corrections)


def _event(article, event_id):
    return next(e for e in article.events if e.id == event_id)


@pytest.mark.parametrize(
    "field, value, read, expected",
    [
        ("modality", "asserted", lambda e: e.modality, "asserted"),
        ("type", "coerce", lambda e: e.type, "COERCE"),  # types are written upper case
        ("fatalities", "3", lambda e: e.fatalities, 3),
        ("time", "2021-09-05", lambda e: (e.time.value, e.time.precision), ("2021-09-05", "day")),
        ("time", "2021-09", lambda e: (e.time.value, e.time.precision), ("2021-09", "month")),
        ("actor", {"name": "Afghan Army", "id": "actor_test_army"}, lambda e: e.actor.actor_id, "actor_test_army"),
        ("place", None, lambda e: e.place, None),
        ("historical", "true", lambda e: e.historical, True),
    ],
)
def test_each_event_field_can_be_set(field, value, read, expected):
    c = correction_of(ARTICLE, "event_test_claimed", "set", field, value)
    assert read(_event(_applied(c), "event_test_claimed")) == expected


def test_a_value_the_field_cannot_take_is_refused_with_the_choices():
    with pytest.raises(BadValue, match="modality must be one of asserted, negated"):
        correction_of(ARTICLE, "event_test_claimed", "set", "modality", "probably")


def test_the_machine_value_is_kept_in_the_correction_and_the_review():
    c = correction_of(ARTICLE, "event_test_claimed", "set", "modality", "asserted")
    assert c.machine == "claimed"
    (review,) = [r for r in _applied(c).reviews if r.kind == "event"]  # its record follows it too
    assert (review.status, review.machine, review.annotation_id) == ("applied", "claimed", "event_test_claimed")


def test_a_rejected_event_is_gone_and_its_machine_record_kept():
    c = correction_of(ARTICLE, "event_test_negated", "reject", reason="the army's denial is not an event")
    corrected = _applied(c)
    assert "event_test_negated" not in {e.id for e in corrected.events}
    assert corrected.reviews[0].machine["modality"] == "negated"


def test_a_later_confirmation_brings_a_rejected_annotation_back():
    reject = correction_of(ARTICLE, "event_test_negated", "reject")
    confirm = replace(correction_of(ARTICLE, "event_test_negated", "confirm"), created=reject.created + "1")
    assert "event_test_negated" in {e.id for e in _applied(reject, confirm).events}


def test_the_latest_of_two_corrections_of_a_field_stands():
    first = correction_of(ARTICLE, "event_test_claimed", "set", "modality", "asserted")
    second = replace(correction_of(ARTICLE, "event_test_claimed", "set", "modality", "reported"), created="9999")
    assert _event(_applied(second, first), "event_test_claimed").modality == "reported"


def test_a_quote_speaker_is_corrected():
    c = correction_of(ARTICLE, QUOTE.id, "set", "speaker", {"name": "Northern Front", "id": "actor_test_front"})
    (quote,) = _applied(c).quotes
    assert quote.speaker == Participant("Northern Front", "actor_test_front")


def test_a_missed_quote_is_added_over_the_selected_text_and_not_twice_when_the_machine_finds_it():
    said = span("If the talks fail, the Northern Front could attack Kabul.")
    c = addition_of(ARTICLE, "quote", said, {"kind": "indirect", "speaker": {"name": "Ahmad Karimi"}})
    added = _applied(c)
    assert [q.span for q in added.quotes] == [QUOTE.span, said]
    machine_found_it = replace(ARTICLE, quotes=(*ARTICLE.quotes, replace(QUOTE, id="q2", span=said, kind="direct")))
    again = apply(machine_found_it, [c])
    assert [(q.span, q.kind) for q in again.quotes] == [(QUOTE.span, "direct"), (said, "indirect")]


def test_a_mention_label_and_a_place_resolution_are_corrected():
    mention_id = span_id(ARTICLE.id, "mention", span("Ahmad Karimi"))
    place_id = span_id(ARTICLE.id, "place", span("Kabul"))
    kabul_is_elsewhere = {"name": "Kabul", "latitude": 1.0, "longitude": 2.0, "country": "XX"}
    corrected = _applied(
        correction_of(ARTICLE, mention_id, "set", "label", "org"),
        correction_of(ARTICLE, place_id, "set", "place", kabul_is_elsewhere),
    )
    assert next(m for m in corrected.mentions if m.span == span("Ahmad Karimi")).label == "ORG"
    kabul = next(p for p in corrected.places if span("Kabul") in p.mentions)
    assert (kabul.country, kabul.latitude) == ("XX", 1.0)


def test_a_time_value_is_corrected():
    c = correction_of(ARTICLE, "time_test_monday", "set", "value", "2021-08-30")
    assert next(t for t in _applied(c).times if t.id == "time_test_monday").value == "2021-08-30"


def test_undoing_the_reviews_gives_back_exactly_what_the_machine_made():
    said = span("Army officers met Ahmad Karimi in Doha on Tuesday.")
    corrections = [
        correction_of(ARTICLE, "event_test_claimed", "set", "modality", "asserted"),
        correction_of(ARTICLE, "event_test_negated", "reject"),
        correction_of(ARTICLE, QUOTE.id, "set", "speaker", "Northern Front"),
        correction_of(ARTICLE, span_id(ARTICLE.id, "place", span("Doha")), "reject"),
        correction_of(ARTICLE, "time_test_tuesday", "set", "value", "2021-09-08"),
        addition_of(ARTICLE, "event", said, {"type": "CONSULT", "modality": "asserted"}),
    ]
    corrected = apply(ARTICLE, corrections)
    assert corrected != ARTICLE
    assert machine_article(corrected) == ARTICLE


def test_a_correction_whose_text_is_gone_is_orphaned_and_one_without_its_annotation_unmatched():
    orphan = correction_of(ARTICLE, "event_test_claimed", "set", "modality", "asserted")
    unmatched = correction_of(ARTICLE, "event_test_hypothetical", "reject")
    edited_text = TEXT.replace("attacked the army garrison in Charikar", "shelled a checkpoint near Charikar")
    no_events = replace(ARTICLE, text=edited_text, events=(), quotes=(), mentions=(), places=(), times=())
    assert [r.status for r in apply(no_events, [orphan, unmatched]).reviews] == ["orphaned", "unmatched"]


def test_corrections_of_other_articles_are_ignored():
    c = replace(correction_of(ARTICLE, "event_test_claimed", "set", "modality", "asserted"), article_id="art_other")
    assert _applied(c) == ARTICLE
    assert EVENTS[0].modality == "claimed"
