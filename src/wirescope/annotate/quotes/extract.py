"""Quotes: who said what, where and when.

Three kinds, found in this order:
- direct: words between quotation marks, attributed by a speech verb in the same sentence
  ("“...,” he said"; "X wrote, “...”"), or continuing the quote before them when they have no
  verb of their own (the next sentence of the same paragraph, or a paragraph that opens with a
  quotation mark after a paragraph with a quote, or after "X continued:");
- partial: a few quoted words inside someone's reported speech ("looking for a “peaceful
  solution”"); they need a speech verb, otherwise they are scare quotes and are left out;
- indirect: a clause reported by a speech or belief verb ("Mujahid said the Taliban had met
  ..."), read from the dependency parse, and a clause marked "according to X" when nothing
  else in its sentence attributes it.
Title-case words in quotation marks (epithets, titles of books and operations) are not quotes
unless a speech verb follows them at once ("“Yes,” he said").

A quote's cue is its verb (or "according to", or a colon after a name). Words that continue a
quote share its cue, speaker, venue, medium and date: they belong to the same act of speaking.
The pieces: marks.py finds quotations and the sentence around them, attribution.py reads
cue, venue, medium and date from that sentence, speakers.py resolves the speaker to an actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wirescope.annotate.pipeline import annotator
from wirescope.annotate.quotes.attribution import Attributor, Said, according_to, cue_span, is_speech_verb
from wirescope.annotate.quotes.marks import Segment, frames, looks_like_name, sentence_ends, trim_content
from wirescope.annotate.quotes.vocabulary import BELIEF_VERBS, OBJECT_CUES, PREPOSITION_CUES, SPEECH_VERBS
from wirescope.annotate.tokens import subtree_span
from wirescope.record import Article, Quote, QuoteKind, Span, stable_id

VERSION = "1"
# A name (up to four capitalised words) and a colon opening a paragraph, possibly after the
# quotation mark a transcript opens each paragraph with.
SPEAKER_LABEL = re.compile(r"[\"“]?\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
QUOTE_OPENERS = '"“«„'
# A cue this many tokens or more after the closing mark belongs to another clause. Long because
# of appositions: "“...,” Leonard E. Burman, director of the ... Center and a professor at ..., said".
MAX_TOKENS_TO_CUE_AFTER = 45
# "X said, “...”": at most this many tokens between the verb and the opening mark.
MAX_TOKENS_FROM_CUE_BEFORE = 6
# Title-case quotations of this many words or more are titles, even with a cue after them.
MIN_WORDS_OF_A_TITLE = 3
# A cue right after a title-case quotation ("“Yes,” he said"): at most this many tokens away.
MAX_TOKENS_TO_CUE_AFTER_NAME = 2
# Reported content shorter than this many tokens is a fragment ("he said so").
MIN_REPORTED_TOKENS = 3


@annotator("quotes", requires=("doc", "mentions", "actors", "sentences", "times"), adds=("quotes",), version=VERSION)
def extract_quotes(article: Article) -> Article:
    """Annotator: direct, partial and reported quotes with speaker, cue, venue, medium and date."""
    if article.doc is None:
        return article
    att = Attributor(article)
    direct = direct_quotes(att)
    reported = reported_quotes(att, direct)
    unique = {q.id: q for q in sorted(direct + reported, key=lambda q: (q.span.start, q.span.end))}
    return replace(article, quotes=tuple(unique.values()))


def make_quote(article: Article, kind: QuoteKind, span: Span, said: Said | None) -> Quote:
    qid = stable_id("quote", article.id, span.start, span.end)
    if said is None:
        return Quote(qid, kind, span)
    return Quote(qid, kind, span, said.speaker, said.cue, said.venue, said.medium, said.date)


def said_of(quote: Quote) -> Said:
    return Said(quote.cue, quote.speaker, quote.venue, quote.medium, quote.date)


# -- direct and partial quotes -----------------------------------------------------------


def direct_quotes(att: Attributor) -> list[Quote]:
    quotes: list[Quote] = []
    last_in_paragraph: dict[int, Quote] = {}
    for seg, (before, after) in zip(att.segments, frames(att.text, att.article.paragraphs, att.segments), strict=True):
        words = att.text_of(seg.span)
        opens_sentence = not att.text_of(before).strip()
        said = stated_attribution(att, words, before, after)
        if said is None and opens_sentence and not looks_like_name(words) and not starts_lowercase(words):
            said = continued_attribution(att, seg, last_in_paragraph)
        # Lower-case words embedded in a clause are a partial quote; opening the sentence they
        # are all that was said ("“broadening the base ...,” Mr. Kamin said").
        kind: QuoteKind = "partial" if starts_lowercase(words) and not opens_sentence else "direct"
        if not is_quote(said, seg):
            continue
        quote = make_quote(att.article, kind, seg.span, said)
        quotes.append(quote)
        if quote.speaker is not None:
            last_in_paragraph[seg.paragraph] = quote
    return quotes


def stated_attribution(att: Attributor, words: str, before: Span, after: Span) -> Said | None:
    """The attribution the quotation's own sentence states, before or after it.

    Order matters: "X tweeted that “...,” but later told ..." has verbs on both sides; a verb
    leading straight into the quotation ("wrote, “", "said: “", "tweeted that “") wins, then a
    verb right after it ("“...,” he said"), then any verb earlier in the sentence (partial quotes).
    """
    said_before, distance_before = att.said_in(before, last=True)
    said_after, distance_after = att.said_in(after, last=False)
    if looks_like_name(words):
        # "“Yes,” he said" is a quote; "“Make Your Kid a Millionaire,” suggested ..." is a title.
        short = len(words.split()) < MIN_WORDS_OF_A_TITLE
        return said_after if short and said_after and distance_after <= MAX_TOKENS_TO_CUE_AFTER_NAME else None
    if said_before and distance_before <= MAX_TOKENS_FROM_CUE_BEFORE and leads_into_quote(att.text_of(before)):
        return said_before
    if said_after and said_after.according_to and said_before and not said_before.according_to:
        # "... insisting they wanted a “peaceful solution,” according to reports": the verb's
        # subject speaks; "according to" only says who reported it.
        return replace(said_before, venue=said_before.venue or said_after.venue)
    if (
        said_after
        and distance_after < MAX_TOKENS_TO_CUE_AFTER
        and not ends_sentence_before(words, att.text_of(after), distance_after)
    ):
        return said_after
    return said_before


def leads_into_quote(before: str) -> bool:
    stripped = before.rstrip()
    return stripped.endswith((",", ":", "—", " that", " as")) or not stripped


def ends_sentence_before(words: str, after: str, distance: int) -> bool:
    """“We will win.” Then the minister left: a full stop inside the marks ends the sentence,
    unless a short cue clause follows ("“Why?” he asked." or "“We will.” Smith said.")."""
    return words.rstrip().endswith((".", "!", "?")) and distance > 3 and after.lstrip()[:1].isupper()


def continued_attribution(att: Attributor, seg: Segment, last_in_paragraph: dict[int, Quote]) -> Said | None:
    """The attribution a quotation inherits when its sentence has no cue of its own."""
    same = last_in_paragraph.get(seg.paragraph)
    if same is not None:
        return said_of(same)
    paragraph = att.article.paragraphs[seg.paragraph]
    if seg.paragraph == 0 or att.text[paragraph.start : seg.opened].strip():
        return None
    introduced = introduced_by_colon(att, att.article.paragraphs[seg.paragraph - 1])
    if introduced is not None:
        return introduced
    # A paragraph that is only a quotation, right after a paragraph ending in an attributed
    # quote, continues it (news style). It misreads an excerpt quoted after someone's words.
    previous = last_in_paragraph.get(seg.paragraph - 1)
    if previous is not None and _ends_paragraph(att, previous, att.article.paragraphs[seg.paragraph - 1]):
        return said_of(previous)
    return None


def _ends_paragraph(att: Attributor, quote: Quote, paragraph: Span) -> bool:
    """The quote is the paragraph's last sentence (only its cue clause may follow)."""
    rest = att.text[quote.span.end : paragraph.end]
    return not sentence_ends(att.text, quote.span.end + 2, paragraph.end)[1:] and len(rest) < 80


def introduced_by_colon(att: Attributor, paragraph: Span) -> Said | None:
    """A paragraph ending "Caddell continued:" introduces the quotation that follows it."""
    text = att.text_of(paragraph).rstrip()
    if not text.endswith(":"):
        return None
    ends = sentence_ends(att.text, paragraph.start, paragraph.start + len(text) - 1)
    last_sentence = Span(ends[-1] if ends else paragraph.start, paragraph.start + len(text))
    said, _ = att.said_in(last_sentence, last=True)
    return said


def starts_lowercase(words: str) -> bool:
    first = next((ch for ch in words if ch.isalpha()), "")
    return first.islower()


def is_quote(said: Said | None, segment: Segment) -> bool:
    """A quotation is a quote when something attributes it, to a speaker other than itself.

    Quotations nothing attributes are left out: excerpts of documents, transcripts, lyrics and
    scare quotes. "“American Skin” was written by ..." names a title, not words of its speaker.
    """
    if said is None or said.cue is None:
        return False
    return said.speaker is None or said.speaker.span is None or not said.speaker.span.overlaps(segment.span)


# -- reported speech ----------------------------------------------------------------------


def reported_quotes(att: Attributor, direct: list[Quote]) -> list[Quote]:
    taken: list[Span] = []
    found = []
    quoted_by_cue: dict[int, list[Span]] = {}
    for q in direct:
        if q.cue is not None:
            quoted_by_cue.setdefault(q.cue.start, []).append(q.span)
    for verb in att.doc:
        if not is_report_verb(verb) or att.inside_quote(verb.idx) or any(s.start <= verb.idx < s.end for s in taken):
            continue
        quoted = [s for start in {verb.idx, cue_start(verb)} for s in quoted_by_cue.get(start, [])]
        for quote in reported_by_verb(att, verb) or reported_object(att, verb):
            # A verb introducing a direct quote reports a clause only when the quote is in it
            # ("says she knows that “LeBron ...”"); otherwise the parse took the frame for one.
            if quoted and not any(quote.span.start < s.start and quote.span.contains(s) for s in quoted):
                continue
            found.append(quote)
            taken.append(quote.span)
    found += colon_quotes(att, direct + found)
    return found + according_to_quotes(att, direct + found)


def cue_start(verb) -> int:
    return cue_span(verb).start


def is_report_verb(token) -> bool:
    lemma = token.lemma_.lower()
    cue = (
        lemma in SPEECH_VERBS
        or lemma in BELIEF_VERBS
        or lemma in OBJECT_CUES
        or any(v == lemma for v, _ in PREPOSITION_CUES)
    )
    # "a group called Front", "the plan announced in May": a participle naming or describing a
    # noun reports no one's words.
    naming = token.dep_ == "acl" and token.tag_ == "VBN"
    return cue and not naming and (token.pos_ == "VERB" or token.tag_.startswith("VB"))


def reported_by_verb(att: Attributor, verb) -> list[Quote]:
    """ "X said (that) CLAUSE", and "CLAUSE, X said, CLAUSE" where the verb interrupts the clause."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        pieces = [reported_clause(clause)]
    elif introduces_by_colon(verb):
        # "The governor added: It's typical of ...": unquoted words after a colon, to the
        # paragraph's end.
        colon = next(t for t in verb.doc[verb.i + 1 : verb.i + 4] if t.text == ":")
        paragraph = next((p for p in att.article.paragraphs if p.start <= verb.idx < p.end), None)
        pieces = [Span(colon.idx + 1, paragraph.end)] if paragraph is not None else []
    elif verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        # "Acts of protest, Mr. Obama said, are acts of patriotism": the words around the verb.
        around, inside = subtree_span(verb.head), subtree_span(verb)
        pieces = [Span(around.start, inside.start), Span(inside.end, around.end)]
    else:
        return []
    contents = [c for c in (trim_content(att.text, within_paragraph(att, verb, p)) for p in pieces) if c is not None]
    contents = [c for c in contents if not mostly_quoted(att, c)]
    if not contents or sum(len(att.tokens_in(c)) for c in contents) < MIN_REPORTED_TOKENS:
        return []
    said = said_around(att, verb, contents)
    if said.speaker is None and not is_speech_verb(verb):
        return []  # "it is believed that ...": a belief with no one holding it
    return [make_quote(att.article, "indirect", c, said) for c in contents]


def introduces_by_colon(verb) -> bool:
    """The verb is followed by a colon within a few tokens ("added:", "told reporters:")."""
    return any(t.text == ":" for t in verb.doc[verb.i + 1 : verb.i + 4])


def reported_clause(clause) -> Span:
    """The clause, without a speech participle the parser hung on it ("..., insisting ...").

    "told clerics that there had been no gunfire, insisting they wanted peace": "insisting"
    describes the telling, so the reported words end before it.
    """
    span = subtree_span(clause)
    for child in clause.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_VERBS:
            return Span(span.start, child.left_edge.idx)
    return span


def reported_object(att: Attributor, verb) -> list[Quote]:
    """ "X wants to CLAUSE", "X has called for THING": what someone wants, proposes, speaks of.

    Only with a speaker: "the plan was criticized" says nothing about who holds the view.
    """
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in OBJECT_CUES.get(lemma, ())]
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep" and (lemma, c.lower_) in PREPOSITION_CUES
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    if not objects:
        return []
    # "called the plan a disaster": the object and what it is called make one content.
    hull = Span(min(subtree_span(o).start for o in objects), max(subtree_span(o).end for o in objects))
    content = trim_content(att.text, within_paragraph(att, verb, hull))
    if content is None or len(att.tokens_in(content)) < MIN_REPORTED_TOKENS or mostly_quoted(att, content):
        return []
    said = said_around(att, verb, [content])
    if said.speaker is None or (said.speaker.actor_id is None and said.speaker.name.lower() in ("it", "this", "that")):
        return []
    return [make_quote(att.article, "indirect", content, said)]


def said_around(att: Attributor, verb, contents: list[Span]) -> Said:
    """The attribution of reported content: venue, medium and date come from outside it."""
    start, end = verb.sent.start_char, verb.sent.end_char
    # Content can run past the parser's sentence (it is clipped to the paragraph, not the sentence).
    first = min(max(min(c.start for c in contents), start), end)
    last = max(min(max(c.end for c in contents), end), start)
    return att.said_by_verb(verb, [Span(start, first), Span(last, end)])


def within_paragraph(att: Attributor, token, span: Span) -> Span:
    """Clip a span to the token's paragraph: the parser's sentences can run across a blank line."""
    paragraph = next((p for p in att.article.paragraphs if p.start <= token.idx < p.end), None)
    if paragraph is None:
        return span
    start, end = max(span.start, paragraph.start), min(span.end, paragraph.end)
    return Span(start, max(start, end))


def mostly_quoted(att: Attributor, content: Span) -> bool:
    """Reported content that is mostly a direct quotation is that quotation's, not a new quote."""
    inside = sum(
        min(content.end, s.span.end) - max(content.start, s.span.start)
        for s in att.segments
        if s.span.overlaps(content)
    )
    return inside * 2 > len(content)


def according_to_quotes(att: Attributor, existing: list[Quote]) -> list[Quote]:
    """ "CLAUSE, according to X." when nothing else attributes that clause already."""
    found = []
    for sentence in att.doc.sents:
        span = Span(sentence.start_char, sentence.end_char)
        according = according_to(list(sentence))
        if according is None or att.inside_quote(according[0].idx):
            continue
        quote = clause_according_to(att, span, according)
        if quote is not None and not any(quote.span.overlaps(q.span) for q in existing):
            found.append(quote)
    return found


def colon_quotes(att: Attributor, existing: list[Quote]) -> list[Quote]:
    """ "PENCE: Well, look, ..." in transcripts and "Pat Caddell: Voters Worried ..." in headlines.

    The speaker is a name the article knows, or a label in capitals, right at the paragraph's
    start. The kind follows the marks: direct when the words after the colon are quoted.
    """
    found = []
    for paragraph in att.article.paragraphs:
        m = SPEAKER_LABEL.match(att.text, paragraph.start, paragraph.end)
        if m is None or not is_speaker_label(att, Span(m.start(1), m.end(1))):
            continue
        raw = Span(m.end(), paragraph.end)
        content = trim_content(att.text, Span(raw.start + (att.text[raw.start] in QUOTE_OPENERS), raw.end))
        if content is None or any(content.overlaps(q.span) and q.cue is not None for q in existing):
            continue
        label = Span(m.start(1), m.end(1))
        speaker = att.speakers.of_phrase(att.tokens_in(label)[-1]) if att.tokens_in(label) else None
        kind: QuoteKind = "direct" if att.text[raw.start] in QUOTE_OPENERS else "indirect"
        found.append(make_quote(att.article, kind, content, Said(Span(m.end(1), m.end(1) + 1), speaker)))
    return found


def is_speaker_label(att: Attributor, label: Span) -> bool:
    words = att.text_of(label)
    if words.isupper() and any(ch.isalpha() for ch in words):
        return True  # "WALLACE:", "PENCE:": transcript labels
    mention = att.speakers.mention_at(label.start)
    return mention is not None and mention.label in ("PERSON", "ORG") and mention.span.end >= label.end


def clause_according_to(att: Attributor, sentence: Span, according) -> Quote | None:
    first = according[0]
    phrase = Span(first.idx, max(t.idx + len(t.text) for t in first.subtree))
    if not att.text[sentence.start : phrase.start].strip(" ,"):
        raw = Span(phrase.end, sentence.end)
    elif not att.text[phrase.end : sentence.end].strip(" .,;"):
        raw = Span(sentence.start, phrase.start)
    else:
        return None  # "according to X" in the middle: the clause it covers is unclear
    content = trim_content(att.text, raw)
    if content is None or len(att.tokens_in(content)) < MIN_REPORTED_TOKENS or mostly_quoted(att, content):
        return None
    said = att.said_according_to(according, [phrase])
    return make_quote(att.article, "indirect", content, said)
