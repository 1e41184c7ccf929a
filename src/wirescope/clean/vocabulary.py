"""Vocabularies of page chrome found in scraped articles. Data only: the logic is in scrape.py.

Each pattern is matched against one line of a scrape, case-insensitively. A line matching one of
these is chrome only when it is also short (see scrape.MAX_CHROME_WORDS): a body paragraph may
well mention a newsletter or a photograph.
"""

import re

# Calls to action, widget and error text, sharing, subscriptions, cookie banners, ads.
CHROME_PHRASES: tuple[str, ...] = (
    r"\boops\b",
    r"something went wrong",
    r"try again later",
    r"\bsign up\b",
    r"\bsubscribe\b",
    r"\bnewsletter",
    r"\bin your inbox\b",
    r"^read more\b",
    r"^more from\b",
    r"\blearn more\.?$",
    r"\bmembership\b",
    r"^share (?:on|this|via)\b",
    r"^(?:share|tweet|email|print|copy link|save|comments?)$",
    r"\bcopy link\b",
    r"^advertisement$",
    r"^(?:sponsored|promoted)(?: content)?$",
    r"\bcookies?\b.*\b(?:accept|consent|settings|policy)\b",
    r"^accept(?: all)?(?: cookies)?$",
    r"\bfollow us\b",
    r"\bclick here\b",
    r"\bdownload (?:our|the) app\b",
    r"\ball rights reserved\b",
    r"^©|\(c\) \d{4}|copyright \d{4}",
    r"\bskip to (?:main )?content\b",
    r"^loading\.*$",
    r"^(?:related|recommended|most read|trending|see also|watch|listen)\b\s*[:|-]",
    r"^(?:related|recommended|most read|trending) (?:stories|articles|coverage|content)$",
    r"\bsupport (?:our|independent) journalism\b",
    r"\bbecome a (?:member|subscriber)\b",
    r"\bjavascript\b.*\b(?:enable|disabled|required)\b",
    r"^(?:log ?in|sign ?in|register|menu|search|home)$",
    r"^[\w' -]{1,30}(?:\s+[>›»|/]\s+[\w' -]{1,30})+$",  # breadcrumbs: "World > Asia > Afghanistan"
)

# Headings of lists of links to other stories; the lines under them are links, not text.
LIST_HEADINGS: tuple[str, ...] = (
    r"^(?:related|related (?:stories|articles|coverage|content|reading)|most (?:read|viewed|popular|shared)"
    r"|read next|read more|more on this(?: story)?|more from [\w' ]{1,40}|recommended(?: for you)?"
    r"|you may also like|trending(?: now)?|top stories|latest(?: news)?|editor'?s picks)\s*:?$",
)

# Photo and video credits: "Mohammad Ismail via Reuters", "Photo: Jane Doe / AFP".
CREDIT_PATTERNS: tuple[str, ...] = (
    r"\bvia (?:reuters|getty(?: images)?|ap|afp|epa|shutterstock|anadolu|sipa|zuma|alamy|twitter|social media)\b",
    r"^(?:photo|photograph|image|picture|video|credit|illustration)s?(?: by)?\s*[:|]",
    r"(?:/|\|)\s*(?:reuters|ap|afp|epa|getty images|anadolu agency|xinhua)\s*$",
    r"\b(?:getty images|ap photo|afp photo|reuters photo|shutterstock|epa-efe)\b",
)

# Bylines and date lines of a scrape: "By Nadia Rahimi | August 24, 2021", "Updated: 31/08/2021".
BYLINE_PATTERNS: tuple[str, ...] = (
    r"^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\b",
    r"(?i)^(?:published|updated|posted|last updated|first published)\b",
)

# Where a scrape names its publisher: "Read more at The Daily Beast." "© 2021 Northern Ledger".
PUBLISHER_PATTERNS: tuple[str, ...] = (
    r"^read more at (?P<publisher>[^.|]{2,60}?)\.?$",
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<publisher>[A-Z][^.|©]{1,60}?)\.?(?:\s+all rights reserved\.?)?$",
)

# Words that stay lower case in a title-cased headline.
HEADLINE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "per",
        "so",
        "than",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "yet",
    ]
)

# Unit and ordinal endings after a number: "15th", "10am", "9mm" are not glued words.
NUMBER_SUFFIXES = frozenset(
    [
        "st",
        "nd",
        "rd",
        "th",
        "s",
        "am",
        "pm",
        "km",
        "kms",
        "m",
        "mm",
        "cm",
        "kg",
        "g",
        "lb",
        "lbs",
        "mph",
        "ft",
        "mi",
        "bn",
        "mn",
        "k",
    ]
)


def compile_all(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)
