"""Claims in the store: stored and read back whole on every backend, grouped across articles into
propositions, a contradicting pair kept as two claims on two sides, and migration 11 on an older file."""

from __future__ import annotations

import dataclasses

from sqlalchemy import create_engine, text

from tests.query.see_fixtures import CLAIMS, hand_article
from wirescope.resolve.claims import Link as ClaimLink
from wirescope.resolve.claims import from_row, resolve_claims, sides
from wirescope.store import open_store
from wirescope.store.synthetic import variant


def test_claims_are_stored_and_read_back_whole(any_store):
    article = hand_article()
    any_store.save(article)
    assert any_store.article(article.id).claims == CLAIMS


def test_a_contradicting_pair_is_two_claims_on_two_sides_never_one_fact(any_store):
    any_store.save(hand_article())
    groups = resolve_claims(any_store, embed=None)
    assert [g.claim_ids for g in groups] == [("claim_test_asserted", "claim_test_denied")]
    (link,) = groups[0].links
    assert link.relation == "contradicts" and link.reason == "Afghan Army denies what Ahmad Karimi asserts"
    rows = any_store.claim_rows()
    assert {r["id"] for r in rows} == {"claim_test_asserted", "claim_test_denied"}
    props, links = any_store.proposition_rows()
    assert [(p["contested"], p["claims"]) for p in props] == [(True, 2)]
    parts = sides(
        [from_row(r) for r in rows],
        [ClaimLink(x["claim_id"], x["other_id"], x["relation"], x["reason"]) for x in links],
    )
    assert [s.claim_ids for s in parts] == [("claim_test_asserted",), ("claim_test_denied",)]


def test_resolving_again_gives_the_same_propositions(any_store):
    any_store.save(hand_article())
    first = resolve_claims(any_store, embed=None)
    assert resolve_claims(any_store, embed=None) == first
    assert any_store.proposition_rows()[0][0]["id"] == first[0].id


def test_an_unattributed_claim_is_stored_without_a_claimant(any_store):
    article = hand_article()
    unattributed = dataclasses.replace(CLAIMS[0], claimant=None)
    any_store.save(dataclasses.replace(article, claims=(unattributed, CLAIMS[1])))
    stored = any_store.article(article.id).claims
    assert stored[0].claimant is None and stored[1].claimant == CLAIMS[1].claimant


def test_migration_11_brings_an_older_claims_table_up_to_date(tmp_path):
    path = tmp_path / "old.db"
    open_store(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the claims table and tables as a store before migration 11 had them
        conn.execute(text("DROP TABLE claims"))
        conn.execute(text("DROP TABLE claim_links"))
        conn.execute(text("DROP TABLE propositions"))
        conn.execute(
            text(
                "CREATE TABLE claims (id VARCHAR(40) PRIMARY KEY, article_id VARCHAR(40) NOT NULL "
                'REFERENCES articles(id) ON DELETE CASCADE, start INTEGER, "end" INTEGER, text TEXT NOT NULL, '
                "subject TEXT NOT NULL, predicate TEXT NOT NULL, polarity BOOLEAN NOT NULL, source_name TEXT, "
                "source_id VARCHAR(40), source_start INTEGER, source_end INTEGER)"
            )
        )
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 11"))
    engine.dispose()
    with open_store(str(path)) as store:
        article = hand_article()
        store.save(article)
        assert store.article(article.id).claims == CLAIMS
        assert len(resolve_claims(store, embed=None)) == 1


def test_migration_19_counts_the_stories_on_each_propositions_sides(tmp_path):
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store.save_many([variant(hand_article(), n) for n in range(4)])
        (group,) = resolve_claims(store, embed=None)
    assert group.stories == 8  # four outlets assert it, four deny it: four stories on each side
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the propositions table as a store before migration 19 had it
        conn.execute(text("DROP INDEX ix_propositions_ranked"))
        conn.execute(text("ALTER TABLE propositions DROP COLUMN stories"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 19"))
    engine.dispose()
    with open_store(str(path)) as store:
        assert store.ranked_contested(5) == [
            {"id": group.id, "label": group.label, "contested": True, "claims": 8, "stories": 8}
        ]
    with create_engine(f"sqlite:///{path}").connect() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text("EXPLAIN QUERY PLAN SELECT id FROM propositions WHERE contested = 1 ORDER BY stories DESC, id")
            )
        )
    assert "ix_propositions_ranked" in plan and "TEMP B-TREE" not in plan
