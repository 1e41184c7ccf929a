"""The report around an event mention: its sentence, its paragraph, the lead, the dateline, the headline.

Reports state where and when once, then tell what happened: "During an operation in Nad-e Ali
district, Helmand province, yesterday, Afghan and coalition forces arrested two insurgents." The
place and day are in a framing phrase outside the clause of "arrested"; in wire copy they are in
the dateline ("KABUL, Sept. 7 (Wire) --"), the lead or the headline. `ReportContext` indexes the
article's places and times once and answers "the nearest place / date stated at this level" for
each level a record's argument can be filled from (record.FILLED_FROM), nearest first.

Only the times and places the annotators already found are used (no second parse). What it gets
wrong: a framing phrase that belongs to another event of the sentence, and a paragraph that moves
to another raid without saying so ("In Kandahar, ..." is caught by the place changing; an undated,
unplaced second raid is not).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from wirescope.annotate.events.lexicon import OBJECT_CLASSES
from wirescope.annotate.spans import SpanIndex
from wirescope.annotate.times.values import precision_of
from wirescope.record import Article, Event, Place, Span

# A wire dateline opening the lead: "KABUL, Afghanistan (Sept. 7, 2021) --", "KABUL, Sept. 7 (Reuters) -",
# "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --". The place is the capitalised words before the first comma.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*[A-Z][\w .'-]{1,40}?)?(?:,\s*[^\n()]{3,30}?)?"
    r"\s*(?P<paren>\([^)\n]{2,60}\))?\s*(?:--|—|–|-)(?:\s|$)"
)
# How far back a paragraph's earlier sentences are read: news paragraphs are one to three sentences,
# and text with no paragraph breaks (a transcript, a corpus' sentence list) is not one long paragraph.
PARAGRAPH_REACH = 2
# Words that say a sentence tells of another event than the ones before it.
SEPARATE_EVENT_CUES = frozenset({"separate", "separately", "another", "elsewhere", "second", "meanwhile"})


@dataclass(frozen=True, slots=True)
class Found:
    """A place or date the text states, as a record argument would take it."""

    span: Span
    value: str  # the words, or the Place's name
    normalized: str  # the Place id or the TIMEX3 value
    precision: int | None = None  # a place's ACLED geo precision; a date's ACLED time precision


class ReportContext:
    """The places, dates and levels of one article, indexed once for all its event mentions."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.headline = _headline(article)
        self.lead = _lead(article, self.headline) if len(article.paragraphs) > 1 else None
        self.sentence_starts = [s.start for s in article.sentences]
        self.dateline_span = _dateline_span(article)
        self.dateline = _dateline(article, self.dateline_span)
        self.framing = _framing_phrases(article)
        self.places = sorted(_places(article), key=lambda f: f.span.start)
        self.dates = sorted(_dates(article), key=lambda f: f.span.start)
        self.clause_dates = sorted(_dates(article, background=True), key=lambda f: f.span.start)  # see _dates
        # for each place or date, the events whose clause holds it (computed once: mentions x candidates)
        events = SpanIndex(article.events, span_of=lambda e: e.evidence)
        self.holders = {
            f.span: [(e.id, e.type) for e in events.containing(f.span)] for f in (*self.places, *self.dates)
        }
        self._places = SpanIndex(self.places)
        self._dates = SpanIndex(self.dates)

    # --- levels -------------------------------------------------------------------------------

    def sentence_of(self, span: Span) -> Span:
        """The sentence, cut to its paragraph (a parse can run a headline into the dateline)."""
        sentence = self.article.sentence_of(span) or span
        paragraph = self.paragraph_of(span)
        if paragraph is None:
            return sentence
        return Span(max(sentence.start, paragraph.start), max(min(sentence.end, paragraph.end), span.start))

    def paragraph_of(self, span: Span) -> Span | None:
        paragraphs = self.article.paragraphs  # in text order, not overlapping
        i = bisect.bisect_right(paragraphs, span.start, key=lambda p: p.start) - 1
        return paragraphs[i] if i >= 0 and span.start < paragraphs[i].end else None

    def in_lead_or_headline(self, mention: Event) -> bool:
        return any(level is not None and level.overlaps(mention.evidence) for level in (self.headline, self.lead))

    def sentence_number(self, span: Span) -> int:
        """The index of the sentence holding the span's start (0 before the first)."""
        return max(0, bisect.bisect_right(self.sentence_starts, span.start) - 1)

    def separates(self, mention: Event) -> bool:
        """Whether the mention's sentence says it is another event ("In a separate operation, ...")."""
        words = set(re.findall(r"[a-z]+", self.article.text_of(self.sentence_of(mention.evidence)).lower()))
        return bool(words & SEPARATE_EVENT_CUES)

    # --- look-ups -------------------------------------------------------------------------------

    def around(self, kind: str, mention: Event) -> tuple[Found, str] | None:
        """The nearest place or date ("places" / "dates") stated around the mention and the level it
        was found at: its sentence (outside other kinds of events' clauses), else its paragraph
        (the nearest before it, else after it)."""
        sentence = self.sentence_of(mention.evidence)
        inside = self._within(kind, sentence, mention)
        if inside:
            return _most_precise(inside, mention.evidence), "sentence"
        paragraph = self.paragraph_of(mention.evidence)
        if paragraph is None:
            return None
        # only before the mention, and only a sentence or two back: a place told after it is as
        # likely the next raid's, and one told long before it another event's
        here = self.sentence_number(mention.evidence)
        before = [
            f
            for f in self._within(kind, paragraph, mention)
            if f.span.end <= sentence.start and here - self.sentence_number(f.span) <= PARAGRAPH_REACH
        ]
        if before:
            return max(before, key=lambda f: f.span.start), "paragraph"
        return None

    def report_wide(self, kind: str, mention: Event) -> tuple[Found, str] | None:
        """Where the report as a whole states it, for a record that does not: the lead, the dateline
        (places only), the headline."""
        paragraph = self.paragraph_of(mention.evidence)
        if self.lead is not None and paragraph != self.lead:
            inside = self._within(kind, self.lead, mention)
            if inside:
                return _most_precise(inside, self.lead), "lead"
        if self.dateline_span is not None:
            found = self.dateline if kind == "places" else self._dated_dateline()
            if found is not None:
                return found, "dateline"
        if self.headline is not None:
            inside = self._within(kind, self.headline, mention)
            if inside:
                return _most_precise(inside, self.headline), "headline"
        return None

    def _within(self, kind: str, level: Span, mention: Event) -> list[Found]:
        """Places or dates inside `level` that are not inside the clause of another kind of event
        (a date in "... after the ceasefire of 3 May" belongs to the ceasefire)."""
        candidates = self._places if kind == "places" else self._dates
        return [
            f
            for f in candidates.within(level)
            if not (self.dateline_span is not None and self.dateline_span.overlaps(f.span))
            and (self._frames(f.span) or not self._in_other_event(f.span, mention))
        ]

    def _in_other_event(self, span: Span, mention: Event) -> bool:
        """Inside the clause of another kind of event: a date in "... after the ceasefire of 3 May" is
        the ceasefire's."""
        return any(i != mention.id and t != mention.type for i, t in self.holders.get(span, ()))

    def _frames(self, span: Span) -> bool:
        return any(p.contains(span) for p in self.framing)

    def _dated_dateline(self) -> Found | None:
        """The date written in the dateline ("(Sept. 7, 2021)"), when the times annotator read one."""
        assert self.dateline_span is not None
        inside = [d for d in _dates(self.article) if self.dateline_span.contains(d.span)]
        return inside[0] if inside else None


# Words opening a framing phrase that sets the scene for the whole sentence.
FRAMING_OPENERS = frozenset(
    {"during", "in", "on", "at", "after", "following", "near", "yesterday", "today", "earlier", "late", "early"}
)


def _framing_phrases(article: Article) -> list[Span]:
    """A fronted phrase that sets place and time for every event of its sentence: "During an operation
    in X district, Y province, yesterday, [forces arrested ... and killed ...]": from the sentence's
    start to its main clause's subject, when the sentence opens with a preposition or a time word."""
    if article.doc is None:
        return []
    phrases = []
    for sent in article.doc.sents:
        first = sent[0]
        if first.lower_ not in FRAMING_OPENERS:
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.left_edge.i > first.i:
            phrases.append(Span(first.idx, subject.left_edge.idx))
    return phrases


def _most_precise(found: list[Found], near: Span) -> Found:
    """The most precise of several (the district before its province), the nearest of equals."""
    return min(found, key=lambda f: (f.precision or 3, abs(f.span.start - near.start)))


def _headline(article: Article) -> Span | None:
    """The headline where the clean text holds it: its first line, when that is the title."""
    first_line = article.text.split("\n", 1)[0]
    if article.title and first_line.strip() and first_line.strip() == article.title.strip():
        start = article.text.index(first_line.strip())
        return Span(start, start + len(first_line.strip()))
    return None


def _lead(article: Article, headline: Span | None) -> Span | None:
    """The first paragraph after the headline that reads as prose (a dozen words and a full stop)."""
    for paragraph in article.paragraphs:
        if headline is not None and paragraph.overlaps(headline):
            continue
        text = article.text_of(paragraph)
        if len(text.split()) >= 12 and re.search(r"[.!?][\"”’']?\s*$", text):
            return paragraph
    return None


def _dateline_span(article: Article) -> Span | None:
    """The dateline, where it opens one of the first paragraphs (the lead, or alone before it)."""
    for paragraph in article.paragraphs[:3]:
        match = DATELINE.match(article.text_of(paragraph))
        # a place in capitals, or a wire's "(Reuters)": not a sentence like "Taliban fighters - who ..."
        if match is not None and (match["place"].isupper() or match["paren"]):
            return Span(paragraph.start, paragraph.start + len(match.group(0).rstrip()))
    return None


def _dateline(article: Article, dateline: Span | None) -> Found | None:
    """The dateline's place, resolved to a Place: where the report was filed."""
    if dateline is None:
        return None
    match = DATELINE.match(article.text[dateline.start : dateline.end])
    assert match is not None
    span = Span(dateline.start + match.start("place"), dateline.start + match.end("place"))
    place = next((p for p in article.places if any(span.overlaps(s) for s in p.mentions)), None)
    if place is None:  # "KABUL" in capitals is often not read as a place there, but "Kabul" is further on
        named = match["place"].strip().lower()
        place = next((p for p in article.places if p.name.lower() == named), None)
    return Found(span, place.name, place.id, 3) if place is not None else None


def _places(article: Article) -> list[Found]:
    """Every resolved place mention that names where something is. Relative places ("20 km north of
    X") count as their anchor's area."""
    return [
        Found(s, p.name, p.id, p.precision)
        for p in article.places
        for s in p.mentions
        if _names_place(article, s, p.feature == "country") and not _capitals_only(article, p, s)
    ]


def _capitals_only(article: Article, place: Place, span: Span) -> bool:
    """A one-word name the gazetteer does not know, in text written in capitals: there every word
    looks like a name to the recogniser ("IN ADDITION,", "LA", "CEREZO" came out as places on the
    MUC-4 train split), so only names the gazetteer resolves are taken as where."""
    if place.geonames_id is not None or place.anchor_id is not None or " " in article.text_of(span).strip():
        return False
    around = article.text[max(0, span.start - 60) : span.end + 60]
    return not any(c.islower() for c in around)


# Dependencies of a country's name modifying what is not a place: "the U.S. embassy",
# "Afghanistan's president", "U.S. officials" say whose, not where (the embassy is in another
# country's capital). A nationality word is kept ("Salvadoran troops", "Afghan forces"): on the
# MUC-4 train split the country it names is where the event was more often than not (dropping
# nationalities cost 15 location fills of 836 there), and it only ever fills at country precision.
MODIFIER_DEPS = frozenset({"compound", "poss", "nmod"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _names_place(article: Article, span: Span, country: bool) -> bool:
    """Whether a place mention says where: not a person's name the gazetteer also holds ("Juan
    Requesens"), not a country's name modifying a non-place ("the U.S. embassy")."""
    if article.doc is None:
        return True
    words = article.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not len(words):
        return True
    root = words.root
    if root.ent_type_ == "PERSON":
        return False
    head = root.head
    return not (
        country
        and root.ent_type_ != "NORP"
        and root.pos_ != "ADJ"
        and root.dep_ in MODIFIER_DEPS
        and head.i not in range(words.start, words.end)
        and head.ent_type_ not in PLACE_ENTITIES
        and head.lemma_.lower() not in OBJECT_CLASSES["TERRITORY"]
    )


def _dates(article: Article, *, background: bool = False) -> list[Found]:
    """Every date or time the times annotator gave a calendar value, with ACLED's time precision.
    Dates more than a year before publication are left out unless `background` is asked for: at
    the sentence level and beyond they are background ("since 2001"), not the day of the event
    told; in the event's own clause they are its day ("in 1987 helicopters raided the valley")."""
    published = article.published
    found = []
    for t in article.times:
        if t.type not in ("DATE", "TIME") or not t.value or not t.value[:4].isdigit():
            continue
        if not background and published is not None and int(t.value[:4]) < published.year - 1:
            continue
        found.append(Found(t.span, article.text_of(t.span), t.value, time_precision(t.value)))
    return found


def time_precision(value: str) -> int:
    """ACLED's time_precision of a TIMEX3 value: 1 a day, 2 a week, 3 a month or coarser."""
    return {"day": 1, "week": 2}.get(precision_of(value), 3)
