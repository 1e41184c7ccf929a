"""Events: who did what to whom, where and when, typed with PLOVER, with how the text states it.

For each sentence of the parse:
1. triggers: verbs, phrasal verbs, verb + object pairs and nouns from lexicon.py name an
   event type (and sometimes its mode); a noun carried by a light verb ("launched an attack")
   takes the verb's participants; a noun that is the object of another trigger adds nothing;
2. participants (annotate/events/participants.py): the actor is the subject, the target the
   object, pronouns followed to named actors, and the place where it happened;
3. time: the TIMEX of article.times inside the event's own clause (the times annotator's value,
   never re-parsed here); `historical` when that time, or a year in the clause, is before the
   publication year;
4. modality from annotate/events/modality.py; a quote's speaker (article.quotes) claims what is inside it;
5. fatalities and injured from the casualty words of the clause, counted ACLED's way.

What it gets wrong: events named only by adjectives or idioms, participants the parser attaches
to the wrong verb, and actors named only by a description ("the group") when the actors
annotator has not linked that description to an actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wirescope.annotate.events import lexicon as lex
from wirescope.annotate.events.arguments import casualties, casualty_scope, is_historical, publication_year, time_of
from wirescope.annotate.events.history import inherit_history, of_an_era, victim_on_the_day
from wirescope.annotate.events.modality import in_headline_list, own_clause, read_modality
from wirescope.annotate.events.participants import (
    NESTED_CLAUSES,
    EventContext,
    actor_of,
    affiliation,
    forces_gerund,
    is_enemy,
    participant,
    place_of,
    subject_of,
    target_of,
)
from wirescope.annotate.pipeline import annotator
from wirescope.annotate.tokens import doc_text
from wirescope.record import Article, Event, Span, stable_id

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
# Where a gerund stands as a noun: subject, object, object of a preposition.
GERUND_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
PEOPLE_LABELS = frozenset({"PERSON", "NORP"})


@annotator(
    "events",
    requires=("doc", "sentences", "mentions", "actors", "times", "places", "quotes"),
    adds=("events",),
    version="2",  # 2: a violent noun's "of" is its target
)
def extract_events(article: Article) -> Article:
    """Annotator: every event the parse shows, typed, with participants, time and modality."""
    if article.doc is None:
        return article
    ctx = EventContext(article)
    reference_year = publication_year(article)
    told = []
    for sent in article.doc.sents:
        for found in find_triggers(sent):
            if not _natural_cause(*found) and not _not_hostile(*found):
                told.append((found[0], build_event(ctx, reference_year, *found)))
    events = [victim_on_the_day(article, e, reference_year) for e in inherit_history(told, reference_year)]
    events.sort(key=lambda e: e.evidence.start)  # text order, as every annotation is kept (docs/record.md)
    return replace(article, events=tuple(events))


# --- triggers ------------------------------------------------------------------------------------


def find_triggers(sent) -> list[tuple]:
    """(trigger token, predicate token, type, mode) for each event the sentence names."""
    found = {}
    for token in sent:
        hit = gerund_trigger(token) or (verb_trigger(token) if token.pos_ in ("VERB", "AUX") else noun_trigger(token))
        if hit is not None:
            found[token.i] = (token, *hit)
    kept = [f for f in found.values() if not _covered(f, found)]
    acts = [
        f
        for f in kept
        if f[2] == "ASSAULT"
        and f[0].lemma_.lower() not in lex.CASUALTY_VERBS
        and f[3] != "repress"  # less-lethal force: a killing beside it is an act of its own
        and not _time_landmark(f[0])
    ]
    if acts:  # "militants shelled the district, killing 12": the killing is the shelling's toll
        kept = [f for f in kept if not (f[2] == "ASSAULT" and f[0].lemma_.lower() in lex.CASUALTY_VERBS)]
    return [_verbal_attack(f) for f in kept]


def _time_landmark(token) -> bool:
    """An attack named only to date another event ("killed him two days before the attacks on
    New York") is not the killing's attack: the killing keeps its own event."""
    return any(a.lower_ in lex.TIME_LANDMARK_WORDS and a.dep_ == "prep" for a in token.ancestors)


def _verbal_attack(found: tuple) -> tuple:
    """An attack made with words ("attacked her opponent as a fraud in a debate") is an ACCUSE.
    Misses verbal attacks with no cue ("Reid has been pounding Trump")."""
    token, predicate, type_, _mode = found
    if type_ != "ASSAULT" or token.lemma_.lower() not in lex.VERBAL_ATTACK_VERBS:
        return found
    words = {t.lower_ for t in predicate.subtree} | {t.lower_ for t in token.subtree}
    if words & lex.VERBAL_ATTACK_CUES or any(c.dep_ == "prep" and c.lower_ == "as" for c in predicate.children):
        return (token, predicate, "ACCUSE", None)
    return found


def verb_trigger(verb) -> tuple | None:
    """(predicate, type, mode) when the verb names an event; None otherwise."""
    lemma = verb.lemma_.lower()
    obj = _direct_object(verb)
    for child in verb.children:
        if _phrasal_part(verb, child) and (lemma, child.lower_) in lex.PHRASAL_TRIGGERS:
            return (verb, *lex.PHRASAL_TRIGGERS[(lemma, child.lower_)])
    if obj is not None:
        hit = _object_trigger(lemma, obj)
        if hit:
            return (verb, *hit)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        hit = _subject_trigger(lemma, subject.lemma_.lower())
        if hit:
            return (verb, *hit)
    if lemma not in lex.VERB_TRIGGERS:
        return None
    if lemma in lex.INTRANSITIVE_TRIGGERS and obj is not None:
        return None  # "retreating troops" misread as a verb with an object
    if lemma in lex.NEEDS_ARGUMENT and obj is None and not _has_target_phrase(verb):
        return None
    if verb.dep_ == "amod":  # "wounded soldiers", "the besieged city": a state, not a new event
        return None
    return (verb, *lex.VERB_TRIGGERS[lemma])


def gerund_trigger(token) -> tuple | None:
    """A gerund the parser tags as a verb where it stands as a noun: "killed in police firing",
    "the army's shelling"; its event has no subject of its own (the owner is the actor)."""
    if token.tag_ != "VBG" or not (token.dep_ in GERUND_DEPS or forces_gerund(token)):
        return None
    trigger = lex.GERUND_TRIGGERS.get(token.lemma_.lower())
    return (token, *trigger) if trigger else None


def _phrasal_part(verb, child) -> bool:
    """A particle, an object ("open fire"), or a preposition right after the verb: "took on the
    Taliban" is a fight, "took Kabul on 15 August" is not."""
    if child.dep_ in ("prt", "dobj"):
        return True
    return child.dep_ == "prep" and child.i == verb.i + 1


def _subject_trigger(lemma: str, subject_lemma: str):
    for cls, members in lex.OBJECT_CLASSES.items():
        if subject_lemma in members and (lemma, cls) in lex.SUBJECT_TRIGGERS:
            return lex.SUBJECT_TRIGGERS[(lemma, cls)]
    return None


def _object_trigger(lemma: str, obj):
    """A verb + object pair; the object's class is read through "of" ("a cache of ammunition")."""
    heads = [obj, *_of_objects(obj)]
    for head in heads:
        if (lemma, head.lemma_.lower()) in lex.OBJECT_TRIGGERS:
            return lex.OBJECT_TRIGGERS[(lemma, head.lemma_.lower())]
        for cls in object_classes(head):
            if (lemma, cls) in lex.OBJECT_TRIGGERS:
                return lex.OBJECT_TRIGGERS[(lemma, cls)]
    return None


def object_classes(noun) -> list[str]:
    """The OBJECT_CLASSES a noun belongs to, by its lemma, else by its name: a person or a group
    named ("captured Mullah Omar", "two Taliban") is PEOPLE, a place named is TERRITORY."""
    lemma = noun.lemma_.lower()
    classes = [cls for cls, members in lex.OBJECT_CLASSES.items() if lemma in members]
    if not classes and noun.ent_type_ in PEOPLE_LABELS:
        classes.append("PEOPLE")
    if not classes and noun.ent_type_ in lex.PLACE_LABELS:
        classes.append("TERRITORY")
    return classes


def noun_trigger(noun) -> tuple | None:
    """(predicate, type, mode) when the noun names an event; a light verb carrying it is the predicate."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound" or noun.ent_type_ in ("DATE", "TIME"):
        return None  # a compound's head names the event; "on 1 March" is a day, not a march
    lemma = noun.lemma_.lower()
    of_words = [g.lemma_.lower() for g in _of_objects(noun)]
    named_by_of = next((lex.NOUN_OF_TRIGGERS[(lemma, w)] for w in of_words if (lemma, w) in lex.NOUN_OF_TRIGGERS), None)
    if named_by_of is not None:  # "an exchange of fire"
        return (noun, *named_by_of)
    if lemma not in lex.NOUN_TRIGGERS:
        return None
    type_, mode = _retyped_by_of(noun, *lex.NOUN_TRIGGERS[lemma])
    if any((lemma, c.lower_) in lex.NOT_EVENT_PHRASES for c in noun.children):
        return None  # "a great deal"
    if lemma == "custody" and not (noun.head.lower_ == "into" and noun.dep_ == "pobj"):
        return None  # "taken into custody" is an arrest; "died in custody", "have three in custody" are not
    if lemma in lex.NOUNS_NEEDING_MODE and _mode_of_words(noun) is None:
        return None  # "strike" alone may be a labour strike; "air strike" is not
    carrier = noun.head if noun.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") else None
    if carrier is not None and carrier.lemma_.lower() in lex.LIGHT_VERBS:
        type_ = lex.RETYPED_BY_VERB.get((carrier.lemma_.lower(), type_), type_)
        return (carrier, type_, mode)
    return (noun, type_, mode)


def _of_objects(noun) -> list:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _retyped_by_of(noun, type_: str, mode: str | None) -> tuple[str, str | None]:
    """ "the capture of a commander" is an arrest; "the capture of the town" ground taken."""
    lemma = noun.lemma_.lower()
    for obj in _of_objects(noun):
        for cls in object_classes(obj):
            if (lemma, cls) in lex.NOUN_OF_RETYPED:
                return lex.NOUN_OF_RETYPED[(lemma, cls)]
    return type_, mode


def _not_hostile(trigger, predicate, type_: str, _mode) -> bool:
    """Shooting into the air, celebratory gunfire: firing at no one is no assault."""
    if type_ != "ASSAULT":
        return False
    words = {t.lower_ for w in (trigger, predicate) for t in w.subtree if t.dep_ in ("amod", "pobj", "prep")}
    return bool(words & lex.NOT_HOSTILE_WORDS)


def _natural_cause(trigger, predicate, type_: str, _mode) -> bool:
    """Deaths and damage a disaster caused ("an earthquake killed eight") are no one's act. Without a
    doer, a disaster word anywhere in the sentence is taken as the cause: wrong for an attack
    reported in a sentence that also mentions a flood."""
    if type_ != "ASSAULT":
        return False
    doer = subject_of(predicate) if predicate.pos_ in ("VERB", "AUX") else None
    if doer is not None:
        return doer.lemma_.lower() in lex.DISASTER_WORDS
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.DISASTER_WORDS for t in trigger.sent)


def _covered(found: tuple, all_found: dict) -> bool:
    """Skip a trigger another one already stands for: "sent fighters to mass" is one MOBILIZE."""
    token, _predicate, type_, _ = found
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
        # "condemned the attack": the verb's event is the event; "visited the site of the massacre"
        # keeps both, the massacre not being the visit's object
        other = all_found.get(token.head.i)
        if other is not None and other[0] != token and token.head.lemma_.lower() not in lex.LIGHT_VERBS:
            return True
    if _object_apposition(token, all_found):  # "set off an Improvised Explosive Device (IED)": one act
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "conj" and token.head.i in all_found:
        return all_found[token.head.i][2] == type_  # "killings and vendettas": one report of violence
    purpose = token.dep_ == "xcomp" or (
        token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )
    if purpose and token.head.i in all_found:
        return all_found[token.head.i][2] == type_
    return False


def _object_apposition(token, all_found: dict) -> bool:
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "appos"
        and token.head.dep_ == "dobj"
        and token.head.head.i in all_found
    )


def _direct_object(verb):
    """The object, the subject of a passive, or the noun a past participle describes ("shells fired")."""
    found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return found


def _has_target_phrase(verb) -> bool:
    return any(c.dep_ in ("prep", "agent") and c.lower_ in lex.TARGET_PREPOSITIONS | {"by"} for c in verb.children)


# --- one event -----------------------------------------------------------------------------------


def build_event(
    ctx: EventContext, reference_year: int | None, trigger, predicate, type_: str, mode: str | None
) -> Event:
    """One Event: modality and source first (a quote's speaker claims what is inside the quote),
    then participants, time, place and casualties."""
    article = ctx.article
    reading = read_modality(trigger)
    modality, source = reading.modality, participant(ctx, reading.source)
    quote = ctx.quote_at(trigger)
    if quote is not None and quote.speaker is not None and source is None:
        source = quote.speaker
        modality = "claimed" if modality in ("asserted", "reported") else modality
    actor, target = actor_of(ctx, predicate, trigger), target_of(ctx, predicate, trigger)
    if actor is not None and target is not None and target.actor_id and target.actor_id == actor.actor_id:
        target = None  # "the Taliban sent its fighters": one's own forces are not a target
    if actor is None and source is not None and is_enemy(target):
        actor = affiliation(ctx, reading.source, source)
    time = time_of(ctx, predicate, trigger)
    fatalities, injured = casualties(casualty_scope(predicate) if type_ == "ASSAULT" else ())
    stating = _stating_clause(predicate, trigger)
    if modality == "asserted" and in_headline_list(trigger, article.title):
        modality = "reported"  # a related story's headline: told here, not reported by this article
    return Event(
        id=stable_id("evt", article.id, type_, trigger.idx),
        type=type_,
        evidence=evidence_span(stating, trigger),
        modality=modality,
        historical=is_historical(reference_year, predicate, time)
        or (stating != predicate and is_historical(reference_year, stating, time))
        or of_an_era(reference_year, predicate, stating, trigger),
        mode=_mode(type_, mode, predicate, trigger),
        actor=actor,
        target=target,
        place=place_of(ctx, predicate, trigger),
        time=time,
        source=source,
        fatalities=fatalities,
        injured=injured,
    )


def _stating_clause(predicate, trigger):
    """For an event noun standing alone, the clause or phrase that states it ("there had been no
    exchange of gunfire", "widespread reports of killings"); otherwise the predicate."""
    return own_clause(trigger) if predicate == trigger and trigger.pos_ in ("NOUN", "PROPN") else predicate


def evidence_span(predicate, trigger) -> Span:
    """The event's own clause: the predicate and its dependents, without the clauses nested in it."""
    tokens = [
        trigger,
        *(t for c in predicate.children if c.dep_ not in NESTED_CLAUSES | {"punct"} for t in c.subtree),
        predicate,
    ]
    sent = predicate.sent
    start = max(min(t.idx for t in tokens), sent.start_char)
    end = min(max(t.idx + len(t) for t in tokens), sent.end_char)
    # a parse that runs over a line break (a headline, a byline) is cut back to the trigger's line
    text = doc_text(trigger.doc)
    start = max(start, text.rfind("\n", 0, trigger.idx) + 1)
    line_end = text.find("\n", trigger.idx)
    return Span(start, end if line_end < 0 else min(end, line_end))


def _mode(type_: str, mode: str | None, predicate, trigger) -> str | None:
    if type_ == "PROTEST" and _violent(trigger):
        return "riot"
    if type_ != "ASSAULT":
        return mode
    named = [_mode_of_words(trigger), _mode_of_words(predicate), mode]
    if trigger.dep_ == "acl":  # "the missile fired by the army": the noun it describes says how
        named.append(_mode_of_words(trigger.head))
    if trigger.pos_ in ("NOUN", "PROPN"):  # "used mustard gas in an attack": the verb's object says how
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        named.append(_mode_of_words(verb) if verb is not None else None)
    candidates = [m for m in named if m]
    return min(candidates, key=_mode_rank) if candidates else None


def _violent(trigger) -> bool:
    """A protest the text calls violent, or that "turned violent"."""
    near = [*trigger.children, *(trigger.head.children if trigger.dep_ in ("nsubj", "nsubjpass") else ())]
    return any(w.lower_ in lex.VIOLENT_WORDS for w in near)


def _mode_rank(mode: str) -> int:
    return lex.MODE_PRIORITY.index(mode) if mode in lex.MODE_PRIORITY else len(lex.MODE_PRIORITY)


def _mode_of_words(token) -> str | None:
    """The most specific mode named by the words around a trigger: "drone strike", "fired rockets"."""
    words = [token, *(t for c in token.children if c.dep_ not in NESTED_CLAUSES for t in c.subtree)]
    modes = [m for w in words if (m := _word_mode(w))]
    return min(modes, key=_mode_rank) if modes else None


def _word_mode(word) -> str | None:
    for child in word.children:
        if child.dep_ in ("compound", "amod") and (child.lower_, word.lemma_.lower()) in lex.MODE_COMPOUNDS:
            return lex.MODE_COMPOUNDS[(child.lower_, word.lemma_.lower())]
    if word.dep_ in ("compound", "amod") and (word.lower_, word.head.lemma_.lower()) in lex.MODE_COMPOUNDS:
        return None  # "tear" in "tear gas": its head names the mode
    return lex.MODE_WORDS.get(word.lemma_.lower()) or lex.MODE_WORDS.get(word.lower_)
