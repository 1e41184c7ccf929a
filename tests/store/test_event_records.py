"""Event records in the store: their table (migration 9), round trips, listings, the API and ACLED rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, inspect, select, text

import wirescope
from wirescope.cli import cli
from wirescope.store import open_store
from wirescope.store.filters import Filter
from wirescope.store.migrations import MIGRATIONS
from wirescope.store.schema import schema_migrations
from wirescope.store.synthetic import variant


def test_event_records_are_migration_9():
    assert [(v, name.split(":")[0]) for v, name, _ in MIGRATIONS if v == 9] == [(9, "event_records")]


def test_a_store_made_before_event_records_gains_their_table(tmp_path):
    path = str(tmp_path / "old.db")
    with open_store(path) as store, store.engine.begin() as conn:
        conn.execute(text("DROP TABLE event_records"))
        conn.execute(delete(schema_migrations).where(schema_migrations.c.version == 9))
    with open_store(path) as store, store.engine.connect() as conn:
        assert inspect(conn).has_table("event_records")
        assert 9 in set(conn.scalars(select(schema_migrations.c.version)))


def test_the_seeds_records_round_trip_with_their_arguments(seed_article, store):
    assert seed_article.event_records
    store.save(seed_article)
    assert store.article(seed_article.id).event_records == seed_article.event_records


def test_records_are_listed_filtered_and_fetched_by_id(seed_article, store):
    store.save(seed_article)
    every = store.page("event_records", Filter(), limit=500)
    assert every.total == len(seed_article.event_records)
    assert set(every.article_ids) == {seed_article.id}
    coerce = store.page("event_records", Filter(type="coerce"), limit=500)
    assert coerce.total == sum(r.type == "COERCE" for r in seed_article.event_records)
    from wirescope.query.browse import records_by_id

    first = seed_article.event_records[0]
    (found,) = records_by_id(store, "event_records", [first.id])
    assert found["mentions"] == list(first.mentions) and found["happened"] == first.happened


def test_a_variant_gives_records_ids_of_their_own_and_its_own_mentions(seed_article):
    copy = variant(seed_article, 3)
    assert {r.id for r in copy.event_records}.isdisjoint(r.id for r in seed_article.event_records)
    assert {m for r in copy.event_records for m in r.mentions} == {e.id for e in copy.events}


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seed_text, seed_gold):
    path = tmp_path_factory.mktemp("records") / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    db = str(path.with_suffix(".db"))
    published = seed_gold["metadata"]["published_for_tests"]
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", db, "--published", published])
    assert result.exit_code == 0, result.output
    return db


def test_the_event_records_command_writes_jsonl_and_one_acled_row_per_record(seed_db):
    runner = CliRunner()
    lines = runner.invoke(cli, ["event-records", "--db", seed_db, "--format", "jsonl"]).output.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(r["id"].startswith("rec_") for r in records)
    output = runner.invoke(cli, ["event-records", "--db", seed_db, "--format", "acled-csv"]).output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == sum(r["happened"] for r in records)
    by_notes = {r["evidence"]["text"]: r for r in records if r["happened"]}
    for row in rows:
        record = by_notes[row["notes"]]
        assert int(row["time_precision"]) == record["time_precision"]
        if record["date"]["filled_from"] == "publication":
            assert row["time_precision"] == "3"  # the publication day stood in: said so


def test_the_api_lists_event_records(seed_db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from wirescope.web.app import create_app

    with TestClient(create_app(seed_db)) as client:
        page = client.get("/api/event_records", params={"limit": 5}).json()
        assert page["total"] >= len(page["items"]) > 0
        first = page["items"][0]
        assert client.get(f"/api/event_records/{first['id']}").json() == first


def test_the_store_listing_interface_knows_the_kind():
    from wirescope.query.records import TABLES_FOR
    from wirescope.store.schema import ARTICLE_TABLES
    from wirescope.store.selection import KINDS

    assert "event_records" in KINDS and TABLES_FOR["event_records"][0] == "event_records"
    assert "event_records" in {t.name for t in ARTICLE_TABLES}
    with wirescope.open_store("memory") as store:
        assert store.page("event_records", Filter()).total == 0


def test_the_events_command_writes_one_acled_row_per_record_not_per_mention(seed_db):
    """Regression: `wirescope events --format acled-csv` wrote one row per mention, so a raid told
    in the lead and again in the body was two ACLED events."""
    runner = CliRunner()
    lines = runner.invoke(cli, ["events", "--db", seed_db, "--format", "jsonl"]).output.splitlines()
    mentions = {json.loads(line)["id"] for line in lines}
    lines = runner.invoke(cli, ["event-records", "--db", seed_db, "--format", "jsonl"]).output.splitlines()
    happened = [r for r in map(json.loads, lines) if r["happened"] and mentions & set(r["mentions"])]
    assert any(len(r["mentions"]) > 1 for r in happened)  # the seed tells some events more than once
    output = runner.invoke(cli, ["events", "--db", seed_db, "--format", "acled-csv"]).output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert sorted(row["notes"] for row in rows) == sorted(r["evidence"]["text"] for r in happened)
