"""One event, many reports: clusters across articles, counted by independent story.

The three clash reports are written for these tests in the project's own words: two outlets report
one attack on a checkpoint in Baghlan (with different death tolls), a third reports a similar
attack the same day in Herat province.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from sqlalchemy import select

import wirescope
from tests.conftest import DEMO
from wirescope.query.event_groups import list_events
from wirescope.query.events import write_acled_csv
from wirescope.run.local import resolve_batch
from wirescope.store import schema

BAGHLAN_LEDGER = (
    "Taliban fighters attacked a police checkpoint in Pul-e-Khumri, the capital of Baghlan province, on "
    "Thursday, killing three police officers.\n\n"
    "The attack began shortly after midnight and lasted two hours. A provincial official confirmed the toll."
)
BAGHLAN_BULLETIN = (
    "Taliban fighters attacked a police checkpoint in Pul-e-Khumri in northern Baghlan province on Thursday, "
    "killing 30 police officers.\n\n"
    "Residents said the fighting could be heard across the city. The figure came from the provincial council."
)
HERAT_COURIER = (
    "Taliban fighters attacked a police checkpoint in Shindand, in western Herat province, on Thursday, "
    "killing two police officers."
)
REPORTS = (
    (BAGHLAN_LEDGER, "Northern Ledger"),
    (BAGHLAN_BULLETIN, "Crosswind Bulletin"),
    (HERAT_COURIER, "Kabul River Courier"),
)


def _store_reports(store, reports=REPORTS):
    articles = [
        replace(wirescope.process(text, published="2021-09-03", clean=False), publisher=p) for text, p in reports
    ]
    for article in articles:
        store.save(article)
    resolve_batch(store, articles)
    return articles


def _checkpoint_events(store) -> dict[str, dict]:
    """The attack on a checkpoint of each outlet, by publisher."""
    return {e["publisher"]: e for e in list_events(store) if e["fatalities"] is not None}


@pytest.fixture
def clashes(store):
    _store_reports(store)
    return store


def test_two_reports_of_one_clash_from_two_outlets_are_one_event_with_both_listed(clashes):
    events = _checkpoint_events(clashes)
    ledger, bulletin = events["Northern Ledger"], events["Crosswind Bulletin"]
    assert ledger["event_group"] == bulletin["event_group"] is not None
    assert ledger["reports"] == 2 and ledger["publishers"] == 2
    assert ledger["sources"]["publishers"] == ["Crosswind Bulletin", "Northern Ledger"]


def test_a_similar_clash_the_same_day_in_another_province_stays_apart(clashes):
    events = _checkpoint_events(clashes)
    herat = events["Kabul River Courier"]
    assert herat["event_group"] != events["Northern Ledger"]["event_group"]
    assert herat["reports"] == 1


def test_differing_death_tolls_are_both_kept_and_acled_codes_the_lowest(clashes):
    ledger = _checkpoint_events(clashes)["Northern Ledger"]
    assert ledger["sources"]["fatalities"] == [
        {"value": 3, "publisher": "Northern Ledger"},
        {"value": 30, "publisher": "Crosswind Bulletin"},
    ]
    out = io.StringIO()
    write_acled_csv(list_events(clashes), out)
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["admin1"] == "Baghlān"]
    assert len(rows) == 1  # one row for the one event, not one per report
    assert rows[0]["fatalities"] == "3"
    assert "3 (Northern Ledger); 30 (Crosswind Bulletin)" in rows[0]["notes"]
    assert rows[0]["source"] == "Crosswind Bulletin; Northern Ledger (2 independent stories)"


def _tables(store) -> tuple:
    with store.engine.connect() as conn:
        return tuple(
            sorted(tuple(r) for r in conn.execute(select(*t.c))) for t in (schema.event_links, schema.event_clusters)
        )


def test_resolving_again_changes_nothing(clashes):
    before = _tables(clashes)
    assert before[0], "the two Baghlan reports are linked"
    articles = [clashes.article(i) for i in clashes.article_ids()]
    resolve_batch(clashes, articles)
    _store_reports(clashes)  # storing and resolving the same articles again
    assert _tables(clashes) == before


def test_articles_a_killed_run_stored_but_never_resolved_are_resolved_by_the_next_batch(store, clashes):
    """A run killed between saving a batch and resolving it leaves the articles stored and queued;
    a later batch that does not store them again still resolves them, as a clean run would have."""
    clean = _tables(clashes)
    with wirescope.open_store("memory") as killed:
        first, second, third = [
            replace(wirescope.process(text, published="2021-09-03", clean=False), publisher=p) for text, p in REPORTS
        ]
        for article in (first, second):
            killed.save(article)  # ... and the run is killed before resolve_batch
        assert sorted(killed.awaiting_resolution()) == sorted([first.id, second.id])
        killed.save(third)
        resolve_batch(killed, [third])  # the next run stores only what was not stored
        assert killed.awaiting_resolution() == []
        assert _tables(killed) == clean


def test_a_link_says_how_sure_and_why(clashes):
    with clashes.engine.connect() as conn:
        link = conn.execute(select(schema.event_links)).mappings().first()
    assert 0 < link["score"] <= 1 and link["reasons"]


def test_a_syndicated_copy_never_raises_the_independent_count(store):
    courier = (DEMO / "2021-08-31-kabul-river-courier-gulbahar.txt").read_text(encoding="utf-8")
    from wirescope.run import ingest
    from wirescope.sources import read_paths

    ingest(read_paths([str(DEMO / "2021-08-31-kabul-river-courier-gulbahar.txt")]), store)
    alone = {e["id"]: e["reports"] for e in list_events(store)}
    assert courier and alone
    ingest(read_paths([str(DEMO / "2021-08-31-ridgeline-dispatch-gulbahar-syndicated.html")]), store)
    after = {e["id"]: e for e in list_events(store)}
    assert all(after[i]["reports"] == n for i, n in alone.items())
    copied = [e for e in after.values() if e["id"] in alone and e["publishers"] == 2]
    assert copied, "the copy's events join the original's: two publishers, one story"


def test_on_the_demo_corpus_every_syndicated_pair_counts_once(demo_db):
    with wirescope.open_store(demo_db, create=False) as store:
        events = list_events(store)
        stories = store.story_ids()
    for event in events:
        assert event["reports"] <= event["publishers"]
    by_group: dict[str, set] = {}
    for event in events:
        if event["event_group"]:
            by_group.setdefault(event["event_group"], set()).add(stories[event["article_id"]] or event["article_id"])
    for event in events:
        if event["event_group"]:
            assert event["reports"] == len(by_group[event["event_group"]])


# --- reports are event records (resolve/event_reports.py) ------------------------------------

HELMAND_OPERATION = (
    "During an operation in Nad-e Ali district, Helmand province, on Tuesday, Afghan forces killed 12 insurgents.\n\n"
    "The operation was carried out by special forces."
)
KANDAHAR_OPERATION = (
    "During an operation in Arghandab district, Kandahar province, on Tuesday, Afghan forces killed 12 insurgents.\n\n"
    "The operation was carried out by special forces."
)


def test_one_report_per_event_record_carrying_its_mentions(clashes):
    """The Ledger's lead and its "The attack began" are one record: one report, both mentions."""
    ledger = [e for e in list_events(clashes) if e["publisher"] == "Northern Ledger" and e["type"] == "ASSAULT"]
    assert len(ledger) == 2 and ledger[0]["event_group"] == ledger[1]["event_group"]
    with clashes.engine.connect() as conn:
        reports = conn.execute(select(schema.event_reports.c.event_id, schema.event_reports.c.article_id)).all()
        records = dict(conn.execute(select(schema.event_records.c.id, schema.event_records.c.article_id)).all())
    assert dict(reports) == records  # one report per record, and only records


def test_a_place_told_only_in_a_framing_phrase_reaches_the_report():
    from wirescope.resolve.event_reports import report_of

    article = wirescope.process(HELMAND_OPERATION, published="2021-09-03", clean=False)
    (record,) = article.event_records
    (mention,) = (e for e in article.events if e.id == record.mentions[0])
    assert mention.place is None and record.place is not None and record.place.filled_from == "sentence"
    report = report_of(article, record)
    assert report is not None and report.admin1 == "AF/Helmand"
    assert f"admin1:{report.admin1}" in report.places and report.times


def test_two_operations_placed_by_framing_phrases_in_two_provinces_stay_apart(store):
    """Regression: built from mentions, neither operation had a place, both were blocked under no
    admin1, and the two, alike in every word but the place, were linked into one event."""
    _store_reports(store, ((HELMAND_OPERATION, "Northern Ledger"), (KANDAHAR_OPERATION, "Crosswind Bulletin")))
    groups = {e["publisher"]: e["event_group"] for e in list_events(store) if e["type"] == "ASSAULT"}
    assert len(groups) == 2 and None not in groups.values()
    assert groups["Northern Ledger"] != groups["Crosswind Bulletin"]


def test_migration_16_drops_mention_level_reports_and_queues_their_articles(tmp_path):
    """A store resolved per mention (before migration 16) is re-resolved per record by its next batch."""
    from sqlalchemy import delete, insert

    path = str(tmp_path / "old.db")
    with wirescope.open_store(path) as store:
        articles = _store_reports(store)
        with store.engine.begin() as conn:  # as migration 12-14 left it: a report keyed by a mention
            mention = articles[0].events[0]
            conn.execute(delete(schema.event_reports))
            conn.execute(
                insert(schema.event_reports).values(
                    event_id=mention.id,
                    article_id=articles[0].id,
                    type=mention.type,
                    happened=True,
                    day="2021-09-02",
                    admin1="",
                    facts={"trigger": "attacked", "participants": [], "times": [], "places": []},
                )
            )
            conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 16))
    with wirescope.open_store(path) as store:
        with store.engine.connect() as conn:
            assert conn.execute(select(schema.event_reports)).all() == []
            assert conn.execute(select(schema.event_clusters)).all() == []
        assert sorted(store.awaiting_resolution()) == sorted(a.id for a in articles)
        resolve_batch(store, [store.article(articles[0].id)])
        assert store.awaiting_resolution() == []
        assert _checkpoint_events(store)["Northern Ledger"]["reports"] == 2
