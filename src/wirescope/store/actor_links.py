"""The cross-article actor registry, applied to the store: which stored actor is another one.

Every save indexes its actors' blocking keys (resolve/actors.py `blocking_keys`) and queues them,
in its own transaction. `link_actors` then takes the queued keys, reads only the actors that share
one (and, as context, the actors that share a key with those), asks the resolution stage
(`cross_article_merges`) and writes `merged_into`, `merge_confidence` and `merge_reason` for the
actors that share a queued key. The work is O(batch), not O(store), and the answer is the one a
recomputation over the whole store would give (tests/store/test_actor_links.py checks both), so
it never depends on the order articles arrived in. Readers (query/records.py) show a merged
actor's mentions under the actor it was merged into.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from wirescope.resolve.actors import StoredActor, blocking_keys, cross_article_merges, ids_needing_details
from wirescope.store import schema
from wirescope.store.corrections import actor_overrides

_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in"})
_CHUNK = 500  # ids per IN (...) list, well under every database's bound-parameter limit


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _queue(conn, keys: Iterable[str]) -> None:
    fresh = sorted(set(keys))
    if not fresh:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(schema.actor_link_queue).on_conflict_do_nothing(index_elements=["key"])
    for chunk in _chunks(fresh):
        conn.execute(stmt, [{"key": k} for k in chunk])


def index_actors(conn, actor_ids: Collection[str]) -> None:
    """Rewrite these actors' blocking keys from their stored rows (name, type, aliases as merged)
    and queue the keys, old and new, for the next `link_actors`."""
    k = schema.actor_keys
    for chunk in _chunks(actor_ids):
        old = set(conn.scalars(select(k.c.key).where(k.c.actor_id.in_(chunk))))
        conn.execute(delete(k).where(k.c.actor_id.in_(chunk)))
        a = schema.actors.c
        new_rows = [
            {"key": key, "actor_id": r.id}
            for r in conn.execute(select(a.id, a.name, a.type, a.aliases).where(a.id.in_(chunk)))
            for key in sorted(blocking_keys(r.name, r.type, r.aliases or ()))
        ]
        if new_rows:
            conn.execute(k.insert(), new_rows)
        _queue(conn, old | {r["key"] for r in new_rows})


def unindex_actors(conn, actor_ids: Collection[str]) -> None:
    """Before actors are deleted: queue their keys (who was merged into them must be looked at
    again) and drop their rows."""
    k = schema.actor_keys
    for chunk in _chunks(actor_ids):
        _queue(conn, conn.scalars(select(k.c.key).where(k.c.actor_id.in_(chunk))))
        conn.execute(delete(k).where(k.c.actor_id.in_(chunk)))


def index_every_actor(conn) -> None:
    """Index and queue every stored actor: a store made before the keys existed is linked whole once."""
    index_actors(conn, list(conn.scalars(select(schema.actors.c.id))))


def _ids_with_keys(conn, keys: Iterable[str]) -> set[str]:
    k = schema.actor_keys
    return {i for chunk in _chunks(keys) for i in conn.scalars(select(k.c.actor_id).where(k.c.key.in_(chunk)))}


def _keys_of(conn, actor_ids: Iterable[str]) -> set[str]:
    k = schema.actor_keys
    return {key for chunk in _chunks(actor_ids) for key in conn.scalars(select(k.c.key).where(k.c.actor_id.in_(chunk)))}


def stored_actors(conn, ids: Collection[str] | None = None) -> list[StoredActor]:
    """The stored actors (all, or these); role words and mention counts only for those the rules
    may compare."""
    a = schema.actors.c
    query = select(a.id, a.name, a.type, a.aliases).order_by(a.id)
    if ids is None:
        rows = conn.execute(query).all()
    else:
        rows = sorted(
            (r for chunk in _chunks(ids) for r in conn.execute(query.where(a.id.in_(chunk)))), key=lambda r: r.id
        )
    actors = [StoredActor(r.id, r.name, r.type, tuple(r.aliases or ())) for r in rows]
    needed = sorted(ids_needing_details(actors))
    if not needed:
        return actors
    roles: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = {}
    for chunk in _chunks(needed):
        for actor_id, role in conn.execute(
            select(schema.roles.c.actor_id, schema.roles.c.role).where(schema.roles.c.actor_id.in_(chunk))
        ):
            roles[actor_id] |= {w.lower().strip("’'") for w in role.split()} - _STOP
        m = schema.mentions.c
        counts.update(
            conn.execute(select(m.actor_id, func.count()).where(m.actor_id.in_(chunk)).group_by(m.actor_id)).all()
        )
    return [
        replace(a, role_words=frozenset(roles.get(a.id, ())), mentions=counts.get(a.id, 0))
        if a.id in counts or a.id in roles
        else a
        for a in actors
    ]


def actors_to_compare(conn, queued: Collection[str]) -> tuple[set[str], set[str]]:
    """The actors whose merges the queued keys may change (those having one), and the actors
    their decisions are made among (those sharing any key with them, themselves included)."""
    touched = _ids_with_keys(conn, queued)
    return touched, _ids_with_keys(conn, _keys_of(conn, touched)) | touched


def link_actors(conn) -> int:
    """Bring the merges of every actor sharing a queued key up to date, and of every actor a
    reviewer merged or split (store/corrections.py: their decision stands over the registry's
    while the actor they name is stored); returns how many keys were taken from the queue. The
    actors compared are those sharing a key with one of them, which is all any of their merge
    decisions can depend on."""
    queued = set(conn.scalars(select(schema.actor_link_queue.c.key)))
    reviewed = actor_overrides(conn)
    if not queued and not reviewed:
        return 0
    touched, context = actors_to_compare(conn, queued | _keys_of(conn, reviewed))
    touched |= set(reviewed)
    merges = cross_article_merges(stored_actors(conn, context | touched))
    a = schema.actors.c
    stored_targets = {
        i
        for chunk in _chunks(v[0] for v in reviewed.values() if v[0])
        for i in conn.scalars(select(a.id).where(a.id.in_(chunk)))
    }
    for chunk in _chunks(touched):
        current = conn.execute(select(a.id, a.merged_into, a.merge_confidence, a.merge_reason).where(a.id.in_(chunk)))
        for actor_id, *now in sorted(current):
            m = merges.get(actor_id)
            wanted: list[object] = [m.into, m.confidence, m.reason] if m else [None, None, None]
            override = reviewed.get(actor_id)
            if override is not None and (override[0] is None or override[0] in stored_targets):
                wanted = list(override)
            if now != wanted:
                conn.execute(
                    schema.actors.update()
                    .where(a.id == actor_id)
                    .values(merged_into=wanted[0], merge_confidence=wanted[1], merge_reason=wanted[2])
                )
    for chunk in _chunks(queued):
        conn.execute(delete(schema.actor_link_queue).where(schema.actor_link_queue.c.key.in_(chunk)))
    return len(queued)


def merged_ids(actor_rows: list[dict]) -> dict[str, str]:
    """actor id -> the id of the actor it is shown under (itself when not merged)."""
    return {r["id"]: r.get("merged_into") or r["id"] for r in actor_rows}
