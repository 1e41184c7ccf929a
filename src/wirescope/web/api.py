"""The JSON API: the record's kinds as paginated, filtered listings, one article's evidence, search.

Every item is a record of the JSONL contract (query/records.py, docs/record.md); a listing wraps
them as {"total", "limit", "offset", "items"}.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from wirescope.query.browse import MAX_LIMIT, Filters, browse
from wirescope.query.evidence import article_evidence
from wirescope.query.network import network
from wirescope.query.records import article_record
from wirescope.query.search import search
from wirescope.query.timeline import timeline
from wirescope.store import Store

router = APIRouter(prefix="/api", tags=["record"])


def store_of(request: Request) -> Store:
    return request.app.state.store


def filters(
    actor: Annotated[str | None, Query(description="An actor's id, name or alias")] = None,
    place: Annotated[str | None, Query(description="A place's id or name")] = None,
    type: Annotated[str | None, Query(description="Events: PLOVER type; actors: actor type; quotes: kind")] = None,
    modality: Annotated[str | None, Query(description="Events: asserted, negated, claimed, hypothetical...")] = None,
    since: Annotated[date | None, Query(description="From this day (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[date | None, Query(description="Up to this day (YYYY-MM-DD), inclusive")] = None,
) -> Filters:
    return Filters(actor=actor, place=place, type=type, modality=modality, since=since, until=until)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=2**63 - 1)]  # beyond a 64-bit integer the database overflows
StoreDep = Annotated[Store, Depends(store_of)]
FiltersDep = Annotated[Filters, Depends(filters)]


def _listing(kind: str):
    def endpoint(store: StoreDep, f: FiltersDep, limit: Limit = 50, offset: Offset = 0) -> dict:
        return browse(store, kind, f, limit, offset).as_dict()

    endpoint.__name__ = f"list_{kind}"
    endpoint.__doc__ = f"The stored {kind} passing the filters, one page at a time."
    return endpoint


for _kind in ("articles", "actors", "quotes", "events", "places", "times"):
    router.add_api_route(f"/{_kind}", _listing(_kind), methods=["GET"], name=f"list_{_kind}")


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> dict:
    """One article's record (its clean text, paragraphs, removed boilerplate and repairs)."""
    return article_record(store.article(article_id))


@router.get("/articles/{article_id}/evidence")
def get_evidence(article_id: str, store: StoreDep) -> dict:
    """One article's annotations, each with its record, and its text cut into marked segments."""
    return article_evidence(store.article(article_id))


@router.get("/search")
def full_text_search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, description="Words to find")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Offset = 0,
) -> dict:
    """Articles containing every word of q, best first, with snippets."""
    return search(store, q, limit, offset).as_dict()


@router.get("/timeline")
def get_timeline(store: StoreDep, f: FiltersDep) -> dict:
    """Events in time order, each placed on its own day or its article's."""
    return {"items": timeline(store, f)}


@router.get("/network")
def get_network(store: StoreDep, f: FiltersDep) -> dict:
    """Who meets, attacks, quotes or supports whom: actors and ties with their evidence."""
    return network(store, f)
