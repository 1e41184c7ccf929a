"""Counts of records by field value (facets), and quotes grouped by who said them."""

from __future__ import annotations

from collections import Counter

from wirescope.query.records import Record

# The fields a faceted list offers per kind, with the filter each one sets.
FACET_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (("type", "type"), ("modality", "modality")),
    "actors": (("type", "type"),),
    "quotes": (("kind", "type"),),
    "articles": (("publisher", ""), ("published", "")),
}


def facet_counts(kind: str, found: list[Record]) -> list[dict]:
    """[{"field", "filter", "values": [(value, count), ...]}] for the kind's facet fields, commonest first."""
    result = []
    for field, filter_name in FACET_FIELDS.get(kind, ()):
        counts = Counter(r.get(field) for r in found if r.get(field) is not None)
        result.append({"field": field, "filter": filter_name, "values": counts.most_common()})
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
