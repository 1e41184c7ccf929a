"""4. Persistence: one Store over SQLAlchemy Core.

SQLite is the default (one file, WAL); PostgreSQL takes a postgresql:// URL; "memory" is an
in-memory SQLite database for tests and one-off runs. One class serves all three: SQLAlchemy
already hides the dialect differences, so separate classes would only repeat each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from wirescope.corrections.model import Correction
from wirescope.errors import NotFound, StoreError
from wirescope.record import Article, Source
from wirescope.resolve.events import EventReport
from wirescope.store import bulk, claim_links, corrections, event_links, rows, schema
from wirescope.store.actor_links import index_actors, link_actors, unindex_actors
from wirescope.store.loading import load_articles
from wirescope.store.migrations import MIGRATIONS, applied_versions, migrate
from wirescope.store.opening import (
    check_engine_is_ours,
    check_exists,
    check_sqlite_file,
    is_read_only,
    read_only_url,
    sqlite_path,
)
from wirescope.store.reading import Reading
from wirescope.store.syndication import assign_story
from wirescope.store.transactions import begin_sqlite, with_retries, writing

MEMORY = "memory"


def engine_url(db: str) -> str:
    """A SQLAlchemy URL for a --db value: a file path, sqlite:///..., postgresql://..., or memory."""
    if db in (MEMORY, ":memory:"):
        return "sqlite://"
    if "://" in db:
        return db.replace("postgresql://", "postgresql+psycopg://", 1) if db.startswith("postgresql://") else db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # The driver's own implicit transactions are switched off: begin_sqlite says BEGIN itself.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # no journal_mode: that would be a write
    cur.close()


def make_engine(db: str, read_only: bool = False) -> Engine:
    path = sqlite_path(db)
    url = read_only_url(path) if read_only and path else engine_url(db)
    if url == "sqlite://":
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", begin_sqlite)
    return engine


class Store(Reading):
    """The record, persisted. Each article is written in one transaction, replacing any earlier copy.

    Reading (listings, counts, aggregates, search) is store/reading.py's interface.
    """

    def __init__(self, engine: Engine, description: str) -> None:
        self.engine = engine
        self.description = description

    def __repr__(self) -> str:
        return f"Store({self.description!r})"

    @property
    def one_connection(self) -> bool:
        """True for the in-memory store: every caller shares its one connection, so two threads
        must not use it at once (the runner then stores each batch before annotating the next)."""
        return isinstance(self.engine.pool, StaticPool)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def save(self, article: Article, pipeline: Iterable[str] = (), *, link: bool = True) -> None:
        """Store an article and all its annotations; storing the same article again replaces it.

        With `link`, the cross-article actor registry is brought up to date in the same
        transaction. A batch writer passes link=False and calls `link_actors()` once per batch,
        which compares the batch's actors with the stored ones sharing a name key in one pass.
        """
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with_retries(lambda: self._save_once(article, list(pipeline), stamp, link))
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{self.description}: cannot store article {article.id} ({article.source.uri}): {exc}"
            ) from exc

    def save_many(self, articles: Sequence[Article], pipeline: Iterable[str] = ()) -> int:
        """Store a batch in one transaction, one INSERT per table (store/bulk.py): for bulk loads.
        Stories and cross-article actor links are left to be computed after the load."""
        try:
            return with_retries(lambda: bulk.save_many(self.engine, articles, list(pipeline)))
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot store a batch of {len(articles)} articles: {exc}") from exc

    def link_actors(self) -> None:
        """Decide which stored actors are the same actor, for the actors whose name keys were
        touched since the last link (store/actor_links.py)."""
        try:
            with_retries(lambda: self._link_once())
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot link actors across articles: {exc}") from exc

    def resolve_events(self, article_ids: Sequence[str], reports: Sequence[EventReport]) -> None:
        """Store these articles' event reports (replacing their earlier ones), link them to the
        candidates their blocking keys find, and bring the event clusters up to date
        (store/event_links.py). Idempotent: the same reports give the same links and clusters.
        The articles leave the resolution queue in the same transaction."""
        from wirescope.resolve.events import shipped_model

        model = shipped_model()
        try:
            with_retries(lambda: self._resolve_once(list(article_ids), reports, model))
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot resolve events across articles: {exc}") from exc

    def _resolve_once(self, article_ids: list[str], reports: Sequence[EventReport], model) -> None:
        with writing(self.engine) as conn:
            event_links.resolve_reports(conn, article_ids, reports, model)

    def awaiting_resolution(self) -> list[str]:
        """Ids of stored articles whose events have not been resolved since they were saved (a
        crash came between the save and the resolution); the next batch resolves them."""
        with self.engine.connect() as conn:
            return event_links.queued_for_resolution(conn)

    def save_propositions(self, groups) -> None:
        """Replace the stored propositions and claim links with these (resolve/claims.py's answer)."""
        try:
            with_retries(lambda: self._write_propositions(groups))
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot store claim propositions: {exc}") from exc

    def _write_propositions(self, groups) -> None:
        with writing(self.engine) as conn:
            claim_links.write_propositions(conn, groups)

    def resolve_claims(self, article_ids: Sequence[str], embed=None) -> list:
        """Resolve these articles' claims, and those of any article a save queued, against the
        stored claims sharing a key with them; replace the propositions they touch
        (store/claim_links.py). Returns those propositions. `embed` is the sentence encoder for
        paraphrase; the vectors it computes are stored."""
        try:
            return with_retries(lambda: self._resolve_claims_once(list(article_ids), embed))
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot resolve claims across articles: {exc}") from exc

    def _resolve_claims_once(self, article_ids: list[str], embed) -> list:
        with writing(self.engine) as conn:
            return claim_links.resolve_queued(conn, article_ids, embed)

    def awaiting_claim_resolution(self) -> list[str]:
        """Ids of stored articles whose claims have not been resolved since they were saved."""
        with self.engine.connect() as conn:
            return claim_links.queued_for_claims(conn)

    def claim_vectors(self, claim_ids: Sequence[str]) -> dict:
        """The stored paraphrase vectors of these claims (those resolution has computed)."""
        with self.engine.connect() as conn:
            return claim_links.stored_vectors(conn, claim_ids)

    def claim_rows(self, event_cluster: str | None = None, propositions: Sequence[str] | None = None) -> list[dict]:
        """Every stored claim (or those about one event cluster, or those of these propositions)
        with its article's story and day, and the cluster of its event (store/claim_links.py)."""
        with self.engine.connect() as conn:
            return claim_links.claim_rows(conn, event_cluster=event_cluster, proposition_ids=propositions)

    def propositions(self, contested_only: bool = False) -> list[dict]:
        """The stored propositions, or only the contested ones (no links read)."""
        with self.engine.connect() as conn:
            return claim_links.propositions(conn, contested_only)

    def ranked_contested(self, limit: int, offset: int = 0) -> list[dict]:
        """A page of the contested propositions, the most stories on their sides first."""
        with self.engine.connect() as conn:
            return claim_links.ranked_contested(conn, limit, offset)

    def proposition_links(self, proposition_ids: Sequence[str], relations: Sequence[str]) -> list[dict]:
        """The links of these propositions that have one of these relations (agrees, contradicts, related)."""
        with self.engine.connect() as conn:
            return claim_links.links_of(conn, proposition_ids, relations)

    def proposition_rows(self) -> tuple[list[dict], list[dict]]:
        """Every stored proposition, and every link between two claims of one."""
        with self.engine.connect() as conn:
            return claim_links.proposition_rows(conn)

    def _link_once(self) -> None:
        with writing(self.engine) as conn:
            link_actors(conn)

    def _save_once(self, article: Article, pipeline: list[str], stamp: str, link: bool = True) -> None:
        # Row locks are taken in one order (source, article, actors and places by id) so that
        # concurrent writers queue rather than deadlock. Upserting the article row first makes a
        # second writer of the same article wait until the first commits, so the annotations it
        # deletes are the committed ones and none are stored twice.
        with writing(self.engine) as conn:
            self._insert_missing(conn, schema.sources, "sha256", [rows.source_row(article.source)])
            self._upsert(conn, schema.articles, "id", [rows.article_row(article, pipeline, stamp)])
            # Human corrections are re-applied on every save (store/corrections.py says why here).
            self._write_annotations(conn, corrections.corrected(conn, article))
            assign_story(conn, article.id, article.text)  # syndicated copies (store/syndication.py)
            event_links.queue_for_resolution(conn, article.id)
            if link:
                link_actors(conn)  # the cross-article actor registry (store/actor_links.py)

    def _write_annotations(self, conn, article: Article) -> None:
        """Replace the article's annotation rows (the article row is written and locked)."""
        old_actors = set(
            conn.scalars(
                select(schema.mentions.c.actor_id).where(
                    schema.mentions.c.article_id == article.id, schema.mentions.c.actor_id.is_not(None)
                )
            )
        )
        claim_links.queue_old_propositions(conn, [article.id])
        for table in schema.ARTICLE_TABLES:
            conn.execute(delete(table).where(table.c.article_id == article.id))
        self._save_actors(conn, article)
        self._insert_missing(conn, schema.places, "id", [rows.place_row(p) for p in article.places])
        for name, table_rows in rows.annotation_rows(article).items():
            if table_rows:
                conn.execute(schema.metadata.tables[name].insert(), table_rows)
        claim_links.index_article_claims(conn, [article.id])  # and queued for `resolve_claims`
        self._drop_orphan_actors(conn, old_actors - {a.id for a in article.actors})

    # --- corrections (store/corrections.py) ---------------------------------------------------

    def record_corrections(self, new: Sequence[Correction]) -> list[Correction]:
        """Append corrections to the log (those it holds already, by id, are skipped) and re-apply
        them to their articles and the actor registry at once; returns the ones appended."""
        try:
            fresh = with_retries(lambda: self._append_once(list(new)))
            for article_id in sorted({c.article_id for c in fresh if c.article_id}):
                self._reapply(article_id)
            if any(c.article_id is None for c in fresh):
                self.link_actors()
            if any(c.kind == event_links.CLUSTER for c in fresh):
                with_retries(lambda: self._apply_cluster_corrections())
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.description}: cannot record {len(new)} correction(s): {exc}") from exc
        return fresh

    def _apply_cluster_corrections(self) -> None:
        with writing(self.engine) as conn:
            event_links.apply_cluster_corrections(conn)

    def _append_once(self, new: list[Correction]) -> list[Correction]:
        with writing(self.engine) as conn:
            return corrections.append(conn, new)

    def _reapply(self, article_id: str) -> None:
        with_retries(lambda: self._reapply_once(article_id))

    def _reapply_once(self, article_id: str) -> None:
        # One transaction from reading the article to writing it, the article row locked first:
        # a reviewer's correction and an ingest of the same article queue rather than interleave,
        # and each re-application sees every correction committed before it.
        with writing(self.engine) as conn:
            a = schema.articles
            locked = conn.execute(select(a.c.id).where(a.c.id == article_id).with_for_update()).first()
            if locked is None:
                return  # the article is not stored (any more): its corrections wait in the log
            (article,) = load_articles(conn, [article_id])
            self._write_annotations(conn, corrections.corrected(conn, article))

    def corrections(self, article_ids: Iterable[str] | None = None, kind: str | None = None) -> list[Correction]:
        """The correction log, oldest first (all, some articles', or one kind's)."""
        with self.engine.connect() as conn:
            return corrections.read_corrections(conn, article_ids, kind)

    def correction_reviews(self) -> dict[str, dict]:
        """What each correction did on its article's last save, by correction id (no entry: its
        article is not stored)."""
        with self.engine.connect() as conn:
            return corrections.reviews_by_correction(conn)

    def _insert_missing(self, conn, table, key: str, new_rows: list[dict]) -> None:
        if not new_rows:
            return
        existing = set(conn.scalars(select(table.c[key]).where(table.c[key].in_([r[key] for r in new_rows]))))
        fresh = sorted(
            (r for r in {r[key]: r for r in new_rows}.values() if r[key] not in existing), key=lambda r: r[key]
        )
        if fresh:
            conn.execute(self._insert(table).on_conflict_do_nothing(index_elements=[key]), fresh)

    def _upsert(self, conn, table, key: str, new_rows: list[dict]) -> None:
        stmt = self._insert(table)
        update = {c.name: stmt.excluded[c.name] for c in table.columns if c.name != key}
        conn.execute(stmt.on_conflict_do_update(index_elements=[key], set_=update), new_rows)

    def _insert(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def _save_actors(self, conn, article: Article) -> None:
        """Add new actors to the registry; merge aliases into known ones."""
        self._insert_missing(conn, schema.actors, "id", [rows.actor_row(a) for a in article.actors])
        for actor in sorted(article.actors, key=lambda a: a.id):
            # FOR UPDATE: another writer merging aliases into the same actor waits, so neither
            # merge is lost. The row can have gone meanwhile (a writer dropped it as an orphan).
            known = conn.execute(
                select(schema.actors.c.aliases).where(schema.actors.c.id == actor.id).with_for_update()
            ).first()
            if known is None:
                conn.execute(
                    self._insert(schema.actors).on_conflict_do_nothing(index_elements=["id"]), [rows.actor_row(actor)]
                )
                continue
            known = known[0]
            merged = sorted(set(known or []) | set(actor.aliases))
            if merged != sorted(known or []):
                conn.execute(schema.actors.update().where(schema.actors.c.id == actor.id).values(aliases=merged))
        index_actors(conn, [a.id for a in article.actors])

    @staticmethod
    def _drop_orphan_actors(conn, candidates: set[str]) -> None:
        for actor_id in sorted(candidates):
            # Lock first: a writer about to mention this actor then commits before the count.
            conn.execute(select(schema.actors.c.id).where(schema.actors.c.id == actor_id).with_for_update())
            still_used = conn.scalar(
                select(func.count()).select_from(schema.mentions).where(schema.mentions.c.actor_id == actor_id)
            )
            if not still_used:
                unindex_actors(conn, [actor_id])
                conn.execute(delete(schema.actors).where(schema.actors.c.id == actor_id))

    # --- reading ---------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(self._ordered_ids(conn))

    def pipelines(self) -> dict[str, list[str]]:
        """The pipeline (annotator@version list) each article was last stored by."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(schema.articles.c.id, schema.articles.c.pipeline)).all())

    def has_source(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.scalar(select(schema.articles.c.id).where(schema.articles.c.source_sha256 == sha256).limit(1))
                is not None
            )

    def article(self, article_id: str) -> Article:
        with self.engine.connect() as conn:
            return self._load(conn, article_id)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Every article (or these), rebuilt from rows in bulk; their Source carries no raw bytes
        (`article()` reads them, for the commands that show the input)."""
        yield from self.stream(None if ids is None else list(ids))

    def _load(self, conn, article_id: str) -> Article:
        row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        if row is None:
            raise NotFound(
                f"no article with id {article_id!r} in {self.description}",
                hint="list the stored ones with `wirescope articles`",
            )
        src = (
            conn.execute(select(schema.sources).where(schema.sources.c.sha256 == row["source_sha256"])).mappings().one()
        )
        source = Source(src["uri"], src["content_type"], src["sha256"], src["encoding"], src["raw"])
        parts = {
            t.name: [
                dict(r)
                for r in conn.execute(
                    select(t).where(t.c.article_id == article_id).order_by(*self._order(t))
                ).mappings()
            ]
            for t in schema.ARTICLE_TABLES
        }
        actor_ids = {r["actor_id"] for r in parts["mentions"] + parts["roles"] if r["actor_id"]}
        actors = {
            r["id"]: dict(r)
            for r in conn.execute(select(schema.actors).where(schema.actors.c.id.in_(actor_ids))).mappings()
        }
        place_ids = {r["place_id"] for r in parts["place_mentions"]}
        places = {
            r["id"]: dict(r)
            for r in conn.execute(select(schema.places).where(schema.places.c.id.in_(place_ids))).mappings()
        }
        return rows.article_from(dict(row), source, parts, actors, places)

    @staticmethod
    def _order(table) -> list:
        if "seq" in table.c:
            return [table.c.seq]
        return [table.c[c] for c in ("start", "evidence_start") if c in table.c] or [table.c.article_id]

    def actor_rows(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(schema.actors).order_by(schema.actors.c.name)).mappings()]

    def counts(self) -> dict[str, int]:
        """How many of each kind of record the store holds."""
        tables = {
            "articles": schema.articles,
            "actors": schema.actors,
            "quotes": schema.quotes,
            "events": schema.events,
            "times": schema.times,
            "places": schema.places,
        }
        with self.engine.connect() as conn:
            counts = {name: conn.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}
            # Independent reports: syndicated copies of one story count once.
            counts["stories"] = conn.scalar(select(func.count(schema.articles.c.story_id.distinct()))) or 0
            # Articles in a language with no pipeline yet are stored unannotated (run/local.py).
            counts["not annotated (not English)"] = (
                conn.scalar(select(func.count()).select_from(schema.articles).where(schema.articles.c.language != "en"))
                or 0
            )
            return counts

    def story_ids(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        """The story each article belongs to (its syndicated copies share it)."""
        query = select(schema.articles.c.id, schema.articles.c.story_id)
        if article_ids is not None:
            query = query.where(schema.articles.c.id.in_(list(article_ids)))
        with self.engine.connect() as conn:
            return {row.id: row.story_id for row in conn.execute(query)}


def open_store(db: str = "wirescope.db", *, create: bool = True) -> Store:
    """Open the store at a path or URL, migrating it if needed; with `create` (what ingest and
    watch do) a missing one is made. Another application's database is refused before anything
    is written to it, and a store file that cannot be written is opened read-only for reading
    (store/opening.py)."""
    path = sqlite_path(db)
    read_only = False
    if path is not None:
        if not create:
            check_exists(path)
        check_sqlite_file(path)
        read_only = is_read_only(path)
        if read_only and create:
            raise StoreError(
                f"the store {path} is read-only: it can be read, not written",
                hint="make it writable, or give another --db",
            )
    try:
        engine = make_engine(db, read_only)
        if path is None:
            check_engine_is_ours(engine, db)
        if read_only:
            _check_current(engine, db)
        else:
            migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot open the store {db!r}: {exc.__class__.__name__}: {exc}",
            hint="check the path or URL given with --db",
        ) from exc
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"cannot open the store {db!r}: {exc}", hint="PostgreSQL needs: pip install 'wirescope[postgres]'"
        ) from exc
    return Store(engine, db)


def _check_current(engine: Engine, db: str) -> None:
    """A read-only store cannot be migrated: it must already be at the newest schema."""
    with engine.connect() as conn:
        missing = {v for v, _, _ in MIGRATIONS} - applied_versions(conn)
    if missing:
        raise StoreError(
            f"the store {db} is read-only and from an older wirescope (it lacks migrations {sorted(missing)})",
            hint="open it once writable, with ingest, to bring it up to date",
        )


__all__ = ["MEMORY", "Store", "open_store"]
