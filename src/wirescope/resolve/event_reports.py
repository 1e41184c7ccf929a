"""An article's event records as the resolver's EventReports: the one adapter from the record.

`reports_of(article)` is the only place that knows how an EventRecord (record.py, built by
annotate/events/records.py) becomes an EventReport: one report per record, so the lead, the body
and a quote telling of one raid are compared with other articles once, as the one event they are,
and with the arguments the record took from the whole report (Argument.filled_from), not only the
ones its first clause states:

- trigger: the word that named the record's first standing mention, lower-cased. An Event keeps
  its evidence clause, not its trigger, but its id is derived from the trigger's offset
  (annotate/events/extract.py `build_event`), so the trigger is the word of the clause whose
  offset gives that id; this needs no parse, so the local and the Dask runner (which drops the
  parse on the worker) make the same reports. Surface forms, not lemmas: "killed" and "kills"
  differ in `same_lemma` but not in their vectors;
- participants: the record's actor and target, by actor id (by name when unresolved), wherever in
  the report they were found;
- times: a record whose day is stated (time_precision 1) as the days within DAY_WINDOW of it (two
  reports a day apart agree; a week apart conflict); a coarser date, or the publication date
  standing in for an unstated one, says nothing;
- places: the place id and its admin1 (a town and its province agree; two provinces conflict),
  from the clause, sentence, paragraph, lead or headline. A place filled from the dateline says
  where the report was filed, not where it happened, so it gives no place key; such a record, and
  one with no place, is blocked under the one admin1 its article's located records share, as a
  coder reads it in its article's context, so it is never compared with a clash in another
  province;
- vectors (MiniLM, annotate/embeddings): the trigger word, the evidence sentence of the record's
  first mention, and the article's title (else its first sentence) as the document's. Sentences go
  through the article's vector cache (`Article.vectors`), so a sentence an annotator already
  embedded is not encoded again. Without the learned-components extra the vectors are None and
  those features read 0.

The mention-level evidence stays with the record (`EventRecord.mentions`): the event view shows
each report's mentions (query/event_view.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from wirescope.record import Argument, Article, Event, EventRecord, Span, stable_id
from wirescope.resolve.events import EventReport
from wirescope.store.rows import event_day

DAY_WINDOW = 1
_WORD = re.compile(r"\w+")


def _key(a: Argument | None) -> str | None:
    if a is None:
        return None
    return str(a.normalized) if a.normalized is not None else (a.value.strip().lower() or None)


def _days(r: EventRecord) -> frozenset[str]:
    if r.date is None or r.time_precision != 1:
        return frozenset()
    try:
        day = date.fromisoformat(str(r.date.normalized)[:10])
    except ValueError:
        return frozenset()
    return frozenset((day + timedelta(days=d)).isoformat() for d in range(-DAY_WINDOW, DAY_WINDOW + 1))


def _place(article: Article, r: EventRecord) -> tuple[frozenset[str], str]:
    """The record's place keys and its admin1 ('' when unknown or only the dateline's)."""
    if r.place is None or r.place.filled_from == "dateline":
        return frozenset(), ""
    place_id = _key(r.place)
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
    """The one admin1 the article's located records share, '' when none or several."""
    found = {_place(article, r)[1] for r in article.event_records} - {""}
    return found.pop() if len(found) == 1 else ""


def first_mention(article: Article, r: EventRecord) -> Event | None:
    """The record's first mention that still stands (a reviewer may have rejected some)."""
    events = {e.id: e for e in article.events}
    return next((events[m] for m in r.mentions if m in events), None)


def report_of(article: Article, r: EventRecord, admin1: str | None = None) -> EventReport | None:
    """One record of the article as an EventReport, without vectors; None when none of its
    mentions stands. `admin1` is the article's (`article_admin1`), computed once per article."""
    first = first_mention(article, r)
    if first is None:
        return None
    places, own = _place(article, r)
    published = article.published.isoformat() if article.published else None
    return EventReport(
        id=r.id,
        document=article.id,
        trigger=trigger_word(article, first).lower(),
        type=r.type,
        happened=r.happened,
        day=event_day(str(r.date.normalized) if r.date else None, published),  # as store/rows.py event_record_row
        admin1=own or (article_admin1(article) if admin1 is None else admin1),
        participants=frozenset(k for k in (_key(r.actor), _key(r.target)) if k),
        times=_days(r),
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

    records = {r.id: r for r in article.event_records}
    firsts = [first_mention(article, records[r.id]) for r in reports]
    events = [e for e in firsts if e is not None]
    sentences = [article.sentence_of(e.evidence) or e.evidence for e in events]
    lede = _lede(article)
    vectors = sentence_vectors(article, sentences + ([lede] if lede else []), threads=threads)
    triggers = _word_vectors([trigger_word(article, e) for e in events], encode, threads)
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
        # the encoder runs each word alone (annotate/embeddings/encoder.py), so a word's vector
        # does not depend on which others were missing with it
        _WORD_VECTORS.update(zip(missing, encode(missing, threads=threads), strict=True))
    return [_WORD_VECTORS[w] for w in words]


def reports_of(article: Article, threads: int = 1) -> list[EventReport]:
    """Every event record of the article (with a standing mention) as an EventReport with its vectors."""
    admin1 = article_admin1(article)
    found = (report_of(article, r, admin1) for r in article.event_records)
    reports = [r for r in found if r is not None]
    return with_vectors(article, reports, threads) if reports else []


__all__ = ["DAY_WINDOW", "article_admin1", "first_mention", "report_of", "reports_of", "trigger_word", "with_vectors"]
