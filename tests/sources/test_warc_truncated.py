"""A truncated WARC or WARC.gz reports what it lost instead of "0 failed"."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirescope.errors import Rejected
from wirescope.sources import RawDocument
from wirescope.sources.warc import warc_documents

DEMO = Path(__file__).resolve().parents[2] / "src" / "wirescope" / "demo" / "corpus"
PAGES = {
    "https://a.example/one": (DEMO / "2021-08-19-lantern-gazette-massoud-op-ed.html").read_bytes(),
    "https://b.example/two": (DEMO / "2021-09-06-wayfarer-herald-bazarak-flag.html").read_bytes(),
}


def archive(gz: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("t.warc", {"software": "test"}))
    for url, body in PAGES.items():
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
        )
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    return out.getvalue()


def read_cut(tmp_path, gz: bool, fraction: float) -> list:
    data = archive(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * fraction)])
    return list(warc_documents(path))


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_rejects_the_cut_record_and_keeps_the_whole_ones(tmp_path, gz):
    found = read_cut(tmp_path, gz, 0.8)
    assert isinstance(found[0], RawDocument) and found[0].uri == "https://a.example/one"
    assert isinstance(found[-1], Rejected) and "truncated WARC" in found[-1].reason
    assert found[-1].uri == "https://b.example/two"


def test_warc_gz_cut_before_its_first_record_is_whole_is_reported(tmp_path):
    found = read_cut(tmp_path, True, 0.05)
    assert len(found) == 1 and isinstance(found[0], Rejected)
    assert "truncated WARC.gz" in found[0].reason and found[0].uri.endswith("cut.warc.gz")


@pytest.mark.parametrize("gz", [True, False])
def test_whole_warc_reports_nothing_lost(tmp_path, gz):
    path = tmp_path / "whole.warc"
    path.write_bytes(archive(gz))
    assert all(isinstance(d, RawDocument) for d in warc_documents(path))
    assert len(list(warc_documents(path))) == 2
