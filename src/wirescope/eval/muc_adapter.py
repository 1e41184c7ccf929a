"""From wirescope's record to MUC-4 incidents: the one place that knows how our events map to MUC slots.

It reads the document-level event records (annotate/events/records.py): one incident per record,
its date, place, perpetrator and target taken from the whole report (a framing phrase, the lead,
the dateline) where the mention's clause does not state them.

The mapping, and what it gets wrong:
- Which events are incidents: ASSAULT, THREATEN, and COERCE that destroys property or abducts
  (MUC-4 incidents are terrorist violence). Negated and historical events are not incidents; an
  ASSAULT whose mode is `clash` is not either, since the task definition excludes clashes between
  guerrillas and the military. The task definition's other tests of relevance (a target that is
  only military, the nine countries, recent, specific) are eval/muc_relevance.py's; attacks by the
  army on guerrillas still come out as incidents when the target is not named as military.
- Type: explosives -> BOMBING, abduct -> KIDNAPPING, property set on fire -> ARSON, looting ->
  ROBBERY, any other ASSAULT or THREATEN -> ATTACK. We have no mode for FORCED WORK STOPPAGE.
- Stage: THREATEN, and events stated as intended, requested or hypothetical -> THREATENED; the
  rest -> ACCOMPLISHED. Nothing in our record says "attempted", so ATTEMPTED is never predicted.
- Date: the record's date when it is a day (YYYY-MM-DD): stated around a mention, in the lead or
  dateline, else the publication day (the dateline day here), as the record says in `filled_from`.
- Location: the name of the record's place (the dateline's place only as the last resort).
- Perpetrator: the event's actor; an organisation (an ORG or GROUP actor, a name ending in MOVEMENT,
  FRONT, ARMY... or an acronym the text spells out in brackets) goes to PERP: ORGANIZATION, anything else
  (persons, groups, descriptions like "TERRORISTS") to PERP: INDIVIDUAL.
- Target: the event's target; people (a PERSON, NORP or GROUP actor, a head noun in HUMAN_NOUNS,
  or an event that reports dead or injured) go to HUM TGT, anything else to PHYS TGT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from wirescope.eval.muc_relevance import irrelevance
from wirescope.eval.muc_vocabulary import HUMAN_NOUNS
from wirescope.record import Argument, Article, Event, EventRecord, Participant

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
    """The adapter: the MUC-4 incidents our record of the article states, one per event record (the
    mentions of one attack in the lead and the body are one incident), its arguments taken from the
    whole report (annotate/events/records.py)."""
    mentions = {e.id: e for e in article.events}
    incidents = []
    for record in article.event_records:
        grouped = [mentions[m] for m in record.mentions]
        # an incident when one of its mentions is one: "guerrillas attacked the farm" stays an attack
        # when a later mention calls it "the skirmish" (a clash, which alone is no MUC incident)
        kind = next((k for m in grouped if (k := incident_type(article, m)) is not None), None)
        if kind is None or record.modality in NOT_AN_INCIDENT or record.historical:
            continue
        individuals, organizations = _union(perpetrators(article, p) for p in _actors(record, grouped))
        physical, human = _union(record_targets(article, record, p) for p in _targets(record, grouped))
        day = record_day(record)
        if irrelevance(article, record, day, kind, physical + human) is not None:
            continue
        incidents.append(
            Incident(
                kind,
                "THREATENED" if record.type == "THREATEN" or record.modality in NOT_YET else "ACCOMPLISHED",
                day,
                record.place.value if record.place else None,
                individuals,
                organizations,
                physical,
                human,
                article.text_of(record.evidence),
            )
        )
    return incidents


def _participant(argument: Argument | None) -> Participant | None:
    """An argument as the participant the mention-level helpers below read."""
    if argument is None:
        return None
    normalized = argument.normalized if isinstance(argument.normalized, str) else None
    return Participant(argument.value, normalized, argument.evidence)


def record_day(record: EventRecord) -> date | None:
    """The record's date when it is a day (the publication day stands in only as the last resort)."""
    value = "" if record.date is None else str(record.date.normalized)[:10]  # "1990-02-17TNI": that night
    return date.fromisoformat(value) if _DAY.match(value) else None


def _actors(record: EventRecord, grouped: list[Event]) -> list[Participant | None]:
    """The record's actor, then those of its other mentions: a MUC template lists every perpetrator
    the report names for the incident ("URBAN GUERRILLAS" in the lead, "FMLN" in the body)."""
    return [_participant(record.actor), *(m.actor for m in grouped)]


def _targets(record: EventRecord, grouped: list[Event]) -> list[Participant | None]:
    return [_participant(record.target), *(m.target for m in grouped)]


def _union(pairs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Pairs of fills merged, in order, each text once."""
    first: list[str] = []
    second: list[str] = []
    for a, b in pairs:
        first += [x for x in a if x not in first]
        second += [x for x in b if x not in second]
    return tuple(first), tuple(second)


def record_targets(
    article: Article, record: EventRecord, target: Participant | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(physical, human) targets named by one target of the record; a toll counted on the target's own
    words ("killed a peasant") makes it human, a toll elsewhere in the report does not ("the farm")."""
    if target is None:
        return (), ()
    name = participant_text(article, target)
    actor = article.actor(target.actor_id)
    tolls = [c.evidence for c in (record.fatalities, record.injured) if c is not None and c.evidence is not None]
    human = (
        (actor is not None and actor.type in ("PERSON", "NORP", "GROUP"))
        or bool(set(name.upper().split()) & HUMAN_NOUNS)
        or (target.span is not None and any(t.overlaps(target.span) for t in tolls))
    )
    return ((), (name,)) if human else ((name,), ())


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


# Actor types MUC-4 files as PERP: ORGANIZATION.
ORG_TYPES_FOR: tuple[str, ...] = ("ORG", "GROUP")
# Last words naming an organisation, not its members ("SHINING PATH MEMBERS" are individuals).
ORGANIZATION_HEADS = frozenset(
    {"MOVEMENT", "FRONT", "ARMY", "PARTY", "COMMAND", "BRIGADE", "BRIGADES", "ORGANIZATION", "CARTEL", "PATH"}
)


def perpetrators(article: Article, actor: Participant | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(individuals, organisations) named by the event's actor."""
    if actor is None:
        return (), ()
    name = participant_text(article, actor)
    return ((), (name,)) if is_organization(article, actor) else ((name,), ())


def is_organization(article: Article, actor: Participant) -> bool:
    """An organisation: an actor the actor dictionary or the resolver types ORG, else words the NER
    labels ORG (an unresolved "FARABUNDO MARTI NATIONAL LIBERATION FRONT" in capitals has no actor)."""
    record = article.actor(actor.actor_id)
    if record is not None and record.type in ORG_TYPES_FOR:
        return True
    name = participant_text(article, actor).upper().strip("[]() ")
    words = name.split()
    if words and words[-1] in ORGANIZATION_HEADS:  # "TUPAC AMARU REVOLUTIONARY MOVEMENT", "SHINING PATH"
        return True
    if len(words) == 1 and (f"[{name}]" in article.text.upper() or f"({name})" in article.text.upper()):
        return True  # an acronym the report spells out in brackets: "... LIBERATION FRONT [FMLN]"
    span = actor.span
    return span is not None and any(m.label == "ORG" and m.span.overlaps(span) for m in article.mentions)


def participant_text(article: Article, participant: Participant) -> str:
    """The words of the text (MUC fills are text strings), or the participant's name if it has no span."""
    return article.text_of(participant.span) if participant.span else participant.name
