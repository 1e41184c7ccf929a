"""Whether an event is history, read beyond its date: by era, by the event it is told beside,
and who a historical event's people were on its day.

- An era word in the event's clause ("the Soviet occupation", "Soviet forces launched") places
  it before the era's last year (ERA_ENDS): a 2021 report's Soviet offensives are history even
  when no year is written. A hyphenated use ("Soviet-made rockets", "Soviet-era tanks") names
  the kind of a thing, not the time of the act, and does not count.
- An undated event told under a historical one ("killed him on 9 September 2001, two days before
  the attacks on New York") is history too; a reported clause (ccomp, parataxis) or a relative
  clause is a new statement and stops the climb.
- The victim of a killing dated to the day a same-named person died is that person: the 2001
  assassination of Ahmad Shah Massoud is the father's, even where a pronoun led to his living
  son (the actor dictionary's death dates, annotate/actors/dictionary.py).

What it gets wrong: eras not in ERA_ENDS, history told only by tense ("as a young man he ...").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from wirescope.annotate.actors.dictionary import curated_registry
from wirescope.annotate.events.participants import NESTED_CLAUSES
from wirescope.record import Article, Event, Participant

# Era words and the last year of the era they name.
ERA_ENDS: dict[str, int] = {"soviet": 1991, "ussr": 1991, "u.s.s.r.": 1991, "soviets": 1991}
# Hops that start a new statement: what is said or described there is not told under the event.
NEW_STATEMENT = frozenset({"ccomp", "parataxis", "relcl", "csubj"})
FATAL_MODES = frozenset({"kill", "assassinate"})


def of_an_era(reference_year: int | None, *clauses) -> bool:
    """An era word among the clauses' own words whose era ended before the publication year (an
    undated text is taken as written this year: a web page with no date is most likely recent)."""
    reference_year = reference_year or date.today().year
    for clause in clauses:
        for token in _clause_words(clause):
            end = ERA_ENDS.get(token.lower_)
            if end is not None and end < reference_year - 1 and not _hyphenated(token):
                return True
    return False


def _clause_words(word) -> list:
    return [word, *(t for c in word.children if c.dep_ not in NESTED_CLAUSES for t in c.subtree)]


def _hyphenated(token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–") and not doc[token.i + 1].whitespace_


def told_under_history(trigger, historical_triggers: set[int]) -> bool:
    """An undated event whose governing words hold a historical event's trigger, in one statement."""
    token = trigger
    while token.head != token and token.dep_ not in NEW_STATEMENT:
        token = token.head
        if token.i in historical_triggers:
            return True
    return False


def inherit_history(events: list[tuple], reference_year: int | None) -> list[Event]:
    """(trigger, Event) pairs -> events, an undated one told under a historical one made historical."""
    historical = {trigger.i for trigger, e in events if e.historical}
    out = []
    for trigger, e in events:
        if not e.historical and e.time is None and told_under_history(trigger, historical):
            e = replace(e, historical=True)
        out.append(e)
    return out


def victim_on_the_day(article: Article, event: Event, reference_year: int | None) -> Event:
    """A killing dated to a same-named person's death day: that person is its target. A killing
    of someone the dictionary says died years before the report is history, dated or not."""
    if event.type != "ASSAULT" or event.mode not in FATAL_MODES or event.target is None:
        return event
    if event.time is None:
        return _dead_long_ago(article, event, reference_year)
    day = event.time.value[:10]
    target_actor = article.actor(event.target.actor_id)
    if target_actor is None or target_actor.type != "PERSON" or _died_on(target_actor.name, day):
        return event
    surname = target_actor.name.split()[-1].lower()
    span = event.target.span
    # named outside the event's clause: the target came through a pronoun ("killed him")
    by_pronoun = span is not None and not (event.evidence.start <= span.start < event.evidence.end)
    dead_that_day = [
        a for a in article.actors if a.id != target_actor.id and a.type == "PERSON" and _died_on(a.name, day)
    ]
    # the same name (a father and a son), or a pronoun the resolver led to the wrong person
    fitting = [a for a in dead_that_day if by_pronoun or a.name.split()[-1].lower() == surname]
    if len(fitting) == 1:
        return replace(event, target=Participant(fitting[0].name, fitting[0].id, event.target.span))
    return event


def _dead_long_ago(article: Article, event: Event, reference_year: int | None) -> Event:
    target = article.actor(event.target.actor_id) if event.target else None
    if event.historical or target is None or target.type != "PERSON":
        return event
    found = curated_registry().full_name(target.name)
    died = found[0].died if found is not None else ""
    if died[:4].isdigit() and int(died[:4]) < (reference_year or date.today().year) - 1:
        return replace(event, historical=True)
    return event


def _died_on(name: str, day: str) -> bool:
    """The dictionary says this person died on that day (or that month or year, as precise as the day is)."""
    found = curated_registry().full_name(name, _as_date(day))
    return found is not None and bool(found[0].died) and found[0].died.startswith(day)


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
