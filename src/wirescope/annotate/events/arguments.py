"""An event's time, whether it is history, and its casualty counts, read from the event's clause.

The time is the TIMEX of article.times inside the clause (the times annotator's value, never
re-parsed here); `historical` when that time, or a year written in the clause, is before the
publication year; fatalities and injured from the casualty words of the clause, counted ACLED's way.
"""

from __future__ import annotations

import re

from wirescope.annotate.events import lexicon as lex
from wirescope.annotate.events.participants import NESTED_CLAUSES, EventContext
from wirescope.annotate.times.values import precision_of
from wirescope.record import Article, EventTime, Span

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")


# --- time ------------------------------------------------------------------------------------------


def time_of(ctx: EventContext, predicate, trigger) -> EventTime | None:
    """The times annotator's value for a temporal expression in the event's own clause."""
    tokens = _clause_tokens(predicate) | _clause_tokens(trigger)
    if not tokens:
        return None
    # The times in the clause's reach, then the first of them (in the article's order) holding a token.
    reach = ctx.times.overlapping(Span(min(t.idx for t in tokens), max(t.idx for t in tokens) + 1))
    for t in reach:
        if t.value and t.type in ("DATE", "TIME") and any(t.span.start <= tok.idx < t.span.end for tok in tokens):
            return EventTime(t.value, precision_of(t.value))
    return None


def _clause_tokens(word) -> set:
    return {t for c in word.children if c.dep_ not in NESTED_CLAUSES for t in c.subtree}


def publication_year(article: Article) -> int | None:
    if article.published is not None:
        return article.published.year
    years = [int(m.group(1)) for t in article.times if t.value for m in [_YEAR.match(t.value)] if m]
    return max(years) if years else None


def earliest_year(value: str) -> int:
    """The first year a TIMEX3 value can mean: "2001-09-09" 2001, decade "198X" or "198" 1980, century "19" 1900."""
    leading = re.match(r"\d+", value.replace("X", "0"))
    digits = leading.group()[:4] if leading else "0"
    return int(digits.ljust(4, "0"))


def is_historical(reference_year: int | None, predicate, time: EventTime | None) -> bool:
    """Before the publication year: by the event's time, else by a year or decade named in its clause."""
    if reference_year is None:
        return False
    years = []
    if time is not None and time.value[:2].isdigit():
        years.append(earliest_year(time.value))
    else:
        clause = " ".join(t.text for t in _clause_tokens(predicate) if t.ent_type_ == "DATE")
        years += [int(y) for y in _YEAR.findall(clause)]
    return bool(years) and max(years) < reference_year - 1


# --- casualties ----------------------------------------------------------------------------------


def casualty_scope(predicate) -> list:
    """Where an attack's toll is told: the whole sentence when it tells of one attack only (the toll
    is often its main clause: "12 were killed when militants shelled..."), else the attack's clause."""
    sent = predicate.sent
    attacks = [t for t in sent if _is_attack_word(t)]
    return list(sent) if len(attacks) <= 1 else list(predicate.subtree)


def _is_attack_word(token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lex.CASUALTY_VERBS:
        return False
    table = lex.VERB_TRIGGERS if token.pos_ in ("VERB", "AUX") else lex.NOUN_TRIGGERS
    return table.get(lemma, ("", None))[0] == "ASSAULT"


def casualties(tokens) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated by the casualty words among `tokens`."""
    killed = wounded = None
    for token in tokens:
        lemma = token.lemma_.lower()
        is_death = lemma in lex.FATALITY_WORDS or token.lower_ in lex.FATALITY_WORDS
        if not is_death and lemma not in lex.INJURY_WORDS and token.lower_ not in lex.INJURY_WORDS:
            continue
        count = count_of(_victims(token))
        if count is None:
            continue
        if is_death and killed is None:
            killed = count
        elif not is_death and wounded is None:
            wounded = count
    return killed, wounded


def _victims(word):
    """The phrase counting the victims of a casualty word."""
    for dep in ("nsubjpass", "dobj"):
        found = next((c for c in word.children if c.dep_ == dep), None)
        if found is not None:
            return found
    if word.lemma_.lower() == "die":
        return next((c for c in word.children if c.dep_ == "nsubj"), None)
    if word.dep_ in ("amod", "acl"):  # "12 dead civilians", "people wounded in the blast"
        return word.head
    if word.pos_ in ("ADJ", "NOUN") and any(c.like_num or c.lower_ in lex.COUNT_WORDS for c in word.children):
        return word
    if word.pos_ == "ADJ" and word.dep_ in ("acomp", "amod", "oprd"):
        return next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def count_of(phrase) -> int | None:
    """A number of people, ACLED's way: "dozens" = 12, "hundreds" = 100, a range takes its low end."""
    if phrase is None:
        return None
    own = number_of(phrase)
    if own is not None:
        return own
    numbers = [
        n
        for c in phrase.children
        if c.dep_ in ("nummod", "quantmod", "amod", "det") and (n := number_of(c)) is not None
    ]
    if numbers:
        return min(numbers)  # "10 to 15 people": the low end
    return None


def number_of(token) -> int | None:
    """The number a token writes: digits ("1,200") or a count word ("twelve", "hundred", "two hundred")."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if token.lower_ in lex.COUNT_WORDS and token.lower_ not in ("a", "an"):
        value = lex.COUNT_WORDS[token.lower_]
        multiplier = next(
            (
                lex.COUNT_WORDS[c.lower_]
                for c in token.children
                if c.dep_ in ("compound", "nummod", "quantmod") and c.lower_ in lex.COUNT_WORDS
            ),
            None,
        )
        return value * multiplier if multiplier and value in (100, 1000) and multiplier < 100 else value
    return None
