"""wirescope: news reports of a conflict in, a sourced record of who said and did what out."""

from __future__ import annotations

from wirescope.api import process, process_many, records, stance
from wirescope.record import (
    Actor,
    Argument,
    Article,
    Claim,
    Event,
    EventRecord,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Relation,
    Removed,
    Repair,
    Role,
    Source,
    Span,
    TimeRef,
)
from wirescope.settings import Settings, load_settings
from wirescope.store import Store, open_store

__version__ = "0.1.0"


__all__ = [
    "Actor",
    "Argument",
    "Article",
    "Claim",
    "Event",
    "EventRecord",
    "EventTime",
    "Mention",
    "Participant",
    "Place",
    "Quote",
    "Relation",
    "Removed",
    "Repair",
    "Role",
    "Settings",
    "Source",
    "Span",
    "Store",
    "TimeRef",
    "__version__",
    "load_settings",
    "open_store",
    "process",
    "process_many",
    "records",
    "stance",
]
