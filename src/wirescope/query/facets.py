"""Counts of records by field value (facets), and quotes grouped by who said them."""

from __future__ import annotations

from wirescope.query.records import Record
from wirescope.store import Store
from wirescope.store.filters import Filter

# The fields a faceted list offers per kind, with the filter each one sets.
FACET_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (("type", "type"), ("modality", "modality")),
    "actors": (("type", "type"),),
    "quotes": (("kind", "type"),),
    "articles": (("publisher", ""), ("published", "")),
}
FACET_VALUES = 30  # values shown per facet; `more` counts the rest


def facet_counts(store: Store, kind: str, f: Filter = Filter()) -> list[dict]:
    """[{"field", "filter", "values": [(value, count), ...], "more"}] for the kind's facet fields,
    commonest first, counted in SQL over the records passing the filter."""
    result = []
    for field, filter_name in FACET_FIELDS.get(kind, ()):
        counted = store.value_counts(kind, f, field, FACET_VALUES)
        values = [(r["value"], r["count"]) for r in counted.items]
        result.append({"field": field, "filter": filter_name, "values": values, "more": counted.more})
    return result


def quotes_by_speaker(quotes: list[Record]) -> list[dict]:
    """[{"speaker", "speaker_id", "quotes"}], the most quoted first; unattributed quotes last."""
    groups: dict[tuple[str, str | None], list[Record]] = {}
    for q in quotes:
        speaker = q["speaker"] or {}
        key = (speaker.get("name") or "", speaker.get("id"))
        groups.setdefault(key, []).append(q)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0] == "", -len(item[1]), item[0][0].casefold()))
    return [{"speaker": name or None, "speaker_id": speaker_id, "quotes": qs} for (name, speaker_id), qs in ordered]
