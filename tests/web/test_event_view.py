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
