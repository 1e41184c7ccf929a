"""A fixed held-out part of each evaluation set: every fifth document in the set's own order.

Rules were written while reading errors on the other four fifths only ("dev"); the held-out fifth
("held-out") is scored, never read, so its figure is the one that says how the rules generalise.
The split is by position (sorted file names for TimeML folders, document order for XML corpora),
so it is the same on every machine and needs no list of names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeVar

import click

Part = Literal["all", "dev", "held-out"]
PARTS: tuple[Part, ...] = ("all", "dev", "held-out")
HELD_OUT_EVERY = 5

T = TypeVar("T")


def is_held_out(index: int) -> bool:
    return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def part_of(items: Sequence[T], part: Part) -> list[T]:
    """The documents of one part: all of them, the dev four fifths, or the held-out fifth."""
    if part == "all":
        return list(items)
    return [item for i, item in enumerate(items) if is_held_out(i) == (part == "held-out")]


PART_OPTION = click.option(
    "--part",
    type=click.Choice(PARTS),
    default="all",
    show_default=True,
    help="Score all documents, the dev part (rules were written on it), or the held-out fifth.",
)
