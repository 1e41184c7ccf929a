"""The public API behind `wirescope.process`, `process_many`, `records` and `stance`.

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
from wirescope.errors import ConfigError, MissingExtra
from wirescope.query.records import article_records
from wirescope.record import Article, Source, Span, stable_id
from wirescope.settings import Settings, load_settings
from wirescope.sources import Metadata, RawDocument

# A paragraph of text given as is: from its first to its last non-space character, up to a blank
# line (which may hold white space) or the end of the text.
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)

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
    return (Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(text))


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
    article = prepare(
        text_or_html, published=published, clean=clean, url=url, title=title, publisher=publisher, settings=settings
    )
    return build_pipeline(settings)(article)


def process_many(
    items: Iterable[Item],
    *,
    clean: bool = False,
    only: Iterable[str] | None = None,
    settings: Settings | None = None,
) -> Iterator[Article]:
    """Annotate many texts in batches (one spaCy `pipe` over them); yields Articles in input order.

    Each item is a text, or a `(text, published)` pair. The texts are taken as given unless
    `clean=True`, as in `process`. `only` names the annotators to run ("parse", "times"...), in
    the pipeline's order: an evaluation runs what it scores and what that requires, and a step
    named without what it requires is refused with the fix.
    """
    settings = settings or load_settings()
    steps = build_pipeline(settings)
    if only is not None:
        wanted = set(only)
        unknown = wanted - set(steps.names)
        if unknown:
            raise ConfigError(f"unknown annotators {sorted(unknown)}", hint=f"available: {steps.names}")
        steps = Pipeline([s for s in steps.steps if s.name in wanted])

    def prepared() -> Iterator[Article]:
        for item in items:
            text, published = (item, None) if isinstance(item, str) else item
            yield prepare(text, published=published, clean=clean, settings=settings)

    yield from steps.pipe(prepared())


def records(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The JSONL contract's records of one article, by kind (docs/record.md)."""
    return article_records(article)


def stance(claim: str, text: str, *, settings: Settings | None = None) -> tuple[str, float]:
    """The stance of `text` toward `claim`: agree, disagree, discuss or unrelated, and its probability.

    `text` may be a headline, a sentence or a whole article body. The classifier and its figures are
    described in src/wirescope/annotate/claims/MODEL_CARD.md.
    """
    settings = settings or load_settings()
    try:
        # The learned components' stack (onnxruntime, tokenizers) is the optional `models` extra,
        # loaded only when a learned component is first used.
        from wirescope.annotate.claims.stance import stance as score
    except ImportError as exc:
        raise MissingExtra("stance scoring", "models") from exc
    return score(claim, text, threads=settings.embed_threads)
