"""The server answers only to its own host names, keeps tokens out of its logs, closes idle
connections, and answers an offset past 2^63 with a 4xx. Real uvicorn on 127.0.0.1 where it matters."""

from __future__ import annotations

import logging
import socket
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from wirescope.web import server as web_server
from wirescope.web.app import create_app
from wirescope.web.server import IdleClosingH11Protocol, allowed_hosts_for, host_name, install_log_redaction

TOKEN = "s3cret-token-value"


@pytest.mark.parametrize(
    "bind, extra, allowed, refused",
    [
        ("127.0.0.1", "", {"127.0.0.1", "localhost", "::1"}, {"evil.example", "127.0.0.1.evil.example"}),
        ("::1", "", {"::1", "localhost"}, {"rebind.example"}),
        ("192.0.2.7", "news.example", {"192.0.2.7", "news.example"}, {"localhost", "evil.example"}),
        ("0.0.0.0", "news.example,wire.example", {"news.example", "wire.example"}, {"evil.example"}),
    ],
)
def test_allowed_hosts_follow_the_bind_address_and_the_setting(bind, extra, allowed, refused):
    hosts = allowed_hosts_for(bind, extra)
    assert allowed <= hosts and not refused & hosts


@pytest.mark.parametrize(
    "header, name", [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("LocalHost", "localhost"), ("::1", "::1")]
)
def test_host_name_drops_the_port(header, name):
    assert host_name(header) == name


def test_dns_rebinding_host_header_is_refused_by_a_loopback_server():
    client = TestClient(create_app("memory", allowed_hosts=allowed_hosts_for("127.0.0.1")))
    assert client.get("/api/articles", headers={"Host": "attacker.example:8000"}).status_code == 421
    assert client.get("/api/articles", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/articles", headers={"Host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/api/search?q=Kabul&offset=9223372036854775808", "/api/articles?offset=9223372036854775808"]
)
def test_offset_past_2_to_the_63_is_a_4xx_not_a_500(path):
    response = TestClient(create_app("memory"), raise_server_exceptions=False).get(path)
    assert 400 <= response.status_code < 500


class Running:
    """A real uvicorn (as `serve` configures it) in a thread on a free loopback port."""

    def __init__(self, token: str | None = None) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(
            create_app("memory", token, allowed_hosts_for("127.0.0.1")),
            host="127.0.0.1",
            port=self.port,
            log_config=None,
            http=IdleClosingH11Protocol,
            timeout_keep_alive=1,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Captured(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_token_in_the_query_never_reaches_the_access_log():
    install_log_redaction()
    captured = Captured()
    access = logging.getLogger("uvicorn.access")
    access.addHandler(captured)
    access.setLevel(logging.INFO)
    try:
        with Running(TOKEN) as running:
            response = httpx.get(f"http://127.0.0.1:{running.port}/api/articles?token={TOKEN}", timeout=10)
            assert response.status_code == 200
    finally:
        access.removeHandler(captured)
    assert any("/api/articles" in line for line in captured.lines), captured.lines
    assert not any(TOKEN in line for line in captured.lines), captured.lines


def test_a_connection_that_sends_nothing_is_closed(monkeypatch):
    monkeypatch.setattr(web_server, "REQUEST_HEADER_SECONDS", 0.5)
    with Running() as running, socket.create_connection(("127.0.0.1", running.port), timeout=5) as idle:
        start = time.monotonic()
        assert idle.recv(1024) == b""  # closed by the server, not by our 5 s timeout
        assert time.monotonic() - start < 4


def test_a_connection_that_sends_half_a_request_header_is_closed(monkeypatch):
    monkeypatch.setattr(web_server, "REQUEST_HEADER_SECONDS", 0.5)
    with Running() as running, socket.create_connection(("127.0.0.1", running.port), timeout=5) as slow:
        slow.sendall(b"GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert slow.recv(1024) == b""
