"""Words that temporal expressions are made of, kept apart from the rules that read them.

Everything here is lower case; the rules in annotate/times/timex.py match case-insensitively.
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Every way of writing a month, to its number: the names and their abbreviations.
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

# Parts of a day and their TIMEX3 codes ("Tuesday night" -> 2021-08-24TNI).
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Duration units: TIMEX3 letter, and whether it is a time-of-day unit (written after "PT").
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
# A fortnight is two weeks; every other unit counts one of itself.
UNIT_MULTIPLIER: dict[str, int] = {"fortnight": 2}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "half": 0,  # "half" only as in "a year and a half"; left vague (X) by the rules
}
# Quantities too vague to count: their value keeps an X ("several years" -> PXY).
VAGUE_QUANTITIES = frozenset({"several", "few", "a few", "many", "some", "recent", "coming", "past"})

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

# Words that name "now", "the past" and "the future" without a date (TIMEX3 *_REF values).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",  # "current market conditions": the present, as TimeML marks it
    "then current": "PAST_REF",  # "the then current price": a present gone by
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "formerly": "PAST_REF",
    "previously": "PAST_REF",
    "once": "PAST_REF",
    "lately": "PAST_REF",
    "the future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "in the future": "FUTURE_REF",
    "someday": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}

# Frequencies: TIMEX3 type SET.
SETS: dict[str, str] = {
    "daily": "P1D",
    "every day": "P1D",
    "each day": "P1D",
    "weekly": "P1W",
    "every week": "P1W",
    "each week": "P1W",
    "monthly": "P1M",
    "every month": "P1M",
    "each month": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "every year": "P1Y",
    "each year": "P1Y",
    "hourly": "PT1H",
}

# Auxiliaries and phrases that put a clause in the future ("will meet on Tuesday"). "would" is
# the future of reported speech ("said the talks would start on Monday"); it misreads the rare
# habitual past ("they would meet on Fridays").
FUTURE_MARKERS = frozenset(
    {
        "will",
        "'ll",
        "shall",
        "wo",
        "would",
        "going",
        "plan",
        "plans",
        "planned",
        "scheduled",
        "due",
        "expected",
        "slated",
    }
)

# Nouns and verbs that say a dated piece is being cited: a date next to them in the sentence that
# opens a quotation is the date the quoted words were written or said ("In an op-ed ... on August 18,
# he wrote, 'I write ... today'"), so relative words inside the quotation count from it.
DATED_PIECE_CUES = frozenset(
    {
        "op-ed",
        "oped",
        "column",
        "article",
        "essay",
        "letter",
        "interview",
        "statement",
        "speech",
        "post",
        "tweet",
        "broadcast",
        "editorial",
        "piece",
        "wrote",
        "writes",
        "penned",
        "said",
        "told",
        "tweeted",
        "posted",
        "published",
        "declared",
        "announced",
        "says",
        "added",
    }
)

# Hedges before an expression: TIMEX3 keeps them outside the value ("nearly two months" -> P2M).
HEDGES = (
    "no more than",
    "no less than",
    "more than",
    "less than",
    "at least",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "just",
    "over",
    "under",
    "only",
    "barely",
)

# Decades written as words ("the nineties" -> 199X, in the century the anchor's decade allows).
DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# Words that make a span temporal at all; a recogniser's span with none of them and no digit
# ("Olympic") is dropped when no rule reads it.
TEMPORAL_WORDS = frozenset(
    {
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "hour",
        "hours",
        "minute",
        "minutes",
        "morning",
        "afternoon",
        "evening",
        "night",
        "nights",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "weekend",
        "season",
        "quarter",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "time",
        "period",
        "era",
        "age",
        "anniversary",
        "date",
    }
)
