"""An event read as a proposition: its normalised form (predicate, subject, object, place, time,
count) with the evidence span of each part.

- territory changing hands ("captured", "took control of", "conquer") is a control claim: who
  controls which place;
- an assault with a death toll is a casualty claim (predicate "killed", the figure as count);
- any other assault, and a siege, is "fighting" at its place;
- every other event keeps its PLOVER type, in lower case, as predicate.

The proposition is kept positive: a negation in its own clause ("no exchange of gunfire") is read
by extract.py as the claimant's denial, not as a different proposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirescope.annotate.claims import vocabulary as vocab
from wirescope.record import Article, ClaimKind, Event, Modality, Participant, Span

# Event modalities that are only the journalist's view of who states it: to the claimant, the
# proposition is simply put forward.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PUT_FORWARD = frozenset({"asserted", "claimed", "reported", "negated"})
_NUMBER = re.compile(
    r"\b(\d[\d,]*|dozens|hundreds|thousands|scores|several|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Proposition:
    """The normalised parts of one claim's proposition, each with its evidence."""

    kind: ClaimKind
    predicate: str
    span: Span
    subject: Participant | None = None
    object: Participant | None = None
    place: Participant | None = None
    time: str | None = None
    time_evidence: Span | None = None
    count: int | None = None
    count_evidence: Span | None = None
    modality: Modality = "asserted"
    negated: bool = False
    event_id: str | None = None


def from_event(article: Article, event: Event, words: Span | None = None) -> Proposition:
    """The proposition an event states, as its claimant would put it; `words`: the attributed words
    it is stated in, where its place may be named outside the event's own clause."""
    kind, predicate = kind_and_predicate(event)
    if kind == "control" and not _ground(event.target, article):
        kind, predicate = "event", "coerce"  # "captured dozens more": people taken, not ground
    time_value, time_evidence = _time(article, event)
    count_evidence = _count_evidence(article, event.evidence) if kind == "casualties" else None
    return Proposition(
        kind=kind,
        predicate=predicate,
        span=event.evidence,
        subject=event.actor,
        object=None if kind == "control" and _is_place(event.target, article) else event.target,
        place=place_of(article, event, words),
        time=time_value,
        time_evidence=time_evidence,
        count=event.fatalities if kind == "casualties" else None,  # None: "several", "people" (no figure)
        count_evidence=count_evidence,
        modality="asserted" if event.modality in PUT_FORWARD else event.modality,
        # "the night passed without any fighting": a clause introduced by "without" denies its event
        negated=event.modality == "negated" or article.text_of(event.evidence).casefold().startswith("without "),
        event_id=event.id,
    )


def kind_and_predicate(event: Event) -> tuple[ClaimKind, str]:
    if event.type == "COERCE" and event.mode in vocab.CONTROL_MODES:
        return "control", "control"
    if event.type == "ASSAULT" and (event.fatalities or event.mode == "kill"):
        return "casualties", "killed"
    if event.type == "ASSAULT" or (event.type == "COERCE" and event.mode in vocab.FIGHTING_MODES):
        return "event", "fighting"
    return "event", event.type.lower()


def place_of(article: Article, event: Event, words: Span | None = None) -> Participant | None:
    """The event's place; else a place its evidence names ("to conquer our region, especially the
    Panjshir Valley"), or the attributed words around it ("13 people were killed in the blast in
    Kabul", where the event's clause is "in the blast")."""
    if event.place is not None:
        return event.place
    return place_in(article, event.evidence) or (place_in(article, words) if words else None)


def place_in(article: Article, span: Span) -> Participant | None:
    """The first place named inside `span`: a resolved place, else a name the parser labels a place
    (a short text gives the gazetteer little context, but "Bazarak" is still a place name)."""
    for place in article.places:
        for mention in place.mentions:
            if span.contains(mention) and place.anchor_id is None:
                return Participant(place.name, place.id, mention)
    for m in article.mentions:
        if m.label in PLACE_LABELS and span.contains(m.span):
            return Participant(article.text_of(m.span), None, m.span)
    return None


def _ground(target: Participant | None, article: Article) -> bool:
    """What a control event takes is ground: no target, a place, or "control" itself ("took full control")."""
    return target is None or _is_place(target, article) or target.name.casefold().split()[-1:][0] in vocab.GROUND_NOUNS


def _is_place(p: Participant | None, article: Article) -> bool:
    if p is None or p.span is None:
        return False
    return place_in(article, p.span) is not None or any(
        m.overlaps(p.span) for place in article.places for m in place.mentions
    )


def _time(article: Article, event: Event) -> tuple[str | None, Span | None]:
    if event.time is None:
        return None, None
    sentence = article.sentence_of(event.evidence) or event.evidence
    found = next((t.span for t in article.times if t.value == event.time.value and sentence.contains(t.span)), None)
    return event.time.value, found


def _count_evidence(article: Article, evidence: Span) -> Span | None:
    sentence = article.sentence_of(evidence) or evidence
    found = _NUMBER.search(article.text, sentence.start, sentence.end)
    return Span(found.start(), found.end()) if found else None


def place_key(name: str) -> str:
    """A place's name without its generic words: "Panjshir Valley" and "Panjshir" are one key."""
    words = [w for w in re.findall(r"[\w'’-]+", name.casefold()) if w not in vocab.PLACE_GENERIC_WORDS]
    return " ".join(words) or name.casefold()
