"""The JSON API, read with httpx from the real app served by uvicorn on 127.0.0.1, over a real store."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from tests.query.see_fixtures import EVENTS, QUOTE, TEXT, hand_article, see_db  # noqa: F401 (see_db is a fixture)

pytest.importorskip("fastapi")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread on a random loopback port, stopped by the test that started it."""

    def __init__(self, db: str, token: str | None = None) -> None:
        import uvicorn

        from wirescope.web.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, token), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def api(see_db):  # noqa: F811 (the fixture imported above)
    with Server(see_db) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


ARTICLE_ID = hand_article().id


def test_every_listing_is_a_page_of_records(api):
    for kind in ("articles", "actors", "quotes", "events", "places", "times"):
        body = api.get(f"/api/{kind}").raise_for_status().json()
        assert set(body) == {"total", "limit", "offset", "next", "items"}, kind
        assert body["total"] >= len(body["items"]) >= 1, kind


def test_the_listing_pages_with_limit_and_offset(api):
    everything = api.get("/api/articles", params={"limit": 500}).json()
    assert everything["total"] == 12  # the 11 demo articles and the hand-annotated one
    first, second = (api.get("/api/articles", params={"limit": 5, "offset": o}).json() for o in (0, 5))
    assert [a["id"] for a in first["items"] + second["items"]] == [a["id"] for a in everything["items"][:10]]
    assert first["limit"] == 5 and second["offset"] == 5


@pytest.mark.parametrize(
    "params, expected_ids",
    [
        ({"modality": "negated"}, {"event_test_negated"}),
        ({"modality": "hypothetical", "place": "Kabul"}, {"event_test_hypothetical"}),
        ({"type": "CONSULT", "actor": "Ahmad Karimi"}, {"event_test_asserted"}),
        ({"actor": "actor_test_front", "place": "place_test_charikar"}, {"event_test_claimed", "event_test_negated"}),
        # the event's own day decides, not the article's publication day (2021-09-08)
        ({"actor": "Northern Front", "since": "2021-09-06", "until": "2021-09-06"}, {"event_test_claimed"}),
        ({"actor": "Afghan Army", "since": "2021-09-07"}, {"event_test_asserted", "event_test_negated"}),
    ],
)
def test_events_filter_by_actor_place_type_modality_and_dates(api, params, expected_ids):
    items = api.get("/api/events", params={**params, "limit": 500}).json()["items"]
    test_items = {e["id"] for e in items if e["article_id"] == ARTICLE_ID}
    assert test_items == expected_ids
    assert all(e["article_id"] == ARTICLE_ID for e in items if e["id"].startswith("event_test_"))


def test_quotes_filter_by_speaker_and_articles_by_date(api):
    quotes = api.get("/api/quotes", params={"actor": "Ahmad Karimi"}).json()["items"]
    assert [q["id"] for q in quotes] == [QUOTE.id]
    assert quotes[0]["text"] == TEXT[QUOTE.span.start : QUOTE.span.end]
    articles = api.get("/api/articles", params={"since": "2021-09-06", "until": "2021-09-07", "limit": 50}).json()
    assert {a["published"] for a in articles["items"]} <= {"2021-09-06", "2021-09-07"}
    assert articles["total"] == 2  # the demo corpus has one article on each of those days


def test_places_carry_coordinates_and_their_mentions(api):
    places = api.get("/api/places", params={"place": "Charikar"}).json()["items"]
    assert [(p["name"], p["latitude"], p["longitude"]) for p in places] == [("Charikar", 35.0136, 69.1714)]
    assert [m["text"] for m in places[0]["mentions"]] == ["Charikar", "Charikar"]


def test_full_text_search_finds_every_word_and_marks_the_matches(api):
    body = api.get("/api/search", params={"q": "garrison Charikar"}).json()
    assert [h["id"] for h in body["items"]] == [ARTICLE_ID]
    marked = {p["text"].lower() for p in body["items"][0]["snippet"] if p["match"]}
    assert marked == {"garrison", "charikar"}
    # FTS5 operators and quotes typed by a person are words, not syntax errors
    assert api.get("/api/search", params={"q": 'NEAR("Charikar" OR'}).status_code == 200


def test_an_articles_evidence_lists_each_annotation_with_its_offsets(api):
    body = api.get(f"/api/articles/{ARTICLE_ID}/evidence").raise_for_status().json()
    events = {a["id"]: a for a in body["annotations"] if a["kind"] == "event"}
    assert set(events) == {e.id for e in EVENTS}
    for e in EVENTS:
        assert (events[e.id]["start"], events[e.id]["end"]) == (e.evidence.start, e.evidence.end)
        assert e.modality in events[e.id]["style"].split()
    assert "".join(s["text"] for s in body["segments"]) == TEXT


def test_the_network_ties_actors_with_evidence(api):
    edges = api.get("/api/network", params={"actor": "actor_test_karimi", "speech": "true"}).json()["edges"]
    ties = {(e["source"], e["tie"], e["target"]) for e in edges}
    assert ("actor_test_army", "meets", "actor_test_karimi") in ties
    assert ("actor_test_karimi", "speaks of", "actor_test_army") in ties


def test_openapi_documents_every_endpoint(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/articles",
        "/api/actors",
        "/api/quotes",
        "/api/events",
        "/api/places",
        "/api/search",
        "/api/articles/{article_id}",
    ):
        assert path in paths
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "place", "type", "modality", "since", "until", "limit", "offset"} <= names


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/articles/art_missing", 404),
        ("/api/events?since=yesterday", 422),
        ("/api/events?limit=0", 422),
        ("/articles/art_missing", 404),
    ],
)
def test_errors_are_status_codes_with_a_reason(api, path, status):
    response = api.get(path)
    assert response.status_code == status
    if path.startswith("/api/articles/"):
        assert "art_missing" in response.json()["error"]


def test_pages_forbid_outside_scripts(api):
    policy = api.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_a_token_is_checked_on_every_request(see_db):  # noqa: F811
    with Server(see_db, token="s3cret") as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/api/articles").status_code == 401
        assert client.get("/api/articles", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/articles", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        first = client.get("/", params={"token": "s3cret"})  # a browser: the token once, then a cookie
        assert first.status_code == 200
        assert client.get("/list/events").status_code == 200


def test_serving_beyond_loopback_needs_a_token():
    from wirescope.errors import ConfigError
    from wirescope.web.app import serve

    with pytest.raises(ConfigError, match="needs a token"):
        serve("memory", host="0.0.0.0")


def test_search_works_on_every_backend(any_store):
    from wirescope.query.search import search

    any_store.save(hand_article())
    page = search(any_store, "garrison Charikar")
    assert [h["id"] for h in page.items] == [ARTICLE_ID]
    assert {p["text"].lower() for p in page.items[0]["snippet"] if p["match"]} >= {"garrison", "charikar"}
    assert search(any_store, "Kandahar").total == 0
    any_store.save(hand_article())  # stored again: still one hit, the index follows the upsert
    assert search(any_store, "garrison").total == 1
