"""What kind of input a file or response holds, told by its first bytes rather than its name.

A feed saved as `news.txt`, a WARC without the .warc suffix and an HTML page called `feed.xml`
all occur in real collections; the extension is a hint people get wrong, the content is not.
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

Kind = Literal["warc", "feed", "document"]

HEAD_BYTES = 65536  # enough to see past an XML declaration, comments and a stylesheet line
_GZIP_MAGIC = b"\x1f\x8b"
# The root element of RSS 0.9x/2.0, RSS 1.0 (rdf:RDF) and Atom, after any prolog.
# A DOCTYPE may carry an internal subset in brackets, with ">" inside it.
_PROLOG = rb"(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*"
_FEED_ROOT = re.compile(rb"^" + _PROLOG + rb"<(?:rss|feed|(?:\w+:)?RDF)[\s>]", re.DOTALL)


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, or b"" if it is not one (or is truncated early)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff(head: bytes) -> Kind:
    """Tell a WARC archive (plain or gzipped) and an RSS/Atom feed from a single document."""
    if head.startswith(_GZIP_MAGIC):
        head = _gunzip_head(head)
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.removeprefix(b"\xef\xbb\xbf")
    if _FEED_ROOT.match(text[:HEAD_BYTES]):
        return "feed"
    return "document"


__all__ = ["HEAD_BYTES", "Kind", "sniff"]
