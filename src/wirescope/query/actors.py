"""Actors found by name, and what tells apart actors who share one ("Massoud": father and son)."""

from __future__ import annotations

import re
from collections import Counter

Record = dict


def names_of(record: Record) -> list[str]:
    return [record["name"], *record.get("aliases", ()), *(m["name"] for m in record.get("merged", ()))]


def matches_name(record: Record, wanted: str) -> bool:
    """The actor's id, or a whole word or words of its name, an alias or a merged name."""
    if wanted == record.get("id"):
        return True
    pattern = re.compile(rf"(?<!\w){re.escape(wanted.strip())}(?!\w)", re.IGNORECASE)
    return any(pattern.search(n) for n in names_of(record))


def _roles(record: Record) -> Counter:
    """Each distinct role (case aside), as first written, with how often it is given."""
    first: dict[str, str] = {}
    for r in record.get("roles", ()):
        first.setdefault(r["role"].lower(), r["role"])
    return Counter(first[r["role"].lower()] for r in record.get("roles", ()))


def _relations(record: Record, names: dict[str, str]) -> Counter:
    return Counter(f"{r['relation']} {names.get(r['object_id'], r['object_id'])}" for r in record.get("relations", ()))


def describe(record: Record, names: dict[str, str]) -> list[str]:
    """One actor in a few lines: who, how often, roles, relations, how sure the registry is."""
    mentions = record.get("mentions", ())
    lines = [
        f"{record['name']} ({record['type']}, {record['id']}): {record['articles']} article(s), "
        f"{len(mentions)} mention(s)"
    ]
    if record.get("aliases"):
        lines.append(f"  also named: {', '.join(record['aliases'])}")
    roles = _roles(record)
    if roles:
        lines.append("  roles: " + "; ".join(f"{r} ({n}x)" if n > 1 else r for r, n in roles.most_common()))
    relations = _relations(record, names)
    if relations:
        lines.append("  relations: " + "; ".join(relations))
    for m in record.get("merged", ()):
        lines.append(f"  merged from {m['name']!r} ({m['confidence']}): {m['reason']}")
    if record.get("reason"):
        lines.append(f"  id decided by: {record['reason']} (confidence {record.get('confidence')})")
    return lines


def differences(a: Record, b: Record, names: dict[str, str]) -> list[str]:
    """What tells two actors apart: their names, roles and relations only one has, and how often."""
    lines = [f"{a['name']} vs {b['name']}:"]
    if a["type"] != b["type"]:
        lines.append(f"  types differ: {a['type']} / {b['type']}")
    for x, y in ((a, b), (b, a)):
        only_roles = sorted(set(_roles(x)) - set(_roles(y)))
        only_relations = sorted(set(_relations(x, names)) - set(_relations(y, names)))
        if only_roles:
            lines.append(f"  only {x['name']} is: {'; '.join(only_roles)}")
        if only_relations:
            lines.append(f"  only {x['name']} has: {'; '.join(only_relations)}")
    lines.append(
        f"  articles: {a['articles']} / {b['articles']}; mentions: {len(a.get('mentions', ()))} / "
        f"{len(b.get('mentions', ()))}"
    )
    return lines


def table_rows(found: list[Record], every: list[Record]) -> list[Record]:
    """Records for the terminal table: distinct roles, relations with the other actor's name, and
    the number of mentions instead of the mentions themselves (the other formats keep them all)."""
    names = {r["id"]: r["name"] for r in every}
    return [
        {**r, "roles": list(_roles(r)), "relations": list(_relations(r, names)), "mentions": len(r["mentions"])}
        for r in found
    ]


def compare(found: list[Record], every: list[Record]) -> list[str]:
    """Each actor found, then the differences of each pair of them."""
    names = {r["id"]: r["name"] for r in every}
    if not found:
        return ["no actor with that name"]
    lines = [f"{len(found)} actor(s)"]
    for record in found:
        lines += describe(record, names)
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            lines += differences(a, b, names)
    return lines


def roles_over_time(store, record: Record) -> list[Record]:
    """The actor's roles in the order of the articles giving them (publication day), each with its
    day and article: "commander's son" in August, "leader of the NRF" in September."""
    roles = record.get("roles", ())
    days = {
        a.id: (a.published.isoformat() if a.published else None, a.title)
        for a in store.load(sorted({r["article_id"] for r in roles}), ())
    }
    dated = [
        {**r, "day": days.get(r["article_id"], (None, None))[0], "title": days.get(r["article_id"], (None, None))[1]}
        for r in roles
    ]
    return sorted(dated, key=lambda r: (r["day"] is None, r["day"] or "", r["start"]))
