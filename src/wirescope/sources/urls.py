"""Fetching pages and feeds over HTTP, politely and within bounds.

Polite: robots.txt is honoured for our user agent, at most `per_host` requests run at once to
one host, and a server that says 429 or 503 is given the time it asks for (Retry-After, capped).
Bounded: every request has a timeout, a response over the size limit is cut off and refused,
redirects stop after a few hops, and transient failures are retried a few times with growing,
jittered pauses. Safe: an address on the local machine or a private network is refused unless
`allow_private` is set, checked again at every redirect hop, so a shared server running
wirescope cannot be made to read its own network. A name is resolved once per request: the address
checked is the address connected to (the URL's host is replaced by it, the Host header and the TLS
server name keep the name, so virtual hosts and certificate checks work as before), so a DNS answer
that changes between the check and the connection (DNS rebinding) cannot point us elsewhere.
IPv6 forms that carry an IPv4 address inside (NAT64, 6to4, Teredo, IPv4-mapped) are judged by the
address they carry.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from wirescope.errors import Rejected
from wirescope.sources.document import Metadata, RawDocument
from wirescope.sources.sniff import sniff

# robots.txt rules that keep every agent out of the whole site.
_KEEP_OUT = ["User-agent: *", "Disallow: /"]


def _version() -> str:
    try:
        return version("wirescope")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "dev"


USER_AGENT = f"wirescope/{_version()} (news research crawler; honours robots.txt)"
ROBOTS_AGENT = "wirescope"
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 30.0


# The well-known NAT64 prefix (RFC 6052): the last 32 bits are the IPv4 address reached.
NAT64 = ipaddress.ip_network("64:ff9b::/96")

Resolver = Callable[[str, int], list[str]]


def is_url(value: str) -> bool:
    """An http(s) URL; the scheme is case-insensitive ("HTTP://" is one, not a file path)."""
    return value[:8].lower().startswith(("http://", "https://"))


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for host (scope ids dropped)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve {host}: {exc.strerror}") from exc
    return [str(info[4][0]).split("%")[0] for info in infos]


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP response as received (after redirects), before it is judged an article or not."""

    url: str  # the final URL
    status: int
    content_type: str
    body: bytes = field(repr=False)
    etag: str | None = None
    last_modified: str | None = None


class FetchRefused(Exception):
    """A URL we will not or could not fetch; the message is the reason, for a Rejected."""


def refuse_private(host: str, port: int, resolver: Resolver = system_resolver) -> str:
    """The address to connect to for host, after refusing loopback, private, link-local and
    reserved space in any address it resolves to (or carries inside); raises FetchRefused."""
    addresses = resolver(host, port)
    if not addresses:
        raise FetchRefused(f"cannot resolve {host}: no address")
    for text in addresses:
        address = ipaddress.ip_address(text)
        # Not globally routable covers loopback, RFC 1918, link-local (cloud metadata at
        # 169.254.169.254), carrier-grade NAT, unique-local IPv6 and the reserved ranges.
        for reached in (address, *embedded_ipv4(address)):
            if not reached.is_global or reached.is_multicast:
                raise FetchRefused(
                    f"{host} is a private or local address ({address}); pass --allow-private to fetch from it"
                )
    return addresses[0]


def embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to: NAT64, 6to4, Teredo (server and client), mapped."""
    if address.version == 4:
        return []
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo:
        found += list(address.teredo)
    if address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def pinned_request(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The URL with its host replaced by the checked address, the Host header that keeps the name,
    and the TLS server name (SNI, and the name the certificate is checked against) for https."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    pinned = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    host_header = parts.netloc.rsplit("@", 1)[-1]
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return pinned, {"Host": host_header}, extensions


class Fetcher:
    """An HTTP client for documents and feeds: one per run, shared by its threads."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        max_bytes: int = 10_000_000,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 0.5,
        per_host: int = 2,
        threads: int = 8,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.per_host = per_host
        self.threads = threads
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=False, transport=transport
        )
        self._lock = threading.Lock()
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- one response ----------------------------------------------------------------------

    def get(self, url: str, headers: dict[str, str] | None = None, check_robots: bool = True) -> Fetched:
        """GET a URL, following redirects and retrying transient failures; raises FetchRefused."""
        for _hop in range(MAX_REDIRECTS + 1):
            address = self._check_allowed(url, check_robots)
            response = self._get_with_retries(url, address, headers or {})
            if response.status in (301, 302, 303, 307, 308) and response.location:
                url = urljoin(url, response.location)
                continue
            return Fetched(
                url, response.status, response.content_type, response.body, response.etag, response.last_modified
            )
        raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")

    def _check_allowed(self, url: str, check_robots: bool) -> str:
        """The one address this request connects to, once it is known to be allowed."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchRefused(f"not an http(s) URL: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._resolve(parts.hostname, port)
        if check_robots and not self._robots_allow(url):
            raise FetchRefused("disallowed by the site's robots.txt")
        return address

    def _resolve(self, host: str, port: int) -> str:
        if not self.allow_private:
            return refuse_private(host, port, self.resolver)
        addresses = self.resolver(host, port)
        if not addresses:
            raise FetchRefused(f"cannot resolve {host}: no address")
        return addresses[0]

    def _get_with_retries(self, url: str, address: str, headers: dict[str, str]) -> _Response:
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._get_once(url, address, headers)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if last:
                    raise FetchRefused(f"cannot fetch: {exc.__class__.__name__}: {exc}") from exc
                self._pause(attempt)
                continue
            if response.status in RETRY_STATUSES and not last:
                self._pause(attempt, response.retry_after)
                continue
            return response
        raise AssertionError("unreachable")

    def _pause(self, attempt: int, retry_after: float | None = None) -> None:
        delay = self.backoff * 2**attempt * (1 + random.random())
        time.sleep(min(MAX_RETRY_AFTER, max(delay, retry_after or 0)))

    def _get_once(self, url: str, address: str, headers: dict[str, str]) -> _Response:
        pinned, host, extensions = pinned_request(url, address)
        with (
            self._slot(urlsplit(url).netloc),
            self.client.stream("GET", pinned, headers={**headers, **host}, extensions=extensions) as response,
        ):
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchRefused(
                    f"response is {int(declared) / 1e6:.1f} MB, over the {self.max_bytes / 1e6:.0f} MB limit"
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchRefused(f"response is over the {self.max_bytes / 1e6:.0f} MB limit")
            return _Response.of(response, bytes(body))

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._host_slots.setdefault(host, threading.BoundedSemaphore(self.per_host))

    # --- robots.txt ------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            rules = self._load_robots(origin)
            with self._lock:
                self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        """The site's rules; None (allow all) when it has none. A server error means "keep out"
        (RFC 9309 §2.3.1.3), since the site may be unable to say what it forbids."""
        rules = RobotFileParser()
        try:
            response = self.get(f"{origin}/robots.txt", check_robots=False)
        except FetchRefused:
            rules.parse(_KEEP_OUT)
            return rules
        if response.status >= 500:
            rules.parse(_KEEP_OUT)
        elif response.status >= 400:
            return None
        else:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules

    # --- documents -------------------------------------------------------------------------

    def document(self, url: str, metadata: Metadata = Metadata()) -> RawDocument | Rejected:
        """One page as a document, or the reason it is not one."""
        try:
            fetched = self.get(url)
        except FetchRefused as exc:
            return Rejected(url, str(exc))
        return as_document(fetched, url, metadata)

    def documents(self, url: str, metadata: Metadata = Metadata()) -> Iterator[RawDocument | Rejected]:
        """A URL's documents: the page itself, or every entry of a feed (their pages fetched in parallel)."""
        from wirescope.sources.feeds import feed_documents

        try:
            fetched = self.get(url)
        except FetchRefused as exc:
            yield Rejected(url, str(exc))
            return
        if fetched.status == 200 and _is_feed(fetched):
            yield from self.resolve(feed_documents(fetched.body, url, fetch=self.deferred))
            return
        yield as_document(fetched, url, metadata)

    @staticmethod
    def deferred(url: str, metadata: Metadata) -> _Deferred:
        """A page to fetch later in `resolve`, in parallel with the others."""
        return _Deferred(url, metadata)

    def resolve(self, items: Iterable[RawDocument | Rejected | _Deferred]) -> Iterator[RawDocument | Rejected]:
        """Fetch the deferred pages among `items` on a thread pool, keeping the input order."""
        with ThreadPoolExecutor(self.threads) as pool:
            pending = [
                pool.submit(self.document, item.url, item.metadata) if isinstance(item, _Deferred) else item
                for item in items
            ]
            for item in pending:
                yield item.result() if hasattr(item, "result") else item


@dataclass(frozen=True, slots=True)
class _Deferred:
    """A page to fetch later, in parallel with others (what a feed entry with only a teaser yields)."""

    url: str
    metadata: Metadata


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    content_type: str
    body: bytes = field(repr=False)
    location: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None

    @classmethod
    def of(cls, response: httpx.Response, body: bytes) -> _Response:
        retry_after = response.headers.get("Retry-After", "")
        return cls(
            response.status_code,
            response.headers.get("Content-Type", ""),
            body,
            response.headers.get("Location"),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
            float(retry_after) if retry_after.isdigit() else None,
        )


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _is_feed(fetched: Fetched) -> bool:
    return media_type(fetched.content_type) in FEED_TYPES or sniff(fetched.body[:65536]) == "feed"


def as_document(fetched: Fetched, requested: str, metadata: Metadata) -> RawDocument | Rejected:
    """The response as a document if it is a page with an article in it; else the reason it is not."""
    if fetched.status != 200:
        return Rejected(requested, f"HTTP {fetched.status} from {fetched.url}")
    kind = media_type(fetched.content_type)
    if kind and kind not in ARTICLE_TYPES:
        return Rejected(requested, f"not an article page: {kind} from {fetched.url}")
    # The body is kept exactly as received: it becomes the Source's raw bytes, for audit.
    return RawDocument(
        fetched.url,
        fetched.body,
        Metadata(metadata.title, metadata.url or fetched.url, metadata.publisher, metadata.published),
    )


__all__ = [
    "USER_AGENT",
    "FetchRefused",
    "Fetched",
    "Fetcher",
    "as_document",
    "embedded_ipv4",
    "is_url",
    "pinned_request",
    "refuse_private",
    "system_resolver",
]
