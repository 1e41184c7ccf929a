"""The actor registry: which names stand for which actor, within an article and across articles.

Two sources, in order of trust:
- the curated list (src/wirescope/data/actors.json): well-known actors with their aliases and
  transliterations, each with a source note;
- the actors already stored (Store): a name seen alone in one article ("Mujahid") and in full in
  another ("Zabihullah Mujahid") become one actor when nothing else competes for the name.

Every decision carries a confidence and a reason. Two different full names are never merged only
because they share a surname ("Ahmad Massoud" and "Ahmad Shah Massoud" stay two people).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wirescope.errors import ConfigError
from wirescope.record import stable_id

CURATED_FILE = "data/actors.json"
_VOWELS = set("aeiouy")
_NON_LETTERS = re.compile(r"[^a-z ]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*$")


@dataclass(frozen=True, slots=True)
class KnownActor:
    """One entry of the curated list."""

    canonical: str
    type: str
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the registry decided for a name: the canonical name, how sure, and why."""

    canonical: str
    type: str
    confidence: float
    reason: str


def actor_id(type_: str, name: str) -> str:
    """The cross-article key: the same type and canonical name give the same id in every article."""
    return stable_id("actor", type_, name.lower())


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def is_acronym_of(short: str, name: str) -> bool:
    """ "NRF" of "National Resistance Front of Afghanistan": capital initials, in order, from the start."""
    letters = short.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and len(name.split()) >= 2 and initials(name).startswith(letters)


def name_key(name: str) -> str:
    """A name compared as written, ignoring case, "the", quotes and dots: "the U.S." ~ "U.S.".

    Acronyms keep their case ("US" is not "us"); other names are case-folded.
    """
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().strip("\"'“”‘")
    name = re.sub(r"^(?:the|The|THE) ", "", name)
    if _ACRONYM.match(name.replace(" ", "")):
        return name.replace(".", "")
    return name.casefold()


@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> tuple[str, ...]:
    """A spelling-insensitive key per word, for names written in Latin letters from Arabic script.

    "Mujahid"/"Mujahed", "Massoud"/"Masood"/"Masud", "Zabihullah"/"Zabiullah" share keys: keep the
    first letter, drop an "h" between vowels, drop the other vowels, collapse doubled letters.
    Two names match only when they have the same number of words and every word matches, so
    "Ahmad Massoud" never matches "Ahmad Shah Massoud". Different people whose names differ only
    in vowels would collide; callers give such a match a lower confidence.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = _NON_LETTERS.sub(" ", plain.replace("-", " "))
    return tuple(_word_key(w) for w in plain.split() if w not in {"al", "el", "the"})


def _word_key(word: str) -> str:
    kept = [c for i, c in enumerate(word)
            if not (c == "h" and 0 < i < len(word) - 1 and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS)]
    skeleton = kept[0] + "".join(c for c in kept[1:] if c not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", skeleton)


class Registry:
    """Looks names up in the curated list: by full alias, by transliteration, by surname."""

    def __init__(self, known: Iterable[KnownActor]) -> None:
        self.known = tuple(known)
        self._by_name = {}
        self._by_translit = {}
        self._by_surname = {}
        for k in self.known:
            for name in (k.canonical, *k.aliases):
                self._by_name.setdefault(name_key(name), k)
                if len(name.split()) > 1:
                    self._by_translit.setdefault(transliteration_key(name), k)
            for surname in k.surnames:
                self._by_surname.setdefault(name_key(surname), k)

    def full_name(self, name: str) -> tuple[KnownActor, float, str] | None:
        """The known actor this full name or alias stands for, with confidence and reason."""
        known = self._by_name.get(name_key(name))
        if known is not None:
            how = "canonical name" if name_key(name) == name_key(known.canonical) else f"alias {name!r}"
            return known, 1.0, f"curated registry, {how} ({known.source})"
        if len(name.split()) > 1:
            known = self._by_translit.get(transliteration_key(name))
            if known is not None:
                return known, 0.9, f"curated registry, transliteration variant {name!r} of {known.canonical!r}"
        return None

    def surname(self, name: str) -> tuple[KnownActor, float, str] | None:
        """The known actor a single name stands for, when the curated list says it may."""
        known = self._by_surname.get(name_key(name))
        if known is None:
            return None
        return known, 0.8, (f"curated registry: {name!r} alone stands for {known.canonical!r} "
                            f"when the article names no other {name}")


@lru_cache(maxsize=1)
def curated_registry() -> Registry:
    """The registry seeded with src/wirescope/data/actors.json."""
    path = resources.files("wirescope").joinpath(CURATED_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = [KnownActor(e["canonical"], e["type"], tuple(e.get("aliases", ())), tuple(e.get("surnames", ())),
                            e.get("source", "")) for e in data["actors"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: cannot read the curated actor list: {exc.__class__.__name__}: {exc}") from exc
    return Registry(known)


# --- across articles -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredActor:
    """What the store knows of an actor when deciding merges across articles."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    role_words: frozenset[str] = frozenset()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Merge:
    """A stored actor found to be another one: into which, how sure, and why."""

    into: str
    confidence: float
    reason: str


def cross_article_merges(actors: list[StoredActor]) -> dict[str, Merge]:
    """Which stored actors are another stored actor, decided from the whole set at once.

    A pure function of the stored actors (not of the order articles arrived in), so re-running it
    after every save is deterministic and idempotent. Three rules:
    - full names that are transliteration variants of each other ("Fahim Dashti"/"Faheem Dashti")
      join the most mentioned spelling;
    - a person stored under a single name joins the one stored full name containing it, or, when
      several do ("Massoud": Ahmad Massoud and Ahmad Shah Massoud), the one sharing the most
      role words, if that one is unique; otherwise stays apart;
    - an organisation stored under an acronym joins the one organisation with that acronym as
      an alias or as its initials.
    """
    merges = _transliteration_merges(actors)
    kept = [a for a in actors if a.id not in merges]
    full_names_by_part = _full_names_by_part(kept)
    for a in actors:
        if a.id in merges:
            continue
        merge = None
        if a.type == "PERSON":
            merge = _single_name_merge(a, full_names_by_part)
        elif a.type == "ORG":
            merge = _acronym_merge(a, kept)
        if merge is not None:
            merges[a.id] = merge
    return merges


def ids_needing_details(actors: list[StoredActor]) -> set[str]:
    """The actors whose role words and mention counts the merge rules may look at.

    The store loads those details only for these (spelling variants, and surnames shared by
    several full names), so that a save does not read every mention and role in the store.
    """
    needed: set[str] = set()
    groups: dict[tuple, list[str]] = {}
    for a in actors:
        key = transliteration_key(a.name)
        if a.type == "PERSON" and len(key) > 1:
            groups.setdefault(key, []).append(a.id)
    needed.update(i for ids in groups.values() if len(ids) > 1 for i in ids)
    by_part: dict[str, list[str]] = {}
    for key, ids in groups.items():
        for part in {key[0], key[-1]}:
            by_part.setdefault(part, []).extend(ids)
    for a in actors:
        key = transliteration_key(a.name)
        if a.type == "PERSON" and len(key) == 1 and len(by_part.get(key[0], ())) > 1:
            needed.update([a.id, *by_part[key[0]]])
    return needed


def _transliteration_merges(actors: list[StoredActor]) -> dict[str, Merge]:
    groups: dict[tuple, list[StoredActor]] = {}
    for a in actors:
        key = transliteration_key(a.name)
        if a.type == "PERSON" and len(key) > 1:
            groups.setdefault((a.type, key), []).append(a)
    merges = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        target = max(group, key=lambda a: (a.mentions, -len(a.name), a.id))
        for a in group:
            if a is not target:
                merges[a.id] = Merge(target.id, 0.8,
                                     f"transliteration variant of {target.name!r} (same letters but vowels)")
    return merges


def _full_names_by_part(kept: list[StoredActor]) -> dict[str, list[StoredActor]]:
    """People stored under a full name, by the key of their first and of their last name."""
    index: dict[str, list[StoredActor]] = {}
    for f in kept:
        key = transliteration_key(f.name)
        if f.type == "PERSON" and len(f.name.split()) > 1 and key:
            for part in dict.fromkeys((key[0], key[-1])):
                index.setdefault(part, []).append(f)
    return index


def _single_name_merge(a: StoredActor, full_names_by_part: dict[str, list[StoredActor]]) -> Merge | None:
    if len(a.name.split()) != 1:
        return None
    word = transliteration_key(a.name)
    candidates = full_names_by_part.get(word[0], []) if word else []
    if len(candidates) == 1:
        f = candidates[0]
        return Merge(f.id, 0.7, f"{a.name!r} alone: the only stored person whose full name has it is {f.name!r}")
    scored = sorted(((len(a.role_words & f.role_words), f) for f in candidates), key=lambda p: -p[0])
    if len(scored) > 1 and scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        f = scored[0][1]
        shared = ", ".join(sorted(a.role_words & f.role_words))
        return Merge(f.id, 0.6, f"{a.name!r} alone: of {len(candidates)} stored people so named, only {f.name!r} "
                                f"shares the roles ({shared})")
    return None


def _acronym_merge(a: StoredActor, kept: list[StoredActor]) -> Merge | None:
    if " " in a.name or not a.name.replace(".", "").isupper():
        return None
    candidates = [o for o in kept if o.type == "ORG" and o.id != a.id and len(o.name.split()) > 1
                  and (a.name in o.aliases or is_acronym_of(a.name, o.name))]
    if len(candidates) != 1:
        return None
    o = candidates[0]
    how = "an alias" if a.name in o.aliases else "its initials"
    return Merge(o.id, 0.85, f"acronym {a.name!r} is {how} of {o.name!r}, the only stored organisation so named")
