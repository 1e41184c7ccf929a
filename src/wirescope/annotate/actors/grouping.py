"""Actors within one article: every mention of one person or organisation joined into one actor.

Steps (the annotator `actors` runs them in this order):
1. names (this module): named mentions are grouped into clusters. Rules, in order of trust:
   - a name the curated registry knows joins that actor ("U.S.", "America" -> United States);
   - the same name twice is the same actor;
   - an acronym in brackets after a name ("National Resistance Front of Afghanistan (NRF)") and
     an acronym made of a name's initials are that name;
   - a single name ("Massoud") joins the full name ending (or starting) with it that the article
     introduced first: articles name their main figure first, and a relative who shares the
     surname is introduced later by full name ("Massoud's father, Ahmad Shah Massoud");
   - two different full names are two people, even when they share a surname.
   A single name no full name in the article explains may still be a curated surname ("Mujahid").
2. roles and relations (roles.py): appositions, titles before names, founding verbs, kinship.
3. references (references.py): descriptions ("the 32-year-old resistance leader", "the group")
   and, where safe, pronouns, added as DESC and PRON mentions.
4. actors: one Actor per cluster, its id derived from type and canonical name (registry.actor_id),
   so the same actor named the same way in two articles has the same id. The store then merges
   what only the collection shows to be one actor (registry.py, Store).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import cast

from wirescope.annotate.actors.clusters import Cluster
from wirescope.annotate.actors.dictionary import curated_registry
from wirescope.annotate.actors.names import (
    KnownActor,
    Registry,
    actor_id,
    initials,
    is_acronym_of,
    name_key,
)
from wirescope.annotate.actors.references import find_references
from wirescope.annotate.actors.roles import find_roles
from wirescope.annotate.actors.vocabulary import STATE_AGENT_NOUNS, STATE_DEMONYMS
from wirescope.annotate.pipeline import annotator
from wirescope.record import Actor, ActorType, Article, Mention, Relation

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}
_SPACES = re.compile(r"\s+")
# "(NRF)" right after a name, or after a short "in/of" phrase that completes it: "the United Nations
# Assistance Mission in Afghanistan (UNAMA)".
_BRACKETED_ACRONYM = re.compile(
    r"(?:\s+(?:in|of|for|on)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"  # an optional "in Afghanistan"
    r"\s*\(([A-Z][A-Za-z.&-]{1,9})\)"
)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")

__all__ = ["Cluster", "actor_id", "group_actors", "group_mentions", "initials", "is_acronym_of", "name_of"]


def name_of(text: str) -> str:
    """A mention's text as a name: one space between words, no "the", no possessive ending."""
    name = _SPACES.sub(" ", text).strip().strip('"“”‘')
    name = _LEADING_THE.sub("", name)
    return _POSSESSIVE.sub("", name).strip()


def _is_part_of(single: str, full: str) -> bool:
    parts = full.split()
    return len(parts) > 1 and single in (parts[0], parts[-1])


# --- 1. names ------------------------------------------------------------------------------------


def _find_cluster(clusters: list[Cluster], type_: str, name: str, known: KnownActor | None) -> Cluster | None:
    if known is not None:
        found = next((c for c in clusters if c.known is known), None)
        if found is not None:
            return found
    key = name_key(name)
    # Across labels only when the name cannot be two things: a full name, or an acronym the
    # model once called PERSON ("UNAMA").
    acronym = name.isupper() and len(name.split()) == 1

    def compatible(c: Cluster) -> bool:
        return c.type == type_ or len(name.split()) > 1 or (acronym and {c.type, type_} <= {"ORG", "PERSON"})

    exact = next((c for c in clusters if compatible(c) and any(name_key(n) == key for n in c.names)), None)
    if exact or type_ == "GPE":
        return exact
    same_type = [c for c in clusters if c.type == type_]
    if type_ == "ORG":
        return next(
            (c for c in same_type if any(is_acronym_of(name, n) or is_acronym_of(n, name) for n in c.names)), None
        )
    if len(name.split()) == 1:  # a surname or given name alone joins the first full name with it
        found = next((c for c in same_type if any(_is_part_of(name, n) for n in c.names)), None)
        if found is not None and found.known is None and found.confidence == 1.0:
            found.reason = f"full name in the article; {name!r} alone joins it as part of {found.full_name!r}"
        return found
    return None


def group_mentions(article: Article, registry: Registry | None = None) -> list[Cluster]:
    """Named mentions (PERSON, ORG, GPE) grouped into clusters, one per actor."""
    registry = registry or curated_registry()
    clusters: list[Cluster] = []
    for i, mention in enumerate(article.mentions):
        type_ = ACTOR_LABELS.get(mention.label)
        name: str | None = name_of(article.text_of(mention.span))
        if mention.label == "NORP":
            type_, name = "GPE", state_of_demonym(article, mention, registry)
        if type_ is None or not name:
            continue
        hit = registry.full_name(name, on=article.published)
        known = hit[0] if hit else None
        # The dictionary's type, when it has one, beats the tagger's ("Hezbollah" tagged PERSON).
        type_ = known.type if known and known.type else type_
        cluster = _find_cluster(clusters, type_, name, known)
        if cluster is None:
            cluster = Cluster(type_)
            clusters.append(cluster)
        if hit is not None and cluster.known is None:
            cluster.known, cluster.confidence, cluster.reason = hit
        cluster.names.append(name)
        cluster.members.append(i)
        cluster.labels.append(type_)
        _absorb_bracketed_acronym(article, mention, cluster)
    clusters = _merge_late_full_names(clusters)
    for c in clusters:
        c.settle_type()
    _resolve_single_names(clusters, registry, article)
    return clusters


def state_of_demonym(article: Article, mention: Mention, registry: Registry | None = None) -> str | None:
    """ "Soviet forces", "the Soviet army": the demonym stands for the state (Soviet Union).

    Only when it modifies one of the state's agents (army, troops, government...): "Afghan
    fighters" are not the Afghan state, and "Afghans" are people.
    """
    word = article.text_of(mention.span)
    state = (registry.state_of_demonym(word) if registry else None) or STATE_DEMONYMS.get(word)
    if state is None or article.doc is None:
        return None
    tokens = article.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if tokens is None:
        return None
    head = tokens.root.head
    return state if head.i != tokens.root.i and head.lower_ in STATE_AGENT_NOUNS else None


def _absorb_bracketed_acronym(article: Article, mention: Mention, cluster: Cluster) -> None:
    m = _BRACKETED_ACRONYM.match(article.text, mention.span.end)
    name = name_of(article.text_of(mention.span))
    if m and cluster.type == "ORG" and m.group(1) not in cluster.names and m.group(1)[0] == name[:1]:
        cluster.names.append(m.group(1))


def _merge_late_full_names(clusters: list[Cluster]) -> list[Cluster]:
    """A single name seen before its full name ("Massoud ... Ahmad Massoud") joins it."""
    kept: list[Cluster] = []
    for c in clusters:
        singles = c.type == "PERSON" and c.known is None and all(len(n.split()) == 1 for n in c.names)
        target = None
        if singles:
            target = next(
                (k for k in clusters if k is not c and any(_is_part_of(c.names[0], n) for n in k.names)), None
            )
        if target is not None:
            target.names.extend(c.names)
            target.members.extend(c.members)
            target.labels.extend(c.labels)
        else:
            kept.append(c)
    return kept


def _resolve_single_names(clusters: list[Cluster], registry: Registry, article: Article) -> None:
    """A person named by one word only, that no full name in the article explains."""
    for c in clusters:
        if c.type != "PERSON" or c.known is not None or any(len(n.split()) > 1 for n in c.names):
            continue
        hit = registry.surname(c.names[0], on=article.published)
        if hit is not None:
            c.known, c.confidence, c.reason = hit
        else:
            c.confidence, c.reason = 0.6, f"single name {c.names[0]!r}; the article gives no full name"


def _merge_same_known(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters that ended up as the same curated actor (a surname and its full name) become one."""
    kept: list[Cluster] = []
    for c in clusters:
        twin = next((k for k in kept if c.known is not None and k.known is c.known), None)
        if twin is None:
            kept.append(c)
        else:
            twin.names.extend(c.names)
            twin.members.extend(c.members)
    return kept


# --- 4. actors -----------------------------------------------------------------------------------


def build_actors(clusters: list[Cluster]) -> list[Actor]:
    """One Actor per cluster, with roles and relations pointing at the other clusters' ids."""
    ids = [actor_id(c.type, c.identity) for c in clusters]
    actors = []
    for c, aid in zip(clusters, ids, strict=True):
        aliases = tuple(sorted(set(c.names) - {c.canonical}))
        relations = tuple(Relation(rel, ids[obj], span) for rel, obj, span in c.relations if ids[obj] != aid)
        actors.append(
            Actor(
                aid,
                c.canonical,
                cast(ActorType, c.type),
                aliases,
                tuple(c.roles),
                relations,
                confidence=c.confidence,
                reason=c.reason,
            )
        )
    return actors


@annotator("actors", requires=("mentions", "doc"), adds=("actors",), version="2")
def group_actors(article: Article) -> Article:
    """Annotator: join mentions into actors, find their roles and relations, link each mention."""
    clusters = _merge_same_known(group_mentions(article))
    find_roles(article, clusters)
    extra = find_references(article, clusters)
    actors = build_actors(clusters)
    links = {i: actors[k].id for k, c in enumerate(clusters) for i in c.members}
    mentions = [replace(m, actor_id=links.get(i)) for i, m in enumerate(article.mentions)]
    mentions += [replace(m, actor_id=actors[k].id) for m, k in extra]
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return replace(article, actors=tuple(actors), mentions=tuple(mentions))
