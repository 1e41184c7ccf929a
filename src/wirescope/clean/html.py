"""Cleaning HTML pages: the main text and metadata with trafilatura (dates with htmldate)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date
from typing import cast

import lxml.html
import trafilatura
from trafilatura.settings import Document

from wirescope.errors import DocumentError

OUTSIDE_MAIN_TEXT = "outside the main text (trafilatura)"
# Fewer words than this is a menu or an empty shell, not an article ("Home", "Loading...").
MIN_ARTICLE_WORDS = 8
_SKIP = {"script", "style", "noscript", "template", "svg"}


@dataclass(frozen=True, slots=True)
class HtmlParts:
    paragraphs: list[str]
    title: str | None
    url: str | None
    publisher: str | None
    published: date | None
    left_out: list[str]  # text of the page that is not in the main text


def extract_html(uri: str, html: str) -> HtmlParts:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings from inside trafilatura
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    # The default output format gives a Document (a dict only when asked for one).
    doc = cast(Document | None, extracted)
    text = (doc.text or "") if doc is not None else ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise DocumentError(
            uri, "HTML page with no article text", hint="is it an index page, or does it need JavaScript?"
        )
    assert doc is not None  # an empty extraction has no words and was refused above
    title = (doc.title or "").strip() or None
    if title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline as trafilatura repeats it at the top of the text
    return HtmlParts(
        paragraphs=paragraphs,
        title=title,
        url=doc.url,
        publisher=doc.sitename,
        published=_iso_date(doc.date),
        left_out=_left_out(html, text),
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _left_out(html: str, main_text: str) -> list[str]:
    """The page's visible text pieces that did not make it into the main text, for audit."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    pieces: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        for piece in (el.text, el.tail):
            piece = " ".join((piece or "").split())
            if piece and piece not in main_text and (el.getparent() is None or el.getparent().tag not in _SKIP):
                pieces.append(piece)
    return pieces
