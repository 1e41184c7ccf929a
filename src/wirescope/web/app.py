"""The ASGI application: the JSON API and the HTML views over one store, with an optional token.

Bound to the loopback address, the server needs no token (only this machine reaches it). On any
other address `serve` refuses to start without one, and then every request must carry it: an
`Authorization: Bearer` header, or `?token=` once in a browser (it is then kept in a cookie).
A request whose Host header names neither the bind address nor an allowed name is refused
(web/server.py says why: DNS rebinding).
"""

from __future__ import annotations

import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from wirescope.errors import MissingExtra, NotFound, WirescopeError

try:
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse, PlainTextResponse
    from fastapi.staticfiles import StaticFiles
except ModuleNotFoundError as exc:  # the web extra is optional
    raise MissingExtra("wirescope serve", "web") from exc

from wirescope.settings import load_settings
from wirescope.store import Store, open_store
from wirescope.web import api, corrections, views
from wirescope.web.server import (
    KEEP_ALIVE_SECONDS,
    IdleClosingH11Protocol,
    allowed_hosts_for,
    host_name,
    install_log_redaction,
)

STATIC = Path(__file__).parent / "static"
TOKEN_COOKIE = "wirescope_token"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# No script, style, font or image from anywhere but wirescope itself; Leaflet sets inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def _presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)


def _add_token_check(app: FastAPI, token: str) -> None:
    @app.middleware("http")
    async def check_token(request: Request, call_next):
        presented = _presented_token(request)
        if presented is None or not secrets.compare_digest(presented.encode(), token.encode()):
            return PlainTextResponse(
                "401: this wirescope server needs its token (?token=... or Authorization: Bearer ...)", status_code=401
            )
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response


def _add_host_check(app: FastAPI, allowed: frozenset[str]) -> None:
    @app.middleware("http")
    async def check_host(request: Request, call_next):
        if host_name(request.headers.get("host", "")) not in allowed:
            return PlainTextResponse(
                "421: this wirescope server does not answer to that host name (add it with the allowed_hosts setting)",
                status_code=421,
            )
        return await call_next(request)


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return _error(request, 404, exc)

    @app.exception_handler(corrections.Refused)
    async def refused(request: Request, exc: corrections.Refused):
        return _error(request, 403, exc)

    @app.exception_handler(WirescopeError)
    async def bad_request(request: Request, exc: WirescopeError):
        return _error(request, 400, exc)


def _error(request: Request, status: int, exc: WirescopeError):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": str(exc), "hint": exc.hint}, status_code=status)
    return views.error_page(request, status, exc)


def create_app(db: str | Store, token: str | None = None, allowed_hosts: frozenset[str] | None = None) -> FastAPI:
    """The app over a store (a --db value, or an open Store that the caller closes). With
    `allowed_hosts`, a request naming any other host is refused (`serve` always passes them)."""
    owned = not isinstance(db, Store)
    store = db if isinstance(db, Store) else open_store(db, create=False)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="wirescope",
        summary="The sourced record of who said and did what, to whom, where and when.",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.csrf = secrets.token_urlsafe(32)  # what this server's forms carry (web/corrections.py)
    app.include_router(api.router)
    app.include_router(corrections.router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    _add_security_headers(app)
    if token:
        _add_token_check(app, token)
    if allowed_hosts is not None:
        _add_host_check(app, allowed_hosts)  # added last, so it runs first
    return app


def _version() -> str:
    from wirescope import __version__

    return __version__


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn until interrupted. Any address but the loopback needs a token."""
    from wirescope.errors import ConfigError

    if not is_loopback(host) and not token:
        raise ConfigError(
            f"--host {host}: serving beyond this machine needs a token",
            hint="add --token SECRET (or set WIRESCOPE_TOKEN); clients then send it",
        )
    import uvicorn

    allowed = allowed_hosts_for(host, load_settings().allowed_hosts)
    install_log_redaction()
    uvicorn.run(
        create_app(db, token, allowed),
        host=host,
        port=port,
        log_level="info",
        http=IdleClosingH11Protocol,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
