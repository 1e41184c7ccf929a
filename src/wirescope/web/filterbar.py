"""The one filter bar every page shows: place, actor, type, modality, dates, publisher.

Its fields are the Filter's (store/filters.py), read from the URL by the same dependency the JSON
API uses (web/api.py `filters`), so a view can be bookmarked and sent, and a page and its API
call select the same rows. The choices offered (types, modalities, publishers) are counted over
the whole store once per page, in SQL.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from wirescope.store import Store
from wirescope.store.filters import Filter

FIELDS = ("place", "actor", "type", "modality", "since", "until", "publisher")


def filter_params(f: Filter, **changes: Any) -> dict[str, str]:
    """The filter as URL parameters, with some changed (None removes one)."""
    params = {name: str(getattr(f, name)) for name in FIELDS if getattr(f, name)}
    if f.match != "exact":
        params["match"] = f.match
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    return params


def filter_link(path: str, f: Filter, **changes: Any) -> str:
    """`path` with the filter (changed as asked) in its query string: what every link on a page uses."""
    params = filter_params(f, **changes)
    return path + ("?" + urlencode(params) if params else "")


def filter_bar(store: Store, f: Filter, path: str) -> dict[str, Any]:
    """What the bar's form shows: the current values and the choices for the select fields."""
    every = Filter()
    return {
        "path": path,
        "filters": f,
        "types": [r["value"] for r in store.value_counts("events", every, "type").items],
        "modalities": [r["value"] for r in store.value_counts("events", every, "modality").items],
        "publishers": [r["publisher"] for r in store.digest("publishers", every)],
        "active": not f.is_empty(),
    }
