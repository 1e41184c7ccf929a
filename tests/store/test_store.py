"""The record round-trips through the store, and storing again changes nothing."""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirescope.record import (
    Actor,
    Article,
    Event,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Relation,
    Removed,
    Repair,
    Role,
    Source,
    Span,
    TimeRef,
    stable_id,
)
from wirescope.store import open_store

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def spans_in(draw, text: str):
    start = draw(st.integers(0, len(text)))
    return Span(start, draw(st.integers(start, len(text))))


def in_text_order(annotations) -> tuple:
    """Annotators emit annotations in text order, and the store gives them back in that order."""
    return tuple(sorted(annotations, key=lambda a: (a.evidence if isinstance(a, Event) else a.span).start))


@st.composite
def articles(draw):
    text = draw(st.text(min_size=1, max_size=300))
    span = lambda: draw(spans_in(text))  # noqa: E731
    aid = stable_id("art", draw(st.text(max_size=20)))
    actor_ids = [stable_id("actor", i, draw(WORDS)) for i in range(draw(st.integers(0, 3)))]
    actors = tuple(
        Actor(
            a,
            draw(WORDS),
            draw(st.sampled_from(["PERSON", "ORG", "GPE"])),
            tuple(sorted(set(draw(st.lists(WORDS, max_size=2))))),
            roles=in_text_order(Role(draw(WORDS), span()) for _ in range(draw(st.integers(0, 2)))),
            relations=tuple(
                Relation("parent_of", draw(st.sampled_from(actor_ids)), span()) for _ in range(draw(st.integers(0, 1)))
            ),
        )
        for a in actor_ids
    )

    def maybe_actor():
        return draw(st.sampled_from([*actor_ids, None]))

    def participant():
        return draw(st.none() | st.builds(Participant, WORDS, st.just(maybe_actor()), st.none() | st.just(span())))

    # Every actor keeps a mention, as the annotators guarantee: an actor is made from its mentions.
    mentions = tuple(Mention(span(), "PERSON", a) for a in actor_ids) + tuple(
        Mention(span(), draw(st.sampled_from(["ORG", "LOC", "NORP"]))) for _ in range(draw(st.integers(0, 3)))
    )
    place = Place(
        stable_id("place", draw(WORDS)),
        draw(WORDS),
        (span(),),
        draw(st.none() | st.integers(1, 10**7)),
        draw(st.none() | st.floats(-90, 90)),
        draw(st.none() | st.floats(-180, 180)),
        "AF",
        None,
        "valley",
        2,
    )
    return Article(
        id=aid,
        text=text,
        source=Source(
            "file.txt",
            "text/plain",
            draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
            "utf-8",
            text.encode(),
        ),
        title=draw(st.none() | WORDS),
        url=draw(st.none() | st.just("https://news.example/a")),
        publisher=draw(st.none() | WORDS),
        published=draw(st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1))),
        paragraphs=(Span(0, len(text)),),
        sentences=(span(),),
        removed=tuple(
            Removed(draw(WORDS), "page chrome", draw(st.none() | st.integers(0, 9)), None)
            for _ in range(draw(st.integers(0, 2)))
        ),
        repairs=tuple(
            Repair(span(), draw(WORDS), draw(WORDS), "mojibake (ftfy)") for _ in range(draw(st.integers(0, 2)))
        ),
        mentions=mentions,
        actors=actors,
        quotes=in_text_order(
            Quote(
                stable_id("quote", aid, i),
                draw(st.sampled_from(["direct", "indirect", "partial"])),
                span(),
                participant(),
                draw(st.none() | st.just(span())),
                draw(st.none() | WORDS),
                None,
                None,
            )
            for i in range(draw(st.integers(0, 2)))
        ),
        events=in_text_order(
            Event(
                stable_id("event", aid, i),
                draw(st.sampled_from(["ASSAULT", "CONSULT"])),
                span(),
                draw(st.sampled_from(["asserted", "negated", "claimed"])),
                draw(st.booleans()),
                None,
                participant(),
                participant(),
                participant(),
                draw(st.none() | st.just(EventTime("2021-08-15", "day"))),
                participant(),
                draw(st.none() | st.integers(0, 500)),
                None,
            )
            for i in range(draw(st.integers(0, 2)))
        ),
        times=in_text_order(
            TimeRef(
                stable_id("time", aid, i), span(), draw(st.none() | st.just("2021-W34")), "DATE", draw(st.booleans())
            )
            for i in range(draw(st.integers(0, 2)))
        ),
        places=(place,),
    )


def same_record(a: Article, b: Article) -> bool:
    """Equal in every stored field; actors compare as a set (the store returns them in mention order)."""
    fields = [f.name for f in dataclasses.fields(Article) if f.name not in ("doc", "actors")]
    return all(getattr(a, f) == getattr(b, f) for f in fields) and set(a.actors) == set(b.actors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(articles())
def test_any_article_round_trips_through_sqlite(article):
    with open_store("memory") as store:
        store.save(article)
        assert same_record(store.article(article.id), article)


def test_seed_article_round_trips_and_offsets_slice_the_stored_text(seed_article, tmp_path):
    with open_store(str(tmp_path / "seed.db")) as store:
        store.save(seed_article)
    with open_store(str(tmp_path / "seed.db")) as store:
        loaded = store.article(seed_article.id)
    assert same_record(loaded, seed_article)
    for mention in loaded.mentions:
        assert loaded.text_of(mention.span).strip() == loaded.text_of(mention.span)


def test_storing_the_same_article_twice_leaves_one_copy(seed_article, store):
    store.save(seed_article)
    first = store.counts()
    store.save(seed_article)
    assert store.counts() == first
    assert store.article_ids() == [seed_article.id]


def test_a_new_version_of_an_article_replaces_its_annotations(seed_article, store):
    store.save(seed_article)
    trimmed = dataclasses.replace(
        seed_article,
        mentions=seed_article.mentions[:3],
        actors=tuple(a for a in seed_article.actors if a.id in {m.actor_id for m in seed_article.mentions[:3]}),
    )
    store.save(trimmed)
    assert store.article(seed_article.id).mentions == trimmed.mentions
    assert {r["id"] for r in store.actor_rows()} == {a.id for a in trimmed.actors}


def test_the_raw_input_is_kept_for_audit(seed_article, seed_text, store):
    store.save(seed_article)
    assert store.article(seed_article.id).source.raw == seed_text.encode("utf-8")


def test_opening_a_store_twice_applies_migrations_once(tmp_path):
    from sqlalchemy import select

    from wirescope.store.schema import schema_migrations

    path = str(tmp_path / "m.db")
    open_store(path).close()
    with open_store(path) as store, store.engine.connect() as conn:
        versions = list(conn.scalars(select(schema_migrations.c.version)))
    assert versions == sorted(set(versions)) and versions[0] == 1
