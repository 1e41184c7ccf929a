"""Feeds: an inline-XHTML script never reaches the article text, non-http(s) links are dropped, and
a DTD is read or refused for what it is (HTML entities of RSS 0.91 read; entity declarations refused)."""

from __future__ import annotations

import pytest

from wirescope.clean import clean
from wirescope.errors import Rejected
from wirescope.sources import RawDocument
from wirescope.sources.feeds import feed_documents, parse_feed
from wirescope.sources.sniff import sniff

BODY = "Fighters held the Panjshir valley on Monday, the governor told reporters in Kabul. " * 10
SECRET = "stealTheCookies"


def atom(content: str, link: str = "https://news.example/a") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><id>urn:1</id><title>Valley</title><link href="{link}"/><updated>2021-09-06T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{content}</div></content></entry></feed>""".encode()


def test_atom_inline_xhtml_script_text_does_not_reach_the_article():
    feed = atom(
        f"<p>{BODY}</p><script>var x = '{SECRET}';</script><p>After the script, {BODY}</p>"
        f'<style>p {{ color: red }}</style><p onclick="{SECRET}()">Last.</p>'
    )
    [document] = list(feed_documents(feed, "wire.xml"))
    article = clean(document)
    assert SECRET not in article.text and "color: red" not in article.text
    assert "After the script" in article.text


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd"]
)
def test_non_http_entry_link_is_dropped(link):
    feed = parse_feed(atom(f"<p>{BODY}</p>", link=link), "wire.xml")
    assert feed.entries[0].link is None


RSS_091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Wire&nbsp;News</title>
<item><title>Caf&eacute; reopens</title><link>https://news.example/a</link></item></channel></rss>"""


def test_rss_091_with_netscape_dtd_and_html_entities_is_read():
    feed = parse_feed(RSS_091, "wire.rss")
    assert feed.title == "Wire\u00a0News" and feed.entries[0].title == "Caf\u00e9 reopens"


def test_feed_with_an_internal_dtd_subset_is_sniffed_as_a_feed_and_refused_for_its_entities():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY boom "boom">]>\n'
        b'<rss version="2.0"><channel><title>&boom;</title></channel></rss>'
    )
    assert sniff(data) == "feed"
    [rejected] = list(feed_documents(data, "bomb.rss"))
    assert isinstance(rejected, Rejected) and "declares XML entities" in rejected.reason


def test_an_rss_entry_with_full_text_becomes_a_document():
    data = f"""<rss version="2.0"><channel><title>Wire</title><item><title>A</title>
<link>https://news.example/a</link><description><![CDATA[<p>{BODY}</p>]]></description></item></channel></rss>""".encode()
    [document] = list(feed_documents(data, "wire.rss"))
    assert isinstance(document, RawDocument) and document.uri == "https://news.example/a"
