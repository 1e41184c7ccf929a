"""Claims in one article: attributed propositions, who puts them forward, and which way.

Where claims come from, in this order:
1. attributed words (article.quotes, direct and indirect) whose cue is a verb of stating, denying
   or questioning (vocabulary.py): each event inside them is one claim, normalised by
   propositions.py; words with no event inside are one `statement` claim, with no normalised form;
2. a denial whose object only refers to a claim just made ("a claim that the NRF swiftly
   rejected", "the Taliban rejected those figures") denies that claim's proposition;
3. events whose source is a speaker outside any quote ("the Taliban said they had captured ...",
   when the quotes annotator did not take it as a quote);
4. a claim to a position: "Saleh, who has claimed the Afghan presidency".

The stance: a denial cue makes it `denies`, a doubting cue `questions`; a negation in the
proposition's own clause ("there had been no exchange of gunfire") makes it `denies` too, the
proposition itself being kept positive. The claimant is the quote's speaker or the event's source
only when it resolves to an actor; otherwise the claim is unattributed (None): never the nearest
name. A journalist's own narration is no claim: nothing here reads an unattributed sentence.

What it gets wrong: a claim whose attribution the quotes annotator missed is missed too (except
events with a source); a claim repeated in one article is kept each time it is stated.
"""

from __future__ import annotations

from dataclasses import replace

from wirescope.annotate.claims import vocabulary as vocab
from wirescope.annotate.claims.propositions import Proposition, from_event
from wirescope.annotate.claims.states import control_in
from wirescope.annotate.events.participants import EventContext, participant
from wirescope.annotate.pipeline import annotator
from wirescope.annotate.tokens import subtree_span, token_span
from wirescope.record import Article, Claim, ClaimStance, Event, Participant, Quote, Span, stable_id


@annotator(
    "claims",
    requires=("doc", "sentences", "actors", "times", "places", "quotes", "events"),
    adds=("claims",),
    version="1",
)
def extract_claims(article: Article) -> Article:
    """Annotator: every attributed proposition of the article, with claimant, cue, stance and evidence."""
    if article.doc is None:
        return article
    ctx = EventContext(article)  # built once: indexing the article per quote made long texts quadratic
    claims: list[Claim] = []
    claimed_events: set[str] = set()
    for quote in article.quotes:
        cue = cue_word(article, quote)
        if cue is None or quote.kind == "partial":
            continue
        found = quote_claims(ctx, quote, cue, claims)
        claimed_events.update(c.event_id for c in found if c.event_id)
        claims.extend(found)
    claims.extend(sourced_event_claims(article, claimed_events))
    claims.extend(position_claims(ctx))
    claims.extend(referring_denials(ctx, sorted(claims, key=lambda c: c.span.start)))
    claims = inherit_places(article, sorted(claims, key=lambda c: (c.span.start, c.span.end)))
    return replace(article, claims=tuple(_unique(claims)))


# --- attribution ----------------------------------------------------------------------------------


def cue_word(article: Article, quote: Quote) -> tuple[str, Span] | None:
    """The lemma and span of the quote's cue word, when it is one of stating, denying or questioning."""
    if quote.cue is None:
        return None
    for token in article.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand") or ():
        lemma = token.lemma_.lower()
        if lemma in vocab.ALL_CUES or token.lower_ in vocab.ALL_CUES:
            return lemma if lemma in vocab.ALL_CUES else token.lower_, token_span(token)
    return None


def claimant_of(p: Participant | None) -> Participant | None:
    """The claimant: the speaker when it is a known actor; else None, unattributed."""
    return p if p is not None and p.actor_id else None


def cue_stance(lemma: str) -> ClaimStance:
    if lemma in vocab.DENIAL_CUES:
        return "denies"
    if lemma in vocab.QUESTION_CUES:
        return "questions"
    return "asserts"


def quote_claims(ctx: EventContext, quote: Quote, cue: tuple[str, Span], before: list[Claim]) -> list[Claim]:
    """The claims of one attributed quote: one per event inside it, a referred claim denied, or the
    words themselves as a statement."""
    article = ctx.article
    lemma, cue_span = cue
    events = [e for e in ctx.events.overlapping(quote.span) if _stated_in(e, quote)]
    made = [
        make_claim(article, from_event(article, e, quote.span), quote.speaker, cue_span, lemma, quote) for e in events
    ]
    if made:
        return made
    referred = referred_claim(article, quote, lemma, before)
    if referred is not None:
        return [referred]
    state = control_in(ctx, quote.span)
    if state is not None:
        return [make_claim(article, state, quote.speaker, cue_span, lemma, quote)]
    statement = Proposition("statement", "", quote.span)
    return [make_claim(article, statement, quote.speaker, cue_span, lemma, quote)]


def _stated_in(event: Event, quote: Quote) -> bool:
    """An event stated in the quote's words: its evidence overlaps them ("that “The enemy is under
    siege" starts before the quotation mark), and it is not the act of saying itself."""
    if not quote.span.overlaps(event.evidence):
        return False
    return quote.cue is None or not event.evidence.contains(quote.cue)


def referred_claim(article: Article, quote: Quote, lemma: str, before: list[Claim]) -> Claim | None:
    """A denial or doubt whose words only refer to a claim just made takes that claim's proposition."""
    if lemma not in vocab.DENIAL_CUES | vocab.QUESTION_CUES:
        return None
    words = article.text_of(quote.span).casefold().split()
    if not words or len(words) > 4 or words[-1] not in vocab.REFERRING_NOUNS:
        return None
    target = claim_referred_to(article, quote.span, words[-1], before)
    if target is None:
        return None
    return replace(
        target,
        id=stable_id("claim", article.id, "refers", quote.span.start, target.id),
        span=quote.span,
        claimant=claimant_of(quote.speaker),
        cue=quote.cue,
        stance=cue_stance(lemma),
        stance_evidence=quote.cue,
        date=_claim_date(article, quote),
        quote_id=quote.id,
    )


def claim_referred_to(article: Article, anaphor: Span, noun: str, before: list[Claim]) -> Claim | None:
    """The claim "a claim", "those figures" refers to: the last one with a normalised form made
    before it in its sentence or the one before; "figures" prefer a casualty claim."""
    sentence = article.sentence_of(anaphor)
    start = _previous_sentence_start(article, sentence) if sentence is not None else 0
    near = [c for c in before if start <= c.span.start and c.span.end <= anaphor.end and c.kind != "statement"]
    if noun.startswith("figure"):
        near = [c for c in near if c.kind == "casualties"] or near
    return near[-1] if near else None


def _previous_sentence_start(article: Article, sentence: Span) -> int:
    earlier = [s.start for s in article.sentences if s.end <= sentence.start]
    return earlier[-1] if earlier else sentence.start


# --- one claim ------------------------------------------------------------------------------------


def make_claim(
    article: Article,
    prop: Proposition,
    speaker: Participant | None,
    cue: Span | None,
    lemma: str,
    quote: Quote | None = None,
) -> Claim:
    stance, stance_evidence = cue_stance(lemma), cue if lemma in vocab.DENIAL_CUES | vocab.QUESTION_CUES else None
    span = proposition_words(article, prop.span)
    if prop.modality == "unconfirmed" and stance == "asserts":
        # "stopped short of confirming reports that ...": the claimant neither asserts nor denies it
        stance, stance_evidence = "questions", prop.span
    elif prop.negated and stance == "asserts":
        stance, stance_evidence = "denies", negation_in(article, prop.span) or prop.span
    elif prop.negated and stance == "denies" and stance_evidence is None:
        stance_evidence = negation_in(article, prop.span)
    claimant = claimant_of(speaker)
    return Claim(
        id=stable_id("claim", article.id, span.start, span.end, prop.predicate, claimant and claimant.actor_id),
        span=span,
        claimant=claimant,
        cue=cue,
        stance=stance,
        stance_evidence=stance_evidence,
        kind=prop.kind,
        predicate=prop.predicate,
        subject=prop.subject,
        object=prop.object,
        place=prop.place,
        time=prop.time,
        time_evidence=prop.time_evidence,
        count=prop.count,
        count_evidence=prop.count_evidence,
        modality=prop.modality,
        date=_claim_date(article, quote),
        event_id=prop.event_id,
        quote_id=quote.id if quote else None,
    )


def proposition_words(article: Article, span: Span) -> Span:
    """The proposition without the "that" introducing it and the quotation marks around it."""
    start, end, text = span.start, span.end, article.text
    while True:
        rest = text[start:end]
        stripped = rest.lstrip(" \t\n“”\"'‘’")
        if stripped.casefold().startswith("that "):
            stripped = stripped[5:]
        if len(stripped) == len(rest):
            break
        start = end - len(stripped)
    while end > start and text[end - 1] in ' \t\n“”"‘’,':
        end -= 1
    return Span(start, end) if end > start else span


def negation_in(article: Article, span: Span) -> Span | None:
    """The first negation word in the proposition's words ("no", "not", "never"), as evidence."""
    for token in article.doc.char_span(span.start, span.end, alignment_mode="expand") or ():
        if token.lower_ in vocab.NEGATION_WORDS or token.dep_ == "neg":
            return token_span(token)
    return None


def _claim_date(article: Article, quote: Quote | None) -> str | None:
    """When the claim was made: the quote's date when it is a calendar value, else the article's day."""
    if quote is not None and quote.date and quote.date[:1].isdigit():
        return quote.date
    return _published(article)


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


# --- claims outside quotes --------------------------------------------------------------------------


def sourced_event_claims(article: Article, already: set[str]) -> list[Claim]:
    """Events the events annotator gave a speaker as source ("X claimed to have captured ..."),
    when no quote carried them. An event the source did not confirm ("stopped short of
    confirming reports that ...") is not the source's claim and is left out."""
    found = []
    for event in article.events:
        if event.id in already or event.source is None or event.modality not in ("claimed", "negated", "reported"):
            continue
        cue = _cue_governing(article, event)
        lemma = cue[0] if cue else "say"
        found.append(make_claim(article, from_event(article, event), event.source, cue[1] if cue else None, lemma))
    return found


def _cue_governing(article: Article, event: Event) -> tuple[str, Span] | None:
    """The verb of stating the event's words hang from ("said", "claimed"), if the parse shows one."""
    span = article.doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if span is None:
        return None
    for ancestor in span.root.ancestors:
        if ancestor.lemma_.lower() in vocab.ALL_CUES:
            return ancestor.lemma_.lower(), token_span(ancestor)
    return None


def position_claims(ctx: EventContext) -> list[Claim]:
    """A claim to a position: "Saleh, who has claimed the Afghan presidency", "declared himself
    caretaker president". The claimant is the verb's subject, followed through "who"."""
    article = ctx.article
    found = []
    for token in article.doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in vocab.POSITION_CUES:
            continue
        position = _position_phrase(token)
        if position is None:
            continue
        speaker = _position_claimant(ctx, token)
        held = Participant(article.text_of(subtree_span(position)), None, subtree_span(position))
        prop = Proposition("position", "holds", Span(token.idx, subtree_span(position).end), speaker, held)
        found.append(make_claim(article, prop, speaker, token_span(token), token.lemma_.lower()))
    return found


def _position_claimant(ctx: EventContext, verb) -> Participant | None:
    """Who claims the position: the verb's subject; "who" is the noun the clause describes, and a
    description the actors annotator gave as someone's role ("Afghanistan's former vice
    president") is that someone."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None:
        return None
    for actor in ctx.article.actors:
        if any(r.span.start <= subject.idx < r.span.end for r in actor.roles):
            return Participant(
                actor.name, actor.id, next(r.span for r in actor.roles if r.span.start <= subject.idx < r.span.end)
            )
    found = participant(ctx, subject)
    person = found is not None and (a := ctx.article.actor(found.actor_id)) is not None and a.type in ("PERSON", "ORG")
    return found if person else None


def _position_phrase(verb):
    """The position claimed: the object itself ("the presidency"), or what one declared oneself.
    It follows the verb: words before "he declared" are what was declared, not a post claimed."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and _names_position(child):
            return child
        if child.dep_ == "dobj" and child.lower_ in ("himself", "herself", "itself", "themselves"):
            complement = next(
                (c for c in verb.rights if c.dep_ in ("oprd", "xcomp", "ccomp") and _names_position(c)), None
            )
            if complement is not None:
                return complement
    return None


def _names_position(token) -> bool:
    words = {t.lemma_.lower() for t in token.subtree}
    return token.lemma_.lower() in vocab.POSITION_NOUNS or bool(words & {"presidency", "president", "leader"})


def referring_denials(ctx: EventContext, claims: list[Claim]) -> list[Claim]:
    """A denial whose object, in the narration, only refers to the claim before it: "a claim that
    the National Resistance Front swiftly rejected", "the Taliban rejected those figures"."""
    article = ctx.article
    found = []
    for token in article.doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in vocab.DENIAL_CUES | vocab.QUESTION_CUES:
            continue
        referent = next((c for c in token.children if c.dep_ == "dobj"), None)
        if token.dep_ in ("relcl", "acl") and token.head.lower_ in vocab.REFERRING_NOUNS:
            referent = token.head  # "a claim that the NRF rejected": the noun the clause describes
        if referent is None or referent.lower_ not in vocab.REFERRING_NOUNS:
            continue
        anaphor = subtree_span(referent)
        if any(c.span.overlaps(anaphor) for c in claims):
            continue  # the quotes annotator took it as a quote already
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        stated = None if referent == token.head else _clause_of_noun(referent)
        if stated is not None and subject is not None:  # "retracted claims that fighters had attacked Gulbahar"
            found.extend(_claims_stated_in(article, ctx, stated, subject, token))
            continue
        target = claim_referred_to(article, anaphor, referent.lower_, claims)
        if target is None or subject is None:
            continue
        claimant = claimant_of(participant(ctx, subject))
        found.append(
            replace(
                target,
                id=stable_id("claim", article.id, "refers", anaphor.start, target.id),
                span=anaphor,
                claimant=claimant,
                cue=token_span(token),
                stance=cue_stance(lemma),
                stance_evidence=token_span(token),
                date=_published(article),
                quote_id=None,
            )
        )
    return found


def _clause_of_noun(noun) -> Span | None:
    """The clause a claim noun states: "claims that Taliban fighters had attacked Gulbahar"."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if clause is None or not any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
        return None
    return subtree_span(clause)


def _claims_stated_in(article: Article, ctx: EventContext, stated: Span, subject, cue) -> list[Claim]:
    speaker = participant(ctx, subject)
    lemma = cue.lemma_.lower()
    events = [e for e in article.events if stated.overlaps(e.evidence) and not e.evidence.contains(token_span(cue))]
    return [
        make_claim(article, replace(from_event(article, e, stated), negated=False), speaker, token_span(cue), lemma)
        for e in events
    ]


# --- across one article ---------------------------------------------------------------------------


def inherit_places(article: Article, claims: list[Claim]) -> list[Claim]:
    """A claim that names no place, made by the claimant of a claim just before in the same
    sentence, is about that claim's place: "tweeted that 'The enemy is under siege in Panjshir',
    but then later told ... that there had been no exchange of gunfire yet"."""
    result: list[Claim] = []
    for claim in claims:
        if claim.place is None and claim.claimant is not None and claim.kind != "statement":
            sentence = article.sentence_of(claim.span)
            earlier = next(
                (
                    c
                    for c in reversed(result)
                    if c.place is not None
                    and c.claimant is not None
                    and c.claimant.actor_id == claim.claimant.actor_id
                    and sentence is not None
                    and sentence.contains(c.span)
                ),
                None,
            )
            if earlier is not None:
                claim = replace(claim, place=earlier.place)
        result.append(claim)
    return result


def _unique(claims: list[Claim]) -> list[Claim]:
    """One claim per id: an event inside two overlapping quotes is one claim."""
    return list({c.id: c for c in claims}.values())
