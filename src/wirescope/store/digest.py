"""What the analyst's desk and the report count, in SQL: what happened, where, who says so.

An *event group* here is the stored events that share a PLOVER type, a day, a doer, a target and
a place (ids where resolved, else the names as written). Syndicated copies of one story, and
other outlets' reports of the same event, fall into one group; its weight is the number of
independent stories (distinct `articles.story_id`) that report it. This is a stand-in for the
cross-document event clusters (resolve/): it does not join two reports that name the doer
differently or date the event a day apart. `happened` means the text asserts the event took place
and does not recall it from the past (docs/record.md); an event whose own date lies in a year
before its article's is taken as recalled even when the annotator did not mark it historical.

Every function takes the Filter the listings take, so a chart, a map and a list on one page all
count the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, and_, case, false, func, not_, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from wirescope.store import schema
from wirescope.store.filters import Filter
from wirescope.store.selection import conditions

Row = dict[str, Any]
E, A = schema.events, schema.articles
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


def recalled() -> ColumnElement[bool]:
    """The event's own date is in an earlier year than the day it is placed on (its article's)."""
    return and_(
        E.c.time_value.is_not(None),
        E.c.day != "",
        func.substr(E.c.time_value, 1, 4) < func.substr(E.c.day, 1, 4),
    )


def happened() -> ColumnElement[bool]:
    return and_(E.c.modality == "asserted", E.c.historical.is_(False), not_(recalled()))


def _who(prefix: str) -> ColumnElement:
    """A participant as a grouping key: its actor or place id, else its name as written."""
    return func.coalesce(E.c[f"{prefix}_id"], func.lower(func.trim(E.c[f"{prefix}_name"])), "")


def _group_columns() -> list[ColumnElement]:
    # An event naming no doer, target or place would join every such event of its type and day:
    # it stays in a group of its own story.
    nameless = and_(E.c.actor_name.is_(None), E.c.target_name.is_(None), E.c.place_name.is_(None))
    return [
        E.c.type,
        E.c.day,
        _who("actor").label("actor_key"),
        _who("target").label("target_key"),
        _who("place").label("place_key"),
        case((nameless, STORY), else_="").label("alone"),
    ]


def _scoped(conn: Connection, f: Filter) -> list[ColumnElement]:
    return conditions(conn, "events", f)


def _not_dead(dead: Mapping[str, str]) -> ColumnElement[bool]:
    """Events whose doer had died before the event's day are left out (a recalled or misattributed event)."""
    if not dead:
        return true()
    return not_(or_(*(and_(E.c.actor_id == actor, E.c.day > died) for actor, died in sorted(dead.items()))))


def _not_among(column: ColumnElement, ids: frozenset[str]) -> ColumnElement[bool]:
    return or_(column.is_(None), column.not_in(sorted(ids))) if ids else true()


def happened_per_day_by_type(conn: Connection, f: Filter) -> list[Row]:
    """[{"day", "type", "events"}]: event groups that happened, by day and type, in day order."""
    cols = _group_columns()
    groups = (
        select(*cols)
        .select_from(E.join(A, A.c.id == E.c.article_id))
        .where(*_scoped(conn, f), happened(), E.c.day != "")
        .group_by(*cols)
        .subquery()
    )
    query = (
        select(groups.c.day, groups.c.type, func.count().label("events"))
        .group_by(groups.c.day, groups.c.type)
        .order_by(groups.c.day, groups.c.type)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def key_event_groups(
    conn: Connection,
    f: Filter,
    limit: int,
    dead: Mapping[str, str] | None = None,
    not_actors: frozenset[str] = frozenset(),
) -> list[Row]:
    """The event groups that happened, most independent stories first, then the gravest:
    [{"type", "day", "stories", "reports", "fatalities", "event_id"}] (`event_id`: the group's
    first event, which stands for it). Groups naming neither doer nor target are left out, and so
    are events done by a dead actor (`dead`: id -> death day) or by one of `not_actors`."""
    cols = _group_columns()
    severity = case(*((E.c.type == t, n) for t, n in SEVERITY.items()), else_=0)
    stories = func.count(STORY.distinct())
    fatalities = func.coalesce(func.max(E.c.fatalities), 0)
    query = (
        select(
            *cols,
            stories.label("stories"),
            func.count().label("reports"),
            fatalities.label("fatalities"),
            func.min(E.c.id).label("event_id"),
            func.max(severity).label("severity"),
        )
        .select_from(E.join(A, A.c.id == E.c.article_id))
        .where(
            *_scoped(conn, f),
            happened(),
            E.c.day != "",
            or_(E.c.actor_name.is_not(None), E.c.target_name.is_not(None)),
            _not_dead(dead or {}),
            _not_among(E.c.actor_id, not_actors),
        )
        .group_by(*cols)
        .order_by(stories.desc(), fatalities.desc(), func.max(severity).desc(), E.c.day, func.min(E.c.id))
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def group_members(conn: Connection, event_ids: list[str]) -> dict[str, list[Row]]:
    """For each of these events, the events of its group with their article, story and publisher."""
    if not event_ids:
        return {}
    cols = _group_columns()
    joined = E.join(A, A.c.id == E.c.article_id)
    heads = select(E.c.id.label("head"), *cols).select_from(joined).where(E.c.id.in_(event_ids)).subquery()
    mine = select(E.c.id, E.c.article_id, A.c.story_id, A.c.publisher, A.c.title, A.c.published, *cols)
    mine_sq = mine.select_from(joined).where(happened(), E.c.day.in_(select(heads.c.day))).subquery()
    same = [mine_sq.c[c.name] == heads.c[c.name] for c in cols]
    query = (
        select(heads.c.head, mine_sq.c.id, mine_sq.c.article_id, mine_sq.c.story_id, mine_sq.c.publisher)
        .add_columns(mine_sq.c.title, mine_sq.c.published)
        .select_from(heads.join(mine_sq, and_(*same)))
        .order_by(heads.c.head, mine_sq.c.published, mine_sq.c.id)
    )
    members: dict[str, list[Row]] = {}
    for r in conn.execute(query).mappings():
        members.setdefault(r["head"], []).append(dict(r))
    return members


def count_left_out(conn: Connection, f: Filter, dead: Mapping[str, str], not_actors: frozenset[str]) -> Row:
    """How many events of the scope are not shown as having happened, by reason."""
    scope = _scoped(conn, f)

    def n(*where: ColumnElement[bool]) -> int:
        return conn.scalar(select(func.count()).select_from(E).where(*scope, *where)) or 0

    dead_doer = not_(_not_dead(dead)) if dead else false()
    return {
        "events": n(),
        "happened": n(happened()),
        "not_asserted": n(E.c.modality != "asserted"),
        "recalled": n(E.c.modality == "asserted", or_(E.c.historical.is_(True), recalled())),
        "dead_actor": n(E.c.historical.is_(False), dead_doer),
        "outlet_actor": n(happened(), not_(_not_among(E.c.actor_id, not_actors))) if not_actors else 0,
        "nameless": n(happened(), E.c.actor_name.is_(None), E.c.target_name.is_(None)),
        "undated": n(happened(), E.c.day == ""),
    }


def happened_by_type(conn: Connection, f: Filter) -> list[Row]:
    """[{"type", "events", "fatalities"}]: events that happened by type, commonest first."""
    query = (
        select(E.c.type, func.count().label("events"), func.coalesce(func.sum(E.c.fatalities), 0).label("fatalities"))
        .where(*_scoped(conn, f), happened())
        .group_by(E.c.type)
        .order_by(func.count().desc(), E.c.type)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


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
    [{"id", "name", "latitude", "longitude", "stories", "events", "happened"}]."""
    p = schema.places
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
        .where(*_scoped(conn, f), E.c.historical.is_(False), not_(recalled()), p.c.latitude.is_not(None))
        .group_by(p.c.id, p.c.name, p.c.latitude, p.c.longitude)
        .order_by(stories.desc(), func.count().desc(), p.c.name)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def top_speakers(conn: Connection, f: Filter, limit: int = 10) -> list[Row]:
    """Resolved speakers, most quoted first: [{"id", "name", "quotes", "stories"}]."""
    q, actors = schema.quotes, schema.actors
    stories = func.count(STORY.distinct())
    query = (
        select(actors.c.id, actors.c.name, func.count().label("quotes"), stories.label("stories"))
        .select_from(q.join(A, A.c.id == q.c.article_id).join(actors, actors.c.id == q.c.speaker_id))
        .where(*conditions(conn, "quotes", f.scope()))
        .group_by(actors.c.id, actors.c.name)
        .order_by(stories.desc(), func.count().desc(), actors.c.name)
        .limit(limit)
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
    query = (
        select(actors.c.id, actors.c.name, func.max(E.c.day).label("last_day"))
        .select_from(E.join(actors, actors.c.id == E.c.actor_id))
        .where(*_scoped(conn, f), E.c.historical.is_(False), actors.c.type == "PERSON")
        .group_by(actors.c.id, actors.c.name)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def contested_event_ids(conn: Connection, f: Filter, limit: int = 400) -> list[str]:
    """Events in (type, place or else target) groups that one source affirms and another denies
    (query/contested.py groups the same way and builds the sides)."""
    about = func.coalesce(E.c.place_id, func.lower(E.c.place_name), E.c.target_id, func.lower(E.c.target_name))
    where = [*_scoped(conn, f), E.c.historical.is_(False), about.is_not(None)]
    denied = func.sum(case((E.c.modality == "negated", 1), else_=0))
    affirmed = func.sum(case((E.c.modality.in_(AFFIRMING), 1), else_=0))
    groups = (
        select(E.c.type, about.label("about"))
        .where(*where)
        .group_by(E.c.type, about)
        .having(and_(denied > 0, affirmed > 0))
        .subquery()
    )
    query = (
        select(E.c.id)
        .join(groups, and_(groups.c.type == E.c.type, groups.c.about == about))
        .where(*where)
        .order_by(E.c.day, E.c.id)
        .limit(limit)
    )
    return list(conn.scalars(query))


def contested_claim_ids(conn: Connection, f: Filter, limit: int = 400) -> list[Row]:
    """Claims whose (subject, predicate) the sources state both ways: [{"id", "article_id"}]."""
    c = schema.claims
    scope = conditions(conn, "articles", f.scope())
    in_scope = c.c.article_id.in_(select(A.c.id).where(*scope)) if scope else true()
    key = (func.lower(c.c.subject), func.lower(c.c.predicate))
    both = (
        select(key[0].label("subject"), key[1].label("predicate"))
        .where(in_scope)
        .group_by(*key)
        .having(func.count(c.c.polarity.distinct()) > 1)
        .subquery()
    )
    query = (
        select(c.c.id, c.c.article_id)
        .join(both, and_(both.c.subject == key[0], both.c.predicate == key[1]))
        .where(in_scope)
        .order_by(c.c.id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]
