"""Syndication: the same story on several sites, grouped so that a count of sources counts reports.

Wire copy is republished with other page chrome, a new headline, a trimmed paragraph or a local
sentence added. Each article's clean text is cut into overlapping five-word shingles and
summarised by a MinHash signature (datasketch); articles whose estimated Jaccard similarity is
at least THRESHOLD belong to one story. Candidates are found with locality-sensitive hashing
kept in the store itself (the `article_bands` table: a signature cut into bands, each band
hashed), so finding an article's copies costs an index lookup, not a pass over the corpus, on
SQLite and PostgreSQL alike.

What it gets wrong: two short wire briefs built from the same boilerplate can pass the threshold
although they report different things; a heavily rewritten version of a story (same facts, new
words) stays a story of its own. A story id is derived from its smallest article id, so the same
articles make the same stories whatever order they were ingested in.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash
from sqlalchemy import Connection, delete, select, tuple_, update
from sqlalchemy import text as sql

from wirescope.record import stable_id
from wirescope.store import schema

SHINGLE_WORDS = 5
NUM_PERM = 128
# 42 bands of 3 rows: a pair with Jaccard 0.5 shares a band with probability 0.996, one at 0.2 with
# probability 0.29; every candidate is then checked against THRESHOLD, so the loose bands cost
# only a few extra comparisons.
BANDS, ROWS = 42, 3
THRESHOLD = 0.5
_SEED = 1  # fixed: signatures must be comparable across runs and machines
_WORD = re.compile(r"\w+")
_STORY_LOCK = 0x73746F72  # "stor": PostgreSQL advisory lock key for story assignment


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash


def band_keys(minhash: MinHash) -> list[tuple[int, str]]:
    values = minhash.hashvalues
    return [
        (band, hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
        for band in range(BANDS)
    ]


def story_id_for(article_ids: set[str]) -> str:
    return stable_id("story", min(article_ids))


def _queue_story_writers(conn: Connection) -> None:
    """On PostgreSQL, one writer at a time assigns stories (until its commit), and each sees the
    bands the previous one committed: two copies stored at the same moment by two ingesters
    then still find each other. The lock comes last in a save, so only its tail is serialised.
    SQLite needs nothing: it has one writer at a time already."""
    if conn.dialect.name == "postgresql":
        conn.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": _STORY_LOCK})


def assign_story(conn: Connection, article_id: str, text: str) -> str:
    """Index the article's bands, join it to the stories of its near-duplicates (merging them if it
    bridges two), and return its story id. Runs inside the transaction that stores the article."""
    minhash = signature(text)
    keys = band_keys(minhash)
    _queue_story_writers(conn)
    bands = schema.article_bands
    conn.execute(delete(bands).where(bands.c.article_id == article_id))
    conn.execute(bands.insert(), [{"article_id": article_id, "band": b, "key": k} for b, k in keys])
    candidates = set(
        conn.scalars(
            select(bands.c.article_id)
            .where(tuple_(bands.c.band, bands.c.key).in_(keys), bands.c.article_id != article_id)
            .distinct()
        )
    )
    copies = [
        row
        for row in conn.execute(
            select(schema.articles.c.id, schema.articles.c.text, schema.articles.c.story_id).where(
                schema.articles.c.id.in_(candidates)
            )
        )
        if minhash.jaccard(signature(row.text)) >= THRESHOLD
    ]
    stories = {row.story_id for row in copies if row.story_id}
    members = {article_id, *(row.id for row in copies)}
    if stories:
        members |= set(conn.scalars(select(schema.articles.c.id).where(schema.articles.c.story_id.in_(stories))))
    story = story_id_for(members)
    conn.execute(update(schema.articles).where(schema.articles.c.id.in_(members)).values(story_id=story))
    return story


__all__ = ["THRESHOLD", "assign_story", "band_keys", "shingles", "signature", "story_id_for"]
