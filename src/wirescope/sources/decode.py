"""Bytes to text: refuse what is not a text document, detect the encoding, tell HTML from text."""

from __future__ import annotations

import re

from wirescope.errors import DocumentError
from wirescope.sources.document import RawDocument
from wirescope.sources.encodings import bom_encoding, declared_encoding, single_byte_encoding, utf16_without_bom

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|span|a|meta|title|br)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[a-zA-Z/!][^>]{0,500}>")


# Formats people save beside articles, refused with their name rather than as "binary".
BINARY_FORMATS = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF)"),
)

SIZE_HINT = "split it, or raise the limit with --max-bytes"


def too_large(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article"


def check_size(doc: RawDocument, max_bytes: int) -> None:
    if len(doc.data) > max_bytes:
        raise DocumentError(doc.uri, too_large(len(doc.data), max_bytes), hint=SIZE_HINT)


def check_is_text(doc: RawDocument) -> None:
    """Refuse an empty file and a known binary format with its own reason, before decoding."""
    if not doc.data.strip():
        raise DocumentError(doc.uri, "empty file: nothing to read")
    for magic, kind in BINARY_FORMATS:
        if doc.data.startswith(magic):
            raise DocumentError(doc.uri, f"binary file ({kind}): not text or HTML", hint="convert it to text first")
    if doc.encoding or bom_encoding(doc.data) or utf16_without_bom(doc.data):
        return  # wide encodings are full of zero bytes: judged once decoded (check_decoded_is_text)
    head = doc.data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise DocumentError(doc.uri, "binary file: not text or HTML")


def check_decoded_is_text(uri: str, text: str) -> None:
    """Refuse what decoded to control characters: a binary file that no encoding makes text."""
    head = text[:8192]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\f\r")
    if "\x00" in head or controls > len(head) * 0.05:
        raise DocumentError(uri, "binary file: not text or HTML")


def decode(doc: RawDocument) -> tuple[str, str]:
    """The text of the document and the encoding it was read with.

    In order: a forced encoding (--encoding); a byte order mark (UTF-8, UTF-16, UTF-32);
    UTF-16/32 without a mark; the charset the page declares; UTF-8; a single-byte code page
    (sources/encodings.py). A file that is valid UTF-8 in part and not elsewhere is refused.
    """
    if doc.encoding:
        return _decode_as(doc, doc.data, doc.encoding)
    bom = bom_encoding(doc.data)
    if bom:
        return _decode_as(doc, doc.data[bom[1] :], bom[0])
    wide = utf16_without_bom(doc.data)
    if wide:
        return _decode_as(doc, doc.data, wide)
    declared = declared_encoding(doc.data)
    if declared:
        try:
            return doc.data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a page that lies about its charset is common: detect it as if undeclared
    try:
        return doc.data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(doc.data):
            # Valid UTF-8 sequences beside invalid bytes: a damaged file or mixed encodings.
            # Guessing another encoding would turn the valid part into mojibake.
            raise DocumentError(
                doc.uri,
                f"invalid UTF-8 at byte {exc.start} (the file is damaged or mixes encodings)",
                hint="re-save it as UTF-8, or name its encoding with --encoding",
            ) from exc
    encoding = single_byte_encoding(doc.data)
    return doc.data.decode(encoding, errors="replace"), encoding


def _decode_as(doc: RawDocument, data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError) as exc:
        raise DocumentError(doc.uri, f"cannot decode as {encoding}: {exc}") from exc


def is_html(text: str) -> bool:
    """HTML is told by its content, not by the file name: markup near the top, or many tags."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) and head.lstrip().startswith("<"):
        return True
    return len(_TAG.findall(text[:20000])) >= 10
