"""Corrections through the Store: the append-only log, and the overlay on the write path.

The log (`corrections` table) is written here only by INSERT; no UPDATE or DELETE of it exists
in wirescope, and triggers (migration 10) refuse them. A machine run never reads a correction
row for writing: `corrected()` reads the log and writes the article's annotation rows and its
`reviews` rows (what each correction did, with the machine's value), both of which every save
replaces.

Why the overlay is applied when an article is written rather than when it is read: listings,
counts, facets, the timeline's per-day counts and the exports filter and count in SQL
(store/selection.py, aggregates.py). Applied at read time, a rejected event would still be
counted on the timeline and exported to ACLED, and a modality filter would see the machine's
modality. Applied once on the write path, every reader sees the reviewed record and none needs
to know about corrections; readers mark records reviewed from the `reviews` rows (loading.py
reads them with the article's other rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from wirescope.corrections.model import ACTOR, Anchor, Correction
from wirescope.corrections.overlay import apply, in_order, machine_article
from wirescope.record import Article
from wirescope.store import schema

Row = dict[str, Any]


def correction_row(c: Correction) -> Row:
    a = c.anchor
    return {
        "id": c.id,
        "kind": c.kind,
        "article_id": c.article_id,
        "annotation_id": c.annotation_id,
        "field": c.field,
        "action": c.action,
        "machine": c.machine,
        "value": c.value,
        "exact": a.exact if a else None,
        "prefix": a.prefix if a else None,
        "suffix": a.suffix if a else None,
        "start": a.start if a else None,
        "end": a.end if a else None,
        "author": c.author,
        "created": c.created,
        "reason": c.reason,
    }


def correction_from(r: Row) -> Correction:
    anchor = Anchor(r["exact"], r["prefix"] or "", r["suffix"] or "", r["start"], r["end"]) if r["exact"] else None
    return Correction(
        r["id"],
        r["kind"],
        r["action"],
        r["field"],
        r["article_id"],
        r["annotation_id"],
        anchor,
        r["value"],
        r["machine"],
        r["author"],
        r["created"],
        r["reason"],
    )


def read_corrections(conn: Connection, article_ids: Iterable[str] | None = None, kind: str | None = None):
    """The log, oldest first: all of it, or the corrections of some articles, or of one kind."""
    c = schema.corrections
    query = select(c).order_by(c.c.created, c.c.id)
    if article_ids is not None:
        query = query.where(c.c.article_id.in_(sorted(set(article_ids))))
    if kind is not None:
        query = query.where(c.c.kind == kind)
    return [correction_from(dict(r)) for r in conn.execute(query).mappings()]


def append(conn: Connection, corrections: list[Correction]) -> list[Correction]:
    """Insert the corrections the log does not hold yet (by id: an import is idempotent)."""
    c = schema.corrections
    known = set(conn.scalars(select(c.c.id).where(c.c.id.in_([x.id for x in corrections])))) if corrections else set()
    fresh = [x for x in {x.id: x for x in corrections}.values() if x.id not in known]
    if fresh:
        conn.execute(c.insert(), [correction_row(x) for x in fresh])
    return fresh


def corrected(conn: Connection, article: Article) -> Article:
    """The article to write: as the machine made it (any earlier overlay undone), with the log's
    corrections of it applied."""
    return apply(machine_article(article), read_corrections(conn, [article.id]))


def corrected_many(conn: Connection, articles: list[Article]) -> list[Article]:
    by_article: dict[str | None, list[Correction]] = {}
    for c in read_corrections(conn, [a.id for a in articles]):
        by_article.setdefault(c.article_id, []).append(c)
    return [apply(machine_article(a), by_article.get(a.id, [])) for a in articles]


def actor_overrides(conn: Connection) -> dict[str, tuple[str | None, float | None, str | None]]:
    """Reviewed merges and splits: actor id -> (merged_into, confidence, reason), the latest
    correction of each actor standing. A split (merged_into None) keeps the registry from merging."""
    result: dict[str, tuple[str | None, float | None, str | None]] = {}
    for c in in_order(read_corrections(conn, kind=ACTOR)):
        why = f"reviewed by {c.author}" + (f": {c.reason}" if c.reason else "")
        result[c.annotation_id or ""] = (c.value, 1.0, why) if c.value else (None, None, None)
    return result


def reviews_by_correction(conn: Connection) -> dict[str, Row]:
    """correction id -> its latest review row (article, status, annotation now, span now)."""
    r = schema.reviews
    # A record following a corrected mention (action "follow") carries the mention's correction
    # id; it says what the record did, not where the correction itself applied.
    rows = conn.execute(select(r).where(r.c.action != "follow").order_by(r.c.article_id, r.c.seq)).mappings()
    return {row["correction_id"]: dict(row) for row in rows}
