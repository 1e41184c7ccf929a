"""Actors within one article: the mentions of one person or organisation joined into one actor.

Rules, in order of trust:
- the same name twice is the same actor;
- an acronym in brackets after a name ("National Resistance Front of Afghanistan (NRF)") and an
  acronym made of a name's initials are that name;
- a single name ("Massoud") joins the full name ending (or starting) with it that the article
  introduced first: articles name their main figure first, and a relative who shares the
  surname is introduced later by full name ("Massoud's father, Ahmad Shah Massoud");
- two different full names are two people, even when they share a surname.
The actor id is derived from the type and the canonical name, so the same actor named the same
way in two articles gets the same id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from wirescope.annotate.pipeline import annotator
from wirescope.record import Actor, Article, Mention, stable_id

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}
_SPACES = re.compile(r"\s+")
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z.&-]{1,9})\)")


@dataclass
class _Cluster:
    type: str
    names: list[str] = field(default_factory=list)
    members: list[int] = field(default_factory=list)  # indexes into article.mentions

    @property
    def full_name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def name_of(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def is_acronym_of(short: str, name: str) -> bool:
    letters = short.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and len(name.split()) >= 2 and initials(name).startswith(letters)


def _find_cluster(clusters: list[_Cluster], type_: str, name: str) -> _Cluster | None:
    same_type = [c for c in clusters if c.type == type_]
    exact = next((c for c in same_type if name in c.names), None)
    if exact or type_ == "GPE":
        return exact
    if type_ == "ORG":
        return next((c for c in same_type if any(is_acronym_of(name, n) or is_acronym_of(n, name) for n in c.names)), None)
    if len(name.split()) == 1:  # a surname or given name alone
        return next((c for c in same_type if any(_is_part_of(name, n) for n in c.names)), None)
    return None


def _is_part_of(single: str, full: str) -> bool:
    parts = full.split()
    return len(parts) > 1 and single in (parts[0], parts[-1])


def group_mentions(article: Article) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for i, mention in enumerate(article.mentions):
        type_ = ACTOR_LABELS.get(mention.label)
        if type_ is None:
            continue
        name = name_of(article.text_of(mention.span))
        cluster = _find_cluster(clusters, type_, name)
        if cluster is None:
            cluster = _Cluster(type_)
            clusters.append(cluster)
        cluster.names.append(name)
        cluster.members.append(i)
        _absorb_bracketed_acronym(article, mention, cluster)
    return _merge_late_full_names(clusters)


def _absorb_bracketed_acronym(article: Article, mention: Mention, cluster: _Cluster) -> None:
    m = _BRACKETED_ACRONYM.match(article.text, mention.span.end)
    if m and cluster.type == "ORG":
        cluster.names.append(m.group(1))


def _merge_late_full_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """A single name seen before its full name ("Massoud ... Ahmad Massoud") joins it."""
    kept: list[_Cluster] = []
    for c in clusters:
        singles = c.type == "PERSON" and all(len(n.split()) == 1 for n in c.names)
        target = None
        if singles:
            target = next((k for k in clusters if k is not c and any(_is_part_of(c.names[0], n) for n in k.names)), None)
        if target is not None:
            target.names.extend(c.names)
            target.members.extend(c.members)
        else:
            kept.append(c)
    return kept


def actor_id(type_: str, name: str) -> str:
    return stable_id("actor", type_, name.lower())


@annotator("actors", requires=("mentions",), adds=("actors",))
def group_actors(article: Article) -> Article:
    """Annotator: join mentions into actors and link each mention to its actor."""
    actors, links = [], {}
    for cluster in group_mentions(article):
        name = cluster.full_name
        aid = actor_id(cluster.type, name)
        aliases = tuple(sorted(set(cluster.names) - {name}))
        actors.append(Actor(aid, name, cluster.type, aliases))
        links.update({i: aid for i in cluster.members})
    mentions = tuple(replace(m, actor_id=links.get(i)) for i, m in enumerate(article.mentions))
    return replace(article, actors=tuple(actors), mentions=mentions)
