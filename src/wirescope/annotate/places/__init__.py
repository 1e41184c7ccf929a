"""Places: toponyms read in context and resolved to GeoNames through the offline gazetteer (geo/).

Adds `places`, each with its mentions, coordinates, country, feature class and ACLED precision;
relative locations ("20 km north of X") as an offset from their anchor.
"""

from wirescope.annotate.places.resolve import annotate_places

__all__ = ["annotate_places"]
