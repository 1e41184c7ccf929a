"""Cleaning one temporal expression before the rules read it: case, spacing, hedges ("nearly two
months" -> two months), possessives, and years spoken as words ("nineteen ninety-six" -> 1996).
"""

from __future__ import annotations

import re

from wirescope.annotate.times.values import number_of
from wirescope.annotate.times.vocabulary import HEDGES, NUMBER_WORDS


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def clean_expression(text: str) -> str:
    """Lower case, one space between words, typographic apostrophes plain, no edge punctuation."""
    text = " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'").split())
    text = text.strip(' ,;:.!?"()[]').replace("–", "-").replace("—", "-")
    text = re.sub(r"'s$", "", text)  # "last month's"
    text = _HEDGE.sub("", text)
    return _SPOKEN_YEAR.sub(_spoken_year, text)


_HEDGE = re.compile(rf"^(?:{_alternation(HEDGES)})\s+")
_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# Years read out as words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand".
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<c>eighteen|nineteen|twenty)[- ](?P<r>(?:{_TENS})(?:[- ](?:{_UNITS_WORDS}))?|hundred)\b"
    rf"|\btwo thousand(?:(?: and)? (?P<u>{_TENS}|{_UNITS_WORDS}))?\b"
)


def _spoken_year(m: re.Match) -> str:
    if m["c"]:
        rest = 0 if m["r"] == "hundred" else number_of(m["r"]) or 0
        return str(NUMBER_WORDS[m["c"]] * 100 + rest)
    return str(2000 + (number_of(m["u"]) or 0 if m["u"] else 0))
