"""English words more than one annotator reads, each defined once with every use it has.

The annotators read these words for different purposes, and a word that is safe for one purpose
is not always safe for another ("State" after a name makes it a region for the gazetteer, but
"Islamic State" must not become a place for the entity fixes). So each word is listed once, with
the uses it has, and each annotator takes the set for its own use from here. This module imports
nothing from the annotators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# --- pronouns ------------------------------------------------------------------------------------

Case = Literal["subject", "object", "possessive", "reflexive"]


@dataclass(frozen=True, slots=True)
class Pronoun:
    person: bool  # stands for a person ("he"); otherwise for a group or a thing ("they", "it")
    case: Case
    gender: str | None = None  # "m" or "f" for a person's pronoun


PRONOUNS: dict[str, Pronoun] = {
    "he": Pronoun(True, "subject", "m"),
    "him": Pronoun(True, "object", "m"),
    "his": Pronoun(True, "possessive", "m"),
    "himself": Pronoun(True, "reflexive", "m"),
    "she": Pronoun(True, "subject", "f"),
    "her": Pronoun(True, "object", "f"),  # also possessive
    "hers": Pronoun(True, "possessive", "f"),
    "herself": Pronoun(True, "reflexive", "f"),
    "they": Pronoun(False, "subject"),
    "them": Pronoun(False, "object"),
    "their": Pronoun(False, "possessive"),
    "theirs": Pronoun(False, "possessive"),
    "it": Pronoun(False, "subject"),  # also object
    "its": Pronoun(False, "possessive"),
    "themselves": Pronoun(False, "reflexive"),
    "itself": Pronoun(False, "reflexive"),
}


def pronouns(
    *, person: bool, cases: tuple[Case, ...] = ("subject", "object", "possessive", "reflexive")
) -> frozenset[str]:
    """The pronouns for a person (or for a group), in the grammatical cases asked for."""
    return frozenset(w for w, p in PRONOUNS.items() if p.person == person and p.case in cases)


GENDER_OF_PRONOUN: dict[str, str] = {w: p.gender for w, p in PRONOUNS.items() if p.gender}

# --- prepositions of place -----------------------------------------------------------------------
# Uses:
#   name     a one-word name right after it that the model calls ORG or PERSON is a place ("in
#            Herat", "near Bazarak"); not "from", "to", "at" or "on" ("a statement from Mujahid",
#            "according to Dashti", "at Reuters"), which introduce people and outlets as often;
#   event    its object can be where an event happened ("fighting in Kabul", "clashes over Andarab");
#   located  a name after it is where something is or happens, as opposed to being named
#            (the places annotator's locative test, which also reads "toward(s)" for movements).
PLACE_PREPOSITIONS: dict[str, frozenset[str]] = {
    word: frozenset(uses.split())
    for word, uses in {
        "in": "name event located",
        "near": "name event located",
        "outside": "name event located",
        "inside": "name event located",
        "across": "name event located",
        "around": "name event located",
        "into": "name event located",
        "at": "event located",
        "along": "event located",
        "from": "event located",
        "on": "event located",
        "throughout": "event located",
        "within": "event located",
        "over": "event",
        "toward": "located",
        "towards": "located",
    }.items()
}


def place_prepositions(use: str) -> frozenset[str]:
    return frozenset(w for w, uses in PLACE_PREPOSITIONS.items() if use in uses)


# --- nouns of place ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceNoun:
    """A common noun that, after a name, says what kind of place the name is.

    kind     for the gazetteer: natural feature, administrative region, town or facility (None:
             the places annotator does not read it);
    feature  the feature class the place then has (valley, admin1, city, airport...);
    label    for the entity fixes: the label the name before it gets ("Andarab district" GPE,
             "Panjshir valley" LOC), None where that would be unsafe ("Islamic State");
    event    an event's place may be named by this noun with "the" ("in the valley");
    anaphor  "the valley" alone refers back to the last place of that feature.
    """

    kind: str | None
    feature: str
    label: str | None = None
    event: bool = False
    anaphor: bool = False


def _noun(
    kind: str | None, feature: str, label: str | None = None, event: bool = False, anaphor: bool = False
) -> PlaceNoun:
    return PlaceNoun(kind, feature, label, event, anaphor)


PLACE_NOUNS: dict[str, PlaceNoun] = {
    # natural features
    "valley": _noun("natural", "valley", "LOC", event=True, anaphor=True),
    "valleys": _noun(None, "valley", "LOC"),
    "river": _noun("natural", "river", "LOC", event=True, anaphor=True),
    "mountains": _noun("natural", "mountains", "LOC", event=True),
    "mountain": _noun("natural", "mountain"),
    "mount": _noun("natural", "mountain"),
    "range": _noun("natural", "mountains"),
    "hills": _noun("natural", "hills"),
    "lake": _noun("natural", "lake"),
    "desert": _noun("natural", "desert"),
    "sea": _noun("natural", "sea"),
    "gulf": _noun("natural", "gulf"),
    "strait": _noun("natural", "strait"),
    "plain": _noun("natural", "plain", "LOC"),
    "plains": _noun("natural", "plain"),
    "pass": _noun("natural", "pass", "LOC", event=True),
    "gorge": _noun("natural", "gorge", "LOC"),
    "gorges": _noun("natural", "gorge"),
    "island": _noun("natural", "island"),
    "islands": _noun("natural", "island"),
    "peninsula": _noun("natural", "peninsula"),
    "coast": _noun("natural", "coast"),
    "basin": _noun("natural", "basin"),
    "delta": _noun("natural", "delta"),
    # administrative regions
    "province": _noun("region", "admin1", "GPE", event=True, anaphor=True),
    "provinces": _noun(None, "admin1", "GPE"),
    "state": _noun("region", "admin1", event=True),
    "region": _noun("region", "admin1", event=True),
    "governorate": _noun("region", "admin1", event=True),
    "oblast": _noun("region", "admin1"),
    "prefecture": _noun("region", "admin1"),
    "county": _noun("region", "admin2", "GPE", event=True),
    "district": _noun("region", "admin2", "GPE", event=True, anaphor=True),
    "districts": _noun(None, "admin2", "GPE"),
    # towns
    "city": _noun("town", "city", "GPE", event=True, anaphor=True),
    "town": _noun("town", "city", "GPE", event=True, anaphor=True),
    "village": _noun("town", "city", "GPE", event=True, anaphor=True),
    "villages": _noun(None, "city", "GPE"),
    # facilities (in, or named after, the place)
    "airport": _noun("facility", "airport"),
    "air base": _noun("facility", "air base"),
    "airbase": _noun("facility", "air base"),
    "base": _noun("facility", "base"),
    "square": _noun("facility", "square"),
    "bridge": _noun("facility", "bridge"),
    "dam": _noun("facility", "dam"),
    "prison": _noun("facility", "prison"),
    "palace": _noun("facility", "palace"),
    # places an event can be in, which name no kind of place the gazetteer knows
    "area": _noun(None, "area", event=True),
    "border": _noun(None, "border", event=True),
    "camp": _noun(None, "camp", event=True),
}


def place_nouns(kind: str) -> dict[str, str]:
    """Word -> feature class, for the nouns of one kind (natural, region, town, facility)."""
    return {w: n.feature for w, n in PLACE_NOUNS.items() if n.kind == kind}
