"""Attribution: who a report says did it, told outside the event's clause.

Conflict reporting often names the perpetrator in a sentence of its own: "the FMLN claimed
responsibility for the attack", "police blamed the Taliban for the blast", "the bombing was
attributed to / carried out by X", "authorities said X was behind the bombing". Such a sentence
makes its named group or person the actor of the record it refers to: the violent record told in
that sentence ("for the attack"), else the nearest before it, else the lead's; `filled_from`
"attribution", with the sentence's words naming the group as evidence. It replaces an actor the
clause did not link to a known actor ("gunmen opened fire"), never one it did. A denied or negated claim
("denied responsibility", "no group has claimed responsibility") assigns nobody.

Per sentence, over what the pipeline already found (sentences, mentions): a regular expression
first, so most sentences cost one search; no second parse. Wrong when the sentence names two groups
on the side the cue looks at (the nearest is taken) and when the claim refers to an event the
events annotator did not find.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wirescope.record import Argument, Article, EventRecord, Mention, Span

# GPE too: the NER often takes an unknown armed group for a place ("the Sabra Brigades").
GROUP_LABELS = frozenset({"ORG", "NORP", "PERSON", "GROUP", "GPE"})
# The doer stands before the cue: "X claimed responsibility", "X was behind the bombing".
BEFORE = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|t(?:ook|akes?|aking)|accept(?:ed|s)?|assum(?:ed|es)?)\s+(?:full\s+|the\s+)?"
    r"(?:responsibility|credit)\b|\b(?:was|were|is|are|been)\s+behind\b",
    re.IGNORECASE,
)
# The doer stands after the cue: "blamed X for", "attributed to X", "carried out by X".
AFTER = re.compile(
    r"\bblam(?:ed|es|ing)\b|\battribut(?:ed|es|ing)\b(?:\s+[\w-]+){0,4}?\s+to\b"
    r"|\b(?:carried\s+out|perpetrated|staged|committed|claimed)\s+by\b",
    re.IGNORECASE,
)
# A claim denied or negated names nobody.
NEGATED = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|rejected|no\s+(?:group|one|organi[sz]ation)|nobody|not|never|n't|yet\s+to)\b",
    re.IGNORECASE,
)
VIOLENT_TYPES = frozenset({"ASSAULT"})
VIOLENT_MODES = frozenset({"abduct"})


def violent(record: EventRecord) -> bool:
    return record.type in VIOLENT_TYPES or record.mode in VIOLENT_MODES


def attribute(article: Article, records: tuple[EventRecord, ...]) -> tuple[EventRecord, ...]:
    """The records with each attribution sentence's group as the actor of the record it refers to."""
    if not any(violent(r) for r in records):
        return records
    events = {e.id: e for e in article.events}
    starts = {
        r.id: min(events[m].evidence.start for m in r.mentions)
        for r in records
        if r.mentions and set(r.mentions) <= events.keys()
    }
    out = list(records)
    mentions = sorted((m for m in article.mentions if m.label in GROUP_LABELS), key=lambda m: m.span.start)
    for sentence in article.sentences:
        words = article.text_of(sentence)
        found = _doer(article, sentence, words, mentions)
        if found is None:
            continue
        i = _referred(out, events, starts, sentence)
        if i is None:
            continue
        current = out[i].actor
        if current is not None and current.filled_from == "clause" and current.normalized is not None:
            continue  # the clause names a known actor; "gunmen", unlinked, gives way to the group named
        actor = article.actor(found.actor_id)
        name = actor.name if actor is not None else article.text_of(found.span)
        out[i] = replace(out[i], actor=Argument("actor", name, "attribution", found.span, found.actor_id))
    return tuple(out)


def _doer(article: Article, sentence: Span, words: str, mentions: list[Mention]) -> Mention | None:
    before, after = BEFORE.search(words), AFTER.search(words)
    if (before is None and after is None) or NEGATED.search(words):
        return None
    inside = [m for m in mentions if sentence.contains(m.span)]
    if before is not None:
        cue = sentence.start + before.start()
        preceding = [m for m in inside if m.span.end <= cue]
        if preceding:
            return preceding[-1]
    if after is not None:
        cue = sentence.start + after.end()
        following = [m for m in inside if m.span.start >= cue]
        if following:
            return following[0]
    return None


def _referred(records: list[EventRecord], events: dict, starts: dict[str, int], sentence: Span) -> int | None:
    """The violent record told in the sentence, else the nearest before it, else the first."""
    candidates = [i for i, r in enumerate(records) if violent(r) and r.id in starts]
    told = [
        i for i in candidates if any(m in events and sentence.overlaps(events[m].evidence) for m in records[i].mentions)
    ]
    if told:
        return told[0]
    before = [i for i in candidates if starts[records[i].id] < sentence.start]
    if before:
        return max(before, key=lambda i: starts[records[i].id])
    return candidates[0] if candidates else None
