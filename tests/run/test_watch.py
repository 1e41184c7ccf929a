"""`wirescope watch`: conditional polls (ETag / Last-Modified) that ingest only what is new."""

from __future__ import annotations

import html

import pytest
from click.testing import CliRunner

from tests.conftest import DEMO
from wirescope.annotate import build_pipeline
from wirescope.cli import cli
from wirescope.run.watch import poll
from wirescope.settings import Settings
from wirescope.sources.urls import Fetcher
from wirescope.store import open_store

STORIES = sorted(p for p in DEMO.iterdir() if p.suffix == ".txt")[:3]


def entry(path, site: str | None = None, teaser: bool = False) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in path.read_text(encoding="utf-8").split("\n\n"))
    link = f"{site}/pages/{path.stem}" if site else f"https://news.example/{path.stem}"
    content = "" if teaser else f"<content:encoded><![CDATA[{body}]]></content:encoded>"
    return (
        f"<item><title>{path.stem}</title><link>{link}</link><guid>{path.stem}</guid>"
        f"<description>Teaser.</description>{content}</item>"
    )


def rss(*entries: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Test Wire</title>{''.join(entries)}</channel></rss>"
    ).encode()


def serve_feed(site, body: bytes, etag: str | None = None, last_modified: str | None = None) -> None:
    """The feed, answering 304 when the request carries the current validator."""
    validators = {k: v for k, v in (("ETag", etag), ("Last-Modified", last_modified)) if v}

    def route(headers):
        if (etag and headers.get("If-None-Match") == etag) or (
            last_modified and headers.get("If-Modified-Since") == last_modified
        ):
            return 304, validators, b""
        return 200, {"Content-Type": "application/rss+xml", **validators}, body

    site.routes["/feed"] = route


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(Settings())


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, retries=0, backoff=0.01) as f:
        yield f


def test_a_poll_ingests_new_entries_and_an_unchanged_feed_costs_a_304(local_site, fetcher, pipeline, tmp_path):
    url = local_site.url + "/feed"
    with open_store(str(tmp_path / "w.db")) as store:
        serve_feed(local_site, rss(entry(STORIES[0]), entry(STORIES[1])), etag='"v1"')
        first = poll(url, store, fetcher, pipeline, Settings())
        assert first.status == "new" and len(first.stored) == 2

        second = poll(url, store, fetcher, pipeline, Settings())
        assert second.status == "unchanged"
        assert local_site.requests[-1][1].get("If-None-Match") == '"v1"'

        serve_feed(local_site, rss(entry(STORIES[0]), entry(STORIES[1]), entry(STORIES[2])), etag='"v2"')
        third = poll(url, store, fetcher, pipeline, Settings())
        assert third.status == "new" and len(third.stored) == 1
        assert len(store.article_ids()) == 3


def test_last_modified_is_sent_back_and_remembered_across_restarts(local_site, pipeline, tmp_path):
    url, db, stamp = local_site.url + "/feed", str(tmp_path / "w.db"), "Tue, 07 Sep 2021 10:00:00 GMT"
    serve_feed(local_site, rss(entry(STORIES[0])), last_modified=stamp)
    with open_store(db) as store, Fetcher(allow_private=True) as fetcher:
        assert poll(url, store, fetcher, pipeline, Settings()).status == "new"
    with open_store(db) as store, Fetcher(allow_private=True) as fetcher:  # a new process, in effect
        assert poll(url, store, fetcher, pipeline, Settings()).status == "unchanged"
    assert local_site.requests[-1][1].get("If-Modified-Since") == stamp


def test_a_page_that_failed_to_fetch_is_tried_again_at_the_next_poll(local_site, fetcher, pipeline, tmp_path):
    url = local_site.url + "/feed"
    serve_feed(local_site, rss(entry(STORIES[0], local_site.url, teaser=True)))  # no validators: always 200
    page = f"/pages/{STORIES[0].stem}"
    local_site.page(page, "busy", "text/plain", status=503)
    with open_store(str(tmp_path / "w.db")) as store:
        failed = poll(url, store, fetcher, pipeline, Settings())
        assert failed.stored == () and len(failed.rejected) == 1
        body = "".join(f"<p>{html.escape(p)}</p>" for p in STORIES[0].read_text(encoding="utf-8").split("\n\n"))
        local_site.page(page, f"<html><head><title>t</title></head><body><article>{body}</article></body></html>")
        retried = poll(url, store, fetcher, pipeline, Settings())
        assert len(retried.stored) == 1
        assert poll(url, store, fetcher, pipeline, Settings()).status == "unchanged"


def test_the_watch_command_polls_a_given_number_of_times(local_site, tmp_path):
    serve_feed(local_site, rss(entry(STORIES[0])), etag='"only"')
    result = CliRunner().invoke(
        cli,
        [
            "watch",
            local_site.url + "/feed",
            "--db",
            str(tmp_path / "w.db"),
            "--polls",
            "2",
            "--interval",
            "1",
            "--allow-private",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 new article(s) stored" in result.output
    assert "nothing new" in result.output
