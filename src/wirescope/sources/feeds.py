"""RSS and Atom feeds: each entry becomes a document, from its own content or from its linked page.

Feeds are parsed with defusedxml: a feed is input from strangers, and the XML entity tricks
(billion laughs, external entities that read local files or call out) are refused outright
rather than expanded. RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 are read; the fields kept are the
ones a news record needs (title, link, date, publisher, body).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.entities import name2codepoint
from typing import TypeVar
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from wirescope.errors import DocumentError, Rejected
from wirescope.sources.document import Metadata, RawDocument

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"

# An entry whose own body has fewer characters than this is a teaser: the article is behind its link.
FULL_TEXT_CHARS = 600
# Inline XHTML elements whose text is never article text: scripts, styles, embedded objects.
NOT_TEXT = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"})
XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
LINK_SCHEMES = ("http", "https")

# What `fetch` gives for an entry that has only a link: a page fetched now, or one deferred.
Later = TypeVar("Later")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # guid / id, else the link: what makes an entry "already seen"
    title: str | None
    link: str | None
    published: date | None
    body: str | None  # HTML or text as the feed gives it


@dataclass(frozen=True, slots=True)
class Feed:
    uri: str
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(data: bytes, uri: str) -> Feed:
    """Read an RSS or Atom feed; a malformed or hostile one raises DocumentError naming it."""
    try:
        root = fromstring(_html_entities_as_numbers(data), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DocumentError(
            uri, f"feed refused: it declares XML entities or external references ({exc.__class__.__name__})"
        ) from exc
    except ParseError as exc:
        raise DocumentError(uri, f"not a well-formed feed: {exc}") from exc
    if root.tag == f"{ATOM}feed":
        return Feed(uri, _text(root, f"{ATOM}title"), tuple(_atom_entry(e) for e in root.iter(f"{ATOM}entry")))
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{RSS1}channel")
    if root.tag not in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF") or channel is None:
        raise DocumentError(uri, f"not an RSS or Atom feed (root element {root.tag!r})")
    items = list(root.iter("item")) + list(root.iter(f"{RSS1}item"))
    title = _text(channel, "title") or _text(channel, f"{RSS1}title")
    return Feed(uri, title, tuple(_rss_entry(i) for i in items))


def _html_entities_as_numbers(data: bytes) -> bytes:
    """HTML's named entities (&nbsp;, &eacute;) as numeric references. RSS 0.91 feeds declare
    Netscape's DTD, which defines them, and use them; an XML parser that does not read DTDs (and
    ours must not) would call the feed malformed. Numeric references need no DTD."""

    def numeric(m: re.Match) -> bytes:
        name = m.group(1).decode("ascii")
        if name in XML_ENTITIES or name not in name2codepoint:
            return m.group()
        return b"&#%d;" % name2codepoint[name]

    return _NAMED_ENTITY.sub(numeric, data)


def web_link(value: str | None) -> str | None:
    """The link if it is an http(s) URL; a `javascript:`, `data:` or `file:` link is dropped, so no
    page or report ever turns it into something to click or fetch."""
    if not value:
        return None
    value = value.strip()
    return value if urlsplit(value).scheme.lower() in LINK_SCHEMES else None


def _text(parent: Element, tag: str) -> str | None:
    node = parent.find(tag)
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def _rss_entry(item: Element) -> FeedEntry:
    link = web_link(
        _text(item, "link")
        or _text(item, f"{RSS1}link")
        or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    )
    body = _text(item, f"{CONTENT}encoded") or _text(item, "description") or _text(item, f"{RSS1}description")
    when = _rfc822_date(_text(item, "pubDate")) or _iso_date(_text(item, f"{DC}date"))
    key = _text(item, "guid") or link or _text(item, "title") or ""
    return FeedEntry(key, _text(item, "title") or _text(item, f"{RSS1}title"), link, when, body)


def _atom_entry(entry: Element) -> FeedEntry:
    links = entry.findall(f"{ATOM}link")
    alternate = web_link(
        next((link.get("href") for link in links if link.get("rel", "alternate") == "alternate"), None)
    )
    body = _atom_content(entry.find(f"{ATOM}content")) or _atom_content(entry.find(f"{ATOM}summary"))
    when = _iso_date(_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated"))
    key = _text(entry, f"{ATOM}id") or alternate or ""
    return FeedEntry(key, _text(entry, f"{ATOM}title"), alternate, when, body)


def _atom_content(node: Element | None) -> str | None:
    if node is None:
        return None
    if node.get("type") == "xhtml":
        # Inline XHTML: the markup is in child elements, not in the text. Serialised as it is, the
        # elements keep their namespace ("html:script"), which the HTML extractor does not know
        # for a script: the namespace is dropped and what is never text is removed first.
        _plain_xhtml(node)
        return "".join(tostring(child, encoding="unicode") for child in node) or None
    return (node.text or "").strip() or None


def _plain_xhtml(node: Element) -> None:
    for parent in list(node.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and _local(child.tag) in NOT_TEXT:
                tail = child.tail
                parent.remove(child)
                if tail:  # the text after a removed element belongs to its parent
                    _append_text(parent, tail, list(parent))
    for element in node.iter():
        if isinstance(element.tag, str):
            element.tag = _local(element.tag)
        element.attrib = {_local(k): v for k, v in element.attrib.items() if not _local(k).lower().startswith("on")}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _append_text(parent: Element, text: str, children: list[Element]) -> None:
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _rfc822_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def entry_document(feed: Feed, entry: FeedEntry) -> RawDocument | None:
    """The entry as a document of its own when the feed carries the full text; None for a teaser."""
    if not entry.body or len(_visible(entry.body)) < FULL_TEXT_CHARS:
        return None
    title = f"<title>{html.escape(entry.title)}</title>" if entry.title else ""
    page = f"<!DOCTYPE html><html><head>{title}</head><body><article>{entry.body}</article></body></html>"
    return RawDocument(entry.link or f"{feed.uri}#{entry.key}", page.encode("utf-8"), entry_metadata(feed, entry))


def entry_metadata(feed: Feed, entry: FeedEntry) -> Metadata:
    return Metadata(title=entry.title, url=entry.link, publisher=feed.title, published=entry.published)


def _visible(body: str) -> str:
    """Roughly the reader-visible characters of an HTML fragment (tags dropped), for the teaser test."""
    return re.sub(r"<[^>]*>", "", html.unescape(body)).strip()


def feed_documents(
    data: bytes,
    uri: str,
    fetch: Callable[[str, Metadata], Later] | None = None,
) -> Iterator[RawDocument | Rejected | Later]:
    """Every entry of a feed as a document: its own full text, else what `fetch` makes of its link
    (a fetched page, or a placeholder that the Fetcher resolves later, in parallel)."""
    try:
        feed = parse_feed(data, uri)
    except DocumentError as exc:
        yield Rejected(uri, exc.reason)
        return
    for entry in feed.entries:
        document = entry_document(feed, entry)
        if document is not None:
            yield document
        elif entry.link and fetch is not None:
            yield fetch(entry.link, entry_metadata(feed, entry))
        else:
            yield Rejected(f"{uri}#{entry.key}", "feed entry has only a teaser and its link cannot be fetched here")


__all__ = ["Feed", "FeedEntry", "entry_document", "feed_documents", "parse_feed"]
