"""The one filter every listing takes: CLI flags, API parameters and web facets all build a Filter.

Meaning of each field (docs/record.md, "Filters", says the same for users):

- `actor`: an actor. With `match="exact"` (the default) it designates the stored actors whose id is
  it, or whose name or one of whose aliases equals it, ignoring case. With `match="substring"` it
  designates the actors whose id is it or whose name contains it, ignoring case ("Massoud" finds
  Ahmad Massoud and Ahmad Shah Massoud). An event passes when its actor or its target is one of
  them; a quote when its speaker is; an actor record when it is one of them; articles, times and
  places when their article mentions one of them. Participants no actor was resolved for are
  not matched by name: a bare "spokesman" would otherwise join every spokesman.
- `place`: the same for places (id, or name: exact or substring). An event passes when its place
  is one of them; every other kind when its article mentions one of them (places: the place itself).
- `type`: events: PLOVER type; actors: actor type; quotes: kind; places: feature. Exact, any case.
- `modality`: events only, exact.
- `since` / `until`: inclusive days. An event's day is its own when the text gives a full day, else
  its article's publication day; every other kind goes by its article's publication day (actors
  and places: the articles they are mentioned in).
- `article_ids`: only records from these articles (the CLI's repeatable --article).
- `publisher`: only records from articles of this publisher (exact, as the article names it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Match = Literal["exact", "substring"]
MATCHES: tuple[Match, ...] = ("exact", "substring")


@dataclass(frozen=True, slots=True)
class Filter:
    """What a listing, a count or an aggregate is narrowed to; every field given narrows it."""

    actor: str | None = None
    place: str | None = None
    type: str | None = None
    modality: str | None = None
    since: date | None = None
    until: date | None = None
    match: Match = "exact"
    article_ids: tuple[str, ...] = ()
    publisher: str | None = None

    def __post_init__(self) -> None:
        if self.match not in MATCHES:
            raise ValueError(f"match must be one of {', '.join(MATCHES)}, not {self.match!r}")

    def is_empty(self) -> bool:
        fields = (self.actor, self.place, self.type, self.modality, self.since, self.until, self.article_ids)
        return not any((*fields, self.publisher))

    def scope(self) -> Filter:
        """The same filter without the per-kind fields (type, modality): what a page's context uses."""
        return Filter(
            actor=self.actor,
            place=self.place,
            since=self.since,
            until=self.until,
            match=self.match,
            article_ids=self.article_ids,
            publisher=self.publisher,
        )
