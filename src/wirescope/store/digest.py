"""What the analyst's desk and the report count, in SQL: what happened, where, who says so.

An *event group* here is the stored events that share a PLOVER type, a day, a doer, a target and
a place (ids where resolved, else the names as written): `events.group_key`, computed when the
row is written, as are `in_period` and `named` (store/rows.py `report_columns`), so that the
counts below read the report indexes (schema.py `REPORT_INDEXES`) and compare stored values.
Syndicated copies of one story, and other outlets' reports of the same event, fall into one
group; its weight is the number of independent stories (distinct `articles.story_id`) that
report it. Groups stand in for the cross-document event clusters (resolve/) where events have
not been resolved: a group does not join two reports that name the doer differently or date
the event a day apart; a cluster does (`key_event_clusters`, `cluster_reports`). `happened`
means the text asserts the event took place and does not recall it from the past
(docs/record.md); an event whose own date lies in a year before its article's is taken as
recalled even when the annotator did not mark it historical.

Every function takes the Filter the listings take, so a chart, a map and a list on one page all
count the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, case, false, func, not_, or_, select, true, tuple_
from sqlalchemy.sql.elements import ColumnElement

from wirescope.store import schema
from wirescope.store.filters import Filter
from wirescope.store.selection import conditions

Row = dict[str, Any]
E, A = schema.events, schema.articles
R, C = schema.event_records, schema.event_clusters
JOINED = 4  # clusters read per key-event candidate asked for, the largest first
# An article not (yet) assigned to a story (a bulk load assigns them after) is a story of its own.
STORY = func.coalesce(A.c.story_id, A.c.id)
# Modalities that put an event forward as having happened (stated, claimed or reported).
AFFIRMING = ("asserted", "claimed", "reported", "unconfirmed")
# How grave a type of event is, for ranking groups with as many stories (PLOVER's own ordering of
# material conflict before verbal conflict before cooperation); unlisted types rank lowest.
SEVERITY: dict[str, int] = {
    "ASSAULT": 9,
    "COERCE": 8,
    "SANCTION": 7,
    "MOBILIZE": 6,
    "THREATEN": 5,
    "PROTEST": 5,
    "REJECT": 4,
    "ACCUSE": 4,
    "RETREAT": 3,
    "AID": 3,
    "SUPPORT": 2,
    "CONSULT": 2,
    "AGREE": 2,
    "COOPERATE": 2,
    "CONCEDE": 2,
    "REQUEST": 1,
}


def happened() -> ColumnElement[bool]:
    """Asserted, and in the period (`in_period`: not historical, not dated in an earlier year than
    its day), as stored with the row (store/rows.py `report_columns`)."""
    return and_(E.c.modality == "asserted", E.c.in_period.is_(True))


def record_happened() -> ColumnElement[bool]:
    """As `happened`, for an event record (asserted when one of its mentions asserts it)."""
    recalled_record = and_(
        R.c.date_value.is_not(None), R.c.day != "", func.substr(R.c.date_value, 1, 4) < func.substr(R.c.day, 1, 4)
    )
    return and_(R.c.modality == "asserted", R.c.historical.is_(False), not_(recalled_record))


def _severity(table) -> ColumnElement[int]:
    return case(*((table.c.type == t, n) for t, n in SEVERITY.items()), else_=0)


def _group_columns() -> list[ColumnElement]:
    # group_key is a hash of these two and the doer, target and place keys (store/rows.py); they
    # are grouped by as well, to be read back.
    return [E.c.type, E.c.day, E.c.group_key]


def _scoped(conn: Connection, f: Filter) -> list[ColumnElement]:
    return conditions(conn, "events", f)


def _not_dead(dead: Mapping[str, str], table=E) -> ColumnElement[bool]:
    """Events whose doer had died before the event's day are left out (a recalled or misattributed event)."""
    if not dead:
        return true()
    t = table.c
    # A doer with no actor id is no dead actor (without the IS NULL, NULL = id would drop the row).
    dead_doer = or_(*(and_(t.actor_id == actor, t.day > died) for actor, died in sorted(dead.items())))
    return or_(t.actor_id.is_(None), not_(dead_doer))


def _not_among(column: ColumnElement, ids: frozenset[str]) -> ColumnElement[bool]:
    return or_(column.is_(None), column.not_in(sorted(ids))) if ids else true()


def happened_per_day_by_type(conn: Connection, f: Filter) -> list[Row]:
    """[{"day", "type", "events"}]: event groups that happened, by day and type, in day order."""
    query = (
        select(E.c.day, E.c.type, func.count(E.c.group_key.distinct()).label("events"))
        .where(*_scoped(conn, f), happened(), E.c.day != "")
        .group_by(E.c.type, E.c.day)
        .order_by(E.c.day, E.c.type)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def key_event_groups(
    conn: Connection,
    f: Filter,
    limit: int,
    dead: Mapping[str, str] | None = None,
    not_actors: frozenset[str] = frozenset(),
) -> list[Row]:
    """Candidates for the key events: the event groups that happened, most reporting articles
    first, then the gravest: [{"type", "day", "articles", "reports", "fatalities", "event_id"}]
    (`event_id`: the group's first event, which stands for it). Counted without reading
    `articles` (a join per event is what costs at a million events); the caller ranks a few times
    `limit` of them by independent stories (group_members gives each member's story). Groups
    naming neither doer nor target are left out, and so are events done by a dead actor (`dead`:
    id -> death day) or by one of `not_actors`."""
    cols = _group_columns()
    severity = _severity(E)
    stories = func.count(E.c.article_id.distinct())
    fatalities = func.coalesce(func.max(E.c.fatalities), 0)
    query = (
        select(
            *cols,
            stories.label("articles"),
            func.count().label("reports"),
            fatalities.label("fatalities"),
            func.min(E.c.id).label("event_id"),
            func.max(severity).label("severity"),
        )
        .where(
            *_scoped(conn, f),
            happened(),
            E.c.day != "",
            E.c.named.is_(True),
            _not_dead(dead or {}),
            _not_among(E.c.actor_id, not_actors),
        )
        .group_by(*cols)
        .order_by(stories.desc(), fatalities.desc(), func.max(severity).desc(), E.c.day, func.min(E.c.id))
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def group_members(conn: Connection, event_ids: list[str]) -> dict[str, list[Row]]:
    """For each of these events, the events of its group with their article, story and publisher,
    and the event cluster of their record (`cluster_id`, None when it has not been resolved).

    Read through the report index by (type, day, group key)."""
    if not event_ids:
        return {}
    cols = _group_columns()
    names = [c.name for c in cols]
    heads = {
        r["id"]: tuple(r[n] for n in names)
        for r in conn.execute(select(E.c.id, *cols).where(E.c.id.in_(event_ids))).mappings()
    }
    if not heads:
        return {}
    wanted = sorted(set(heads.values()))
    query = (
        select(E.c.id, E.c.article_id, A.c.story_id, A.c.publisher, A.c.title, A.c.published, C.c.cluster_id, *cols)
        .select_from(E.join(A, A.c.id == E.c.article_id).outerjoin(C, C.c.event_id == E.c.record_id))
        .where(happened(), tuple_(*cols).in_(wanted))
        .order_by(A.c.published, E.c.id)
    )
    by_key: dict[tuple, list[Row]] = {}
    for r in conn.execute(query).mappings():
        by_key.setdefault(tuple(r[n] for n in names), []).append(dict(r))
    return {head: by_key.get(key, []) for head, key in heads.items()}


def _record_scope(
    conn: Connection, f: Filter, dead: Mapping[str, str] | None, not_actors: frozenset[str]
) -> list[ColumnElement]:
    """The event records of the scope that happened, dated, with no dead or outlet doer."""
    where = [*conditions(conn, "event_records", f), record_happened(), R.c.day != ""]
    return [*where, _not_dead(dead or {}, R), _not_among(R.c.actor_id, not_actors)]


def key_event_clusters(
    conn: Connection,
    f: Filter,
    limit: int,
    dead: Mapping[str, str] | None = None,
    not_actors: frozenset[str] = frozenset(),
) -> list[Row]:
    """Candidates for the key events among the cross-document event clusters (resolve/events.py,
    store/event_links.py) of more than one report: [{"cluster_id", "stories", "fatalities",
    "severity", "day"}], most independent stories first, counting only the clusters' records of
    the scope that happened. A cluster of one report is found through its event's group
    (`key_event_groups`), so only the clusters that join most reports (JOINED times `limit`,
    counted on the cluster index alone) are read here: the cost follows how many reports the
    resolver joined, not how many events the store holds."""
    size = func.count()
    joined = list(
        conn.scalars(
            select(C.c.cluster_id)
            .group_by(C.c.cluster_id)
            .having(size > 1)
            .order_by(size.desc(), C.c.cluster_id)
            .limit(limit * JOINED)
        )
    )
    if not joined:
        return []
    stories = func.count(STORY.distinct())
    fatalities = func.coalesce(func.max(R.c.fatalities), 0)
    query = (
        select(
            C.c.cluster_id,
            stories.label("stories"),
            fatalities.label("fatalities"),
            func.max(_severity(R)).label("severity"),
            func.min(R.c.day).label("day"),
        )
        .select_from(C.join(R, R.c.id == C.c.event_id).join(A, A.c.id == R.c.article_id))
        .where(*_record_scope(conn, f, dead, not_actors), C.c.cluster_id.in_(joined))
        .group_by(C.c.cluster_id)
        .order_by(stories.desc(), fatalities.desc(), func.max(_severity(R)).desc(), func.min(R.c.day), C.c.cluster_id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def cluster_reports(
    conn: Connection,
    cluster_ids: list[str],
    f: Filter,
    dead: Mapping[str, str] | None = None,
    not_actors: frozenset[str] = frozenset(),
) -> dict[str, list[Row]]:
    """For each of these clusters, the event mentions of its records of the scope that happened,
    with their record's day, toll and type and their article, story and publisher, earliest
    article first: [{"cluster_id", "record_id", "id", "article_id", "story_id", "publisher",
    "title", "published", "day", "type", "fatalities", "actor_name", "target_name", "place_name",
    "happened"}] (`happened`: the mention itself asserts the event; its record does when one does)."""
    if not cluster_ids:
        return {}
    records = (
        select(
            C.c.cluster_id,
            R.c.id.label("record_id"),
            R.c.mentions,
            R.c.day,
            R.c.type,
            R.c.fatalities,
            R.c.article_id,
            A.c.story_id,
            A.c.publisher,
            A.c.title,
            A.c.published,
        )
        .select_from(C.join(R, R.c.id == C.c.event_id).join(A, A.c.id == R.c.article_id))
        .where(*_record_scope(conn, f, dead, not_actors), C.c.cluster_id.in_(sorted(set(cluster_ids))))
        .order_by(A.c.published, R.c.article_id, R.c.id)
    )
    found = [dict(r) for r in conn.execute(records).mappings()]
    mention_ids = sorted({m for r in found for m in r["mentions"]})
    names = {
        r["id"]: r
        for r in conn.execute(
            select(E.c.id, E.c.actor_name, E.c.target_name, E.c.place_name, happened().label("happened")).where(
                E.c.id.in_(mention_ids)
            )
        ).mappings()
    }
    out: dict[str, list[Row]] = {}
    for r in found:
        for m in r.pop("mentions"):
            if m in names:
                out.setdefault(r["cluster_id"], []).append({**r, **names[m]})
    return out


def _reasons(dead: Mapping[str, str], not_actors: frozenset[str]) -> dict[str, ColumnElement[bool]]:
    dead_doer = not_(_not_dead(dead)) if dead else false()
    outlet = not_(_not_among(E.c.actor_id, not_actors)) if not_actors else false()
    return {
        "happened": happened(),
        "not_asserted": E.c.modality != "asserted",
        "recalled": and_(E.c.modality == "asserted", E.c.in_period.is_(False)),
        "dead_actor": and_(E.c.historical.is_(False), dead_doer),
        "outlet_actor": and_(happened(), outlet),
        "nameless": and_(happened(), E.c.named.is_(False)),
        "undated": and_(happened(), E.c.day == ""),
    }


def tally(conn: Connection, f: Filter, dead: Mapping[str, str], not_actors: frozenset[str]) -> list[Row]:
    """Per event type, in one scan: how many events, how many happened, how many are left out of
    "what happened" for each reason, and the death tolls of those that happened:
    [{"type", "events", "happened", "not_asserted", ..., "fatalities"}], commonest type first.

    Counted per (modality, in_period, type), the report index's order, so the scan needs no
    sort, and summed per type here."""
    columns = [E.c.type, func.count().label("events")]
    columns += [func.sum(case((cond, 1), else_=0)).label(name) for name, cond in _reasons(dead, not_actors).items()]
    columns.append(func.sum(case((happened(), E.c.fatalities), else_=0)).label("fatalities"))
    query = select(*columns).where(*_scoped(conn, f)).group_by(E.c.modality, E.c.in_period, E.c.type)
    by_type: dict[str, Row] = {}
    for r in conn.execute(query).mappings():
        row = by_type.setdefault(r["type"], {"type": r["type"]})
        for name, value in r.items():
            if name != "type":
                row[name] = row.get(name, 0) + int(value or 0)
    return sorted(by_type.values(), key=lambda r: (-r["events"], r["type"]))


def count_left_out(conn: Connection, f: Filter, dead: Mapping[str, str], not_actors: frozenset[str]) -> Row:
    """How many events of the scope are not shown as having happened, by reason (one scan)."""
    return left_out_of(tally(conn, f, dead, not_actors))


def left_out_of(rows: list[Row]) -> Row:
    """The tally's counts summed over types."""
    names = ("events", *_reasons({}, frozenset()))
    return {name: sum(r[name] for r in rows) for name in names}


def happened_of(rows: list[Row]) -> list[Row]:
    """The tally as [{"type", "events", "fatalities"}] of events that happened, commonest first."""
    shown = [{"type": r["type"], "events": r["happened"], "fatalities": r["fatalities"]} for r in rows if r["happened"]]
    return sorted(shown, key=lambda r: (-r["events"], r["type"]))


def fatality_reports(conn: Connection, f: Filter, limit: int = 20) -> list[Row]:
    """Events that give a death toll (any modality but historical), highest first, with who says so."""
    query = (
        select(E.c.id, E.c.type, E.c.modality, E.c.fatalities, E.c.source_name, E.c.place_name, E.c.day)
        .where(*_scoped(conn, f), E.c.fatalities.is_not(None), E.c.fatalities > 0, E.c.historical.is_(False))
        .order_by(E.c.fatalities.desc(), E.c.id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def place_stories(conn: Connection, f: Filter, limit: int = 200) -> list[Row]:
    """Located places of the scope's events (not recalled ones), most independent stories first:
    [{"id", "name", "latitude", "longitude", "stories", "events", "happened"}]. The places most
    reported by articles are taken first without reading `articles` (a few times `limit`), then
    counted by story."""
    p = schema.places
    where = [*_scoped(conn, f), E.c.in_period.is_(True), E.c.place_id.is_not(None)]
    candidates = list(
        conn.scalars(
            select(E.c.place_id)
            .where(*where)
            .group_by(E.c.place_id)
            .order_by(func.count(E.c.article_id.distinct()).desc(), E.c.place_id)
            .limit(limit * 3)
        )
    )
    if not candidates:
        return []
    happened_n = func.sum(case((happened(), 1), else_=0))
    stories = func.count(STORY.distinct())
    query = (
        select(
            p.c.id,
            p.c.name,
            p.c.latitude,
            p.c.longitude,
            stories.label("stories"),
            func.count().label("events"),
            happened_n.label("happened"),
        )
        .select_from(E.join(A, A.c.id == E.c.article_id).join(p, p.c.id == E.c.place_id))
        .where(*where, E.c.place_id.in_(candidates), p.c.latitude.is_not(None))
        .group_by(p.c.id, p.c.name, p.c.latitude, p.c.longitude)
        .order_by(stories.desc(), func.count().desc(), p.c.name)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def top_speakers(conn: Connection, f: Filter, limit: int = 10) -> list[Row]:
    """Resolved speakers, most independent stories first: [{"id", "name", "quotes", "stories"}]
    (the most quoting articles' speakers first, without reading `articles`, then by story)."""
    q, actors = schema.quotes, schema.actors
    where = [*conditions(conn, "quotes", f.scope()), q.c.speaker_id.is_not(None)]
    candidates = list(
        conn.scalars(
            select(q.c.speaker_id)
            .where(*where)
            .group_by(q.c.speaker_id)
            .order_by(func.count().desc(), q.c.speaker_id)
            .limit(limit * 3)
        )
    )
    if not candidates:
        return []
    stories = func.count(STORY.distinct())
    query = (
        select(actors.c.id, actors.c.name, func.count().label("quotes"), stories.label("stories"))
        .select_from(q.join(A, A.c.id == q.c.article_id).join(actors, actors.c.id == q.c.speaker_id))
        .where(*where, q.c.speaker_id.in_(candidates))
        .group_by(actors.c.id, actors.c.name)
        .order_by(stories.desc(), func.count().desc(), actors.c.name)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def speaker_quote_ids(conn: Connection, f: Filter, speaker_ids: list[str], per_speaker: int) -> list[Row]:
    """A few quotes of each of these speakers in the scope, their first by (article id, quote id):
    [{"id", "article_id", "speaker_id"}].

    One statement for all of them, numbered per speaker in the order of the speaker-first index
    (schema.py `ix_quotes_report`), so nothing is sorted and the scope (a place's articles, say)
    is gathered once, not once a speaker (docs/benchmarks.md: the report for one place)."""
    if not speaker_ids:
        return []
    q = schema.quotes
    scope = conditions(conn, "quotes", replace(f.scope(), actor=None))
    n = func.row_number().over(partition_by=q.c.speaker_id, order_by=(q.c.article_id, q.c.id)).label("n")
    numbered = select(q.c.id, q.c.article_id, q.c.speaker_id, n).where(*scope, q.c.speaker_id.in_(speaker_ids))
    inner = numbered.subquery()
    query = (
        select(inner.c.id, inner.c.article_id, inner.c.speaker_id)
        .where(inner.c.n <= per_speaker)
        .order_by(inner.c.speaker_id, inner.c.n)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def newest_articles(conn: Connection, f: Filter, limit: int = 10) -> list[Row]:
    query = (
        select(A.c.id, A.c.title, A.c.publisher, A.c.published, A.c.story_id, A.c.url)
        .where(*conditions(conn, "articles", f.scope()))
        .order_by(func.coalesce(A.c.published, "").desc(), A.c.id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def scope_sizes(conn: Connection, f: Filter) -> Row:
    """How many articles, stories and publishers the scope's articles are."""
    where = conditions(conn, "articles", f.scope())
    row = conn.execute(
        select(
            func.count().label("articles"),
            func.count(STORY.distinct()).label("stories"),
            func.count(A.c.publisher.distinct()).label("publishers"),
            func.min(A.c.published).label("first"),
            func.max(A.c.published).label("last"),
        ).where(*where)
    ).mappings()
    return dict(row.one())


def publishers(conn: Connection, f: Filter, limit: int = 200) -> list[Row]:
    """[{"publisher", "articles", "stories"}], most articles first (the filter bar's choices)."""
    where = [*conditions(conn, "articles", f.scope()), A.c.publisher.is_not(None), A.c.publisher != ""]
    query = (
        select(
            A.c.publisher,
            func.count().label("articles"),
            func.count(STORY.distinct()).label("stories"),
        )
        .where(*where)
        .group_by(A.c.publisher)
        .order_by(func.count().desc(), A.c.publisher)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def outlet_actor_ids(conn: Connection) -> frozenset[str]:
    """Actors that are the publisher of a stored article: a newspaper named as an event's doer is
    the reporter of the event ("the Courier reported an attack"), not a party to it."""
    names = select(func.lower(A.c.publisher)).where(A.c.publisher.is_not(None)).distinct()
    actors = schema.actors
    return frozenset(conn.scalars(select(actors.c.id).where(func.lower(actors.c.name).in_(names))))


def doers(conn: Connection, f: Filter) -> list[Row]:
    """The resolved persons who do events of the scope (not recalled ones): [{"id", "name", "last_day"}]."""
    actors = schema.actors
    last = (
        select(E.c.actor_id, func.max(E.c.day).label("last_day"))
        .where(*_scoped(conn, f), E.c.historical.is_(False), E.c.actor_id.is_not(None))
        .group_by(E.c.actor_id)
        .subquery()
    )
    query = select(actors.c.id, actors.c.name, last.c.last_day).join(last, last.c.actor_id == actors.c.id)
    return [dict(r) for r in conn.execute(query.where(actors.c.type == "PERSON")).mappings()]


def persons(conn: Connection) -> list[Row]:
    """Every stored person actor: [{"id", "name"}] (lifespans checks their names against the dead)."""
    actors = schema.actors
    return [
        dict(r) for r in conn.execute(select(actors.c.id, actors.c.name).where(actors.c.type == "PERSON")).mappings()
    ]


def last_days(conn: Connection, f: Filter, actor_ids: list[str]) -> dict[str, str]:
    """The last day each of these actors does an event of the scope (not a recalled one)."""
    if not actor_ids:
        return {}
    query = (
        select(E.c.actor_id, func.max(E.c.day))
        .where(*_scoped(conn, f), E.c.actor_id.in_(actor_ids), E.c.historical.is_(False))
        .group_by(E.c.actor_id)
    )
    return {actor: day for actor, day in conn.execute(query).all() if day}
