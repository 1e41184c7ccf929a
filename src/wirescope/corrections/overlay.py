"""Corrections over machine output: applied to an article as the machine made it, and undone.

`apply` is what the store runs on every save (a first ingest, a re-ingest, a pipeline upgrade,
`wirescope reprocess`): each correction of the article is anchored again in its text (anchor.py),
matched to an annotation of its kind there, and applied, latest last. The article comes back with
the corrected annotations, rejected ones removed, added ones in, and a Review per correction
saying what it did and keeping the machine's value. `machine_article` undoes the reviews, giving
back exactly what the machine made: the store uses it to re-apply corrections after a new one
without running the pipeline again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from wirescope.corrections.anchor import find
from wirescope.corrections.kinds import Kind
from wirescope.corrections.model import Correction
from wirescope.corrections.registry import KINDS
from wirescope.record import Article, Review, Span, record_modality

APPLIED, ORPHANED, UNMATCHED = "applied", "orphaned", "unmatched"
RECORD = "event_record"
FOLLOW = "follow"  # a Review's action when an event record followed its corrected mentions


@dataclass
class _Working:
    """The article's annotations by kind while corrections are applied, and those rejected."""

    article: Article
    items: dict[str, list[Any]] = field(default_factory=dict)
    rejected: dict[str, set[str]] = field(default_factory=dict)

    def of(self, kind: Kind) -> list[Any]:
        if kind.name not in self.items:
            self.items[kind.name] = kind.items(self.article)
        return self.items[kind.name]

    def result(self, reviews: list[Review]) -> Article:
        article = self.article
        for name, xs in self.items.items():
            kind, gone = KINDS[name], self.rejected.get(name, set())
            article = kind.put(article, [x for x in xs if kind.ident(self.article, x) not in gone])
        return replace(article, reviews=tuple(reviews))


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _match(kind: Kind, work: _Working, c: Correction, span: Span) -> int | None:
    """The position of the annotation a correction is about: the one with its id at its text, else
    the one exactly at its text, else the one overlapping its text most; None if none does."""
    xs = work.of(kind)
    ids = [kind.ident(work.article, x) for x in xs]
    spans = [kind.span(x) for x in xs]
    for i in range(len(xs)):
        if ids[i] == c.annotation_id and spans[i] == span:
            return i
    for i in range(len(xs)):
        if spans[i] == span:
            return i
    overlaps = [(_overlap(s, span), -i) for i, s in enumerate(spans)]
    best = max(overlaps, default=(0, 0))
    return -best[1] if best[0] > 0 else None


def _machine_value(kind: Kind, machine: dict[str, Any], ident: str, c: Correction) -> Any:
    original = machine.get(ident)
    if original is None:
        return None
    if c.action == "set":
        return kind.fields[c.field].get(original)
    return kind.dump(original)


def _apply_one(work: _Working, machine: dict[str, Any], c: Correction) -> Review:
    kind = KINDS[c.kind]
    span = find(c.anchor, work.article.text) if c.anchor else None
    if span is None:
        return Review(c.id, c.kind, c.action, c.field, ORPHANED)
    xs = work.of(kind)
    if c.action == "add":
        at = next((i for i, x in enumerate(xs) if kind.span(x) == span), None)
        if at is None:  # the machine has not found it: the reviewer's annotation goes in
            xs.append(kind.add(work.article, span, c.value or {}))
            ident = kind.ident(work.article, xs[-1])
            return Review(c.id, c.kind, c.action, c.field, APPLIED, ident, span, None)
        ident = kind.ident(work.article, xs[at])
        xs[at] = _with_fields(kind, xs[at], c.value or {})  # the machine found it too: its fields win
        work.rejected.get(kind.name, set()).discard(ident)
        return Review(c.id, c.kind, c.action, c.field, APPLIED, ident, span, _machine_value(kind, machine, ident, c))
    at = _match(kind, work, c, span)
    if at is None:
        return Review(c.id, c.kind, c.action, c.field, UNMATCHED, None, span)
    ident = kind.ident(work.article, xs[at])
    if c.action == "reject":
        work.rejected.setdefault(kind.name, set()).add(ident)
    else:  # set or confirm: a later judgement on a rejected annotation brings it back
        work.rejected.get(kind.name, set()).discard(ident)
        if c.action == "set":
            xs[at] = kind.fields[c.field].set(xs[at], c.value)
    return Review(c.id, c.kind, c.action, c.field, APPLIED, ident, span, _machine_value(kind, machine, ident, c))


def _with_fields(kind: Kind, obj: Any, value: dict) -> Any:
    for name, v in value.items():
        if name in kind.fields:
            obj = kind.fields[name].set(obj, kind.fields[name].check(v))
    return obj


def in_order(corrections: Iterable[Correction]) -> list[Correction]:
    """Oldest first, so the latest judgement of a target is the one that stands."""
    return sorted(corrections, key=lambda c: (c.created, c.id))


def apply(article: Article, corrections: Iterable[Correction]) -> Article:
    """The article as the machine made it, with these corrections applied (those of other
    articles and of cross-article kinds are ignored) and a Review for each.

    Event records follow their corrected mentions before their own corrections are applied, so
    a reviewer's judgement of the record itself stands over what its mentions say."""
    mine = [c for c in in_order(corrections) if c.article_id == article.id and c.kind in KINDS]
    article = replace(article, reviews=())
    if not mine:
        return article
    work = _Working(article)
    machine = {name: {kind.ident(article, x): x for x in kind.items(article)} for name, kind in KINDS.items()}
    reviews = [_apply_one(work, machine[c.kind], c) for c in mine if c.kind != RECORD]
    reviews += follow(work, reviews)
    reviews += [_apply_one(work, machine[c.kind], c) for c in mine if c.kind == RECORD]
    return work.result(reviews)


def follow(work: _Working, reviews: list[Review]) -> list[Review]:
    """Event records over corrected mentions: a record keeps the mentions that still stand, takes
    its type, modality and era from them as the annotator does (records.py `record_of`), and is
    gone when none stands. A Review (action "follow") keeps the machine's whole record."""
    events, records = KINDS["event"], KINDS[RECORD]
    touched = {r.annotation_id: r.correction_id for r in reviews if r.kind == "event" and r.status == APPLIED}
    if not touched:
        return []
    gone = work.rejected.get("event", set())
    standing = {e.id: e for e in work.of(events) if e.id not in gone}
    xs, out = work.of(records), []
    for i, r in enumerate(xs):
        why = [touched[m] for m in r.mentions if m in touched]
        if not why:
            continue
        kept = [standing[m] for m in r.mentions if m in standing]
        if kept:
            new = replace(
                r,
                mentions=tuple(e.id for e in kept),
                evidence=kept[0].evidence,
                type=kept[0].type,
                modality=record_modality(kept),
                historical=kept[0].historical,
                mode=next((e.mode for e in kept if e.mode), None),
            )
            if new == r:
                continue
            xs[i] = new
        else:
            work.rejected.setdefault(RECORD, set()).add(r.id)
        out.append(Review(why[-1], RECORD, FOLLOW, "*", APPLIED, r.id, r.evidence, records.dump(r)))
    return out


def machine_article(article: Article) -> Article:
    """The article as the machine made it: each applied review undone, latest first."""
    if not article.reviews:
        return article
    work = _Working(replace(article, reviews=()))
    for r in reversed(article.reviews):
        if r.status == APPLIED and r.annotation_id is not None:
            _undo(work, KINDS[r.kind], r)
    for name, xs in work.items.items():
        xs.sort(key=lambda x: KINDS[name].span(x).start)
    return work.result([])


def _undo(work: _Working, kind: Kind, r: Review) -> None:
    xs = work.of(kind)
    at = next((i for i, x in enumerate(xs) if kind.ident(work.article, x) == r.annotation_id), None)
    if r.action == FOLLOW:  # the machine's whole record, whether the record was changed or dropped
        if at is not None:
            del xs[at]
        xs.append(kind.load(r.machine))
    elif r.action == "set" and at is not None:
        xs[at] = kind.fields[r.field].set(xs[at], r.machine)
    elif r.action == "reject" and at is None and r.machine is not None:
        xs.append(kind.load(r.machine))
    elif r.action == "add" and at is not None:
        if r.machine is None:
            del xs[at]  # the reviewer's own annotation
        else:
            xs[at] = kind.load(r.machine)
