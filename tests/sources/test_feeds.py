"""RSS and Atom feeds become documents; hostile XML is refused; kinds are told by content."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from wirescope.errors import Rejected
from wirescope.sources import read_paths
from wirescope.sources.document import RawDocument
from wirescope.sources.feeds import feed_documents, parse_feed
from wirescope.sources.sniff import sniff
from wirescope.sources.urls import Fetcher

BODY = " ".join(["Fighters loyal to the resistance held the northern end of the valley on Sunday."] * 12)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Upland Times</title>
 <item><title>Talks in the valley</title><link>https://upland.example/talks</link>
  <guid>upland-1</guid><pubDate>Sun, 05 Sep 2021 08:30:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>{BODY}</p>]]></content:encoded></item>
 <item><title>Teaser only</title><link>{{site}}/story/2</link><guid>upland-2</guid>
  <pubDate>Mon, 06 Sep 2021 10:00:00 +0000</pubDate><description>Read on.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridgeline Dispatch</title>
 <entry><title>Flag over Bazarak</title><id>tag:ridgeline,2021:7</id>
  <link rel="alternate" href="https://ridgeline.example/flag"/><published>2021-09-06T12:00:00Z</published>
  <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>"""

RSS1 = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://wire.example/"><title>Ashfield Wire</title></channel>
 <item rdf:about="https://wire.example/cabinet"><title>Cabinet named</title>
  <link>https://wire.example/cabinet</link><dc:date>2021-09-07</dc:date><description>{BODY}</description></item>
</rdf:RDF>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&secret;</title></item></channel></rss>"""


@pytest.mark.parametrize(
    ("feed", "publisher", "title", "url", "published"),
    [
        (RSS, "Upland Times", "Talks in the valley", "https://upland.example/talks", date(2021, 9, 5)),
        (ATOM, "Ridgeline Dispatch", "Flag over Bazarak", "https://ridgeline.example/flag", date(2021, 9, 6)),
        (RSS1, "Ashfield Wire", "Cabinet named", "https://wire.example/cabinet", date(2021, 9, 7)),
    ],
)
def test_a_full_text_entry_is_a_document_with_the_feeds_metadata(feed, publisher, title, url, published):
    first = next(feed_documents(feed.encode("utf-8"), "feed.xml"))
    assert isinstance(first, RawDocument)
    assert first.metadata.publisher == publisher
    assert first.metadata.title == title
    assert first.metadata.url == url
    assert first.metadata.published == published
    assert b"held the northern end of the valley" in first.data


def test_entry_keys_are_the_guids():
    assert [e.key for e in parse_feed(RSS.encode(), "f").entries] == ["upland-1", "upland-2"]


def test_a_teaser_entry_without_a_fetcher_is_rejected_with_the_reason():
    results = list(feed_documents(RSS.encode(), "feed.xml"))
    assert isinstance(results[1], Rejected)
    assert "teaser" in results[1].reason


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (BILLION_LAUGHS, "entities"),
        (EXTERNAL_ENTITY, "entities"),
        (b"<rss><channel><title>cut off", "not a well-formed feed"),
        (b"<html><body>hello</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_hostile_or_broken_feeds_are_refused_in_one_line(xml, reason):
    (result,) = feed_documents(xml, "bad.xml")
    assert isinstance(result, Rejected)
    assert reason in result.reason
    assert "\n" not in result.reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (RSS.encode(), "feed"),
        (b"\xef\xbb\xbf" + ATOM.encode(), "feed"),
        (RSS1.encode(), "feed"),
        (b'<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">', "feed"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "warc"),
        (b"<!DOCTYPE html><html><body><p>A feed of news</p></body></html>", "document"),
        (b"Kabul, Aug 18 (Wire) - The feed <rss> mention is text.", "document"),
        (gzip.compress(b"plain text"), "document"),
    ],
)
def test_the_kind_of_input_is_told_by_content(head, kind):
    assert sniff(head) == kind


def test_a_feed_file_is_read_as_its_entries_whatever_its_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(ATOM, encoding="utf-8")
    (document,) = read_paths([str(path)])
    assert document.metadata.title == "Flag over Bazarak"


def test_a_feed_over_http_fetches_the_pages_of_teaser_entries(local_site):
    local_site.page("/feed", RSS.replace("{site}", local_site.url), "application/rss+xml")
    local_site.page("/story/2", f"<html><head><title>Story 2</title></head><body><p>{BODY}</p></body></html>")
    with Fetcher(allow_private=True) as fetcher:
        full, fetched = fetcher.documents(local_site.url + "/feed")
    assert full.uri == "https://upland.example/talks"  # from the feed, not fetched
    assert fetched.uri == local_site.url + "/story/2"
    assert fetched.metadata.title == "Teaser only" and fetched.metadata.publisher == "Upland Times"
    assert fetched.metadata.published == date(2021, 9, 6)
    assert "/talks" not in local_site.paths_requested()


def test_ingest_of_a_feed_url_stores_every_entry(local_site, tmp_path):
    from click.testing import CliRunner

    from wirescope.cli import cli
    from wirescope.store import open_store

    local_site.page("/feed", RSS.replace("{site}", local_site.url), "application/rss+xml")
    local_site.page("/story/2", f"<html><head><title>Story 2</title></head><body><p>{BODY} Second.</p></body></html>")
    db = str(tmp_path / "w.db")
    refused = CliRunner().invoke(cli, ["ingest", local_site.url + "/feed", "--db", db])
    assert refused.exit_code == 1 and "--allow-private" in refused.output
    result = CliRunner().invoke(cli, ["ingest", local_site.url + "/feed", "--allow-private", "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        articles = list(store.articles())
    assert sorted(a.publisher for a in articles) == ["Upland Times", "Upland Times"]
    assert sorted(str(a.published) for a in articles) == ["2021-09-05", "2021-09-06"]
