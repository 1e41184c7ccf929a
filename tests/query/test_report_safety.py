"""report.html carries its own Content-Security-Policy and never makes a non-http(s) link clickable."""

from __future__ import annotations

import html as html_lib
import re

import pytest

import wirescope
from wirescope.query.report import render_report

TEXT = "Fighters held the Panjshir valley on Monday, the governor said in Kabul. " * 3


@pytest.fixture
def report_with_url(store):
    def render(url: str) -> str:
        store.save(wirescope.process(TEXT, url=url, title="Valley held", published="2021-09-06"))
        return render_report(store)

    return render


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
    ],
)
def test_feed_javascript_link_is_not_clickable_in_report_html(report_with_url, url):
    html = report_with_url(url)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs), hrefs


def test_http_link_stays_clickable(report_with_url):
    assert 'href="https://news.example/valley"' in report_with_url("https://news.example/valley")


def test_report_html_carries_a_strict_csp_meta_tag(report_with_url):
    html = report_with_url("https://news.example/valley")
    csp = html_lib.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1))
    assert "default-src 'none'" in csp and "script-src" not in csp and "base-uri 'none'" in csp
    assert "<script" not in html
