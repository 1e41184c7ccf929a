"""Names of actors: the keys that tell two spellings of one name apart, and the curated list.

The curated list (src/wirescope/data/actors.json) holds well-known actors with their aliases and
transliterations, each with a source note; grouping.py asks it which actor a name stands for.
The spelling keys live in resolve/names.py: the cross-article stage (resolve/actors.py) and the
store's blocking keys need them without the annotators.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wirescope.errors import ConfigError
from wirescope.record import stable_id
from wirescope.resolve.names import initials, is_acronym_of, transliteration_key

__all__ = ["initials", "is_acronym_of", "name_key", "transliteration_key"]  # and the registry below

CURATED_FILE = "data/actors.json"
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
    """Looks names up in the curated list: by full alias, by transliteration, by surname."""

    def __init__(self, known: Iterable[KnownActor]) -> None:
        self.known = tuple(known)
        self._by_name: dict[str, KnownActor] = {}
        self._by_translit: dict[tuple[str, ...], KnownActor] = {}
        self._by_surname: dict[str, KnownActor] = {}
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
        return (
            known,
            0.8,
            (f"curated registry: {name!r} alone stands for {known.canonical!r} when the article names no other {name}"),
        )


@lru_cache(maxsize=1)
def curated_registry() -> Registry:
    """The registry seeded with src/wirescope/data/actors.json."""
    path = resources.files("wirescope").joinpath(CURATED_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = [
            KnownActor(
                e["canonical"],
                e["type"],
                tuple(e.get("aliases", ())),
                tuple(e.get("surnames", ())),
                e.get("source", ""),
            )
            for e in data["actors"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: cannot read the curated actor list: {exc.__class__.__name__}: {exc}") from exc
    return Registry(known)
