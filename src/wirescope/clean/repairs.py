"""Repairs of damaged text: mojibake, and words glued together where a dash was lost.

A repair is found as an Edit on one paragraph; `apply_edits` applies them and returns where
each replacement now stands, so every change is kept with its offsets, before and after.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
# Mojibake never contains an ASCII space, tab or line break (every byte of a UTF-8 multi-byte
# character is >= 0x80), so ftfy can be run on short windows of words cut at ASCII white space:
# each diff is then over a few hundred characters, and the whole repair is linear in the text.
# A run of over 256 characters with no space (no word is that long) is cut where it reaches 256,
# which could split one mojibake sequence there: a loss accepted for a bounded cost.
_WINDOW = re.compile(r"[^ \t\r\n]{1,256}(?:[ \t]+[^ \t\r\n]{1,256}){0,7}")
# No two English words run together are longer than this; longer tokens are not split (and an
# unbroken 10 MB "token" would otherwise cost its length squared).
MAX_GLUED_TOKEN = 40


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
    """What ftfy changes, as minimal edits. Curly quotes are kept: quote extraction needs them.

    Only windows with something ftfy could change (a non-ASCII character, an HTML entity or a
    control character) are fixed and diffed, each on its own, so the cost is linear in the text.
    What this gives up: ftfy's judgement over a whole line, which only matters for mojibake
    broken across white space, and that no byte sequence of UTF-8 produces.
    """
    edits = []
    for m in _WINDOW.finditer(text):
        window = m.group()
        if window.isascii() and "&" not in window and window.isprintable():
            continue
        edits += _window_edits(window, m.start())
    return edits


def _window_edits(window: str, offset: int) -> list[Edit]:
    fixed = ftfy.fix_text(window, uncurl_quotes=False)
    if fixed == window:
        return []
    # Diff only what lies between the common prefix and suffix: usually a few characters.
    head = _common_prefix(window, fixed)
    tail = _common_prefix(window[head:][::-1], fixed[head:][::-1])
    old, new = window[head : len(window) - tail], fixed[head : len(fixed) - tail]
    ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    start = offset + head
    return [Edit(start + i1, start + i2, new[j1:j2], MOJIBAKE) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class DocumentVocabulary:
    """The words of one document, to judge whether a piece of a glued token is a real word.

    A piece counts as a word when the document itself uses it standing alone (names the
    general lexicon lacks: "NRF", "Mujahid") or when English uses it (wordfreq's Zipf scale).
    """

    def __init__(self, text: str) -> None:
        self.source = text
        self.counts = Counter(_strip_possessive(t) for t in _TOKEN.findall(text))
        # Read once for the whole document, not once per paragraph (that was quadratic).
        self.joiner = DASH if _CLOSED_DASH.search(text) else " "

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
    joiner = vocabulary.joiner
    for m in _TOKEN.finditer(text):
        token = m.group()
        if not 5 <= len(token) <= MAX_GLUED_TOKEN or not vocabulary.is_unknown_token(token):
            continue
        if _is_handle_or_address(text, m.start(), m.end()):
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
    glue = sorted(glued_word_edits(text, vocabulary), key=lambda e: e.start)
    text, second = apply_edits(text, glue)
    # Where each earlier repair moved to: the summed length change of the glue edits before it,
    # looked up by bisection (a sum over every edit for every repair was quadratic).
    ends, shifts, total = [], [], 0
    for e in glue:
        total += len(e.replacement) - (e.end - e.start)
        ends.append(e.end)
        shifts.append(total)

    def shift_before(pos: int) -> int:
        i = bisect_right(ends, pos)
        return shifts[i - 1] if i else 0

    moved = [
        Applied(a.start + shift_before(a.start), a.end + shift_before(a.start), a.before, a.after, a.reason)
        for a in first
    ]
    return text, moved + second
