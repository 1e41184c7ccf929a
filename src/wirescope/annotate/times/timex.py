"""TIMEX3 values for single temporal expressions, normalised against an anchor date.

`normalise("August 15", Anchor(date(2021, 8, 25)))` gives 2021-08-15. The rules are ordered
regular expressions over the lower-cased expression, each with a small function that builds the
value. Without an anchor (no publication date known), whatever depends on one stays unanchored:
a year-less date keeps its known parts ("XXXX-08-15") and a purely relative one ("Tuesday", "this
week") gets no value at all, never an invented one.

What the rules get wrong, knowingly: a month-day without a year is put in the year that makes it
nearest the anchor in the direction the tense points (the nearest either way when the clause has
no past or future verb), so "December 20" said in the past tense in a January story is last
December; the fuzzy modifiers "early", "mid" and "late"
are dropped ("the late 1990s" -> 199X, TIMEX3 would add mod=END); a two-digit decade ("the '90s")
is put in the last century that ends before the anchor's decade.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from wirescope.annotate.times.values import (
    Anchor,
    Tense,
    Timex,
    day_value,
    duration_value,
    nearest_year,
    number_of,
    shift_months,
    week_value,
)
from wirescope.annotate.times.vocabulary import (
    DAY_PARTS,
    DECADE_WORDS,
    HEDGES,
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


@dataclass(frozen=True, slots=True)
class _Context:
    anchor: Anchor | None
    tense: Tense


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?P<weekday>{_alternation(WEEKDAYS)})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_FUZZY = r"(?:(?:the\s+)?(?:early|mid|late|end of|beginning of|start of|middle of)[- ]?\s*(?:the\s+)?)?"
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
    year = nearest_year(ctx.anchor.day, month, day, ctx.tense)
    try:
        return Timex(date(year, month, day).isoformat(), anchored=True)
    except ValueError:
        return None


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
    return Timex(m["dec"] + "X")


def _short_decade(m: re.Match, ctx: _Context) -> Timex:
    return _short_decade_digit(int(m["d"]), ctx)


def _short_decade_digit(digit: int, ctx: _Context) -> Timex:
    now = ctx.anchor.day.year if ctx.anchor and ctx.anchor.year_known else 2000
    century = now // 100 if digit * 10 < now % 100 else now // 100 - 1
    return Timex(f"{century}{digit}X")


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


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}


def _relative_day(m: re.Match, ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    word = m["word"]
    d = ctx.anchor.day + timedelta(days=_DAY_WORDS[word])
    part = m["part"] or ("night" if word in ("tonight", "last night") else None)
    value = day_value(d, ctx.anchor)
    if part:
        return Timex(value + "T" + DAY_PARTS[part], "TIME", ctx.anchor.year_known)
    return Timex(value, anchored=ctx.anchor.year_known)


def _this_part(m: re.Match, ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    return Timex(day_value(ctx.anchor.day, ctx.anchor) + "T" + DAY_PARTS[m["part"]], "TIME", ctx.anchor.year_known)


_STEP = {
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


def _relative_period(m: re.Match, ctx: _Context) -> Timex | None:
    """this/last/next week, month, year, weekend, quarter or season."""
    if ctx.anchor is None:
        return None
    step, period, d = _STEP[m["mod"]], m["period"], ctx.anchor.day
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
    return Timex(f"{d.year + step}-{SEASONS[period]}", anchored=True)  # a season


def _the_weekend(m: re.Match, ctx: _Context) -> Timex | None:
    """ "the weekend": the last one (its Saturday on or before the anchor), or the next if future."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    d = ctx.anchor.day
    saturday = d - timedelta(days=(d.isoweekday() - 6) % 7)
    if ctx.tense == "future" and saturday < d - timedelta(days=1):
        saturday += timedelta(weeks=1)
    return Timex(week_value(saturday) + "-WE", anchored=True)


def _weekday(m: re.Match, ctx: _Context) -> Timex | None:
    """A day named by its weekday: the nearest one on the side the modifier or tense points to."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None  # without the year, the weekday cannot be placed on the calendar
    target, d = WEEKDAYS[m["weekday"]], ctx.anchor.day
    back = (d.isoweekday() - target) % 7
    modifier = m["mod"]
    if modifier in ("last", "past"):
        when = d - timedelta(days=back or 7)
    elif modifier in ("next", "coming") or ctx.tense == "future":
        when = d + timedelta(days=(target - d.isoweekday()) % 7 or 7)
    elif modifier == "this" or ctx.tense is None:
        forward = (target - d.isoweekday()) % 7
        when = d - timedelta(days=back) if back <= forward else d + timedelta(days=forward)
    else:  # past tense: the most recent such day, the anchor day included
        when = d - timedelta(days=back)
    value = when.isoformat()
    if m["part"]:
        return Timex(value + "T" + DAY_PARTS[m["part"]], "TIME", True)
    return Timex(value, anchored=True)


_PRECISION_OF_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _ago(m: re.Match, ctx: _Context) -> Timex | None:
    count, unit = number_of(m["n"]), m["unit"]
    if ctx.anchor is None or not ctx.anchor.year_known or count is None:
        return None
    sign = -1 if m["dir"] == "ago" else 1
    d = ctx.anchor.day
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
        return Timex(str(d.year + sign * 10 * count)[:3] + "X", anchored=True)
    return None


def _duration(m: re.Match, ctx: _Context) -> Timex | None:
    count = number_of(m["n"])
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
    clock = f"T{hour:02d}:{minute:02d}"
    if ctx.anchor is None:
        return Timex("XXXX-XX-XX" + clock, "TIME")
    return Timex(day_value(ctx.anchor.day, ctx.anchor) + clock, "TIME", ctx.anchor.year_known)


def _reference(m: re.Match, ctx: _Context) -> Timex:
    return Timex(REFERENCES[m.group(0)])


def _set(m: re.Match, ctx: _Context) -> Timex:
    return Timex(SETS[m.group(0)], "SET")


_RELATIVE_MODS = _alternation(_STEP)
_PERIODS = _alternation(["week", "weekend", "month", "year", "quarter", *SEASONS])

# Tried in order; the first whose pattern matches the whole expression builds the value.
_RULE_SOURCES: list[tuple[str, Callable[[re.Match, _Context], Timex | None]]] = [
    (rf"{_alternation(REFERENCES)}", _reference),
    (rf"{_alternation(SETS)}", _set),
    (r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _iso_date),
    (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})", _slash_date),
    (rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}", _full_date),
    (rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", _full_date),
    (rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}", _month_day),
    (rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}", _month_day),
    (rf"{_FUZZY}{_MONTH},?\s+(?:of\s+)?{_YEAR}", _month_year),
    (rf"(?:(?P<mod>last|this|next)\s+)?{_FUZZY}{_MONTH}", _month_alone),
    (rf"(?:the\s+)?(?:(?:early|late)\s+)?(?P<season>{_alternation(SEASONS)})\s+(?:of\s+)?{_YEAR}", _season_year),
    (rf"{_FUZZY}(?:the\s+)?(?:year\s+|fiscal\s+(?:year\s+)?|calendar\s+)?{_YEAR}", _year),
    (rf"{_FUZZY}(?:the\s+)?(?P<dec>\d{{3}})0'?s", _decade),
    (rf"{_FUZZY}(?:the\s+)?'(?P<d>\d)0s", _short_decade),
    (rf"{_FUZZY}(?:the\s+)?(?P<word>{_alternation(DECADE_WORDS)})", _decade_word),
    (rf"{_FUZZY}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[- ]century", _century),
    (rf"(?:the\s+)?(?P<ord>{_alternation(ORDINALS)})[- ]quarter(?:\s+(?:of\s+)?{_YEAR})?", _quarter),
    (
        rf"(?:(?:early|late|earlier|later|mid)[- ]?\s*(?:{_alternation(DAY_PARTS)})?\s*)?"
        rf"(?P<word>today|tonight|yesterday|tomorrow|last night){_PART}",
        _relative_day,
    ),
    (rf"(?:(?:early|late|earlier|later|mid)[- ]?\s*)?(?:this\s+)?(?P<part>{_alternation(DAY_PARTS)})", _this_part),
    (rf"(?P<mod>{_RELATIVE_MODS})\s+(?P<period>{_PERIODS})", _relative_period),
    (r"(?:over\s+)?the\s+weekend", _the_weekend),
    (rf"(?:(?:early|late|earlier|later)\s+)?(?:(?P<mod>last|this|next|past|coming)\s+)?{_WEEKDAY}{_PART}", _weekday),
    (rf"{_NUMBER}\s+{_UNIT}\s+(?P<dir>ago|from now|hence)", _ago),
    (
        rf"(?:the\s+)?(?:(?:past|last|next|coming|previous|first|final|following|latest|other|entire|whole)\s+)?"
        rf"(?:{_NUMBER}[- ])?{_UNIT}(?:[- ](?:long|old))?",
        _duration,
    ),
    (r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)", _clock),
]
RULES = [(re.compile(pattern), handle) for pattern, handle in _RULE_SOURCES]


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


def normalise(text: str, anchor: Anchor | None, tense: Tense = None) -> Timex | None:
    """The TIMEX3 value of one temporal expression, or None when no rule reads it."""
    expression = clean_expression(text)
    ctx = _Context(anchor, tense)
    for pattern, handle in RULES:
        m = pattern.fullmatch(expression)
        if m:
            return handle(m, ctx) or Timex(None, _type_of(handle))
    return None


def _type_of(handle) -> str:
    return "TIME" if handle in (_clock, _this_part) else "DATE"
