"""WARC and WARC.gz archives: every archived page (a 200 response of HTML or text) as a document.

Archives are streamed record by record (warcio), so a multi-gigabyte crawl never sits in memory;
only one page's payload at a time, and a page over the size limit is refused from its length
header before its body is read. Requests, metadata, redirects, images, scripts and style sheets
are skipped without complaint: they are most of any crawl and none of them is an article.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirescope.errors import NotRegularFile, Rejected
from wirescope.sources.decode import too_large
from wirescope.sources.document import Metadata, RawDocument
from wirescope.sources.regular import open_regular

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def warc_documents(
    path: Path,
    metadata: Metadata = Metadata(),
    max_bytes: int | None = None,
) -> Iterator[RawDocument | Rejected]:
    """The article-like pages archived in a WARC file (gzipped per record or not)."""
    truncated = False
    try:
        with open_regular(path) as stream:
            for record in ArchiveIterator(stream):
                document = _document(record, path, metadata, max_bytes)
                missing = _bytes_missing(record)
                if missing:
                    truncated = True
                    yield Rejected(
                        _record_uri(record, path),
                        f"truncated WARC archive: it ends {missing} bytes "
                        "short of this record's end (the record is not stored)",
                    )
                elif document is not None:
                    yield document
        if not truncated and _gzip_truncated(path):
            yield Rejected(str(path), "truncated WARC.gz archive: the last gzip member is cut off")
    except ArchiveLoadFailed as exc:
        yield Rejected(str(path), f"damaged WARC archive: {exc}")
    except (ValueError, TypeError, AttributeError, IndexError, EOFError, zlib.error) as exc:
        # warcio assumes well-formed headers and fails in many ways on garbage (a record with no
        # target URI raises AttributeError): each is a damaged archive, never a stopped batch.
        if _gzip_truncated(path):
            yield Rejected(str(path), "truncated WARC.gz archive: the last gzip member is cut off")
        else:
            yield Rejected(str(path), f"damaged WARC archive: {exc.__class__.__name__}: {exc}")
    except NotRegularFile as exc:
        yield Rejected(str(path), exc.reason)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read: {exc.strerror or exc}")


def _document(record, path: Path, metadata: Metadata, max_bytes: int | None) -> RawDocument | Rejected | None:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not _is_article_record(record):
        return None
    length = record.http_headers.get_header("Content-Length") if record.http_headers else None
    if max_bytes is not None and length and length.isdigit() and int(length) > max_bytes:
        return Rejected(url, too_large(int(length), max_bytes))
    stream = record.content_stream()
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        return Rejected(url, f"over the {max_bytes / 1e6:.0f} MB limit for one article")
    uri = _record_uri(record, path)
    return RawDocument(
        uri, data, Metadata(metadata.title, metadata.url or url or None, metadata.publisher, metadata.published)
    )


def _gzip_truncated(path: Path) -> bool:
    """Whether a gzipped file ends inside a member (a cut that warcio passes over in silence when
    it falls in a record's header, or before the first record is whole). Streams: memory is one
    chunk, whatever the archive's size. A plain WARC is never "truncated" by this test."""
    with open_regular(path) as fh:
        if fh.read(2) != b"\x1f\x8b":
            return False
        fh.seek(0)
        member, pending = zlib.decompressobj(16 + zlib.MAX_WBITS), False
        while chunk := fh.read(1 << 20):
            while chunk:
                member.decompress(chunk, 1 << 16)
                pending = True
                chunk = member.unconsumed_tail
                if member.eof:
                    chunk, member, pending = member.unused_data + chunk, zlib.decompressobj(16 + zlib.MAX_WBITS), False
        return pending and not member.eof


def _bytes_missing(record) -> int:
    """How many bytes of the record the archive lacks. warcio reads a truncated (gzipped or plain)
    archive to its end without a word and hands back a short last record; the record's own
    Content-Length says how much there should have been. What is left unread is drained first."""
    raw = record.raw_stream
    while raw.read(65536):
        pass
    return max(0, raw.limit)


def _record_uri(record, path: Path) -> str:
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url or f"{path}#{record.rec_headers.get_header('WARC-Record-ID')}"


def _is_article_record(record) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in ARTICLE_TYPES


__all__ = ["ARTICLE_TYPES", "warc_documents"]
