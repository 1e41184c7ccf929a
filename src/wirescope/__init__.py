"""wirescope: news reports of a conflict in, a sourced record of who said and did what out."""

from __future__ import annotations

from datetime import date

from wirescope.annotate import build_pipeline
from wirescope.clean import clean
from wirescope.record import (
    Actor,
    Article,
    Claim,
    Event,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Relation,
    Removed,
    Repair,
    Role,
    Source,
    Span,
    TimeRef,
)
from wirescope.settings import Settings, load_settings
from wirescope.sources import Metadata, RawDocument
from wirescope.store import Store, open_store

__version__ = "0.1.0"


def process(
    text_or_html: str | bytes,
    *,
    published: date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Clean and annotate one document given as text or HTML; returns its Article (not stored)."""
    settings = settings or load_settings()
    data = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    if isinstance(published, str):
        published = date.fromisoformat(published)
    meta = Metadata(title=title, url=url, publisher=publisher, published=published)
    article = clean(RawDocument(url or "<text>", data, meta), settings.max_bytes)
    return build_pipeline(settings)(article)


__all__ = [
    "Actor", "Article", "Claim", "Event", "EventTime", "Mention", "Participant", "Place", "Quote",
    "Relation", "Removed", "Repair", "Role", "Settings", "Source", "Span", "Store", "TimeRef",
    "__version__", "load_settings", "open_store", "process",
]
