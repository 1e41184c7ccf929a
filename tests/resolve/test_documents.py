"""Documents are grouped by their names: two reports of one earthquake together, a similar one apart.

The texts are written for these tests; one sentence a line, as eval/ecbplus_data.py joins them.
"""

from __future__ import annotations

from wirescope.resolve.documents import document_groups, named_words

QUAKE_A = "A strong earthquake struck Sumatra on Monday.\nOfficials in Padang said 12 people were killed."
QUAKE_A_AGAIN = "The earthquake that hit Sumatra killed 12 people.\nRescuers in Padang searched the rubble."
QUAKE_B = "A strong earthquake struck Peru on Friday.\nOfficials in Lima said 40 people were killed."


def test_names_and_numbers_are_kept_and_a_sentence_opening_word_only_with_a_digit() -> None:
    assert named_words("A quake hit Sumatra.\n12 died in Padang") == "Sumatra. 12 Padang"


def test_two_reports_of_one_earthquake_group_apart_from_a_similar_one() -> None:
    groups = document_groups([QUAKE_A, QUAKE_A_AGAIN, QUAKE_B], 0.825)
    assert groups[0] == groups[1] != groups[2]


def test_texts_without_names_each_stand_alone() -> None:
    assert len(set(document_groups(["the quake hit.", "a quake struck."], 0.825))) == 2
