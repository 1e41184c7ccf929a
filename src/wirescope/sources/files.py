"""Documents from files, folders (recursively), standard input and URLs.

A file may hold one document, a feed of many, or a WARC archive of many: which one is told from
its first bytes (sources/sniff.py), never from its name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirescope.errors import DocumentError, NotRegularFile, Rejected
from wirescope.sources.decode import SIZE_HINT, too_large
from wirescope.sources.document import Metadata, RawDocument
from wirescope.sources.feeds import feed_documents
from wirescope.sources.regular import open_regular, read_bounded
from wirescope.sources.sniff import HEAD_BYTES, sniff
from wirescope.sources.urls import Fetcher, is_url
from wirescope.sources.warc import warc_documents

STDIN = "-"


def read_paths(
    paths: Iterable[str],
    metadata: Metadata = Metadata(),
    encoding: str | None = None,
    max_bytes: int | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Every document under the given paths and URLs, in a stable order; unreadable ones as Rejected.

    URLs (and the pages behind feed entries that carry only a teaser) are fetched with `fetcher`;
    without one they are rejected.
    """
    for path in paths:
        if path == STDIN:
            yield _read_stdin(metadata, encoding, max_bytes)
            continue
        if is_url(path):
            yield from fetcher.documents(path, metadata) if fetcher else [Rejected(path, NO_FETCHER)]
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if _is_document(q, p)):
                yield from _guarded(child, _read_any(child, metadata, encoding, max_bytes, fetcher))
        elif p.exists() or p.is_symlink():
            yield from _guarded(p, _read_any(p, metadata, encoding, max_bytes, fetcher))
        else:
            yield Rejected(str(p), "no such file or folder")


NO_FETCHER = "a URL, but fetching is off here (the command line fetches; the API needs a Fetcher)"


def read_list(path: str) -> list[str]:
    """The paths and URLs in a list file (`-i FILE`): one a line; blank lines and # comments skipped."""
    try:
        if path == STDIN:
            lines = sys.stdin.read().splitlines()
        else:
            with open(path, encoding="utf-8") as listing:
                lines = listing.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(path, f"cannot read the input list: {getattr(exc, 'strerror', None) or exc}") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _guarded(path: Path, documents: Iterator[RawDocument | Rejected]) -> Iterator[RawDocument | Rejected]:
    """A reader's documents; should it fail on a file in a way nobody foresaw (a bug in a parser
    library), that file gets one Rejected with the error and the batch goes on."""
    try:
        yield from documents
    except Exception as exc:  # the point: nothing a reader raises stops the batch
        yield Rejected(str(path), f"cannot read: {exc.__class__.__name__}: {exc}")


def _read_any(
    path: Path, metadata: Metadata, encoding: str | None, max_bytes: int | None, fetcher: Fetcher | None
) -> Iterator[RawDocument | Rejected]:
    """A file's documents: itself, the entries of a feed, or the pages of a WARC archive."""
    try:
        with open_regular(path) as fh:
            head = fh.read(HEAD_BYTES)
    except NotRegularFile as exc:
        yield Rejected(str(path), exc.reason)
        return
    except OSError as exc:
        yield Rejected(str(path), f"cannot read: {exc.strerror or exc}")
        return
    kind = sniff(head)
    if kind == "warc":
        yield from warc_documents(path, metadata, max_bytes)
        return
    document = _read_file(path, metadata, encoding, max_bytes)
    if kind == "feed" and isinstance(document, RawDocument):
        if fetcher is not None:  # an entry with only a link has its page fetched
            yield from fetcher.resolve(feed_documents(document.data, str(path), fetch=fetcher.deferred))
        else:
            yield from feed_documents(document.data, str(path))
        return
    yield document


def _is_document(path: Path, root: Path) -> bool:
    """Anything in the folder but a folder: a FIFO or a device is read as far as being refused
    with its reason (open_regular), never skipped in silence."""
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and (path.is_symlink() or not path.is_dir())


def _read_file(path: Path, metadata: Metadata, encoding: str | None, max_bytes: int | None) -> RawDocument | Rejected:
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                # Refuse before reading: the size check must not cost the memory it protects.
                return Rejected(str(path), f"{too_large(size, max_bytes)}; {SIZE_HINT}")
            data = read_bounded(fh, max_bytes)
    except NotRegularFile as exc:
        return Rejected(str(path), exc.reason)
    except OSError as exc:
        return Rejected(str(path), f"cannot read: {exc.strerror or exc}")
    if data is None:
        limit = f"over the {(max_bytes or 0) / 1e6:.0f} MB limit for one article"
        return Rejected(str(path), f"{limit} (it grew while read); {SIZE_HINT}")
    return RawDocument(str(path), data, metadata, encoding)


def _read_stdin(metadata: Metadata, encoding: str | None, max_bytes: int | None) -> RawDocument | Rejected:
    data = read_bounded(sys.stdin.buffer, max_bytes)
    if data is None:
        limit = f"over the {(max_bytes or 0) / 1e6:.0f} MB limit for one article"
        return Rejected(STDIN, f"standard input is {limit}; {SIZE_HINT}")
    return RawDocument(STDIN, data, metadata, encoding)
