"""Claims resolved a batch at a time (store/claim_links.py) give the propositions of resolving the
whole store at once, whatever the order and size of the batches; a save queues its claims in its
own transaction, so a batch left unresolved is resolved by the next; re-running changes nothing."""

from __future__ import annotations

import dataclasses
import random

import pytest
from sqlalchemy import create_engine, select, text

import wirescope
from wirescope.annotate.embeddings import encode
from wirescope.resolve.claims import from_row, group_claims, resolve_claim_batch
from wirescope.store import schema


@pytest.fixture(scope="module")
def demo_articles(demo_db):
    """The demo corpus as ingest annotated it, read back (no second parse)."""
    with wirescope.open_store(demo_db) as store, store.engine.connect() as conn:
        ids = list(conn.scalars(select(schema.articles.c.id).order_by(schema.articles.c.id)))
        return list(store.articles(ids))


def answer(store) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The stored propositions, links and each claim's proposition, comparable across stores."""
    props, links = store.proposition_rows()
    return (
        sorted((p["id"], p["label"], p["contested"], p["claims"]) for p in props),
        sorted((x["proposition_id"], x["claim_id"], x["other_id"], x["relation"], x["reason"]) for x in links),
        sorted((r["id"], r["proposition_id"]) for r in store.claim_rows()),
    )


def reference(store) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The whole store grouped at once, with vectors embedded afresh (not the store's)."""
    rows = store.claim_rows()
    groups = group_claims([from_row(r) for r in rows], encode, {})
    member_of = {i: g.id for g in groups for i in g.claim_ids}
    return (
        sorted((g.id, g.label, g.contested, len(g.claim_ids)) for g in groups),
        sorted((g.id, x.claim_id, x.other_id, x.relation, x.reason) for g in groups for x in g.links),
        sorted((r["id"], member_of.get(r["id"])) for r in rows),
    )


def ingest_in_batches(store, articles, size: int) -> None:
    for start in range(0, len(articles), size):
        batch = articles[start : start + size]
        for article in batch:
            store.save(article, link=False)
        resolve_claim_batch(store, batch, encode)


def test_the_demo_corpus_has_propositions_joined_by_structure_and_by_paraphrase(demo_db):
    with wirescope.open_store(demo_db) as store:
        props, links, _ = answer(store)
        assert answer(store) == reference(store), "ingest's incremental answer is the whole store's"
    assert any(p[2] for p in props), "control of the Panjshir Valley is contested"
    assert any("in other words" in x[4] for x in links), "a pair joined by MiniLM paraphrase"


@pytest.mark.parametrize(
    ("order", "size"), [("as stored", 1), ("reversed", 1), ("shuffled", 3), ("shuffled again", 4), ("as stored", 11)]
)
def test_batches_in_any_order_give_the_whole_store_answer(demo_articles, order, size):
    articles = list(demo_articles)
    if order == "reversed":
        articles.reverse()
    elif order.startswith("shuffled"):
        random.Random(len(order)).shuffle(articles)
    with wirescope.open_store("memory") as store:
        ingest_in_batches(store, articles, size)
        assert answer(store) == reference(store)
        assert store.awaiting_claim_resolution() == []


def test_resolving_again_changes_nothing_and_embeds_nothing(demo_articles):
    asked: list[str] = []

    def counting(texts):
        asked.extend(texts)
        return encode(texts)

    with wirescope.open_store("memory") as store:
        ingest_in_batches(store, demo_articles, 4)
        first = answer(store)
        asked.clear()
        resolve_claim_batch(store, demo_articles, counting)
        assert answer(store) == first
        assert asked == [], "every vector needed is stored: no claim is embedded twice"


def test_a_batch_saved_but_not_resolved_is_resolved_by_the_next(demo_articles):
    """A kill between the save and the resolution: the queue, written by the save, holds it."""
    with wirescope.open_store("memory") as store:
        for article in demo_articles[:6]:
            store.save(article, link=False)  # ... and the process dies before resolving
        assert store.awaiting_claim_resolution() == sorted(a.id for a in demo_articles[:6] if a.claims)
        ingest_in_batches(store, demo_articles[6:], 5)
        assert answer(store) == reference(store)


def test_a_resaved_article_with_fewer_claims_redoes_its_old_propositions(demo_articles):
    with wirescope.open_store("memory") as store:
        ingest_in_batches(store, demo_articles, 11)
        grouped = {r["article_id"] for r in store.claim_rows() if r["proposition_id"]}
        article = next(a for a in demo_articles if a.id in grouped)
        fewer = dataclasses.replace(article, claims=article.claims[1:])
        store.save(fewer, link=False)
        resolve_claim_batch(store, [fewer], encode)
        assert answer(store) == reference(store)
        assert article.claims[0].id not in {r["id"] for r in store.claim_rows()}


def test_the_save_indexes_claims_by_block_and_by_content_words(any_store, demo_articles):
    article = next(a for a in demo_articles if any(c.kind == "control" for c in a.claims))
    any_store.save(article, link=False)
    with any_store.engine.connect() as conn:
        keys = set(conn.scalars(select(schema.claim_keys.c.key)))
    assert any(k.startswith("s\x1fcontrol\x1f") for k in keys)
    assert not {"w\x1fsaid", "w\x1fthat", "w\x1fwith"} & keys, "words that tell nothing are not keys"
    assert any_store.awaiting_claim_resolution() == [article.id]
    resolve_claim_batch(any_store, [article], encode)
    assert any_store.awaiting_claim_resolution() == []


def test_migration_15_indexes_and_queues_claims_stored_before_it(tmp_path, demo_articles):
    path = tmp_path / "old.db"
    with wirescope.open_store(str(path)) as store:
        for article in demo_articles:
            store.save(article, link=False)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the store as it was before migration 15
        for table in ("claim_keys", "claim_vectors", "claim_resolution_queue"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 15"))
    engine.dispose()
    with wirescope.open_store(str(path)) as store:
        assert store.awaiting_claim_resolution() == sorted({a.id for a in demo_articles if a.claims})
        resolve_claim_batch(store, [], encode)
        assert answer(store) == reference(store)
