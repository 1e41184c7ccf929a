"""TIMEX3 rules for reporting periods, sets and ranges: quarters, fiscal years, "a year earlier",
"the end of the year", "every morning", "between 12 and 18 months".

Business and war reporting counts in periods the calendar does not name: "the quarter" is the
quarter being reported on, and "a year earlier" is the same period a year before the one just
mentioned. Both are read against the narrative's reference time (`Context.reference`, the last
quarter or year value the article gave before the expression) and, when there is none, against
the publication date: the quarter reported on is the last one to have ended some weeks before
publication (results come out after the quarter closes).

Knowingly wrong: a fiscal year is taken as the calendar year it mostly falls in ("fiscal 1990"
is 1990, "this fiscal year" the anchor's year), although some fiscal years start in the autumn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from wirescope.annotate.times.values import Context, Timex, duration_value, number_of, quarter_of, shift_months
from wirescope.annotate.times.vocabulary import DAY_PARTS, MONTHS, NUMBER_WORDS, ORDINALS, SEASONS, UNITS, WEEKDAYS


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _reference_quarter(ctx: Context) -> str | None:
    if ctx.reference and re.fullmatch(r"\d{4}-Q\d", ctx.reference):
        return ctx.reference
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    # Results come out after a quarter closes: the one reported on is the last to have ended.
    year, month = shift_months(ctx.anchor.day.year, ctx.anchor.day.month, -3)
    return quarter_of(date(year, month, 1))


def _the_quarter(m: re.Match, ctx: Context) -> Timex | None:
    """ "the quarter", "the latest quarter", "this quarter": the quarter being reported on."""
    value = _reference_quarter(ctx)
    return Timex(value, anchored=True) if value else None


def _year_earlier(m: re.Match, ctx: Context) -> Timex | None:
    """ "a year earlier", "the year-ago quarter": the reference period, one year back."""
    reference = ctx.reference
    if m["quarter"] or (reference and re.fullmatch(r"\d{4}-Q\d", reference)):
        quarter = _reference_quarter(ctx)
        if quarter is None:
            return None
        return Timex(f"{int(quarter[:4]) - 1}{quarter[4:]}", anchored=True)
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    return Timex(str(ctx.anchor.day.year - 1), anchored=True)


_EDGE_MODS = {"end": "END", "close": "END", "start": "START", "beginning": "START", "middle": "MID"}


def _edge_mod(m: re.Match) -> str | None:
    """The TIMEX3 mod of "the end of ...", "the start of ...": END, START, MID."""
    words = re.findall(r"[a-z]+", m.group(0))
    return next((_EDGE_MODS[w] for w in words if w in _EDGE_MODS), None)


def _this_year(m: re.Match, ctx: Context) -> Timex | None:
    """ "the fiscal year", "this fiscal year", "the full year", "the end of the year": the anchor's year."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    return Timex(str(ctx.anchor.day.year), anchored=True, mod=_edge_mod(m))


def _end_of_month(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    year, month = shift_months(ctx.anchor.day.year, ctx.anchor.day.month, 1 if m["which"] == "next" else 0)
    return Timex(
        f"{year if ctx.anchor.year_known else 'XXXX'}-{month:02d}", anchored=ctx.anchor.year_known, mod=_edge_mod(m)
    )


def _fiscal_quarter(m: re.Match, ctx: Context) -> Timex | None:
    """ "the fiscal first quarter": the anchor's year, since the fiscal calendar is not known."""
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    return Timex(f"{ctx.anchor.day.year}-Q{ORDINALS[m['ord']]}", anchored=True)


def _fiscal_year(m: re.Match, ctx: Context) -> Timex:
    return Timex(m["year"] or m["year2"])


def _range_duration(m: re.Match, ctx: Context) -> Timex | None:
    """ "between 12 and 18 months": the longer bound, as the TimeML guidelines write a range."""
    high = number_of(m["high"])
    return Timex(duration_value(high, m["unit"]), "DURATION") if high else None


def _vague_reference(m: re.Match, ctx: Context) -> Timex:
    """ "recent weeks", "the last few months", "coming quarters": no count, only a direction."""
    return Timex("FUTURE_REF" if m["dir"] in ("coming", "next", "the coming", "future") else "PAST_REF")


def _set_weekday(m: re.Match, ctx: Context) -> Timex:
    part = m["part"] or m["parts"]
    part = f"T{DAY_PARTS[part]}" if part else ""
    return Timex(f"XXXX-WXX-{WEEKDAYS[m['weekday'] or m['weekday2']]}{part}", "SET")


def _set_part(m: re.Match, ctx: Context) -> Timex:
    return Timex(f"XXXX-XX-XXT{DAY_PARTS[m['part']]}", "SET")


def _set_month(m: re.Match, ctx: Context) -> Timex:
    return Timex(f"XXXX-{MONTHS[m['month']]:02d}", "SET")


def _set_season(m: re.Match, ctx: Context) -> Timex:
    # "each season" names no season: a season is a quarter of the year, P3M.
    return Timex(f"XXXX-{SEASONS[m['season']]}" if m["season"] else "P3M", "SET")


def _set_every_n(m: re.Match, ctx: Context) -> Timex | None:
    count = 2 if m["n"] == "other" else number_of(m["n"]) if m["n"] else 1
    return Timex(duration_value(count, m["unit"]), "SET") if count else None


_NUMBER = rf"(?:\d+|{_alternation(NUMBER_WORDS)})"
_UNIT = rf"(?P<unit>{_alternation(UNITS)})s?"
_EVERY = r"(?:every|each)"
_PLURAL_UNITS = "seconds|minutes|hours|days|weeks|months|quarters|years|decades"


def _year_quarter(m: re.Match, ctx: Context) -> Timex | None:
    """ "the 1988 third quarter", "this year's third quarter", "next year's first quarter"."""
    year_word = m["year"]
    if year_word.isdigit():
        year = int(year_word)
    elif ctx.anchor is None or not ctx.anchor.year_known:
        return None
    else:
        year = ctx.anchor.day.year + {"this": 0, "last": -1, "next": 1}[year_word.split()[0]]
    if m["ord"] is None:
        quarter = _reference_quarter(ctx)
        return Timex(f"{year}{quarter[4:]}", anchored=True) if quarter else None
    return Timex(f"{year}-Q{ORDINALS[m['ord']]}", anchored=not year_word.isdigit())


def _half_year(m: re.Match, ctx: Context) -> Timex | None:
    """ "the second half of 1989", "the first two quarters of 1990", "the first half of this year"."""
    half = "H1" if m["which"] == "first" else "H2"
    if m["year"]:
        return Timex(f"{m['year']}-{half}")
    if ctx.anchor is None or not ctx.anchor.year_known:
        return None
    return Timex(f"{ctx.anchor.day.year}-{half}", anchored=True)


_ORDINAL = _alternation(ORDINALS)

RULE_SOURCES: list[tuple[str, Callable[[re.Match, Context], Timex | None]]] = [
    (
        r"(?:the\s+)?(?P<which>first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+"
        r"(?:(?:the\s+)?(?:year\s+)?(?P<year>\d{4})|(?:this|the)\s+year)",
        _half_year,
    ),
    (
        rf"(?:the\s+)?(?P<year>\d{{4}}|this year's|last year's|next year's)\s+(?:fiscal[- ])?"
        rf"(?:(?P<ord>{_ORDINAL})[- ])?quarter",
        _year_quarter,
    ),
    (rf"(?:the\s+|its\s+)?fiscal[- ](?P<ord>{_ORDINAL})[- ]quarter", _fiscal_quarter),
    (
        r"(?:the\s+|this\s+|that\s+|its\s+)?(?:latest|current|same|most recent|just-ended|recent)?\s*quarter",
        _the_quarter,
    ),
    (r"(?:the\s+)?(?:latest|most recent)\s+period", _the_quarter),  # "the latest period": the quarter reported on
    (
        r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:(?:a\s+)?year[- ](?:ago|earlier)|a\s+year\s+(?:ago|earlier|before))"
        r"(?:\s+(?:(?P<quarter>(?:third\s+|second\s+|first\s+|fourth\s+)?quarter)|period|results))?",
        _year_earlier,
    ),
    (r"(?:the\s+)?quarter\s+a\s+year\s+(?:ago|earlier)(?P<quarter>)", _year_earlier),
    (
        r"(?:(?:the|this|its)\s+)?(?:current\s+|full\s+|present\s+|whole\s+|entire\s+)?(?:fiscal|financial|calendar)"
        r"(?:\s+year)?|(?:the\s+)?(?:full|current|whole|entire)\s+year"
        r"|(?:the\s+|this\s+)?(?:end|close|middle|start|beginning|rest|remainder)\s+of\s+(?:the|this)\s+year"
        r"|(?:the\s+)?year[- ]end|year's\s+end|(?:earlier|later)\s+in\s+the\s+year",
        _this_year,
    ),
    (r"(?:the\s+)?(?:end|close|middle|start|beginning)\s+of\s+(?:the|this|(?P<which>next))\s+month", _end_of_month),
    (r"(?:fiscal|financial)(?:\s+year)?\s+(?P<year>\d{4})|fy\s*(?P<year2>\d{4})", _fiscal_year),
    (
        rf"(?:the\s+)?(?:(?:past|last|next|coming|first|final)\s+)?(?:between\s+)?(?P<low>{_NUMBER})\s+(?:and|to|-|or)\s+"
        rf"(?P<high>{_NUMBER})\s+{_UNIT}",
        _range_duration,
    ),
    (
        rf"(?:in\s+)?(?P<dir>past|the past|last|the last|previous|the previous|coming|the coming|next|future)"
        rf"\s+(?:few\s+|several\s+|many\s+)?(?:{_PLURAL_UNITS})(?:\s+and\s+(?:{_PLURAL_UNITS}))?",
        _vague_reference,
    ),
    (
        rf"{_EVERY}\s+(?P<weekday>{_alternation(WEEKDAYS)})(?:\s+(?P<part>{_alternation(DAY_PARTS)}))?"
        rf"|(?P<weekday2>{_alternation(WEEKDAYS)})(?:s|\s+(?P<parts>{_alternation(DAY_PARTS)})s)",
        _set_weekday,
    ),
    (rf"{_EVERY}\s+(?P<part>{_alternation(DAY_PARTS)})", _set_part),
    (rf"{_EVERY}\s+(?P<month>{_alternation(MONTHS)})", _set_month),
    (rf"{_EVERY}\s+(?:(?P<season>{_alternation(SEASONS)})|season)", _set_season),
    (rf"{_EVERY}\s+(?:(?P<n>{_NUMBER}|other)\s+)?{_UNIT}", _set_every_n),
]
