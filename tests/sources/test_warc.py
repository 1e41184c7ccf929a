"""WARC and WARC.gz archives: the archived article pages come out as documents, nothing else does."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirescope.errors import Rejected
from wirescope.sources import read_paths
from wirescope.sources.document import RawDocument
from wirescope.sources.warc import warc_documents

PAGE = (
    "<html><head><title>{0}</title></head><body><article><p>{0}: fighters held the valley.</p></article></body></html>"
)


def response(writer, url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"):
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    return writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)


def write_archive(path, gz: bool, pages: dict[str, bytes], extra=()):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, body in pages.items():
            writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(response(writer, url, body))
        for make in extra:
            writer.write_record(make(writer))
    return path


DEMO = Path(__file__).resolve().parents[2] / "src" / "wirescope" / "demo" / "corpus"
PAGES = {
    "https://a.example/one": (DEMO / "2021-08-19-lantern-gazette-massoud-op-ed.html").read_bytes(),
    "https://b.example/two": (DEMO / "2021-09-06-wayfarer-herald-bazarak-flag.html").read_bytes(),
}
NOT_ARTICLES = (
    lambda w: response(w, "https://a.example/logo.png", b"\x89PNG\r\n\x1a\n...", "image/png"),
    lambda w: response(w, "https://a.example/gone", b"gone", "text/html", "404 Not Found"),
    lambda w: response(w, "https://a.example/app.js", b"var x = 1;", "application/javascript"),
)


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc", False), ("crawl.warc.gz", True), ("no-suffix", True)])
def test_the_article_pages_of_an_archive_are_its_documents(tmp_path, name, gz):
    path = write_archive(tmp_path / name, gz, PAGES, NOT_ARTICLES)
    documents = list(read_paths([str(path)]))
    assert [d.uri for d in documents] == list(PAGES)
    assert all(isinstance(d, RawDocument) for d in documents)
    assert [d.data for d in documents] == list(PAGES.values())  # the payload exactly, without HTTP headers
    assert documents[0].metadata.url == "https://a.example/one"


def test_an_archive_larger_than_the_article_limit_is_still_read(tmp_path):
    pages = {f"https://a.example/{i}": PAGE.format(f"Page {i}").encode() for i in range(40)}
    path = write_archive(tmp_path / "big.warc.gz", True, pages)
    assert path.stat().st_size > 2000
    assert len([d for d in read_paths([str(path)], max_bytes=2000) if isinstance(d, RawDocument)]) == 40


def test_a_page_over_the_size_limit_is_rejected_alone(tmp_path):
    pages = {
        "https://a.example/small": PAGE.format("small").encode(),
        "https://a.example/huge": PAGE.format("huge" * 1000).encode(),
    }
    results = list(warc_documents(write_archive(tmp_path / "x.warc", False, pages), max_bytes=1000))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[1], Rejected) and results[1].uri == "https://a.example/huge"
    assert "limit" in results[1].reason


def test_a_damaged_archive_yields_its_good_records_then_one_rejection_naming_the_file(tmp_path):
    path = write_archive(tmp_path / "broken.warc.gz", True, PAGES)
    path.write_bytes(path.read_bytes() + b"this is not a WARC record\r\n\r\n")
    *pages, damage = read_paths([str(path)])
    assert [p.uri for p in pages] == list(PAGES)
    assert isinstance(damage, Rejected) and damage.uri == str(path) and "damaged WARC" in damage.reason


def test_an_input_list_mixes_archives_files_and_urls(tmp_path, local_site):
    from click.testing import CliRunner

    from wirescope.cli import cli
    from wirescope.store import open_store

    local_site.page("/three", (DEMO / "2021-09-03-bellwether-post-panjshir-rival-claims.html").read_bytes())
    archive = write_archive(tmp_path / "crawl.warc.gz", True, PAGES, NOT_ARTICLES)
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# today's inputs\n{archive}\n\n{local_site.url}/three\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(cli, ["ingest", "-i", str(listing), "--allow-private", "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert sorted(a.url for a in store.articles()) == sorted([*PAGES, f"{local_site.url}/three"])
