"""Records built straight from the rows the store streams for exports (store/exporting.py).

The record builders (query/records.py, events.py, event_records.py, evidence.py) read an Article;
an export of a whole store would rebuild every article to read it once. These build the same
dicts, key for key and in the same order, from an annotation row, the article row it points into
(clean text, sentence offsets, metadata) and its applied reviews. Text is cut from the clean text
by the row's offsets, as everywhere else. tests/query/test_export_streams.py checks, on the demo
corpus and on a corrected store, that each equals what the builders give.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from wirescope.corrections.kinds import offsets_id
from wirescope.query.reviews import fields_of
from wirescope.record import ARGUMENT_ROLES, Review
from wirescope.store.exporting import ArticleChunk, Chunk

Record = dict[str, Any]
Row = dict[str, Any]
Reviews = dict[tuple[str, str], list[Review]]


def _reviewed(reviews: Reviews, kind: str, annotation_id: str) -> Record:
    mine = reviews.get((kind, annotation_id))
    if not mine:  # most records: what fields_of(()) gives, without the call
        return {"reviewed": False, "machine": None, "corrections": []}
    return fields_of(mine)


def _who(row: Row, prefix: str) -> Record | None:
    name = row[f"{prefix}_name"]
    return None if name is None else {"name": name, "id": row[f"{prefix}_id"]}


def _cut(text: str, row: Row, prefix: str = "") -> Record | None:
    start = row[f"{prefix}start"]
    if start is None:
        return None
    end = row[f"{prefix}end"]
    return {"start": start, "end": end, "text": text[start:end]}


class Sentences:
    """Each article's sentence offsets, for the sentence an evidence span starts in (Article.sentence_of)."""

    def __init__(self) -> None:
        self._starts: dict[str, tuple[list[int], list[list[int]]]] = {}

    def of(self, article: Row, start: int, end: int) -> tuple[int, int]:
        found = self._starts.get(article["id"])
        if found is None:
            sentences = article["sentences"]
            found = self._starts[article["id"]] = ([s[0] for s in sentences], sentences)
        starts, sentences = found
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < sentences[i][1]:
            return sentences[i][0], sentences[i][1]
        return start, end


# --- events (query/events.py event_record, with review fields) ---------------------------------


def _event_geo(row: Row) -> Record | None:
    geo = _record_geo(row) if row["place_name"] is not None else None
    return {**geo, "precision": row["located_precision"]} if geo else None


def event_dict(row: Row, article: Row, reviews: Reviews, sentences: Sentences) -> Record:
    """query/records.py event_records' record of one events row."""
    text = article["text"]
    start, end = row["evidence_start"], row["evidence_end"]
    evidence = text[start:end]
    has_time = bool(row["time_value"])
    actor, target = _who(row, "actor"), _who(row, "target")
    s_start, s_end = sentences.of(article, start, end)
    return {
        "id": row["id"],
        "article_id": article["id"],
        "type": row["type"],
        "mode": row["mode"],
        "actor": actor,
        "target": target,
        "place": _who(row, "place"),
        "geo": _event_geo(row),
        "time": {"value": row["time_value"], "precision": row["time_precision"]} if has_time else None,
        "modality": row["modality"],
        "source": _who(row, "source"),
        "historical": row["historical"],
        "happened": row["modality"] == "asserted" and not row["historical"],
        "fatalities": row["fatalities"],
        "injured": row["injured"],
        "evidence": {"start": start, "end": end, "text": evidence},
        "published": article["published"],
        "publisher": article["publisher"],
        "plover": {
            "id": row["id"],
            "date": row["time_value"] if has_time else None,
            "event": row["type"],
            "mode": row["mode"] or "",
            "context": "",
            "source": [{"actorText": actor["name"]}] if actor else [],
            "target": [{"actorText": target["name"]}] if target else [],
            "eventText": evidence,
            "text": text[s_start:s_end],
            "language": article["language"],
            "publication": article["publisher"] or article["uri"],
            "dead": row["fatalities"],
            "injured": row["injured"],
        },
        **_reviewed(reviews, "event", row["id"]),
    }


# --- event records (query/event_records.py event_record_dicts) ----------------------------------


def _argument(text: str, g: Row | None) -> Record | None:
    if g is None:
        return None
    return {
        "value": g["value"],
        "normalized": g["normalized"],
        "filled_from": g["filled_from"],
        "evidence": _cut(text, g),
    }


def _record_geo(row: Row) -> Record | None:
    if row["located_id"] is None:
        return None
    return {
        "latitude": row["located_latitude"],
        "longitude": row["located_longitude"],
        "country": row["located_country"],
        "admin1": row["located_admin1"],
    }


def event_record_row_dict(row: Row, article: Row, reviews: Reviews) -> Record:
    """query/event_records.py event_record_dicts' record of one event_records row."""
    text = article["text"]
    arguments = {g["role"]: g for g in row["arguments"]}
    return {
        "id": row["id"],
        "article_id": article["id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "historical": row["historical"],
        "happened": row["modality"] == "asserted" and not row["historical"],
        "mentions": list(row["mentions"]),
        "evidence": _cut(text, row, "evidence_"),
        **{role: _argument(text, arguments.get(role)) for role in ARGUMENT_ROLES},
        "time_precision": row["time_precision"],
        "geo_precision": row["geo_precision"],
        "geo": _record_geo(row) if "place" in arguments else None,
        "published": article["published"],
        "publisher": article["publisher"],
        **_reviewed(reviews, "event_record", row["id"]),
    }


# --- quotes and times (query/records.py) ---------------------------------------------------------


def quote_dict(row: Row, article: Row, reviews: Reviews) -> Record:
    text = article["text"]
    return {
        "id": row["id"],
        "article_id": article["id"],
        "kind": row["kind"],
        "text": text[row["start"] : row["end"]],
        "start": row["start"],
        "end": row["end"],
        "speaker": _who(row, "speaker"),
        "cue": _cut(text, row, "cue_"),
        "venue": row["venue"],
        "medium": row["medium"],
        "date": row["date"],
        **_reviewed(reviews, "quote", row["id"]),
    }


def time_dict(row: Row, article: Row, reviews: Reviews) -> Record:
    return {
        "id": row["id"],
        "article_id": article["id"],
        "text": article["text"][row["start"] : row["end"]],
        "start": row["start"],
        "end": row["end"],
        "value": row["value"],
        "type": row["type"],
        "anchored": row["anchored"],
        "mod": row["mod"],
        **_reviewed(reviews, "time", row["id"]),
    }


# --- a kind's records, chunk by chunk -------------------------------------------------------------


def owned_records(chunks: Iterator[Chunk], kind: str) -> Iterator[list[Record]]:
    """Each chunk's records of `kind` (events, quotes, event_records, times), in the chunk's order."""
    sentences = Sentences()
    for chunk in chunks:
        articles, reviews = chunk.articles, chunk.reviews
        if kind == "events":
            yield [event_dict(r, articles[r["article_id"]], reviews, sentences) for r in chunk.rows]
        elif kind == "event_records":
            yield [event_record_row_dict(r, articles[r["article_id"]], reviews) for r in chunk.rows]
        elif kind == "times":
            yield [time_dict(r, articles[r["article_id"]], reviews) for r in chunk.rows]
        else:
            yield [quote_dict(r, articles[r["article_id"]], reviews) for r in chunk.rows]
        sentences = Sentences()  # the next chunk's articles: memory holds one chunk's


# --- one article's annotations (query/evidence.py article_annotations) ---------------------------


def _mention_dict(row: Row, article: Row, actors: dict[str, Row], reviews: Reviews) -> Record:
    actor = actors.get(row["actor_id"])
    ident = offsets_id(article["id"], "mention", row["start"], row["end"])
    return {
        "id": ident,
        "article_id": article["id"],
        "start": row["start"],
        "end": row["end"],
        "text": article["text"][row["start"] : row["end"]],
        "label": row["label"],
        "actor_id": row["actor_id"],
        "actor": actor["name"] if actor else None,
        "actor_type": actor["type"] if actor else None,
        **_reviewed(reviews, "mention", ident),
    }


def _place_dict(row: Row, article: Row, place: Row, reviews: Reviews) -> Record:
    ident = offsets_id(article["id"], "place", row["start"], row["end"])
    return {
        "id": ident,
        "article_id": article["id"],
        "place_id": place["id"],
        "name": place["name"],
        "start": row["start"],
        "end": row["end"],
        "text": article["text"][row["start"] : row["end"]],
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "country": place["country"],
        "feature": place["feature"],
        "geonames_id": place["geonames_id"],
        **_reviewed(reviews, "place", ident),
    }


def _event_style(e: Record) -> str:
    return "event historical" if e["historical"] else f"event {e['modality']}"


def annotations_of(chunk: ArticleChunk, article: Row, sentences: Sentences) -> list[tuple[str, str, int, int, Record]]:
    """(kind, label, start, end, record) of each annotation of the article, in the order
    query/evidence.py article_annotations gives them (widest first at each start)."""
    aid, reviews, parts = article["id"], chunk.reviews, chunk.parts
    found: list[tuple[str, str, int, int, Record]] = []
    for q in (quote_dict(r, article, reviews) for r in parts["quotes"].get(aid, ())):
        speaker = (q["speaker"] or {}).get("name") or "unattributed"
        found.append(("quote", f"{q['kind']} quote by {speaker}", q["start"], q["end"], q))
    for e in (event_dict(r, article, reviews, sentences) for r in parts["events"].get(aid, ())):
        label = f"{e['type']} ({'historical' if e['historical'] else e['modality']})"
        found.append(("event", label, e["evidence"]["start"], e["evidence"]["end"], e))
    for r in parts["mentions"].get(aid, ()):
        if not r["actor_id"]:
            continue
        m = _mention_dict(r, article, chunk.actors, reviews)
        found.append(("mention", f"{m['actor'] or m['actor_id']} ({m['label']})", m["start"], m["end"], m))
    for t in (time_dict(r, article, reviews) for r in parts["times"].get(aid, ())):
        found.append(("time", f"time {t['value'] or '?'}", t["start"], t["end"], t))
    by_place: dict[str, list[Row]] = {}
    for r in parts["place_mentions"].get(aid, ()):  # grouped by place, as Article.places holds them
        by_place.setdefault(r["place_id"], []).append(r)
    for place_id, mentions in by_place.items():
        place = chunk.places[place_id]
        for r in mentions:
            p = _place_dict(r, article, place, reviews)
            found.append(("place", f"place {place['name']}", p["start"], p["end"], p))
    return sorted((x for x in found if x[3] > x[2]), key=lambda x: (x[2], -x[3], x[0]))


__all__ = [
    "Sentences",
    "annotations_of",
    "event_dict",
    "event_record_row_dict",
    "owned_records",
    "quote_dict",
    "time_dict",
]
