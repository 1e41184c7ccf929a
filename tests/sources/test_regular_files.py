"""Only regular files are read: a device, a FIFO or a socket is refused at once, and the batch goes on."""

from __future__ import annotations

import os
import socket

import pytest

from wirescope.errors import Rejected
from wirescope.sources import RawDocument, read_paths

GOOD = b"Fighters held the valley on Monday, the governor of Panjshir told reporters in Kabul."


def results(*paths, max_bytes=10_000_000):
    return {str(r.uri).rsplit("/", 1)[-1]: r for r in read_paths([str(p) for p in paths], max_bytes=max_bytes)}


def test_symlink_to_dev_zero_is_refused_not_read_until_memory_runs_out(tmp_path):
    (tmp_path / "a.txt").write_bytes(GOOD)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    found = results(tmp_path)
    assert isinstance(found["zero.txt"], Rejected)
    assert found["zero.txt"].reason == "not a regular file (a character device): only regular files are read"
    assert isinstance(found["a.txt"], RawDocument)


def test_fifo_is_refused_instead_of_hanging_ingest(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "b.txt").write_bytes(GOOD)
    found = results(tmp_path / "pipe.txt", tmp_path / "b.txt")
    assert "a FIFO" in found["pipe.txt"].reason
    assert isinstance(found["b.txt"], RawDocument)


def test_unix_socket_is_refused(tmp_path):
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        found = results(path)
    assert isinstance(found["s.sock"], Rejected)


@pytest.mark.parametrize("size, stored", [(100, True), (101, False)])
def test_size_limit_is_checked_on_the_bytes_read(tmp_path, size, stored):
    (tmp_path / "c.txt").write_bytes(b"x" * size)
    found = results(tmp_path / "c.txt", max_bytes=100)
    assert isinstance(found["c.txt"], RawDocument) is stored


def test_symlink_to_a_regular_file_is_read(tmp_path):
    (tmp_path / "real.txt").write_bytes(GOOD)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert results(tmp_path / "link.txt")["link.txt"].data == GOOD
