"""Annotator "times": temporal expressions found in the text and normalised to TIMEX3 values.

Expressions come from two finders whose spans are merged, the longer winning an overlap: spaCy's
DATE and TIME entities, and our own patterns for what the small model misses ("the 1980s",
weekdays, year-less dates). Each is normalised by annotate/times/timex.py against the publication date.
dateparser is not used here: over whole sentences it reads "we" as Wednesday, and it turns "this
week" into a day.

Words inside a quotation count from the date the quoted piece was written or said when the
sentence gives it ("In an op-ed ... on August 18, he wrote, 'I write ... today'" -> today is
August 18), not from the publication date.

`time_for_span(article, span)` offers the events annotator the time of an event with its precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from wirescope.annotate.pipeline import annotator
from wirescope.annotate.times.holidays import FINDER as HOLIDAY_FINDER
from wirescope.annotate.times.timex import normalise
from wirescope.annotate.times.values import Anchor, Tense, Timex, precision_of, shift_months
from wirescope.annotate.times.vocabulary import (
    DATED_PIECE_CUES,
    DAY_PARTS,
    FUTURE_MARKERS,
    HEDGES,
    MONTHS,
    TEMPORAL_WORDS,
    WEEKDAYS,
)
from wirescope.record import Article, EventTime, Span, TimeRef, stable_id

TIME_LABELS = frozenset({"DATE", "TIME"})
# Entities whose names may hold a weekday or month that is not a date ("The Sunday Times",
# "the March 14 Alliance"); EVENT is not among them: "the war of the 1980s" holds a real decade.
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC"})


def _capitalised(words) -> str:
    return "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))


_MONTH = rf"(?:{_capitalised(MONTHS)})\.?"
_WEEKDAY = rf"(?:{_capitalised(WEEKDAYS)})"
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|few)"
)
# Our own finders, each a whole temporal expression (prepositions stay outside the span, as in
# TimeML). Month and weekday names must be capitalised, so the verb "may" is not May.
PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",
        rf"\b{_MONTH}\s+\d{{4}}\b",
        r"(?i:\b(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:\d{3}0|'\d0)'?s\b)",
        rf"\b(?:(?i:last|this|next)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b",
        # Sets: "each Thursday", "every July", "Tuesdays", "Tuesday nights".
        rf"\b(?i:every|each)\s+(?:{_WEEKDAY}|{_MONTH})(?:\s+(?:morning|afternoon|evening|night))?\b",
        rf"\b{_WEEKDAY}(?:s|\s+(?:morning|afternoon|evening|night)s)\b",
        # A clock time on a named day is one expression: "10 p.m. Wednesday", "noon Thursday",
        # "5 p.m. EST Nov. 9" (the day's value with the time).
        rf"\b(?:\d{{1,2}}(?::\d{{2}})?\s*[ap]\.m\.?|(?i:noon|midnight))(?:\s+[A-Z]{{3}})?,?\s+"
        rf"(?:{_WEEKDAY}\b|{_MONTH}\s+\d{{1,2}}\b|(?i:today|yesterday|tomorrow)\b)",
        r"(?i:\b(?:today|tonight|yesterday|tomorrow|last night)\b)",
        r"(?i:\b(?:this|last|next|earlier this|later this)\s+(?:week|weekend|month|year)\b)",
        # A count and its unit: "two weeks ago"; durations the recogniser misses or cuts after the unit:
        # "5 1/2 hours", "two more weeks", "a minute and a half" (one pattern: one scan of the text).
        rf"(?i:\b{_COUNT}\s+(?:(?:day|week|month|year|decade)s?(?:\s+or\s+(?:so|more|two|three))?\s+ago\b"
        r"|(?:1/2\s+|(?:more|additional|extra)\s+)(?:hour|day|week|month|year)s?\b"
        r"|(?:second|minute|hour|day|week|month|year)s?\s+and\s+a\s+half\b))",
        rf"(?i:\b(?:the\s+)?(?:past|last|next|previous|coming)\s+{_COUNT}\s+(?:hour|day|week|month|year|decade)s\b)",
        r"(?i:\b(?:in|since|until|by|during|before|after)\s)(?P<t>(?:1[89]|20)\d\d)\b",
        # "now", "the future": TimeML marks them (PRESENT_REF, FUTURE_REF); events ignore them.
        # "previously" and "formerly" are not found: TimeBank marks "previously" 2 times in 16.
        r"(?i:\b(?:now|currently|recently|nowadays)\b)",
        # "current market conditions" (the adjective, not the accounting "current assets"); "soon"
        # and "as soon as possible", not the conjunction "as soon as" or "soon after".
        r"(?i:\b(?:then\s+)?current\b)(?=\s+[a-z])(?!\s+(?:accounts?|assets?|liabilit(?:y|ies))\b)",
        r"(?i:(?<!as\s)\bsoon\b)(?!\s+(?:as|after|afterwards?|before|thereafter)\b)",
        r"(?i:\bas\s+soon\s+as\s+possible\b)",
        # Sets named by a unit, and the reporting period: "each month", "every day", "the latest period".
        r"(?i:\b(?:every|each)\s+(?:day|week|month|year)\b)",
        r"(?i:\bthe\s+(?:latest|most\s+recent)\s+period\b)",
        r"(?i:\b(?:earlier|later)\s+in\s+the\s+(?:day|month|year)\b)",
        r"(?i:\b(?:(?:early|late|mid)[- ]?)?(?:morning|afternoon|evening|night)\s+(?:yesterday|today|tomorrow)\b)",
        HOLIDAY_FINDER,  # "Thanksgiving Day", "last Christmas", "Election Day"
        # "at midday", "by noon" (not the figure of speech "high noon").
        r"(?i:(?<!high\s)\b(?:noon|midday)\b)",
        r"(?i:\bin\s+(?P<t>the\s+(?:past|future))\b)(?!\s+\w+\s+(?:years|months|weeks|days)\b)",
        r"(?i:\b(?:in|for|over|into|at)\s+(?P<t>the\s+(?:near|short|long)\s+(?:future|term)|a\s+later\s+date))\b",
    )
]
# A quotation: curly quotes, or straight ones on one line.
QUOTATION = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


@dataclass(frozen=True, slots=True)
class _Found:
    span: Span
    timex: Timex


# --- finding -------------------------------------------------------------------------------------


def candidate_spans(article: Article) -> list[Span]:
    """Every temporal expression span, from spaCy and our patterns, overlaps resolved to the longest."""
    # A pattern with a group "t" matches context around the expression; the span is the group.
    spans = [
        Span(*m.span("t" if "t" in pattern.groupindex and m["t"] else 0))
        for pattern in PATTERNS
        for m in pattern.finditer(article.text)
    ]
    if article.doc is not None:
        names = [Span(e.start_char, e.end_char) for e in article.doc.ents if e.label_ in NAME_LABELS]
        spans = [s for s in spans if not any(n.contains(s) for n in names)]  # "The Sunday Times"
        spans += [_trimmed(article.text, e.start_char, e.end_char) for e in article.doc.ents if e.label_ in TIME_LABELS]
    chosen: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (-len(s), s.start)):
        if len(span) and not any(span.overlaps(c) for c in chosen):
            chosen.append(span)
    return sorted(chosen)


_LEADING_HEDGE = re.compile(
    rf"(?i:(?:{'|'.join(HEDGES)}|as long as|as early as|as late as|(?:earlier|later)(?!\s+in\s+the\b))\s+)(?=\S)"
)


# Words a recogniser takes in that are not part of the time: the verb "last" before a length ("to
# last over a week"), a noun or ordinal before a deictic one ("a flat year this year", "its second
# this year").
_LEADING_NON_TIME = re.compile(
    r"(?i:last(?=\s+(?:over|about|nearly|almost|more|less|up|at|until|through|for|beyond)\b)"
    r"|(?:second|third|year|month|week|day|quarter)(?=\s+(?:this|last|next)\s))\s+"
)


def _trimmed(text: str, start: int, end: int) -> Span:
    """spaCy spans sometimes end on punctuation or run over a line break, and take in hedges
    ("about two weeks") and possessives ("last month's") that TimeML leaves out of the span."""
    piece = text[start:end]
    if "\n" in piece:
        end = start + piece.index("\n")
    while (hedge := _LEADING_HEDGE.match(text, start, end) or _LEADING_NON_TIME.match(text, start, end)) and (
        hedge.end() < end
    ):
        start = hedge.end()
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    while end > start and text[end - 1] in ' ,;:."”’)':
        if text[end - 1] == "." and re.search(r"\b[ap]\.m\.$|\b[A-Z][a-z]{2,3}\.$", text[start:end]):
            break
        end -= 1
    return Span(start, end)


def looks_temporal(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & TEMPORAL_WORDS or words & set(MONTHS) or words & set(WEEKDAYS)) or (
        bool(re.search(r"\d", text)) and not re.fullmatch(r"\s*(?:\d{1,3}|\d{5,})\s*", text)  # an age, a model number
    )


# --- context: tense and dated pieces -------------------------------------------------------------


# Words right before an expression that point it forward whatever the verb's tense: "payable Dec.
# 7", "effective Feb. 1", "extended to Nov. 16", "through January", "scheduled to close Monday".
_FUTURE_CUE = re.compile(
    r"(?i)\b(?P<cue>payable|effective|until|till|deadline|expires?|expiring|due|scheduled|starting|"
    r"beginning|as soon as|extended to|of record)\s*(?:on\s+)?$"
)
# Words that bound a period up to a day either side of publication ("this year through Oct. 19",
# "by February"): the nearest reading, whatever the verb's tense.
_NEAR_CUE = re.compile(r"(?i)\b(?:through|thru|by)\s*$")
# Words right after an expression that make it a deadline ("the Jan. 14 deadline", "set Nov. 10
# as the deadline"): the nearest reading, whatever the verb's tense ("has set" is past).
_NEAR_AFTER = re.compile(r"(?i)\s*(?:as\s+the\s+|as\s+a\s+)?deadline")
# Words right before an expression that put it behind the story whatever the verb's tense:
# "since the Oct. 23 slaying", "in the aftermath of the Aug. 7 bombings".
_PAST_CUE = re.compile(
    r"(?i)\b(?:since|aftermath\s+of)(?:\s+(?:shortly|just|soon))?(?:\s+(?:after|before))?(?:\s+the)?\s*$"
)


def tense_at(article: Article, span: Span) -> Tense:
    """The tense of the clause an expression sits in: future, past, or None (present)."""
    sentence = article.sentence_of(span)
    before = article.text[max(0, span.start - 40, sentence.start if sentence else 0) : span.start]
    cue = _FUTURE_CUE.search(before)
    if cue and _in_past_perfect(_governing_verb(article, span)):
        return "past"  # "Until Thursday, they had not called him a suspect", "had been due to expire Friday"
    if cue:
        return "future"
    if _NEAR_CUE.search(before) or _NEAR_AFTER.match(article.text, span.end):
        return "near"
    if _PAST_CUE.search(before):
        return "past"
    token = _governing_verb(article, span)
    if token is None:
        return None
    tense = _tense_of_verb(token)
    if tense is None and token.dep_ == "xcomp" and token.tag_ == "VB" and token.head.lemma_ == "be":
        return "future"  # "is to resume trading Tuesday"
    if tense is None and token.tag_ == "VBN" and token.dep_ in ("acl", "advcl", "relcl") and not _auxiliaries(token):
        return "past"  # "the injunction issued Thursday": a bare participle telling what was done
    if tense is None and token.tag_ == "VBG" and token.dep_ in ("advcl", "conj") and not _auxiliaries(token):
        tense = _tense_of_verb(token.head)  # "has fluctuated, rising ... in March": the main verb's
    if tense != "future" and token.dep_ == "xcomp" and token.head.lower_ in FUTURE_MARKERS:
        if not _past_perfect(token.head):
            return "future"  # "is scheduled to close Monday", "planned to meet Tuesday"
        return "past"  # "had been scheduled to expire Friday": a plan overtaken by the story
    if tense is None and article.text.startswith(("'s", "’s"), span.end):
        return "past"  # "over Thursday's closing price": a day owning a fact already known
    return tense


def _governing_verb(article: Article, span: Span):
    """The verb the expression hangs from (or the token where the climb stops), from the parse."""
    if article.doc is None:
        return None
    piece = article.doc.char_span(span.start, span.end, alignment_mode="expand")
    if piece is None:
        return None
    token = piece.root
    for _ in range(6):  # climb to the governing verb; a few steps is enough in news prose
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token


def _auxiliaries(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _past_perfect(verb) -> bool:
    """ "had called", "had been scheduled": a past before the story's, so its days lie behind."""
    return verb is not None and any(c.lower_ == "had" for c in _auxiliaries(verb))


def _in_past_perfect(verb) -> bool:
    """The verb, or the verb or adjective it completes, is in the past perfect: "had not called",
    "had been due to expire" (the climb stops at the clause's head)."""
    for _ in range(3):
        if verb is None or _past_perfect(verb):
            return verb is not None
        if verb.dep_ not in ("xcomp", "acomp", "ccomp") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _tense_of_verb(verb) -> Tense:
    words = [verb.lower_] + [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(w in FUTURE_MARKERS for w in words):
        return "future"
    tags = [verb.tag_] + [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "VBD" in tags or (verb.tag_ == "VBN" and any(w in ("has", "have", "had") for w in words)):
        return "past"
    # No verb (a headline, "payable Dec. 15") or a present-tense one: neither side is preferred,
    # and the nearest reading wins ("Dec. 15" in an October story is this December).
    return None


def quotations(article: Article) -> list[Span]:
    """Quoted passages, by their quotation marks (times run before quotes are attributed)."""
    return [Span(m.start(), m.end()) for m in QUOTATION.finditer(article.text)]


def _attribution(article: Article, quote: Span) -> list[Span]:
    """The parts of the quote's sentences outside it, within its line: where a speaker, a venue and
    a date stand. Sentences are the parse's."""
    text = article.text
    first = article.sentence_of(quote)
    last = article.sentence_of(Span(max(quote.start, quote.end - 1), quote.end))
    start = max(text.rfind("\n", 0, quote.start) + 1, first.start if first else 0)
    newline = text.find("\n", quote.end)
    end = min(last.end if last else len(text), newline if newline >= 0 else len(text))
    return [Span(start, quote.start), Span(quote.end, max(quote.end, end))]


def piece_anchor(article: Article, quote: Span, found: list[_Found]) -> Anchor | None:
    """The date of the piece or statement a quotation comes from, when its sentence gives one."""
    for region in _attribution(article, quote):
        words = set(re.findall(r"[a-z][a-z-]*", article.text_of(region).lower()))
        if not words & DATED_PIECE_CUES:
            continue
        dated = [f for f in found if region.contains(f.span) and Anchor.from_value(f.timex.value)]
        if dated:
            return Anchor.from_value(dated[-1].timex.value)
    return None


# --- the annotator -------------------------------------------------------------------------------


def publication_anchor(article: Article) -> Anchor | None:
    return Anchor(article.published) if article.published else None


# A value that can be the narrative's reference period: a year or a quarter ("1989-Q3").
_REFERENCE_VALUE = re.compile(r"\d{4}-Q\d")
# Expressions that count back from the reference period and so must not replace it.
_COUNTING_BACK = re.compile(r"(?i)\b(?:ago|earlier|before|previous|prior)\b")


# An age ("the 6-year-old", "52 years old", "a six-month-old") is a person's, not a time the story
# tells of: TimeBank and AQUAINT mark none (0 of about 60 in their dev parts).
_AGE = re.compile(r"(?i)(?:\d+|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)s?[- ]old")


def find_times(article: Article) -> list[_Found]:
    """Every expression with its value, in text order; "the quarter" and "a year earlier" count
    from the last year or quarter the article named before them (the narrative's reference time)."""
    anchor = publication_anchor(article)
    found: list[_Found] = []
    reference: str | None = None
    for span in split_ranges(article.text, candidate_spans(article)):
        text = article.text_of(span)
        tense = tense_at(article, span)
        if tense == "past" and text.lower() == "soon":
            continue  # "he was soon released": soon after a past moment, not the future of the story
        timex = _following(text, found) or normalise(text, anchor, tense, reference)
        if tense == "past" and timex is not None and _BARE_CLOCK.fullmatch(text):
            timex = _on_the_narrative_day(timex, found)
        if timex is None or not timex.value:
            timex = _anaphoric(text, found, anchor) or timex
        if (timex is None and not looks_temporal(text)) or _AGE.fullmatch(text):
            continue  # the recogniser's "Olympic", or an age like "77": not a time at all
        found.append(_Found(span, timex or Timex(None)))
        if timex and timex.value and _REFERENCE_VALUE.fullmatch(timex.value) and not _COUNTING_BACK.search(text):
            reference = timex.value
    return _reanchor_quoted(article, found)


# "that year", "later that day", "the same month": the period of the last date the article gave;
# "later in the day", "earlier in the month": the same, or the publication's when none came before.
_ANAPHORA = re.compile(
    r"(?i)(?:(?:earlier|later)\s+(?:in\s+)?)?(?:that|the\s+same)\s+(?P<unit>year|month|day)"
    r"|(?P<within>earlier|later)\s+in\s+the\s+(?P<unit2>year|month|day)"
)
_UNIT_LENGTH = {"year": 4, "month": 7, "day": 10}
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def _last_calendar_value(found: list[_Found], length: int) -> _Found | None:
    """The last expression before this one whose value names a calendar period at least that fine."""
    for earlier in reversed(found):
        value = earlier.timex.value or ""
        if earlier.timex.type in ("DATE", "TIME") and len(value) >= length and _CALENDAR.fullmatch(value[:length]):
            return earlier
    return None


def _anaphoric(text: str, found: list[_Found], anchor: Anchor | None = None) -> Timex | None:
    m = _ANAPHORA.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    length = _UNIT_LENGTH[(m["unit"] or m["unit2"]).lower()]
    earlier = _last_calendar_value(found, length)
    if earlier is not None:
        return Timex((earlier.timex.value or "")[:length], anchored=earlier.timex.anchored)
    if m["within"] and anchor is not None and anchor.year_known:
        return Timex(anchor.day.isoformat()[:length], anchored=True)
    return None


# A clock time with no day of its own ("at 10 p.m."); in a past-tense clause it is on the day the
# narrative last named ("Slepian was shot on Oct. 23 ... at 10 p.m."), not on publication day.
_BARE_CLOCK = re.compile(r"(?i)\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|noon|midday")


def _on_the_narrative_day(timex: Timex, found: list[_Found]) -> Timex:
    earlier = _last_calendar_value(found, 10)
    if earlier is None or not timex.value or "T" not in timex.value:
        return timex
    day = (earlier.timex.value or "")[:10]
    return replace(timex, value=day + timex.value[timex.value.index("T") :], anchored=earlier.timex.anchored)


# "the following month", "the next morning": one step on from the last date the article gave
# (TimeML anchors them on the narrative's reference time, not on publication).
_FOLLOWING = re.compile(r"(?i)the\s+(?:following|next)\s+(?P<unit>year|month|day|morning|afternoon|evening|night)")


def _following(text: str, found: list[_Found]) -> Timex | None:
    m = _FOLLOWING.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    unit = m["unit"].lower()
    earlier = _last_calendar_value(found, _UNIT_LENGTH.get(unit, 10))
    if earlier is None:
        return None
    value, anchored = earlier.timex.value or "", earlier.timex.anchored
    if unit == "year":
        return Timex(str(int(value[:4]) + 1), anchored=anchored)
    if unit == "month":
        year, month = shift_months(int(value[:4]), int(value[5:7]), 1)
        return Timex(f"{year}-{month:02d}", anchored=anchored)
    day = (date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat()
    if unit == "day":
        return Timex(day, anchored=anchored)
    return Timex(f"{day}T{DAY_PARTS[unit]}", "TIME", anchored)


# "2009-2010", "1998-99", "Aug. 26 to Oct. 20": two expressions in TimeML, one span to recognisers;
# so is a period with its last day (below).
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\bthru\b)\s*")


def split_ranges(text: str, spans: list[Span]) -> list[Span]:
    """Spans holding a range of two points split into the two, each with its own value."""
    result: list[Span] = []
    for span in spans:
        result.extend(_range_parts(text, span) or [span])
    return result


# "the quarter ended Sept. 30", "the six months ending March 31": a period and its last day, two
# expressions in TimeML, one span to recognisers.
_PERIOD_ENDING = re.compile(r"\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+")
# "the fourth quarter ended yesterday": a day named relative to publication ends a period too.
_RELATIVE_DAY = re.compile(r"(?i)yesterday|today|tomorrow")


_PERIOD_OF = re.compile(r"\s+of\s+(?=(?:1[5-9]|20)\d\d\b)")

# "between 1994 and 1997", "1994, 1995 and 1997": each year its own expression in TimeML.
_YEAR = r"(?:1[5-9]|20)\d\d"
_YEAR_LIST = re.compile(rf"(?:between\s+)?{_YEAR}(?:\s*(?:,|\band\b|\bor\b|,\s*and\b)\s*{_YEAR})+(?:,?\s*and)?", re.I)


def _year_list(span: Span, piece: str) -> list[Span] | None:
    if not _YEAR_LIST.fullmatch(piece):
        return None
    return [Span(span.start + m.start(), span.start + m.end()) for m in re.finditer(_YEAR, piece)]


def _range_parts(text: str, span: Span) -> list[Span] | None:
    piece = text[span.start : span.end]
    ending = _PERIOD_ENDING.search(piece)
    if ending:
        left, right = piece[: ending.start()], piece[ending.end() :]
        if normalise(left, None) is not None and (_is_point(right, right) or _RELATIVE_DAY.fullmatch(right)):
            return [Span(span.start, span.start + ending.start()), Span(span.start + ending.end(), span.end)]
    of = _PERIOD_OF.search(piece)
    if of:  # "the first nine months of 1997": the length, and the year it lies in
        left, right = piece[: of.start()], piece[of.end() :]
        length = normalise(left, None)
        if length is not None and re.fullmatch(r"P\d+[DWM]", length.value or "") and _is_point(right, right):
            return [Span(span.start, span.start + of.start()), Span(span.start + of.end(), span.end)]
    listed = _year_list(span, piece)
    if listed:
        return listed
    years = re.fullmatch(r"((?:1[5-9]|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)", piece)
    if years:
        return [Span(span.start, span.start + years.end(1)), Span(span.start + years.start(2), span.end)]
    for m in _RANGE_SEPARATOR.finditer(piece):
        left, right = piece[: m.start()], piece[m.end() :]
        if not left or not right or not re.search(r"\d", left + right):
            continue
        if normalise(left, None) is not None and normalise(right, None) is not None and _is_point(left, right):
            return [Span(span.start, span.start + m.start()), Span(span.start + m.end(), span.end)]
    return None


def _is_point(left: str, right: str) -> bool:
    """Both sides name days, months or years: not "two to three weeks" (a duration range)."""
    points = (normalise(left, None), normalise(right, None))
    return all(p is not None and p.type in ("DATE", "TIME") and p.value not in (None, "") for p in points)


def _reanchor_quoted(article: Article, found: list[_Found]) -> list[_Found]:
    """Relative words inside a dated quotation count from the quotation's own date."""
    result = list(found)
    for quote in quotations(article):
        inside = [i for i, f in enumerate(found) if quote.contains(f.span)]
        if not inside:
            continue
        anchor = piece_anchor(article, quote, [f for f in found if not quote.contains(f.span)])
        if anchor is None:
            continue
        for i in inside:
            span = found[i].span
            timex = normalise(article.text_of(span), anchor, tense_at(article, span), None)
            if timex is not None:
                result[i] = _Found(span, timex)
    return result


@annotator("times", requires=("doc", "sentences"), adds=("times",), version="4")
def annotate_times(article: Article) -> Article:
    """Temporal expressions with TIMEX3 values against the publication date (or none, unanchored)."""
    refs = tuple(
        TimeRef(
            stable_id("time", article.id, f.span.start, f.span.end),
            f.span,
            f.timex.value,
            f.timex.type,
            f.timex.anchored,
            f.timex.mod,
        )
        for f in find_times(article)
    )
    return replace(article, times=refs)


# --- for the events annotator --------------------------------------------------------------------


def time_for_span(article: Article, span: Span) -> EventTime | None:
    """When the event stated in `span` happened: the nearest dated expression in its sentence.

    Only points in time count (DATE and TIME with a value), not durations or frequencies; an
    expression inside the span or after it wins a tie, as in "fled on August 15".
    """
    sentence = article.sentence_of(span) or span
    dated = [
        t
        for t in article.times
        if t.type in ("DATE", "TIME") and t.value and sentence.contains(t.span) and precision_of(t.value) != "unknown"
    ]
    if not dated:
        return None
    best = min(dated, key=lambda t: (_distance(t.span, span), t.span.start < span.start))
    value = best.value or ""  # every candidate has a value
    return EventTime(value, precision_of(value))


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return a.start - b.end if a.start >= b.end else b.start - a.end


__all__ = ["annotate_times", "candidate_spans", "find_times", "tense_at", "time_for_span"]
