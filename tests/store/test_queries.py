"""The store answers listings in SQL: a page costs the same at 10 and at 1,000 articles, indexed
filters are index searches, keyset pages cover the listing once, one Filter means one thing."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import delete, event, select, text

import wirescope
from wirescope.query.browse import browse, filtered
from wirescope.store import digest, schema
from wirescope.store.filters import Filter
from wirescope.store.selection import listing_query
from wirescope.store.synthetic import variant

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def demo_articles(demo_db):
    with wirescope.open_store(demo_db) as store:
        return list(store.articles())


def _store_of(db: str, articles, copies: int):
    store = wirescope.open_store(db)
    batch = [variant(a, n) for n in range(copies) for a in articles]
    for start in range(0, len(batch), 500):
        store.save_many(batch[start : start + 500])
    return store


@contextmanager
def counted_statements(store):
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def _statements_for(store, path: str) -> tuple[int, dict]:
    from fastapi.testclient import TestClient

    from wirescope.web.app import create_app

    with TestClient(create_app(store)) as client, counted_statements(store) as seen:
        body = client.get(path).raise_for_status().json()
    return len(seen), body


@pytest.mark.parametrize(
    "path",
    [
        "/api/events?limit=20",
        "/api/quotes?limit=20",
        "/api/articles?limit=20",
        "/api/events?limit=20&type=ASSAULT",
        "/api/actors?limit=20",
        "/api/places?limit=20",
    ],
)
def test_a_page_makes_as_many_queries_at_10_as_at_1000_articles(tmp_path, demo_articles, path):
    copies_for_10 = max(1, 10 // len(demo_articles))
    with (
        _store_of(str(tmp_path / "small.db"), demo_articles[:10], copies_for_10) as small,
        _store_of(str(tmp_path / "large.db"), demo_articles, -(-1000 // len(demo_articles))) as large,
    ):
        assert large.count("articles") >= 1000 > 10 >= small.count("articles")
        (n_small, body_small), (n_large, body_large) = _statements_for(small, path), _statements_for(large, path)
    assert n_small == n_large, (n_small, n_large)
    assert body_large["total"] > body_small["total"]


@pytest.fixture(scope="module")
def big_store(tmp_path_factory, demo_articles):
    with _store_of(str(tmp_path_factory.mktemp("big") / "big.db"), demo_articles, 20) as store:
        yield store


INDEXED = [
    ("events", Filter(type="ASSAULT")),
    ("events", Filter(modality="negated")),
    ("events", Filter(since=date(2021, 9, 1), until=date(2021, 9, 30))),
    ("events", Filter(actor="Taliban")),
    ("events", Filter(place="Panjshir")),
    ("events", Filter()),
    ("quotes", Filter(type="direct")),
    ("quotes", Filter(actor="Taliban")),
    ("quotes", Filter()),
    ("articles", Filter()),
    ("articles", Filter(since=date(2021, 9, 1))),
    ("actors", Filter(type="PERSON")),
    ("places", Filter()),
]


@pytest.mark.parametrize("kind, f", INDEXED)
def test_an_indexed_filter_is_an_index_search_not_a_full_scan(big_store, kind, f):
    table = schema.metadata.tables[kind]
    with big_store.engine.connect() as conn:
        query = listing_query(conn, kind, f, 50)
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = [row[-1] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
    full_scans = [step for step in plan if step.startswith(f"SCAN {table.name}") and "INDEX" not in step]
    assert not full_scans, plan


def test_postgres_can_answer_each_indexed_filter_from_an_index(demo_articles):
    from tests.conftest import postgres_url_or_skip
    from wirescope.store.scratch import scratch_schema

    with scratch_schema(postgres_url_or_skip(), "test") as url, wirescope.open_store(url) as store:
        store.save_many([variant(a, n) for n in range(3) for a in demo_articles])
        with store.engine.connect() as conn, conn.begin():
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            for kind, f in INDEXED:
                sql = str(listing_query(conn, kind, f, 50).compile(conn, compile_kwargs={"literal_binds": True}))
                plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}")))
                assert f"Seq Scan on {kind}" not in plan, (kind, f, plan)


@pytest.mark.parametrize("kind", ["events", "quotes", "articles", "actors", "places", "times"])
def test_keyset_pages_cover_the_listing_once_in_order(big_store, kind):
    every = [r["id"] for r in filtered(big_store, kind)]
    paged, after = [], None
    while True:
        page = browse(big_store, kind, Filter(), limit=37, after=after)
        paged += [r["id"] for r in page.items]
        if page.next is None:
            break
        after = page.next
    assert paged == every and len(set(paged)) == len(paged) == big_store.count(kind)


@pytest.mark.parametrize(
    "actor, match, expected",
    [
        ("ahmad massoud", "exact", {"Ahmad Massoud"}),  # the name, any case; not Ahmad Shah Massoud
        ("hmad massou", "exact", set()),  # part of a name is no exact match
        ("hmad massou", "substring", {"Ahmad Massoud"}),
        ("massoud", "substring", {"Ahmad Massoud", "Ahmad Shah Massoud"}),
    ],
)
def test_exact_or_substring_matching_is_an_explicit_option(demo_db, actor, match, expected):
    with wirescope.open_store(demo_db) as store:
        actors = filtered(store, "actors", Filter(actor=actor, match=match))
        events = filtered(store, "events", Filter(actor=actor, match=match))
    assert {r["name"] for r in actors} == expected
    ids = {r["id"] for r in actors} | {m["id"] for r in actors for m in r["merged"]}
    assert all({(e["actor"] or {}).get("id"), (e["target"] or {}).get("id")} & ids for e in events)


def test_the_cli_and_the_api_filter_by_actor_alike(demo_db):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from wirescope.cli import cli
    from wirescope.web.app import create_app

    with wirescope.open_store(demo_db) as store, TestClient(create_app(store)) as client:
        api = {
            e["id"]
            for e in client.get("/api/events", params={"actor": "Massoud", "match": "substring", "limit": 500}).json()[
                "items"
            ]
        }
    out = CliRunner().invoke(cli, ["events", "--db", demo_db, "--actor", "Massoud", "--format", "jsonl"]).output
    import json

    cli_ids = {json.loads(line)["id"] for line in out.splitlines() if line.strip()}
    assert api == cli_ids and api


def _plans_of(store, call) -> list[str]:
    """The SQLite query plan of every statement `call(conn)` runs, one step a string."""
    statements: list[tuple] = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        statements.append((statement, parameters))

    with store.engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", keep)
        call(conn)
        event.remove(conn, "before_cursor_execute", keep)
        return [
            step[-1]
            for statement, parameters in statements
            if statement.lstrip().upper().startswith("SELECT")
            for step in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
        ]


REPORT_COUNTS = {
    "tally": lambda conn: digest.tally(conn, Filter(), {"actor_x": "2001-09-09"}, frozenset({"actor_y"})),
    "per day": lambda conn: digest.happened_per_day_by_type(conn, Filter()),
    "key event groups": lambda conn: digest.key_event_groups(conn, Filter(), 30, {"actor_x": "2001-09-09"}),
    "places": lambda conn: digest.place_stories(conn, Filter(), 20),
    "sizes": lambda conn: digest.scope_sizes(conn, Filter()),
}


@pytest.mark.parametrize("name", REPORT_COUNTS)
def test_the_report_s_counts_read_its_indexes_and_never_the_events_or_articles_rows(big_store, name):
    """At a million events what costs is reading rows (and computing per row): each of the report's
    scans reads one covering index (schema.py REPORT_INDEXES); only ids found are looked up."""
    plan = _plans_of(big_store, REPORT_COUNTS[name])
    steps = [s for s in plan if s.startswith(("SCAN events", "SEARCH events", "SCAN articles"))]
    assert steps, plan
    assert all("COVERING INDEX" in s for s in steps), plan
    assert not any("GROUP BY" in s for s in plan), plan  # groups come out of the index in order


def test_migration_17_fills_the_report_columns_as_a_save_writes_them(tmp_path, demo_articles):
    path = str(tmp_path / "old.db")
    e = schema.events
    columns = (e.c.id, e.c.in_period, e.c.named, e.c.group_key, e.c.record_id)
    with _store_of(path, demo_articles, 2) as store, store.engine.begin() as conn:
        written = sorted(conn.execute(select(*columns)).all())
        for index in schema.REPORT_INDEXES:
            conn.execute(text(f"DROP INDEX {index.name}"))
        conn.execute(e.update().values(in_period=None, named=None, group_key=None, record_id=None))
        conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 17))
    with wirescope.open_store(path) as store, store.engine.connect() as conn:
        assert sorted(conn.execute(select(*columns)).all()) == written
        indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {i.name for i in schema.REPORT_INDEXES} <= indexes
    assert {w.in_period for w in written} == {True, False} and len({w.group_key for w in written}) > 1
    assert all(w.record_id for w in written)  # every demo mention belongs to a record


def _speakers_and_quotes(conn, f: Filter) -> list:
    speakers = [s["id"] for s in digest.top_speakers(conn, f, 8)]
    assert speakers  # the check is empty without them
    return digest.speaker_quote_ids(conn, f, speakers, 3)


PLACE = Filter(place="Panjshir")
PLACE_PARTS = {
    "tally": lambda conn: digest.tally(conn, PLACE, {"actor_x": "2001-09-09"}, frozenset({"actor_y"})),
    "per day": lambda conn: digest.happened_per_day_by_type(conn, PLACE),
    "key event groups": lambda conn: digest.key_event_groups(conn, PLACE, 30, {"actor_x": "2001-09-09"}),
    "places": lambda conn: digest.place_stories(conn, PLACE, 20),
    "speakers and their quotes": lambda conn: _speakers_and_quotes(conn, PLACE),
}


@pytest.mark.parametrize("name", PLACE_PARTS)
def test_the_report_for_one_place_reads_indexes_not_event_quote_or_place_mention_rows(big_store, name):
    """A place's events are a range of the place-first report index; its quotes are found by the
    articles that mention the place, read from the place-first index of place_mentions, and by
    speaker (schema.py SCOPE_INDEXES, migration 18). Articles are still looked up by id (the
    story a count needs), as in the whole-store report."""
    plan = _plans_of(big_store, PLACE_PARTS[name])
    reads = ("SCAN events", "SEARCH events", "SCAN quotes", "SEARCH quotes", "SCAN place_mentions")
    steps = [s for s in plan if s.startswith((*reads, "SEARCH place_mentions", "SCAN articles"))]
    assert steps, plan
    assert all("COVERING INDEX" in s for s in steps), plan


def test_migration_18_makes_the_indexes_of_a_report_for_one_place(tmp_path, demo_articles):
    path = str(tmp_path / "old.db")
    with _store_of(path, demo_articles, 1) as store, store.engine.begin() as conn:
        for index in schema.SCOPE_INDEXES:
            conn.execute(text(f"DROP INDEX {index.name}"))
        conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 18))
    with wirescope.open_store(path) as store, store.engine.connect() as conn:
        indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        versions = set(conn.scalars(select(schema.schema_migrations.c.version)))
    assert {i.name for i in schema.SCOPE_INDEXES} <= indexes and 18 in versions


def _postgres_plans_of(conn, call) -> list[str]:
    """The PostgreSQL plan of every SELECT `call(conn)` runs, one string a statement."""
    statements: list[tuple] = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        statements.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", keep)
    call(conn)
    event.remove(conn, "before_cursor_execute", keep)
    return [
        "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters).all())
        for statement, parameters in statements
        if statement.lstrip().upper().startswith("SELECT")
    ]


PG_INDEX_ONLY = {
    "tally": REPORT_COUNTS["tally"],
    "key event groups": REPORT_COUNTS["key event groups"],
    "tally of a place": PLACE_PARTS["tally"],
    "key event groups of a place": PLACE_PARTS["key event groups"],
}
# Not here: the speakers' quotes. At the demo corpus's size PostgreSQL's costs for the
# speaker-first covering index and the one-column `ix_quotes_speaker_id` are so close that it
# took either from one run to the next; a check that passes only sometimes says nothing.


@pytest.mark.parametrize("name", PG_INDEX_ONLY)
def test_postgres_answers_the_report_s_main_counts_by_index_only_scans(postgres_report_store, name):
    """With sequential, plain index and bitmap scans priced out (`enable_seqscan`, `enable_indexscan`,
    `enable_bitmapscan` off, after VACUUM ANALYZE sets the visibility map: a few hundred demo rows
    are otherwise read faster from the table, and the check would say nothing), the report's
    main counts read events by index-only scans of the report and scope indexes (migrations 17
    and 18): the indexes cover those statements on PostgreSQL too."""
    names = {i.name for i in (*schema.REPORT_INDEXES, *schema.SCOPE_INDEXES)}
    with postgres_report_store.engine.connect() as conn, conn.begin():
        for setting in ("enable_seqscan", "enable_indexscan", "enable_bitmapscan"):
            conn.execute(text(f"SET LOCAL {setting} = off"))
        plans = _postgres_plans_of(conn, PG_INDEX_ONLY[name])
    scans = [
        line.strip() for plan in plans for line in plan.splitlines() if re.search(r"Scan.* on (events|quotes)\b", line)
    ]
    assert scans, plans
    for scan in scans:
        found = re.search(r"Index Only Scan using (\w+) on (events|quotes)\b", scan)
        assert found and found.group(1) in names, (scan, plans)


@pytest.fixture(scope="module")
def postgres_report_store(demo_articles):
    from tests.conftest import postgres_url_or_skip
    from wirescope.store.scratch import scratch_schema

    with scratch_schema(postgres_url_or_skip(), "test") as url, wirescope.open_store(url) as store:
        store.save_many([variant(a, n) for n in range(3) for a in demo_articles])
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("events", "quotes", "place_mentions", "articles"):
                conn.execute(text(f"VACUUM ANALYZE {table}"))
        yield store
