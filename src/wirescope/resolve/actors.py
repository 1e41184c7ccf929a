"""Which stored actors are one actor: a name seen alone in one article ("Mujahid") and in full in
another ("Zabihullah Mujahid") become one actor when nothing else competes for the name.

Every decision carries a confidence and a reason. Two different full names are never merged only
because they share a surname ("Ahmad Massoud" and "Ahmad Shah Massoud" stay two people). The
store applies the answer (store/actor_links.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirescope.resolve.names import initials, is_acronym_of, transliteration_key


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


def blocking_keys(name: str, type_: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """The keys under which an actor can meet another in `cross_article_merges`.

    Any two actors one of the three rules could compare share a key, and so does every actor whose
    presence could change such a decision (a spelling variant shares all its name parts), so
    linking only the actors that share a key with what changed gives the whole store's answer:
    - a person: the spelling keys of the first and the last name ("p:" prefix);
    - an organisation stored under an acronym: the acronym as written and without dots;
    - an organisation with a name of several words: each alias, and each prefix of its initials
      of two letters or more (what `is_acronym_of` matches).
    """
    if type_ == "PERSON":
        key = transliteration_key(name)
        return frozenset(f"p:{part}" for part in {key[0], key[-1]}) if key else frozenset()
    if type_ != "ORG":
        return frozenset()
    if _is_acronym(name):
        return frozenset({f"o:{name}", f"o:{name.replace('.', '')}"})
    if len(name.split()) < 2:
        return frozenset()
    letters = initials(name)
    acronyms = {f"o:{alias}" for alias in aliases if _is_acronym(alias)}
    return frozenset(acronyms | {f"o:{letters[:n]}" for n in range(2, len(letters) + 1)})


def _is_acronym(name: str) -> bool:
    return " " not in name and name.replace(".", "").isupper()


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
                merges[a.id] = Merge(
                    target.id, 0.8, f"transliteration variant of {target.name!r} (same letters but vowels)"
                )
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
        return Merge(
            f.id,
            0.6,
            f"{a.name!r} alone: of {len(candidates)} stored people so named, only {f.name!r} "
            f"shares the roles ({shared})",
        )
    return None


def _acronym_merge(a: StoredActor, kept: list[StoredActor]) -> Merge | None:
    if not _is_acronym(a.name):
        return None
    candidates = [
        o
        for o in kept
        if o.type == "ORG"
        and o.id != a.id
        and len(o.name.split()) > 1
        and (a.name in o.aliases or is_acronym_of(a.name, o.name))
    ]
    if len(candidates) != 1:
        return None
    o = candidates[0]
    how = "an alias" if a.name in o.aliases else "its initials"
    return Merge(o.id, 0.85, f"acronym {a.name!r} is {how} of {o.name!r}, the only stored organisation so named")
