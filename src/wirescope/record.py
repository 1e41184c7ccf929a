"""The record: what wirescope knows about an article, as small typed values.

Every annotation is a span into one text, the article's clean text (`Article.text`). A span
stores offsets only; its text is derived with `Span.of(article.text)`, never stored twice.
Records are frozen: annotators return a new Article with `dataclasses.replace`.

docs/record.md documents every field; tests/test_docs.py keeps the two in step.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ActorType = Literal["PERSON", "ORG", "GPE", "NORP", "GROUP"]
QuoteKind = Literal["direct", "indirect", "partial"]
Modality = Literal["asserted", "negated", "claimed", "reported", "unconfirmed", "intended", "requested", "hypothetical"]
MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "claimed",
    "reported",
    "unconfirmed",
    "intended",
    "requested",
    "hypothetical",
)
# When an event's mentions read differently, the most cautious reading wins, in this order (an
# event both reported and denied is denied); "asserted" is what is left.
MODALITY_PRIORITY: tuple[Modality, ...] = (
    "negated",
    "hypothetical",
    "requested",
    "intended",
    "unconfirmed",
    "reported",
    "claimed",
)
# The modalities under which an event is recorded as having happened, firmest first.
HAPPENED: tuple[Modality, ...] = ("asserted", "reported", "claimed", "unconfirmed")
STANDING: dict[str, str] = {**dict.fromkeys(HAPPENED, "happened"), "negated": "denied"}
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
TimePrecision = Literal["day", "week", "month", "year", "decade", "unknown"]
# Where an event record's argument was found, nearest first: the mention's own clause, its sentence,
# its paragraph, the lead (first paragraph), the dateline, the headline, the publication metadata.
FilledFrom = Literal["clause", "attribution", "sentence", "paragraph", "lead", "dateline", "headline", "publication"]
FILLED_FROM: tuple[str, ...] = (
    "clause",
    "attribution",
    "sentence",
    "paragraph",
    "lead",
    "dateline",
    "headline",
    "publication",
)
ARGUMENT_ROLES: tuple[str, ...] = (
    "actor",
    "target",
    "place",
    "date",
    "source",
    "fatalities",
    "injured",
    "captured",
)
ClaimStance = Literal["asserts", "denies", "questions"]
CLAIM_STANCES: tuple[str, ...] = ("asserts", "denies", "questions")
ClaimKind = Literal["event", "control", "casualties", "position", "statement"]
CLAIM_KINDS: tuple[str, ...] = ("event", "control", "casualties", "position", "statement")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that is the same every time the same parts are given (re-runs are idempotent)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets [start, end) into the article's clean text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span [{self.start}, {self.end}) is not a valid range")

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from, and the exact bytes read (kept for audit)."""

    uri: str  # file path, "-" for stdin, or URL
    content_type: str  # "text/plain" or "text/html" (told apart by content)
    sha256: str  # of the raw bytes
    encoding: str | None = None  # the encoding the bytes were decoded with
    raw: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input left out of the clean text, and why.

    Offsets are into the decoded input text (before cleaning); None where the input was HTML
    and the piece has no single place in it.
    """

    text: str
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Repair:
    """A change made to damaged text. `span` covers `after` in the clean text."""

    span: Span
    before: str
    after: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity or descriptive mention, linked to the actor it refers to (if any)."""

    span: Span
    label: str  # spaCy entity label (PERSON, ORG, GPE, LOC, NORP...) or DESC / PRON
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A role or title the text gives an actor ("Taliban spokesman"), with its evidence."""

    role: str
    span: Span


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation the text states between two actors (parent_of, member_of...)."""

    relation: str
    object_id: str
    span: Span


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or political entity, as one record across its mentions.

    The id is the cross-article key: the same actor in two articles has the same id.
    """

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    relations: tuple[Relation, ...] = ()
    confidence: float = 1.0  # how sure the registry is that these mentions are this actor
    reason: str = ""  # why: "curated registry, alias 'U.S.'", "single name 'Dashti'; no full name"


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone or something taking part in a quote or event: a name, and the actor if resolved."""

    name: str
    actor_id: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. `span` covers the quoted content, without quotation marks."""

    id: str
    kind: QuoteKind
    span: Span
    speaker: Participant | None = None
    cue: Span | None = None  # the speech verb or phrase: said, told, tweeted, according to
    venue: str | None = None  # where it was said or published: "BBC", "The Washington Post"
    medium: str | None = None  # how: "tweet", "op-ed", "press conference"
    date: str | None = None  # TIMEX3 value of when it was said, when the text gives it


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression and its TIMEX3 value, normalised against the publication date."""

    id: str
    span: Span
    value: str | None  # "2021-08-15", "2021-W34", "198X" (a decade), "XXXX-08-15"; None if not normalisable
    type: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION, SET
    anchored: bool = False  # True when the value depends on an anchor date that was known
    mod: str | None = None  # TIMEX3 mod: START, MID, END ("the late 1990s" is 199X, END); None if none


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location and the mentions that name it in this article."""

    id: str
    name: str
    mentions: tuple[Span, ...]
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str | None = None  # country, admin1, admin2, populated place, valley...
    precision: int | None = None  # ACLED geo_precision: 1 town, 2 part of region, 3 region/country
    # A relative location ("about 100 miles north of Kabul") is kept as an offset from its anchor
    # place, with no point of its own: the text is not that precise.
    anchor_id: str | None = None  # the Place id it is measured from
    offset_km: float | None = None  # distance from the anchor, in kilometres
    bearing: float | None = None  # direction from the anchor, degrees clockwise from north


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened: a TIMEX3 value with ACLED's time precision."""

    value: str
    precision: TimePrecision


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, typed with PLOVER, and how the text states it.

    `modality` says whether the text asserts the event happened; `historical` marks events
    from the past the article recalls (not news). Only asserted, non-historical events are
    presented as things that happened.
    """

    id: str
    type: str  # one of PLOVER_TYPES
    evidence: Span
    modality: Modality = "asserted"
    historical: bool = False
    mode: str | None = None  # PLOVER mode, where the text says it (e.g. "air strike")
    actor: Participant | None = None
    target: Participant | None = None
    place: Participant | None = None  # Participant.actor_id holds the Place id here
    time: EventTime | None = None
    source: Participant | None = None  # who states or claims it, when not the article itself
    fatalities: int | None = None
    injured: int | None = None


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of an event record, with its own evidence and how far from the mentions it was found.

    `evidence` slices the clean text to the words that state the argument, which may lie in another
    sentence than the event's mentions (a framing phrase, the lead, the dateline); it is None only
    when `filled_from` is "publication" (the article's date, which is metadata, not text).
    """

    role: str  # one of ARGUMENT_ROLES
    value: str  # as the text (or the registry) names it: "Afghan forces", "Nangarhar", "yesterday", "several"
    filled_from: FilledFrom
    evidence: Span | None = None
    # The normalised value where one exists: the actor or Place id, the TIMEX3 value, the count.
    normalized: str | int | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One real-world event the report tells of, coded from the whole report.

    The Event mentions (lead, body, a quote) that tell of the same event are grouped here; they are
    its evidence (`mentions` holds their ids, `evidence` is the span of the first). Each argument is
    taken from the nearest level that states it (Argument.filled_from). Only an asserted,
    non-historical record is one that happened (`happened`); a record is asserted only when one of
    its mentions is.
    """

    id: str  # stable_id("rec", article_id, i), i its place in text order
    type: str  # one of PLOVER_TYPES
    mentions: tuple[str, ...]  # ids of the Events grouped here, in text order
    evidence: Span  # the first mention's evidence
    modality: Modality = "asserted"
    historical: bool = False
    mode: str | None = None  # PLOVER mode ("air strike", "arrest"), when a mention says it
    actor: Argument | None = None
    target: Argument | None = None
    place: Argument | None = None
    date: Argument | None = None
    source: Argument | None = None  # who states or claims it, when not the article itself
    fatalities: Argument | None = None  # normalized: the count (ACLED's conventions, annotate/events/counts.py)
    injured: Argument | None = None
    captured: Argument | None = None  # people arrested, detained or captured
    # ACLED's codes: time 1 the day is known, 2 within a week or so, 3 only the month or coarser (or the
    # publication date stood in for an unstated day); geo 1 the town, 2 part of a region near a town,
    # 3 only the region or country (or the dateline stood in for an unstated place); None without a place.
    time_precision: int = 3
    geo_precision: int | None = None

    @property
    def happened(self) -> bool:
        return self.modality == "asserted" and not self.historical

    def arguments(self) -> tuple[Argument, ...]:
        """The arguments that are filled, in ARGUMENT_ROLES order."""
        found = (getattr(self, role) for role in ARGUMENT_ROLES)
        return tuple(a for a in found if a is not None)


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed proposition: who puts what forward, how they stand toward it, and where the text
    says each part, so that agreement and contradiction across sources can be found (resolve/claims.py).

    The proposition is kept positive and the stance says which way the claimant takes it: "there had
    been no exchange of gunfire" is `denies` fighting; "denied that Bazarak had fallen" is `denies`
    control of Bazarak. A claimant the text does not name, or that resolves to no actor, is None
    (unattributed): a claim is never given to the nearest name.
    """

    id: str
    span: Span  # the proposition as the text states it
    claimant: Participant | None = None  # who puts it forward; None: unattributed
    cue: Span | None = None  # said, claimed, denied, tweeted, according to...
    stance: ClaimStance = "asserts"  # asserts, denies or questions the proposition
    stance_evidence: Span | None = None  # the word that makes it a denial or a question ("denied", "no")
    kind: ClaimKind = "statement"  # event, control, casualties, position; statement: no normalised form
    predicate: str = ""  # fighting, control, killed, holds, or a PLOVER type in lower case; "" for a statement
    subject: Participant | None = None  # who acts, controls or holds
    object: Participant | None = None  # on whom it acts, or the position held
    place: Participant | None = None  # Participant.actor_id holds the Place id here
    time: str | None = None  # TIMEX3 value of when the proposition holds
    time_evidence: Span | None = None
    count: int | None = None  # the figure of a casualty claim
    count_evidence: Span | None = None
    modality: Modality = "asserted"  # how the claimant puts it: asserted, intended, hypothetical...
    date: str | None = None  # when the claim was made: the quote's date, else the article's publication day
    event_id: str | None = None  # the Event the proposition is, when it is one
    quote_id: str | None = None  # the Quote it is read from, when it is one


@dataclass(frozen=True, slots=True)
class Review:
    """What one human correction did to this article when it was last stored (corrections/).

    Machine output is never overwritten without a trace: `machine` keeps the value the machine
    gave (the whole annotation for a rejection, None for an addition), so a reader can show it.
    """

    correction_id: str
    kind: str  # the annotation kind: event, quote, mention, time, place
    action: str  # set, reject, add, confirm
    field: str  # the field set; "*" when the whole annotation is rejected, confirmed or added
    status: str  # applied; orphaned (its text is gone); unmatched (no such annotation at its text)
    annotation_id: str | None = None  # the annotation it applied to, as identified now
    span: Span | None = None  # where its anchor text is now
    machine: Any = None  # the machine's value (JSON), before any correction


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article and everything annotated in it."""

    id: str
    text: str  # the clean text every span points into
    source: Source
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str = "en"
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    removed: tuple[Removed, ...] = ()
    repairs: tuple[Repair, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    event_records: tuple[EventRecord, ...] = ()  # one per real-world event, grouping the `events` mentions
    times: tuple[TimeRef, ...] = ()
    places: tuple[Place, ...] = ()
    claims: tuple[Claim, ...] = ()
    # What human corrections did to this article's annotations on its last save (corrections/).
    reviews: tuple[Review, ...] = ()
    # The spaCy parse travels with the article through the pipeline; it is never stored.
    doc: Any = field(default=None, compare=False, repr=False)
    # Sentence embeddings computed on demand, keyed by sentence Span (annotate/embeddings/vectors.py);
    # shared by every learned component, never stored.
    vectors: dict = field(default_factory=dict, compare=False, repr=False)

    def text_of(self, span: Span) -> str:
        return span.of(self.text)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def sentence_of(self, span: Span) -> Span | None:
        """The sentence containing the start of `span` (sentences are in text order and do not
        overlap: the one that can hold it is the last starting at or before it)."""
        i = bisect_right(self.sentences, span.start, key=lambda s: s.start) - 1
        return self.sentences[i] if i >= 0 and span.start < self.sentences[i].end else None


def standing(modality: str) -> str:
    """happened (asserted, reported, claimed, unconfirmed), denied (negated), or not yet (the rest)."""
    return STANDING.get(modality, "not yet")


def record_modality(mentions: list[Event]) -> Modality:
    """An event record's modality from its mentions': asserted when one mention asserts it;
    otherwise the most cautious reading (a record never mixes what happened with what did not)."""
    modalities = [m.modality for m in mentions]
    if standing(modalities[0]) == "happened":
        return next(m for m in HAPPENED if m in modalities)
    return next((m for m in MODALITY_PRIORITY if m in modalities), modalities[0])
