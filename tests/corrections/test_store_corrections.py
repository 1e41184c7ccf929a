"""Corrections through the Store: kept apart from machine output, re-applied after every run.

A real store holds the hand-annotated article of tests/query/see_fixtures.py: a SQLite file, and
a PostgreSQL schema when WIRESCOPE_TEST_POSTGRES_URL is set. "A machine run" is storing the
article as the machine made it again, as ingest and reprocess do.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from tests.query.see_fixtures import QUOTE, TEXT, hand_article, span
from wirescope.corrections.making import correction_of
from wirescope.query.browse import Filter, browse, filtered
from wirescope.query.corrections import add, correct, correction_records
from wirescope.record import Span
from wirescope.store import open_store
from wirescope.store.schema import corrections as corrections_table

ARTICLE = hand_article()
PIPELINE = ["tests@1"]


@pytest.fixture
def db(any_store_url):
    with open_store(any_store_url) as store:
        store.save(ARTICLE, PIPELINE)
    return any_store_url


@pytest.fixture
def store(db):
    with open_store(db) as s:
        yield s


def event_record(store, event_id):
    found = [r for r in filtered(store, "events") if r["id"] == event_id]
    return found[0] if found else None


def log_rows(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(corrections_table).order_by(corrections_table.c.id)).mappings()]


def test_a_correction_shows_at_once_marked_reviewed_with_the_machine_value(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted", author="ana", reason="the video shows it")
    record = event_record(store, "event_test_claimed")
    assert record["modality"] == "asserted" and record["happened"] is True
    assert record["reviewed"] is True and record["machine"] == {"modality": "claimed"}
    assert event_record(store, "event_test_negated")["reviewed"] is False


def test_a_correction_survives_the_machine_storing_the_article_again(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    store.save(ARTICLE, PIPELINE)
    assert event_record(store, "event_test_claimed")["modality"] == "asserted"


def test_a_correction_survives_a_new_pipeline_version(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    store.save(replace(ARTICLE, events=tuple(replace(e, mode="x") for e in ARTICLE.events)), ["tests@2"])
    record = event_record(store, "event_test_claimed")
    assert (record["modality"], record["mode"]) == ("asserted", "x")
    assert store.pipelines()[ARTICLE.id] == ["tests@2"]


def shifted(article, by: str):
    """The article as a cleaner change upstream makes it: text added at the top, every offset moved."""
    n = len(by)

    def move(s: Span | None) -> Span | None:
        return None if s is None else Span(s.start + n, s.end + n)

    def moved_participant(p):
        return None if p is None else replace(p, span=move(p.span))

    events = tuple(
        replace(
            e,
            id=e.id + "_v2",  # event ids follow token positions: a re-run gives new ones
            evidence=move(e.evidence),
            actor=moved_participant(e.actor),
            target=moved_participant(e.target),
            place=moved_participant(e.place),
            source=moved_participant(e.source),
        )
        for e in article.events
    )
    return replace(
        article,
        text=by + article.text,
        sentences=tuple(move(s) for s in article.sentences),
        mentions=tuple(replace(m, span=move(m.span)) for m in article.mentions),
        quotes=tuple(
            replace(q, span=move(q.span), cue=move(q.cue), speaker=moved_participant(q.speaker)) for q in article.quotes
        ),
        events=events,
        times=tuple(replace(t, span=move(t.span)) for t in article.times),
        places=tuple(replace(p, mentions=tuple(move(s) for s in p.mentions)) for p in article.places),
    )


def test_a_correction_follows_its_text_when_a_re_run_moves_the_offsets(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    correct(store, QUOTE.id, "set", "speaker", "Northern Front")
    store.save(shifted(ARTICLE, "Editor's note: updated at 10:00.\n\n"), ["tests@2"])
    record = event_record(store, "event_test_claimed_v2")
    assert record["modality"] == "asserted" and record["machine"] == {"modality": "claimed"}
    (quote,) = filtered(store, "quotes", Filter(article_ids=(ARTICLE.id,)))
    assert quote["speaker"]["name"] == "Northern Front" and quote["speaker"]["id"] == "actor_test_front"
    assert {r["status"] for r in correction_records(store)} == {"applied"}


def test_a_correction_whose_text_was_removed_is_listed_as_orphaned_never_dropped(store):
    c = correct(store, "event_test_claimed", "set", "modality", "asserted")
    edited = TEXT.replace("attacked the army garrison in Charikar", "shelled a checkpoint")
    store.save(replace(ARTICLE, text=edited, events=(), quotes=(), mentions=(), places=(), times=()), ["tests@2"])
    (listed,) = correction_records(store)
    assert (listed["id"], listed["status"]) == (c.id, "orphaned")
    assert correction_records(store, "orphaned") == [listed]
    store.save(ARTICLE, PIPELINE)  # the text comes back: so does the correction
    assert event_record(store, "event_test_claimed")["modality"] == "asserted"


def test_a_rejected_event_leaves_listings_counts_and_the_timeline(store):
    before = browse(store, "events").total
    correct(store, "event_test_negated", "reject", reason="a denial, not an event")
    assert browse(store, "events").total == before - 1
    assert event_record(store, "event_test_negated") is None
    assert store.count("events", Filter(modality="negated")) == 0
    store.save(ARTICLE, PIPELINE)
    assert event_record(store, "event_test_negated") is None


def test_an_added_quote_is_stored_and_kept_across_re_runs(store):
    said = span("If the talks fail, the Northern Front could attack Kabul.")
    add(store, ARTICLE.id, "quote", said, {"kind": "indirect", "speaker": "Ahmad Karimi"})
    store.save(ARTICLE, PIPELINE)
    quotes = filtered(store, "quotes", Filter(article_ids=(ARTICLE.id,)))
    added = next(q for q in quotes if q["start"] == said.start)
    assert added["speaker"] == {"name": "Ahmad Karimi", "id": "actor_test_karimi"}
    assert added["reviewed"] is True and added["machine"] is None


def test_machine_runs_never_change_a_correction_row(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    correct(store, "event_test_negated", "reject")
    before = log_rows(store)
    store.save(ARTICLE, ["tests@2"])
    store.save_many([ARTICLE], ["tests@3"])
    store.save(shifted(ARTICLE, "x\n\n"), ["tests@4"])
    store.link_actors()
    assert log_rows(store) == before


@pytest.mark.parametrize(
    "statement", ["UPDATE corrections SET reason = 'rewritten'", "DELETE FROM corrections"], ids=["update", "delete"]
)
def test_the_log_refuses_to_be_edited_by_anyone(store, statement):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.exec_driver_sql(statement)
    assert len(log_rows(store)) == 1


def test_two_clients_correcting_at_once_both_keep_their_corrections(db):
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def client(target: str, field: str, value: str) -> None:
        try:
            with open_store(db) as own:  # each client its own engine and connections
                barrier.wait()
                for _ in range(3):
                    correct(own, target, "set", field, value, author=target)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [
        threading.Thread(target=client, args=("event_test_claimed", "modality", "asserted")),
        threading.Thread(target=client, args=(QUOTE.id, "speaker", "Northern Front")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with open_store(db) as store:
        assert len(store.corrections()) == 6
        assert event_record(store, "event_test_claimed")["modality"] == "asserted"
        (quote,) = filtered(store, "quotes", Filter(article_ids=(ARTICLE.id,)))
        assert quote["speaker"]["name"] == "Northern Front"
        assert {r["status"] for r in correction_records(store)} == {"applied"}


def test_an_actor_merge_and_split_stand_over_the_registry(store):
    correct(store, "actor_test_karimi", "set", "merged_into", "actor_test_front", reason="same group, here")
    rows = {r["id"]: r for r in store.actor_rows()}
    assert rows["actor_test_karimi"]["merged_into"] == "actor_test_front"
    assert rows["actor_test_karimi"]["merge_reason"].startswith("reviewed by")
    store.save(ARTICLE, PIPELINE)
    store.link_actors()
    assert {r["id"]: r for r in store.actor_rows()}["actor_test_karimi"]["merged_into"] == "actor_test_front"
    correct(store, "actor_test_karimi", "set", "merged_into", None, reason="two people after all")
    store.link_actors()
    assert {r["id"]: r for r in store.actor_rows()}["actor_test_karimi"]["merged_into"] is None


def test_a_correction_of_a_stored_article_is_made_from_what_the_reader_saw(store):
    seen = store.article(ARTICLE.id)
    c = correction_of(seen, "event_test_claimed", "set", "modality", "asserted")
    store.record_corrections([c])
    store.record_corrections([c])  # the same correction twice is one row: imports are idempotent
    assert [x.id for x in store.corrections()] == [c.id]


def test_an_event_place_given_by_name_is_the_stored_place_so_the_event_keeps_its_point(store):
    correct(store, "event_test_hypothetical", "set", "place", "Charikar", reason="the text means Charikar")
    record = event_record(store, "event_test_hypothetical")
    assert record["place"] == {"name": "Charikar", "id": "place_test_charikar"}
    assert record["geo"]["latitude"] == pytest.approx(35.0136)


def test_a_place_mention_resolved_again_by_name_takes_the_gazetteer_s_place(store):
    kabul = span("Kabul")
    correct(store, f"{ARTICLE.id}/place/{kabul.start}-{kabul.end}", "set", "place", "Kandahar")
    (place,) = [p for p in filtered(store, "places") if any(m["start"] == kabul.start for m in p["mentions"])]
    assert (place["name"], place["country"]) == ("Kandahār", "AF")  # GeoNames spells it so
    assert place["latitude"] == pytest.approx(31.6, abs=0.2)


@pytest.mark.parametrize(
    "action, field, value, message",
    [
        ("reject", "*", None, "by merging or splitting it"),
        ("set", "name", "Someone Else", "by merging or splitting it"),
        ("set", "merged_into", "actor_nobody", "no actor with id 'actor_nobody'"),
    ],
)
def test_an_actor_correction_other_than_a_merge_or_split_is_refused(store, action, field, value, message):
    from wirescope.errors import WirescopeError

    with pytest.raises(WirescopeError, match=message):
        correct(store, "actor_test_karimi", action, field, value)
    assert store.corrections() == []
