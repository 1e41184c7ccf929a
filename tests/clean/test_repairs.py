"""Repairs of damaged text: what is split, what is left alone, and where each repair is recorded."""

from __future__ import annotations

import pytest

from wirescope.clean.repairs import DocumentVocabulary, apply_edits, glued_word_edits, mojibake_edits, repair_paragraph

# Each document sets its dashes closed up somewhere ("ceasefire—for now"), so a lost one is restored as a dash.
CONTEXT = (
    "The ceasefire—for now—held. Officials in Kabul, Afghanistan, met the Taliban, and the NRF said it would talk. "
)


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("the envoy, Amrullah SalehlAfghanistan's former vice president,", "Saleh\u2014Afghanistan's"),
        ("after the president fled on August 15make up the front", "15\u2014make"),
        ("support of the NRFif they are able to negotiate", "NRF\u2014if"),
        ("a statement was sent toKabul by the group", "to\u2014Kabul"),
    ],
)
def test_words_run_together_are_split(damaged, repaired):
    text = CONTEXT + damaged
    fixed, applied = repair_paragraph(text, DocumentVocabulary(text))
    assert repaired in fixed
    assert [a.after for a in applied] == [repaired]


@pytest.mark.parametrize(
    "clean",
    [
        "The meeting was at 10am on the 15th in a McDonald's near the border.",
        "He posted it on YouTube and on his iPhone, tagging @JoeNBC and #SuperTuesday.",
        "Donations went through RootsAction.org and GenderAvenger.com last week.",
        "The firm ShoreBank and the start-up LionTree signed the deal.",
        "Staff from the NGOs and CEOs of 9mm makers met in 2021.",
    ],
)
def test_words_that_belong_together_are_left_alone(clean):
    assert glued_word_edits(clean, DocumentVocabulary(CONTEXT + clean)) == []


def test_without_closed_up_dashes_a_space_is_restored():
    text = "The delegation flew toKabul on Monday. Kabul was quiet."
    fixed, _ = repair_paragraph(text, DocumentVocabulary(text))
    assert "to Kabul" in fixed


def test_mojibake_is_fixed_and_curly_quotes_are_kept():
    text = "The cafÃ© owner said \u201cwe stay\u201d."
    fixed, applied = apply_edits(text, mojibake_edits(text))
    assert fixed == "The caf\u00e9 owner said \u201cwe stay\u201d."
    assert [(a.before, a.after) for a in applied] == [("Ã©", "\u00e9")]


def test_offsets_of_earlier_repairs_follow_later_ones():
    text = CONTEXT + "The cafÃ© near the NRFif they come."
    fixed, applied = repair_paragraph(text, DocumentVocabulary(text))
    for a in applied:
        assert fixed[a.start : a.end] == a.after
