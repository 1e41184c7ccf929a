"""The JSON API: the record's kinds as paginated, filtered listings, one article's evidence, search.

Every item is a record of the JSONL contract (query/records.py, docs/record.md); a listing wraps
them as {"total", "limit", "offset", "items"}.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BeforeValidator

from wirescope.errors import NotFound
from wirescope.query.browse import MAX_LIMIT, Filter, browse, records_by_id
from wirescope.query.claims import ClaimFilter, claims
from wirescope.query.claims import contested as contested_propositions
from wirescope.query.event_view import event_view
from wirescope.query.evidence import article_evidence
from wirescope.query.network import NETWORK_TIES, network
from wirescope.query.records import article_record
from wirescope.query.search import search
from wirescope.query.timeline import TIMELINE_PAGE, timeline_page
from wirescope.store import Store
from wirescope.store.filters import Match

router = APIRouter(prefix="/api", tags=["record"])


def store_of(request: Request) -> Store:
    return request.app.state.store


def _blank_is_none(value: object) -> object:
    """A form's empty field (`since=`) means no such filter, not a malformed date."""
    return None if value == "" else value


Day = Annotated[date | None, BeforeValidator(_blank_is_none)]


def filters(
    actor: Annotated[str | None, Query(description="An actor's id, name or alias")] = None,
    place: Annotated[str | None, Query(description="A place's id or name")] = None,
    type: Annotated[str | None, Query(description="Events: PLOVER type; actors: actor type; quotes: kind")] = None,
    modality: Annotated[str | None, Query(description="Events: asserted, negated, claimed, hypothetical...")] = None,
    since: Annotated[Day, Query(description="From this day (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[Day, Query(description="Up to this day (YYYY-MM-DD), inclusive")] = None,
    match: Annotated[
        Match, Query(description="How actor and place names match: exact (name or alias) or substring")
    ] = "exact",
    publisher: Annotated[str | None, Query(description="Only articles of this publisher (exact)")] = None,
) -> Filter:
    """The one Filter (store/filters.py documents each field); the CLI and the web build the same."""
    return Filter(
        actor=actor or None,
        place=place or None,
        type=type or None,
        modality=modality or None,
        since=since,
        until=until,
        match=match,
        publisher=publisher or None,
    )


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=2**63 - 1)]  # beyond a 64-bit integer the database overflows
StoreDep = Annotated[Store, Depends(store_of)]
FiltersDep = Annotated[Filter, Depends(filters)]
After = Annotated[str | None, Query(description="The `next` cursor of the page before (keyset paging)")]


def _listing(kind: str):
    def endpoint(store: StoreDep, f: FiltersDep, limit: Limit = 50, offset: Offset = 0, after: After = None) -> dict:
        return browse(store, kind, f, limit, offset, after).as_dict()

    endpoint.__name__ = f"list_{kind}"
    endpoint.__doc__ = f"The stored {kind} passing the filters, one page at a time."
    return endpoint


for _kind in ("articles", "actors", "quotes", "events", "places", "times", "event_records"):
    router.add_api_route(f"/{_kind}", _listing(_kind), methods=["GET"], name=f"list_{_kind}")


def _record(kind: str):
    def endpoint(record_id: str, store: StoreDep) -> dict:
        found = records_by_id(store, kind, [record_id])
        if not found:
            raise NotFound(f"no {kind[:-1]} with id {record_id!r} in {store.description}")
        return found[0]

    endpoint.__name__ = f"get_{kind[:-1]}"
    endpoint.__doc__ = f"One stored {kind[:-1]} by id."
    return endpoint


for _kind in ("events", "quotes", "times", "actors", "places", "event_records"):
    router.add_api_route(f"/{_kind}/{{record_id}}", _record(_kind), methods=["GET"], name=f"get_{_kind[:-1]}")


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> dict:
    """One article's record (its clean text, paragraphs, removed boilerplate and repairs)."""
    return article_record(store.article(article_id))


@router.get("/articles/{article_id}/evidence")
def get_evidence(article_id: str, store: StoreDep) -> dict:
    """One article's annotations, each with its record, and its text cut into marked segments."""
    return article_evidence(store.article(article_id))


@router.get("/clusters/{cluster_id}")
def get_cluster(cluster_id: str, store: StoreDep) -> dict:
    """One event cluster: its reports, the fields they agree and differ on, its independent sources."""
    return event_view(store, cluster_id)


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
def get_timeline(
    store: StoreDep,
    f: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = TIMELINE_PAGE,
    after: After = None,
) -> dict:
    """Events per day (counted in SQL), and one page of events in day order with the day each is on."""
    return timeline_page(store, f, limit, after)


@router.get("/claims")
def get_claims(
    store: StoreDep,
    claimant: Annotated[str | None, Query(description="A claimant's name or actor id (any case)")] = None,
    place: Annotated[str | None, Query(description="A place's name ('Panjshir' finds 'Panjshir Valley')")] = None,
    since: Annotated[date | None, Query(description="Claims made on or after this day (YYYY-MM-DD)")] = None,
    contested: Annotated[bool, Query(description="Only claims of contradicted propositions")] = False,
) -> dict:
    """Attributed claims (claimant, stance, proposition, evidence), and the contested propositions
    with both sides, most independent stories first."""
    f = ClaimFilter(claimant, place, since, contested)
    return {"items": claims(store, f), "contested": contested_propositions(store, f)}


@router.get("/network")
def get_network(
    store: StoreDep,
    f: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = NETWORK_TIES,
    speech: Annotated[bool, Query(description="Also speech ties: quotes and the verbal event types")] = False,
) -> dict:
    """Who attacks, coerces, meets, supports, aids or rejects whom (with `speech`, also who speaks
    of, asks or accuses whom): the ties most independent stories report, with their evidence;
    `more` says how many ties were left out."""
    return network(store, f, limit, speech=speech)
