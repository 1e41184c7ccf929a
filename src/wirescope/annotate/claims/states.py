"""State claims the event lexicon has no trigger for: who controls a place.

- "the whole valley had fallen": control of the place, the new controller not named;
- "its forces still held strategic positions across the valley", "the Taliban control Kabul":
  control of the place by the subject.

Read from the parse inside attributed words only (extract.py calls this for quotes that hold no
event). What it gets wrong: "fell" of prices or of a government is read as a place falling only
when its subject is a place or a place noun ("the valley", "the city").
"""

from __future__ import annotations

from wirescope.annotate.claims.propositions import Proposition, place_in
from wirescope.annotate.events.participants import EventContext, participant
from wirescope.annotate.tokens import subtree_span, token_span
from wirescope.record import Participant, Span

FALLING_VERBS = frozenset({"fall"})
HOLDING_VERBS = frozenset({"hold", "control", "keep", "retain"})
# What one holds when holding ground: "held strategic positions across the valley".
HELD_NOUNS = frozenset({"position", "ground", "territory", "area", "line", "control", "stronghold"})
PLACE_NOUNS = frozenset({"valley", "city", "capital", "province", "district", "town", "pass", "village"})


def control_in(ctx: EventContext, span: Span) -> Proposition | None:
    """The control claim the words of `span` make, if any."""
    words = ctx.article.doc.char_span(span.start, span.end, alignment_mode="expand")
    for token in words or ():
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in FALLING_VERBS:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            place = place_named(ctx, subject) if subject is not None else None
            if place is not None:
                return Proposition("control", "control", _clause(token, subject), place=place, negated=_negated(token))
        if lemma in HOLDING_VERBS:
            found = _held(ctx, token)
            if found is not None:
                return found
    return None


def _held(ctx: EventContext, verb) -> Proposition | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    place = place_named(ctx, obj)
    if place is None and obj.lemma_.lower() in HELD_NOUNS:
        # "held positions across the valley": the place is under the object or under the verb
        phrases = [*obj.subtree, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
        place = next((p for t in phrases if t.dep_ == "pobj" and (p := place_named(ctx, t))), None)
    if place is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    holder = participant(ctx, subject) if subject is not None else None
    span = _clause(verb, subject or verb, obj)
    return Proposition("control", "control", span, subject=holder, place=place, negated=_negated(verb))


def _negated(verb) -> bool:
    """ "Bazarak had not fallen": the verb's own negation."""
    return any(c.dep_ == "neg" for c in verb.children)


def place_named(ctx: EventContext, token) -> Participant | None:
    """The place a noun phrase names: a place mention in it, or "the valley" meaning the place
    last named with that word."""
    if token is None:
        return None
    found = place_in(ctx.article, subtree_span(token))
    if found is not None:
        return found
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    word = token.lemma_.lower()
    before = [
        (m, p)
        for p in ctx.article.places
        for m in p.mentions
        if m.end <= token.idx and word in p.name.lower().split() and p.anchor_id is None
    ]
    if not before:
        return None
    _mention, place = max(before, key=lambda pair: pair[0].start)
    return Participant(place.name, place.id, token_span(token))


def _clause(*tokens) -> Span:
    spans = [subtree_span(t) if t.dep_ != "ROOT" and t.pos_ not in ("VERB", "AUX") else token_span(t) for t in tokens]
    return Span(min(s.start for s in spans), max(s.end for s in spans))
