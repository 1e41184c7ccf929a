"""The tables, written to make sense to a person who opens the file with Datasette or sqlite3.

Offsets (start, end) are character offsets into `articles.text`. Each annotation row also
carries the text it covers, for people reading the tables; the code derives text from offsets.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


def _span(prefix: str = "") -> list[Column]:
    return [Column(f"{prefix}start", Integer), Column(f"{prefix}end", Integer)]


def _participant(prefix: str) -> list[Column]:
    return [Column(f"{prefix}_name", Text), Column(f"{prefix}_id", String(40), index=True), *_span(f"{prefix}_")]


schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("uri", Text, nullable=False),
    Column("content_type", Text, nullable=False),
    Column("encoding", Text),
    Column("size", Integer, nullable=False),
    Column("raw", LargeBinary, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("source_sha256", String(64), ForeignKey("sources.sha256"), nullable=False),
    Column("uri", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", String(10), index=True),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("pipeline", JSON, nullable=False),
    Column("ingested_at", Text, nullable=False),
    # The story (syndicated copies grouped, store/syndication.py); set when the article is stored.
    Column("story_id", String(40), index=True),
)

# Locality-sensitive hashing of each article's MinHash signature: articles sharing a band key are
# candidate copies of each other (store/syndication.py).
article_bands = Table(
    "article_bands",
    metadata,
    _article_fk(),
    Column("band", Integer, nullable=False),
    Column("key", String(16), nullable=False),
    Index("ix_article_bands_band_key", "band", "key"),
)

removed = Table(
    "removed",
    metadata,
    _article_fk(),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
    *_span(),
)

repairs = Table(
    "repairs",
    metadata,
    _article_fk(),
    Column("seq", Integer, nullable=False),
    *_span(),
    Column("before", Text, nullable=False),
    Column("after", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("confidence", Float),  # how sure the registry is of this actor's id (annotate/actors/names.py)
    Column("reason", Text),  # why: curated alias, full name in the article, single name...
    # Set when the registry finds this actor to be another stored one ("Mujahid" alone in one
    # article, "Zabihullah Mujahid" in another); recomputed from the whole store on every save.
    Column("merged_into", String(40), index=True),
    Column("merge_confidence", Float),
    Column("merge_reason", Text),
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("seq", Integer, nullable=False),
    *_span(),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("actor_id", String(40), index=True),
)

roles = Table(
    "roles",
    metadata,
    _article_fk(),
    Column("actor_id", String(40), nullable=False, index=True),
    Column("role", Text, nullable=False),
    *_span(),
)

relations = Table(
    "relations",
    metadata,
    _article_fk(),
    Column("subject_id", String(40), nullable=False, index=True),
    Column("relation", String(32), nullable=False),
    Column("object_id", String(40), nullable=False, index=True),
    *_span(),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(40), primary_key=True),
    _article_fk(),
    Column("kind", String(10), nullable=False),
    *_span(),
    Column("text", Text, nullable=False),
    *_participant("speaker"),
    *_span("cue_"),
    Column("venue", Text),
    Column("medium", Text),
    Column("date", String(16)),
    # Its article's publication day, '' when unknown: what listings order and filter quotes by.
    Column("day", String(10), nullable=False, server_default=""),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    _article_fk(),
    Column("type", String(12), nullable=False, index=True),
    Column("mode", Text),
    Column("modality", String(16), nullable=False, index=True),
    Column("historical", Boolean, nullable=False),
    *_span("evidence_"),
    Column("evidence_text", Text, nullable=False),
    *_participant("actor"),
    *_participant("target"),
    *_participant("place"),
    *_participant("source"),
    Column("time_value", String(16)),
    Column("time_precision", String(8)),
    Column("fatalities", Integer),
    Column("injured", Integer),
    # The day the event is placed on: its own when the text gives a full day, else its article's
    # publication day; '' when neither is known. Listings order and filter events by it.
    Column("day", String(10), nullable=False, server_default=""),
    # What the report counts by, derived from the columns above when the row is written
    # (store/rows.py `report_columns`; migration 17 fills them for rows stored before), so that
    # counting a million events compares stored values instead of computing them per row:
    # in_period: not historical, and not dated in a year before its day (not recalled);
    # named: a doer or a target is named; group_key: the event group (same type, day, doer,
    # target and place; store/digest.py).
    Column("in_period", Boolean),
    Column("named", Boolean),
    Column("group_key", String(24)),
    # The event record this mention belongs to (event_records.mentions holds the same), so that
    # its event cluster (event_clusters, keyed by record) is one join away.
    Column("record_id", String(40)),
)

# One real-world event per row, grouping the `events` rows (mentions) that tell of it. Its arguments
# are kept whole in `arguments` (role, value, normalized, filled_from, start, end); the ids, day
# and counts are columns too, for listings to filter on.
event_records = Table(
    "event_records",
    metadata,
    Column("id", String(40), primary_key=True),
    _article_fk(),
    Column("type", String(12), nullable=False, index=True),
    Column("mode", Text),
    Column("modality", String(16), nullable=False, index=True),
    Column("historical", Boolean, nullable=False),
    *_span("evidence_"),
    Column("evidence_text", Text, nullable=False),
    Column("mentions", JSON, nullable=False),  # the ids of its events rows, in text order
    Column("arguments", JSON, nullable=False),
    Column("actor_id", String(40), index=True),
    Column("target_id", String(40), index=True),
    Column("place_id", String(40), index=True),
    Column("date_value", String(16)),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("captured", Integer),
    Column("time_precision", Integer, nullable=False),
    Column("geo_precision", Integer),
    # As events.day: its date when a full day, else its article's publication day, '' when neither.
    Column("day", String(10), nullable=False, server_default=""),
)

times = Table(
    "times",
    metadata,
    Column("id", String(40), primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("value", String(32)),
    Column("type", String(10), nullable=False),
    Column("anchored", Boolean, nullable=False),
    Column("mod", String(16)),
)

places = Table(
    "places",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("geonames_id", Integer),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature", Text),
    Column("precision", Integer),
    Column("anchor_id", String(40)),
    Column("offset_km", Float),
    Column("bearing", Float),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    _article_fk(),
    Column("place_id", String(40), ForeignKey("places.id"), nullable=False, index=True),
    *_span(),
    Column("text", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("predicate", Text, nullable=False),
    Column("polarity", Boolean, nullable=False),  # False when the claimant denies the proposition
    *_participant("source"),  # the claimant (Claim.claimant); NULL: unattributed
    # Migration 11 (claims with stance and normalised form); CLAIM_COLUMNS lists them.
    *_span("cue_"),
    Column("stance", String(10), nullable=False, server_default="asserts"),
    *_span("stance_"),
    Column("kind", String(12), nullable=False, server_default="statement"),
    Column("subject_id", String(40)),
    *_span("subject_"),
    *_participant("object"),
    *_participant("place"),
    Column("time_value", String(32)),
    *_span("time_"),
    Column("count", Integer),
    *_span("count_"),
    Column("modality", String(16), nullable=False, server_default="asserted"),
    Column("date", String(16)),
    Column("event_id", String(40)),
    Column("quote_id", String(40)),
    Column("proposition_id", String(40), index=True),  # set by resolve/claims.py across articles
)
CLAIM_COLUMNS = tuple(
    c
    for c in claims.columns
    if c.name not in ("id", "article_id", "start", "end", "text", "subject", "predicate", "polarity")
    and not c.name.startswith("source_")
)

# Claims across articles found to be one proposition (resolve/claims.py); recomputed after each batch.
propositions = Table(
    "propositions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("label", Text, nullable=False),
    Column("contested", Boolean, nullable=False),
    Column("claims", Integer, nullable=False),
    # independent stories summed over its sides when it was last resolved (migration 19): contested
    # points are read best-backed first through ix_propositions_ranked, a few at a time
    Column("stories", Integer, nullable=False, server_default="0"),
)
Index("ix_propositions_ranked", propositions.c.contested, propositions.c.stories.desc(), propositions.c.id)

claim_links = Table(
    "claim_links",
    metadata,
    Column("proposition_id", String(40), ForeignKey("propositions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("claim_id", String(40), nullable=False, index=True),
    Column("other_id", String(40), nullable=False, index=True),
    Column("relation", String(12), nullable=False),  # agrees, contradicts, related
    Column("reason", Text, nullable=False),
)

# Incremental claim resolution (store/claim_links.py, migration 15): each claim's blocking keys
# ("s" + predicate and place or subject; "w" + a content word), the vectors resolution has
# computed (float32, each claim embedded once), and what a save left to resolve: its article, and
# the propositions its earlier claims belonged to (so a re-saved article's old groups are redone).
claim_keys = Table(
    "claim_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("claim_id", String(40), primary_key=True, index=True),
    _article_fk(),
)
claim_vectors = Table(
    "claim_vectors",
    metadata,
    Column("claim_id", String(40), primary_key=True),
    _article_fk(),
    Column("vector", LargeBinary, nullable=False),
)
claim_resolution_queue = Table(
    "claim_resolution_queue",
    metadata,
    Column("kind", String(12), primary_key=True),  # article, proposition
    Column("id", String(40), primary_key=True),
)

Index("ix_events_time", events.c.time_value)
# Listings: keyset pages in (day, id) order, narrowed by one indexed filter (store/selection.py).
LISTING_INDEXES = (
    Index("ix_events_day_id", events.c.day, events.c.id),
    Index("ix_events_type_day_id", events.c.type, events.c.day, events.c.id),
    Index("ix_events_modality_day_id", events.c.modality, events.c.day, events.c.id),
    Index("ix_quotes_day_id", quotes.c.day, quotes.c.id),
    Index("ix_quotes_kind_day_id", quotes.c.kind, quotes.c.day, quotes.c.id),
    Index("ix_articles_day_id", func.coalesce(articles.c.published, ""), articles.c.id),
    Index("ix_places_name", places.c.name),
    Index("ix_times_article_start", times.c.article_id, times.c.start),
)

# The report's counts (store/digest.py) read these indexes alone, never the table (migration 17).
# What happened (modality, in_period) is one range of the first, grouped by type, day and
# group_key in index order with no sort, with what the exclusions and the story counts need; the
# tally reads it whole, in the same order. The second gives the map its places in place order.
_REPORT_KEY = ("modality", "in_period", "type", "day", "group_key", "named", "historical", "article_id", "actor_id")
_REPORT_TAIL = ("fatalities", "record_id", "id")
REPORT_INDEXES = (
    Index("ix_events_report", *(events.c[c] for c in (*_REPORT_KEY, "place_id", *_REPORT_TAIL))),
    Index("ix_events_report_place", events.c.place_id, events.c.in_period, events.c.modality, events.c.article_id),
    # The scope's sizes (articles, stories, publishers, first and last day) without reading texts.
    Index("ix_articles_report", articles.c.published, articles.c.publisher, articles.c.story_id, articles.c.id),
)

# A report for one place (migration 18): its events are one range of the first (ix_events_report
# with the place first: the tally and the key-event groups of a place read no event rows); its
# quotes and articles are scoped by the articles that mention the place, read from the second
# alone; the speakers' quotes by speaker, with the article (to check it is in scope) and the
# quote id, and by article with the speaker (the most quoted in the scope's articles), so that
# counting and picking a speaker's quotes read no quote rows.
SCOPE_INDEXES = (
    Index("ix_events_report_by_place", *(events.c[c] for c in ("place_id", *_REPORT_KEY, *_REPORT_TAIL))),
    Index("ix_place_mentions_report", place_mentions.c.place_id, place_mentions.c.article_id),
    Index("ix_quotes_report", quotes.c.speaker_id, quotes.c.article_id, quotes.c.id),
    Index("ix_quotes_scope", quotes.c.article_id, quotes.c.speaker_id),
)

# Record listings, in (day, id) order: made by migration 9 (not with LISTING_INDEXES, which migration 8 makes).
EVENT_RECORD_INDEXES = (
    Index("ix_event_records_day_id", event_records.c.day, event_records.c.id),
    Index("ix_event_records_type_day_id", event_records.c.type, event_records.c.day, event_records.c.id),
)

# What `wirescope watch` knows of each feed: validators for conditional requests, entries seen.
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("polled_at", Text),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", Text, ForeignKey("feeds.url", ondelete="CASCADE"), primary_key=True),
    Column("entry_key", Text, primary_key=True),
    Column("seen_at", Text, nullable=False),
)

# The cross-article actor registry's blocking keys (resolve/actors.py `blocking_keys`): two stored
# actors the merge rules could ever compare share a key, so linking a batch reads only the actors
# that share a key with it. Keys touched by a save wait in actor_link_queue until the next link,
# written in the save's own transaction, so a crash between saving and linking loses nothing.
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("actor_id", String(40), primary_key=True, index=True),
)

actor_link_queue = Table(
    "actor_link_queue",
    metadata,
    Column("key", String(200), primary_key=True),
)

# Articles stored since their events were last resolved across articles (store/event_links.py).
# The save queues its article in its own transaction and `resolve_events` takes it off in the
# resolution's, so an article whose resolution a crash cut short is resolved by the next run,
# even when that run does not store the article again.
event_resolution_queue = Table(
    "event_resolution_queue",
    metadata,
    Column("article_id", String(40), primary_key=True),
)

# Human corrections (corrections/): an append-only log, apart from machine output. No foreign key
# to articles: a correction outlives the article it names (it is then listed as orphaned), and
# nothing a machine run writes touches these rows (migration 10 adds triggers refusing UPDATE and
# DELETE). The anchor is a W3C text-quote selector (exact, prefix, suffix) with the offsets the
# text had when the correction was made.
corrections = Table(
    "corrections",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(24), nullable=False, index=True),  # event, quote, mention, time, place, actor...
    Column("article_id", String(40), index=True),  # None for cross-article targets (an actor)
    Column("annotation_id", Text),  # the annotation's id when the correction was made
    Column("field", Text, nullable=False),  # the field corrected; "*" for the whole annotation
    Column("action", String(8), nullable=False),  # set, reject, add, confirm
    Column("machine", JSON),  # the machine value it replaced, as shown then
    Column("value", JSON),  # the new value (set), the new annotation's fields (add)
    Column("exact", Text),
    Column("prefix", Text),
    Column("suffix", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("author", Text, nullable=False),
    Column("created", Text, nullable=False),  # ISO 8601, UTC
    Column("reason", Text, nullable=False),
)

# What each correction did to an article when it was last stored: derived, rewritten on every save.
reviews = Table(
    "reviews",
    metadata,
    _article_fk(),
    Column("seq", Integer, nullable=False),
    Column("correction_id", String(40), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("action", String(8), nullable=False),
    Column("field", Text, nullable=False),
    Column("status", String(12), nullable=False),  # applied, orphaned, unmatched
    Column("annotation_id", Text),
    *_span(),
    Column("machine", JSON),
)

# Tables holding one article's annotations: replaced whole when the article is stored again.
ARTICLE_TABLES = (
    removed,
    repairs,
    mentions,
    roles,
    relations,
    quotes,
    events,
    times,
    place_mentions,
    claims,
    event_records,
    reviews,
)


# --- one event, many reports (resolve/events.py; written by store/event_links.py) ---------------
# What the resolver compares of each stored event record (event_id holds the record's id: one
# report per real-world event of an article, migration 16), with its blocking keys: candidates for a new
# event are found through (type, happened, day) and (type, happened, admin1, day), never by a scan.
event_reports = Table(
    "event_reports",
    metadata,
    Column("event_id", String(40), primary_key=True),
    _article_fk(),
    Column("type", String(12), nullable=False),
    Column("happened", Boolean, nullable=False),
    Column("day", String(10), nullable=False),  # '' when the event has no day: it is never linked
    Column("admin1", Text, nullable=False),  # '' when unknown: such an event is a candidate in any admin1
    Column("facts", JSON, nullable=False),  # trigger, participants, times, places (resolve/event_reports.py)
    Column("vectors", LargeBinary),  # float16 trigger, sentence and document vectors; NULL without the encoder
)
# event_id last: candidates are read in (day, event_id) order straight off the index, and a capped
# read stops early however many reports share the block.
Index(
    "ix_event_reports_block",
    event_reports.c.type,
    event_reports.c.happened,
    event_reports.c.day,
    event_reports.c.event_id,
)
Index(
    "ix_event_reports_block_admin1",
    event_reports.c.type,
    event_reports.c.happened,
    event_reports.c.admin1,
    event_reports.c.day,
    event_reports.c.event_id,
)

# A pair of reports found to be one event: the model's probability and the features that decided it.
event_links = Table(
    "event_links",
    metadata,
    Column("event_id", String(40), primary_key=True),  # the smaller id of the pair
    Column("other_id", String(40), primary_key=True, index=True),
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),
)

# The event cluster of every resolved report: the connected reports of event_links, named by the
# smallest event id among them (the same reports make the same cluster, whatever the order).
event_clusters = Table(
    "event_clusters",
    metadata,
    Column("event_id", String(40), primary_key=True),
    Column("cluster_id", String(40), nullable=False, index=True),
)
