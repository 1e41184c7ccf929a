"""Annotator "places": toponyms resolved to GeoNames entries and coordinates, in context.

1. Toponyms are spaCy's GPE, LOC and FAC mentions, plus the other places in the text where a
   name already recognised appears again (the small model misses "the Panjshir valley" in lower
   case after finding "the Panjshir Valley"), plus "the valley"-style references back to the last
   place of that kind.
2. The phrase says what kind of place it is: "the Panjshir Valley" is a natural feature, never
   a town called Panjshir; "Kabul province" is a region; "Kabul airport" a facility in Kabul.
3. Each name is resolved among its gazetteer candidates by population (a town beats the region
   named after it unless the town is small beside it), the article's country focus (countries it
   names, and those its unambiguous places are in) and nearness to its other places.
4. "about 100 miles north of Kabul" is kept as an offset (161 km, bearing 0) from Kabul, not
   turned into a map pin that would look more precise than the text is.

What it gets wrong, knowingly: metonymy is not told apart ("Kabul said" is still Kabul); a name
the gazetteer lacks stays unresolved (no coordinates); natural features are located by the
region or town of the same name, which for long rivers or ranges can be far off.

`place_for_span(article, span)` offers the events annotator where an event happened.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from wirescope.annotate.pipeline import annotator
from wirescope.annotate.places.toponyms import Toponym, read_phrase, toponyms_of
from wirescope.annotate.places.vocabulary import (
    ANAPHORS,
    BEARINGS,
    CITY_ABBREVIATIONS,
    CONTINENT_ADJECTIVES,
    CONTINENTS,
    ENGLISH_NAMES,
    HEDGES,
    KM_PER_UNIT,
    LOCATIVE_PREPOSITIONS,
    US_STATE_ABBREVIATIONS,
)
from wirescope.annotate.times.vocabulary import NUMBER_WORDS
from wirescope.geo import Entry, gazetteer, km_between
from wirescope.geo.gazetteer import fold, is_demonym
from wirescope.record import Article, Place, Span, stable_id

# ACLED geo_precision by what the place is: 1 the named town, 2 part of a region, 3 a region or country.
PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 3, "continent": 3}
FEATURE_NAMES = {
    "city": "populated place",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "continent": "continent",
}
# Scoring weights (log10 of population is the base; see `score`).
REGION_DISCOUNT = 1.3  # a region must be 20x the town's population to beat the town named like it
ADMIN2_DISCOUNT = 1.5
# The focus bonus is worth a 100-fold population: Mecca in Saudi Arabia still beats Mecca,
# California in a story about the United States, but Kandahar in Afghanistan beats its namesakes.
FOCUS_BONUS, OTHER_FOCUS_BONUS, NEAR_BONUS, NEAR_KM = 2.0, 1.0, 1.0, 300.0
# A town in a region the article names is worth a 1000-fold population: Paris in a story that
# names Texas is Paris, Texas. Set by reasoning, not fitted.
STATE_BONUS = 3.0

_KINDS_FOR = {"admin1": ("admin1", "admin2"), "admin2": ("admin2", "admin1"), "city": ("city",)}


# --- 3: resolving names in context ---------------------------------------------------------------


def candidates(toponym: Toponym) -> list[Entry]:
    """Gazetteer entries the phrase allows: no countries for a valley, only regions for a province."""
    name = toponym.base
    continent = CONTINENT_ADJECTIVES.get(name.lower(), name.lower())
    if toponym.kind is None and continent in CONTINENTS:
        geonames_id, lat, lon = CONTINENTS[continent]
        return [Entry(geonames_id, continent.title(), "continent", None, None, lat, lon)]
    if toponym.phrase and (whole := _lookup(toponym.phrase)):
        return whole  # the gazetteer knows the whole name: "Rhode Island" is not an island called Rhode
    if toponym.demonym or (toponym.kind is None and is_demonym(name)):
        # A nationality word names its country before any town spelled like it ("Canadian",
        # Texas; "Arab", Alabama).
        return gazetteer().by_demonym(name)
    entries = _lookup(name) or gazetteer().by_demonym(name)
    if toponym.within:
        inside = [e for e in entries if e.kind in ("city", "admin2") and fold(e.admin1 or "") == fold(toponym.within)]
        entries = inside or entries
    if toponym.kind in _KINDS_FOR:
        for kind in _KINDS_FOR[toponym.kind]:
            if allowed := [e for e in entries if e.kind == kind]:
                return allowed
        return []
    if toponym.kind == "natural":
        # A valley is located by the region named like it, else the town: never the country.
        return [e for e in entries if e.kind != "country"]
    return entries


def _lookup(name: str) -> list[Entry]:
    """Entries under the name, and under the name the gazetteer files an English short form under."""
    if "." in name:  # "W.Va.", "Ky.", "D.C."; bare postal codes ("LA", "IN") only after a comma
        name = CITY_ABBREVIATIONS.get(name) or US_STATE_ABBREVIATIONS.get(name, name)
    entries = gazetteer().lookup(name)
    other = ENGLISH_NAMES.get(name.lower())
    return entries + gazetteer().lookup(other) if other else entries


def country_focus(resolutions: dict[str, list[Entry]], counts: Counter) -> Counter:
    """How strongly the article is about each country: countries named, and places only in one."""
    focus: Counter = Counter()
    for key, entries in resolutions.items():
        countries = {e.country for e in entries if e.country}
        named_country = next((e for e in entries if e.kind == "country"), None)
        if named_country is not None:
            focus[named_country.country] += 2 * counts[key]
        elif len(countries) == 1:
            focus[countries.pop()] += counts[key]
    return focus


def state_focus(first: dict[str, Toponym], options: dict[str, list[Entry]]) -> Counter:
    """The first-level regions the article names: as a place ("Indiana") or after a town ("Lebanon,
    Ind."). A town in one of them beats a bigger namesake elsewhere."""
    states: Counter = Counter()
    for key, t in first.items():
        if t.within:
            states[fold(t.within)] += 1
        elif any(e.kind == "admin1" and fold(e.name) == fold(t.base) for e in options[key]) and not any(
            e.kind == "country" for e in options[key]
        ):
            states[fold(t.base)] += 1  # "Georgia" the country is not a state the article names
    return states


def score(entry: Entry, focus: Counter, near: list[Entry], states: Counter | None = None) -> float:
    """Higher is likelier: population, then the article's countries and regions, then nearness to
    its places."""
    value = math.log10(entry.population + 10)
    if entry.kind in ("country", "continent"):
        value += 10  # a name that IS a country's (or continent's) name means it
    elif entry.kind == "admin1":
        value -= REGION_DISCOUNT
    elif entry.kind == "admin2":
        value -= ADMIN2_DISCOUNT
    if focus and entry.country == focus.most_common(1)[0][0]:
        value += FOCUS_BONUS
    elif entry.country in focus:
        value += OTHER_FOCUS_BONUS
    if any(other is not entry and _within(entry, other, NEAR_KM) for other in near):
        value += NEAR_BONUS
    if states and entry.kind in ("city", "admin2") and fold(entry.admin1 or "") in states:
        value += STATE_BONUS
    return value


def _within(a: Entry, b: Entry, km: float) -> bool:
    """Both places have a point, and they are at most `km` apart."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= km


def toponym_key(t: Toponym) -> str:
    return f"{fold(t.base)}|{t.kind or ''}|{t.within or ''}|{'demonym' if t.demonym else ''}"


def resolve(toponyms: list[Toponym], demonyms: Counter | None = None) -> dict[str, Entry | None]:
    """The chosen entry for each distinct (name, kind), or None when the gazetteer has none.

    `demonyms` counts the countries the article's nationality words point to ("Afghan forces"):
    they add to the country focus, as a named country does.
    """
    counts = Counter(toponym_key(t) for t in toponyms)
    first: dict[str, Toponym] = {}
    for t in toponyms:
        first.setdefault(toponym_key(t), t)
    options = {key: candidates(t) for key, t in first.items()}
    focus = country_focus(options, counts) + (demonyms or Counter())
    for key, t in first.items():
        if not options[key] and t.kind != "natural" and focus:
            options[key] = gazetteer().similar(t.base, focus.most_common(1)[0][0])
    states = state_focus(first, options)
    provisional = {k: max(v, key=lambda e: score(e, focus, [], states)) for k, v in options.items() if v}
    chosen: dict[str, Entry | None] = {}
    for key, entries in options.items():
        near = [e for k, e in provisional.items() if k != key and e.kind != "country"]
        chosen[key] = max(entries, key=lambda e: score(e, focus, near, states)) if entries else None
    return chosen


def demonym_countries(article: Article) -> Counter:
    """Countries named by nationality words (NORP mentions: "Afghan", "Syrian")."""
    found: Counter = Counter()
    for m in article.mentions:
        if m.label == "NORP":
            for entry in gazetteer().by_demonym(article.text_of(m.span)):
                found[entry.country] += 1
    return found


def _words(vocab) -> str:
    return "|".join(sorted((re.escape(w) for w in vocab), key=len, reverse=True))


# --- 4: relative locations -----------------------------------------------------------------------

_NUMBER = rf"\d[\d,.]*|{_words(NUMBER_WORDS)}"
OFFSET = re.compile(
    rf"(?P<phrase>(?:(?:{_words(HEDGES)})\s+)?(?P<n>{_NUMBER})[\s-]*(?P<unit>{_words(KM_PER_UNIT)})\s+"
    rf"(?:\(\s*[\d,.]+\s*\w+\s*\)\s+)?(?P<dir>{_words(BEARINGS)})\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def offset_before(article: Article, toponym: Toponym) -> tuple[Span, float, float] | None:
    """ "about 100 miles north of " right before a toponym: (phrase span, km, bearing)."""
    start = max(0, toponym.span.start - 80)
    m = OFFSET.search(article.text, start, toponym.span.start)
    if not m:
        return None
    number = m["n"].replace(",", "")
    amount = float(number) if re.fullmatch(r"\d+(?:\.\d+)?", number) else NUMBER_WORDS.get(number.lower())
    if not amount:
        return None
    km = round(amount * KM_PER_UNIT[m["unit"].lower()], 1)
    return Span(m.start("phrase"), toponym.span.end), km, BEARINGS[m["dir"].lower()]


# --- anaphors: "the valley" -----------------------------------------------------------------------

_ANAPHOR = re.compile(rf"\bthe\s+(?:same\s+)?(?P<noun>{_words(ANAPHORS)})\b(?!\s+of\b)")


def anaphors(article: Article, toponyms: list[Toponym]) -> list[tuple[Span, Toponym]]:
    """ "the valley" after a named valley refers back to it; each paired with the toponym it means."""
    found = []
    for m in _ANAPHOR.finditer(article.text):
        span = Span(m.start(), m.end())
        wanted = ANAPHORS[m["noun"]]
        earlier = [t for t in toponyms if t.span.end <= span.start and wanted in (t.feature, t.kind)]
        if earlier and not any(span.overlaps(t.span) for t in toponyms):
            found.append((span, earlier[-1]))
    return found


# --- building the records ------------------------------------------------------------------------


def _display_name(article: Article, toponym: Toponym, entry: Entry | None) -> str:
    if entry is not None and entry.kind == "country" and toponym.kind is None:
        return entry.name
    if toponym.kind in ("natural", "facility"):
        return f"{toponym.base} {toponym.feature.title()}" if toponym.feature else toponym.base
    return toponym.base


def place_of(article: Article, toponym: Toponym, entry: Entry | None) -> Place:
    """The Place record for a toponym and its chosen entry (mentions are filled in later)."""
    name = _display_name(article, toponym, entry)
    if entry is None:
        return Place(stable_id("place", fold(name)), name, (), feature=toponym.feature)
    if toponym.kind in ("natural", "facility"):
        # The gazetteer has no such feature: the point is that of the region or town it is named
        # after, and the GeoNames id stays empty, since that entry is not this place.
        precision = 1 if toponym.kind == "facility" and entry.kind == "city" else 2
        return Place(
            stable_id("place", entry.country, fold(name)),
            name,
            (),
            None,
            entry.latitude,
            entry.longitude,
            entry.country,
            entry.admin1,
            toponym.feature,
            precision,
        )
    return Place(
        stable_id("place", entry.geonames_id or fold(name)),
        name,
        (),
        entry.geonames_id,
        entry.latitude,
        entry.longitude,
        entry.country,
        entry.admin1,
        FEATURE_NAMES[entry.kind],
        PRECISION[entry.kind],
    )


def offset_place(article: Article, span: Span, km: float, bearing: float, anchor: Place) -> Place:
    """A place given as a distance and direction from another: no point of its own is invented."""
    return Place(
        stable_id("place", anchor.id, km, bearing),
        article.text_of(span),
        (span,),
        None,
        None,
        None,
        anchor.country,
        anchor.admin1,
        "offset",
        2,
        anchor_id=anchor.id,
        offset_km=km,
        bearing=bearing,
    )


def containing_regions(article: Article, toponyms: list[Toponym], chosen: dict[str, Entry | None]) -> dict[str, Entry]:
    """ "Nad-e Ali district, Helmand province": a place the gazetteer lacks, followed after a comma
    by a first-level region it has, lies in that region, wherever else the article names it.
    Folded name -> the region's entry."""
    ordered = sorted(toponyms, key=lambda t: t.span.start)
    found: dict[str, Entry] = {}
    for t, after in pairwise(ordered):
        region = chosen[toponym_key(after)]
        between = article.text[t.span.end : after.span.start]
        if chosen[toponym_key(t)] is None and between.strip() == "," and region is not None and region.kind == "admin1":
            found.setdefault(fold(t.base), region)
    return found


def inside(toponym: Toponym, region: Entry) -> Place:
    """A place known only by the region it lies in: the region's country, name and point, at the
    region's precision (no GeoNames id: that entry is not this place)."""
    return Place(
        stable_id("place", region.country, region.admin1, fold(toponym.base)),
        toponym.base,
        (),
        None,
        region.latitude,
        region.longitude,
        region.country,
        region.admin1,
        toponym.feature,
        PRECISION["admin1"],
    )


def find_places(article: Article) -> tuple[Place, ...]:
    toponyms = toponyms_of(article)
    if not toponyms:
        return ()
    chosen = resolve(toponyms, demonym_countries(article))
    places: dict[str, Place] = {}
    mentions: dict[str, list[Span]] = {}
    by_toponym: dict[Span, Place] = {}
    containers = containing_regions(article, toponyms, chosen)
    for t in toponyms:
        entry = chosen[toponym_key(t)]
        region = containers.get(fold(t.base)) if entry is None else None
        place = place_of(article, t, entry) if region is None else inside(t, region)
        place = places.setdefault(*_keyed(place))
        mentions.setdefault(place.id, []).append(t.span)
        by_toponym[t.span] = place
    for span, t in anaphors(article, toponyms):
        mentions[by_toponym[t.span].id].append(span)
    for t in toponyms:
        if offset := offset_before(article, t):
            place = offset_place(article, *offset, by_toponym[t.span])
            places.setdefault(place.id, place)
            mentions.setdefault(place.id, []).append(offset[0])
    located = [replace(p, mentions=tuple(sorted(set(mentions[p.id])))) for p in places.values()]
    return tuple(sorted(located, key=lambda p: p.mentions[0]))  # in text order, as the store gives them back


def _keyed(place: Place) -> tuple[str, Place]:
    return place.id, place


@annotator("places", requires=("mentions",), adds=("places",), version="3")  # 3: common nouns alone are no place
def annotate_places(article: Article) -> Article:
    """Toponyms resolved to GeoNames entries, in the context of the whole article."""
    return replace(article, places=find_places(article))


# --- for the events annotator --------------------------------------------------------------------


def place_for_span(article: Article, span: Span) -> Place | None:
    """Where the event stated in `span` happened: the place its sentence puts it in.

    A mention after a locative preposition ("in Kabul", "along the Panjshir valley") is preferred
    to one that merely names a place ("the Kabul government"), a town or valley to a country,
    and a nearer mention to a farther one. Offsets are returned as themselves (precision 2).
    """
    sentence = article.sentence_of(span) or span
    options = []
    for place in article.places:
        for mention in place.mentions:
            if is_demonym(article.text_of(mention)):
                continue  # "American officials said": a nationality, not where it happened
            if sentence.contains(mention) or span.contains(mention):
                options.append((_place_rank(article, span, place, mention), place))
    return min(options, key=lambda o: o[0])[1] if options else None


def _place_rank(article: Article, span: Span, place: Place, mention: Span) -> tuple:
    before = article.text[max(0, mention.start - 25) : mention.start].lower().split()
    locative = any(w in LOCATIVE_PREPOSITIONS for w in before[-3:])
    distance = 0 if span.contains(mention) else min(abs(mention.start - span.end), abs(span.start - mention.end))
    return (not locative, place.precision or 4, distance)


__all__ = ["annotate_places", "find_places", "place_for_span", "read_phrase", "resolve", "toponym_key", "toponyms_of"]
