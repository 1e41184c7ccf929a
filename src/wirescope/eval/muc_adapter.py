"""From wirescope's record to MUC-4 incidents: the one place that knows how our events map to MUC slots.

When the event records change (document-level records with arguments from the whole report are
coming), only `incidents_of` and its helpers change; the reader and the scorer do not.

The mapping, and what it gets wrong:
- Which events are incidents: ASSAULT, THREATEN, and COERCE that destroys property or abducts
  (MUC-4 incidents are terrorist violence). Negated and historical events are not incidents; an
  ASSAULT whose mode is `clash` is not either, since the task definition excludes clashes between
  guerrillas and the military. We do not model "relevant" beyond that, so attacks by the army on
  guerrillas still come out as incidents.
- Type: explosives -> BOMBING, abduct -> KIDNAPPING, property set on fire -> ARSON, looting ->
  ROBBERY, any other ASSAULT or THREATEN -> ATTACK. We have no mode for FORCED WORK STOPPAGE.
- Stage: THREATEN, and events stated as intended, requested or hypothetical -> THREATENED; the
  rest -> ACCOMPLISHED. Nothing in our record says "attempted", so ATTEMPTED is never predicted.
- Date: the event's time when it is a day (YYYY-MM-DD); no date otherwise (we do not fall back to
  the dateline: that is the baseline's rule, and this measures our record).
- Location: the name of the event's resolved place.
- Perpetrator: the event's actor; an organisation (ORG) goes to PERP: ORGANIZATION, anything else
  (persons, groups, descriptions like "TERRORISTS") to PERP: INDIVIDUAL.
- Target: the event's target; people (a PERSON, NORP or GROUP actor, a head noun in HUMAN_NOUNS,
  or an event that reports dead or injured) go to HUM TGT, anything else to PHYS TGT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from wirescope.eval.muc_vocabulary import HUMAN_NOUNS
from wirescope.record import Article, Event, Participant

NOT_AN_INCIDENT = frozenset({"negated"})
NOT_YET = frozenset({"intended", "requested", "hypothetical"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ARSON_WORDS = re.compile(r"\b(?:BURN|TORCH|FIRE|ABLAZE)", re.I)
_ROBBERY_WORDS = re.compile(r"\b(?:LOOT|ROB|STOLE|STEAL)", re.I)


@dataclass(frozen=True)
class Incident:
    """One predicted MUC-4 incident, with the text of every string fill."""

    type: str
    stage: str
    date: date | None = None
    location: str | None = None
    perp_individual: tuple[str, ...] = ()
    perp_organization: tuple[str, ...] = ()
    physical_target: tuple[str, ...] = ()
    human_target: tuple[str, ...] = ()
    evidence: str = ""


def incidents_of(article: Article) -> list[Incident]:
    """The adapter: the MUC-4 incidents our record of the article states."""
    incidents = []
    for event in article.events:
        kind = incident_type(article, event)
        if kind is None or event.modality in NOT_AN_INCIDENT or event.historical:
            continue
        individuals, organizations = perpetrators(article, event.actor)
        physical, human = targets(article, event)
        incidents.append(
            Incident(
                kind,
                stage_of(event),
                day_of(event),
                place_name(article, event),
                individuals,
                organizations,
                physical,
                human,
                article.text_of(event.evidence),
            )
        )
    return incidents


def incident_type(article: Article, event: Event) -> str | None:
    if event.type == "ASSAULT":
        if event.mode == "clash":
            return None
        return {"explosives": "BOMBING", "suicide bomb": "BOMBING", "abduct": "KIDNAPPING"}.get(
            event.mode or "", "ATTACK"
        )
    if event.type == "THREATEN":
        return "ATTACK"
    if event.type == "COERCE" and event.mode == "destroy property":
        evidence = article.text_of(event.evidence)
        return "ROBBERY" if _ROBBERY_WORDS.search(evidence) else "ARSON" if _ARSON_WORDS.search(evidence) else None
    if event.type == "COERCE" and event.mode == "abduct":
        return "KIDNAPPING"
    return None


def stage_of(event: Event) -> str:
    return "THREATENED" if event.type == "THREATEN" or event.modality in NOT_YET else "ACCOMPLISHED"


def day_of(event: Event) -> date | None:
    if event.time and _DAY.match(event.time.value):
        return date.fromisoformat(event.time.value)
    return None


def place_name(article: Article, event: Event) -> str | None:
    if event.place is None:
        return None
    place = next((p for p in article.places if p.id == event.place.actor_id), None)
    return place.name if place else event.place.name


def perpetrators(article: Article, actor: Participant | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(individuals, organisations) named by the event's actor."""
    if actor is None:
        return (), ()
    name = participant_text(article, actor)
    record = article.actor(actor.actor_id)
    return ((), (name,)) if record is not None and record.type == "ORG" else ((name,), ())


def targets(article: Article, event: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(physical, human) targets named by the event's target."""
    if event.target is None:
        return (), ()
    name = participant_text(article, event.target)
    record = article.actor(event.target.actor_id)
    human = (
        (record is not None and record.type in ("PERSON", "NORP", "GROUP"))
        or bool(set(name.upper().split()) & HUMAN_NOUNS)
        or bool(event.fatalities or event.injured)
    )
    return ((), (name,)) if human else ((name,), ())


def participant_text(article: Article, participant: Participant) -> str:
    """The words of the text (MUC fills are text strings), or the participant's name if it has no span."""
    return article.text_of(participant.span) if participant.span else participant.name
