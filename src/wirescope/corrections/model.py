"""A human correction: what it targets, what it says, who said it, and the text it is anchored to."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

Action = Literal["set", "reject", "add", "confirm"]
ACTIONS: tuple[str, ...] = ("set", "reject", "add", "confirm")
WHOLE = "*"  # the field of a correction about the whole annotation (reject, confirm, add)
# A kind whose corrections are not about one article's text, but the cross-article registry.
ACTOR = "actor"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where in an article's clean text a correction points: a W3C TextQuoteSelector (the exact
    text with some text before and after it) and the TextPositionSelector offsets it had then.
    The quote finds the span again after a re-run that moved the offsets."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Correction:
    """One human judgement about one annotation, kept apart from machine output, never edited.

    `machine` is the value the machine gave when the correction was made (for a rejection, the
    whole annotation); `value` is the new value of `field` (set) or the new annotation's fields
    (add). The latest correction of a target wins; older ones stay in the log.
    """

    id: str
    kind: str  # event, quote, mention, time, place; actor (merge, split)
    action: Action
    field: str  # "type", "modality", "speaker"...; WHOLE for reject, confirm, add
    article_id: str | None  # None for an actor (cross-article)
    annotation_id: str | None  # the annotation's id when the correction was made; None for add
    anchor: Anchor | None  # None for an actor
    value: Any = None
    machine: Any = None
    author: str = "anonymous"
    created: str = ""  # ISO 8601 in UTC
    reason: str = ""


def new_id() -> str:
    """A random id: two reviewers correcting at the same moment never collide."""
    return f"cor_{secrets.token_hex(8)}"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
