"""Claims read back: listings with filters, and contested propositions with both sides.

Everything comes through the Store interface (`claim_rows`, `proposition_rows`); the sides of a
contested proposition are the groups of claims that agree with each other (resolve/claims.py
`sides`), ordered by how many independent stories stand behind each. A contradicting pair is never
merged into one fact: each side keeps its own claims, claimants, stories, evidence and dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wirescope.query.records import Record
from wirescope.resolve.claims import Link as ClaimLink
from wirescope.resolve.claims import from_row, place_key, sides
from wirescope.store import Store


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """--claimant (name or actor id, any case), --place (name, generic words ignored), --since, --contested."""

    claimant: str | None = None
    place: str | None = None
    since: date | None = None
    contested: bool = False


def _span(row: dict, prefix: str) -> dict | None:
    start, end = row[f"{prefix}start"], row[f"{prefix}end"]
    return None if start is None else {"start": start, "end": end}


def _who(row: dict, prefix: str) -> dict | None:
    name = row[f"{prefix}_name"] if f"{prefix}_name" in row else row.get(prefix)
    if not name:
        return None
    return {"name": name, "id": row[f"{prefix}_id"], "span": _span(row, f"{prefix}_")}


def claim_record(row: dict) -> Record:
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "story_id": row["story_id"],
        "publisher": row["publisher"],
        "title": row["title"],
        "url": row["url"],
        "claimant": _who(row, "source"),
        "cue": _span(row, "cue_"),
        "stance": row["stance"],
        "stance_evidence": _span(row, "stance_"),
        "kind": row["kind"],
        "predicate": row["predicate"],
        "subject": {"name": row["subject"], "id": row["subject_id"], "span": _span(row, "subject_")}
        if row["subject"]
        else None,
        "object": _who(row, "object"),
        "place": _who(row, "place"),
        "time": row["time_value"],
        "count": row["count"],
        "modality": row["modality"],
        "date": row["date"],
        "evidence": {"start": row["start"], "end": row["end"], "text": row["text"]},
        "proposition_id": row["proposition_id"],
        "event_cluster": row.get("event_cluster_id"),  # the event cluster an event claim is (/event/<id>)
    }


def _passes(row: dict, f: ClaimFilter, contested_ids: set[str]) -> bool:
    if f.claimant and f.claimant.casefold() not in {
        (row["source_name"] or "").casefold(),
        (row["source_id"] or "").casefold(),
    }:
        return False
    if f.place and place_key(f.place) != place_key(row["place_name"]):
        return False
    if f.since and (row["date"] or row["published"] or "")[:10] < f.since.isoformat():
        return False
    return not f.contested or row["proposition_id"] in contested_ids


def claims(store: Store, f: ClaimFilter = ClaimFilter()) -> list[Record]:
    """Every stored claim passing the filter, by date."""
    contested_ids = {p["id"] for p in store.propositions(contested_only=True)}
    return [claim_record(r) for r in store.claim_rows() if _passes(r, f, contested_ids)]


def claims_about_event(store: Store, cluster_id: str) -> list[Record]:
    """The claims whose event is one of this event cluster's reports, by date."""
    return [claim_record(r) for r in store.claim_rows(event_cluster=cluster_id)]


RANKED_PAGE = 50  # contested propositions read at a time when only the best-backed few are wanted


def contested(store: Store, f: ClaimFilter = ClaimFilter(), limit: int | None = None) -> list[Record]:
    """Each contested proposition with its sides, most independent stories on a side first. With
    `limit`, only that many: pages of propositions are read in their stored rank (the stories on
    their sides when they were last resolved) until enough pass the filter, so the cost is that of
    what is shown, not of the store's contested propositions."""
    if limit is None:
        return _disputes(store, store.propositions(contested_only=True), f)
    found: list[Record] = []
    offset = 0
    while len(found) < limit:
        page = store.ranked_contested(RANKED_PAGE, offset)
        found += _disputes(store, page, f)
        if len(page) < RANKED_PAGE:
            break
        offset += RANKED_PAGE
    return _ordered(found)[:limit]


def _disputes(store: Store, props: list[dict], f: ClaimFilter) -> list[Record]:
    # Only these propositions' claims are read (by the proposition index), and of their links only
    # those the sides and the contradictions are made of: the rest of the store's claims and links
    # cost nothing here.
    ids = [p["id"] for p in props]
    rows = {r["id"]: r for r in store.claim_rows(propositions=ids)} if ids else {}
    links = store.proposition_links(ids, ("agrees", "contradicts")) if ids else []
    members_of: dict[str, list[dict]] = {}
    for r in rows.values():
        members_of.setdefault(r["proposition_id"], []).append(r)
    links_of: dict[str, list[ClaimLink]] = {}
    for x in links:
        links_of.setdefault(x["proposition_id"], []).append(
            ClaimLink(x["claim_id"], x["other_id"], x["relation"], x["reason"])
        )
    result = []
    for p in props:
        members = members_of.get(p["id"], [])
        if (f.claimant or f.place or f.since) and not any(_passes(r, f, {p["id"]}) for r in members):
            continue
        own = links_of.get(p["id"], [])
        parts = sides([from_row(r) for r in members], own)
        result.append(
            {
                "id": p["id"],
                "question": p["label"],
                "sides": [
                    {
                        "stories": s.stories,
                        "claimants": s.claimants,
                        "unattributed": s.unattributed,
                        "claims": [claim_record(rows[i]) for i in s.claim_ids],
                    }
                    for s in parts
                ],
                "contradictions": [
                    {"claim_id": x.claim_id, "other_id": x.other_id, "reason": x.reason}
                    for x in own
                    if x.relation == "contradicts"
                ],
            }
        )
    return _ordered(result)


def _ordered(disputes: list[Record]) -> list[Record]:
    return sorted(disputes, key=lambda r: (-sum(s["stories"] for s in r["sides"]), r["id"]))
