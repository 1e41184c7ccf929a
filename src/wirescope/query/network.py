"""The actor network: who meets, attacks, quotes or supports whom, each tie with its evidence.

Nodes are actors (resolved ids); an edge is one (source, target, tie) with its evidence. Edges
come from events with both an actor and a target, and from quotes whose speaker names another
actor inside the quoted words. Participants the annotators could not resolve to an actor id are
left out: a name alone would join two different "spokesman"s. The store counts the ties in SQL
(store/aggregates.py) and only the heaviest `limit` are built, with at most EVIDENCE_PER_TIE
pieces of evidence each; `more` says how many ties were left out.
"""

from __future__ import annotations

from wirescope.query.browse import Filter, records_by_id
from wirescope.query.lifespans import dead_doers
from wirescope.query.network_vocabulary import ACTION_TYPES, TIE_BY_EVENT_TYPE, TIE_QUOTE
from wirescope.query.records import Record
from wirescope.store import Store

NETWORK_TIES = 150
EVERYTHING = 10**9


def _tie_name(tie_type: str) -> str:
    return TIE_QUOTE if tie_type == "QUOTE" else TIE_BY_EVENT_TYPE.get(tie_type, tie_type.lower())


def _evidence(kind: str, r: Record) -> Record:
    if kind == "event":
        ev = r["evidence"]
        return {
            "article_id": r["article_id"],
            "start": ev["start"],
            "end": ev["end"],
            "text": ev["text"],
            "record_id": r["id"],
            "kind": "event",
        }
    return {
        "article_id": r["article_id"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "record_id": r["id"],
        "kind": "quote",
    }


def _records(store: Store, kind: str, ids: list[str]) -> dict[str, Record]:
    return {r["id"]: r for r in records_by_id(store, kind, ids)} if ids else {}


def network(store: Store, f: Filter = Filter(), limit: int = EVERYTHING, speech: bool = False) -> dict:
    """{"nodes": [...], "edges": [...], "more": ties left out} for the records passing the filter.

    Without `speech`, only ties of action (ACTION_TYPES) are counted; with it, every event type
    and quotes too. An edge's `stories` is its weight in independent stories (what the web draws);
    a dead doer's later acts are left out; a tie to an actor no longer stored is left out too (it
    would have only its raw id for a label), counted in `unnamed`."""
    dead = {d["id"]: d["died"] for d in dead_doers(store, f)}
    counted = store.ties(f, limit, None if speech else ACTION_TYPES, speech, dead)
    wanted: dict[str, list[str]] = {"event": [], "quote": []}
    for tie in counted.items:
        for kind, record_id in tie["records"]:
            wanted[kind].append(record_id)
    events = _records(store, "events", sorted(set(wanted["event"])))
    quotes = _records(store, "quotes", sorted(set(wanted["quote"])))
    edges: dict[tuple[str, str, str], Record] = {}
    for tie in counted.items:
        name = _tie_name(tie["tie_type"])
        source, target = tie["source"], tie["target"]
        edge = edges.setdefault(
            (source, target, name),
            {
                "id": f"{source}-{name}-{target}",
                "source": source,
                "target": target,
                "tie": name,
                "modalities": [],
                "evidence": [],
                "weight": 0,
                "stories": 0,
                "speech": tie["tie_type"] not in ACTION_TYPES,
            },
        )
        edge["weight"] += tie["weight"]
        edge["stories"] += tie["stories"]
        for kind, record_id in tie["records"]:
            record = (events if kind == "event" else quotes).get(record_id)
            if record is None:
                continue
            edge["evidence"].append(_evidence(kind, record))
            modality = record["modality"] if kind == "event" else "asserted"
            if modality not in edge["modalities"]:
                edge["modalities"].append(modality)
    used = sorted({e["source"] for e in edges.values()} | {e["target"] for e in edges.values()})
    known = store.actor_summaries(used)
    named = [e for e in edges.values() if e["source"] in known and e["target"] in known]
    nodes = [
        {"id": i, "name": known[i]["name"], "type": known[i]["type"], "articles": known[i]["articles"]}
        for i in used
        if i in known and any(i in (e["source"], e["target"]) for e in named)
    ]
    return {"nodes": nodes, "edges": named, "more": counted.more, "unnamed": len(edges) - len(named)}
