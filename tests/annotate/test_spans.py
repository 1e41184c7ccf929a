"""SpanIndex answers exactly what a scan of every item answers, in the items' own order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirescope.annotate.spans import SpanIndex
from wirescope.record import Span

spans = st.builds(lambda a, n: Span(a, a + n), st.integers(0, 60), st.integers(0, 15))


@given(st.lists(spans, max_size=30), spans)
def test_each_query_gives_what_scanning_every_item_gives_in_the_same_order(items, query):
    index = SpanIndex(items, span_of=lambda s: s)
    assert index.within(query) == [s for s in items if query.contains(s)]
    assert index.overlapping(query) == [s for s in items if s.overlaps(query)]
    assert index.containing(query) == [s for s in items if s.contains(query)]


def test_an_empty_index_finds_nothing():
    index: SpanIndex[Span] = SpanIndex([], span_of=lambda s: s)
    assert index.within(Span(0, 10)) == index.overlapping(Span(0, 10)) == index.containing(Span(3, 4)) == []
