"""TIMEX3 rules for days and weeks counted from the anchor: "yesterday", "this morning", "last
week", "the weekend", "Tuesday".

A weekday is put on the side of the anchor its modifier or the clause's tense points to; the
anchor day itself counts on either side ("Friday" in a Friday paper is that day).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from wirescope.annotate.times.values import Context, Tense, Timex, day_value, shift_months, week_value
from wirescope.annotate.times.vocabulary import DAY_PARTS, SEASONS, WEEKDAYS

_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}


def relative_day(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    word = m["word"]
    d = ctx.anchor.day + timedelta(days=_DAY_WORDS[word])
    part = m["part"] or ("night" if word in ("tonight", "last night") else None)
    value = day_value(d, ctx.anchor)
    if part:
        return Timex(value + "T" + DAY_PARTS[part], "TIME", ctx.anchor.year_known)
    return Timex(value, anchored=ctx.anchor.year_known)


def this_part(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    return Timex(day_value(ctx.anchor.day, ctx.anchor) + "T" + DAY_PARTS[m["part"]], "TIME", ctx.anchor.year_known)


STEP = {
    "this": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "earlier this": 0,
    "later this": 0,
    "early this": 0,
    "late this": 0,
    "end of this": 0,
    "end of last": -1,
}


def relative_period(m: re.Match, ctx: Context) -> Timex | None:
    """this/last/next week, month, year, weekend, quarter or season."""
    if ctx.anchor is None:
        return None
    step, period, d = STEP[m["mod"]], m["period"], ctx.anchor.day
    known = ctx.anchor.year_known
    if period in ("week", "weekend"):
        if not known:
            return None
        value = week_value(d + timedelta(weeks=step))
        return Timex(value + ("-WE" if period == "weekend" else ""), anchored=True)
    if period == "month":
        year, month = shift_months(d.year, d.month, step)
        return Timex(f"{year if known else 'XXXX'}-{month:02d}", anchored=known)
    if not known:
        return None
    if period == "year":
        return Timex(str(d.year + step), anchored=True)
    if period == "quarter":
        year, month = shift_months(d.year, d.month, 3 * step)
        return Timex(f"{year}-Q{(month - 1) // 3 + 1}", anchored=True)
    # "last spring" is the calendar's: last year's, as TimeBank reads it, even said in the autumn.
    return Timex(f"{d.year + step}-{SEASONS[period]}", anchored=True)


# The month each season starts in (northern hemisphere, as TIMEX3's SP/SU/FA/WI are read); a
# winter is named by the year it starts in.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(day: date, season: str, direction: Tense) -> int:
    """The year of a season named without one on `day`: in a past-tense clause the latest to have
    begun, in a future clause the first not yet over, else the day's year (a winter is the one that
    started in December when the day is in January or February)."""
    start_month = _SEASON_START[SEASONS[season]]
    # Each candidate's first and last day, from two years back to next year.
    spans = [(y, date(y, start_month, 1), _season_end(y, start_month)) for y in range(day.year - 2, day.year + 2)]
    if direction == "past":
        return max(y for y, start, _ in spans if start <= day)
    if direction == "future":
        return min(y for y, _, end in spans if end >= day)
    return day.year - 1 if start_month == 12 and day.month <= 2 else day.year


def _season_end(year: int, start_month: int) -> date:
    """The last day of the three months starting in `start_month` of `year`."""
    end_year, end_month = shift_months(year, start_month, 3)
    return date(end_year, end_month, 1) - timedelta(days=1)


def season(m: re.Match, ctx: Context) -> Timex | None:
    """ "the summer", "this past spring", "last winter": the season on the side the words or the
    clause's tense point to."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    direction: Tense = "past" if m["past"] else ctx.tense if ctx.tense in ("past", "future") else None
    year = season_year(ctx.anchor.day, m["season"], direction)
    return Timex(f"{year}-{SEASONS[m['season']]}", anchored=True)


def the_weekend(m: re.Match, ctx: Context) -> Timex | None:
    """ "the weekend": the last one (its Saturday on or before the anchor), or the next if future."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    d = ctx.anchor.day
    saturday = d - timedelta(days=(d.isoweekday() - 6) % 7)
    if ctx.tense == "future" and saturday < d - timedelta(days=1):
        saturday += timedelta(weeks=1)
    return Timex(week_value(saturday) + "-WE", anchored=True)


def weekday(m: re.Match, ctx: Context) -> Timex | None:
    """A day named by its weekday: the nearest one on the side the modifier or tense points to."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None  # without the year, the weekday cannot be placed on the calendar
    target, d = WEEKDAYS[m["weekday"]], ctx.anchor.day
    back = (d.isoweekday() - target) % 7
    modifier = m["mod"]
    if modifier in ("last", "past"):
        when = d - timedelta(days=back or 7)
    elif modifier in ("next", "coming"):
        when = d + timedelta(days=(target - d.isoweekday()) % 7 or 7)
    elif ctx.tense == "future":  # "will meet Friday" in a Friday paper is that day
        when = d + timedelta(days=(target - d.isoweekday()) % 7)
    elif modifier == "this" or ctx.tense in (None, "near"):
        forward = (target - d.isoweekday()) % 7
        when = d - timedelta(days=back) if back <= forward else d + timedelta(days=forward)
    else:  # past tense: the most recent such day, the anchor day included
        when = d - timedelta(days=back)
    value = when.isoformat()
    if m["part"]:
        return Timex(value + "T" + DAY_PARTS[m["part"]], "TIME", True)
    return Timex(value, anchored=True)
