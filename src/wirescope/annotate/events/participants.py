"""Who takes part in an event, and where: actor, target, the speaker's side, and the place.

The actor is the subject (the `by` agent of a passive), the target the object (the subject of a
passive, or the object of on/against/with/upon). Pronouns and relative pronouns are followed to a
named actor (`resolve`); a common noun owned by a group ("Taliban fighters", "its fighters") acts
for that group. A place is a place name under an in/at/along... phrase of the event, of its object
or of its noun, or "the valley" meaning the valley named last.

Mentions the actors annotator linked to an actor (names, descriptions such as "the group",
pronouns) are used first; the rules here only fill in where it did not.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from wirescope.annotate.english import pronouns
from wirescope.annotate.events import lexicon as lex
from wirescope.annotate.spans import SpanIndex
from wirescope.record import Article, Mention, Participant, Quote, Span

# Clause-level dependents that start another clause: their words are not this event's participants.
NESTED_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "conj", "parataxis", "csubj", "acl", "xcomp", "cc"})
PERSONAL = pronouns(person=True)
COLLECTIVE = pronouns(person=False)
RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "GROUP"})
# What is fired, thrown or planted: the means of an assault, never its target.
INSTRUMENT_CLASSES = ("FIRED", "WEAPONS", "PROJECTILES", "CROWD_CONTROL")
# Entity labels that are never a participant: "fled on August 15" has no target.
NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


class EventContext:
    """What building events needs from the article, indexed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.doc = article.doc
        self.mentions = sorted(article.mentions, key=lambda m: m.span.start)
        self._mentions = SpanIndex(self.mentions)
        self.times = SpanIndex(article.times)
        self.events = SpanIndex(article.events, span_of=lambda e: e.evidence)
        self.place_names = {article.text_of(m.span).lower() for m in article.mentions if m.label in lex.PLACE_LABELS}

    def mention_at(self, token) -> Mention | None:
        found = self._mentions.overlapping(Span(token.idx, token.idx + len(token)))
        return found[0] if found else None

    def quote_at(self, token) -> Quote | None:
        return next((q for q in self.article.quotes if q.span.start <= token.idx < q.span.end), None)


def actor_of(ctx: EventContext, predicate, trigger) -> Participant | None:
    if forces_gerund(predicate):
        return participant(ctx, predicate.head)
    if predicate.pos_ in ("NOUN", "PROPN") or _is_gerund_noun(predicate):
        return participant(ctx, _noun_actor(predicate))
    subject = subject_of(predicate)
    if subject is not None and subject == trigger:  # "fighting intensified": the event is no one's doer
        return participant(ctx, _noun_actor(trigger))
    if subject is not None and subject.ent_type_ in NOT_PARTICIPANTS:  # "at least 30 minutes passed"
        return None
    if subject is not None and is_means(subject):  # "Taliban rockets hit ...": their owner acted
        return participant(ctx, _noun_actor(subject))
    return participant(ctx, subject)


def is_means(token) -> bool:
    """A weapon or a blast standing as subject ("the bombs killed nine", "an explosion wounded six"):
    the means of the event, not its doer; an unnamed weapon's user is not stated in the clause."""
    lemma = token.lemma_.lower()
    if token.ent_type_:
        return False
    return lemma in lex.NOT_DOERS or any(lemma in lex.OBJECT_CLASSES[c] for c in INSTRUMENT_CLASSES)


def subject_of(verb):
    """The doer: the subject, the `by` agent of a passive, or the subject a controlling verb shares."""
    for _ in range(4):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head == verb:
            return None
        verb = verb.head
    return None


def forces_gerund(token) -> bool:
    """ "killed in police firing" parsed as "police" described by "firing": the force is the doer."""
    return token.tag_ == "VBG" and token.dep_ == "acl" and token.head.lemma_.lower() in lex.OBJECT_CLASSES["FORCES"]


def _is_gerund_noun(token) -> bool:
    """ "the army's shelling", "police firing": a gerund the parser tags VERB standing as a noun."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def _noun_actor(noun):
    """ "the Taliban's attack", "a Taliban attack", "police firing", "an attack by the army",
    "killings carried out by"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")):
            return child
        if child.dep_ == "compound" and child.lemma_.lower() in lex.OBJECT_CLASSES["FORCES"]:
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl":
            return subject_of(child)
    return None


def target_of(ctx: EventContext, predicate, trigger) -> Participant | None:
    if trigger == predicate:  # "opened fire on protesters": "fire" belongs to the trigger
        own = next(
            (
                c
                for c in predicate.children
                if c.dep_ == "dobj" and (predicate.lemma_.lower(), c.lower_) in lex.PHRASAL_TRIGGERS
            ),
            None,
        )
        token = target_token(predicate, exclude=own or instrument_of(predicate))
    else:  # "pursuing a peace deal with the Taliban": the noun's own phrase first, then the verb's
        token = target_token(trigger) or target_token(predicate, exclude=trigger)
    return participant(ctx, _named_member(ctx, token) or token)


def instrument_of(verb):
    """The object that is what the verb attacks with, not whom: "fired 64 rounds", "threw stones"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    lemma, head = verb.lemma_.lower(), obj.lemma_.lower()
    for cls in INSTRUMENT_CLASSES:
        trigger = lex.OBJECT_TRIGGERS.get((lemma, cls))
        used = (trigger is not None and trigger[0] == "ASSAULT") or lemma in lex.INSTRUMENT_VERBS
        if head in lex.OBJECT_CLASSES[cls] and used:
            return obj
    return None


def _named_member(ctx: EventContext, group):
    """ "met with all embassies in Kabul, including the U.S.": the one named of a group left unnamed.
    Read from the words after the group (the parser often attaches "including" elsewhere); wrong
    when the "including" belongs to another noun of the sentence."""
    if group is None or group.tag_ != "NNS" or ctx.mention_at(group) is not None:
        return None
    for token in group.doc[group.i + 1 : min(group.i + 12, group.sent.end)]:
        if token.lower_ == "including":
            named = next((t for t in token.subtree if t.dep_ == "pobj" and ctx.mention_at(t)), None)
            return named
        if token.lower_ in (";", ".") or (token.dep_ in ("relcl", "ccomp") and token.pos_ == "VERB"):
            return None
    return None


def target_token(word, exclude=None):
    """The one the event is done to: object, passive subject, or the object of on/against/with/upon."""
    if word.pos_ in ("NOUN", "PROPN") and word.head.lower_ == "under":  # "the enemy is under siege"
        return next((c for c in word.head.head.children if c.dep_ == "nsubj"), None)
    for dep in ("nsubjpass", "dobj", "dative"):
        found = next((c for c in word.children if c.dep_ == dep and c != exclude), None)
        if found is not None and not (dep == "dobj" and word.pos_ in ("NOUN", "PROPN")):
            return found
    patient = _patient_of(word)
    if patient is not None:
        return patient
    for child in word.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in lex.TARGET_PREPOSITIONS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in NOT_PARTICIPANTS:
                return obj
    return None


def _patient_of(word):
    """ "the kidnapping of the mayor", "the disappearance and kidnapping of Hector Oqueli" (the "of"
    hangs from the first noun of the pair): whom a patient noun's "of" names."""
    if not _is_patient_noun(word):
        return None
    for noun in (word, word.head) if word.dep_ == "conj" else (word,):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in NOT_PARTICIPANTS:
                    return obj
    return None


def _is_patient_noun(word) -> bool:
    return word.pos_ in ("NOUN", "PROPN") and (
        word.lower_ in lex.PATIENT_OF_NOUNS or word.lemma_.lower() in lex.PATIENT_OF_NOUNS
    )


def participant(ctx: EventContext, token, depth: int = 0) -> Participant | None:
    """A token naming someone, as a Participant linked to its actor where that is known."""
    if token is None or depth > 3:
        return None
    token = _phrase_head(token)
    mention = ctx.mention_at(token)
    if mention is not None:
        return _from_mention(ctx, mention)
    if token.lower_ in PERSONAL | COLLECTIVE | RELATIVE:
        return participant(ctx, resolve(ctx, token), depth + 1)
    if token.pos_ == "NOUN":
        side = _side_of(ctx, token)
        if side is not None:  # "its fighters", "al-Qaeda operatives", "Afghan troops" act for their side
            return participant(ctx, side, depth + 1)
    if token.pos_ in ("PRON", "DET", "NUM"):
        return None
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") and t.i <= token.i and t.dep_ != "det"]
    start, end = min(t.idx for t in words), token.idx + len(token)
    return Participant(ctx.article.text[start:end], None, Span(start, end))


def _side_of(ctx: EventContext, noun):
    """The group a common noun belongs to: a group name or pronoun modifying it ("Taliban fighters")."""
    for child in noun.children:
        if child.dep_ not in ("poss", "compound", "amod"):
            continue
        mention = ctx.mention_at(child)
        if mention is not None and mention.label in GROUP_LABELS:
            return child
        if child.dep_ == "poss" and child.lower_ in COLLECTIVE and noun.lemma_.lower() in lex.OBJECT_CLASSES["FORCES"]:
            return child
    return None


def _phrase_head(token):
    """From a possessive marker, a conjunction or an appositive to the name it belongs to."""
    appos = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "GPE")), None)
    if appos is not None and token.ent_type_ == "":
        return appos  # "Massoud's father, Ahmad Shah Massoud"
    return token


def _from_mention(ctx: EventContext, mention: Mention) -> Participant:
    actor = ctx.article.actor(mention.actor_id)
    name = actor.name if actor else ctx.article.text_of(mention.span)
    return Participant(name, mention.actor_id, mention.span)


def resolve(ctx: EventContext, pronoun):
    """The named subject a pronoun most likely stands for, or None.

    Relative pronouns stand for the noun their clause describes. Personal pronouns take the
    nearest compatible subject (a person for he/she, a group or country for they/it): first of a
    verb above them in the sentence, then earlier in the sentence, then of up to three sentences
    before. Wrong when the antecedent is an object ("the army fought the rebels until they fled").
    """
    if pronoun.lower_ in RELATIVE:
        clause = pronoun.head
        return clause.head if clause.dep_ in ("relcl", "acl") else None
    wanted = {"PERSON"} if pronoun.lower_ in PERSONAL else GROUP_LABELS
    verb = pronoun.head
    while verb.head != verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c != pronoun), None)
        if subject is not None and _label_of(ctx, subject) in wanted:
            return subject
    return _earlier_subject(ctx, pronoun, wanted)


def _earlier_subject(ctx: EventContext, pronoun, wanted: AbstractSet[str]):
    sent = pronoun.sent
    earlier = [t for t in sent if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass") and _label_of(ctx, t) in wanted]
    if earlier:
        return earlier[-1]
    sents = list(ctx.doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for previous in reversed(sents[max(0, index - 3) : index]):
        subjects = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        for subject in subjects:
            if _label_of(ctx, _phrase_head(subject)) in wanted:
                return _phrase_head(subject)
    return None


def _label_of(ctx: EventContext, token) -> str | None:
    mention = ctx.mention_at(_phrase_head(token))
    if mention is None:
        return None
    actor = ctx.article.actor(mention.actor_id)
    return actor.type if actor else mention.label


def is_enemy(target: Participant | None) -> bool:
    """ "the enemy": whoever the speaker fights."""
    return target is not None and target.name.lower().split()[-1] in lex.ENEMY_WORDS


def affiliation(ctx: EventContext, speaker_token, speaker: Participant) -> Participant | None:
    """The side a speaker speaks for: "Taliban spokesman Zabihullah Mujahid" speaks for the Taliban."""
    actor = ctx.article.actor(speaker.actor_id)
    if actor is not None:
        for relation in actor.relations:
            side = ctx.article.actor(relation.object_id)
            if relation.relation in lex.AFFILIATION_RELATIONS and side is not None:
                return Participant(side.name, side.id, relation.span)
    if speaker_token is None:
        return None
    head = _phrase_head(speaker_token)
    for token in head.subtree:
        mention = ctx.mention_at(token)
        if mention is not None and mention.span != speaker.span and mention.label in ("ORG", "NORP", "GPE"):
            return _from_mention(ctx, mention)
    return None


# --- place and time ------------------------------------------------------------------------------


def place_of(ctx: EventContext, predicate, trigger) -> Participant | None:
    """Where it happened: a place name under in/at/along... of the event, its object, or its noun."""
    for word in dict.fromkeys((trigger, predicate, *_objects(predicate))):
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in lex.PLACE_PREPOSITIONS:
                found = _place_in(ctx, child)
                if found is not None:
                    return found
            if child.dep_ == "acl":  # "the fighters holed up in the valley"
                found = place_of(ctx, child, child)
                if found is not None:
                    return found
    return _place_taken(ctx, predicate)


def _place_taken(ctx: EventContext, predicate) -> Participant | None:
    """Ground taken or held is where it happens: "captured the Panjshir Valley", "took control of Kabul"."""
    for obj in (c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass")):
        candidates = [obj] + [
            g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        for token in candidates:
            mention = ctx.mention_at(token)
            if mention is not None and _is_place(ctx, mention):
                return _place_participant(ctx, mention, token)
    return None


def _objects(predicate):
    return [c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass", "advcl") and c.pos_ != "PRON"]


def _place_in(ctx: EventContext, prep):
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    for token in obj.subtree:
        mention = ctx.mention_at(token)
        if mention is not None and _is_place(ctx, mention):
            return _place_participant(ctx, mention, token)
    if obj.lemma_.lower() in lex.PLACE_HEADS and any(c.lower_ == "the" for c in obj.children):
        return _named_before(ctx, obj)
    return None


def _is_place(ctx: EventContext, mention: Mention) -> bool:
    """A place label here, or a name the article labels a place elsewhere (one sense per article)."""
    if mention.label in lex.PLACE_LABELS:
        return True
    return ctx.article.text_of(mention.span).lower() in ctx.place_names or any(
        mention.span.overlaps(s) for p in ctx.article.places for s in p.mentions
    )


def _place_participant(ctx: EventContext, mention: Mention, token) -> Participant:
    for place in ctx.article.places:
        if any(s.overlaps(mention.span) for s in place.mentions):
            return Participant(place.name, place.id, mention.span)
    start, end = mention.span.start, mention.span.end
    head = token.head if token.dep_ == "compound" else None
    if head is not None and head.lemma_.lower() in lex.PLACE_HEADS:  # "the Panjshir valley"
        end = head.idx + len(head)
    return Participant(ctx.article.text[start:end], None, Span(start, end))


def _named_before(ctx: EventContext, noun):
    """ "the valley": the place last named with that word ("the Panjshir valley" earlier on)."""
    word = noun.lower_
    for token in reversed(ctx.doc[: noun.i]):
        if token.lower_ == word and token.i != noun.i:
            for child in token.children:
                mention = ctx.mention_at(child)
                if child.dep_ == "compound" and mention is not None and _is_place(ctx, mention):
                    return _place_participant(ctx, mention, child)
    return None
