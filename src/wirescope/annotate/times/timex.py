"""TIMEX3 values for single temporal expressions, normalised against an anchor date.

`normalise("August 15", Anchor(date(2021, 8, 25)))` gives 2021-08-15. The rules are ordered
regular expressions over the lower-cased expression, each with a small function that builds the
value. Without an anchor (no publication date known), whatever depends on one stays unanchored:
a year-less date keeps its known parts ("XXXX-08-15") and a purely relative one ("Tuesday", "this
week") gets no value at all, never an invented one.

What the rules get wrong, knowingly: a month-day without a year is put in the year that makes it
nearest the anchor in the direction the tense points (the nearest either way when the clause has
no past or future verb), so "December 20" said in the past tense in a January story is last
December; the fuzzy modifiers "early", "mid" and "late" go into the TIMEX3 `mod` (START, MID,
END), not the value ("the late 1990s" -> 199X, END); a two-digit decade ("the '90s") is put in the
last century that ends before the anchor's decade. Days and weeks counted from the anchor are in
relative.py; reporting periods, sets and ranges in periods.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from wirescope.annotate.times.expressions import clean_expression
from wirescope.annotate.times.holidays import RULE_SOURCES as HOLIDAY_RULES
from wirescope.annotate.times.periods import RULE_SOURCES as PERIOD_RULES
from wirescope.annotate.times.relative import (
    STEP,
    relative_day,
    relative_period,
    season,
    the_weekend,
    this_part,
    weekday,
)
from wirescope.annotate.times.values import (
    Anchor,
    Context,
    Tense,
    Timex,
    and_a_half,
    day_value,
    decade_value,
    duration_value,
    nearest_year,
    number_of,
    shift_months,
    week_value,
)
from wirescope.annotate.times.vocabulary import (
    DAY_PARTS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    REFERENCES,
    SEASONS,
    SETS,
    UNIT_MULTIPLIER,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)

_Context = Context


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?P<weekday>{_alternation(WEEKDAYS)})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[1-9]\d{3})"  # "0630" is a clock time in military style, not a year
_FUZZY = r"(?:(?:the\s+)?(?P<fuzzy>early|mid|late|end of|beginning of|start of|middle of)[- ]?\s*(?:the\s+)?)?"
# TIMEX3 mod values for the fuzzy words ("the late 1990s" is 199 with mod END).
_MOD_OF = {
    "early": "START",
    "beginning of": "START",
    "start of": "START",
    "mid": "MID",
    "middle of": "MID",
    "late": "END",
    "end of": "END",
}
_NUMBER_WORD = _alternation(NUMBER_WORDS)
_NUMBER = rf"(?P<n>\d+(?:[.,]\d+)?|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))*|{_alternation(VAGUE_QUANTITIES)})"
_UNIT = rf"(?P<unit>{_alternation(UNITS)})(?:s|es)?"
_PART = rf"(?:\s+(?P<part>{_alternation(DAY_PARTS)}))?"


# --- the rules ----------------------------------------------------------------------------------


def _full_date(m: re.Match, ctx: _Context) -> Timex | None:
    try:
        return Timex(date(int(m["year"]), MONTHS[m["month"]], int(m["day"])).isoformat())
    except ValueError:
        return None


def _iso_date(m: re.Match, ctx: _Context) -> Timex | None:
    try:
        return Timex(date(int(m["year"]), int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _slash_date(m: re.Match, ctx: _Context) -> Timex | None:
    year = int(m["y"])
    if year < 100:
        pivot = (ctx.anchor.day.year if ctx.anchor and ctx.anchor.year_known else 2000) % 100
        year += 1900 if year > pivot else 2000
    try:
        return Timex(date(year, int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _month_day(m: re.Match, ctx: _Context) -> Timex | None:
    month, day = MONTHS[m["month"]], int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None or not ctx.anchor.year_known:
        return Timex(f"XXXX-{month:02d}-{day:02d}")
    modifier = m.groupdict().get("mod")
    tense: Tense = {"last": "past", "next": "future"}.get(modifier or "", ctx.tense)  # type: ignore[assignment]
    year = nearest_year(ctx.anchor.day, month, day, tense)
    try:
        return Timex(date(year, month, day).isoformat(), anchored=True)
    except ValueError:
        return None


def _week_of(m: re.Match, ctx: _Context) -> Timex | None:
    """ "the week of March 6": the ISO week holding that day."""
    day = _full_date(m, ctx) if m["year"] else _month_day(m, ctx)
    if day is None or day.value is None or not day.value[:1].isdigit():
        return None
    return Timex(week_value(date.fromisoformat(day.value)), anchored=day.anchored)


def _month_year(m: re.Match, ctx: _Context) -> Timex:
    return Timex(f"{m['year']}-{MONTHS[m['month']]:02d}")


def _month_alone(m: re.Match, ctx: _Context) -> Timex:
    month = MONTHS[m["month"]]
    if ctx.anchor is None or not ctx.anchor.year_known:
        return Timex(f"XXXX-{month:02d}")
    modifier = m["mod"]
    tense: Tense = {"last": "past", "next": "future"}.get(modifier or "", ctx.tense)  # type: ignore[assignment]
    if modifier == "this":
        return Timex(f"{ctx.anchor.day.year}-{month:02d}", anchored=True)
    year = nearest_year(ctx.anchor.day, month, None, tense)
    if modifier == "last" and (year, month) >= (ctx.anchor.day.year, ctx.anchor.day.month):
        year -= 1
    return Timex(f"{year}-{month:02d}", anchored=True)


def _year(m: re.Match, ctx: _Context) -> Timex:
    return Timex(m["year"])


def _season_year(m: re.Match, ctx: _Context) -> Timex:
    return Timex(f"{m['year']}-{SEASONS[m['season']]}")


def _decade(m: re.Match, ctx: _Context) -> Timex:
    return Timex(decade_value(m["dec"]))


def _short_decade(m: re.Match, ctx: _Context) -> Timex:
    return _short_decade_digit(int(m["d"]), ctx)


def _short_decade_digit(digit: int, ctx: _Context) -> Timex:
    now = ctx.anchor.day.year if ctx.anchor and ctx.anchor.year_known else 2000
    century = now // 100 if digit * 10 < now % 100 else now // 100 - 1
    return Timex(decade_value(f"{century}{digit}"))


def _decade_word(m: re.Match, ctx: _Context) -> Timex:
    return _short_decade_digit(DECADE_WORDS[m["word"]], ctx)


def _century(m: re.Match, ctx: _Context) -> Timex | None:
    n = int(m["n"])
    return Timex(f"{n - 1:02d}") if 1 <= n <= 21 else None


def _quarter(m: re.Match, ctx: _Context) -> Timex:
    q = ORDINALS[m["ord"]]
    if m["year"]:
        return Timex(f"{m['year']}-Q{q}")
    if ctx.anchor is None or not ctx.anchor.year_known:
        return Timex(f"XXXX-Q{q}")
    year = ctx.anchor.day.year
    current = (ctx.anchor.day.month - 1) // 3 + 1
    if q > current and ctx.tense != "future":
        year -= 1  # "the fourth quarter" reported in spring is last year's
    return Timex(f"{year}-Q{q}", anchored=True)


_PRECISION_OF_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _ago(m: re.Match, ctx: _Context) -> Timex | None:
    count, unit = number_of(m["n"]), m["unit"]
    if count is None:  # "several years ago", "a few weeks from now": a direction, no count
        return Timex("PAST_REF" if m["dir"] == "ago" else "FUTURE_REF")
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    timex = _counted_from_anchor(m, ctx.anchor.day, count, unit)
    return replace(timex, mod="APPROX") if timex and m["approx"] else timex  # "a week or so ago"


def _counted_from_anchor(m: re.Match, d: date, count: int, unit: str) -> Timex | None:
    sign = -1 if m["dir"] == "ago" else 1
    letter = UNITS[unit][0]
    if letter == "D":
        return Timex((d + timedelta(days=sign * count)).isoformat(), anchored=True)
    if letter == "W":
        return Timex(week_value(d + timedelta(weeks=sign * count * UNIT_MULTIPLIER.get(unit, 1))), anchored=True)
    if letter == "M" and not UNITS[unit][1]:
        year, month = shift_months(d.year, d.month, sign * count)
        return Timex(f"{year}-{month:02d}", anchored=True)
    if letter == "Y":
        return Timex(str(d.year + sign * count), anchored=True)
    if letter == "DE":
        return Timex(decade_value(str(d.year + sign * 10 * count)[:3]), anchored=True)
    return None


def _duration(m: re.Match, ctx: _Context) -> Timex | None:
    count = 2 if m["couple"] is not None else number_of(m["n"])
    if m["couple"] is not None:
        return Timex(duration_value(2, m["unit"]), "DURATION")
    if count is not None and (m["half"] or m["half2"]):
        return Timex(and_a_half(count, m["unit"]), "DURATION")
    if m["n"] is None and m["unit"] in ("second", "minute"):
        return None  # "a second attempt", "minute details"
    if m["n"] is None and _plural(m):
        count = None  # "years", "the past years": an unknown number of them
    return Timex(duration_value(count, m["unit"]), "DURATION")


def _plural(m: re.Match) -> bool:
    return m.string[m.end("unit") : m.end("unit") + 1] in ("s", "e")


def _clock(m: re.Match, ctx: _Context) -> Timex:
    hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
    if m["ap"].startswith("p"):
        hour += 12
    return _on_anchor_day(f"T{hour:02d}:{minute:02d}", ctx)


def _noon(m: re.Match, ctx: _Context) -> Timex:
    """ "noon", "midday": twelve o'clock on the anchor's day."""
    return _on_anchor_day("T12:00", ctx)


def _on_anchor_day(clock: str, ctx: _Context) -> Timex:
    """A clock time on the anchor's day; with no anchor, on a day TIMEX3 leaves unknown (XXXX-XX-XX)."""
    if ctx.anchor is None:
        return Timex("XXXX-XX-XX" + clock, "TIME")
    return Timex(day_value(ctx.anchor.day, ctx.anchor) + clock, "TIME", ctx.anchor.year_known)


def _reference(m: re.Match, ctx: _Context) -> Timex:
    return Timex(REFERENCES[m.group(0)])


def _set(m: re.Match, ctx: _Context) -> Timex:
    return Timex(SETS[m.group(0)], "SET")


_RELATIVE_MODS = _alternation(STEP)
_PERIODS = _alternation(["week", "weekend", "month", "year", "quarter", *SEASONS])

# Tried in order; the first whose pattern matches the whole expression builds the value.
_RULE_SOURCES: list[tuple[str, Callable[[re.Match, _Context], Timex | None]]] = [
    (rf"{_alternation(REFERENCES)}", _reference),
    (rf"{_alternation(SETS)}", _set),
    (r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _iso_date),
    (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})", _slash_date),
    (rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}", _full_date),
    (rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", _full_date),
    (rf"(?:the\s+)?week\s+of\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _week_of),
    (rf"(?:(?P<mod>the|last|next|this)\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}", _month_day),
    (rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}", _month_day),
    (rf"{_FUZZY}{_MONTH},?\s+(?:of\s+)?{_YEAR}", _month_year),
    (
        rf"(?:(?P<fuzzy>early|mid|late)[- ]?\s*)?(?:(?P<mod>last|this|next)\s+)?"
        rf"(?:(?:the\s+)?(?:early|mid|late|end of|beginning of|middle of)[- ]?\s*(?:the\s+)?)?{_MONTH}",
        _month_alone,
    ),
    (rf"(?:the\s+)?(?:(?:early|late)\s+)?(?P<season>{_alternation(SEASONS)})\s+(?:of\s+)?{_YEAR}", _season_year),
    (rf"{_FUZZY}(?:the\s+)?(?:year\s+|fiscal\s+(?:year\s+)?|calendar\s+)?{_YEAR}", _year),
    (rf"{_FUZZY}(?:the\s+)?(?P<dec>\d{{3}})0'?s", _decade),
    (rf"{_FUZZY}(?:the\s+)?'(?P<d>\d)0s", _short_decade),
    (rf"{_FUZZY}(?:the\s+)?(?P<word>{_alternation(DECADE_WORDS)})", _decade_word),
    (rf"{_FUZZY}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[- ]century", _century),
    (rf"(?:the\s+)?(?P<ord>{_alternation(ORDINALS)})[- ]quarter(?:\s+(?:of\s+)?{_YEAR})?", _quarter),
    (  # "mid-afternoon yesterday": the part of the day after it
        rf"(?:(?:early|late|mid)[- ]?\s*)?(?P<part>{_alternation(DAY_PARTS)})\s+(?P<word>today|yesterday|tomorrow)",
        relative_day,
    ),
    (
        rf"(?:(?:early|late|earlier|later|mid)[- ]?\s*(?:{_alternation(DAY_PARTS)})?\s*)?"
        rf"(?P<word>today|tonight|yesterday|tomorrow|last night){_PART}",
        relative_day,
    ),
    (rf"(?:(?:early|late|earlier|later|mid)[- ]?\s*)?(?:this\s+)?(?P<part>{_alternation(DAY_PARTS)})", this_part),
    (rf"{_FUZZY}(?P<mod>{_RELATIVE_MODS})\s+(?P<period>{_PERIODS})", relative_period),
    (
        rf"(?:the\s+)?(?:(?P<fuzzy>early|mid|late)[- ]?\s*)?(?P<past>this\s+past\s+|past\s+)?"
        rf"(?P<season>{_alternation(SEASONS)})",
        season,
    ),
    (r"(?:over\s+)?the\s+weekend", the_weekend),
    (
        rf"(?:(?:during\s+)?the\s+day\s+)?(?:(?:early|late|earlier|later)\s+)?(?:(?P<mod>last|this|next|past|coming)\s+)?"
        rf"{_WEEKDAY}{_PART}",
        weekday,
    ),
    (rf"{_NUMBER}\s+{_UNIT}(?P<approx>\s+or\s+(?:so|more|two|three))?\s+(?P<dir>ago|from now|hence)", _ago),
    (
        rf"(?:the\s+)?(?:(?:past|last|next|coming|previous|first|final|following|latest|other|entire|whole)\s+)?"
        rf"(?:(?:a\s+)?couple(?:\s+of)?\s+(?P<couple>)|{_NUMBER}(?P<half>\s+1/2|\s+and\s+a\s+half)?[- ])?"
        rf"(?:(?:additional|extra|more|further|trading|business|working|calendar)\s+)?"
        rf"{_UNIT}(?:[- ](?:long|old))?(?P<half2>\s+and\s+a\s+half)?",
        _duration,
    ),
    (r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)", _clock),
    (r"noon|midday", _noon),
]
# Clock times on a named day: "10 p.m. Wednesday", "noon Thursday", "midnight Friday".
_CLOCK_ON_DAY = re.compile(
    r"(?P<clock>\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)(?:\s+[a-z]{3})?,?\s+(?:on\s+)?(?P<day>.+)"
)
RULES = [(re.compile(pattern), handle) for pattern, handle in [*PERIOD_RULES, *HOLIDAY_RULES, *_RULE_SOURCES]]


def normalise(text: str, anchor: Anchor | None, tense: Tense = None, reference: str | None = None) -> Timex | None:
    """The TIMEX3 value of one temporal expression, or None when no rule reads it.

    `reference` is the narrative's reference time ("1989-Q3"): what "the quarter" and "a year
    earlier" count from. An expression no rule reads whole is read by its longest leading part
    that one does ("the third quarter ended Sept. 30" -> the third quarter, "today through Nov.
    17" -> today): recognisers often take in what follows.
    """
    expression = clean_expression(text)
    ctx = _Context(anchor, tense, reference)
    found = _read(expression, ctx)
    if found is not None:
        return found
    words = expression.split()
    for cut in range(len(words) - 1, 0, -1):
        head = _read(" ".join(words[:cut]), ctx)
        if head is not None and head.value:
            return head
    if len(words) > 1 and words[0] in _LEADING_NOISE:
        return normalise(" ".join(words[1:]), anchor, tense, reference)
    return None


# Words a recogniser takes in before an expression that TimeML leaves out ("an Aug. 10, 1988").
_LEADING_NOISE = frozenset({"a", "an", "its", "both", "sometime", "in", "on", "at", "by", "since", "until", "from"})


def _read(expression: str, ctx: _Context) -> Timex | None:
    clock_day = _CLOCK_ON_DAY.fullmatch(expression)
    if clock_day:
        on_day = _read(clock_day["day"], ctx)
        if on_day is not None and on_day.value and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", on_day.value):
            clock = clock_day["clock"]
            hour = {"noon": "T12:00", "midnight": "T24:00"}.get(clock)
            if hour is None:
                timed = _read(clock, replace(ctx, anchor=None))
                hour = timed.value[10:] if timed and timed.value else ""
            return Timex(on_day.value + hour, "TIME", on_day.anchored)
    for pattern, handle in RULES:
        m = pattern.fullmatch(expression)
        if m:
            timex = handle(m, ctx) or Timex(None, _type_of(handle))
            fuzzy = m.groupdict().get("fuzzy")
            return replace(timex, mod=_MOD_OF.get(fuzzy)) if fuzzy and timex.mod is None else timex
    return None


def _type_of(handle) -> str:
    return "TIME" if handle in (_clock, _noon, this_part) else "DATE"
