"""What a source hands to the cleaner: the raw bytes of one document and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata given from outside the document (flags, a feed entry). Wins over what the page says."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    uri: str  # file path, "-" for stdin, or URL
    data: bytes = field(repr=False)
    metadata: Metadata = Metadata()
    encoding: str | None = None  # forced encoding (--encoding); detected when None
