"""What the running server needs beyond the app: which Host names it answers to, an access log
that never holds a token, and connections that are closed when they sit idle.

Host names: a page on another site can make a browser send requests to a loopback server
through a DNS name that it re-points at 127.0.0.1 (DNS rebinding); the browser then sends that
name in the Host header. A server that answers only to its bind address, the loopback names
(when bound to loopback) and the names it is told (`allowed_hosts`) refuses such requests.

Idle connections: uvicorn closes a keep-alive connection idle after a response, but not one that
was opened and never sent a whole request; such connections pile up until the process runs out
of descriptors. `IdleClosingH11Protocol` closes a connection that has not sent a complete request
header within `REQUEST_HEADER_SECONDS` of opening.
"""

from __future__ import annotations

import logging
import re

from uvicorn.protocols.http.h11_impl import H11Protocol

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARD_BINDS = ("0.0.0.0", "::", "")
REQUEST_HEADER_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
_TOKEN_IN_QUERY = re.compile(r"([?&]token=)[^&#\s]*", re.IGNORECASE)


def host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1", "A.example:80" -> "a.example"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_hosts_for(bind: str, extra: str | tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind` answers to; None (any) for a wildcard bind with no
    names given, where only the token (required off loopback) stands guard."""
    names = [n.strip().lower() for n in (extra.split(",") if isinstance(extra, str) else extra) if n.strip()]
    if bind in WILDCARD_BINDS:
        return frozenset(names) if names else None
    allowed = {bind.lower(), *names}
    if bind in LOOPBACK_NAMES or bind.startswith("127."):
        allowed.update(LOOPBACK_NAMES)
    return frozenset(allowed)


def redact_token(text: str) -> str:
    return _TOKEN_IN_QUERY.sub(r"\1[redacted]", text)


class RedactTokenFilter(logging.Filter):
    """Rewrites `?token=...` out of uvicorn's access log lines (the path is the third argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact_token(a) if isinstance(a, str) else a for a in record.args)
        record.msg = redact_token(str(record.msg))
        return True


def install_log_redaction() -> None:
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokenFilter) for f in logger.filters):
            logger.addFilter(RedactTokenFilter())


class IdleClosingH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection that sends no complete request header in time."""

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._header_deadline = self.loop.call_later(REQUEST_HEADER_SECONDS, self._close_if_no_request)

    def _close_if_no_request(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._header_deadline.cancel()
        super().connection_lost(exc)


__all__ = ["IdleClosingH11Protocol", "allowed_hosts_for", "host_name", "install_log_redaction", "redact_token"]
