"""Reading only regular files, and never more bytes than the limit.

A path given to ingest may name a device (/dev/zero, through a symlink), a FIFO, a socket or a
folder: reading one of those can hang forever or exhaust memory, so such a path is refused with
a reason before a byte is read, and the batch goes on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from wirescope.errors import NotRegularFile


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, refusing devices, FIFOs, sockets and folders.

    The file is opened without blocking (a FIFO with no writer would otherwise hang here) and
    its type is read from the open descriptor, so a symlink swapped between a check and the
    open cannot slip a device such as /dev/zero past: the check is on what was opened.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegularFile(str(path), _file_kind(mode))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_bounded(stream, max_bytes: int | None) -> bytes | None:
    """At most max_bytes bytes, or None when there are more: the size is that of what is read,
    since stat's size is 0 for a device or a growing file and says nothing of a pipe."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


__all__ = ["open_regular", "read_bounded"]
