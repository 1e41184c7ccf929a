"""Claims on the web: /api/claims and the Contested page, over the demo corpus and the hand article."""

from __future__ import annotations

import pytest
from markupsafe import escape

from tests.query.see_fixtures import see_db  # noqa: F401 (see_db is a fixture)
from tests.web.test_api import Server
from tests.web.test_browser import Visit, browser  # noqa: F401 (browser is a fixture)

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def web(see_db):  # noqa: F811 (the fixture imported above)
    with Server(see_db) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def test_api_claims_filters_by_claimant_place_and_contested(web):
    body = web.get("/api/claims", params={"claimant": "Taliban", "place": "Panjshir"}).raise_for_status().json()
    assert body["items"] and all(c["claimant"]["name"] == "Taliban" for c in body["items"])
    assert all(c["place"]["name"].startswith("Panjshir") for c in body["items"])
    contested = web.get("/api/claims", params={"contested": "true"}).json()["items"]
    assert contested and all(c["proposition_id"] for c in contested)


def test_the_panjshir_control_dispute_keeps_both_sides_apart(web):
    propositions = web.get("/api/claims", params={"place": "Panjshir Valley"}).json()["contested"]
    control = next(p for p in propositions if p["question"] == "control — Panjshir Valley")
    assert len(control["sides"]) >= 2  # a contradicting pair is never merged into one fact
    stances_by_side = [{(c["claimant"] or {}).get("name"): c["stance"] for c in s["claims"]} for s in control["sides"]]
    nrf = "National Resistance Front of Afghanistan"
    assert any(s.get("Taliban") == "asserts" for s in stances_by_side)
    assert any(s.get(nrf) == "denies" for s in stances_by_side)
    assert not any(s.get("Taliban") == "asserts" and s.get(nrf) == "denies" for s in stances_by_side)
    assert any("denies what Taliban asserts" in c["reason"] for c in control["contradictions"])
    stories = [s["stories"] for s in control["sides"]]
    assert stories == sorted(stories, reverse=True)  # most independent stories first


def test_syndicated_copies_count_as_one_story(web):
    propositions = web.get("/api/claims", params={"contested": "true"}).json()["contested"]
    for p in propositions:
        for side in p["sides"]:
            stories = {c["story_id"] or c["article_id"] for c in side["claims"]}
            assert side["stories"] == len(stories)
            claimants = {c["claimant"]["id"] for c in side["claims"] if c["claimant"]}
            assert side["claimants"] == len(claimants)


def test_the_contested_page_shows_each_side_with_its_evidence(web):
    html = web.get("/contested").raise_for_status().text
    assert "control — Panjshir Valley" in html
    assert "a claim that the National Resistance Front swiftly rejected" in html
    assert "fighting — Charikar" in html  # the hand article: Karimi asserts, the army denies
    assert html.count('class="side"') >= 4


@pytest.fixture
def contested_visit(browser, see_db, tmp_path):  # noqa: F811 (the fixtures imported above)
    """A copy of the see corpus behind a server of its own: this test writes corrections."""
    import shutil

    path = str(tmp_path / "see.db")
    shutil.copy(see_db, path)
    with Server(path) as running:
        v = Visit(browser, running)
        yield v, path
        v.page.close()


def test_a_claims_stance_corrected_on_the_contested_page_is_stored_reviewed(contested_visit):
    import wirescope

    contested_visit, path = contested_visit
    page = contested_visit.open("/contested")
    form = page.locator("form.set-stance").first
    claim = form.get_attribute("data-claim")
    now = form.locator("select").input_value()
    other = next(s for s in ("asserts", "denies", "questions") if s != now)
    form.locator("select").select_option(other)
    with page.expect_navigation():
        form.locator("button").click()
    assert page.url.endswith("/contested"), page.content()[:1500]
    contested_visit.assert_clean()
    with wirescope.open_store(path) as store:
        (row,) = [r for r in store.claim_rows() if r["id"] == claim]
        assert row["stance"] == other
        (log,) = store.corrections(kind="claim")
        assert (log.field, log.value, log.machine) == ("stance", other, now)


def test_an_event_claim_carries_its_event_cluster_and_the_event_view_lists_it(web):
    """Claims link to event clusters: the claim's event is one report of the cluster, and the
    event's page shows who asserts or denies it, with the claim's evidence."""
    items = web.get("/api/claims").raise_for_status().json()["items"]
    linked = [c for c in items if c["event_cluster"]]
    assert linked, "an event claim of the demo corpus carries its event's cluster"
    assert all(c["kind"] != "statement" for c in linked), "only a claim with an event has one"
    claim = linked[0]
    cluster = web.get(f"/api/clusters/{claim['event_cluster']}").raise_for_status().json()
    assert claim["id"] in {c["id"] for c in cluster["claims"]}
    assert all(c["event_cluster"] == claim["event_cluster"] for c in cluster["claims"])
    page = web.get(f"/event/{claim['event_cluster']}").raise_for_status().text
    assert "Claims about this event" in page and str(escape(claim["evidence"]["text"])) in page


def test_the_contested_page_links_an_event_claim_to_its_event(web):
    contested = web.get("/api/claims", params={"contested": "true"}).json()["items"]
    clusters = {c["event_cluster"] for c in contested if c["event_cluster"]}
    page = web.get("/contested").raise_for_status().text
    for cluster in clusters:
        assert f'href="/event/{cluster}"' in page
    assert page.count('class="event-cluster"') == sum(1 for c in contested if c["event_cluster"])
