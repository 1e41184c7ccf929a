"""Quotation marks: the quoted stretches of each paragraph and the sentence pieces around them.

Text only, no parse: a stack matches opening and closing marks, so a quotation inside a
quotation stays inside it, and a straight mark closes the straight mark that opened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirescope.annotate.quotes.vocabulary import (
    ABBREVIATIONS,
    CLOSING_MARKS,
    DOUBLED_APOSTROPHE,
    OPENING_MARKS,
    STRAIGHT_MARK,
    TITLE_CASE_FUNCTION_WORDS,
)
from wirescope.record import Span

_WORD_BEFORE = re.compile(r"([\w.]+)$")
_TRAILING = ",;:—–- \n\t"


@dataclass(frozen=True, slots=True)
class Segment:
    """Text between quotation marks within one paragraph; `span` excludes the marks."""

    span: Span
    opened: int  # offset of the opening mark
    closed: int | None  # offset just after the closing mark; None when the paragraph ends inside the quote
    paragraph: int


def quoted_segments(text: str, paragraphs: tuple[Span, ...]) -> list[Segment]:
    """Every outermost quotation in every paragraph, in text order."""
    found: list[Segment] = []
    for n, paragraph in enumerate(paragraphs):
        found += _segments_in(text, paragraph, n)
    return found


def _segments_in(text: str, paragraph: Span, n: int) -> list[Segment]:
    """Match marks with a stack so a quotation inside a quotation stays inside it.

    A quotation still open at the paragraph's end runs to the end: news style opens each
    paragraph of a long quotation and closes only the last one.
    """
    stack: list[str] = []
    content_start = paragraph.start
    opened = paragraph.start
    found = []
    for at, width, mark in _marks(text, paragraph):
        if stack and (
            mark in CLOSING_MARKS or (mark == STRAIGHT_MARK and (stack[-1] == mark or _looks_closing(text, at, width)))
        ):
            # Any closing mark closes the open quotation: typists mix straight and curly marks.
            stack.pop()
            if not stack:
                found.append(_segment(text, opened, content_start, at, at + width, n))
        elif mark in OPENING_MARKS or mark == STRAIGHT_MARK or (not stack and _looks_opening(text, at, width)):
            # The last case: a closing mark typed where an opening one belongs (”Fear. I am ...).
            if not stack:
                opened, content_start = at, at + width
            stack.append(mark)
    if stack:
        found.append(_segment(text, opened, content_start, paragraph.end, None, n))
    return [s for s in found if len(s.span)]


def _looks_opening(text: str, at: int, width: int) -> bool:
    """A mark at a paragraph's start or after a space, before a letter, opens a quotation."""
    before = text[at - 1 : at]
    after = text[at + width : at + width + 1]
    return (not before or before.isspace()) and after.isalpha()


def _looks_closing(text: str, at: int, width: int) -> bool:
    """A straight mark after a word and before a space or punctuation closes a quotation."""
    before = text[at - 1 : at]
    after = text[at + width : at + width + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace() or after in ",.;:!?)—")


def _marks(text: str, paragraph: Span):
    """(offset, width, mark) of each double quotation mark; '' counts as one straight mark."""
    i = paragraph.start
    while i < paragraph.end:
        if text.startswith(DOUBLED_APOSTROPHE, i):
            yield i, 2, STRAIGHT_MARK
            i += 2
            continue
        if text[i] in OPENING_MARKS or text[i] in CLOSING_MARKS or text[i] == STRAIGHT_MARK:
            yield i, 1, text[i]
        i += 1


def _segment(text: str, opened: int, start: int, end: int, closed: int | None, n: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Segment(Span(start, end), opened, closed, n)


# -- sentence pieces around quotations ---------------------------------------------------


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-ending mark in [start, end), skipping abbreviations."""
    ends = []
    for i in range(start, end):
        if text[i] not in ".!?":
            continue
        after = text[i + 1 : i + 2]
        if after and not after.isspace():
            continue
        word = _WORD_BEFORE.search(text, max(start, i - 12), i)
        if text[i] == "." and word and _is_abbreviation(word.group(1)):
            continue
        ends.append(i + 1)
    return ends


def _is_abbreviation(word: str) -> bool:
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word


def frames(text: str, paragraphs: tuple[Span, ...], segments: list[Segment]) -> list[tuple[Span, Span]]:
    """For each segment, the text of its sentence before the opening mark and after the closing one."""
    out = []
    for i, seg in enumerate(segments):
        paragraph = paragraphs[seg.paragraph]
        prev = segments[i - 1] if i and segments[i - 1].paragraph == seg.paragraph else None
        nxt = segments[i + 1] if i + 1 < len(segments) and segments[i + 1].paragraph == seg.paragraph else None
        lo = prev.closed if prev and prev.closed is not None else paragraph.start
        ends = sentence_ends(text, lo, seg.opened)
        before = Span(ends[-1] if ends else lo, seg.opened)
        if seg.closed is None:
            after = Span(paragraph.end, paragraph.end)
        else:
            hi = nxt.opened if nxt else paragraph.end
            ends = sentence_ends(text, seg.closed, hi)
            after = Span(seg.closed, ends[0] if ends else hi)
        out.append((before, after))
    return out


def looks_like_name(words: str) -> bool:
    """Title-case words with no sentence punctuation: an epithet, a title, a slogan's name."""
    parts = words.replace("—", " ").split()
    # A full stop at the end is allowed ("“Peace Through Strength.”"); one inside makes sentences.
    if not parts or len(parts) > 8 or any(ch in words.rstrip(".") for ch in ".?!;"):
        return False
    return all(p[0].isupper() or not p[0].isalpha() or p.lower() in TITLE_CASE_FUNCTION_WORDS for p in parts)


_QUOTE_MARKS = "“”„«»\"‘’'"
_LEADING_WORDS = re.compile(r"^(?:that|,|;|:|—|–)\s*", re.I)


def trim_content(text: str, span: Span) -> Span | None:
    """Reported words without the complementiser "that", edge punctuation or white space.

    A closing quotation mark is kept when the opening one is inside (a partial quote that ends
    the clause), so the content stays balanced.
    """
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while (lead := _LEADING_WORDS.match(text[start:end])) and lead.end():
        start += lead.end()
    while end > start and (text[end - 1] in _TRAILING + ".!?" or _stray_closing(text, start, end)):
        end -= 1
    return Span(start, end) if end > start else None


def _stray_closing(text: str, start: int, end: int) -> bool:
    last = text[end - 1]
    if last not in _QUOTE_MARKS:
        return False
    inside = text[start : end - 1]
    return not any(mark in inside for mark in OPENING_MARKS | {STRAIGHT_MARK})


_WORD_AFTER = re.compile(r"\s*(\w)")


def is_nickname(text: str, segment: Segment) -> bool:
    """A nickname inside a name (Marcia “Cia” Price): capitalised words right on both sides."""
    if segment.closed is None or len(text[segment.span.start : segment.span.end].split()) > 3:
        return False
    words_before = text[max(0, segment.opened - 30) : segment.opened]
    last_word = words_before.split()[-1:] or [""]
    after = _WORD_AFTER.match(text, segment.closed)
    if after is None:
        return False
    return words_before.endswith(" ") and last_word[0][:1].isupper() and after.group(1).isupper()
