"""How many were killed, injured or captured, counted the way ACLED codes reported numbers.

ACLED's rule (its "Fatalities" guide, "How are injuries and fatalities recorded?",
acleddata.com knowledge base, 2023, read through the search tool): when sources give a vague
estimate ACLED takes the most conservative one, and codes 10 for "tens", 12 for "dozens", 100 for
"hundreds" (and so on); a range takes its low end. For plain vague words ACLED's guide gives no
figure that we could read, so we apply the same "most conservative" rule ourselves: "a couple" 2,
"a few", "several", "some", "multiple", "many", "numerous", "a number of" 3 (a plural is at least two; we take three,
the usual floor of "several", and say so here rather than pretend ACLED wrote it). A singular
("a Taliban leader", "an insurgent") counts one. A bare plural with no number ("insurgents were
killed") gives no count: ACLED would have to guess, and so would we.

The counts are read from the parse of the mention's own clause (and of its sentence when that
tells of one event only), so each count has the span of the words it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirescope.annotate.events import lexicon as lex
from wirescope.annotate.events.arguments import number_of
from wirescope.record import Span

# Our conservative reading of vague quantities (see the module docstring); ACLED's own figures first.
VAGUE_COUNTS: dict[str, int] = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "couple": 2,
    "few": 3,
    "several": 3,
    "some": 3,
    "multiple": 3,
    "many": 3,
    "numerous": 3,
    "number": 3,  # "a number of"
    "handful": 3,
}
# Words that count captives: "arrested two suspects", "the capture of a commander".
CAPTURE_WORDS = frozenset(
    {"arrest", "detain", "capture", "apprehend", "nab", "abduct", "kidnap", "detention", "abduction", "hostage"}
)
# Nouns naming people, which a singular counts as one ("a Taliban leader", "the driver").
PEOPLE_WORDS = (
    frozenset(
        {
            "leader",
            "commander",
            "insurgent",
            "militant",
            "fighter",
            "soldier",
            "civilian",
            "suspect",
            "member",
            "man",
            "woman",
            "child",
            "boy",
            "girl",
            "person",
            "policeman",
            "officer",
            "guard",
            "driver",
            "facilitator",
            "bomber",
            "gunman",
            "attacker",
            "terrorist",
            "guerrilla",
            "rebel",
            "judge",
            "mayor",
            "official",
            "journalist",
            "student",
            "worker",
            "farmer",
            "trafficker",
            "smuggler",
            "operative",
            "emir",
            "chief",
            "deputy",
            "spokesman",
        }
    )
    | lex.OBJECT_CLASSES["CAPTIVES"]
) - {"people", "body", "crew"}
# Quantifiers that say "none": "no one was killed" is a count of zero, not of one.
NONE_WORDS = frozenset({"no", "none", "nobody", "zero"})


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people and the words it was read from."""

    value: int
    span: Span


def counts_in(tokens) -> dict[str, Count]:
    """fatalities, injured and captured stated by the casualty and capture words among `tokens`."""
    found: dict[str, Count] = {}
    for token in tokens:
        role = _role_of(token)
        if role is None or role in found:
            continue
        phrase = _counted_phrase(token)
        count = count_phrase(phrase)
        if count is not None:
            found[role] = count
    return found


def _role_of(token) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in lex.FATALITY_WORDS or lower in lex.FATALITY_WORDS:
        return "fatalities"
    if lemma in lex.INJURY_WORDS or lower in lex.INJURY_WORDS:
        return "injured"
    if lemma in CAPTURE_WORDS or lower in CAPTURE_WORDS:
        return "captured"
    return None


def _counted_phrase(word):
    """The phrase counting the people a casualty or capture word is about."""
    for dep in ("nsubjpass", "dobj"):
        found = next((c for c in word.children if c.dep_ == dep), None)
        if found is not None:
            return found
    if word.lemma_.lower() == "die":
        return next((c for c in word.children if c.dep_ == "nsubj"), None)
    if word.pos_ == "NOUN":  # "the capture of a commander", "the deaths of 12 people"
        of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            return next((c for c in of.children if c.dep_ == "pobj"), None)
    if word.dep_ in ("amod", "acl"):  # "12 dead civilians", "people wounded in the blast"
        return word.head
    if word.pos_ in ("ADJ", "NOUN") and any(c.like_num or c.lower_ in VAGUE_COUNTS for c in word.children):
        return word
    if word.pos_ == "ADJ" and word.dep_ in ("acomp", "amod", "oprd"):
        return next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def count_phrase(phrase) -> Count | None:
    """The number of people a noun phrase counts, ACLED's way, with the span of the counting words:
    "12 people", "dozens of civilians", "several insurgents", "10 to 15 people" (the low end),
    "a Taliban leader" (one)."""
    if phrase is None or (phrase.pos_ == "PRON" and phrase.lower_ not in NONE_WORDS):
        return None
    if any(c.dep_ == "det" and c.lower_ in NONE_WORDS for c in phrase.children):
        return Count(0, phrase_span(phrase))  # "no one was killed"
    own = _number(phrase)  # "dozens (of civilians)", "12", "several"
    if own is not None:
        return Count(own, phrase_span(phrase))
    counting = [c for c in phrase.children if c.dep_ in _COUNTING_DEPS]
    counting += [q for c in counting for q in c.children if q.dep_ in ("quantmod", "nummod")]  # "10 to 15"
    numbers = [n for c in counting if (n := _number(c)) is not None]
    if numbers:
        return Count(min(numbers), phrase_span(phrase))
    if _one_person(phrase):
        return Count(1, phrase_span(phrase))
    return None


_COUNTING_DEPS = frozenset({"nummod", "quantmod", "amod", "det", "npadvmod"})


def _number(token) -> int | None:
    text = token.lower_
    if text in NONE_WORDS:
        return 0
    if text in VAGUE_COUNTS:
        return VAGUE_COUNTS[text]
    return number_of(token)


def _one_person(noun) -> bool:
    """ "a Taliban leader", "an insurgent", "the commander", a named person: one. Only for words
    naming people, so that "captured a district" or "seized a weapons cache" counts no one."""
    if noun.ent_type_ == "PERSON" and noun.tag_ == "NNP":
        return True
    if noun.tag_ != "NN" or noun.lemma_.lower() not in PEOPLE_WORDS:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in NONE_WORDS for c in noun.children)


def phrase_span(head) -> Span:
    """The counted phrase: the head and its modifiers, without the clauses that describe it."""
    words = [head]
    for child in head.children:
        if child.dep_ not in ("relcl", "acl", "punct", "appos", "cc", "conj", "advcl", "prep") or child.lower_ == "of":
            words += list(child.subtree)
    return Span(min(t.idx for t in words), max(t.idx + len(t) for t in words))
