"""Repairs of the model's entities on page debris: photo credits and widget words.

The sentences are written for these tests, in the form the issue describes (a credit line
"AGENCY/First Last", a "Slideshow" widget word left by a scraper).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

import wirescope
from wirescope.annotate.entities.model import load_model
from wirescope.annotate.entities.patterns import is_page_chrome, split_photo_credit
from wirescope.settings import SPACY_MODEL

ONLY_PARSE = wirescope.Settings(pipeline="parse")


def entities(text: str) -> list[tuple[str, str]]:
    article = wirescope.process(text, settings=ONLY_PARSE, clean=False)
    return [(article.text_of(m.span), m.label) for m in article.mentions]


@pytest.mark.parametrize(
    "credit, agency, person",
    [
        ("REUTERS/Mohammad Ismail", "REUTERS", "Mohammad Ismail"),
        ("REUTERS / Mohammad Ismail", "REUTERS", "Mohammad Ismail"),
        ("AFP/Wakil Kohsar", "AFP", "Wakil Kohsar"),
    ],
)
def test_a_photo_credit_is_an_agency_and_a_photographer(credit, agency, person):
    doc = load_model(SPACY_MODEL).make_doc(credit)
    merged = SpacySpan(doc, 0, len(doc), label="PERSON")  # what the bare model makes of the line
    parts = [(p.text, p.label_) for p in split_photo_credit(merged)]
    assert parts == [(agency, "ORG"), (person, "PERSON")]


def test_a_slash_between_names_that_are_not_an_agency_is_left_alone():
    doc = load_model(SPACY_MODEL).make_doc("Israeli/Palestinian")
    span = SpacySpan(doc, 0, len(doc), label="NORP")
    assert split_photo_credit(span) == [span]


def test_photo_credit_in_a_parse():
    """Regression: the bare model reads "AFP/Wakil Kohsar" as one ORG."""
    found = entities("People wait at the airport. AFP/Wakil Kohsar")
    assert ("AFP", "ORG") in found and ("Wakil Kohsar", "PERSON") in found


@pytest.mark.parametrize("credit", ["REUTERS/Stringer", "REUTERS/Mohammad Ismail/File Photo"])
def test_credit_words_are_not_a_photographer(credit):
    doc = load_model(SPACY_MODEL).make_doc(credit)
    parts = [(p.text, p.label_) for p in split_photo_credit(SpacySpan(doc, 0, len(doc), label="ORG"))]
    assert parts[0] == ("REUTERS", "ORG") and ("Stringer", "PERSON") not in parts
    assert parts[1:] in ([], [("Mohammad Ismail", "PERSON")])


@pytest.mark.parametrize("word, chrome", [("Slideshow", True), ("Advertisement", True), ("Massoud", False)])
def test_widget_words_alone_are_not_names(word, chrome):
    doc = load_model(SPACY_MODEL).make_doc(f"{word} said nothing.")
    assert is_page_chrome(SpacySpan(doc, 0, 1, label="PERSON")) is chrome
