"""Publication dates a document states itself: a byline's date line, or a wire dateline."""

from __future__ import annotations

import re
import warnings
from datetime import date

# "KABUL, Afghanistan (Sept. 7, 2021) --" or "KABUL, Sept. 7 (Wire) —": a wire story's opening.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .'-]{1,40})?\s*\((?P<date>[^)]{6,40})\)\s*(?:--|—|–|-)")
_DATE_WORDS = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}",
    re.IGNORECASE,
)


def parse_date(text: str) -> date | None:
    """A full calendar date (day, month and year) written in `text`, or None."""
    import dateparser

    m = _DATE_WORDS.search(text)
    if not m:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            m.group().replace("Sept.", "Sep.").replace("Sept ", "Sep "),
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY" if "/" in m.group() else "MDY"},
        )
    return parsed.date() if parsed else None


def dateline_date(first_paragraph: str) -> date | None:
    m = DATELINE.match(first_paragraph)
    return parse_date(m.group("date")) if m else None
