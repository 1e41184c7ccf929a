"""Mentions without a name: descriptions ("the 32-year-old resistance leader", "the group") and
pronouns ("he"), each linked to an actor only when the text makes it safe.

- A description of a person is matched to the actor whose roles and relations share its words:
  "the 32-year-old resistance leader" goes to the founder of the National Resistance *Front*
  rather than to his father, who was named more recently but holds no such role. The head noun
  must agree (a "leader" is a founder, head or commander; not a spokesman), and the best match
  must be unique, or the description stays unlinked.
- "the group" / "the movement" is the most prominent organisation (closest to the root of the
  parse) in the nearest earlier sentence that names one.
- "he"/"she" as a subject: the one person named earlier in the same sentence; or, for a pronoun
  before the main clause ("In an op-ed he penned ..., the leader wrote"), the main subject; or the
  subject of the previous sentence. Pronouns inside quotation marks are left alone (the speaker's
  "he" is seen from the speaker's side), as are possessives ("his group").
Gender is not checked: "she" can be linked to a man when the text is odd.
"""

from __future__ import annotations

from wirescope.annotate.actors import vocabulary as vocab
from wirescope.annotate.actors.clusters import Cluster, TokenIndex
from wirescope.annotate.tokens import char_span, doc_text
from wirescope.record import Article, Mention, Role

_STOP_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "in", "-", "’s", "'s"})
_AGE_WORDS = frozenset({"year", "years", "old", "-"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OPEN_QUOTES, _CLOSE_QUOTES = "“", "”"
# The role noun a relation implies, so "the leader" can match someone known as a founder.
_RELATION_NOUNS = {
    "founder_of": "founder",
    "leader_of": "leader",
    "spokesperson_for": "spokesman",
    "member_of": "member",
}


def find_references(article: Article, clusters: list[Cluster]) -> list[tuple[Mention, int]]:
    """DESC and PRON mentions with the index of the cluster each refers to."""
    if article.doc is None:
        return []
    index = TokenIndex(article, clusters)
    found: list[tuple[Mention, int]] = []
    for head in article.doc:
        if _is_description_head(index, head):
            resolved = _resolve_description(article, index, head)
            if resolved is not None:
                found.append(resolved)
                _remember(index, resolved)
    for sent in article.doc.sents:
        for tok in sent:
            if _is_subject_pronoun(tok) and not _inside_quotes(tok):
                k = _resolve_pronoun(index, tok)
                if k is not None:
                    mention = (Mention(char_span([tok]), "PRON"), k)
                    found.append(mention)
                    index.by_token[tok.i] = k
    return found


def _remember(index: TokenIndex, resolved: tuple[Mention, int]) -> None:
    mention, k = resolved
    for tok in index.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand") or ():
        index.by_token[tok.i] = k


# --- descriptions ----------------------------------------------------------------------------------


def _is_description_head(index: TokenIndex, head) -> bool:
    word = head.lower_
    if head.pos_ != "NOUN" or index.cluster_of(head) is not None:
        return False
    if word not in vocab.PERSON_DESCRIPTION_HEADS and word not in vocab.ORG_DESCRIPTION_HEADS:
        return False
    if head.tag_ in {"NNS", "NNPS"} or head.dep_ in {"compound", "appos"}:
        return False  # "the leaders" are several; "spokesman" in "Taliban spokesman X" is a title
    if any(c.dep_ == "appos" for c in head.children):
        return False  # "the leader, Ahmad Massoud": the name is there, roles.py reads it
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    if word in vocab.ORG_DESCRIPTION_HEADS:
        return _bare_subject(head, index)
    return True


def _bare_subject(head, index: TokenIndex) -> bool:
    """ "The group told the BBC": an organisation description is linked only as a bare subject.

    With modifiers it names a kind ("the conservative movement", "the rights group") more often
    than the organisation just named; unless the modifier is the name ("the Taliban movement").
    """
    modifiers = [c for c in head.children if c.dep_ != "det" and c.i < head.i]
    named = all(index.cluster_of(m) is not None for m in modifiers)
    return head.dep_ in _SUBJECTS and (not modifiers or named)


def description_words(head) -> list:
    """The description as written, from "the" to its head noun: "the 32-year-old resistance leader"."""
    return list(head.doc[head.left_edge.i : head.i + 1])


def _resolve_description(article: Article, index: TokenIndex, head) -> tuple[Mention, int] | None:
    words = description_words(head)
    span = char_span(words)
    named = [k for k in index.clusters_in(words) if index.clusters[k].type == "ORG"]
    k: int | None
    if head.lower_ in vocab.ORG_DESCRIPTION_HEADS and named:
        k = named[0]  # "the Taliban movement" is the Taliban
    elif head.lower_ in vocab.ORG_DESCRIPTION_HEADS:
        k = _prominent_org_before(index, head)
    else:
        k = _best_role_match(index, head, words)
    if k is None:
        return None
    if head.lower_ in vocab.PERSON_DESCRIPTION_HEADS:
        role = _role_words(words)
        if role:
            index.clusters[k].add_role(Role(article.text_of(char_span(role)), char_span(role)))
    return Mention(span, "DESC"), k


def _role_words(words: list) -> list:
    """The description without "the" and an age: "resistance leader"."""
    kept = [t for t in words if t.lower_ != "the" and not t.like_num and t.lower_ not in _AGE_WORDS]
    run: list = []
    for tok in reversed(kept):  # the run of words ending on the head noun
        if run and tok.i != run[0].i - 1:
            break
        run.insert(0, tok)
    return run


def _content_words(texts) -> set[str]:
    return {w.lower().strip("’'") for t in texts for w in t.replace("-", " ").split()} - _STOP_WORDS


def _best_role_match(index: TokenIndex, head, words: list) -> int | None:
    """The person whose roles and relations share the description's words; unique best or none."""
    modifiers = _content_words(t.text for t in words if t.i != head.i and not t.like_num) - _AGE_WORDS
    agreeing = vocab.PERSON_DESCRIPTION_HEADS[head.lower_]
    scores = {}
    for k, c in enumerate(index.clusters):
        if c.type != "PERSON" or not _named_before(index, k, head.i):
            continue
        score = _role_score(index, c, modifiers, agreeing)
        if score is not None:
            scores[k] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [k for k, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 and best >= 2 else None


def _role_score(index: TokenIndex, c: Cluster, modifiers: set[str], agreeing: frozenset[str]) -> int | None:
    """2 per description word found in an organisation the person founds, leads or speaks for;
    1 per word in the person's roles or other organisations; None unless the head noun agrees."""
    role_words = _content_words(r.role for r in c.roles)
    relation_words = {_RELATION_NOUNS.get(rel, "") for rel, _, _ in c.relations}
    if not (role_words | relation_words) & agreeing:
        return None
    strong = _content_words(n for rel, o, _ in c.relations if rel != "member_of" for n in index.clusters[o].names)
    weak = _content_words(n for rel, o, _ in c.relations if rel == "member_of" for n in index.clusters[o].names)
    return 1 + sum(2 if w in strong else 1 if w in role_words | weak else 0 for w in modifiers)


def _named_before(index: TokenIndex, k: int, i: int) -> bool:
    return any(kk == k and tokens.start < i for kk, tokens in index.mentions)


def _prominent_org_before(index: TokenIndex, head) -> int | None:
    """The organisation nearest the root of this sentence (before the description) or the one before."""
    sents = list(head.doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= head.i < s.end)
    for sent in reversed(sents[max(0, here - 1) : here + 1]):
        candidates = [
            (depth(t), t.i, k)
            for t in sent
            if t.i < head.i and (k := index.cluster_of(t)) is not None and index.clusters[k].type == "ORG"
        ]
        if candidates:
            return min(candidates)[2]
    return None


def depth(tok) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


# --- pronouns --------------------------------------------------------------------------------------


def _is_subject_pronoun(tok) -> bool:
    return tok.lower_ in vocab.PERSON_PRONOUNS and tok.dep_ in _SUBJECTS


def _inside_quotes(tok) -> bool:
    """Inside an open quotation in its paragraph ("“... he said he would ...”")."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    before = text[start : tok.idx]
    return before.count(_OPEN_QUOTES) > before.count(_CLOSE_QUOTES)


def _person_at(index: TokenIndex, tok) -> int | None:
    """The person a token names, following an apposition ("Massoud's father, Ahmad Shah Massoud")."""
    if any(c.dep_ == "conj" for c in tok.children) or _coordinated(index, tok):
        return None  # "Hamid Faizi and Jawad Rahimi met ...": "He" could be either
    for t in (tok, *(c for c in tok.children if c.dep_ == "appos")):
        k = index.cluster_of(t)
        if k is not None and index.clusters[k].type == "PERSON":
            return k
    return None


def _coordinated(index: TokenIndex, tok) -> bool:
    """The name is one of two joined by "and"/"or", whatever the parse says (it often errs here)."""
    start, end = index.mention_bounds(tok)
    doc = tok.doc
    for conj, neighbour in ((start - 1, start - 2), (end + 1, end + 2)):
        if (
            0 <= neighbour < len(doc)
            and doc[conj].lower_ in {"and", "or"}
            and index.type_of(doc[neighbour]) == "PERSON"
        ):
            return True
    return False


def _root_subject(sent):
    return next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)


def _resolve_pronoun(index: TokenIndex, tok) -> int | None:
    sent = tok.sent
    before = {
        k for t in sent if t.i < tok.i and (k := index.cluster_of(t)) is not None and index.clusters[k].type == "PERSON"
    }
    if len(before) == 1:
        return before.pop()
    if before:
        return None  # two people already in the sentence: not safe
    subject = _root_subject(sent)
    if subject is not None and subject.i > tok.i:
        return _person_at(index, subject)  # "In an op-ed he penned ..., the leader wrote"
    if sent.start == 0:
        return None
    previous = tok.doc[sent.start - 1].sent
    subject = _root_subject(previous)
    k = _person_at(index, subject) if subject is not None else None
    if k is not None:
        return k
    people = {k for t in previous if (k := index.cluster_of(t)) is not None and index.clusters[k].type == "PERSON"}
    return people.pop() if len(people) == 1 else None


def resolve_possessive(index: TokenIndex, tok, exclude: int) -> int | None:
    """Whose "his"/"her" it is in "His son, Ahmad Massoud, ...": the one other person named
    earlier in the sentence, else the subject (or the one person) of the sentence before.
    `exclude` is the person the phrase describes: nobody is their own father."""
    sent = tok.sent
    before = {
        k for t in sent if t.i < tok.i and (k := index.cluster_of(t)) is not None and index.clusters[k].type == "PERSON"
    } - {exclude}
    if before:
        return before.pop() if len(before) == 1 else None
    if sent.start == 0 or _inside_quotes(tok):
        return None
    previous = tok.doc[sent.start - 1].sent
    subject = _root_subject(previous)
    k = _person_at(index, subject) if subject is not None else None
    if k is not None and k != exclude:
        return k
    people = {k for t in previous if (k := index.cluster_of(t)) is not None and index.clusters[k].type == "PERSON"} - {
        exclude
    }
    return people.pop() if len(people) == 1 else None
