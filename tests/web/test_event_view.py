"""The event view in Chromium: one clash reported by two outlets, side by side, differences marked."""

from __future__ import annotations

import pytest

import wirescope
from tests.resolve.test_event_coref import _store_reports
from tests.web.test_api import Server
from tests.web.test_browser import Visit, browser  # noqa: F401 (browser is a fixture)


@pytest.fixture(scope="module")
def clash_server(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("clashes") / "clashes.db")
    with wirescope.open_store(path) as store:
        _store_reports(store)
    with Server(path) as running:
        yield running


@pytest.fixture
def visit(browser, clash_server):  # noqa: F811 (the fixture imported above)
    v = Visit(browser, clash_server)
    yield v
    v.page.close()


def test_the_list_links_an_event_to_its_reports_side_by_side(visit):
    page = visit.open("/list/events?place=Pul-e-Khumri")
    page.locator("a.reports", has_text="2 independent reports").first.click()
    page.wait_for_url("**/event/evc_*")
    # both outlets' reports, side by side: one column per event record (the Ledger's "the attack
    # began" is a second mention of its record, shown in its column's evidence)
    publishers = page.locator("table.compare thead th a").all_inner_texts()
    assert sorted(publishers) == ["Crosswind Bulletin", "Northern Ledger"]
    assert page.locator("p.sources").get_attribute("data-stories") == "2"
    fatalities = page.locator('tr[data-field="fatalities"]')
    assert "differs" in (fatalities.get_attribute("class") or "")
    assert {"3", "30"} <= set(fatalities.locator("td").all_inner_texts())
    assert "agrees" in (page.locator('tr[data-field="type"]').get_attribute("class") or "")
    assert page.locator("td.report-evidence").count() == len(publishers)
    marked = page.locator("td.report-evidence mark").all_inner_texts()
    assert sum("attacked a police checkpoint in Pul-e-Khumri" in m for m in marked) == 2
    assert any(m.startswith("The attack") for m in marked)
    visit.screenshot("event-view")
    visit.assert_clean()


def test_the_api_gives_the_same_cluster(visit, clash_server):
    import httpx

    events = httpx.get(f"{clash_server.url}/api/events", params={"place": "Pul-e-Khumri"}).json()["items"]
    group = next(e["event_group"] for e in events if e["reports"] == 2)
    cluster = httpx.get(f"{clash_server.url}/api/clusters/{group}").json()
    assert {r["publisher"] for r in cluster["reports"]} == {"Crosswind Bulletin", "Northern Ledger"}
    assert cluster["stories"] == 2 and cluster["publishers"] == 2
    assert {f["field"]: f["agree"] for f in cluster["fields"]}["fatalities"] is False
    assert httpx.get(f"{clash_server.url}/api/clusters/evc_0000000000000000").status_code == 404


@pytest.fixture
def correcting(browser, tmp_path):  # noqa: F811 (the fixture imported above)
    """A server of its own: these tests write corrections."""
    path = str(tmp_path / "clashes.db")
    with wirescope.open_store(path) as store:
        articles = _store_reports(store)
    with Server(path) as running:
        v = Visit(browser, running)
        yield v, path, articles
        v.page.close()


def _checkpoint_cluster(visit) -> str:
    page = visit.open("/list/events?place=Pul-e-Khumri")
    page.locator("a.reports", has_text="2 independent reports").first.click()
    page.wait_for_url("**/event/evc_*")
    return page.url.rsplit("/", 1)[1]


def test_a_reports_modality_corrected_on_the_event_view_shows_reviewed_with_the_machines(correcting):
    visit, _path, _articles = correcting
    cluster = _checkpoint_cluster(visit)
    page = visit.page
    form = page.locator("td.review form.set-modality").first
    form.locator("select").select_option("claimed")
    with page.expect_navigation():
        form.locator("button").click()
    assert page.url.endswith(f"/event/{cluster}"), page.content()[:2000]
    row = page.locator('tr[data-field="modality"] td').all_inner_texts()
    assert "claimed" in row
    assert "machine: modality asserted" in page.locator("td.review p.reviewed").first.inner_text()
    visit.assert_clean()


def test_a_report_taken_out_of_its_event_stays_out_after_the_next_resolution_run(correcting):
    from wirescope.run.local import resolve_batch

    visit, path, articles = correcting
    _checkpoint_cluster(visit)  # opens the clash's event page
    page = visit.page
    reports = [td.get_attribute("data-event") for td in page.locator("td.review").all()]
    taken, kept = reports[0], reports[1:]
    with page.expect_navigation():
        page.locator("td.review form.take-out button").first.click()
    assert page.url == f"{visit.origin}/", page.content()[:2000]
    with wirescope.open_store(path) as store:
        # A cluster is named by its smallest member, so the name may stay with either part.
        assert store.cluster_members(store.event_clusters([taken])[taken])[0] == [taken]
        assert store.event_clusters(kept)[kept[0]] != store.event_clusters([taken])[taken]
        resolve_batch(store, articles)  # the machine links the two reports again
        members, _ = store.cluster_members(store.event_clusters([taken])[taken])
        assert members == [taken]
