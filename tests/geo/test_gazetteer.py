"""The gazetteer behind the places annotator."""

from __future__ import annotations

import pytest

import wirescope
from wirescope.geo import gazetteer
from wirescope.geo.gazetteer import _country_point


# Regression: CountryInfo has no centre for some territories (the US Virgin Islands, the State of
# Palestine...). Reading one stopped the places annotator with an IndexError, and the whole article
# was rejected ("annotator 'places' failed"); such a country is placed by its towns instead.
@pytest.mark.parametrize("alpha2", ["VI", "PS", "AX"])
def test_a_country_with_no_centre_on_record_is_placed_by_its_towns(alpha2):
    lat, lon, _population = _country_point(gazetteer(), alpha2)
    assert (lat is None) == (lon is None)


def test_an_article_naming_such_a_country_is_annotated():
    article = wirescope.process("Storms hit the U.S. Virgin Islands on Monday, officials said.", clean=False)
    assert article.places
