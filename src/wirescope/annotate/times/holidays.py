"""TIMEX3 values for named holidays: "Christmas", "last Thanksgiving", "Election Day 1998".

TimeML normalises a holiday to its day. Fixed ones keep their calendar day; floating ones are
counted in the year chosen ("Thanksgiving" is the fourth Thursday of November, Election Day in
the United States the Tuesday after the first Monday in November, Easter by the Gregorian
computus). Without a year in the text the year is the one the tense or the modifier points to,
as for a month and day ("Christmas" in a past-tense January story is last December's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from wirescope.annotate.times.values import Context, Tense, Timex, nearest_year, week_value


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th weekday (Monday = 0) of a month; n = -1 is the last."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * j) // 433
    month = (h + j - 7 * m + 90) // 25
    return date(year, month, (h + j - 7 * m + 33 * month + 19) % 32)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


# Each holiday's day in a given year; the names are lower case, as the rules read them.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "independence day": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "veterans day": _fixed(11, 11),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "thanksgiving day": lambda year: _nth_weekday(year, 11, 3, 4),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
    "easter": _easter,
    "easter sunday": _easter,
}


def holiday(m: re.Match, ctx: Context) -> Timex | None:
    """The holiday's day; "Easter week", "Thanksgiving week": the (ISO) week holding it."""
    day_in = HOLIDAYS[m["holiday"]]

    def value(day: date) -> str:
        return week_value(day) if m["week"] else day.isoformat()

    if m["year"]:
        return Timex(value(day_in(int(m["year"]))))
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    tense: Tense = {"last": "past", "next": "future"}.get(m["mod"] or "", ctx.tense)  # type: ignore[assignment]
    typical = day_in(ctx.anchor.day.year)
    return Timex(value(day_in(nearest_year(ctx.anchor.day, typical.month, typical.day, tense))), anchored=True)


_NAMES = "|".join(sorted((re.escape(n) for n in HOLIDAYS), key=len, reverse=True))
RULE_SOURCES: list[tuple[str, Callable[[re.Match, Context], Timex | None]]] = [
    (
        rf"(?:(?P<mod>last|this|next)\s+)?(?P<holiday>{_NAMES})(?P<week>\s+week)?(?:,?\s+(?P<year>[1-9]\d{{3}}))?",
        holiday,
    ),
]
# The recogniser's pattern: the names capitalised as text writes them ("Thanksgiving Day").
FINDER = (
    r"\b(?:(?i:last|this|next)\s+)?(?:"
    + "|".join(
        sorted((" ".join(w[:1].upper() + w[1:] for w in n.split()) for n in HOLIDAYS), key=len, reverse=True)
    ).replace("'", "['’]")
    + r")\b(?:\s+week\b)?(?:,?\s+[1-9]\d{3}\b)?"
)
