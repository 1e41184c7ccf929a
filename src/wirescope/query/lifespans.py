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
    """[{"id", "name", "died"}]: the persons doing an event of the scope after they died."""
    known = death_dates()
    dead = []
    for doer in store.digest("doers", f):
        died = known.get(name_key(doer["name"]))
        if died and doer["last_day"] > died:
            dead.append({"id": doer["id"], "name": doer["name"], "died": died})
    return dead


def died_before(died: str | None, day: str | None) -> bool:
    return bool(died and day and day > died)
