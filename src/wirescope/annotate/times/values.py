"""TIMEX3 values: the anchor relative expressions count from, and the arithmetic that writes a
day, a week, a duration or a year-less date as a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wirescope.annotate.times.vocabulary import NUMBER_WORDS, UNIT_MULTIPLIER, UNITS, VAGUE_QUANTITIES
from wirescope.record import TimePrecision

# "near": a cue says the nearest reading either way ("through Oct. 19"); None: no verb says.
Tense = Literal["past", "future", "near"] | None
# Arithmetic on a day whose year is unknown is done in a non-leap placeholder year.
PLACEHOLDER_YEAR = 2001


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day relative expressions count from; `year_known` is False for "XXXX-08-18"."""

    day: date
    year_known: bool = True

    @classmethod
    def from_value(cls, value: str | None) -> Anchor | None:
        """An anchor from a day-precision TIMEX3 value ("2021-08-18" or "XXXX-08-18")."""
        m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", value or "")
        if not m:
            return None
        year_known = m.group(1) != "XXXX"
        try:
            return cls(
                date(int(m.group(1)) if year_known else PLACEHOLDER_YEAR, int(m.group(2)), int(m.group(3))), year_known
            )
        except ValueError:
            return None


# How a decade is written. TimeML 1.2.1 and TimeBank write its first three digits ("the 1980s" is
# "198"); the TIDES convention, which AQUAINT and the seed gold follow, writes "198X". The seed
# gold is the contract every change must pass, so "198X" it is; "" here gives TimeBank's form.
DECADE_SUFFIX = "X"


@dataclass(frozen=True, slots=True)
class Timex:
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION or SET
    anchored: bool = False  # the value was computed from a known anchor date
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN...


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may read besides the expression: the anchor, the clause's tense, and the
    narrative's reference time (the last quarter or year the article spoke of, "2021-Q2")."""

    anchor: Anchor | None
    tense: Tense
    reference: str | None = None


# --- values -------------------------------------------------------------------------------------


def day_value(d: date, anchor: Anchor | None = None) -> str:
    """YYYY-MM-DD, or XXXX-MM-DD when the day came from an anchor whose year is unknown."""
    text = d.isoformat()
    return text if anchor is None or anchor.year_known else "XXXX" + text[4:]


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def number_of(text: str | None) -> int | None:
    """20, "forty", "twenty four" or "twenty-four" as an int; None for vague quantities."""
    if not text:
        return 1
    text = text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text in VAGUE_QUANTITIES or re.fullmatch(r"\d+\.\d+", text):
        return None
    words = re.split(r"[- ]", text)
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a two day" trip
    if any(w not in NUMBER_WORDS for w in words):
        return None
    total = 0
    for w in words:
        n = NUMBER_WORDS[w]
        total = (total or 1) * n if n in (100, 1000) else total + n  # "a hundred": one hundred
    return total or None


# Units TIMEX3 writes in years: "a decade" is P10Y, "two centuries" P200Y (P1DE is not ISO 8601).
YEARS_IN_UNIT = {"DE": 10, "CE": 100}


def duration_value(count: int | None, unit: str) -> str:
    letter, clock = UNITS[unit]
    if letter in YEARS_IN_UNIT:
        return "PXY" if count is None else f"P{count * YEARS_IN_UNIT[letter]}Y"  # "decades": some years
    amount = "X" if count is None else str(count * UNIT_MULTIPLIER.get(unit, 1))
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


_HALF_OF = {"Y": (6, "M"), "M": (15, "D"), "D": (12, "H"), "H": (30, "M"), "W": (84, "H")}


def and_a_half(count: int, unit: str) -> str:
    """ "2 1/2 years" is P2Y6M, "a day and a half" P1DT12H."""
    letter, clock = UNITS[unit]
    if letter not in _HALF_OF:
        return duration_value(count, unit)
    amount, small = _HALF_OF[letter]
    if letter == "W":
        return f"P{count * 7 + 3}DT12H"
    if clock:  # "an hour and a half" is PT1H30M, "a minute and a half" PT1M30S
        return f"PT{count}{letter}30{'M' if letter == 'H' else 'S'}"
    return f"P{count}{letter}{'T' if small == 'H' else ''}{amount}{small}"


def decade_value(first_three_digits: str) -> str:
    return first_three_digits + DECADE_SUFFIX


def quarter_of(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


# --- choosing a year for a year-less date -------------------------------------------------------


def nearest_year(anchor: date, month: int, day: int | None, tense: Tense) -> int:
    """The year putting month(-day) nearest the anchor on the side the tense points to.

    A week of slack either way: "on August 27" in a past-tense sentence of an August 25 story is
    more likely a typo'd or scheduled day this year than a day 51 weeks ago.
    """

    def when(year: int) -> date:
        return date(year, month, min(day or 1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))

    candidates = [when(anchor.year + k) for k in (-1, 0, 1)]
    slack = timedelta(days=7 if day else 31)
    if tense == "future":
        fits = [c for c in candidates if c >= anchor - slack]
        return min(fits).year
    if tense == "past":
        fits = [c for c in candidates if c <= anchor + slack]
        return max(fits).year
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


def precision_of(value: str | None) -> TimePrecision:
    """ACLED-style time precision of a TIMEX3 value: day, week, month, year, decade or unknown."""
    if not value:
        return "unknown"
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}(?:T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(?:-WE)?", value):
        return "week"
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}(?:-(?:Q\d|SP|SU|FA|WI))?", value):
        return "year"
    if re.fullmatch(r"\d{3}X?", value):
        return "decade"
    return "unknown"
