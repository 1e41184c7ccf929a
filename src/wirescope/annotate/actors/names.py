"""Names of actors: the keys that tell two spellings of one name apart, and the actor dictionary.

The dictionary (entries with dated roles, loaded by dictionary.py from src/wirescope/data/actors/)
answers which known actor a name stands for on the article's date; grouping.py asks it.
The spelling keys live in resolve/names.py: the cross-article stage (resolve/actors.py) and the
store's blocking keys need them without the annotators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from wirescope.annotate.actors.vocabulary import cameo_role_name
from wirescope.record import stable_id
from wirescope.resolve.names import initials, is_acronym_of, transliteration_key

__all__ = ["initials", "is_acronym_of", "name_key", "transliteration_key"]  # and the registry below

_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*$")


class DatedRole(NamedTuple):
    """A role an actor held between two dates: a CAMEO code ("AFGGOV"), an office title, or both.

    An empty start or end is open. `as_of` is when the source was last updated: an open end
    means "still held as of then", not "still held today" (the kb stops around 2014).
    A NamedTuple, not a dataclass: the dictionary makes 60,000 of them at load.
    """

    code: str
    title: str = ""
    start: str = ""  # ISO dates, "" when open
    end: str = ""
    as_of: str = ""

    def holds_on(self, day: date) -> bool | None:
        """True if held on that day, False if not, None when the source cannot say (the day is
        after its last update and the role had no end then)."""
        iso = day.isoformat()
        if self.start and iso < self.start:
            return False
        if self.end:
            return iso <= self.end
        if not self.start:
            return None  # an undated default: no claim about any particular day
        return True if not self.as_of or iso <= self.as_of else None

    def describe(self) -> str:
        what = ", ".join(x for x in (self.title, cameo_role_name(self.code)) if x)
        span = f"{self.start or '…'} to {self.end or ('…' if not self.as_of else f'at least {self.as_of}')}"
        return f"{what} ({span})"


@dataclass(frozen=True, slots=True)
class KnownActor:
    """One entry of the actor dictionary."""

    canonical: str
    type: str  # PERSON, ORG, GPE; "" when the source does not say (the mention's label stands)
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    source: str = ""
    roles: tuple[DatedRole, ...] = ()
    born: str = ""
    died: str = ""  # ISO date: an actor who died before an event's date cannot be its actor
    country: str = ""  # ISO alpha-3 of a state entry
    cased: bool = True  # False for kb names, which are upper case: the article's spelling is shown

    def roles_on(self, day: date) -> list[DatedRole]:
        """The dated roles held on that day (undated defaults are not roles on a day)."""
        return [r for r in self.roles if r.holds_on(day)]

    def died_before(self, day: date) -> bool:
        return bool(self.died) and self.died < day.isoformat()

    def standing_on(self, day: date) -> str:
        """What the dictionary says of this actor on the article's date, for the record's reason."""
        if self.died_before(day):
            return f"died {self.died}"
        held = self.roles_on(day)
        if held:
            return "on " + day.isoformat() + ": " + "; ".join(r.describe() for r in held)
        unknown = [r for r in self.roles if r.holds_on(day) is None and r.start]
        if unknown:
            return f"no role known on {day.isoformat()}; last known: " + "; ".join(r.describe() for r in unknown)
        ended = [r for r in self.roles if r.end and r.end < day.isoformat()]
        if ended:
            return f"no current role on {day.isoformat()}; former: " + max(ended, key=lambda r: r.end).describe()
        return ""


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


@lru_cache(maxsize=65536)  # asked again for every name of every cluster a new mention is compared with
def name_key(name: str) -> str:
    """A name compared as written, ignoring case, "the", quotes and dots: "the U.S." ~ "U.S.".

    Acronyms keep their case ("US" is not "us"); other names are case-folded.
    """
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().strip("\"'“”‘")
    name = re.sub(r"^(?:the|The|THE) ", "", name)
    if _ACRONYM.match(name.replace(" ", "")):
        return name.replace(".", "")
    return name.casefold()


class Registry:
    """Looks names up in the actor dictionary: by full alias, by transliteration, by single name.

    A name may stand for several entries (the kb lists two "Abdullah Abdullah"s, a father and a
    son share a name); the article's date chooses among them: an actor who had died by then is
    not chosen, one holding a role then is preferred. Entries come first in the order given
    (the curated overlay before the kb), so on a tie the curated entry wins.
    """

    def __init__(self, known: Iterable[KnownActor], demonyms: dict[str, str] | None = None) -> None:
        self.known = tuple(known)
        self.demonyms = dict(demonyms or {})  # "Afghan" -> "Afghanistan"
        self._by_name: dict[str, list[KnownActor]] = {}
        self._by_translit: dict[tuple[str, ...], list[KnownActor]] = {}
        self._kb_translit: dict[tuple[str, ...], list[KnownActor]] | None = None  # built on first need
        self._by_surname: dict[str, list[KnownActor]] = {}
        self._latest_kb_date = max((r.as_of for k in self.known if not k.cased for r in k.roles), default="")
        for k in self.known:
            for name in (k.canonical, *k.aliases):
                for key in _keys(name, k.cased):
                    _add(self._by_name, key, k)
                if k.cased and len(name.split()) > 1:
                    _add(self._by_translit, transliteration_key(name), k)
            for surname in k.surnames:
                for key in _keys(surname, k.cased):
                    _add(self._by_surname, key, k)

    def full_name(self, name: str, on: date | None = None) -> tuple[KnownActor, float, str] | None:
        """The known actor this full name or alias stands for, with confidence and reason."""
        known = _choose(self._by_name.get(name_key(name), []), on)
        if known is not None:
            how = "canonical name" if name_key(name) == name_key(known.canonical) else f"alias {name!r}"
            return known, 1.0, _reason(f"actor dictionary, {how} ({known.source})", known, on)
        if len(name.split()) > 1:
            # A spelling variant of a kb name counts only for someone in office on the article's
            # date: 20,000 kb persons differ from unrelated people by a vowel often enough.
            key = transliteration_key(name)
            candidates = list(self._by_translit.get(key, []))
            if on is not None and on.isoformat() <= self._latest_kb_date:  # kb roles can hold only then
                candidates += [k for k in self._kb_names_by_translit().get(key, []) if k.roles_on(on)]
            known = _choose(candidates, on)
            if known is not None:
                reason = f"actor dictionary, transliteration variant {name!r} of {known.canonical!r} ({known.source})"
                return known, 0.9, _reason(reason, known, on)
        return None

    def _kb_names_by_translit(self) -> dict[tuple[str, ...], list[KnownActor]]:
        """The kb's multi-word names by transliteration key (3 s to build; only articles dated
        within the kb's years need it)."""
        if self._kb_translit is None:
            self._kb_translit = {}
            for k in self.known:
                if not k.cased:
                    for name in (k.canonical, *k.aliases):
                        if len(name.split()) > 1:
                            _add(self._kb_translit, transliteration_key(name), k)
        return self._kb_translit

    def surname(self, name: str, on: date | None = None) -> tuple[KnownActor, float, str] | None:
        """The known actor a single name stands for, when only one candidate fits the date."""
        candidates = self._by_surname.get(name_key(name), [])
        if on is not None and len(candidates) > 1:  # the date may tell them apart: alive, then in a role
            candidates = [k for k in candidates if not k.died_before(on)] or candidates
            candidates = [k for k in candidates if k.roles_on(on)] or candidates
        if len(candidates) != 1:
            return None  # unknown, or several people the article's date does not tell apart
        known = candidates[0]
        reason = (
            f"actor dictionary: {name!r} alone stands for {known.canonical!r} when the article names no other {name}"
        )
        return known, 0.8, _reason(f"{reason} ({known.source})", known, on)

    def state_of_demonym(self, word: str) -> str | None:
        return self.demonyms.get(word)


def _keys(name: str, cased: bool) -> set[str]:
    """Lookup keys of a name. Kb names are upper case, so a short single word may be an acronym
    ("USA") or a word ("Iran"): it is indexed both ways. A single word of any entry is also
    indexed in capitals, as headlines and datelines write it ("IRAN", "KABUL")."""
    keys = {name_key(name)}
    if " " not in name and name.isalpha():
        keys.add(name_key(name.upper()))
        if not cased and len(name) <= 5:
            keys.add(name_key(name.capitalize()))
    return keys


def _add(index: dict, key, known: KnownActor) -> None:
    bucket = index.setdefault(key, [])
    if known not in bucket:
        bucket.append(known)


def _choose(candidates: list[KnownActor], on: date | None) -> KnownActor | None:
    """Among entries sharing a name: one in a role on the date, else one alive then, else the first.

    The dead are still named (an article recalls Ahmad Shah Massoud, killed in 2001), so death
    only breaks a tie; it never hides the one entry a name has.
    """
    if not candidates:
        return None
    if on is None or len(candidates) == 1:
        return candidates[0]
    alive = [k for k in candidates if not k.died_before(on)]
    return next((k for k in alive if k.roles_on(on)), alive[0] if alive else candidates[0])


def _reason(reason: str, known: KnownActor, on: date | None) -> str:
    standing = known.standing_on(on) if on is not None else ""
    return f"{reason}; {standing}" if standing else reason
