"""Correcting in the browser (headless Chromium, as tests/web/test_browser.py drives it): a
reviewer corrects an event's modality and a quote's speaker in the article view, the article is
stored again as the machine made it (what a re-ingest does), and the corrections still show; a
rejected event leaves the timeline and the ACLED export."""

from __future__ import annotations

import csv
import io

import pytest

from tests.query.see_fixtures import QUOTE, hand_article
from tests.web.test_api import Server
from tests.web.test_browser import SCREENSHOTS, Visit, browser  # noqa: F401 (browser is a fixture)
from wirescope.query.browse import Filter
from wirescope.query.export import export
from wirescope.store import open_store

ARTICLE = hand_article()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "review.db")
    with open_store(path) as store:
        store.save(ARTICLE, ["tests@1"])
    return path


@pytest.fixture
def visit(browser, db):  # noqa: F811 (the fixture imported above)
    with Server(db) as server:
        v = Visit(browser, server)
        yield v
        v.page.close()


def open_card(page, seg_selector: str, annotation_id: str):
    page.locator(seg_selector).first.click()
    card = page.locator(f'#record-body .record[data-id="{annotation_id}"]')
    assert card.count() == 1
    return card


def edit(page, seg_selector: str, annotation_id: str, field: str, value: str, choose: bool = False) -> None:
    card = open_card(page, seg_selector, annotation_id)
    card.locator("button.edit").click()
    box = card.locator("form.edit-form")
    if choose:
        box.locator(f"[name={field}]").select_option(value)
    else:
        box.locator(f"[name={field}]").fill(value)
    box.locator("[name=reason]").fill("checked against the video")
    with page.expect_navigation():
        box.locator("button.save").click()


def reingest(db: str) -> None:
    with open_store(db) as store:
        store.save(ARTICLE, ["tests@2"])


def test_an_event_modality_and_a_quote_speaker_corrected_in_the_ui_survive_a_re_ingest(visit, db):
    page = visit.open(f"/articles/{ARTICLE.id}")
    edit(page, "#article-text .seg.event.claimed", "event_test_claimed", "modality", "asserted", choose=True)
    edit(page, "#article-text .seg.quote", QUOTE.id, "speaker", "Northern Front")
    reingest(db)
    page = visit.open(f"/articles/{ARTICLE.id}")
    assert page.locator("#article-text .seg.event.claimed").count() == 0
    card = open_card(page, "#article-text .seg.quote", QUOTE.id)
    assert "Northern Front" in card.locator("dl.fields").inner_text()
    assert card.locator(".badge.reviewed").count() == 1
    card = open_card(page, '#article-text .seg.event[data-ids~="event_test_claimed"]', "event_test_claimed")
    assert card.locator(".badge.reviewed").count() == 1
    assert '"modality":"claimed"' in card.locator(".machine").inner_text()  # the machine value, one click away
    assert page.locator("#reviews li.review.applied").count() == 2
    visit.screenshot("article-corrected")
    visit.assert_clean()


def acled_locations(db: str) -> list[str]:
    out = io.StringIO()
    with open_store(db) as store:
        export(store, "acled-csv", out, Filter(), "events", True)
    return [row["location"] for row in csv.DictReader(io.StringIO(out.getvalue()))]


def test_a_rejected_event_leaves_the_timeline_and_the_acled_export(visit, db):
    assert "Doha" in acled_locations(db)
    page = visit.open("/timeline")
    assert page.locator('a[data-event="event_test_asserted"]').count() >= 1
    page = visit.open(f"/articles/{ARTICLE.id}")
    card = open_card(page, '#article-text .seg.event[data-ids~="event_test_asserted"]', "event_test_asserted")
    with page.expect_navigation():
        card.locator("button.reject").click()
    reingest(db)
    page = visit.open("/timeline")
    assert page.locator('a[data-event="event_test_asserted"]').count() == 0
    assert "Doha" not in acled_locations(db)
    page = visit.open(f"/articles/{ARTICLE.id}")
    assert page.locator("#reviews li.review.applied").count() == 1
    visit.assert_clean()


def test_a_missed_quote_is_added_by_selecting_its_text(visit, db):
    page = visit.open(f"/articles/{ARTICLE.id}")
    sentence = "If the talks fail, the Northern Front could attack Kabul."
    start = ARTICLE.text.index(sentence)
    # Select the sentence as a reader would, across the marked spans inside it.
    page.evaluate(
        """([start, length]) => {
          const root = document.getElementById("article-text");
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const at = (offset) => { let total = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (total + n.data.length >= offset) return [n, offset - total]; total += n.data.length; } };
          const range = document.createRange();
          range.setStart(...at(start)); walker.currentNode = root; range.setEnd(...at(start + length));
          const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
          root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        }""",
        [start, len(sentence)],
    )
    box = page.locator("#correction-form form.add-form")
    box.locator("[name=kind-of]").select_option("quote")
    box.locator("[name=kind]").select_option("indirect")
    box.locator("[name=speaker]").fill("Ahmad Karimi")
    with page.expect_navigation():
        box.locator("button.add").click()
    added = page.locator("#article-text .seg.quote.indirect")
    assert "".join(added.all_inner_texts()) == sentence
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.assert_clean()
