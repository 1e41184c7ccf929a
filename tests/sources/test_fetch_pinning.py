"""DNS rebinding is closed: the address checked is the address connected to; IPv6 forms that carry
a private IPv4 address are refused; the scheme is case-insensitive. Servers run on 127.0.0.1 only."""

from __future__ import annotations

import pytest

from tests.conftest import LocalSite
from wirescope.sources import RawDocument, read_paths
from wirescope.sources.urls import Fetcher, FetchRefused, is_url, pinned_request, refuse_private

PAGE = "<html><head><title>Valley</title></head><body><article><p>Fighters held the valley.</p></article></body></html>"


class RebindingResolver:
    """Answers the site's address for the first `good` look-ups and another loopback address
    (where nothing listens) after: what a rebinding DNS server does between a check and a connect.
    The name it answers for (news.example) has no address in real DNS, so a fetch that succeeds
    connected to the address this resolver gave, and to no other."""

    def __init__(self, first: str, then: str, good: int) -> None:
        self.first, self.then, self.good, self.calls = first, then, good, 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [self.first if self.calls <= self.good else self.then]


@pytest.fixture
def site():
    s = LocalSite()
    yield s
    s.close()


def test_dns_rebinding_connection_goes_to_the_checked_address_with_the_name_as_host(site):
    site.page("/robots.txt", "", "text/plain")
    site.page("/a", PAGE)
    port = site.server.server_address[1]
    # Two look-ups, one per request (the page, then robots.txt), each answered well; any third
    # look-up, such as a connect that resolved the name again, would get the rebound address.
    resolver = RebindingResolver("127.0.0.1", "127.0.0.2", good=2)
    with Fetcher(allow_private=True, resolver=resolver, backoff=0.01, timeout=5, retries=0) as fetcher:
        document = fetcher.document(f"http://news.example:{port}/a")
    assert isinstance(document, RawDocument), document
    assert resolver.calls == 2 and len(site.requests) == 2
    assert {headers["Host"] for _, headers in site.requests} == {f"news.example:{port}"}


def test_each_request_resolves_once(site):
    site.page("/robots.txt", "", "text/plain")
    site.page("/a", PAGE)
    port = site.server.server_address[1]
    calls = []

    def resolver(host, p):
        calls.append(host)
        return ["127.0.0.1"]

    with Fetcher(allow_private=True, resolver=resolver, timeout=5) as fetcher:
        fetcher.document(f"http://news.example:{port}/a")
    assert len(calls) == len(site.requests)


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "::ffff:169.254.169.254",  # IPv4-mapped cloud metadata
    ],
)
def test_nat64_6to4_and_teredo_forms_of_private_addresses_are_refused(address):
    with pytest.raises(FetchRefused, match="--allow-private"):
        refuse_private("rebind.example", 80, resolver=lambda host, port: [address])


def test_nat64_form_of_a_public_address_is_allowed():
    assert refuse_private("x.example", 80, resolver=lambda h, p: ["64:ff9b::808:808"]) == "64:ff9b::808:808"


def test_any_private_answer_among_several_is_refused():
    with pytest.raises(FetchRefused):
        refuse_private("x.example", 80, resolver=lambda h, p: ["8.8.8.8", "127.0.0.1"])


@pytest.mark.parametrize(
    "url, pinned, host, sni",
    [
        ("https://news.example/a?b=1", "https://93.184.215.14/a?b=1", "news.example", {"sni_hostname": "news.example"}),
        ("http://news.example:8080/a", "http://93.184.215.14:8080/a", "news.example:8080", {}),
    ],
)
def test_pinned_request_keeps_host_header_and_tls_server_name(url, pinned, host, sni):
    assert pinned_request(url, "93.184.215.14") == (pinned, {"Host": host}, sni)


def test_pinned_ipv6_address_is_bracketed():
    assert pinned_request("https://x.example/", "2001:db8::1")[0] == "https://[2001:db8::1]/"


@pytest.mark.parametrize(
    "value, url",
    [("HTTP://example.org/a", True), ("Https://example.org", True), ("http-notes.txt", False), ("story.txt", False)],
)
def test_scheme_is_case_insensitive(value, url):
    assert is_url(value) is url


def test_upper_case_url_is_fetched_not_read_as_a_file(site):
    site.page("/robots.txt", "", "text/plain")
    site.page("/a", PAGE)
    with Fetcher(allow_private=True, timeout=5) as fetcher:
        [document] = list(read_paths([site.url.replace("http://", "HTTP://") + "/a"], fetcher=fetcher))
    assert isinstance(document, RawDocument) and document.data == PAGE.encode()
