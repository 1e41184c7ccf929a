"""2. Clean article: from a RawDocument to an Article with a clean text, its paragraphs,
what was removed and what was repaired."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from wirescope.clean.dates import dateline_date, parse_date
from wirescope.clean.html import OUTSIDE_MAIN_TEXT, extract_html
from wirescope.clean.language import detect_language
from wirescope.clean.repairs import DocumentVocabulary, repair_paragraph
from wirescope.clean.scrape import BYLINE, publisher_from, split_scrape
from wirescope.errors import DocumentError
from wirescope.record import Article, Removed, Repair, Source, Span, stable_id
from wirescope.sources.decode import check_decoded_is_text, check_is_text, check_size, decode, is_html
from wirescope.sources.document import RawDocument

PARAGRAPH_SEPARATOR = "\n\n"
CLEANER_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Body:
    paragraphs: list[str]
    removed: list[Removed]
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None


def clean(doc: RawDocument, max_bytes: int = 10_000_000) -> Article:
    """Decode, extract the article body, repair it, and return an Article with no annotations yet."""
    check_size(doc, max_bytes)
    check_is_text(doc)
    text, encoding = decode(doc)
    check_decoded_is_text(doc.uri, text)
    html = is_html(text)
    body = _html_body(doc.uri, text) if html else _scrape_body(text)
    vocabulary = DocumentVocabulary(text)
    clean_text, paragraphs, repairs = _assemble(body.paragraphs, vocabulary)
    if not clean_text.strip():
        raise DocumentError(doc.uri, "no article text left after removing page chrome")
    meta = doc.metadata
    source = Source(
        doc.uri, "text/html" if html else "text/plain", hashlib.sha256(doc.data).hexdigest(), encoding, doc.data
    )
    return Article(
        id=stable_id("art", source.sha256),
        text=clean_text,
        language=detect_language(clean_text),
        source=source,
        title=meta.title or body.title,
        url=meta.url or body.url or (doc.uri if doc.uri.startswith(("http://", "https://")) else None),
        publisher=meta.publisher or body.publisher,
        published=meta.published or body.published or dateline_date(clean_text),
        paragraphs=tuple(paragraphs),
        removed=tuple(body.removed),
        repairs=tuple(repairs),
    )


def _html_body(uri: str, text: str) -> Body:
    parts = extract_html(uri, text)
    removed = [Removed(piece, OUTSIDE_MAIN_TEXT) for piece in parts.left_out]
    return Body(parts.paragraphs, removed, parts.title, parts.url, parts.publisher, parts.published)


def _scrape_body(text: str) -> Body:
    parts = split_scrape(text)
    removed = [Removed(line.text, reason, line.start, line.end) for line, reason in parts.removed]
    paragraphs = [" ".join(line.text for line in lines) for lines in parts.paragraphs]
    published = next(
        (parse_date(line.text) for line, reason in parts.removed if reason == BYLINE and parse_date(line.text)), None
    )
    title = parts.title.text if parts.title else None
    return Body(paragraphs, removed, title, None, publisher_from(parts.removed), published)


def _assemble(paragraphs: list[str], vocabulary: DocumentVocabulary) -> tuple[str, list[Span], list[Repair]]:
    """Join repaired paragraphs into the clean text; place every paragraph and repair in it."""
    pieces, spans, repairs, offset = [], [], [], 0
    for raw in paragraphs:
        fixed, applied = repair_paragraph(raw, vocabulary)
        spans.append(Span(offset, offset + len(fixed)))
        repairs += [Repair(Span(offset + a.start, offset + a.end), a.before, a.after, a.reason) for a in applied]
        pieces.append(fixed)
        offset += len(fixed) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(pieces), spans, repairs


__all__ = ["clean"]
