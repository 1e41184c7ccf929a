"""The analyst's desk in headless Chromium: the front page, the report (HTML and PDF), the network
and the event view on the demo corpus, photographed to test-artifacts/screenshots/ and checked for
what a person would see: no event listed twice, no raw id as a label, no dead doer, charts with
the bars the record counts, and no serious or critical axe-core violation.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import wirescope
from tests.query.see_fixtures import see_db  # noqa: F401 (a fixture)
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Visit, browser, server  # noqa: F401
from wirescope.query.report import render_pdf, render_report
from wirescope.store.filters import Filter

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RAW_ID = re.compile(r"\b(?:actor|place|evt|event|art|story|quote)_[0-9a-f]{12,}\b")
DEAD = "Ahmad Shah Massoud"  # killed 9 September 2001 (the actor dictionary); the demo has him act in 2021


def axe_source() -> str:
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    if os.environ.get("CI") == "true":
        pytest.fail("node_modules/axe-core is missing: `make install` runs npm ci")
    pytest.skip("no node_modules/axe-core (run `make install`)")


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page (WCAG 2 A and AA rules)."""
    page.evaluate(axe_source())  # the page's CSP is bypassed for this context only
    result = page.evaluate(
        "async () => await axe.run(document, "
        "{runOnly: ['wcag2a', 'wcag2aa', 'best-practice'], resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def visit(browser, server):  # noqa: F811
    v = Visit(browser, server)
    # axe is injected as a script: only this context lets it past the pages' CSP
    v.page.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    v.page = context.new_page()
    v.page.on("pageerror", lambda exc: v.errors.append(str(exc)))
    v.page.on("request", v._request)
    yield v
    context.close()


@pytest.fixture(scope="module")
def store(see_db):  # noqa: F811
    with wirescope.open_store(see_db) as s:
        yield s


def visible_text(page) -> str:
    return page.locator("main").inner_text()


def test_the_front_page_shows_each_event_once_with_the_bars_the_record_counts(visit, store):
    page = visit.open("/")
    events = page.locator("#key-events li.key-event")
    ids = events.evaluate_all("els => els.map(e => e.dataset.event)")
    lines = events.all_inner_texts()
    assert ids and len(set(ids)) == len(ids) and len(set(lines)) == len(lines)
    rows = store.digest("happened_per_day_by_type", Filter())
    bars = page.locator("#per-day svg rect.bar")
    assert bars.count() == len(rows)
    assert sorted(bars.evaluate_all("els => els.map(e => e.dataset.day + ' ' + e.dataset.type)")) == sorted(
        f"{r['day']} {r['type']}" for r in rows
    )
    assert page.locator("#places svg circle.place").count() >= 1
    assert not RAW_ID.search(visible_text(page))
    assert DEAD not in " ".join(lines)
    visit.screenshot("desk-front")
    assert serious_violations(page) == []
    assert visit.errors == [] and visit.outside == []


def test_a_bar_of_the_chart_opens_the_events_it_counts(visit, store):
    page = visit.open("/")
    bar = page.locator("#per-day svg a").first
    href = bar.get_attribute("href")
    day, kind = re.search(r"since=([\d-]+).*type=(\w+)", href).groups()
    bar.click()
    page.wait_for_url("**/list/events?**")
    assert page.locator(".event-item").count() >= 1
    assert page.locator("form.filter-bar select[name=type]").input_value() == kind
    assert page.locator("form.filter-bar input[name=since]").input_value() == day


def test_the_filter_bar_keeps_the_view_in_the_url_on_every_page(visit):
    page = visit.open("/")
    page.select_option("form.filter-bar select[name=publisher]", "Wayfarer Herald")
    page.click("form.filter-bar button[type=submit]")
    page.wait_for_url("**publisher=Wayfarer+Herald**")
    newest = page.locator("#newest li").all_inner_texts()
    assert newest and all("Wayfarer Herald" in line for line in newest)
    for path in ("/timeline", "/quotes", "/map", "/network", "/list/events"):
        page = visit.open(path + "?publisher=Wayfarer+Herald")
        assert page.locator("form.filter-bar select[name=publisher]").input_value() == "Wayfarer Herald"


def test_the_report_lists_each_key_event_once_and_passes_axe(visit, store):
    html = render_report(store)
    page = visit.page
    page.set_content(html)
    events = page.locator("#key-events li.key-event")
    ids = events.evaluate_all("els => els.map(e => e.dataset.event)")
    assert ids and len(set(ids)) == len(ids)
    assert DEAD not in " ".join(events.all_inner_texts())
    assert DEAD in page.locator("#methods").inner_text()  # left out, and said so
    rows = store.digest("happened_per_day_by_type", Filter())
    assert page.locator("#charts svg").first.locator("rect.bar").count() == len(rows)
    assert not RAW_ID.search(page.locator("#summary, #key-events, #charts, #quotes").all_inner_texts().__str__())
    visit.screenshot("desk-report")
    assert serious_violations(page) == []


def test_the_pdf_report_renders_its_first_page(store, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    try:
        data = render_pdf(store)
    except wirescope.errors.MissingExtra:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("WeasyPrint (the pdf extra) is not installed")
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    try:
        first = pdf[0]
        text = first.get_textpage().get_text_range()
        assert "Situation report" in text and "Key events" in text
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        image = first.render(scale=1.5).to_pil()
        image.save(SCREENSHOTS / "desk-report-pdf-page1.png")
        assert len(set(image.convert("L").get_flattened_data())) > 8  # not a blank page
    finally:
        pdf.close()


def test_the_network_shows_ties_of_action_by_default_and_speech_behind_a_toggle(visit):
    page = visit.open("/network")
    page.wait_for_function("window.wirescopeNetwork !== undefined")
    graph = json.loads(page.locator("#network-data").text_content())
    assert graph["edges"] and all(not e["speech"] for e in graph["edges"])
    labels = page.evaluate("window.wirescopeNetwork.nodes().map(n => n.data('label'))")
    assert labels and not any(RAW_ID.search(label) for label in labels)
    assert not RAW_ID.search(visible_text(page))
    assert page.locator(".network-legend li").count() >= 4
    visit.screenshot("desk-network")
    assert serious_violations(page) == []
    page.click("a.toggle")
    page.wait_for_url("**speech=1**")
    with_speech = json.loads(page.locator("#network-data").text_content())
    assert len(with_speech["edges"]) > len(graph["edges"]) and any(e["speech"] for e in with_speech["edges"])


def test_the_network_labels_keep_apart(visit):
    page = visit.open("/network?speech=1")
    page.wait_for_function("window.wirescopeNetwork !== undefined")
    boxes = page.evaluate(
        "window.wirescopeNetwork.nodes().map(n => {"
        " const b = n.boundingBox({includeLabels: true}); return [b.x1, b.y1, b.x2, b.y2]; })"
    )
    overlapping = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert len(overlapping) <= len(boxes) // 10, overlapping
    visit.screenshot("desk-network-speech")


def test_an_actor_page_shows_roles_over_time_ties_and_quotes(visit):
    import httpx

    son = httpx.get(visit.origin + "/api/actors", params={"actor": "Ahmad Massoud"}).json()["items"][0]
    page = visit.open("/")
    page.locator("#speakers a", has_text="Ahmad Massoud").first.click()
    page.wait_for_url(f"**/actors/{son['id']}")
    roles = page.locator("ol.roles li").all_inner_texts()
    days = [r.split(":")[0] for r in roles]
    assert len(roles) == len(son["roles"]) >= 2 and days == sorted(days)  # in time order
    assert page.locator("ul.ties li").count() >= 1 and page.locator(".actor-quotes li.quote-item").count() >= 1
    assert not RAW_ID.search(visible_text(page).split("Why this actor")[0])
    visit.screenshot("desk-actor")
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/list/events", "/timeline", "/quotes", "/map", "/list/actors"])
def test_every_other_page_passes_axe(visit, path):
    page = visit.open(path)
    assert serious_violations(page) == []


def test_the_highlighted_spans_of_an_article_are_reached_by_keyboard(visit, store):
    article_id = store.page("articles", Filter(), 1).ids[0]
    page = visit.open(f"/articles/{article_id}")
    page.locator("#article-text .seg[data-ids]").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#record-body .record").count() >= 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('#article-text .seg[data-ids]')")
    visit.screenshot("desk-event-view")
    assert serious_violations(page) == []
