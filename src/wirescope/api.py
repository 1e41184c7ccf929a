"""The public API behind `wirescope.process`, `process_many` and `records`.

`process` cleans a document (scrape or HTML) and annotates it, or, with `clean=False`, annotates
the text exactly as given, so that every span indexes the caller's own string: evaluations score
against gold offsets that way, and users can line annotations up with their own copy of the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from wirescope.annotate import build_pipeline
from wirescope.annotate.pipeline import Pipeline
from wirescope.clean import clean as clean_document
from wirescope.query.records import article_records
from wirescope.record import Article, Source, Span, stable_id
from wirescope.settings import Settings, load_settings
from wirescope.sources import Metadata, RawDocument

# A blank line (possibly holding white space) separates paragraphs in text given as is.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

Item = str | tuple[str, date | str | None]


def as_given(text: str, *, published: date | None = None, uri: str = "<text>") -> Article:
    """An Article whose clean text is `text` itself: no cleaning, no repairs, offsets unchanged."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(
        id=stable_id("art", digest),
        text=text,
        source=Source(uri, "text/plain", digest, "utf-8"),
        published=published,
        paragraphs=tuple(_paragraphs(text)),
    )


def _paragraphs(text: str) -> Iterator[Span]:
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            yield Span(start, brk.start())
        start = brk.end()
    if text[start:].strip():
        yield Span(start, len(text))


def _date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def prepare(
    text_or_html: str | bytes,
    *,
    published: date | str | None = None,
    clean: bool = True,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """The article before annotation: cleaned from a document, or the text as given."""
    settings = settings or load_settings()
    when = _date(published)
    if not clean:
        text = text_or_html.decode("utf-8") if isinstance(text_or_html, bytes) else text_or_html
        return as_given(text, published=when, uri=url or "<text>")
    data = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    meta = Metadata(title=title, url=url, publisher=publisher, published=when)
    return clean_document(RawDocument(url or "<text>", data, meta), settings.max_bytes)


def process(
    text_or_html: str | bytes,
    *,
    published: date | str | None = None,
    clean: bool = True,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Annotate one document; returns its Article (not stored).

    With `clean=True` (the default) the input is a scrape or an HTML page: it is cleaned first and
    the spans index `article.text`, the clean text. With `clean=False` the input is taken as the
    clean text itself, and every span indexes the string given.
    """
    settings = settings or load_settings()
    article = prepare(text_or_html, published=published, clean=clean, url=url, title=title,
                      publisher=publisher, settings=settings)
    return build_pipeline(settings)(article)


def process_many(
    items: Iterable[Item], *, clean: bool = False, settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Article]:
    """Annotate many texts in batches (one spaCy `pipe` over them); yields Articles in input order.

    Each item is a text, or a `(text, published)` pair. The texts are taken as given unless
    `clean=True`, as in `process`.
    """
    settings = settings or load_settings()
    steps = pipeline or build_pipeline(settings)

    def prepared() -> Iterator[Article]:
        for item in items:
            text, published = (item, None) if isinstance(item, str) else item
            yield prepare(text, published=published, clean=clean, settings=settings)

    yield from steps.pipe(prepared())


def records(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The JSONL contract's records of one article, by kind (docs/record.md)."""
    return article_records(article)
