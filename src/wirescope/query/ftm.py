"""The record as FollowTheMoney entities (the data model of Aleph), built with the followthemoney package.

Schema per actor type: PERSON -> Person, ORG and GROUP -> Organization. GPE (countries, provinces)
and NORP (nationalities, religious groups) have no FtM schema that fits a political entity named in
news without passing it off as a company or an address, so they appear only as Mention names.
An event's modality goes into its summary and keywords: Aleph shows a denied capture as denied.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirescope.errors import MissingExtra
from wirescope.store.exporting import ArticleChunk

Row = dict[str, Any]

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


def actor_entity(actor_id: str, name: str, actor_type: str, aliases: Iterable[str], roles: Iterable[str]) -> Any | None:
    schema = SCHEMA_BY_ACTOR_TYPE.get(actor_type)
    if schema is None:
        return None
    entity = _model().make_entity(schema)
    entity.id = ftm_id(actor_id)  # the cross-article key: same actor, same entity
    entity.add("name", name)
    entity.add("alias", [a for a in aliases if a != name])
    if actor_type == "PERSON":
        entity.add("position", list(roles))
    return entity


def article_entity(article: Row) -> Any:
    """The Article of an article's row (id, title, publisher, published day, url, text, language)."""
    entity = _model().make_entity("Article")
    entity.id = ftm_id(article["id"])
    entity.add("title", article["title"])
    entity.add("publisher", article["publisher"])
    entity.add("publishedAt", article["published"])
    entity.add("sourceUrl", article["url"])
    entity.add("bodyText", article["text"])
    entity.add("language", article["language"])
    # contentHash is not set: FtM means a SHA-1 of a stored file there, and wirescope keeps SHA-256.
    return entity


def mention_entity(article_id: str, index: int, resolved: Any | None, name: str, schema: str | None) -> Any:
    entity = _model().make_entity("Mention")
    entity.id = ftm_id(article_id, f"m{index}")
    entity.add("document", ftm_id(article_id))
    entity.add("name", name)
    if resolved is not None:
        entity.add("resolved", resolved.id)
    if schema:
        entity.add("detectedSchema", schema)
    return entity


def event_entity(article_id: str, text: str, event: Row, known: dict[str, Any]) -> Any:
    """The Event of an events row (its columns: type, modality, evidence_start ...)."""
    entity = _model().make_entity("Event")
    entity.id = ftm_id(event["id"])
    state = "historical" if event["historical"] else event["modality"]
    evidence = text[event["evidence_start"] : event["evidence_end"]]
    entity.add("name", f"{event['type']}: {evidence}"[:200])
    entity.add("summary", f'{event["type"]} ({state}) — "{evidence}"')
    entity.add("keywords", [event["type"], state] + ([event["mode"]] if event["mode"] else []))
    day = (event["time_value"] or "")[:10]
    if day.count("-") == 2 and "X" not in day:
        entity.add("date", day)
    if event["place_name"] is not None:
        entity.add("location", event["place_name"])
    doers = [event[f"{p}_id"] if event[f"{p}_name"] is not None else None for p in ("actor", "target")]
    for actor_id in doers:
        if actor_id and ftm_id(actor_id) in known:
            entity.add("involved", ftm_id(actor_id))
    if doers[0] and ftm_id(doers[0]) in known:
        entity.add("organizer", ftm_id(doers[0]))
    entity.add("proof", ftm_id(article_id))
    return entity


def article_entities(chunk: ArticleChunk, article: Row) -> Iterator[Any]:
    """The article, its actors (those its mentions name, then those it gives a role), a Mention
    per named mention of an actor, its events and its claims, from the rows of its chunk."""
    aid, text = article["id"], article["text"]
    mentions, roles = chunk.parts["mentions"].get(aid, ()), chunk.parts["roles"].get(aid, ())
    yield article_entity(article)
    ids = dict.fromkeys([m["actor_id"] for m in mentions if m["actor_id"]] + [r["actor_id"] for r in roles])
    actors: dict[str, Any] = {}
    for i in ids:
        a = chunk.actors[i]
        positions = [r["role"] for r in roles if r["actor_id"] == i]
        actors[i] = actor_entity(i, a["name"], a["type"], a["aliases"], positions)
    known = {e.id: e for e in actors.values() if e is not None}
    yield from known.values()
    for index, m in enumerate(mentions):
        if m["actor_id"] is None:
            continue
        actor = chunk.actors.get(m["actor_id"])
        schema = SCHEMA_BY_ACTOR_TYPE.get(actor["type"]) if actor else None
        yield mention_entity(aid, index, actors.get(m["actor_id"]), text[m["start"] : m["end"]], schema)
    for event in chunk.parts["events"].get(aid, ()):
        yield event_entity(aid, text, event, known)
    from wirescope.query.claim_exports import claim_notes

    yield from claim_notes(aid, text, chunk.claims.get(aid, ()), set(known))
