"""The cross-article actor registry, applied to the store: which stored actor is another one.

After every save, `link_actors` reads every stored actor with its role words and mention count,
asks the resolution stage (resolve/actors.py `cross_article_merges`) and writes `merged_into`,
`merge_confidence` and `merge_reason`. The answer depends only on what is stored, never on the
order articles arrived in, so the result is the same however often and in whatever order it runs.
Readers (query/records.py) show a merged actor's mentions under the actor it was merged into.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import func, select

from wirescope.resolve.actors import StoredActor, cross_article_merges, ids_needing_details
from wirescope.store import schema
from wirescope.store.corrections import actor_overrides

_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in"})


def stored_actors(conn) -> list[StoredActor]:
    """Every stored actor; role words and mention counts only for those the rules may compare."""
    rows = conn.execute(
        select(schema.actors.c.id, schema.actors.c.name, schema.actors.c.type, schema.actors.c.aliases).order_by(
            schema.actors.c.id
        )
    ).all()
    actors = [StoredActor(r.id, r.name, r.type, tuple(r.aliases or ())) for r in rows]
    needed = sorted(ids_needing_details(actors))
    if not needed:
        return actors
    roles: dict[str, set[str]] = defaultdict(set)
    for actor_id, role in conn.execute(
        select(schema.roles.c.actor_id, schema.roles.c.role).where(schema.roles.c.actor_id.in_(needed))
    ):
        roles[actor_id] |= {w.lower().strip("’'") for w in role.split()} - _STOP
    counts = dict(
        conn.execute(
            select(schema.mentions.c.actor_id, func.count())
            .where(schema.mentions.c.actor_id.in_(needed))
            .group_by(schema.mentions.c.actor_id)
        ).all()
    )
    return [
        replace(a, role_words=frozenset(roles.get(a.id, ())), mentions=counts.get(a.id, 0))
        if a.id in counts or a.id in roles
        else a
        for a in actors
    ]


def link_actors(conn) -> None:
    """Recompute every cross-article merge and write the ones that changed; a reviewer's merge or
    split (store/corrections.py) stands over the registry's answer."""
    merges = cross_article_merges(stored_actors(conn))
    reviewed = actor_overrides(conn)
    current = {
        r.id: (r.merged_into, r.merge_confidence, r.merge_reason)
        for r in conn.execute(
            select(
                schema.actors.c.id,
                schema.actors.c.merged_into,
                schema.actors.c.merge_confidence,
                schema.actors.c.merge_reason,
            )
        )
    }
    for actor_id, now in sorted(current.items()):
        m = merges.get(actor_id)
        wanted: tuple = (m.into, m.confidence, m.reason) if m else (None, None, None)
        if actor_id in reviewed and (reviewed[actor_id][0] is None or reviewed[actor_id][0] in current):
            wanted = reviewed[actor_id]
        if now != wanted:
            conn.execute(
                schema.actors.update()
                .where(schema.actors.c.id == actor_id)
                .values(merged_into=wanted[0], merge_confidence=wanted[1], merge_reason=wanted[2])
            )


def merged_ids(actor_rows: list[dict]) -> dict[str, str]:
    """actor id -> the id of the actor it is shown under (itself when not merged)."""
    return {r["id"]: r.get("merged_into") or r["id"] for r in actor_rows}
