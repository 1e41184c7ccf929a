"""Corrections on the web: the JSON API (`GET`/`POST /api/corrections`) and the actor page's
merge and split forms.

Writes are guarded twice. When the server has a token, every request carries it (app.py). And a
page on another site must not be able to make a reviewer's browser write: the API takes only
`application/json` bodies (a cross-site page cannot send one without a CORS preflight, which
this server never grants) whose Origin, when the browser sends one, is this server; the HTML
forms carry a CSRF token that only this server's pages hold. The log itself has no update or
delete route: a correction is undone by a newer one.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import RedirectResponse

from wirescope.errors import WirescopeError
from wirescope.query.corrections import add, correct, correction_records
from wirescope.record import Span
from wirescope.web.api import StoreDep
from wirescope.web.server import host_name

router = APIRouter(tags=["corrections"])
ACTIONS = ("set", "reject", "confirm", "add")


class Refused(WirescopeError):
    """A write that did not come from this server's own pages or an API client."""


def csrf_token(request: Request) -> str:
    return request.app.state.csrf


def _check_origin(request: Request, opaque_ok: bool = False) -> None:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin == "null" and opaque_ok:
        return
    if origin and origin != "null":
        if host_name(urlsplit(origin).netloc) != host_name(request.headers.get("host", "")):
            raise Refused(f"a write from another site ({origin}) is refused", hint="correct from this server's pages")
    elif origin == "null":
        raise Refused("a write from an opaque origin is refused", hint="correct from this server's pages")


def _check_json(request: Request) -> None:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Refused("corrections are posted as application/json", hint="send Content-Type: application/json")


@router.get("/api/corrections")
def list_corrections(
    store: StoreDep,
    status: Annotated[str | None, Query(description="applied, orphaned or unmatched")] = None,
    article: Annotated[str | None, Query(description="Only this article's corrections")] = None,
) -> dict:
    """The correction log, oldest first, each with its status now (applied, orphaned, unmatched)."""
    items = [r for r in correction_records(store, status) if article is None or r["article_id"] == article]
    return {"total": len(items), "items": items}


@router.post("/api/corrections", status_code=201)
def post_correction(request: Request, store: StoreDep, body: Annotated[dict[str, Any], Body()]) -> dict:
    """Record one correction: {"target", "action": set|reject|confirm, "field", "value"}, or an
    addition {"action": "add", "article_id", "kind", "start", "end", "value"}; "reason" and
    "author" with either. Returns the correction with its status."""
    _check_json(request)
    _check_origin(request)
    action = body.get("action")
    if action not in ACTIONS:
        raise Refused(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    who = {"author": str(body.get("author") or "web"), "reason": str(body.get("reason") or "")}
    if action == "add":
        try:
            span = Span(int(body["start"]), int(body["end"]))
        except (KeyError, TypeError, ValueError):
            raise Refused("an addition needs integer start and end offsets") from None
        made = add(
            store, str(body.get("article_id")), str(body.get("kind")), span, dict(body.get("value") or {}), **who
        )
    else:
        target = body.get("target")
        if not target:
            raise Refused("a correction needs a target: the annotation's id")
        made = correct(store, str(target), action, str(body.get("field") or "*"), body.get("value"), **who)
    (record,) = [r for r in correction_records(store) if r["id"] == made.id]
    return record


async def _form(request: Request) -> dict[str, str]:
    fields = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    presented = fields.get("csrf_token", "")
    if not secrets.compare_digest(presented.encode(), csrf_token(request).encode()):
        raise Refused("this form did not come from this server's page", hint="reload the page and try again")
    # The server's pages are sent with Referrer-Policy no-referrer, so Chromium posts their forms
    # with Origin "null": the CSRF token, which only this server's pages hold, is the proof there.
    _check_origin(request, opaque_ok=True)
    return fields


def _who(fields: dict[str, str]) -> dict[str, str]:
    return {"author": fields.get("author") or "web", "reason": fields.get("reason", "")}


@router.post("/actors/{actor_id}/merge", include_in_schema=False)
async def merge_actor(actor_id: str, request: Request, store: StoreDep):
    fields = await _form(request)
    into = fields.get("into", "").strip()
    correct(
        store,
        actor_id,
        "set",
        "merged_into",
        into,
        author=fields.get("author") or "web",
        reason=fields.get("reason", ""),
    )
    return RedirectResponse(f"/actors/{into}", status_code=303)


@router.post("/actors/{actor_id}/split", include_in_schema=False)
async def split_actor(actor_id: str, request: Request, store: StoreDep):
    fields = await _form(request)
    correct(
        store,
        actor_id,
        "set",
        "merged_into",
        None,
        author=fields.get("author") or "web",
        reason=fields.get("reason", ""),
    )
    return RedirectResponse(f"/actors/{actor_id}", status_code=303)


@router.post("/corrections/{target:path}", include_in_schema=False)
async def correct_from_form(target: str, request: Request, store: StoreDep):
    """A confirm, reject or set from a page's form (the event view, the contested claims), with
    the page's CSRF token; back to the page it came from."""
    fields = await _form(request)
    action = fields.get("action", "")
    if action not in ("set", "reject", "confirm"):
        raise Refused(f"action must be set, reject or confirm, not {action!r}")
    value = fields.get("value") if action == "set" else None
    correct(store, target, action, fields.get("field") or "*", value, **_who(fields))  # type: ignore[arg-type]
    back = fields.get("back", "/")
    if not back.startswith("/") or back.startswith("//"):
        back = "/"  # never off this server
    return RedirectResponse(back, status_code=303)
