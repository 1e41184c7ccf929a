"""Text-quote anchors find their span again after the text moved, and say so when it is gone."""

from __future__ import annotations

import pytest

from tests.query.see_fixtures import TEXT, span
from wirescope.corrections.anchor import anchor_of, find
from wirescope.record import Span

CLAIMED = span("attacked the army garrison in Charikar")


def test_an_unchanged_text_gives_the_same_span():
    assert find(anchor_of(TEXT, CLAIMED), TEXT) == CLAIMED


@pytest.mark.parametrize(
    "before",
    ["UPDATE: this story has been corrected.\n\n", "", "Kabul — "],
    ids=["a paragraph added above", "nothing added", "a dateline added"],
)
def test_text_added_before_the_span_moves_it_by_as_much(before):
    found = find(anchor_of(TEXT, CLAIMED), before + TEXT)
    assert found == Span(CLAIMED.start + len(before), CLAIMED.end + len(before))


def test_of_repeated_words_the_one_with_the_same_surroundings_is_chosen():
    second = span("Northern Front", 1)  # "...denied that the Northern Front had attacked"
    moved = "The Northern Front said nothing. " + TEXT
    found = find(anchor_of(TEXT, second), moved)
    assert found is not None and moved[found.end : found.end + 13] == " had attacked"


def test_a_span_whose_text_was_removed_is_not_found():
    edited = TEXT.replace("attacked the army garrison in Charikar", "shelled a checkpoint")
    assert find(anchor_of(TEXT, CLAIMED), edited) is None
