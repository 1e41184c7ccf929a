"""How the text states an event: asserted, or negated, hypothetical, requested, intended, unconfirmed,
reported or claimed — read from the dependency parse around the event's trigger word.

The trigger's own clause is read first (negation, modal verbs, "if", "reportedly"); then the
path from the trigger up to the root of the sentence, one dependency hop at a time: each
governor on the way can make the event something that did not, or not yet, happen
("failed to capture", "plans to attack", "called on them to help", "reports that ... met",
"stopped short of confirming", "said that ...").

When several readings apply, the most cautious wins, in the order of MODALITY_PRIORITY (record.py): an event
that is both claimed and negated is negated. The rules read the parse, so a wrong parse gives a
wrong reading; the errors this causes are listed in docs/events.md.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from wirescope.annotate.events import lexicon as lex
from wirescope.annotate.tokens import doc_text
from wirescope.clean.scrape import looks_like_headline
from wirescope.record import MODALITY_PRIORITY, Modality

# Most cautious first: the first that applies is the event's modality.
# Hops by which the speaker of a verb of saying takes what is said.
SAID_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "dobj"})
# Hops to a complement that an intention word needs to say intention ("set to", "going to").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "prep", "pcomp", "acomp", "advcl"})
# Hops from an event noun to the verb it is an argument of ("put under arrest", "faced arrest").
ARGUMENT_DEPS = frozenset({"prep", "dobj", "nsubjpass", "pobj", "attr", "oprd"})
# Hops up a noun phrase to its head noun ("exchange of gunfire", "reports of killings").
NOMINAL_DEPS = frozenset({"pobj", "prep", "compound", "conj", "amod", "nmod", "appos", "cc"})
# Verbs that carry a noun's event without changing it: "there had been no exchange of gunfire".
CARRIER_VERBS = (
    frozenset(
        {
            "be",
            "have",
            "occur",
            "happen",
            "take",
            "break",
            "erupt",
            "continue",
            "see",
            "witness",
            "come",
            "remain",
            "feel",
            "receive",
            "experience",
            "endure",
            "sustain",
            "get",
        }
    )
    | lex.LIGHT_VERBS
)


@dataclass(frozen=True)
class Reading:
    """The modality of one event and, when someone states it, the token naming them."""

    modality: Modality
    source: Any = None  # a spaCy Token: the speaker, or the object of "according to"


def read_modality(trigger) -> Reading:
    """The modality of the event named by `trigger` (a spaCy Token), and who states it."""
    found: set[str] = set()
    head = own_clause(trigger)
    found |= own_clause_modality(trigger, head)
    source = _climb(head, found)
    modality: Modality = next((m for m in MODALITY_PRIORITY if m in found), "asserted")
    return Reading(modality, source)


# Searched for from the start of the text, not sliced: a slice per trigger copies the text once per event.
_NON_SPACE = re.compile(r"\S")


def in_headline_list(trigger, title: str | None = None) -> bool:
    """The trigger's line is a headline in a list of them, or a headline below the article's first
    line that is not its title: a related story or a roundup names events another report tells
    (the cleaner drops such lines from scrapes; text taken as given keeps them)."""
    text = doc_text(trigger.doc)
    start = text.rfind("\n", 0, trigger.idx) + 1
    end = text.find("\n", trigger.idx)
    line = text[start : end if end >= 0 else len(text)]
    if not looks_like_headline(line) or (title and line.strip() == title.strip()):
        return False
    if _NON_SPACE.search(text, 0, start):  # not the first line, which is the article's own headline
        return True
    after = text[end:].lstrip("\n").split("\n", 1)[0] if end >= 0 else ""
    return looks_like_headline(after)


def own_clause(trigger):
    """The verb whose clause states the event: the trigger itself, or the verb carrying an event noun."""
    chain = _nominal_chain(trigger)
    token = chain[-1]
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and token.head.pos_ in ("VERB", "AUX")
        and token.head.lemma_.lower() in CARRIER_VERBS
    ):
        return token.head
    return token if trigger.pos_ in ("NOUN", "PROPN") else trigger


def _nominal_chain(trigger) -> list:
    """The trigger and the nouns and prepositions above it: "clashes" <- "of" <- "reports"."""
    chain = [trigger]
    token = trigger
    while token.dep_ in NOMINAL_DEPS and token.head != token and token.head.pos_ in ("NOUN", "PROPN", "ADP"):
        token = token.head
        chain.append(token)
    return chain


def own_clause_modality(trigger, head) -> set[str]:
    found = set()
    if _noun_phrase_negated(trigger, head) or is_negated(head) or has_negative_subject(head):
        found.add("negated")
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & lex.HYPOTHETICAL_MODALS:
        found.add("hypothetical")
    if aux & lex.FUTURE_MODALS:
        found.add("intended")
    if _conditional(head) or _has_condition(head):
        found.add("hypothetical")
    if any(c.lower_ in lex.REPORT_ADVERBS for c in head.children):
        found.add("reported")
    found |= {
        lex.NOUN_MODIFIER_MODALITY[c.lower_]
        for c in trigger.children
        if c.dep_ == "amod" and c.lower_ in lex.NOUN_MODIFIER_MODALITY
    }
    chain = _nominal_chain(trigger) if trigger.pos_ in ("NOUN", "PROPN") else [trigger]
    for child, noun in itertools.pairwise(chain):  # "unconfirmed reports of clashes"
        if noun != head:
            found |= governor_modality(noun, child, child.dep_)
    if head != trigger:
        found |= governor_modality(head, chain[-1], "dobj")
    return found


def is_negated(token) -> bool:
    """A `not`/`never` on the word or its auxiliaries, or `no` as its determiner."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in ("no", "never")):
            return True
    return False


def has_negative_subject(verb) -> bool:
    """ "No one attacked", "nobody was killed": a subject that says nobody did it."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "expl"):
            continue
        if child.lower_ in lex.NEGATIVE_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    return False


def _noun_phrase_negated(trigger, head) -> bool:
    """ "no exchange of gunfire": a `no` anywhere on the way from the event noun to its verb."""
    token = trigger
    while token != head:
        if is_negated(token):
            return True
        if token.head == token:
            break
        token = token.head
    return False


def verb_mood(verb) -> set[str]:
    """What a verb's modal auxiliaries and conditions make of the event noun it governs: "he
    might be put under house arrest", "an arrest can be made if need be", "troops will come
    under attack". Negation is left out: "the soldiers were not hurt in the attack" denies the
    hurt, not the attack."""
    found = set()
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & lex.HYPOTHETICAL_MODALS or _conditional(verb) or _has_condition(verb):
        found.add("hypothetical")
    if aux & lex.FUTURE_MODALS:
        found.add("intended")
    return found


def _conditional(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lex.HYPOTHETICAL_MARKERS for c in clause.children)


def _infinitive(clause) -> bool:
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _has_condition(clause) -> bool:
    """The consequent of a condition: "if that fails, they will ..." """
    return any(c.dep_ == "advcl" and _conditional(c) for c in clause.children)


def governor_modality(governor, child, dep: str, nearest: bool = True) -> set[str]:
    """What a governing word makes of the event in its complement (`child`, reached by `dep`).

    Failing, preventing, intending, requesting and fearing bear on the nearest verb below them
    only (`nearest`): "declined to confirm reports that he was arrested" denies the confirming,
    not the arrest. Reports bear on everything they carry.
    """
    lemma = governor.lemma_.lower()
    found = set()
    if nearest:
        found |= _nearest_governor_modality(governor, lemma, child, dep)
    if lemma in lex.REPORT_NOUNS and governor.pos_ == "NOUN":
        found.add("unconfirmed" if _doubted(governor) else "reported")
    if lemma in lex.REPORTING_PASSIVES and any(c.dep_ == "auxpass" for c in governor.children) and dep == "xcomp":
        found.add("reported")
    return found


def _nearest_governor_modality(governor, lemma: str, child, dep: str) -> set[str]:
    found = set()
    if lemma in lex.FAILING_GOVERNORS or (lemma in lex.PREVENTING_GOVERNORS and _via_from(child)):
        found.add("negated")
    if dep in ("xcomp", "acomp") and (is_negated(governor) or has_negative_subject(governor)):
        found.add("negated")
    if lemma in lex.HYPOTHETICAL_GOVERNORS:
        found.add("hypothetical")
    if lemma in lex.REQUEST_GOVERNORS and dep in ("xcomp", "ccomp", "advcl", "oprd", "dobj"):
        found.add("requested")
    if lemma in lex.INTENTION_GOVERNORS and governor.pos_ in ("VERB", "NOUN", "ADJ", "AUX") and _intends(lemma, dep):
        found.add("intended")
    return found


def _intends(lemma: str, dep: str) -> bool:
    """ "is set to attack" intends; "set off a bomb" is the act (INTENTION_NEEDS_COMPLEMENT)."""
    return lemma not in lex.INTENTION_NEEDS_COMPLEMENT or dep in COMPLEMENT_DEPS


def _via_from(child) -> bool:
    """ "held the Taliban back from taking": prevention needs its `from`."""
    return child.lower_ == "from" or (child.dep_ == "pcomp" and child.head.lower_ == "from")


def _doubted(report) -> bool:
    """A report the text marks as unconfirmed, or that someone declined to confirm."""
    if any(c.lower_ in lex.UNCONFIRMED_WORDS for c in report.children):
        return True
    token = report
    for _ in range(6):  # a few hops: "stopped short of confirming reports"
        if token.head == token:
            return False
        token = token.head
        lemma = token.lemma_.lower()
        if lemma in lex.CONFIRM_VERBS and (is_negated(token) or _not_confirming(token)):
            return True
    return False


def _not_confirming(confirm) -> bool:
    token = confirm
    for _ in range(4):
        if token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in lex.NOT_CONFIRMING_GOVERNORS or is_negated(token):
            return True
    return False


def _climb(head, found: set[str]):
    """Walk from the event's clause to the root, adding what each governor says; returns the source."""
    source = None
    child, token = head, head.head
    said = False
    nearest = True  # no verb passed yet between the event's clause and this governor
    while token != child:
        dep = child.dep_
        if dep == "relcl":  # a relative clause describes its noun; the main clause says nothing of it
            break
        if _conditional(child):
            found.add("hypothetical")
        if dep == "advcl" and _infinitive(child):  # a purpose: "sent troops to quell the protest"
            found.add("intended")
        if nearest and dep in ARGUMENT_DEPS and token.pos_ in ("VERB", "AUX"):
            found |= verb_mood(token)  # "might be put under house arrest, if need be"
        if dep not in ("conj", "advcl"):  # a coordinate or adverbial clause is beside its head, not under it
            found |= governor_modality(token, child, dep, nearest)
            if dep in ("xcomp", "ccomp") and (_has_condition(token)):
                found.add("hypothetical")
            if token.pos_ == "VERB":
                nearest = False
        if not said and token.lemma_.lower() in lex.SPEECH_VERBS and dep in SAID_DEPS and token.pos_ == "VERB":
            source, said = speaker_of(token), True
            found.add("claimed")
        if not said:
            source = _according_to(token, found) or source
        child, token = token, token.head
    if not said:
        source = _according_to(head, found) or source
    return source


def speaker_of(verb):
    """The subject of a verb of saying; a coordinated verb shares its first conjunct's subject."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _according_to(clause, found: set[str]):
    """ "according to reports" makes an event reported; "according to CNN" makes it CNN's claim."""
    for child in clause.children:
        if child.lower_ != "according":
            continue
        obj = next((t for t in child.subtree if t.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.lemma_.lower() in lex.REPORT_NOUNS or obj.lemma_.lower() in ("source", "witness", "resident"):
            found.add("reported")
            return None
        found.add("claimed")
        return obj
    return None
