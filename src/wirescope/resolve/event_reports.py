"""An article's events as the resolver's EventReports: the one adapter from the record.

`reports_of(article)` is the only place that knows how an Event becomes an EventReport, so when the
event records of issue 13 (record.py `EventRecord`) arrive, this function is what changes. Until
then it reads today's `Event`:

- trigger: the trigger word, lower-cased. The Event keeps its evidence clause, not its trigger,
  but its id is derived from the trigger's offset (annotate/events/extract.py `build_event`), so
  the trigger is the word of the clause whose offset gives that id; this needs no parse, so the
  local and the Dask runner (which drops the parse on the worker) make the same reports. Surface
  forms, not lemmas: "killed" and "kills" differ in `same_lemma` but not in their vectors;
- participants: the actor and target, by actor id (by name when unresolved);
- times: a day-precision time as the days within DAY_WINDOW of it (two reports a day apart agree;
  a week apart conflict); a coarser time says nothing;
- places: the place id and its admin1 (a town and its province agree; two provinces conflict);
  an event with no place of its own ("the attack began after midnight") is blocked under the one
  admin1 its article's located events share, as a coder reads it in its article's context, so it
  is never compared with a clash in another province;
- vectors (MiniLM, annotate/embeddings): the trigger word, the evidence sentence, and the article's
  title (else its first sentence) as the document's.
  Without the learned-components extra the vectors are None and those features read 0.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from wirescope.record import Article, Event, Participant, Span, stable_id
from wirescope.resolve.events import EventReport
from wirescope.store.rows import event_day

DAY_WINDOW = 1
_WORD = re.compile(r"\w+")


def _key(p: Participant | None) -> str | None:
    if p is None:
        return None
    return p.actor_id or (p.name.strip().lower() or None)


def _days(e: Event) -> frozenset[str]:
    if e.time is None or e.time.precision != "day":
        return frozenset()
    try:
        day = date.fromisoformat(e.time.value[:10])
    except ValueError:
        return frozenset()
    return frozenset((day + timedelta(days=d)).isoformat() for d in range(-DAY_WINDOW, DAY_WINDOW + 1))


def _place(article: Article, e: Event) -> tuple[frozenset[str], str]:
    place_id = e.place.actor_id if e.place else None
    place = next((p for p in article.places if p.id == place_id), None)
    if place is None:
        return frozenset({place_id} if place_id else ()), ""
    admin1 = f"{place.country or ''}/{place.admin1}" if place.admin1 else ""
    return frozenset(k for k in (place.id, admin1 and f"admin1:{admin1}") if k), admin1


def trigger_word(article: Article, e: Event) -> str:
    """The word that named the event, found from the event's id; the mode or type if none matches."""
    for word in _WORD.finditer(article.text, e.evidence.start, e.evidence.end):
        if stable_id("evt", article.id, e.type, word.start()) == e.id:
            return word.group()
    return e.mode or e.type.lower()


def article_admin1(article: Article) -> str:
    """The one admin1 the article's located events share, '' when none or several."""
    found = {_place(article, e)[1] for e in article.events if e.place is not None} - {""}
    return found.pop() if len(found) == 1 else ""


def report_of(article: Article, e: Event) -> EventReport:
    """One event of the article as an EventReport, without vectors."""
    places, admin1 = _place(article, e)
    admin1 = admin1 or article_admin1(article)
    return EventReport(
        id=e.id,
        document=article.id,
        trigger=trigger_word(article, e).lower(),
        type=e.type,
        happened=e.modality == "asserted" and not e.historical,
        day=event_day(e.time.value if e.time else None, article.published.isoformat() if article.published else None),
        admin1=admin1,
        participants=frozenset(k for k in (_key(e.actor), _key(e.target)) if k),
        times=_days(e),
        places=places,
    )


def _lede(article: Article) -> Span | None:
    if article.title and article.text.startswith(article.title):
        return Span(0, len(article.title))
    return article.sentences[0] if article.sentences else None


def with_vectors(article: Article, reports: list[EventReport], threads: int = 1) -> list[EventReport]:
    """The reports with their MiniLM vectors, embedded in one pass (shared with other components)."""
    try:
        from wirescope.annotate.embeddings import sentence_vectors
    except ImportError:  # the learned-components extra is not installed: compare without vectors
        return reports
    from wirescope.annotate.embeddings import encode

    events = {e.id: e for e in article.events}
    sentences = [article.sentence_of(events[r.id].evidence) or events[r.id].evidence for r in reports]
    lede = _lede(article)
    vectors = sentence_vectors(article, sentences + ([lede] if lede else []), threads=threads)
    triggers = _word_vectors([trigger_word(article, events[r.id]) for r in reports], encode, threads)
    document = vectors[-1] if lede else None
    return [
        replace(r, trigger_vector=triggers[i], sentence_vector=vectors[i], document_vector=document)
        for i, r in enumerate(reports)
    ]


_WORD_VECTORS: dict[str, np.ndarray] = {}
_WORD_CACHE_SIZE = 20_000  # trigger words repeat ("attacked", "killed"): each is embedded once per process


def _word_vectors(words: list[str], encode, threads: int) -> list[np.ndarray]:
    missing = list(dict.fromkeys(w for w in words if w not in _WORD_VECTORS))
    if missing:
        if len(_WORD_VECTORS) + len(missing) > _WORD_CACHE_SIZE:
            _WORD_VECTORS.clear()
        _WORD_VECTORS.update(zip(missing, encode(missing, threads=threads), strict=True))
    return [_WORD_VECTORS[w] for w in words]


def reports_of(article: Article, threads: int = 1) -> list[EventReport]:
    """Every event of the article as an EventReport with its vectors."""
    reports = [report_of(article, e) for e in article.events]
    return with_vectors(article, reports, threads) if reports else []


__all__ = ["DAY_WINDOW", "report_of", "reports_of", "with_vectors"]
