"""Words that say what kind of place a phrase names, and how far and which way from another.

Lower case; the rules in annotate/places/resolve.py compare case-insensitively.
"""

from __future__ import annotations

from wirescope.annotate.english import PLACE_NOUNS, place_nouns, place_prepositions

# A word after a name that makes it a natural feature: never a town of that name. The gazetteer
# has no natural features, so the place is located by the region (or town) of the same name.
NATURAL_FEATURES: dict[str, str] = place_nouns("natural")
# A word after a name that makes it an administrative region of that level.
REGION_WORDS: dict[str, str] = place_nouns("region")
# A word after a name that makes it a settlement.
TOWN_WORDS: dict[str, str] = place_nouns("town")
# A word after a name that makes it a facility in (or named after) the place.
FACILITY_WORDS: dict[str, str] = place_nouns("facility")
# Nouns that refer back to the last place of their kind ("holed up in the valley").
ANAPHORS: dict[str, str] = {w: n.feature for w, n in PLACE_NOUNS.items() if n.anaphor}

# Common nouns the recogniser tags as a place when they stand alone ("the Republic", "the Center",
# "in Congress"): never a place by themselves, though the gazetteer has towns so called (Republic,
# Missouri; Center, Texas). Written from English, and from the MUC-4 train texts' errors
# (docs/benchmarks.md), not from an evaluation's gold.
GENERIC_NOUNS = frozenset(
    {
        "republic",
        "nation",
        "state",
        "federation",
        "union",
        "kingdom",
        "commonwealth",
        "congress",
        "parliament",
        "assembly",
        "senate",
        "government",
        "center",
        "centre",
        "capital",
        "country",
        "province",
        "region",
        "department",
        "district",
        "municipality",
        "city",
        "town",
        "village",
    }
)

# English names the gazetteer does not know, to the name it files the place under.
ENGLISH_NAMES: dict[str, str] = {
    "america": "United States",
    "new york": "New York City",
    "washington, d.c.": "Washington",
    "washington dc": "Washington",
    "the states": "United States",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "the uk": "United Kingdom",
    "holland": "Netherlands",
}

# Compass directions to bearings in degrees.
BEARINGS: dict[str, float] = {
    "north": 0,
    "northeast": 45,
    "north-east": 45,
    "east": 90,
    "southeast": 135,
    "south-east": 135,
    "south": 180,
    "southwest": 225,
    "south-west": 225,
    "west": 270,
    "northwest": 315,
    "north-west": 315,
}
# Distance units to kilometres.
KM_PER_UNIT: dict[str, float] = {
    "mile": 1.609344,
    "miles": 1.609344,
    "mi": 1.609344,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "km": 1.0,
    "kms": 1.0,
}
# Hedges before a distance ("about 100 miles"): kept in the phrase, not in the number.
HEDGES = ("about", "around", "some", "roughly", "nearly", "almost", "approximately", "more than", "less than")

# Prepositions that put an event in a place ("fighting in Kabul"), as opposed to naming one.
LOCATIVE_PREPOSITIONS = place_prepositions("located")

# Continent and world-region adjectives, to the continent they name ("European leaders").
CONTINENT_ADJECTIVES: dict[str, str] = {
    "european": "europe",
    "african": "africa",
    "asian": "asia",
    "north american": "north america",
    "south american": "south america",
    "latin american": "south america",
    "oceanian": "oceania",
}

# Continents, which the gazetteer package lacks: GeoNames ids and the points GeoNames gives them.
CONTINENTS: dict[str, tuple[int, float, float]] = {
    "africa": (6255146, 7.19, 21.09),
    "asia": (6255147, 29.84, 89.30),
    "europe": (6255148, 48.69, 9.14),
    "north america": (6255149, 46.07, -100.55),
    "south america": (6255150, -14.60, -57.66),
    "oceania": (6255151, -18.31, 138.52),
    "antarctica": (6255152, -78.16, 16.41),
}

# US states as news style abbreviates them (AP style, with the postal codes papers also use), to
# the names the gazetteer files them under. "Washington, D.C." is the city, not the state.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    **{
        a: state
        for state, forms in {
            "Alabama": ("Ala.", "AL"),
            "Alaska": ("AK",),
            "Arizona": ("Ariz.", "AZ"),
            "Arkansas": ("Ark.", "AR"),
            "California": ("Calif.", "Cal.", "CA"),
            "Colorado": ("Colo.", "CO"),
            "Connecticut": ("Conn.", "CT"),
            "Delaware": ("Del.", "DE"),
            "Florida": ("Fla.", "FL"),
            "Georgia": ("Ga.", "GA"),
            "Hawaii": ("HI",),
            "Idaho": ("ID",),
            "Illinois": ("Ill.", "IL"),
            "Indiana": ("Ind.", "IN"),
            "Iowa": ("IA",),
            "Kansas": ("Kan.", "Kans.", "KS"),
            "Kentucky": ("Ky.", "KY"),
            "Louisiana": ("La.", "LA"),
            "Maine": ("Me.", "ME"),
            "Maryland": ("Md.", "MD"),
            "Massachusetts": ("Mass.", "MA"),
            "Michigan": ("Mich.", "MI"),
            "Minnesota": ("Minn.", "MN"),
            "Mississippi": ("Miss.", "MS"),
            "Missouri": ("Mo.", "MO"),
            "Montana": ("Mont.", "MT"),
            "Nebraska": ("Neb.", "Nebr.", "NE"),
            "Nevada": ("Nev.", "NV"),
            "New Hampshire": ("N.H.", "NH"),
            "New Jersey": ("N.J.", "NJ"),
            "New Mexico": ("N.M.", "N.Mex.", "NM"),
            "New York": ("N.Y.", "NY"),
            "North Carolina": ("N.C.", "NC"),
            "North Dakota": ("N.D.", "ND"),
            "Ohio": ("OH",),
            "Oklahoma": ("Okla.", "OK"),
            "Oregon": ("Ore.", "OR"),
            "Pennsylvania": ("Pa.", "Penn.", "PA"),
            "Rhode Island": ("R.I.", "RI"),
            "South Carolina": ("S.C.", "SC"),
            "South Dakota": ("S.D.", "SD"),
            "Tennessee": ("Tenn.", "TN"),
            "Texas": ("Tex.", "TX"),
            "Utah": ("UT",),
            "Vermont": ("Vt.", "VT"),
            "Virginia": ("Va.", "VA"),
            "Washington": ("Wash.", "WA"),
            "West Virginia": ("W.Va.", "W. Va.", "WV"),
            "Wisconsin": ("Wis.", "Wisc.", "WI"),
            "Wyoming": ("Wyo.", "WY"),
        }.items()
        for a in forms
    },
    "D.C.": "District of Columbia",  # "Washington, D.C.": the city is filed under this district
    "DC": "District of Columbia",
}
# Abbreviations that name a place themselves, not a state: the capital's district.
CITY_ABBREVIATIONS: dict[str, str] = {"D.C.": "Washington, D.C.", "DC": "Washington, D.C."}
