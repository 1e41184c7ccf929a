"""Repairs of damaged text: mojibake, and words glued together where a dash was lost.

A repair is found as an Edit on one paragraph; `apply_edits` applies them and returns where
each replacement now stands, so every change is kept with its offsets, before and after.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import ftfy
from wordfreq import zipf_frequency

from wirescope.clean.vocabulary import NUMBER_SUFFIXES

DASH = "\u2014"
MOJIBAKE = "mojibake (ftfy)"
GLUED = "words run together where a dash or space was lost"
# A document that sets em-dashes closed up elsewhere ("security—we") most likely lost one.
_CLOSED_DASH = re.compile(r"\w\u2014\w")
# Handles, hashtags and web addresses are run together on purpose: "@JoeNBC", "#SuperTuesday", "RootsAction.org".
_DASH_REMNANTS = frozenset("lI|")
_HANDLE_BEFORE = re.compile(r"[@#/.]$")
_DOMAIN_AFTER = re.compile(r"^\.[a-z]{2,}")

_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")
_DIGITS_THEN_WORD = re.compile(r"(\d+)([a-z]{3,})")
_ACRONYM_THEN_WORD = re.compile(r"([A-Z]{2,})([a-z]{2,})")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] of one paragraph with `replacement`."""

    start: int
    end: int
    replacement: str
    reason: str


@dataclass(frozen=True, slots=True)
class Applied:
    """An edit after it was applied: where `after` stands in the new text."""

    start: int
    end: int
    before: str
    after: str
    reason: str


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Applied]]:
    """Apply non-overlapping edits; return the new text and each edit's place in it."""
    out, applied, cursor, shift = [], [], 0, 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < cursor:
            continue  # overlaps an earlier edit: keep the first
        out.append(text[cursor : e.start])
        new_start = e.start + shift
        out.append(e.replacement)
        applied.append(
            Applied(new_start, new_start + len(e.replacement), text[e.start : e.end], e.replacement, e.reason)
        )
        shift += len(e.replacement) - (e.end - e.start)
        cursor = e.end
    out.append(text[cursor:])
    return "".join(out), applied


def mojibake_edits(text: str) -> list[Edit]:
    """What ftfy changes, as minimal edits. Curly quotes are kept: quote extraction needs them."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False)
    if fixed == text:
        return []
    ops = SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes()
    return [Edit(i1, i2, fixed[j1:j2], MOJIBAKE) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


class DocumentVocabulary:
    """The words of one document, to judge whether a piece of a glued token is a real word.

    A piece counts as a word when the document itself uses it standing alone (names the
    general lexicon lacks: "NRF", "Mujahid") or when English uses it (wordfreq's Zipf scale).
    """

    def __init__(self, text: str) -> None:
        self.source = text
        self.counts = Counter(_strip_possessive(t) for t in _TOKEN.findall(text))

    def in_document(self, word: str) -> bool:
        return self.counts[_strip_possessive(word)] > 0

    def is_word(self, word: str, min_zipf: float = 2.5) -> bool:
        base = _strip_possessive(word)
        return self.in_document(base) or _zipf(base) >= min_zipf

    def is_unknown_token(self, token: str) -> bool:
        """Seen once in the document and never in English: a candidate for a glued pair."""
        return self.counts[_strip_possessive(token)] <= 1 and _zipf(_strip_possessive(token)) == 0


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def glued_word_edits(text: str, vocabulary: DocumentVocabulary) -> list[Edit]:
    """Find tokens that are two known words run together where a dash was lost.

    Three shapes, each needing both halves to be words: a lower-case letter followed by a
    capital ("SalehlAfghanistan's"), digits followed by a word ("15make"), and an acronym
    followed by a lower-case word ("NRFif"). Tokens English or the document already use are
    left alone, so "McDonald", "iPhone" or "10am" are never split, and so are handles, hashtags
    and web addresses. What was lost cannot be seen: the document's own habit decides between
    an em-dash and a space. Measured on 840 PolNeAR articles (docs/benchmarks.md), what remains
    wrong is mostly brand names whose second half the article also uses alone.
    """
    edits = []
    joiner = DASH if _CLOSED_DASH.search(vocabulary.source) else " "
    for m in _TOKEN.finditer(text):
        token = m.group()
        if len(token) < 5 or not vocabulary.is_unknown_token(token) or _is_handle_or_address(text, m.start(), m.end()):
            continue
        split = _split_glued(token, vocabulary)
        if split:
            left, right = split
            edits.append(Edit(m.start(), m.end(), f"{left}{joiner}{right}", GLUED))
    return edits


def _is_handle_or_address(text: str, start: int, end: int) -> bool:
    return bool(_HANDLE_BEFORE.search(text[max(0, start - 1) : start]) or _DOMAIN_AFTER.match(text[end : end + 8]))


def _split_glued(token: str, vocabulary: DocumentVocabulary) -> tuple[str, str] | None:
    return _split_case_change(token, vocabulary) or _split_number(token) or _split_acronym(token, vocabulary)


def _split_case_change(token: str, vocabulary: DocumentVocabulary) -> tuple[str, str] | None:
    for i in range(2, len(token) - 1):
        if not (token[i - 1].islower() and token[i].isupper()):
            continue
        left, right = token[:i], token[i:]
        # The right half must stand alone elsewhere in the document: brand names run two common
        # words together ("ShoreBank", "LionTree") whose halves the document never uses alone.
        if not vocabulary.in_document(right):
            continue
        if vocabulary.is_word(left):
            return left, right
        # A dash misread as a vertical stroke leaves "l", "I" or "|" behind ("Salehl"): drop it
        # when the word without it is known. Other letters are part of the name ("Bendery").
        if len(left) > 3 and left[-1] in _DASH_REMNANTS and vocabulary.is_word(left[:-1]):
            return left[:-1], right
    return None


def _split_number(token: str) -> tuple[str, str] | None:
    m = _DIGITS_THEN_WORD.fullmatch(token)
    if m and m.group(2) not in NUMBER_SUFFIXES and _zipf(m.group(2)) >= 3.0:
        return m.group(1), m.group(2)
    return None


def _split_acronym(token: str, vocabulary: DocumentVocabulary) -> tuple[str, str] | None:
    m = _ACRONYM_THEN_WORD.fullmatch(token)
    if m and vocabulary.in_document(m.group(1)) and m.group(2) not in ("es",) and _zipf(m.group(2)) >= 3.5:
        return m.group(1), m.group(2)
    return None


def repair_paragraph(text: str, vocabulary: DocumentVocabulary) -> tuple[str, list[Applied]]:
    """Fix mojibake first (it can hide the words), then glued words."""
    text, first = apply_edits(text, mojibake_edits(text))
    glue = glued_word_edits(text, vocabulary)
    text, second = apply_edits(text, glue)

    def shift_before(pos: int) -> int:
        return sum(len(e.replacement) - (e.end - e.start) for e in glue if e.end <= pos)

    moved = [
        Applied(a.start + shift_before(a.start), a.end + shift_before(a.start), a.before, a.after, a.reason)
        for a in first
    ]
    return text, moved + second
