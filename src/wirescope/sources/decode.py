"""Bytes to text: refuse what is not a text document, detect the encoding, tell HTML from text."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from wirescope.errors import DocumentError
from wirescope.sources.document import RawDocument

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|span|a|meta|title|br)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[a-zA-Z/!][^>]{0,500}>")


SIZE_HINT = "split it, or raise the limit with --max-bytes"


def too_large(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article"


def check_size(doc: RawDocument, max_bytes: int) -> None:
    if len(doc.data) > max_bytes:
        raise DocumentError(doc.uri, too_large(len(doc.data), max_bytes), hint=SIZE_HINT)


def check_is_text(doc: RawDocument) -> None:
    if not doc.data.strip():
        raise DocumentError(doc.uri, "empty file: nothing to read")
    head = doc.data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise DocumentError(doc.uri, "binary file: not text or HTML")


def decode(doc: RawDocument) -> tuple[str, str]:
    """The text of the document and the encoding it was read with."""
    if doc.encoding:
        try:
            return doc.data.decode(doc.encoding), doc.encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise DocumentError(doc.uri, f"cannot decode as {doc.encoding}: {exc}") from exc
    try:
        return doc.data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(doc.data):
            # Valid UTF-8 sequences beside invalid bytes: a damaged file or mixed encodings.
            # Guessing another encoding would turn the valid part into mojibake.
            raise DocumentError(
                doc.uri,
                f"invalid UTF-8 at byte {exc.start} (the file is damaged or mixes encodings)",
                hint="re-save it as UTF-8, or name its encoding with --encoding",
            ) from exc
    best = from_bytes(doc.data).best()
    if best is None or best.encoding is None:
        raise DocumentError(doc.uri, "cannot tell the text encoding", hint="name it with --encoding")
    return str(best), best.encoding


def is_html(text: str) -> bool:
    """HTML is told by its content, not by the file name: markup near the top, or many tags."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) and head.lstrip().startswith("<"):
        return True
    return len(_TAG.findall(text[:20000])) >= 10
