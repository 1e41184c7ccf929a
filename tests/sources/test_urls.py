"""Fetching is polite and bounded, and refuses the local network unless told otherwise.

Every request goes to a server the test starts on 127.0.0.1 (so the fetchers here allow private
addresses, except where refusing them is what is tested: those never send a request).
"""

from __future__ import annotations

import threading
import time

import pytest

from wirescope.errors import Rejected
from wirescope.sources.document import RawDocument
from wirescope.sources.urls import Fetcher, FetchRefused, refuse_private

PAGE = "<html><head><title>Valley</title></head><body><article><p>{}</p></article></body></html>"


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, backoff=0.01, timeout=5) as f:
        yield f


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
    ],
)
def test_local_private_and_link_local_addresses_are_refused(host):
    with pytest.raises(FetchRefused, match="--allow-private"):
        refuse_private(host, 80)


def test_a_public_address_is_not_refused():
    refuse_private("93.184.215.14", 80)  # only resolved (a literal): no request is sent


def test_without_allow_private_the_local_site_is_never_contacted(local_site):
    local_site.page("/a", PAGE.format("text"))
    with Fetcher() as strict:
        result = strict.document(local_site.url + "/a")
    assert isinstance(result, Rejected) and "--allow-private" in result.reason
    assert local_site.requests == []


def test_a_page_is_fetched_with_a_wirescope_user_agent_and_kept_byte_for_byte(local_site, fetcher):
    body = PAGE.format("Caf\xe9 in the valley").encode("cp1252")
    local_site.page("/news/1", body, "text/html; charset=windows-1252")
    document = fetcher.document(local_site.url + "/news/1")
    assert isinstance(document, RawDocument)
    assert document.data == body
    assert document.metadata.url == local_site.url + "/news/1"
    user_agents = {headers.get("User-Agent") for path, headers in local_site.requests}
    assert all("wirescope" in ua for ua in user_agents)


def test_robots_txt_is_honoured(local_site, fetcher):
    local_site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    local_site.page("/private/memo", PAGE.format("secret"))
    local_site.page("/public/story", PAGE.format("story"))
    refused = fetcher.document(local_site.url + "/private/memo")
    assert isinstance(refused, Rejected) and "robots.txt" in refused.reason
    assert isinstance(fetcher.document(local_site.url + "/public/story"), RawDocument)
    assert "/private/memo" not in local_site.paths_requested()
    assert local_site.paths_requested().count("/robots.txt") == 1  # read once per site


def test_a_robots_txt_server_error_means_keep_out(local_site, fetcher):
    local_site.page("/robots.txt", "down", "text/plain", status=500)
    local_site.page("/story", PAGE.format("story"))
    assert isinstance(fetcher.document(local_site.url + "/story"), Rejected)


def test_redirects_are_followed_and_the_final_url_recorded(local_site, fetcher):
    local_site.routes["/old"] = (301, {"Location": "/new"}, b"")
    local_site.page("/new", PAGE.format("moved"))
    document = fetcher.document(local_site.url + "/old")
    assert isinstance(document, RawDocument)
    assert document.uri == local_site.url + "/new"


def test_a_redirect_loop_stops(local_site, fetcher):
    local_site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    result = fetcher.document(local_site.url + "/loop")
    assert isinstance(result, Rejected) and "redirects" in result.reason


@pytest.mark.parametrize(
    ("content_type", "status", "reason"),
    [
        ("application/pdf", 200, "not an article page: application/pdf"),
        ("image/png", 200, "not an article page: image/png"),
        ("text/html", 404, "HTTP 404"),
        ("text/html", 410, "HTTP 410"),
    ],
)
def test_what_is_not_an_article_page_is_rejected_with_the_reason(local_site, fetcher, content_type, status, reason):
    local_site.page("/thing", b"%PDF-1.4 ...", content_type, status)
    result = fetcher.document(local_site.url + "/thing")
    assert isinstance(result, Rejected) and reason in result.reason


def test_a_response_over_the_size_limit_is_refused(local_site):
    local_site.page("/huge", PAGE.format("x" * 5000))
    with Fetcher(allow_private=True, max_bytes=1000) as small:
        result = small.document(local_site.url + "/huge")
    assert isinstance(result, Rejected) and "limit" in result.reason


def test_a_transient_server_error_is_retried(local_site, fetcher):
    answers = iter(
        [(503, {"Retry-After": "0"}, b"busy"), (200, {"Content-Type": "text/html"}, PAGE.format("ok").encode())]
    )
    local_site.routes["/flaky"] = lambda headers: next(answers)
    assert isinstance(fetcher.document(local_site.url + "/flaky"), RawDocument)
    assert local_site.paths_requested().count("/flaky") == 2


def test_retries_are_bounded(local_site):
    local_site.page("/down", "down", "text/plain", status=503)
    with Fetcher(allow_private=True, retries=2, backoff=0.01) as f:
        result = f.document(local_site.url + "/down")
    assert isinstance(result, Rejected) and "503" in result.reason
    assert local_site.paths_requested().count("/down") == 3


def test_at_most_per_host_requests_run_at_once(local_site):
    running, peak, lock = [0], [0], threading.Lock()

    def slow(_headers):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.15)
        with lock:
            running[0] -= 1
        return 200, {"Content-Type": "text/html"}, PAGE.format("slow").encode()

    for i in range(6):
        local_site.routes[f"/slow/{i}"] = slow
    with Fetcher(allow_private=True, per_host=2, threads=6) as f:
        pages = list(f.resolve(f.deferred(f"{local_site.url}/slow/{i}", _no_metadata()) for i in range(6)))
    assert all(isinstance(p, RawDocument) for p in pages)
    assert [p.uri for p in pages] == [f"{local_site.url}/slow/{i}" for i in range(6)]  # input order kept
    assert peak[0] == 2


def _no_metadata():
    from wirescope.sources.document import Metadata

    return Metadata()
