"""Every view in headless Chromium (Debian's, driven by Playwright without a browser download).

The real app runs under uvicorn on 127.0.0.1 over a store holding the demo corpus and one
hand-annotated article. Each view is opened, checked, and photographed to
test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.query.see_fixtures import EVENTS, QUOTE, TEXT, hand_article, see_db  # noqa: F401 (see_db is a fixture)
from tests.web.test_api import Server

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SCRIPT_ARTICLE = "2021-09-03-bellwether-post-panjshir-rival-claims.html"


@pytest.fixture(scope="module")
def server(see_db):  # noqa: F811 (the fixture imported above)
    with Server(see_db) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is missing: .ci/system-packages installs it")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A page that records what a person would not see: script errors, dialogs, outside requests."""

    def __init__(self, browser, server) -> None:
        self.origin = server.url
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        if not (request.url.startswith(self.origin) or request.url.startswith("data:")):
            self.outside.append(request.url)

    def open(self, path: str):
        self.page.goto(self.origin + path, wait_until="networkidle")
        return self.page

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=name not in ("map", "network"))

    def assert_clean(self) -> None:
        assert self.errors == [] and self.dialogs == [] and self.outside == []


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.page.close()


ARTICLE_ID = hand_article().id
VIEWS = [
    ("overview", "/", "h1"),
    ("articles", "/list/articles", "table.records tbody tr"),
    ("events", "/list/events?actor=Northern+Front", ".event-item"),
    ("actors", "/list/actors", "table.records tbody tr"),
    ("places", "/list/places", "table.records tbody tr"),
    ("quotes", "/quotes", ".quote-item"),
    ("timeline", "/timeline", ".timeline .event-item"),
    ("search", "/search?q=Panjshir", ".hits li"),
    ("article", f"/articles/{ARTICLE_ID}", "#article-text .seg.event"),
    ("network-all", "/network", "#network canvas"),
    ("contested", "/contested", "section.contested .side"),
]


@pytest.mark.parametrize("name, path, selector", VIEWS, ids=[v[0] for v in VIEWS])
def test_every_view_renders_from_wirescope_alone(visit, name, path, selector):
    page = visit.open(path)
    assert page.locator(selector).count() >= 1
    visit.screenshot(name)
    visit.assert_clean()


def test_the_map_draws_the_bundled_outline_and_the_events(visit):
    page = visit.open("/map")
    page.wait_for_function("document.querySelectorAll('#map path.leaflet-interactive').length > 20")
    # one circle per located place and per located event, drawn as SVG paths by Leaflet
    located = page.evaluate("JSON.parse(document.getElementById('map-data').textContent)")
    assert {e["id"] for e in located["events"]} >= {e.id for e in EVENTS}
    visit.screenshot("map")
    visit.assert_clean()


def test_the_network_draws_ties_and_opens_their_evidence(visit):
    page = visit.open("/network?actor=actor_test_karimi")
    page.wait_for_function("window.wirescopeNetwork && window.wirescopeNetwork.edges().length > 0")
    page.evaluate("window.wirescopeNetwork.edges().filter(e => e.data('label') === 'meets')[0].emit('tap')")
    link = page.locator("#tie-body a").first
    assert link.inner_text() == "“met Ahmad Karimi in Doha”"
    visit.screenshot("network")
    visit.assert_clean()


def test_clicking_an_event_opens_its_evidence_in_the_article(visit):
    claimed = next(e for e in EVENTS if e.modality == "claimed")
    page = visit.open("/timeline")
    page.locator(f'a[data-event="{claimed.id}"]').first.click()
    page.wait_for_url(f"**/articles/{ARTICLE_ID}?focus={claimed.id}")
    card = page.locator(f'#record-body .record[data-id="{claimed.id}"]')
    assert card.locator(".evidence-text").inner_text() == TEXT[claimed.evidence.start : claimed.evidence.end]
    assert f"[{claimed.evidence.start}, {claimed.evidence.end})" in card.inner_text()
    focused = page.locator("#article-text .seg.focused")
    assert "".join(focused.all_inner_texts()) == TEXT[claimed.evidence.start : claimed.evidence.end]
    visit.screenshot("article-focused-event")
    visit.assert_clean()


def test_clicking_a_quote_in_the_text_opens_its_record(visit):
    page = visit.open(f"/articles/{ARTICLE_ID}")
    page.locator("#article-text .seg.quote").first.click()
    card = page.locator(f'#record-body .record[data-id="{QUOTE.id}"]')
    assert card.locator(".evidence-text").inner_text() == TEXT[QUOTE.span.start : QUOTE.span.end]
    visit.assert_clean()


@pytest.mark.parametrize("modality", ["asserted", "claimed", "negated", "hypothetical"])
def test_each_modality_of_event_looks_different(visit, modality):
    page = visit.open(f"/articles/{ARTICLE_ID}")
    styles = {
        m: page.locator(f"#article-text .seg.event.{m}").first.evaluate(
            "el => getComputedStyle(el).textDecorationStyle + ' ' + getComputedStyle(el).textDecorationColor"
        )
        for m in ("asserted", "claimed", "negated", "hypothetical")
    }
    assert list(styles.values()).count(styles[modality]) == 1


def test_article_text_with_script_and_html_injects_nothing(visit, server):
    import httpx

    articles = httpx.get(server.url + "/api/articles", params={"limit": 500}).json()["items"]
    script_article = next(a for a in articles if a["uri"].endswith(SCRIPT_ARTICLE))
    assert '<script>alert("x")</script>' in script_article["text"]
    page = visit.open(f"/articles/{script_article['id']}")
    assert '<script>alert("x")</script>' in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, main script:not([type='application/json'])").count() == 0
    visit.screenshot("article-with-script-text")
    page = visit.open(f"/articles/{ARTICLE_ID}")  # its title holds an <img onerror=...>
    assert page.locator("h1").inner_text() == hand_article().title
    assert page.locator("h1 img").count() == 0 and page.evaluate("window.__pwned") is None
    visit.assert_clean()


def test_the_contested_page_shows_both_sides_of_the_panjshir_dispute(visit):
    page = visit.open("/contested")
    dispute = page.locator("section.contested", has_text="control — Panjshir Valley")
    assert dispute.locator(".side").count() >= 2  # side by side, never merged
    assert dispute.locator(".side", has_text="Taliban").count() >= 1
    assert dispute.locator(".side", has_text="a claim that the National Resistance Front swiftly rejected").count() == 1
    visit.screenshot("contested-panjshir")
