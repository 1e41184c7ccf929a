"""The HTML views. Templates autoescape everything; data for scripts goes in JSON script blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from wirescope.errors import NotFound, WirescopeError
from wirescope.query.browse import Filters, browse, counts, filtered
from wirescope.query.evidence import article_evidence
from wirescope.query.facets import facet_counts, quotes_by_speaker
from wirescope.query.network import network
from wirescope.query.search import search
from wirescope.query.timeline import located_events, located_places, timeline
from wirescope.web.api import FiltersDep, StoreDep

router = APIRouter(include_in_schema=False)
# autoescape=True for every template, whatever its name: article text is untrusted.
templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
PAGE_SIZE = 50
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
        "index.html", page="index", counts=counts(store), articles=browse(store, "articles", Filters(), 200).items
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, store: StoreDep) -> HTMLResponse:
    evidence = article_evidence(store.article(article_id))
    return render("article.html", page="article", article=evidence["article"], evidence=evidence)


@router.get("/list/{kind}", response_class=HTMLResponse)
def list_page(
    kind: str, request: Request, store: StoreDep, f: FiltersDep, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    if kind not in LIST_KINDS:
        raise NotFound(f"no list of {kind!r}; the lists are: {', '.join(LIST_KINDS)}")
    found = filtered(store, kind, f)
    return render(
        "list.html",
        page=kind,
        kind=kind,
        items=found[offset : offset + PAGE_SIZE],
        total=len(found),
        offset=offset,
        page_size=PAGE_SIZE,
        facets=facet_counts(kind, found),
        filters=f,
        qs=lambda **c: query_string(request, **c),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    quotes = filtered(store, "quotes", f)
    return render("quotes.html", page="quotes", groups=quotes_by_speaker(quotes), total=len(quotes), filters=f)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    events = timeline(store, f)
    days: dict[str | None, list] = {}
    for e in events:
        days.setdefault(e["day"], []).append(e)
    return render("timeline.html", page="timeline", days=list(days.items()), total=len(events), filters=f)


@router.get("/map", response_class=HTMLResponse)
def map_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    places, events = located_places(store, f), located_events(store, f)
    return render(
        "map.html", page="map", places=places, events=events, filters=f, data={"places": places, "events": events}
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(store: StoreDep, f: FiltersDep) -> HTMLResponse:
    graph = network(store, f)
    return render("network.html", page="network", graph=graph, filters=f)


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: str = "", offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    hits = search(store, q, PAGE_SIZE, offset) if q.strip() else None
    return render("search.html", page="search", q=q, hits=hits)
