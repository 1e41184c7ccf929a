"""Corrections made from what a reviewer sees: an annotation of a stored article, or a span of its
text for an addition. The machine value and the anchor are taken here, once, from the article."""

from __future__ import annotations

from typing import Any

from wirescope.corrections.anchor import anchor_of
from wirescope.corrections.kinds import BadValue, Kind
from wirescope.corrections.model import ACTOR, WHOLE, Action, Correction, new_id, now
from wirescope.corrections.overlay import machine_article
from wirescope.corrections.registry import KINDS
from wirescope.errors import NotFound
from wirescope.record import Article, Span


def find_annotation(article: Article, annotation_id: str, field: str = WHOLE) -> tuple[Kind, Any]:
    """The kind and the annotation with this id in the article, or NotFound naming the kinds.
    An event is also a member of a cluster: of the kinds holding the id, the one with the field."""
    found = [(k, x) for k in KINDS.values() for x in k.items(article) if k.ident(article, x) == annotation_id]
    if found:
        return next(((k, x) for k, x in found if field in k.fields), found[0])
    raise NotFound(
        f"article {article.id} has no annotation {annotation_id!r}",
        hint="event, quote and time ids are in the listings; a mention or place mention is ARTICLE/mention/START-END",
    )


def _machine(article: Article, kind: Kind, annotation_id: str, field: str) -> Any:
    machine = machine_article(article)
    original = next((x for x in kind.items(machine) if kind.ident(machine, x) == annotation_id), None)
    if original is None:
        return None  # the reviewer's own addition
    return kind.dump(original) if field == WHOLE else kind.fields[field].get(original)


def correction_of(
    article: Article,
    annotation_id: str,
    action: Action,
    field: str = WHOLE,
    value: Any = None,
    *,
    author: str = "anonymous",
    reason: str = "",
) -> Correction:
    """A set, reject or confirm of one annotation of the (stored, corrected) article."""
    kind, annotation = find_annotation(article, annotation_id, field)
    if action not in kind.actions:
        raise BadValue(f"a {kind.name} correction is one of: {', '.join(kind.actions)}; not {action}")
    if action == "set":
        if field not in kind.fields:
            raise BadValue(f"a {kind.name} has no field {field!r}; its fields are: {', '.join(kind.fields)}")
        value = kind.fields[field].check(value)
    else:
        field, value = WHOLE, None
    return Correction(
        new_id(),
        kind.name,
        action,
        field,
        article.id,
        annotation_id,
        anchor_of(article.text, kind.span(annotation)),
        value,
        _machine(article, kind, annotation_id, field),
        author,
        now(),
        reason,
    )


def addition_of(
    article: Article, kind_name: str, span: Span, value: dict, *, author: str = "anonymous", reason: str = ""
) -> Correction:
    """A missed annotation of `kind_name` over `span`, with the fields in `value`."""
    if kind_name not in KINDS:
        raise BadValue(f"cannot add a {kind_name!r}; the kinds are: {', '.join(KINDS)}")
    if not 0 <= span.start < span.end <= len(article.text):
        raise BadValue(f"[{span.start}, {span.end}) is not a span of article {article.id} ({len(article.text)} chars)")
    kind = KINDS[kind_name]
    if "add" not in kind.actions:
        raise BadValue(f"a {kind_name} is not added by hand")
    missing = [f for f in kind.required if not value.get(f)]
    if missing:
        raise BadValue(f"adding a {kind_name} needs {', '.join(missing)}")
    checked = {k: kind.fields[k].check(v) for k, v in value.items() if k in kind.fields}
    kind.add(article, span, checked)  # raises BadValue now rather than at every later save
    anchor = anchor_of(article.text, span)
    return Correction(new_id(), kind_name, "add", WHOLE, article.id, None, anchor, checked, None, author, now(), reason)


def actor_correction(
    actor_id: str, merged_into: str | None, machine: str | None, *, author: str = "anonymous", reason: str = ""
) -> Correction:
    """Merge an actor into another (merged_into an id) or split it from the one it was merged into (None)."""
    if merged_into == actor_id:
        raise BadValue(f"an actor cannot be merged into itself ({actor_id})")
    return Correction(
        new_id(), ACTOR, "set", "merged_into", None, actor_id, None, merged_into, machine, author, now(), reason
    )


__all__ = ["actor_correction", "addition_of", "correction_of", "find_annotation"]
