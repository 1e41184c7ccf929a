"""Attribution: the cue, speaker, venue, medium and date stated around some quoted words."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from wirescope.annotate.quotes.marks import is_nickname, quoted_segments
from wirescope.annotate.quotes.speakers import Speakers
from wirescope.annotate.quotes.vocabulary import (
    ACCORDING_TO,
    DASH_CUES,
    MEDIA_NAME_WORDS,
    MEDIA_OUTLETS,
    MEDIUM_BY_VERB,
    MEDIUM_NOUNS,
    SPEECH_VERBS,
)
from wirescope.annotate.spans import SpanIndex
from wirescope.annotate.times.vocabulary import MONTH_NAMES
from wirescope.annotate.tokens import token_span
from wirescope.record import Article, Participant, Span

_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_MEDIUM_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(MEDIUM_NOUNS, key=len, reverse=True)) + r")s?\b", re.I
)


@dataclass(frozen=True, slots=True)
class Said:
    """How some words are attributed: cue, speaker, venue, medium, date."""

    cue: Span | None
    speaker: Participant | None
    venue: str | None = None
    medium: str | None = None
    date: str | None = None
    according_to: bool = False  # the cue is "according to X": X may only be where it was reported


# "― Sonya Herridge, a teacher from Tucson": a signature after a dash is short.
MAX_TOKENS_OF_A_SIGNATURE = 12


class Attributor:
    """Everything needed to attribute the quotes of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.doc = article.doc
        self.segments = [s for s in quoted_segments(self.text, article.paragraphs) if not is_nickname(self.text, s)]
        self.speakers = Speakers(article, [s.span for s in self.segments])
        self._mentions = SpanIndex(article.mentions)
        self._times = SpanIndex(article.times)
        self._segment_starts = [s.span.start for s in self.segments]

    # tokens

    def tokens_in(self, span: Span) -> list:
        if len(span) == 0:
            return []
        chunk = self.doc.char_span(span.start, span.end, alignment_mode="contract")
        return list(chunk) if chunk is not None else []

    def inside_quote(self, offset: int) -> bool:
        # Quoted segments are in text order and do not overlap: the one that could hold the
        # offset is the last starting at or before it.
        i = bisect_right(self._segment_starts, offset) - 1
        return i >= 0 and offset < self.segments[i].span.end

    # attribution in a frame

    def said_in(self, frame: Span, last: bool) -> tuple[Said | None, int]:
        """The attribution a frame states, and how many tokens lie between it and the quote."""
        tokens = self.tokens_in(frame)
        verbs = [i for i, t in enumerate(tokens) if is_speech_verb(t)]
        if verbs:
            i = verbs[-1] if last else verbs[0]
            verb = tokens[i]
            distance = len(tokens) - 1 - i if last else i
            return self.said_by_verb(verb, [frame]), distance
        according = according_to(tokens)
        if according is not None:
            i = tokens.index(according[0])
            return self.said_according_to(according, [frame]), (len(tokens) - 1 - i if last else i)
        if last and self.text[frame.start : frame.end].rstrip().endswith(":"):
            return self._said_by_colon(frame), 0
        if not last and self.text[frame.start : frame.end].lstrip().startswith(DASH_CUES):
            return self._said_by_dash(frame), 0
        return None, 0

    def said_by_verb(self, verb, frames: list[Span]) -> Said:
        speaker = self.speakers.of_verb(verb)
        said = Said(cue_span(verb), speaker, medium=MEDIUM_BY_VERB.get(verb.lemma_.lower()))
        return self.with_setting(said, frames)

    def said_according_to(self, according, frames: list[Span]) -> Said:
        first, source = according
        cue = Span(first.idx, first.nbor(1).idx + len(first.nbor(1).text))
        speaker = self.speakers.of_phrase(source) if source is not None else None
        return self.with_setting(Said(cue, speaker, according_to=True), frames)

    def _said_by_colon(self, frame: Span) -> Said | None:
        """ "Massoud: “...”" in headlines and lists: the name right before the colon speaks."""
        tokens = self.tokens_in(frame)
        colon = next((t for t in reversed(tokens) if t.text == ":"), None)
        if colon is None or colon.i == 0:
            return None
        mention = self.speakers.mention_at(colon.nbor(-1).idx)
        if mention is None or mention.label not in ("PERSON", "ORG"):
            return None
        return Said(token_span(colon), self.speakers.of_phrase(colon.nbor(-1)))

    def _said_by_dash(self, frame: Span) -> Said | None:
        """ "“...” ― Sonya Herridge": the name after the dash is the author."""
        text = self.text_of(frame)
        dash_at = frame.start + len(text) - len(text.lstrip())
        dash = next(d for d in DASH_CUES if self.text.startswith(d, dash_at))
        rest = Span(dash_at + len(dash), frame.end)
        tokens = self.tokens_in(rest)
        names = [t for t in tokens if t.pos_ == "PROPN" or self.speakers.mention_at(t.idx)]
        if not names or len(tokens) > MAX_TOKENS_OF_A_SIGNATURE:
            return None  # a dash opening a longer clause is an aside, not a signature
        named = self.speakers.of_phrase(names[0])
        end = names[-1].idx + len(names[-1].text)
        span = Span(names[0].idx, end)
        speaker = Participant(
            named.name if named and named.actor_id else self.text_of(span), named.actor_id if named else None, span
        )
        return Said(Span(dash_at, dash_at + len(dash)), speaker)

    def with_setting(self, said: Said, frames: list[Span]) -> Said:
        """Add the venue, medium and date the frames name around the cue."""
        speaker_span = said.speaker.span if said.speaker else None
        venue = next((v for f in frames if (v := self.venue_in(f, speaker_span))), None)
        medium = said.medium or next((m for f in frames if (m := medium_in(self.text_of(f)))), None)
        date = next((d for f in frames if (d := self.date_in(f))), None)
        return replace(said, venue=venue, medium=medium, date=date)

    def text_of(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def venue_in(self, frame: Span, speaker: Span | None) -> str | None:
        for m in self._mentions.within(frame):
            if m.label == "ORG" and not (speaker and speaker.overlaps(m.span)):
                name = self.text_of(m.span)
                if is_media_outlet(name):
                    actor = self.article.actor(m.actor_id)
                    return actor.name if actor else name  # the canonical name, "The Washington Post"
        return None

    def date_in(self, frame: Span) -> str | None:
        for t in self._times.within(frame):
            if t.value and t.type == "DATE":
                return t.value
        m = _MONTH_DAY.search(self.text, frame.start, frame.end)
        if m is None:
            return None
        year = m.group(3) or (str(self.article.published.year) if self.article.published else "XXXX")
        return f"{year}-{MONTH_NAMES.index(m.group(1).lower()) + 1:02d}-{int(m.group(2)):02d}"


def cue_span(verb) -> Span:
    """The verb with its auxiliaries ("has said") and a colon right after it ("continued:")."""
    start = verb.idx
    auxiliaries = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    i = verb.i
    for child in sorted(auxiliaries, key=lambda t: -t.i):
        if child.i != i - 1:
            break
        start, i = child.idx, child.i
    end = verb.idx + len(verb.text)
    if verb.i + 1 < len(verb.doc) and verb.nbor(1).text == ":" and verb.nbor(1).idx == end:
        end += 1
    return Span(start, end)


def is_speech_verb(token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS and (token.pos_ == "VERB" or token.tag_.startswith("VB"))


def is_media_outlet(name: str) -> bool:
    lower = re.sub(r"^the\s+", "", name.lower()).strip()
    words = lower.split()
    return (
        lower in MEDIA_OUTLETS or f"the {lower}" in MEDIA_OUTLETS or (len(words) > 1 and words[-1] in MEDIA_NAME_WORDS)
    )


def medium_in(text: str) -> str | None:
    m = _MEDIUM_WORDS.search(text)
    return MEDIUM_NOUNS[m.group(1).lower()] if m else None


def according_to(tokens: list):
    """("according" token, head of the source phrase) when the tokens say "according to X"."""
    for t in tokens:
        if t.lower_ == ACCORDING_TO[0] and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == ACCORDING_TO[1]:
            source = next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
            return t, source
    return None
