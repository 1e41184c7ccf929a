"""Annotations found by position: which of an article's mentions, times, places or events lie
inside, overlap or contain a span. Annotators ask this once per quote, event or claim; a scan of
the whole list each time makes a long document's annotation quadratic in its length, so the items
are sorted once and found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from wirescope.record import Span

T = TypeVar("T")


def _span_of(item) -> Span:
    return item.span


class SpanIndex(Generic[T]):
    """Items with a span; each query answers in the order the items were given."""

    def __init__(self, items: Iterable[T], span_of: Callable[[T], Span] = _span_of) -> None:
        self._items = list(items)
        self._spans = [span_of(item) for item in self._items]
        self._by_start = sorted(range(len(self._items)), key=lambda i: self._spans[i].start)
        self._starts = [self._spans[i].start for i in self._by_start]
        # An item reaching `at` starts at most this far before it: bounds the backward search.
        self._longest = max((len(s) for s in self._spans), default=0)

    def _starting_in(self, lo: int, hi: int) -> list[int]:
        """Positions (in the given order) of the items starting in [lo, hi]."""
        return self._by_start[bisect_left(self._starts, lo) : bisect_right(self._starts, hi)]

    def _pick(self, positions: Iterable[int]) -> list[T]:
        return [self._items[i] for i in sorted(positions)]

    def within(self, frame: Span) -> list[T]:
        """The items whose span lies inside `frame`."""
        return self._pick(i for i in self._starting_in(frame.start, frame.end) if self._spans[i].end <= frame.end)

    def overlapping(self, span: Span) -> list[T]:
        """The items whose span shares at least one character with `span`."""
        near = self._starting_in(span.start - self._longest, span.end - 1)
        return self._pick(i for i in near if self._spans[i].overlaps(span))

    def containing(self, span: Span) -> list[T]:
        """The items whose span holds all of `span`."""
        near = self._starting_in(span.end - self._longest, span.start)
        return self._pick(i for i in near if self._spans[i].contains(span))
