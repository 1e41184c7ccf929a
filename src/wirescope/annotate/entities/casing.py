"""Upper-case reports parsed in their usual case: "HECTOR OQUELI WAS KIDNAPPED" -> "Hector Oqueli was
kidnapped", for the parser's eyes only.

Wire bulletins, radio transcripts and telex copies (MUC-4's FBIS reports among them) come in
capitals; spaCy's tagger, parser and NER learnt from mixed case and read such text badly (a
"DISAPPEARANCE" tagged GPE, a name parsed as a verb). When most of a report's letters are
capitals, the parse is run on a copy in the words' usual case. The copy has the same length
character for character, so every span into it is a span into the article's own text, which is
never changed: the record still quotes the report as it was written.

Each word's usual case comes from a table of the words that news text writes with a capital or
in capitals mid-sentence (`casing.json.gz`, built by `wirescope train casing` from mixed-case
news: see docs/models.md); a word not in it is written in lower case when it is an English word
(wordfreq), kept in capitals when it is short and no word (an acronym: "FMLN"), and capitalised
otherwise (a rare name: "Oqueli"). A sentence's first word is capitalised. No library found
offers an offline truecaser for English: spaCy, NLTK and wordfreq have none.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

CASING_TABLE = Path(__file__).with_name("casing.json.gz")
# A report is "in capitals" when this share of its cased letters are capitals (a mixed-case article
# with an upper-case headline, dateline and agency names stays well under it).
UPPER_SHARE = 0.8
MIN_LETTERS = 40
# A table in capitals (sports standings: team names between columns of figures) is no report: the
# trained NER learnt such tables in capitals from CoNLL-2003 and tags them worse in usual case
# (CoNLL++ test F1 0.842 -> 0.831 over its 5 such tables, 0.31-0.44 digits a letter). MUC-4's
# reports in capitals have at most 0.14 (median 0.008).
MAX_DIGITS_PER_LETTER = 0.2
# wordfreq's Zipf scale: 3 is about once per million words.
ENGLISH_WORD_ZIPF = 2.5
ACRONYM_MAX_LENGTH = 5

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Where a sentence starts: the text's start, a line break, or after . ! ? and spaces or quotes.
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"”’')\]]*\s+|--\s+|[\"“]\s*)$")


def in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) < MIN_LETTERS or sum(c.isdigit() for c in text) > MAX_DIGITS_PER_LETTER * len(letters):
        return False
    return sum(c.isupper() for c in letters) >= UPPER_SHARE * len(letters)


def text_for_parse(text: str) -> str:
    """The text the parser should read: the text itself, or its usual-case copy if it is in capitals."""
    return usual_case(text) if in_capitals(text) else text


def usual_case(text: str) -> str:
    """The text with each word in its usual case, character for character as long as the text."""
    table = casing_table()
    pieces: list[str] = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group()
        cased = _usual_form(word, table)
        if _starts_sentence(text, m.start()):
            cased = cased[:1].upper() + cased[1:]
        pieces += [text[last : m.start()], cased if len(cased) == len(word) else word]
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _starts_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 6) : start])) or start == 0


def _usual_form(word: str, table: dict[str, str]) -> str:
    key = word.lower()
    if key in table:
        return table[key]
    bare = key.rstrip("'’s") if key.endswith(("'s", "’s")) else key
    if bare != key and bare in table:
        return table[bare] + key[len(bare) :]
    if zipf_frequency(bare, "en") >= ENGLISH_WORD_ZIPF:
        return key
    if len(word) <= ACRONYM_MAX_LENGTH:
        return word.upper()  # "FMLN", "MNR": short and no word
    return key.capitalize()


@cache
def casing_table() -> dict[str, str]:
    if not CASING_TABLE.exists():
        return {}
    with gzip.open(CASING_TABLE, "rt", encoding="utf-8") as stream:
        return json.load(stream)["forms"]


# --- building the table ---------------------------------------------------------------------------

MIN_COUNT = 2
# A word of a person's name that is also a common word ("Young", "Bush", "Rice") stays lower case.
NAME_WORD_MAX_ZIPF = 4.0


def count_forms(texts: Iterable[str]) -> dict[str, Counter]:
    """For each word (lower case), how often each spelling occurs where a sentence does not start."""
    forms: dict[str, Counter] = {}
    for text in texts:
        for line in text.splitlines():
            if _title_case(line):
                continue  # a headline capitalises every word
            for m in _WORD.finditer(line):
                if _starts_sentence(line, m.start()):
                    continue  # a capital there says nothing of the word
                word = m.group()
                forms.setdefault(word.lower(), Counter())[word] += 1
    return forms


def _title_case(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def casing_forms(forms: dict[str, Counter], names: Iterable[str] = ()) -> dict[str, str]:
    """The words news writes with capitals more often than not, each with its most frequent
    spelling; and the words of person names (the actor dictionary's) that the news did not show
    in lower case and that are not common words ("Alfredo", "Gilda": given names wordfreq knows
    as words, but not "Young")."""
    table = {}
    for name in names:
        for word in _WORD.findall(name):
            key = word.lower()
            seen_lower = forms.get(key, Counter()).get(key, 0)
            if (
                len(word) > 1
                and word[0].isupper()
                and not seen_lower
                and zipf_frequency(key, "en") < NAME_WORD_MAX_ZIPF
            ):
                table[key] = word if not word.isupper() else word.capitalize()
    for key, counts in forms.items():
        total = sum(counts.values())
        lower = counts.get(key, 0)
        if total < MIN_COUNT or lower * 2 >= total:
            continue
        spelling, _ = max(((w, n) for w, n in counts.items() if w != key), key=lambda p: (p[1], p[0]))
        if not spelling.isupper() or len(spelling) <= ACRONYM_MAX_LENGTH:
            table[key] = spelling
        else:
            table[key] = spelling.capitalize()  # a long word in capitals is a headline's, not its usual case
    return table


def write_table(table: dict[str, str], sources: list[str], out: Path = CASING_TABLE) -> Path:
    document = {"sources": sources, "forms": dict(sorted(table.items()))}
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(data, mtime=0))  # no time stamp: the same input, the same file
    casing_table.cache_clear()
    return out
