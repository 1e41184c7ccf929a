"""Who is speaking: from the subject of a speech verb to an actor of the article.

A speaker is named in one of four ways, and each is resolved differently:
- a name ("Ali Nazary, head of ... told"): the mention under the subject, or a name in apposition;
- a pronoun ("he said"): the nearest person (or group, for "they") that was the subject of an
  earlier sentence outside quotation marks. Subjects, not any mention, because "he" in news prose
  almost always continues the last sentence's subject; it goes wrong after a passage about a
  second person introduced in an object position;
- a definite description ("the 32-year-old resistance leader wrote"): the person whose recorded
  roles share the description's words, or else the person the article names most often. News
  writers vary the way they name their main figure; a description of a minor figure is misread;
- anything else ("a senior official", "sources"): kept as written, with no actor.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from wirescope.annotate.english import GENDER_OF_PRONOUN
from wirescope.annotate.quotes.vocabulary import (
    ADDRESSEE_VERBS,
    GENDER_OF_TITLE,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
)
from wirescope.annotate.tokens import subtree_span
from wirescope.record import Actor, Article, Mention, Participant, Span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies through which a participle or second verb shares its subject with a main verb:
# "disagreed ..., instead vowing", "tweeted ... but then later told". A clause complement with
# no subject of its own ("told ... that there had been ..., insisting") is climbed too: the
# parser hangs the participle on the reported clause although it describes the telling.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "dep", "parataxis", "ccomp"})
NAME_PARTS = frozenset({"compound", "appos", "flat", "npadvmod"})
GROUP_TYPES = frozenset({"ORG", "GROUP", "NORP", "GPE"})
# How many verbs up a chain of participles and conjuncts to look for a subject.
MAX_CLIMB = 6


@dataclass(frozen=True, slots=True)
class _Salient:
    position: int
    participant: Participant


class Speakers:
    """Resolves the speaker of a speech verb in one article (built once per article)."""

    def __init__(self, article: Article, quoted: list[Span]) -> None:
        self.article = article
        self.doc = article.doc
        self.quoted = sorted(quoted)
        self._mentions = sorted(article.mentions, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self._mentions]
        self._actors = {a.id: a for a in article.actors}
        self._main_person = _most_named(article, "PERSON")
        self._gender = _genders(article)
        self._persons: list[_Salient] = []
        self._groups: list[_Salient] = []
        self._track_subjects()

    # -- public -----------------------------------------------------------------------------

    def of_verb(self, verb) -> Participant | None:
        """The speaker of a speech verb token: its subject, or the subject of the verb it hangs from.

        When the parse gives none (quotation marks confuse it), a name right before or right
        after the verb speaks: "“...,” Tulsa police Chief Chuck Jordan said", "Said Ellis: “...”".
        """
        subject = self.subject_token(verb)
        if subject is not None:
            return self.of_phrase(subject)
        after = () if verb.lemma_.lower() in ADDRESSEE_VERBS else (verb.i + 1,)  # "told Trump": the listener
        for neighbour in (verb.i - 1, *after):
            if 0 <= neighbour < len(verb.doc):
                mention = self.mention_at(verb.doc[neighbour].idx)
                if mention is not None and mention.label in ("PERSON", "ORG"):
                    return self._participant(mention, mention.span)
        return None

    def subject_token(self, verb):
        """The verb's subject; the antecedent of "who"; or the subject of the verb it hangs from."""
        for _ in range(MAX_CLIMB):
            # A subject inside quotation marks belongs to the quoted words, not to the telling.
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self._inside_quote(c.idx)), None)
            if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "Stevie Wonder, who joked ..."
            if subject is not None:
                return subject
            inverted = self._inverted_subject(verb)
            if inverted is not None:
                return inverted
            if self._inside_quote(verb.idx):
                # The parser made a quoted verb the root ("... -- ''That makes me smart'' -- and,
                # asserting ..."): the telling clause hangs below it.
                outside = next(
                    (c for c in verb.children if c.dep_ in ("ccomp", "advcl") and not self._inside_quote(c.idx)), None
                )
                if outside is not None and outside is not verb:
                    verb = outside
                    continue
            if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head is verb:
                return None
            verb = verb.head
        return None

    def of_phrase(self, head) -> Participant | None:
        """The participant a noun phrase (given by its head token) stands for."""
        named = self._named(head)
        if named is not None:
            return named
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            return self._recent(self._persons, head) or self._as_written(head)
        if lower in GROUP_PRONOUNS:
            return self._recent(self._groups, head) or self._as_written(head)
        if head.tag_ in ("WP", "WDT"):
            return None
        if head.pos_ == "PRON":  # "I said", "we know": the writer or a group the text does not name
            return self._as_written(head)
        return self._described(head)

    def _as_written(self, token) -> Participant:
        return Participant(token.text, None, Span(token.idx, token.idx + len(token.text)))

    # -- names ------------------------------------------------------------------------------

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._mentions[i].span.start <= offset < self._mentions[i].span.end:
            return self._mentions[i]
        return None

    def _named(self, head) -> Participant | None:
        """A name under the head token, or in apposition or compound with it.

        The participant's span is the whole phrase naming the speaker ("Ali Nazary, head of the
        NRF Foreign Relations"), the way attribution corpora mark a source.
        """
        candidates = [head] + [c for c in head.children if c.dep_ in NAME_PARTS]
        for token in candidates:
            mention = self.mention_at(token.idx)
            # A description the actors annotator linked ("the 32-year-old resistance leader") counts too.
            if mention is not None and (mention.actor_id or mention.label in ("PERSON", "ORG", "GPE", "NORP")):
                if not self._agrees(token, mention.actor_id):
                    return None  # "she" linked to a "Mr.": resolve the pronoun here instead
                return self._participant(mention, subtree_span(head))
        return None

    def _agrees(self, token, actor_id: str | None) -> bool:
        wanted = GENDER_OF_PRONOUN.get(token.lower_)
        return not wanted or self._gender.get(actor_id or "", wanted) == wanted

    def _inverted_subject(self, verb):
        """ "Said Ellis:" and "“...,” said Caddell" when the parser did not call the name a subject."""
        if verb.lemma_.lower() in ADDRESSEE_VERBS:
            return None
        for child in verb.rights:
            mention = self.mention_at(child.idx)
            if child.left_edge.i == verb.i + 1 and mention is not None and mention.label in ("PERSON", "ORG"):
                return child
        return None

    def _participant(self, mention: Mention, span: Span) -> Participant:
        actor = self._actors.get(mention.actor_id or "")
        name = actor.name if actor else self.article.text_of(mention.span)
        return Participant(name, actor.id if actor else None, span)

    # -- pronouns ---------------------------------------------------------------------------

    def _recent(self, chain: list[_Salient], token) -> Participant | None:
        """The latest earlier subject the pronoun can stand for (not a "Mr." for "she")."""
        wanted = GENDER_OF_PRONOUN.get(token.lower_)
        i = bisect.bisect_left([s.position for s in chain], token.idx) - 1
        while i >= 0 and wanted and self._gender.get(chain[i].participant.actor_id or "", wanted) != wanted:
            i -= 1
        if i < 0:
            return None
        p = chain[i].participant
        return Participant(p.name, p.actor_id, Span(token.idx, token.idx + len(token.text)))

    def _track_subjects(self) -> None:
        """Walk the subjects outside quotation marks in text order, resolving as we go."""
        if self.doc is None:
            return
        for token in self.doc:
            if token.dep_ not in SUBJECT_DEPS or self._inside_quote(token.idx):
                continue
            who = self.of_phrase(token)
            if who is None or who.actor_id is None:
                continue
            actor = self._actors[who.actor_id]
            chain = self._persons if actor.type == "PERSON" else self._groups
            if actor.type == "PERSON" or actor.type in GROUP_TYPES:
                chain.append(_Salient(token.idx, who))

    def _inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right([q.start for q in self.quoted], offset) - 1
        return i >= 0 and self.quoted[i].start <= offset < self.quoted[i].end

    # -- descriptions -----------------------------------------------------------------------

    def _described(self, head) -> Participant | None:
        span = subtree_span(head)
        text = self.article.text_of(_phrase_span(head))
        definite = any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det")
        lemma = head.lemma_.lower()
        if definite and lemma in PERSON_NOUNS:
            actor = self._by_role(head) or self._main_person
            if actor is not None:
                return Participant(actor.name, actor.id, span)
        if definite and lemma in GROUP_NOUNS:
            recent = self._recent(self._groups, head)
            if recent is not None:
                return Participant(recent.name, recent.actor_id, span)
        return Participant(text, None, span)

    def _by_role(self, head) -> Actor | None:
        """The person whose recorded roles share the description's head noun and a modifier."""
        words = {t.lemma_.lower() for t in head.subtree if t.is_alpha and not t.is_stop}
        best, best_overlap = None, 1
        for actor in self.article.actors:
            if actor.type != "PERSON":
                continue
            role_words = {w.lower() for r in actor.roles for w in r.role.split()}
            overlap = len(words & role_words) if head.lemma_.lower() in role_words else 0
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
        return best


def _phrase_span(head) -> Span:
    """The noun phrase of a head token, without trailing apposition or relative clause."""
    left = head.left_edge.idx
    right = head.idx + len(head.text)
    for child in head.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "advcl"):
            break
        right = child.right_edge.idx + len(child.right_edge.text)
    return Span(left, right)


def _genders(article: Article) -> dict[str, str]:
    """Actor id -> "m" or "f" where the text says so; an actor with mixed evidence gets none.

    Honorifics ("Mr.", "Ms.") outrank pronouns linked by the actors annotator, which can be wrong.
    """
    titled: dict[str, set[str]] = {}
    pronouns: dict[str, set[str]] = {}
    for m in article.mentions:
        if not m.actor_id:
            continue
        word = article.text_of(m.span).lower()
        title = article.text[max(0, m.span.start - 6) : m.span.start].split()[-1:]
        if title and title[0].lower() in GENDER_OF_TITLE:
            titled.setdefault(m.actor_id, set()).add(GENDER_OF_TITLE[title[0].lower()])
        elif word in GENDER_OF_PRONOUN:
            pronouns.setdefault(m.actor_id, set()).add(GENDER_OF_PRONOUN[word])
    evidence = pronouns | titled
    return {actor: genders.pop() for actor, genders in evidence.items() if len(genders) == 1}


def _most_named(article: Article, type_: str) -> Actor | None:
    """The actor of a type the article names most often (the first named, on a tie).

    Names only: pronouns and descriptions linked by the actors annotator follow whoever the
    resolver picked, while a writer repeats the main figure's name.
    """
    counts = Counter(m.actor_id for m in article.mentions if m.actor_id and m.label == type_)
    candidates = [a for a in article.actors if a.type == type_ and counts[a.id]]
    if not candidates:
        return None
    order = {a.id: i for i, a in enumerate(article.actors)}
    return max(candidates, key=lambda a: (counts[a.id], -order[a.id]))
