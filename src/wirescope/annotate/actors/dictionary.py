"""The actor dictionary: the packaged kb-derived actors with the curated overlay on top.

Two files in src/wirescope/data/actors/ (licence notices in NOTICE.md there):
- kb_actors.json.gz, derived by scripts/build_actor_dictionary.py from the Phoenix/PETRARCH2 actor
  dictionaries (MIT) and CountryInfo.txt (CC BY-SA 3.0): about 28,000 states, persons and
  organisations with CAMEO codes by date, offices, birth and death dates, nationality adjectives.
  Frozen around 2011-2014: an open-ended role there means "as of then", never "today".
- overlay.json, written here, each entry with its source: facts newer than the kb (Afghanistan
  after August 2021, leaders since 2014), the news outlets and agencies that report conflicts,
  and short names for states the kb names formally ("United States" for UNITED_STATES_OF_AMERICA).
  An overlay entry with the name of a kb entry takes that entry's aliases, roles and dates.

The `actor_dictionary` setting ("on", the default; "kb", without the overlay; "off") lets a run
do without it, so its effect can be measured: off, only what the article itself says groups the
mentions.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from wirescope.annotate.actors.names import DatedRole, KnownActor, Registry, name_key
from wirescope.errors import ConfigError
from wirescope.settings import load_settings

KB_FILE = "data/actors/kb_actors.json.gz"
OVERLAY_FILE = "data/actors/overlay.json"
# What each kb source is, and the date its data stop (an open role holds "at least until" then).
KB_SOURCES: dict[str, tuple[str, str]] = {
    "phoenix-countries": (
        "Phoenix/PETRARCH2 Phoenix.Countries.actors.txt, Open Event Data Alliance, MIT",
        "2014-01-30",
    ),
    "phoenix-international": ("Phoenix/PETRARCH2 Phoenix.International.actors.txt, Open Event Data, MIT", "2014-01-30"),
    "phoenix-milnonstate": ("Phoenix/PETRARCH2 Phoenix.MilNonState.actors.txt, Open Event Data, MIT", "2013-03-21"),
    "countryinfo": ("CountryInfo.txt 120116, Philip A. Schrodt, CC BY-SA 3.0", "2011-02-28"),
}
COUNTRYINFO_AS_OF = KB_SOURCES["countryinfo"][1]  # offices: governments Jan 2003 - Feb 2011


def _kb_actor(entry: dict[str, Any]) -> KnownActor:
    source, as_of = KB_SOURCES[entry["source"]]
    roles = [DatedRole(code, "", start, end, as_of) for code, start, end in entry.get("codes", ())]
    roles += [
        DatedRole("", f"{title} ({country})", start, end, COUNTRYINFO_AS_OF)
        for title, country, start, end in entry.get("offices", ())
    ]
    return KnownActor(
        entry["name"],
        entry.get("type", ""),
        tuple(entry.get("aliases", ())),
        tuple(entry.get("single", ())),
        source,
        tuple(roles),
        entry.get("born", ""),
        entry.get("died", ""),
        entry.get("country", ""),
        cased=False,
    )


def _overlay_actor(entry: dict[str, Any], as_of: str) -> KnownActor:
    roles = tuple(
        DatedRole(r.get("code", ""), r.get("title", ""), r.get("start", ""), r.get("end", ""), as_of)
        for r in entry.get("roles", ())
    )
    return KnownActor(
        entry["canonical"],
        entry["type"],
        tuple(entry.get("aliases", ())),
        tuple(entry.get("surnames", ())),
        entry["source"],
        roles,
        entry.get("born", ""),
        entry.get("died", ""),
        entry.get("country", ""),
    )


def _merged(top: KnownActor, kb: KnownActor) -> KnownActor:
    """The overlay entry with what the kb adds: its other spellings, roles and dates."""
    aliases = tuple(dict.fromkeys((*top.aliases, *(a for a in (kb.canonical, *kb.aliases) if a != top.canonical))))
    return replace(
        top,
        aliases=aliases,
        surnames=tuple(dict.fromkeys((*top.surnames, *kb.surnames))),
        roles=top.roles + kb.roles,
        born=top.born or kb.born,
        died=top.died or kb.died,
        country=top.country or kb.country,
        source=f"{top.source}; with the kb entry {kb.canonical!r} ({kb.source})",
    )


def combine(overlay: Iterable[KnownActor], kb: Iterable[KnownActor]) -> list[KnownActor]:
    """Overlay entries first (they win a tie), each merged with the kb entries it names."""
    kb = list(kb)
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, k in enumerate(kb):
        by_key.setdefault((k.type, name_key(k.canonical)), []).append(i)
    by_country = {k.country: i for i, k in enumerate(kb) if k.type == "GPE" and k.country}
    used: set[int] = set()
    out = []
    for top in overlay:
        matches = by_key.get((top.type, name_key(top.canonical)), [])
        if top.country in by_country:
            matches = [by_country[top.country], *matches]
        for i in dict.fromkeys(matches):
            if i not in used:
                top = _merged(top, kb[i])
                used.add(i)
        out.append(top)
    return out + [k for i, k in enumerate(kb) if i not in used]


def _read(path: Any, gz: bool) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        return json.loads(gzip.decompress(raw) if gz else raw)
    except (OSError, ValueError, EOFError) as exc:
        raise ConfigError(f"{path}: cannot read the actor dictionary: {exc.__class__.__name__}: {exc}") from exc


def load_dictionary(with_overlay: bool = True) -> Registry:
    """The registry of the packaged kb actors with the overlay on top (or the kb alone, to
    measure what the curated overlay adds)."""
    root = resources.files("wirescope")
    kb_data, overlay_data = _read(root.joinpath(KB_FILE), True), _read(root.joinpath(OVERLAY_FILE), False)
    try:
        as_of = overlay_data["as_of"]
        overlay = [_overlay_actor(e, as_of) for e in overlay_data["actors"]] if with_overlay else []
        overlay += (
            [_overlay_actor({**e, "type": "GPE"}, as_of) for e in overlay_data["countries"]] if with_overlay else []
        )
        kb = [_kb_actor(e) for e in kb_data["actors"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"actor dictionary: malformed entry: {exc.__class__.__name__}: {exc}") from exc
    known = combine(overlay, kb)
    state_names = {k.country: k.canonical for k in known if k.type == "GPE" and k.country}
    demonyms = {word: state_names[code] for word, code in kb_data["demonyms"].items() if code in state_names}
    if with_overlay:
        demonyms.update(overlay_data.get("demonyms", {}))
    return Registry(known, demonyms)


@lru_cache(maxsize=1)
def curated_registry() -> Registry:
    """The actor dictionary as the `actor_dictionary` setting says: "on" (kb and overlay), "kb"
    (the kb alone, no curated overlay) or "off" (an empty registry)."""
    choice = load_settings().actor_dictionary.strip().lower()
    if choice == "off":
        return Registry(())
    if choice not in ("on", "kb"):
        raise ConfigError(f"setting actor_dictionary: {choice!r} is not one of on, kb, off")
    return load_dictionary(with_overlay=choice == "on")


def person_names() -> list[str]:
    """Every name and alias of the packaged dictionary's persons, as spelt there."""
    kb_data = _read(resources.files("wirescope").joinpath(KB_FILE), True)
    return [n for e in kb_data["actors"] if e.get("type") == "PERSON" for n in (e["name"], *e.get("aliases", ()))]


@lru_cache(maxsize=1)
def death_dates() -> dict[str, str]:
    """Persons the dictionary says are dead: name key -> death day (ISO), for every name (canonical
    or alias) all of whose entries have died; a name shared with someone alive is left out (father
    and son). Read straight from the two files, without building the Registry (seconds), for the
    views and reports that check that an event's doer was alive on its day."""
    root = resources.files("wirescope")
    kb_data, overlay_data = _read(root.joinpath(KB_FILE), True), _read(root.joinpath(OVERLAY_FILE), False)
    people = [
        (e["name"], e.get("aliases", ()), e.get("died", "")) for e in kb_data["actors"] if e.get("type") == "PERSON"
    ]
    people += [
        (e["canonical"], e.get("aliases", ()), e.get("died", ""))
        for e in overlay_data["actors"]
        if e["type"] == "PERSON"
    ]
    died: dict[str, str] = {}
    for name, aliases, day in people:
        for key in {name_key(n) for n in (name, *aliases)} if day else ():
            died[key] = max(died.get(key, ""), day)
    # name_key for all 20,000 living names is the slow part: only names that may be a dead one's.
    words = {w for key in died for w in key.split()}
    for name, aliases, day in people:
        if not day:
            for n in (name, *aliases):
                if n.casefold().split()[-1:] and n.casefold().split()[-1] in words:
                    died.pop(name_key(n), None)
    return died
