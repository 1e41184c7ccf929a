"""`GET`/`POST /api/corrections` and the actor page's forms, on real uvicorn over a real store."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.query.see_fixtures import QUOTE, hand_article, span
from tests.web.test_api import Server
from wirescope.store import open_store

pytest.importorskip("fastapi")
ARTICLE = hand_article()
TOKEN = "s3cret"


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "web.db")
    with open_store(path) as store:
        store.save(ARTICLE, ["tests@1"])
    return path


@pytest.fixture
def api(db):
    with Server(db) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def test_a_posted_correction_is_listed_and_shows_in_the_record(api):
    body = {"target": "event_test_claimed", "action": "set", "field": "modality", "value": "asserted", "author": "ana"}
    made = api.post("/api/corrections", json=body)
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "applied" and made.json()["machine"] == "claimed"
    assert api.get("/api/events/event_test_claimed").json()["modality"] == "asserted"
    listed = api.get("/api/corrections", params={"article": ARTICLE.id}).json()
    assert [c["id"] for c in listed["items"]] == [made.json()["id"]]


def test_an_addition_is_posted_by_offsets(api):
    said = span("If the talks fail, the Northern Front could attack Kabul.")
    body = {"action": "add", "article_id": ARTICLE.id, "kind": "quote", "start": said.start, "end": said.end}
    made = api.post("/api/corrections", json={**body, "value": {"speaker": "Ahmad Karimi"}})
    assert made.status_code == 201, made.text
    quotes = api.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert any(q["start"] == said.start and q["reviewed"] for q in quotes)


@pytest.mark.parametrize(
    "request_args, status",
    [
        ({"json": {"target": QUOTE.id, "action": "erase"}}, 403),
        ({"json": {"target": QUOTE.id, "action": "set", "field": "kind", "value": "sung"}}, 400),
        ({"json": {"target": "evt_nowhere", "action": "reject"}}, 404),
        # a page on another site posting as the reviewer's browser would
        ({"json": {"target": QUOTE.id, "action": "reject"}, "headers": {"Origin": "https://evil.example"}}, 403),
        ({"content": "target=x&action=reject", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 403),
    ],
    ids=["unknown action", "bad value", "unknown target", "another site's origin", "a cross-site form"],
)
def test_a_write_that_should_not_be_made_is_refused_and_nothing_is_logged(api, request_args, status):
    assert api.post("/api/corrections", **request_args).status_code in (status, 422 if status == 403 else status)
    assert api.get("/api/corrections").json()["total"] == 0


def test_the_log_has_no_route_to_change_or_remove_a_correction(api):
    made = api.post("/api/corrections", json={"target": QUOTE.id, "action": "confirm"}).json()
    for method in ("PUT", "PATCH", "DELETE"):
        assert api.request(method, f"/api/corrections/{made['id']}").status_code in (404, 405)
        assert api.request(method, "/api/corrections").status_code == 405
    assert api.get("/api/corrections").json()["total"] == 1


def test_writes_need_the_token_when_the_server_has_one(db):
    with Server(db, token=TOKEN) as server, httpx.Client(base_url=server.url) as client:
        body = {"target": QUOTE.id, "action": "confirm"}
        assert client.post("/api/corrections", json=body).status_code == 401
        authorised = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert authorised.status_code == 201


def test_the_actor_page_merges_and_splits_with_its_csrf_token(api):
    page = api.get("/actors/actor_test_karimi")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    forged = api.post("/actors/actor_test_karimi/merge", data={"csrf_token": "guess", "into": "actor_test_front"})
    assert forged.status_code == 403
    merged = api.post("/actors/actor_test_karimi/merge", data={"csrf_token": csrf, "into": "actor_test_front"})
    assert merged.status_code == 303
    front = api.get("/api/actors/actor_test_front").json()
    assert [m["id"] for m in front["merged"]] == ["actor_test_karimi"]
    assert "Split off" in api.get("/actors/actor_test_front").text
    api.post("/actors/actor_test_karimi/split", data={"csrf_token": csrf, "reason": "two people"})
    assert api.get("/api/actors/actor_test_front").json()["merged"] == []
