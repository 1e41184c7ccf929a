"""Who was alive when: an event whose doer had died before its day did not happen as recorded.

"Ahmad Shah Massoud welcomed a proposal" in September 2021 is the son's act misattributed to the
father, or the father's recalled from before 2001; either way it is not part of what happened
then. Death days come from the actor dictionary (annotate/actors/dictionary.py); an actor whose
name the dictionary shares with someone alive is never taken for dead.
"""

from __future__ import annotations

from wirescope.annotate.actors.dictionary import death_dates
from wirescope.annotate.actors.names import name_key
from wirescope.store import Store
from wirescope.store.filters import Filter


def dead_doers(store: Store, f: Filter = Filter()) -> list[dict[str, str]]:
    """[{"id", "name", "died"}]: the persons doing an event of the scope after they died.

    The stored persons whose names the dictionary gives as dead come first (a small set), and
    only their events are read (by the actor index): no scan of every event."""
    known = death_dates()
    candidates = {
        p["id"]: (p["name"], known[name_key(p["name"])])
        for p in store.digest("persons")
        if name_key(p["name"]) in known
    }
    last = store.digest("last_days", f, sorted(candidates))
    return [
        {"id": actor, "name": name, "died": died}
        for actor, (name, died) in sorted(candidates.items())
        if actor in last and last[actor] > died
    ]


def died_before(died: str | None, day: str | None) -> bool:
    return bool(died and day and day > died)
