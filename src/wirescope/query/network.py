"""The actor network: who meets, attacks, quotes or supports whom, each tie with its evidence.

Nodes are actors (resolved ids); an edge is one (source, target, tie) with every piece of
evidence for it. Edges come from events with both an actor and a target, and from quotes whose
speaker names another actor inside the quoted words. Participants the annotators could not
resolve to an actor id are left out: a name alone would join two different "spokesman"s.
"""

from __future__ import annotations

from collections import defaultdict

from wirescope.query.browse import Filters, filtered
from wirescope.query.network_vocabulary import TIE_BY_EVENT_TYPE, TIE_QUOTE
from wirescope.query.records import Record
from wirescope.store import Store


def _evidence(article_id: str, start: int, end: int, text: str, record_id: str, kind: str) -> Record:
    return {"article_id": article_id, "start": start, "end": end, "text": text, "record_id": record_id, "kind": kind}


def event_ties(events: list[Record]) -> list[tuple[str, str, str, str, Record]]:
    """(source, target, tie, modality, evidence) for each event between two resolved actors."""
    ties = []
    for e in events:
        actor, target = e["actor"], e["target"]
        if not (actor and target and actor["id"] and target["id"]) or actor["id"] == target["id"]:
            continue
        tie = TIE_BY_EVENT_TYPE.get(e["type"], e["type"].lower())
        ev = e["evidence"]
        ties.append(
            (
                actor["id"],
                target["id"],
                tie,
                e["modality"],
                _evidence(e["article_id"], ev["start"], ev["end"], ev["text"], e["id"], "event"),
            )
        )
    return ties


def quote_ties(quotes: list[Record], actors: list[Record]) -> list[tuple[str, str, str, str, Record]]:
    """(speaker, actor named in the quote, "speaks of", "asserted", evidence)."""
    mentions_by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for a in actors:
        for m in a["mentions"]:
            mentions_by_article[m["article_id"]].append((m["start"], m["end"], a["id"]))
    ties = []
    for q in quotes:
        speaker = q["speaker"]
        if not (speaker and speaker["id"]):
            continue
        named = {
            actor_id
            for start, end, actor_id in mentions_by_article[q["article_id"]]
            if q["start"] <= start and end <= q["end"] and actor_id != speaker["id"]
        }
        for actor_id in sorted(named):
            ties.append(
                (
                    speaker["id"],
                    actor_id,
                    TIE_QUOTE,
                    "asserted",
                    _evidence(q["article_id"], q["start"], q["end"], q["text"], q["id"], "quote"),
                )
            )
    return ties


def network(store: Store, f: Filters = Filters()) -> dict:
    """{"nodes": [...], "edges": [...]} for the records passing the filters."""
    actors = filtered(store, "actors", Filters(since=f.since, until=f.until))
    ties = event_ties(filtered(store, "events", f)) + quote_ties(filtered(store, "quotes", f), actors)
    edges: dict[tuple[str, str, str], Record] = {}
    for source, target, tie, modality, evidence in ties:
        edge = edges.setdefault(
            (source, target, tie),
            {
                "id": f"{source}-{tie}-{target}",
                "source": source,
                "target": target,
                "tie": tie,
                "modalities": [],
                "evidence": [],
            },
        )
        edge["evidence"].append(evidence)
        if modality not in edge["modalities"]:
            edge["modalities"].append(modality)
    for edge in edges.values():
        edge["weight"] = len(edge["evidence"])
    by_id = {a["id"]: a for a in actors}
    used = {e["source"] for e in edges.values()} | {e["target"] for e in edges.values()}
    nodes = [
        {
            "id": i,
            "name": by_id[i]["name"] if i in by_id else i,
            "type": by_id[i]["type"] if i in by_id else None,
            "articles": by_id[i]["articles"] if i in by_id else 0,
        }
        for i in sorted(used)
    ]
    return {"nodes": nodes, "edges": list(edges.values())}
