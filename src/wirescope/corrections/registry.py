"""The one list of correctable kinds: a kind not here cannot be corrected."""

from __future__ import annotations

from wirescope.corrections.kinds import EVENTS, MENTIONS, PLACES, QUOTES, TIMES, Kind
from wirescope.corrections.report_kinds import CLAIMS, CLUSTERS, RECORDS

# Event records come after events: the overlay applies a record's own corrections after the
# record has followed its corrected mentions (overlay.py).
KINDS: dict[str, Kind] = {k.name: k for k in (EVENTS, QUOTES, TIMES, MENTIONS, PLACES, CLAIMS, RECORDS, CLUSTERS)}

__all__ = ["KINDS"]
