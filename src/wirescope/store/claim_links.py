"""Claims across articles, applied to the store: propositions, claim links, and the rows they are built from.

resolve/claims.py decides which stored claims are one proposition and how each pair relates;
`write_propositions` replaces the stored answer with it in one transaction (the answer is a pure
function of the stored claims, so replacing it whole is idempotent). `claim_rows` reads every
claim with its article's story and day: what resolution and the listings (query/claims.py) read.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, select, update

from wirescope.resolve.claims import PropositionGroup
from wirescope.store import schema


def claim_rows(conn: Connection) -> list[dict]:
    """Every stored claim, with its article's story, publication day, title and publisher."""
    c, a = schema.claims, schema.articles
    query = (
        select(c, a.c.story_id, a.c.published, a.c.title, a.c.publisher, a.c.url)
        .join(a, a.c.id == c.c.article_id)
        .order_by(c.c.date, c.c.article_id, c.c.start)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def write_propositions(conn: Connection, groups: Sequence[PropositionGroup]) -> None:
    conn.execute(delete(schema.claim_links))
    conn.execute(delete(schema.propositions))
    conn.execute(update(schema.claims).values(proposition_id=None))
    if not groups:
        return
    conn.execute(
        schema.propositions.insert(),
        [{"id": g.id, "label": g.label, "contested": g.contested, "claims": len(g.claim_ids)} for g in groups],
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


def proposition_rows(conn: Connection) -> tuple[list[dict], list[dict]]:
    """Every stored proposition and every claim link."""
    props = [dict(r) for r in conn.execute(select(schema.propositions).order_by(schema.propositions.c.id)).mappings()]
    links = [dict(r) for r in conn.execute(select(schema.claim_links)).mappings()]
    return props, links
