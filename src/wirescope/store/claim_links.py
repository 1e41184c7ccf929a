"""Claims across articles, applied to the store: propositions, claim links, and the rows they are built from.

resolve/claims.py decides which stored claims are one proposition and how each pair relates.
Incrementally (`resolve_queued`): every save indexes its claims' blocking keys (`claim_keys`) and
queues its article, and the propositions its earlier claims were in, in its own transaction
(`index_article_claims`), so a crash between save and resolution loses nothing. Resolution takes
the queued articles' claims, the stored claims sharing a key with them (a structured block, or
SHARED_WORDS content words), and every claim of the propositions those belong to; groups them
again (resolve/claims.py `group_claims`) and replaces those propositions only. Any claim left out
shares no key with the batch and no proposition with a claim that does, so its proposition is
unchanged: the answer is the whole store's. The vectors resolution computes are kept in
`claim_vectors`: a claim is embedded once, not once per ingest.

`write_propositions` replaces the whole stored answer (a recomputation over every claim).
`claim_rows` reads claims with their article's story and day: what the listings (query/claims.py) read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import Connection, bindparam, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from wirescope.resolve.claims import (
    SHARED_WORDS,
    Embed,
    Link,
    PropositionGroup,
    Settled,
    StoredClaim,
    from_row,
    group_claims,
    paraphrase_words,
    side_stories,
    structured_key,
)
from wirescope.store import event_links, schema

CLAIM_RESOLUTION_LOCK = 0x77C1A1  # PostgreSQL advisory lock key (SQLite writers queue anyway)
_CHUNK = 500  # ids per IN (...) list, well under every database's bound-parameter limit


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def claim_rows(
    conn: Connection,
    ids: Iterable[str] | None = None,
    article_ids: Iterable[str] | None = None,
    event_cluster: str | None = None,
    proposition_ids: Iterable[str] | None = None,
) -> list[dict]:
    """Stored claims (all; or these, or these articles', or those about one event cluster, or those
    of these propositions, read through the proposition index), with
    their article's story, publication day, title and publisher, and `event_cluster_id`: the
    cluster of the event an event claim is (store/event_links.py), read at the time of asking, so
    it follows the clusters as later reports join or split them."""
    c, a = schema.claims, schema.articles
    query = (
        select(c, a.c.story_id, a.c.published, a.c.title, a.c.publisher, a.c.url)
        .join(a, a.c.id == c.c.article_id)
        .order_by(c.c.date, c.c.article_id, c.c.start)
    )
    values: Iterable[str] | None
    if event_cluster is not None:
        # The cluster's members are event records; a claim names an event mention of one of them.
        mentions = event_links.mentions_of_cluster(conn, event_cluster)
        column, values = c.c.event_id, list(mentions)
    elif proposition_ids is not None:
        column, values = c.c.proposition_id, list(proposition_ids)
    elif ids is None and article_ids is None:
        return _with_clusters(conn, [dict(r) for r in conn.execute(query).mappings()])
    else:
        column, values = (c.c.id, ids) if ids is not None else (c.c.article_id, article_ids)
    found = [
        dict(r) for chunk in _chunks(values or ()) for r in conn.execute(query.where(column.in_(chunk))).mappings()
    ]
    return _with_clusters(conn, sorted(found, key=lambda r: (r["date"] or "", r["article_id"], r["start"] or 0)))


def _with_clusters(conn: Connection, rows: list[dict]) -> list[dict]:
    clusters = event_links.clusters_of(conn, sorted({r["event_id"] for r in rows if r["event_id"]}))
    for row in rows:
        row["event_cluster_id"] = clusters.get(row["event_id"]) if row["event_id"] else None
    return rows


# --- the index and the queue, written by each save --------------------------------------------------


def claim_keys(c: StoredClaim) -> set[str]:
    """The keys a claim is found by: its structured block, and each of its content words."""
    block = structured_key(c)
    return {f"w\x1f{w}" for w in paraphrase_words(c.text)} | ({f"s\x1f{block}"} if block else set())


def _queue(conn: Connection, kind: str, ids: Iterable[str]) -> None:
    fresh = sorted(set(ids))
    if not fresh:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(schema.claim_resolution_queue).on_conflict_do_nothing(index_elements=["kind", "id"])
    for chunk in _chunks(fresh):
        conn.execute(stmt, [{"kind": kind, "id": i} for i in chunk])


def queue_old_propositions(conn: Connection, article_ids: Iterable[str]) -> None:
    """Before articles' claims are replaced: queue the propositions they are in, to be redone."""
    c = schema.claims
    old = {
        p
        for chunk in _chunks(article_ids)
        for p in conn.scalars(
            select(c.c.proposition_id).distinct().where(c.c.article_id.in_(chunk), c.c.proposition_id.is_not(None))
        )
    }
    _queue(conn, "proposition", old)


def index_article_claims(conn: Connection, article_ids: Iterable[str]) -> None:
    """After articles' claims are written: rewrite their keys, forget their vectors, and queue them."""
    ids = sorted(set(article_ids))
    for table in (schema.claim_keys, schema.claim_vectors):
        for chunk in _chunks(ids):
            conn.execute(delete(table).where(table.c.article_id.in_(chunk)))
    rows = [
        {"key": key, "claim_id": c.id, "article_id": c.article_id}
        for c in map(from_row, claim_rows(conn, article_ids=ids))
        for key in sorted(claim_keys(c))
    ]
    for start in range(0, len(rows), 2000):
        conn.execute(schema.claim_keys.insert(), rows[start : start + 2000])
    _queue(conn, "article", ids)


def index_every_claim(conn: Connection) -> None:
    """Index and queue every stored article with claims (migration 15; after a bulk load)."""
    index_article_claims(conn, conn.scalars(select(schema.claims.c.article_id).distinct()))


def queued_for_claims(conn: Connection) -> list[str]:
    q = schema.claim_resolution_queue
    return list(conn.scalars(select(q.c.id).where(q.c.kind == "article").order_by(q.c.id)))


# --- resolving what is queued -----------------------------------------------------------------------


def resolve_queued(conn: Connection, article_ids: Iterable[str], embed: Embed | None) -> list[PropositionGroup]:
    """Resolve the claims of these articles and of every queued one against the stored claims
    sharing a key with them; replace the propositions they touch; empty the queue. Returns the
    propositions written."""
    if conn.dialect.name == "postgresql":  # one resolver at a time: each regroups what the last wrote
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLAIM_RESOLUTION_LOCK})
    q = schema.claim_resolution_queue
    queued = list(conn.execute(select(q.c.kind, q.c.id)))
    articles = set(article_ids) | {i for kind, i in queued if kind == "article"}
    stale = {i for kind, i in queued if kind == "proposition"}
    new = [from_row(r) for r in claim_rows(conn, article_ids=articles)]
    candidates = _candidates(conn, new)
    touched = stale | _propositions_of(conn, candidates | {c.id for c in new})
    members = _members(conn, touched)
    new_ids = {c.id for c in new}
    wanted = sorted((candidates | {i for ids in members.values() for i in ids}) - new_ids)
    claims = new + [from_row(r) for r in claim_rows(conn, ids=wanted)]
    vectors = stored_vectors(conn, [c.id for c in claims])
    known = set(vectors)
    groups = group_claims(claims, embed, vectors, _settled(new_ids, members, stale))
    _replace_propositions(conn, touched, groups)
    _store_vectors(conn, {c.id: c.article_id for c in claims}, {i: v for i, v in vectors.items() if i not in known})
    for kind in ("article", "proposition"):  # only what was read: a save committing meanwhile stays queued
        for chunk in _chunks(i for k, i in queued if k == kind):
            conn.execute(delete(q).where(q.c.kind == kind, q.c.id.in_(chunk)))
    return groups


def _candidates(conn: Connection, new: Sequence[StoredClaim]) -> set[str]:
    """Stored claims sharing a structured block with a new claim, or SHARED_WORDS content words."""
    k = schema.claim_keys
    keys = {c.id: claim_keys(c) for c in new}
    blocks = {key for ks in keys.values() for key in ks if key.startswith("s")}
    words = {key for ks in keys.values() for key in ks if key.startswith("w")}
    found = {i for chunk in _chunks(blocks) for i in conn.scalars(select(k.c.claim_id).where(k.c.key.in_(chunk)))}
    holders: dict[str, set[str]] = {}
    for chunk in _chunks(words):
        for key, claim_id in conn.execute(select(k.c.key, k.c.claim_id).where(k.c.key.in_(chunk))):
            holders.setdefault(key, set()).add(claim_id)
    for ks in keys.values():
        shared = Counter(i for key in ks if key.startswith("w") for i in holders.get(key, ()))
        found |= {i for i, n in shared.items() if n >= SHARED_WORDS}
    return found - set(keys)


def _propositions_of(conn: Connection, claim_ids: Iterable[str]) -> set[str]:
    c = schema.claims
    return {
        p
        for chunk in _chunks(claim_ids)
        for p in conn.scalars(select(c.c.proposition_id).where(c.c.id.in_(chunk), c.c.proposition_id.is_not(None)))
    }


def _members(conn: Connection, proposition_ids: Iterable[str]) -> dict[str, list[str]]:
    """The stored claims of each of these propositions."""
    c = schema.claims
    found: dict[str, list[str]] = {}
    for chunk in _chunks(proposition_ids):
        for i, p in conn.execute(select(c.c.id, c.c.proposition_id).where(c.c.proposition_id.in_(chunk))):
            found.setdefault(p, []).append(i)
    return found


def _settled(new_ids: set[str], members: dict[str, list[str]], stale: set[str]) -> Settled:
    """What resolution need not redo: the propositions the batch touches, except those a re-saved
    article left stale (they may split, so their claims are judged afresh)."""
    kept = {p: sorted(ids) for p, ids in members.items() if p not in stale}
    fresh = set(new_ids) | {i for p, ids in members.items() if p in stale for i in ids}
    return Settled(frozenset(fresh), tuple(tuple(ids) for _, ids in sorted(kept.items())))


def stored_vectors(conn: Connection, claim_ids: Iterable[str]) -> dict[str, np.ndarray]:
    v = schema.claim_vectors
    return {
        i: np.frombuffer(blob, np.float32)
        for chunk in _chunks(claim_ids)
        for i, blob in conn.execute(select(v.c.claim_id, v.c.vector).where(v.c.claim_id.in_(chunk)))
    }


def _store_vectors(conn: Connection, article_of: dict[str, str], fresh: dict[str, np.ndarray]) -> None:
    rows = [
        {"claim_id": i, "article_id": article_of[i], "vector": np.asarray(v, np.float32).tobytes()}
        for i, v in sorted(fresh.items())
    ]
    if rows:
        conn.execute(schema.claim_vectors.insert(), rows)


def _replace_propositions(conn: Connection, touched: set[str], groups: Sequence[PropositionGroup]) -> None:
    """Make the touched propositions these groups, writing only what differs: a batch adding one
    claim to a proposition of hundreds writes its new links, not every link again."""
    x, props, claims = schema.claim_links, schema.propositions, schema.claims
    old: dict[tuple[str, str], tuple[str, str, str]] = {}
    for chunk in _chunks(touched):
        for a, b, p, rel, reason in conn.execute(
            select(x.c.claim_id, x.c.other_id, x.c.proposition_id, x.c.relation, x.c.reason).where(
                x.c.proposition_id.in_(chunk)
            )
        ):
            old[(a, b)] = (p, rel, reason)
    new = {(k.claim_id, k.other_id): (g.id, k.relation, k.reason) for g in groups for k in g.links}
    existing = {
        i
        for chunk in _chunks(g.id for g in groups)
        for i in conn.scalars(select(props.c.id).where(props.c.id.in_(chunk)))
    }
    for g in groups:  # the proposition rows first: links point at them
        values = {"label": g.label, "contested": g.contested, "claims": len(g.claim_ids), "stories": g.stories}
        if g.id in existing:
            conn.execute(update(props).where(props.c.id == g.id).values(**values))
        else:
            conn.execute(props.insert().values(id=g.id, **values))
    gone = [
        {"p": value[0], "a": key[0], "b": key[1]}
        for key, value in old.items()
        if key not in new or new[key][1:] != value[1:]
    ]
    if gone:
        conn.execute(
            delete(x).where(
                x.c.proposition_id == bindparam("p"), x.c.claim_id == bindparam("a"), x.c.other_id == bindparam("b")
            ),
            gone,
        )
    moving: dict[tuple[str, str], set[str]] = {}  # (from, to): the claims whose links move
    for key, (now, *judged) in new.items():
        if key in old and old[key][1:] == tuple(judged) and old[key][0] != now:
            moving.setdefault((old[key][0], now), set()).add(key[0])
    for (was, now), ids in sorted(moving.items()):
        for chunk in _chunks(ids):
            conn.execute(update(x).where(x.c.proposition_id == was, x.c.claim_id.in_(chunk)).values(proposition_id=now))
    fresh = [
        {"proposition_id": p, "claim_id": a, "other_id": b, "relation": rel, "reason": reason}
        for (a, b), (p, rel, reason) in sorted(new.items())
        if (a, b) not in old or old[(a, b)][1:] != (rel, reason)
    ]
    for start in range(0, len(fresh), 2000):
        conn.execute(x.insert(), fresh[start : start + 2000])
    for chunk in _chunks(touched):
        conn.execute(update(claims).where(claims.c.proposition_id.in_(chunk)).values(proposition_id=None))
    for g in groups:
        conn.execute(update(claims).where(claims.c.id.in_(g.claim_ids)).values(proposition_id=g.id))
    left = sorted(touched - {g.id for g in groups})
    for chunk in _chunks(left):
        conn.execute(delete(x).where(x.c.proposition_id.in_(chunk)))
        conn.execute(delete(props).where(props.c.id.in_(chunk)))


def write_propositions(conn: Connection, groups: Sequence[PropositionGroup]) -> None:
    """Replace the whole stored answer with these propositions."""
    conn.execute(delete(schema.claim_links))
    conn.execute(delete(schema.propositions))
    conn.execute(update(schema.claims).values(proposition_id=None))
    _write_groups(conn, groups)


def _write_groups(conn: Connection, groups: Sequence[PropositionGroup]) -> None:
    if not groups:
        return
    conn.execute(
        schema.propositions.insert(),
        [
            {"id": g.id, "label": g.label, "contested": g.contested, "claims": len(g.claim_ids), "stories": g.stories}
            for g in groups
        ],
    )
    links = [
        {
            "proposition_id": g.id,
            "claim_id": x.claim_id,
            "other_id": x.other_id,
            "relation": x.relation,
            "reason": x.reason,
        }
        for g in groups
        for x in g.links
    ]
    if links:
        conn.execute(schema.claim_links.insert(), links)
    for g in groups:
        conn.execute(update(schema.claims).where(schema.claims.c.id.in_(g.claim_ids)).values(proposition_id=g.id))


def propositions(conn: Connection, contested_only: bool = False) -> list[dict]:
    """The stored propositions (or only the contested ones), by id; their links are not read."""
    p = schema.propositions
    query = select(p).order_by(p.c.id)
    if contested_only:
        query = query.where(p.c.contested.is_(True))
    return [dict(r) for r in conn.execute(query).mappings()]


def ranked_contested(conn: Connection, limit: int, offset: int = 0) -> list[dict]:
    """Contested propositions, the most stories on their sides first (then by id), `limit` of them
    after `offset`: read through ix_propositions_ranked, so the cost is the page's, not the store's."""
    p = schema.propositions
    query = select(p).where(p.c.contested.is_(True)).order_by(p.c.stories.desc(), p.c.id).limit(limit).offset(offset)
    return [dict(r) for r in conn.execute(query).mappings()]


def backfill_stories(conn: Connection) -> None:
    """Each stored proposition's stories summed over its sides (migration 19), from its claims and
    its agreements, a chunk of propositions at a time."""
    p, x = schema.propositions, schema.claim_links
    ids = list(conn.scalars(select(p.c.id).order_by(p.c.id)))
    for chunk in _chunks(ids):
        claims: dict[str, list[StoredClaim]] = {}
        for row in claim_rows(conn, proposition_ids=chunk):
            claims.setdefault(row["proposition_id"], []).append(from_row(row))
        links: dict[str, list[Link]] = {}
        for a, b, prop, rel, reason in conn.execute(
            select(x.c.claim_id, x.c.other_id, x.c.proposition_id, x.c.relation, x.c.reason).where(
                x.c.proposition_id.in_(chunk), x.c.relation == "agrees"
            )
        ):
            links.setdefault(prop, []).append(Link(a, b, rel, reason))
        rows = [{"key": i, "stories": side_stories(claims.get(i, []), links.get(i, []))} for i in chunk]
        conn.execute(update(p).where(p.c.id == bindparam("key")).values(stories=bindparam("stories")), rows)


def links_of(conn: Connection, proposition_ids: Iterable[str], relations: Iterable[str]) -> list[dict]:
    """The links of these propositions with one of these relations, through the proposition index.
    A proposition holds a link per pair of its claims, so reading only what is asked matters."""
    x = schema.claim_links
    wanted = sorted(set(relations))
    return [
        dict(r)
        for chunk in _chunks(proposition_ids)
        for r in conn.execute(
            select(x)
            .where(x.c.proposition_id.in_(chunk), x.c.relation.in_(wanted))
            .order_by(x.c.proposition_id, x.c.claim_id, x.c.other_id)
        ).mappings()
    ]


def proposition_rows(conn: Connection) -> tuple[list[dict], list[dict]]:
    """Every stored proposition and every claim link."""
    props = [dict(r) for r in conn.execute(select(schema.propositions).order_by(schema.propositions.c.id)).mappings()]
    links = [dict(r) for r in conn.execute(select(schema.claim_links)).mappings()]
    return props, links
