"""The store behaves the same on SQLite and PostgreSQL (`any_store` runs each test on both)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from tests.conftest import copy_of_article
from wirescope.errors import StoreError
from wirescope.record import Actor, Article, Mention, Source, Span, stable_id
from wirescope.store import engine_url, open_store
from wirescope.store.schema import mentions, schema_migrations


@pytest.mark.parametrize(
    ("db", "url"),
    [
        ("memory", "sqlite://"),
        ("wirescope.db", "sqlite:///wirescope.db"),
        ("sqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
        ("postgresql://u@h:5432/news", "postgresql+psycopg://u@h:5432/news"),
        ("postgresql+psycopg://u@h/news", "postgresql+psycopg://u@h/news"),
    ],
)
def test_a_db_value_names_one_engine_url(db, url):
    assert engine_url(db) == url


def test_the_seed_article_round_trips(any_store, seed_article):
    any_store.save(seed_article)
    loaded = any_store.article(seed_article.id)
    for name in (
        "text",
        "source",
        "title",
        "published",
        "paragraphs",
        "sentences",
        "removed",
        "repairs",
        "mentions",
        "quotes",
        "times",
        "claims",
    ):
        assert getattr(loaded, name) == getattr(seed_article, name), name
    # These come back in the store's order (evidence offsets, first mention), which may differ.
    for name in ("events", "places", "actors"):
        assert set(getattr(loaded, name)) == set(getattr(seed_article, name)), name


def test_storing_an_article_again_stores_nothing_twice(any_store, seed_article):
    any_store.save(seed_article)
    before = any_store.counts()
    any_store.save(seed_article)
    assert any_store.counts() == before
    with any_store.engine.connect() as conn:
        stored_mentions = conn.scalar(select(func.count()).select_from(mentions))
    assert stored_mentions == len(seed_article.mentions)


def test_a_new_version_replaces_the_annotations_and_drops_orphan_actors(any_store, seed_article):
    any_store.save(seed_article)
    kept = seed_article.mentions[:3]
    kept_actors = tuple(a for a in seed_article.actors if a.id in {m.actor_id for m in kept})
    any_store.save(
        dataclasses.replace(seed_article, mentions=kept, actors=kept_actors, quotes=(), events=(), claims=())
    )
    assert any_store.article(seed_article.id).mentions == kept
    assert {r["id"] for r in any_store.actor_rows()} == {a.id for a in kept_actors}


def test_aliases_of_one_actor_from_two_articles_are_merged(any_store, seed_article):
    any_store.save(copy_of_article(seed_article, 1, "alias one"))
    any_store.save(copy_of_article(seed_article, 2, "alias two"))
    for row in any_store.actor_rows():
        assert {"alias one", "alias two"} <= set(row["aliases"])


def test_the_raw_bytes_are_kept_exactly_even_when_they_are_not_utf8(any_store):
    text = "Ahmad Massoud وایي: the valley holds."
    raw = text.encode("utf-8") + b"\xff\xfe\x00 trailing"
    source = Source("odd.txt", "text/plain", "f" * 64, "utf-8", raw)
    actor = Actor(stable_id("actor", "Ahmad Massoud"), "Ahmad Massoud", "PERSON", ("Massoud",))
    article = Article(
        stable_id("art", "odd"),
        text,
        source,
        paragraphs=(Span(0, len(text)),),
        sentences=(Span(0, len(text)),),
        mentions=(Mention(Span(0, 13), "PERSON", actor.id),),
        actors=(actor,),
    )
    any_store.save(article)
    loaded = any_store.article(article.id)
    assert loaded.source.raw == raw
    assert loaded.text == text
    assert loaded.actors == (actor,)


def test_opening_a_store_twice_applies_each_migration_once(any_store_url):
    open_store(any_store_url).close()
    with open_store(any_store_url) as store, store.engine.connect() as conn:
        versions = list(conn.scalars(select(schema_migrations.c.version)))
    assert len(versions) == len(set(versions)) >= 1


def test_an_unreachable_postgresql_server_is_one_line_naming_it():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "postgresql://nobody@127.0.0.1:1/none" in str(caught.value)
    assert caught.value.hint
