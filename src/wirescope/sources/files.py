"""Documents from files, folders (recursively) and standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirescope.errors import Rejected
from wirescope.sources.decode import SIZE_HINT, too_large
from wirescope.sources.document import Metadata, RawDocument

STDIN = "-"


def read_paths(paths: Iterable[str], metadata: Metadata = Metadata(), encoding: str | None = None,
               max_bytes: int | None = None) -> Iterator[RawDocument | Rejected]:
    """Every document under the given paths, in a stable order; unreadable ones as Rejected."""
    for path in paths:
        if path == STDIN:
            yield RawDocument(STDIN, sys.stdin.buffer.read(), metadata, encoding)
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if _is_document(q, p)):
                yield _read_file(child, metadata, encoding, max_bytes)
        elif p.exists() or p.is_symlink():
            yield _read_file(p, metadata, encoding, max_bytes)
        else:
            yield Rejected(str(p), "no such file or folder")


def _is_document(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and (path.is_file() or path.is_symlink())


def _read_file(path: Path, metadata: Metadata, encoding: str | None, max_bytes: int | None) -> RawDocument | Rejected:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            # Refuse before reading: the size check must not cost the memory it protects.
            return Rejected(str(path), f"{too_large(size, max_bytes)}; {SIZE_HINT}")
        with path.open("rb") as fh:
            return RawDocument(str(path), fh.read(), metadata, encoding)
    except OSError as exc:
        return Rejected(str(path), f"cannot read: {exc.strerror or exc}")
