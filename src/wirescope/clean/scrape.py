"""Cleaning plain-text scrapes: tell page chrome from the article, line by line.

trafilatura returns nothing for plain text, so scrapes need their own cleaner. The method reads
each line's shape and wording, never a list of one site's sentences:

1. The first line, when shaped like a headline, is the title.
2. A line is chrome when it is short and is a photo credit, a byline or date line, a call to
   action, widget or error text (vocabulary.py), or repeats elsewhere in the document
   (widgets and credits are often saved twice).
3. A line standing alone between paragraphs and shaped like a headline (title case, no closing
   punctuation) is a related-story link or subhead, not body text.
4. What is left forms the body; a line ending mid-sentence continues into the next line.

It errs towards keeping text: a body line is removed only when it is short, so a long paragraph
that mentions a newsletter stays. Every removed line is kept with its offsets and reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from wirescope.clean.dates import parse_date
from wirescope.clean.vocabulary import (
    BYLINE_PATTERNS,
    CHROME_PHRASES,
    CREDIT_PATTERNS,
    HEADLINE_SMALL_WORDS,
    LIST_HEADINGS,
    PUBLISHER_PATTERNS,
    compile_all,
)

MAX_CHROME_WORDS = 30  # a line longer than this is never removed as chrome
MAX_HEADLINE_WORDS = 25
_CHROME = compile_all(CHROME_PHRASES)
_CREDITS = compile_all(CREDIT_PATTERNS)
_BYLINES = compile_all(BYLINE_PATTERNS, flags=0)
_PUBLISHERS = compile_all(PUBLISHER_PATTERNS)
_LIST_HEADINGS = compile_all(LIST_HEADINGS)
_BULLET = re.compile(r"^[•·▪◦‣*–-]\s+")
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_CONTINUES = re.compile(r"[.!?…]['\"’”)\]]*$")
_WORD = re.compile(r"[^\W_][\w’'.-]*")

TITLE = "title"
CREDIT = "photo credit"
BYLINE = "byline or date line"
CHROME = "page chrome (widget, sharing, subscription or error text)"
REPEATED = "line repeated in the page (chrome)"
HEADLINE = "headline inside the body (related story or subhead)"
FRAGMENT = "short fragment between paragraphs (navigation or widget)"
LINK_LIST = "list of links (related stories or navigation)"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the input: its stripped text and where that stands."""

    start: int
    end: int
    text: str
    block: int  # lines in the same block are not separated by a blank line

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True, slots=True)
class ScrapeParts:
    title: Line | None
    paragraphs: list[list[Line]]  # each a run of lines forming one paragraph
    removed: list[tuple[Line, str]]  # every other line, with its reason


def split_lines(text: str) -> list[Line]:
    lines, block, offset = [], 0, 0
    for raw in text.splitlines(keepends=True):
        content = raw.strip()
        if not content:
            block += 1
        else:
            lead = len(raw) - len(raw.lstrip())
            clean = _BULLET.sub("", content)
            start = offset + lead + (len(content) - len(clean))
            lines.append(Line(start, start + len(clean), clean, block))
        offset += len(raw)
    return lines


def looks_like_headline(text: str) -> bool:
    """Title case, a handful of words, no closing punctuation: a headline, not a sentence."""
    words = _WORD.findall(text.strip("‘’“”\"'"))
    if not 3 <= len(words) <= MAX_HEADLINE_WORDS or _SENTENCE_END.search(text):
        return False
    content = [w for w in words[1:] if w.lower() not in HEADLINE_SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return bool(content) and capitalised / len(content) >= 0.75


def chrome_reason(line: Line, repeats: Counter[str]) -> str | None:
    """Why a line is page chrome, or None when it may be article text."""
    if line.words > MAX_CHROME_WORDS:
        return None
    text = line.text
    if line.words <= 15 and any(p.search(text) for p in _CREDITS):
        return CREDIT
    if line.words <= 20 and any(p.search(text) for p in _BYLINES):
        return BYLINE
    if line.words <= 10 and parse_date(text):
        return BYLINE  # a date line on its own: "Sun 5 Sep 2021 18.20 BST"
    if any(p.search(text) for p in _CHROME):
        return CHROME
    if line.words <= 20 and repeats[_key(text)] > 1:
        return REPEATED
    return None


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _block_sizes(lines: list[Line]) -> Counter[int]:
    """How many lines each block has, counted once (counting per line was quadratic)."""
    return Counter(line.block for line in lines)


def split_scrape(text: str) -> ScrapeParts:
    lines = split_lines(text)
    repeats = Counter(_key(line.text) for line in lines)
    title = lines[0] if lines and looks_like_headline(lines[0].text) else None
    link_lists = _link_list_blocks(lines)
    block_sizes = _block_sizes(lines)
    removed: list[tuple[Line, str]] = []
    body: list[Line] = []
    for line in lines:
        if line is title:
            continue
        reason = chrome_reason(line, repeats) or _body_shape_reason(line, block_sizes[line.block] == 1)
        if reason is None and line.block in link_lists:
            reason = LINK_LIST
        if reason:
            removed.append((line, reason))
        else:
            body.append(line)
    return ScrapeParts(title, _paragraphs(body), removed)


def _link_list_blocks(lines: list[Line]) -> set[int]:
    """Blocks that are lists of links: under a list heading, or several short lines with no sentence."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    found = set()
    for block, members in blocks.items():
        headed = any(p.search(members[0].text) for p in _LIST_HEADINGS)
        unfinished = len(members) >= 2 and all(m.words <= 15 and not _SENTENCE_END.search(m.text) for m in members)
        if headed or unfinished:
            found.add(block)
    return found


def _body_shape_reason(line: Line, stands_alone: bool) -> str | None:
    if stands_alone and looks_like_headline(line.text):
        return HEADLINE
    if line.words <= 3 and not _SENTENCE_END.search(line.text):
        return FRAGMENT
    return None


def _paragraphs(body: list[Line]) -> list[list[Line]]:
    """Group body lines: a new block starts a paragraph, and so does a line after a finished sentence."""
    paragraphs: list[list[Line]] = []
    for line in body:
        prev = paragraphs[-1][-1] if paragraphs else None
        if prev is not None and prev.block == line.block and not _CONTINUES.search(prev.text):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def publisher_from(removed: list[tuple[Line, str]]) -> str | None:
    """A publisher named by the page's own chrome: "Read more at X.", "© 2021 X"."""
    for line, _ in reversed(removed):
        for pattern in _PUBLISHERS:
            m = pattern.search(line.text)
            if m:
                return m.group("publisher").strip()
    return None
