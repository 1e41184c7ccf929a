"""The HTML views. Templates autoescape everything; data for scripts goes in JSON script blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from wirescope.errors import NotFound, WirescopeError
from wirescope.query.browse import Filter, browse, counts
from wirescope.query.claims import ClaimFilter
from wirescope.query.claims import contested as contested_propositions
from wirescope.query.corrections import editable_fields
from wirescope.query.event_view import event_view
from wirescope.query.evidence import article_evidence
from wirescope.query.facets import facet_counts, quotes_by_speaker
from wirescope.query.network import NETWORK_TIES, network
from wirescope.query.search import search
from wirescope.query.timeline import MAP_EVENTS, located_events, place_counts, timeline_page
from wirescope.web.api import After, FiltersDep, StoreDep

router = APIRouter(include_in_schema=False)
# autoescape=True for every template, whatever its name: article text is untrusted.
templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
PAGE_SIZE = 50
QUOTES_SHOWN = 500  # the quotes page groups this many quotes by speaker; the rest behind "more"
LIST_KINDS = ("articles", "events", "actors", "places")


def render(name: str, status_code: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


def error_page(_request: Request, status: int, exc: WirescopeError) -> HTMLResponse:
    return render("error.html", status, status=status, message=str(exc), hint=exc.hint, page="error")


def query_string(request: Request, **changes) -> str:
    """The current query string with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k != "token"}
    params.update({k: str(v) for k, v in changes.items() if v is not None})
    for k in [k for k, v in changes.items() if v is None]:
        params.pop(k, None)
    return "?" + urlencode(params)


@router.get("/", response_class=HTMLResponse)
def index(store: StoreDep) -> HTMLResponse:
    return render(
        "index.html", page="index", counts=counts(store), articles=browse(store, "articles", Filter(), 200).items
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    evidence = article_evidence(store.article(article_id))
    return render(
        "article.html",
        page="article",
        article=evidence["article"],
        evidence=evidence,
        editable=editable_fields(),
        csrf=request.app.state.csrf,
    )


@router.get("/list/{kind}", response_class=HTMLResponse)
def list_page(
    kind: str, request: Request, store: StoreDep, f: FiltersDep, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    if kind not in LIST_KINDS:
        raise NotFound(f"no list of {kind!r}; the lists are: {', '.join(LIST_KINDS)}")
    page = browse(store, kind, f, PAGE_SIZE, offset)
    return render(
        "list.html",
        page=kind,
        kind=kind,
        items=page.items,
        total=page.total,
        offset=offset,
        page_size=PAGE_SIZE,
        facets=facet_counts(store, kind, f),
        filters=f,
        qs=lambda **c: query_string(request, **c),
    )


@router.get("/event/{cluster_id}", response_class=HTMLResponse)
def event_page(cluster_id: str, store: StoreDep) -> HTMLResponse:
    """One event: its reports side by side, evidence marked, agreeing and differing fields marked."""
    return render("event.html", page="event", view=event_view(store, cluster_id))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: StoreDep, f: FiltersDep, after: After = None) -> HTMLResponse:
    page = browse(store, "quotes", f, QUOTES_SHOWN, after=after)
    more = query_string(request, after=page.next) if page.next else None
    return render(
        "quotes.html", page="quotes", groups=quotes_by_speaker(page.items), total=page.total, filters=f, more=more
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_view(request: Request, store: StoreDep, f: FiltersDep, after: After = None) -> HTMLResponse:
    shown = timeline_page(store, f, after=after)
    days: dict[str | None, list] = {}
    for e in shown["items"]:
        days.setdefault(e["day"], []).append(e)
    counts_by_day = {d["day"] or None: d["events"] for d in shown["days"]}
    more = query_string(request, after=shown["next"]) if shown["next"] else None
    return render(
        "timeline.html",
        page="timeline",
        days=list(days.items()),
        total=shown["total"],
        filters=f,
        counts_by_day=counts_by_day,
        more=more,
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    counted = place_counts(store, f)
    places, events = counted["items"], located_events(store, f, MAP_EVENTS)
    return render(
        "map.html",
        page="map",
        places=places,
        events=events,
        filters=f,
        more_places=counted["more"],
        data={"places": places, "events": events},
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    graph = network(store, f, NETWORK_TIES)
    return render("network.html", page="network", graph=graph, filters=f)


@router.get("/contested", response_class=HTMLResponse)
def contested_page(
    store: StoreDep, claimant: str | None = None, place: str | None = None, since: date | None = None
) -> HTMLResponse:
    """Each contested proposition, its sides side by side, most independent stories first."""
    found = contested_propositions(store, ClaimFilter(claimant, place, since))
    return render("contested.html", page="contested", propositions=found, place=place, claimant=claimant)


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: str = "", offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    hits = search(store, q, PAGE_SIZE, offset) if q.strip() else None
    return render("search.html", page="search", q=q, hits=hits)
