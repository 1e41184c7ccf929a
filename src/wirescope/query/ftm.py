"""The record as FollowTheMoney entities (the data model of Aleph), built with the followthemoney package.

Schema per actor type: PERSON -> Person, ORG and GROUP -> Organization. GPE (countries, provinces)
and NORP (nationalities, religious groups) have no FtM schema that fits a political entity named in
news without passing it off as a company or an address, so they appear only as Mention names.
An event's modality goes into its summary and keywords: Aleph shows a denied capture as denied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirescope.errors import MissingExtra
from wirescope.record import Actor, Article, Event

SCHEMA_BY_ACTOR_TYPE = {"PERSON": "Person", "ORG": "Organization", "GROUP": "Organization"}


def ftm_id(*parts: str) -> str:
    """An FtM entity id for a wirescope id. FtM ids allow letters, digits, dots and dashes only:
    an id with an underscore is dropped, silently, where another entity refers to it."""
    return "-".join(("wirescope", *parts)).replace("_", "-")


def _model():
    try:
        from followthemoney import model
    except ModuleNotFoundError as exc:
        raise MissingExtra("FollowTheMoney export", "export") from exc
    return model


def actor_entity(actor: Actor) -> Any | None:
    schema = SCHEMA_BY_ACTOR_TYPE.get(actor.type)
    if schema is None:
        return None
    entity = _model().make_entity(schema)
    entity.id = ftm_id(actor.id)  # the cross-article key: same actor, same entity
    entity.add("name", actor.name)
    entity.add("alias", [a for a in actor.aliases if a != actor.name])
    if actor.type == "PERSON":
        entity.add("position", [r.role for r in actor.roles])
    return entity


def article_entity(article: Article) -> Any:
    entity = _model().make_entity("Article")
    entity.id = ftm_id(article.id)
    entity.add("title", article.title)
    entity.add("publisher", article.publisher)
    entity.add("publishedAt", article.published.isoformat() if article.published else None)
    entity.add("sourceUrl", article.url)
    entity.add("bodyText", article.text)
    entity.add("language", article.language)
    # contentHash is not set: FtM means a SHA-1 of a stored file there, and wirescope keeps SHA-256.
    return entity


def mention_entity(article: Article, index: int, resolved: Any | None, name: str, schema: str | None) -> Any:
    entity = _model().make_entity("Mention")
    entity.id = ftm_id(article.id, f"m{index}")
    entity.add("document", ftm_id(article.id))
    entity.add("name", name)
    if resolved is not None:
        entity.add("resolved", resolved.id)
    if schema:
        entity.add("detectedSchema", schema)
    return entity


def event_entity(article: Article, event: Event, known: dict[str, Any]) -> Any:
    entity = _model().make_entity("Event")
    entity.id = ftm_id(event.id)
    state = "historical" if event.historical else event.modality
    entity.add("name", f"{event.type}: {article.text_of(event.evidence)}"[:200])
    entity.add("summary", f'{event.type} ({state}) — "{article.text_of(event.evidence)}"')
    entity.add("keywords", [event.type, state] + ([event.mode] if event.mode else []))
    if event.time and event.time.value[:10].count("-") == 2 and "X" not in event.time.value[:10]:
        entity.add("date", event.time.value[:10])
    if event.place:
        entity.add("location", event.place.name)
    for p in (event.actor, event.target):
        if p and p.actor_id and ftm_id(p.actor_id) in known:
            entity.add("involved", ftm_id(p.actor_id))
    if event.actor and event.actor.actor_id and ftm_id(event.actor.actor_id) in known:
        entity.add("organizer", ftm_id(event.actor.actor_id))
    entity.add("proof", ftm_id(article.id))
    return entity


def article_entities(article: Article) -> Iterator[Any]:
    """The article, its actors, a Mention per named mention of an actor, and its events."""
    yield article_entity(article)
    actors = {a.id: actor_entity(a) for a in article.actors}
    known = {e.id: e for e in actors.values() if e is not None}
    yield from known.values()
    for i, m in enumerate(article.mentions):
        if m.actor_id is None:
            continue
        resolved = actors.get(m.actor_id)
        actor = article.actor(m.actor_id)
        schema = SCHEMA_BY_ACTOR_TYPE.get(actor.type) if actor else None
        yield mention_entity(article, i, resolved, article.text_of(m.span), schema)
    for event in article.events:
        yield event_entity(article, event, known)
    from wirescope.query.claim_exports import claim_notes

    yield from claim_notes(article, set(known))
