"""The working state of actor grouping: one Cluster per actor while the annotator runs, and the
index from parse tokens to the cluster their named mention belongs to.

Shared by grouping.py, roles.py and references.py, which each add to the clusters in turn.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wirescope.annotate.actors.names import KnownActor, name_key
from wirescope.record import Article, Role, Span


@dataclass
class Cluster:
    """The mentions of one actor in one article, while the annotator works on them."""

    type: str
    names: list[str] = field(default_factory=list)
    members: list[int] = field(default_factory=list)  # indexes into article.mentions
    known: KnownActor | None = None
    confidence: float = 1.0
    reason: str = "full name in the article"
    roles: list[Role] = field(default_factory=list)
    relations: list[tuple[str, int, Span]] = field(default_factory=list)  # relation, object cluster, evidence
    labels: list[str] = field(default_factory=list)  # the type each named mention was tagged with

    def settle_type(self) -> None:
        """The type most mentions carry ("Fahim Dashti" tagged ORG once and PERSON twice is a
        person); the dictionary's type when it knows the actor; the first type on a tie."""
        if (self.known is None or not self.known.type) and self.labels:
            counts = Counter(self.labels)
            self.type = max(dict.fromkeys(self.labels), key=lambda t: counts[t])

    @property
    def full_name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    @property
    def canonical(self) -> str:
        """The name the record shows: the curated name; for a kb entry (upper case in the source,
        so its case is a guess, and often a dated spelling: "AL_QA'IDA_") the article's own
        longest spelling that the entry lists."""
        if self.known is None:
            return self.full_name
        if not self.known.cased:
            keys = {name_key(n) for n in (self.known.canonical, *self.known.aliases)}
            spelt = [n for n in self.names if name_key(n) in keys]
            return max(spelt, key=len) if spelt else self.known.canonical
        return self.known.canonical

    @property
    def identity(self) -> str:
        """The name the cross-article id is made from: the dictionary's own name when it knows
        the actor, so "al-Qaeda" and "al-Qaida" in two articles are one actor."""
        return self.known.canonical if self.known else self.full_name

    def add_role(self, role: Role) -> None:
        if all(r.role.lower() != role.role.lower() for r in self.roles):
            self.roles.append(role)

    def add_relation(self, relation: str, obj: int, span: Span) -> None:
        if all((r, o) != (relation, obj) for r, o, _ in self.relations):
            self.relations.append((relation, obj, span))


class TokenIndex:
    """Which cluster each token of a named mention belongs to."""

    def __init__(self, article: Article, clusters: list[Cluster]) -> None:
        self.doc = article.doc
        self.clusters = clusters
        self.by_token: dict[int, int] = {}
        self.mentions: list[tuple[int, Any]] = []  # (cluster index, spaCy span)
        for k, c in enumerate(clusters):
            for i in c.members:
                span = article.mentions[i].span
                tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
                if tokens is None:
                    continue
                self.mentions.append((k, tokens))
                self.by_token.update({t.i: k for t in tokens})

    def mention_bounds(self, token) -> tuple[int, int]:
        """First and last token index of the named mention a token is in."""
        tokens = next((t for _, t in self.mentions if t.start <= token.i < t.end), None)
        return (token.i, token.i) if tokens is None else (tokens.start, tokens.end - 1)

    def cluster_of(self, token) -> int | None:
        return self.by_token.get(token.i)

    def type_of(self, token) -> str | None:
        """The type of the actor whose named mention the token is in, if any."""
        k = self.by_token.get(token.i)
        return self.clusters[k].type if k is not None else None

    def clusters_in(self, tokens) -> list[int]:
        return list(dict.fromkeys(k for t in tokens if (k := self.by_token.get(t.i)) is not None))
