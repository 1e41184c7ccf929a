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
from wirescope.query.actors import roles_over_time
from wirescope.query.browse import Filter, browse, records_by_id
from wirescope.query.charts import colour_of
from wirescope.query.claims import ClaimFilter
from wirescope.query.claims import contested as contested_propositions
from wirescope.query.corrections import editable_fields
from wirescope.query.desk import front_page
from wirescope.query.event_view import event_view
from wirescope.query.evidence import article_evidence
from wirescope.query.facets import facet_counts, quotes_by_speaker
from wirescope.query.network import NETWORK_TIES, network
from wirescope.query.search import search
from wirescope.query.timeline import MAP_EVENTS, located_events, place_counts, timeline_page
from wirescope.web.api import After, FiltersDep, StoreDep
from wirescope.web.filterbar import filter_bar, filter_link

router = APIRouter(include_in_schema=False)
# autoescape=True for every template, whatever its name: article text is untrusted.
templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
templates.filters["type_colour"] = colour_of
PAGE_SIZE = 50
QUOTES_SHOWN = 500  # the quotes page groups this many quotes by speaker; the rest behind "more"
LIST_KINDS = ("articles", "events", "actors", "places")
ACTOR_QUOTES = 30


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
def index(request: Request, store: StoreDep, f: FiltersDep) -> HTMLResponse:
    front = front_page(store, f, lambda path, **changes: filter_link(path, f, **changes))
    return render("index.html", page="index", front=front, filters=f, bar=filter_bar(store, f, "/"), link=_linker(f))


def _linker(f: Filter):
    """`link(path, **changes)` for templates: a URL keeping the page's filter."""
    return lambda path, **changes: filter_link(path, f, **changes)


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
        bar=filter_bar(store, f, request.url.path),
        qs=lambda **c: query_string(request, **c),
    )


@router.get("/event/{cluster_id}", response_class=HTMLResponse)
def event_page(cluster_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    """One event: its reports side by side, evidence marked, agreeing and differing fields marked,
    and a form per report to confirm, reject, correct its modality or take it out of the event."""
    return render(
        "event.html",
        page="event",
        view=event_view(store, cluster_id),
        editable=editable_fields(),
        csrf=request.app.state.csrf,
        back=request.url.path,
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: StoreDep, f: FiltersDep, after: After = None) -> HTMLResponse:
    page = browse(store, "quotes", f, QUOTES_SHOWN, after=after)
    more = query_string(request, after=page.next) if page.next else None
    return render(
        "quotes.html",
        page="quotes",
        groups=quotes_by_speaker(page.items),
        total=page.total,
        filters=f,
        more=more,
        bar=filter_bar(store, f, "/quotes"),
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
        bar=filter_bar(store, f, "/timeline"),
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
        bar=filter_bar(store, f, "/map"),
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, f: FiltersDep, speech: bool = False) -> HTMLResponse:
    graph = network(store, f, NETWORK_TIES, speech=speech)
    toggle = query_string(request, speech=None if speech else "1")
    return render(
        "network.html",
        page="network",
        graph=graph,
        filters=f,
        speech=speech,
        toggle=toggle,
        bar=filter_bar(store, f, "/network"),
    )


@router.get("/contested", response_class=HTMLResponse)
def contested_page(
    request: Request,
    store: StoreDep,
    claimant: str | None = None,
    place: str | None = None,
    since: date | None = None,
) -> HTMLResponse:
    """Each contested proposition, its sides side by side, most independent stories first; each
    claim with a form to reject it or correct its stance."""
    found = contested_propositions(store, ClaimFilter(claimant, place, since))
    return render(
        "contested.html",
        page="contested",
        propositions=found,
        place=place,
        claimant=claimant,
        editable=editable_fields(),
        csrf=request.app.state.csrf,
        back=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: str = "", offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    hits = search(store, q, PAGE_SIZE, offset) if q.strip() else None
    return render("search.html", page="search", q=q, hits=hits)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    """One actor: its roles over time, its ties and its quotes, and the forms that merge it into
    another actor or split off one merged into it (web/corrections.py takes them)."""
    from wirescope.web.corrections import csrf_token

    found = records_by_id(store, "actors", [actor_id])
    if not found:
        raise NotFound(f"no actor with id {actor_id!r} in {store.description}", hint="list them at /list/actors")
    actor = found[0]
    return render(
        "actor.html",
        page="actors",
        actor=actor,
        roles=roles_over_time(store, actor),
        graph=network(store, Filter(actor=actor_id), NETWORK_TIES, speech=True),
        quotes=browse(store, "quotes", Filter(actor=actor_id), ACTOR_QUOTES),
        csrf=csrf_token(request),
    )
