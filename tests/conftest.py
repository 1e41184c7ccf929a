"""Shared fixtures: the seed article and the gold sets in ../shared, real stores."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
EVAL = SHARED / "eval"
DEMO = ROOT / "src" / "wirescope" / "demo" / "corpus"


def need_shared(path: Path) -> Path:
    """Skip with a reason when ../shared is absent (a user's fresh clone); under CI that is a failure."""
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI must have ../shared beside the project")
    pytest.skip(f"{path} is absent (a fresh clone has no ../shared); these tests read it")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (need_shared(SEED) / "panjshir_dailybeast_2021.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((need_shared(SEED) / "panjshir_dailybeast_2021.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(seed_text, seed_gold):
    import wirescope

    return wirescope.process(seed_text, published=seed_gold["metadata"]["published_for_tests"])


@pytest.fixture
def store():
    import wirescope

    with wirescope.open_store("memory") as s:
        yield s


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """A SQLite file holding the whole demo corpus, ingested once per test session. Read it only."""
    import wirescope
    from wirescope.run import ingest
    from wirescope.sources import read_paths

    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with wirescope.open_store(path) as s:
        report = ingest(read_paths([str(DEMO)]), s)
    assert report.ok, report.rejected
    return path


# --- stores on every backend -------------------------------------------------------------------
# SQLite always; PostgreSQL when WIRESCOPE_TEST_POSTGRES_URL names a server (.ci/run starts one).
BACKENDS = ["sqlite", "postgresql"]


def postgres_url_or_skip() -> str:
    url = os.environ.get("WIRESCOPE_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("WIRESCOPE_TEST_POSTGRES_URL is not set: CI must run the store tests against PostgreSQL")
    pytest.skip("WIRESCOPE_TEST_POSTGRES_URL is not set; .ci/run starts a PostgreSQL server for these tests")


@contextmanager
def empty_store_url(backend: str, tmp_path: Path):
    """A --db value for an empty store: a SQLite file, or a PostgreSQL schema of its own.

    Each PostgreSQL test gets a fresh schema (chosen by search_path in the URL), dropped after,
    so tests neither see nor leave each other's rows.
    """
    if backend == "sqlite":
        yield str(tmp_path / "wirescope.db")
        return
    from wirescope.store.scratch import scratch_schema

    with scratch_schema(postgres_url_or_skip(), "test") as url:
        yield url


@pytest.fixture(params=BACKENDS)
def any_store_url(request, tmp_path):
    """The --db value of an empty store on each backend in turn (for tests that open it themselves)."""
    with empty_store_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def any_store(any_store_url):
    """An empty, real store on each backend in turn: a SQLite file, then PostgreSQL."""
    import wirescope

    with wirescope.open_store(any_store_url) as s:
        yield s


# --- a web site on 127.0.0.1 for the fetching tests ---------------------------------------------
class LocalSite:
    """A tiny web server in a thread: routes are set per test, every request is logged."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        site = self
        self.routes: dict[str, Callable] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                status, headers, body = site.respond(self.path, dict(self.headers))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep pytest's output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        route = self.routes.get(path)
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return route(headers) if callable(route) else route

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", status: int = 200):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type}, data)

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site():
    site = LocalSite()
    yield site
    site.close()


def copy_of_article(article, n: int, extra_alias: str | None = None):
    """The article as if published again elsewhere: new article, source and annotation ids (the
    ids are keys across the store), and optionally one more alias for every actor."""
    import dataclasses
    import hashlib

    from wirescope.record import stable_id

    raw = article.source.raw + f"\n<!-- copy {n} -->".encode()
    source = dataclasses.replace(article.source, uri=f"copy-{n}.txt", sha256=hashlib.sha256(raw).hexdigest(), raw=raw)
    new_id = stable_id("art", "copy", n, article.id)

    def renumbered(items, prefix):
        return tuple(dataclasses.replace(x, id=stable_id(prefix, new_id, i)) for i, x in enumerate(items))

    events = renumbered(article.events, "evt")
    new_event_ids = {old.id: new.id for old, new in zip(article.events, events, strict=True)}
    records = tuple(
        dataclasses.replace(r, mentions=tuple(new_event_ids[m] for m in r.mentions))
        for r in renumbered(article.event_records, "rec")
    )
    actors = article.actors
    if extra_alias:
        actors = tuple(dataclasses.replace(a, aliases=tuple(sorted({*a.aliases, extra_alias}))) for a in actors)
    return dataclasses.replace(
        article,
        id=new_id,
        source=source,
        actors=actors,
        doc=None,
        quotes=renumbered(article.quotes, "quote"),
        events=events,
        event_records=records,
        times=renumbered(article.times, "time"),
        claims=renumbered(article.claims, "claim"),
    )
