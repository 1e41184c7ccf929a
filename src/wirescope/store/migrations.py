"""Schema migrations: numbered steps, each applied once, in its own transaction.

A new step is appended to MIGRATIONS; nothing already listed is ever edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, insert, inspect, select, text
from sqlalchemy.schema import CreateIndex

from wirescope.store import schema
from wirescope.store.actor_links import index_every_actor
from wirescope.store.fulltext import create_fulltext_index
from wirescope.store.rows import event_day, report_columns
from wirescope.store.transactions import lock_for_migration, writing


def _create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _add_place_offsets(conn: Connection) -> None:
    """Databases made before relative locations lack these columns; fresh ones have them."""
    existing = {c["name"] for c in inspect(conn).get_columns("places")}
    for name in ("anchor_id", "offset_km", "bearing"):
        if name not in existing:
            column = schema.places.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE places ADD COLUMN {name} {kind}"))


def _add_actor_registry(conn: Connection) -> None:
    """Databases made before the actor registry lack these columns; fresh ones have them."""
    existing = {c["name"] for c in inspect(conn).get_columns("actors")}
    for name in ("confidence", "reason", "merged_into", "merge_confidence", "merge_reason"):
        if name not in existing:
            kind = schema.actors.c[name].type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE actors ADD COLUMN {name} {kind}"))


def _add_stories(conn: Connection) -> None:
    """Databases made before syndication grouping lack articles.story_id and the band index.
    Articles stored before stay without a story until they are stored again."""
    if "story_id" not in {c["name"] for c in inspect(conn).get_columns("articles")}:
        kind = schema.articles.c.story_id.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE articles ADD COLUMN story_id {kind}"))
        conn.execute(text("CREATE INDEX ix_articles_story_id ON articles (story_id)"))
    schema.article_bands.create(conn, checkfirst=True)


def _add_feed_state(conn: Connection) -> None:
    """Databases made before `wirescope watch` lack its two tables."""
    schema.feeds.create(conn, checkfirst=True)
    schema.feed_entries.create(conn, checkfirst=True)


def _add_time_mod(conn: Connection) -> None:
    """Databases made before the TIMEX3 mod attribute lack times.mod; fresh ones have it."""
    if "mod" not in {c["name"] for c in inspect(conn).get_columns("times")}:
        kind = schema.times.c.mod.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE times ADD COLUMN mod {kind}"))


def _add_listing_days(conn: Connection) -> None:
    """Events and quotes gain the `day` listings order and filter by, and the listing indexes.
    Rows stored before get their day from their time value and their article's date."""
    for table in (schema.events, schema.quotes):
        if "day" not in {c["name"] for c in inspect(conn).get_columns(table.name)}:
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN day VARCHAR(10) NOT NULL DEFAULT ''"))
    published = dict(conn.execute(select(schema.articles.c.id, schema.articles.c.published)).all())
    for row in conn.execute(select(schema.events.c.id, schema.events.c.article_id, schema.events.c.time_value)).all():
        day = event_day(row.time_value, published.get(row.article_id))
        conn.execute(schema.events.update().where(schema.events.c.id == row.id).values(day=day))
    for quote in conn.execute(select(schema.quotes.c.id, schema.quotes.c.article_id)).all():
        day = published.get(quote.article_id) or ""
        conn.execute(schema.quotes.update().where(schema.quotes.c.id == quote.id).values(day=day))
    for index in schema.LISTING_INDEXES:
        # IF NOT EXISTS: fresh stores made them with the tables; reflection cannot see expression indexes.
        conn.execute(CreateIndex(index, if_not_exists=True))


def _add_event_records(conn: Connection) -> None:
    """Databases made before event records lack their table; articles stored before have no records
    until they are stored again (records are built by the pipeline, from the parse)."""
    schema.event_records.create(conn, checkfirst=True)
    for index in schema.EVENT_RECORD_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))


def _add_actor_keys(conn: Connection) -> None:
    """Databases made before incremental actor linking lack the key index and its queue: every
    stored actor is indexed and queued, so the next link compares the whole store once."""
    schema.actor_keys.create(conn, checkfirst=True)
    schema.actor_link_queue.create(conn, checkfirst=True)
    index_every_actor(conn)


def _add_event_resolution_queue(conn: Connection) -> None:
    """Event resolution becomes crash-safe: saves queue their article until it is resolved.
    Stored articles with events and no reports are queued, so the next run resolves them."""
    schema.event_resolution_queue.create(conn, checkfirst=True)
    reported = select(schema.event_reports.c.article_id).distinct()
    unresolved = select(schema.events.c.article_id).distinct().where(schema.events.c.article_id.not_in(reported))
    conn.execute(insert(schema.event_resolution_queue).from_select(["article_id"], unresolved))


def _add_event_clusters(conn: Connection) -> None:
    """Cross-document event coreference: the reports the resolver compares, their links and
    clusters. Events stored before stay unresolved (each its own report) until stored again."""
    for table in (schema.event_reports, schema.event_links, schema.event_clusters):
        table.create(conn, checkfirst=True)


def _add_claim_keys(conn: Connection) -> None:
    """Claims are resolved a batch at a time against the stored claims sharing a key with them:
    every stored claim is indexed and every article with claims queued, so the next batch
    resolves the whole store once (and computes the vectors it needs)."""
    from wirescope.store.claim_links import index_every_claim

    for table in (schema.claim_keys, schema.claim_vectors, schema.claim_resolution_queue):
        table.create(conn, checkfirst=True)
    index_every_claim(conn)


def _resolve_event_records(conn: Connection) -> None:
    """Reports become one per event record instead of one per event mention: the mention-level
    reports, links and clusters are dropped and every article with event records is queued, so
    the next batch resolves them at record level (run/local.py `resolve_batch`)."""
    for table in (schema.event_clusters, schema.event_links, schema.event_reports):
        conn.execute(delete(table))
    queued = select(schema.event_resolution_queue.c.article_id)
    unresolved = (
        select(schema.event_records.c.article_id).distinct().where(schema.event_records.c.article_id.not_in(queued))
    )
    conn.execute(insert(schema.event_resolution_queue).from_select(["article_id"], unresolved))


_CLAIM_DEFAULTS = {"stance": "asserts", "kind": "statement", "modality": "asserted"}


def _add_claim_stances(conn: Connection) -> None:
    """Claims gain claimant stance, cue, normalised form and evidence; propositions and claim links
    join claims across articles. Claims stored before keep the defaults until stored again."""
    existing = {c["name"] for c in inspect(conn).get_columns("claims")}
    for column in schema.CLAIM_COLUMNS:
        if column.name not in existing:
            kind = column.type.compile(dialect=conn.dialect)
            default = f" NOT NULL DEFAULT '{_CLAIM_DEFAULTS[column.name]}'" if column.name in _CLAIM_DEFAULTS else ""
            conn.execute(text(f'ALTER TABLE claims ADD COLUMN "{column.name}" {kind}{default}'))
    schema.propositions.create(conn, checkfirst=True)
    schema.claim_links.create(conn, checkfirst=True)
    for index in schema.claims.indexes:
        conn.execute(CreateIndex(index, if_not_exists=True))


_REPORT_COLUMNS = ("in_period", "named", "group_key", "record_id")
_REPORT_SOURCE: tuple[str, ...] = ("id", "article_id", "type", "day", "historical", "time_value")
_REPORT_SOURCE += tuple(f"{who}_{part}" for who in ("actor", "target", "place") for part in ("name", "id"))
_BACKFILL_ARTICLES = 500


def _add_report_columns(conn: Connection) -> None:
    """Events gain the columns the report counts by (schema.py `in_period`, `named`, `group_key`),
    computed for every stored row as a save computes them (rows.py `report_columns`), their event
    record's id (`record_id`, from event_records.mentions), and the indexes the report's counts
    read instead of the table. Read and written a chunk of articles at a time."""
    e = schema.events
    existing = {c["name"] for c in inspect(conn).get_columns("events")}
    for name in _REPORT_COLUMNS:
        if name not in existing:
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} {e.c[name].type.compile(dialect=conn.dialect)}"))
    wanted = [e.c[n] for n in _REPORT_SOURCE]
    # bindparams named apart from the columns they set (SQLAlchemy reserves those names)
    update = e.update().where(e.c.id == bindparam("row_id")).values({n: bindparam(f"new_{n}") for n in _REPORT_COLUMNS})
    rec, a = schema.event_records, schema.articles
    after = ""
    while True:  # a chunk of articles at a time: their events and their records, by the article index
        articles = list(conn.scalars(select(a.c.id).where(a.c.id > after).order_by(a.c.id).limit(_BACKFILL_ARTICLES)))
        if not articles:
            break
        after = articles[-1]
        records = {
            mention: record
            for record, mentions in conn.execute(select(rec.c.id, rec.c.mentions).where(rec.c.article_id.in_(articles)))
            for mention in mentions
        }
        found = [dict(r) for r in conn.execute(select(*wanted).where(e.c.article_id.in_(articles))).mappings()]
        rows = [
            {
                "row_id": r["id"],
                "new_record_id": records.get(r["id"]),
                **{f"new_{k}": v for k, v in report_columns(r).items()},
            }
            for r in found
        ]
        if rows:
            conn.execute(update, rows)
    for index in schema.REPORT_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))


def _add_scope_indexes(conn: Connection) -> None:
    """The place-first and speaker-first indexes a report for one place reads (schema.py SCOPE_INDEXES).
    About 15 s at 1M events on SQLite (docs/benchmarks.md)."""
    for index in schema.SCOPE_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))


def _add_stories_rank(conn: Connection) -> None:
    """Propositions gain `stories` (their sides' independent stories, summed, as resolution now
    writes it), filled for those stored before, and ix_propositions_ranked."""
    from wirescope.store.claim_links import backfill_stories

    if "stories" not in {c["name"] for c in inspect(conn).get_columns("propositions")}:
        conn.execute(text("ALTER TABLE propositions ADD COLUMN stories INTEGER NOT NULL DEFAULT 0"))
    backfill_stories(conn)
    (index,) = (i for i in schema.propositions.indexes if i.name == "ix_propositions_ranked")
    conn.execute(CreateIndex(index, if_not_exists=True))


APPEND_ONLY = "corrections are append-only: record a new correction instead"


def _add_corrections(conn: Connection) -> None:
    """Human corrections (an append-only log) and what each did to its article on the last save.
    Triggers refuse UPDATE and DELETE of a correction, whoever asks: the log is the audit trail."""
    schema.corrections.create(conn, checkfirst=True)
    schema.reviews.create(conn, checkfirst=True)
    if conn.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            conn.execute(
                text(
                    f"CREATE TRIGGER IF NOT EXISTS corrections_no_{verb.lower()} BEFORE {verb} ON corrections "
                    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
                )
            )
        return
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION corrections_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$ LANGUAGE plpgsql"
        )
    )
    conn.execute(text("DROP TRIGGER IF EXISTS corrections_append_only ON corrections"))
    conn.execute(
        text(
            "CREATE TRIGGER corrections_append_only BEFORE UPDATE OR DELETE ON corrections "
            "FOR EACH ROW EXECUTE FUNCTION corrections_append_only()"
        )
    )


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "create the record tables", _create_tables),
    (2, "full-text index over article titles and text", create_fulltext_index),
    (3, "places: offset from an anchor place (anchor_id, offset_km, bearing)", _add_place_offsets),
    (4, "actors: registry confidence, reason and cross-article merge (merged_into)", _add_actor_registry),
    (5, "articles: story_id, and the band index that groups syndicated copies", _add_stories),
    (6, "feeds and feed_entries: what `wirescope watch` has polled and seen", _add_feed_state),
    (7, "times: the TIMEX3 mod attribute (START, MID, END)", _add_time_mod),
    (8, "events and quotes: the day listings order by, and the listing indexes", _add_listing_days),
    (9, "event_records: one row per real-world event, grouping its event mentions", _add_event_records),
    (10, "corrections (append-only) and reviews: human corrections re-applied after every run", _add_corrections),
    (11, "claims: stance, cue, normalised form and evidence; propositions and claim links", _add_claim_stances),
    (12, "event_reports, event_links, event_clusters: one event, many reports", _add_event_clusters),
    (13, "actor_keys and actor_link_queue: link a batch's actors only with those sharing a key", _add_actor_keys),
    (14, "event_resolution_queue: articles stored since their events were last resolved", _add_event_resolution_queue),
    (15, "claim_keys, claim_vectors, claim_resolution_queue: resolve a batch's claims incrementally", _add_claim_keys),
    (16, "event_reports: one per event record, not per mention (every article re-queued)", _resolve_event_records),
    (17, "events: in_period, named, group_key, record_id, and the indexes the report counts by", _add_report_columns),
    (18, "events and place_mentions by place, quotes by speaker: a report for one place", _add_scope_indexes),
    (19, "propositions: the stories on their sides, and the index contested points are ranked by", _add_stories_rank),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.scalars(select(schema.schema_migrations.c.version)))


def migrate(engine) -> list[int]:
    """Bring the database to the newest schema; returns the versions applied now."""
    done = []
    for version, name, step in MIGRATIONS:
        with writing(engine) as conn:
            lock_for_migration(conn)
            if version in applied_versions(conn):
                continue
            step(conn)
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(insert(schema.schema_migrations).values(version=version, name=name, applied_at=stamp))
            done.append(version)
    return done
