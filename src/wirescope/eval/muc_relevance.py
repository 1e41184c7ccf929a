"""Which of our event records are MUC-4 incidents: the task definition's tests of relevance.

MUC-4 files only "relevant" incidents (TASK/TASKDOC/templ-doc-basic/template-doc-part1.v7, section
1.0); an event wirescope rightly records can still be outside the task. The tests here are the
definition's own, written from its text, and each names its paragraph:
- 1(b): a target that is only a military or police force or installation makes a guerrilla act,
  not terrorism, unless the attack killed someone (the victims may be civilians);
- 4: the incident belongs to one of nine Latin American countries. Tested only when the record's
  place is a country: a town's country is the resolver's guess, and a wrong guess ("ESCALON", a
  San Salvador neighbourhood, read as Escalon, California) would drop a real incident;
- 6: the incident is recent, within two months of the article's date;
- 7: the description is specific: an ATTACK must say at least its target or its toll ("an attack
  perpetrated by a subversive group" alone is not filed); the other types name the nature of the
  attack by themselves ("destroyed by a bomb explosion" is filed).
They decide what the adapter reports as an incident, never what wirescope records. Measured on
the MUC-4 train split (docs/benchmarks.md); nothing here was fitted to it.
"""

from __future__ import annotations

from datetime import date

from wirescope.eval.muc_vocabulary import MILITARY_NOUNS
from wirescope.record import Article, EventRecord

# Paragraph 4's nine countries, as the ISO codes our places carry.
COUNTRIES_OF_INTEREST = frozenset({"SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"})
RECENT_DAYS = 61  # paragraph 6: "within two months of the date of the article"


def irrelevance(
    article: Article, record: EventRecord, day: date | None, kind: str, targets: tuple[str, ...]
) -> str | None:
    """Why the record, read as an incident of type `kind` with these target fills, is no MUC-4
    incident (the paragraph of the definition it fails), or None when it is one."""
    if not recent(article, day):
        return "6: not recent"
    if not in_countries_of_interest(article, record):
        return "4: outside the nine countries"
    if targets and all(military(t) for t in targets) and record.fatalities is None:
        return "1(b): only a military target"
    if kind == "ATTACK" and not targets and record.fatalities is None and record.injured is None:
        return "7: not specific"
    return None


def recent(article: Article, day: date | None) -> bool:
    """Within two months before the article's date; an undated incident is presumed recent, as the
    definition says."""
    return day is None or article.published is None or (article.published - day).days <= RECENT_DAYS


def in_countries_of_interest(article: Article, record: EventRecord) -> bool:
    """The record's place is not a country other than the nine (see the module's note on towns)."""
    if record.place is None or record.place.filled_from in ("dateline", "publication"):
        return True
    place = next((p for p in article.places if p.id == record.place.normalized), None)
    if place is None or place.feature != "country" or place.country is None:
        return True
    return place.country in COUNTRIES_OF_INTEREST


def military(target: str) -> bool:
    """The fill's last word names a military or police force or installation ("AN ARMY PATROL")."""
    words = target.upper().replace("-", " ").split()
    return bool(words) and words[-1] in MILITARY_NOUNS
