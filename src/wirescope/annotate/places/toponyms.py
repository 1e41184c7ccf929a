"""Finding toponyms and reading their phrases: steps 1 and 2 of the places annotator.

A toponym is spaCy's GPE, LOC or FAC mention, another occurrence of a name already recognised,
or a nationality word ("Palestinian") standing for its country. Its phrase says what kind of place
it is ("the Panjshir Valley" is a natural feature, "Kabul province" a region) and, in US news, the
state it is in ("Paris, Texas", "Lebanon, Ind.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wirescope.annotate.places.vocabulary import (
    FACILITY_WORDS,
    GENERIC_NOUNS,
    NATURAL_FEATURES,
    REGION_WORDS,
    TOWN_WORDS,
    US_STATE_ABBREVIATIONS,
)
from wirescope.geo.gazetteer import fold, is_demonym
from wirescope.record import Article, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Toponym:
    span: Span  # the whole phrase, feature word included ("Panjshir valley")
    base: str  # the name without its feature word ("Panjshir")
    feature: str | None = None  # valley, airport, admin1, city... as the phrase says
    kind: str | None = None  # natural, facility, admin1, admin2, city: what the phrase allows
    phrase: str = ""  # the whole phrase as written, when it has a feature word
    within: str | None = None  # the state or country named right after it ("Paris, Texas" -> Texas)
    demonym: bool = False  # a nationality word ("Palestinian") standing for its country


# --- 1 and 2: finding toponyms and reading their phrase ------------------------------------------


def _words(vocab) -> str:
    return "|".join(sorted((re.escape(w) for w in vocab), key=len, reverse=True))


_FEATURE_AFTER = re.compile(
    rf"\s+(?P<word>{_words([*NATURAL_FEATURES, *REGION_WORDS, *TOWN_WORDS, *FACILITY_WORDS])})\b", re.IGNORECASE
)
_FEATURE_BEFORE = re.compile(r"^(?P<word>Mount|Lake|Gulf of|Strait of|Sea of)\s+")


_STATE_NAMES = sorted({*US_STATE_ABBREVIATIONS, *US_STATE_ABBREVIATIONS.values()}, key=len, reverse=True)
# "Paris, Texas", "Lebanon, Ind.", "Alexandria, Va.": a town followed by the state it is in.
_WITHIN = re.compile(rf",\s*(?P<state>{'|'.join(re.escape(s) for s in _STATE_NAMES)})(?![\w])")


def read_phrase(text: str, span: Span) -> Toponym:
    """Split a place phrase into its name and its feature word, extending over a following one;
    note the state named right after it ("Paris, Texas")."""
    toponym = _read_feature(text, span)
    within = _WITHIN.match(text, span.end)
    if within and toponym.kind in (None, "city"):
        state = within["state"]
        return replace(toponym, within=US_STATE_ABBREVIATIONS.get(state, state))
    return toponym


def _read_feature(text: str, span: Span) -> Toponym:
    name = span.of(text)
    for vocab, kind in (
        (NATURAL_FEATURES, "natural"),
        (REGION_WORDS, None),
        (TOWN_WORDS, "city"),
        (FACILITY_WORDS, "facility"),
    ):
        for word in sorted(vocab, key=len, reverse=True):
            if name.lower().endswith(" " + word) and len(name) > len(word) + 1:
                return Toponym(span, name[: -len(word) - 1].strip(), vocab[word], kind or REGION_WORDS[word], name)
    after = _FEATURE_AFTER.match(text, span.end)
    if after:
        word = after["word"].lower()
        kind = (
            "natural"
            if word in NATURAL_FEATURES
            else "city"
            if word in TOWN_WORDS
            else "facility"
            if word in FACILITY_WORDS
            else REGION_WORDS[word]
        )
        feature = {**NATURAL_FEATURES, **REGION_WORDS, **TOWN_WORDS, **FACILITY_WORDS}[word]
        return Toponym(Span(span.start, after.end()), name, feature, kind, text[span.start : after.end()])
    before = _FEATURE_BEFORE.match(name)
    if before:
        word = before["word"].split()[0].lower()
        return Toponym(span, name[before.end() :], NATURAL_FEATURES.get(word, word), "natural", name)
    return Toponym(span, name)


def toponyms_of(article: Article) -> list[Toponym]:
    found = [read_phrase(article.text, m.span) for m in article.mentions if m.label in PLACE_LABELS]
    found = [
        t
        for t in found
        if t.base.strip()
        and any(c.isupper() for c in t.base)
        and t.base.strip().lower() not in GENERIC_NOUNS
        and not _pronoun(article, t)
    ]
    found += _demonym_toponyms(article, found)
    found += _repeated(article, [t for t in found if not t.demonym])
    return _same_state_throughout(sorted(found, key=lambda t: t.span))


def _pronoun(article: Article, toponym: Toponym) -> bool:
    """ "US" in text written in capitals ("THE GUERRILLAS ATTACKED US", wire copy of the 1980s) is the
    pronoun as often as the country; only "U.S." or "UNITED STATES" say the country there."""
    if toponym.base != "US":
        return False
    around = article.text[max(0, toponym.span.start - 60) : toponym.span.end + 60]
    return not any(c.islower() for c in around)


def _same_state_throughout(toponyms: list[Toponym]) -> list[Toponym]:
    """ "Lebanon, Ind." once, then "Lebanon" alone: the same town (one sense per name)."""
    states = {fold(t.base): t.within for t in toponyms if t.within}
    return [replace(t, within=states[fold(t.base)]) if not t.within and fold(t.base) in states else t for t in toponyms]


def _demonym_toponyms(article: Article, found: list[Toponym]) -> list[Toponym]:
    """Nationality words the recogniser calls NORP ("Palestinian", "Israeli"): each a mention of
    its country, marked so that events do not take "American officials" as where they happened."""
    extra = []
    for m in article.mentions:
        if (
            m.label == "NORP"
            and is_demonym(article.text_of(m.span))
            and not any(m.span.overlaps(t.span) for t in found)
        ):
            extra.append(Toponym(m.span, article.text_of(m.span), demonym=True))
    return extra


def _repeated(article: Article, found: list[Toponym]) -> list[Toponym]:
    """Other occurrences of names already recognised: one sense per name within an article."""
    extra: list[Toponym] = []
    # Longest names first, in a fixed order: iterating a set of strings followed the per-process
    # hash seed, so "Carolina" could claim part of a later "North Carolina" in one run and not the next.
    for base in sorted({t.base for t in found}, key=lambda b: (-len(b), b)):
        for m in re.finditer(rf"(?<![\w-]){re.escape(base)}(?![\w-])", article.text):
            span = Span(m.start(), m.end())
            if not any(span.overlaps(t.span) for t in found + extra):
                extra.append(read_phrase(article.text, span))
    return extra
