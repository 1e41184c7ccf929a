"""Stores for the web, report and export tests: the demo corpus, plus one article annotated by hand.

The demo corpus is what users see; its annotations depend on the annotators of the day. The hand
annotated article (text and records written here) pins one of each thing the views must show: an
asserted, a claimed, a negated and a hypothetical event, a quote naming another actor, located
places, times, and a title carrying HTML that must come out as text.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date

import pytest

from wirescope.record import (
    Actor,
    Article,
    Claim,
    Event,
    EventTime,
    Mention,
    Participant,
    Place,
    Quote,
    Source,
    Span,
    TimeRef,
    stable_id,
)
from wirescope.resolve.claims import resolve_claims

TEXT = (
    "The Northern Front attacked the army garrison in Charikar on Monday, according to its commander Ahmad Karimi. "
    "The army denied that the Northern Front had attacked Charikar. "
    '"We will never surrender to the army," said Ahmad Karimi. '
    "If the talks fail, the Northern Front could attack Kabul. "
    "Army officers met Ahmad Karimi in Doha on Tuesday."
)
TITLE = 'Fighting near Charikar <img src=x onerror="window.__pwned=1">'


def span(text: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of text in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text))


def _sentences() -> tuple[Span, ...]:
    spans, start = [], 0
    for piece in TEXT.split(". "):
        end = start + len(piece) + (1 if start + len(piece) < len(TEXT) else 0)
        spans.append(Span(start, min(end, len(TEXT))))
        start = end + 1
    return tuple(spans)


FRONT = Actor("actor_test_front", "Northern Front", "GROUP")
ARMY = Actor("actor_test_army", "Afghan Army", "ORG", aliases=("army", "Army"))
KARIMI = Actor("actor_test_karimi", "Ahmad Karimi", "PERSON")
CHARIKAR = Place(
    "place_test_charikar",
    "Charikar",
    (span("Charikar"), span("Charikar", 1)),
    latitude=35.0136,
    longitude=69.1714,
    country="AF",
    feature="populated place",
    precision=1,
)
KABUL = Place(
    "place_test_kabul",
    "Kabul",
    (span("Kabul"),),
    latitude=34.5553,
    longitude=69.2075,
    country="AF",
    feature="populated place",
    precision=1,
)
DOHA = Place(
    "place_test_doha",
    "Doha",
    (span("Doha"),),
    latitude=25.2854,
    longitude=51.531,
    country="QA",
    feature="populated place",
    precision=1,
)


def _p(actor: Actor, text: str, occurrence: int = 0) -> Participant:
    return Participant(actor.name, actor.id, span(text, occurrence))


def _place(place: Place) -> Participant:
    return Participant(place.name, place.id, place.mentions[-1])


EVENTS = (
    Event(
        "event_test_claimed",
        "ASSAULT",
        span("attacked the army garrison in Charikar"),
        "claimed",
        actor=_p(FRONT, "Northern Front"),
        target=_p(ARMY, "army"),
        place=_place(CHARIKAR),
        time=EventTime("2021-09-06", "day"),
        source=_p(KARIMI, "Ahmad Karimi"),
    ),
    Event(
        "event_test_negated",
        "ASSAULT",
        span("had attacked Charikar"),
        "negated",
        actor=_p(FRONT, "Northern Front", 1),
        target=_p(ARMY, "army", 1),
        place=_place(CHARIKAR),
        source=_p(ARMY, "army", 1),
    ),
    Event(
        "event_test_hypothetical",
        "ASSAULT",
        span("could attack Kabul"),
        "hypothetical",
        actor=_p(FRONT, "Northern Front", 2),
        place=_place(KABUL),
    ),
    Event(
        "event_test_asserted",
        "CONSULT",
        span("met Ahmad Karimi in Doha"),
        "asserted",
        actor=_p(ARMY, "Army"),
        target=_p(KARIMI, "Ahmad Karimi", 2),
        place=_place(DOHA),
        time=EventTime("2021-09-07", "day"),
    ),
)
QUOTE = Quote(
    "quote_test_karimi",
    "direct",
    span("We will never surrender to the army,"),
    speaker=_p(KARIMI, "Ahmad Karimi", 1),
    cue=span("said"),
)


# The claims the claims annotator reads from those two events: Karimi asserts the attack, the army denies it.
CLAIMS = (
    Claim(
        "claim_test_asserted",
        EVENTS[0].evidence,
        claimant=EVENTS[0].source,
        cue=span("according to"),
        kind="event",
        predicate="fighting",
        subject=EVENTS[0].actor,
        object=EVENTS[0].target,
        place=EVENTS[0].place,
        time="2021-09-06",
        date="2021-09-08",
        event_id=EVENTS[0].id,
    ),
    Claim(
        "claim_test_denied",
        EVENTS[1].evidence,
        claimant=EVENTS[1].source,
        stance="denies",
        stance_evidence=span("denied"),
        cue=span("denied"),
        kind="event",
        predicate="fighting",
        subject=EVENTS[1].actor,
        object=EVENTS[1].target,
        place=EVENTS[1].place,
        date="2021-09-08",
        event_id=EVENTS[1].id,
    ),
)


def hand_article() -> Article:
    """The hand-annotated article, its event records built from its events as the pipeline builds them."""
    from wirescope.annotate.events import build_event_records

    return build_event_records(_hand_annotated())


def _hand_annotated() -> Article:
    raw = TEXT.encode("utf-8")
    mentions = [Mention(span("Northern Front", i), "ORG", FRONT.id) for i in range(3)]
    mentions += [Mention(span("army", i), "ORG", ARMY.id) for i in range(3)] + [Mention(span("Army"), "ORG", ARMY.id)]
    mentions += [Mention(span("Ahmad Karimi", i), "PERSON", KARIMI.id) for i in range(3)]
    return Article(
        id=stable_id("art", "see-fixtures"),
        text=TEXT,
        title=TITLE,
        publisher="Test Wire",
        published=date(2021, 9, 8),
        source=Source("tests/query/see_fixtures.py", "text/plain", hashlib.sha256(raw).hexdigest(), "utf-8", raw),
        sentences=_sentences(),
        mentions=tuple(sorted(mentions, key=lambda m: m.span)),
        actors=(FRONT, ARMY, KARIMI),
        quotes=(QUOTE,),
        events=EVENTS,
        claims=CLAIMS,
        places=(CHARIKAR, KABUL, DOHA),
        times=(
            TimeRef("time_test_monday", span("Monday"), "2021-09-06", anchored=True),
            TimeRef("time_test_tuesday", span("Tuesday"), "2021-09-07", anchored=True),
        ),
    )


@pytest.fixture(scope="session")
def see_db(demo_db, tmp_path_factory) -> str:
    """A SQLite file: the demo corpus and the hand-annotated article. Tests only read it."""
    import wirescope

    path = str(tmp_path_factory.mktemp("see") / "see.db")
    # Checkpoint the WAL so the copy is whole.
    with wirescope.open_store(demo_db) as source, source.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(demo_db, path)
    with wirescope.open_store(path) as store:
        store.save(hand_article(), ["tests.query.see_fixtures@1"])
        resolve_claims(store)  # what ingest does after storing: claims grouped across articles
    return path
