"""Roles and relations the text gives actors, each with its evidence span.

Read from spaCy's dependency parse of the article (article.doc):
- an apposition after a name: "Amrullah Saleh, Afghanistan's former vice president, ...",
  "Ali Nazary, head of the NRF Foreign Relations told ..." -> Role;
- a title before a name: "Taliban spokesman Zabihullah Mujahid" -> Role "Taliban spokesman" and,
  because the title names an organisation, Relation spokesperson_for Taliban;
- kinship: "Massoud's father, Ahmad Shah Massoud" and "Ahmad Massoud, the son of Ahmad Shah
  Massoud" -> parent_of, in the right direction;
- founding and leading verbs: "the NRF that Massoud founded", "X leads the group" -> founder_of /
  leader_of, and a Role "founder of ..." for the person.
- a copula: "Fahim Dashti is the group's chief spokesman" (not when negated);
- an epithet: "Ahmad Shah Massoud, known as the Lion of Panjshir" -> Role "Lion of Panjshir".
Relations with organisations follow from the role noun (vocabulary.ROLE_NOUNS). What it misses:
roles split across sentences, and roles of people named only by a pronoun.
"""

from __future__ import annotations

from wirescope.annotate.actors import vocabulary as vocab
from wirescope.annotate.actors.clusters import Cluster, TokenIndex
from wirescope.annotate.actors.references import resolve_possessive
from wirescope.annotate.entities.vocabulary import EPITHET_CUES
from wirescope.annotate.tokens import char_span
from wirescope.record import Article, Role, Span

_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "nummod"})
_LEADING_DETS = frozenset({"a", "an", "the"})


def find_roles(article: Article, clusters: list[Cluster]) -> None:
    """Add every role and relation found in the article to the clusters (in place)."""
    if article.doc is None:
        return
    index = TokenIndex(article, clusters)
    for k, tokens in index.mentions:
        if clusters[k].type != "PERSON":
            continue
        _apposition_roles(article, index, k, tokens)
        _title_role(article, index, k, tokens)
        _copula_role(article, index, k, tokens)
    _verb_relations(article, index)
    _epithet_roles(article, index)


# --- phrases ---------------------------------------------------------------------------------------


def role_phrase(head) -> list:
    """The words of a role noun phrase: the head's subtree up to a clause, comma or verb."""
    cut = {t.i for inner in head.subtree if inner.i != head.i and inner.dep_ in _STOP_DEPS for t in inner.subtree}
    words = []
    for tok in head.subtree:
        if tok.i in cut or (tok.text in {",", ";", "(", "—", "–"} and tok.i > head.i):
            if tok.i > head.i:
                break
            continue
        words.append(tok)
    return _contiguous(_trim(words))


def _trim(words: list) -> list:
    """No leading article or possessive pronoun ("its spokesman" -> "spokesman"), no punctuation."""
    while words and (words[0].lower_ in _LEADING_DETS or words[0].tag_ == "PRP$" or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return words


def _contiguous(words: list) -> list:
    """The longest run of consecutive tokens (a cut clause can leave a gap)."""
    runs: list[list] = []
    run: list = []
    for tok in words:
        if run and tok.i != run[-1].i + 1:
            runs.append(run)
            run = []
        run.append(tok)
    if run:
        runs.append(run)
    return max(runs, key=len) if runs else []


def role_noun(words: list) -> object | None:
    """The role noun of a phrase ("spokesman", "head"), or None when it names no role."""
    nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"} and t.lower_ in vocab.ROLE_NOUNS]
    return nouns[0] if nouns else None


def _kinship_noun(words: list) -> object | None:
    return next((t for t in words if t.lower_ in vocab.KINSHIP), None)


# --- appositions and titles ------------------------------------------------------------------------


def _apposition_roles(article: Article, index: TokenIndex, k: int, tokens) -> None:
    root = tokens.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= tokens.end and _is_role_head(index, child):
            _add_role_phrase(article, index, k, role_phrase(child))
    if root.dep_ == "appos" and root.head.i < tokens.start and _is_role_head(index, root.head):
        # "Massoud's father, Ahmad Shah Massoud": the phrase before the name describes it.
        head = root.head
        words = [t for t in role_phrase(head) if t.i < tokens.start and t.text != ","]
        _add_role_phrase(article, index, k, _contiguous(words))


def _copula_role(article: Article, index: TokenIndex, k: int, tokens) -> None:
    """ "Dashti is the group's chief spokesman", "Saleh became acting president": the subject's role.

    Only "be" and "become" in the present or past; "would be" and "could become" are kept too
    (the modal is not checked), a known gap for hypothetical roles.
    """
    root = tokens.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in {"be", "become"}:
        return
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.i > root.i):
        if _is_role_head(index, attr) and not any(c.dep_ == "neg" for c in verb.children):
            _add_role_phrase(article, index, k, role_phrase(attr))


def _epithet_roles(article: Article, index: TokenIndex) -> None:
    """ "Ahmad Shah Massoud, known as the Lion of Panjshir", "X was tapped as the “Lion of ...”":
    the epithet is a Role of the person (patterns.py keeps it from being an ORG).

    Only for a person named in full there: "the elder Massoud, remembered as ..." is left alone,
    since a surname alone is resolved to the article's main figure, who may be the son.
    """
    for cue in article.doc:
        if cue.lower_ not in EPITHET_CUES or cue.pos_ != "VERB":
            continue
        words = _epithet_words(cue)
        person = _epithet_bearer(index, cue)
        if words and person is not None:
            span = char_span(words)
            index.clusters[person].add_role(Role(article.text_of(span), span))


def _epithet_words(cue) -> list:
    as_ = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    pobj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    if pobj is None:
        return []
    words = [t for t in pobj.subtree if not t.is_punct and not (t.dep_ == "det" and t.head.i == pobj.i)]
    if not words or not all(t.is_title or t.lower_ in {"of", "the"} for t in words):
        return []  # "known as a tough negotiator" is a description, not an epithet
    return _contiguous(words)


def _epithet_bearer(index: TokenIndex, cue) -> int | None:
    candidates = [cue.head] if cue.dep_ == "acl" else [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for tok in candidates:
        for t in (tok, *(c for c in tok.children if c.dep_ == "appos")):
            k = index.cluster_of(t)
            if k is not None and index.clusters[k].type == "PERSON" and _named_in_full(index, t):
                return k
    return None


def _named_in_full(index: TokenIndex, tok) -> bool:
    start, end = index.mention_bounds(tok)
    return end > start


def _is_role_head(index: TokenIndex, tok) -> bool:
    """The apposition's own noun names a role or kin: "head of ...", "father"; not "refugees"."""
    return index.cluster_of(tok) is None and (tok.lower_ in vocab.ROLE_NOUNS or tok.lower_ in vocab.KINSHIP)


def _add_role_phrase(article: Article, index: TokenIndex, k: int, words: list) -> None:
    if not words:
        return
    kin = _kinship_noun(words)
    noun = role_noun(words)
    if kin is None and noun is None:
        return
    span = char_span(words)
    index.clusters[k].add_role(Role(article.text_of(span), span))
    if kin is not None:
        _add_kinship(index, k, kin, words, span)
    if noun is not None:
        _add_org_relation(index, k, noun, words, span)


def _title_role(article: Article, index: TokenIndex, k: int, tokens) -> None:
    """Words just before a name that modify it: "Taliban spokesman", "former vice president"."""
    doc = tokens.doc
    j = tokens.start - 1
    while (
        j >= 0
        and doc[j].dep_ in _TITLE_DEPS
        and tokens.start <= _head_chain_end(doc[j])
        and not _in_person_mention(index, doc[j])
    ):
        j -= 1
    words = _title_words(index, _trim(list(doc[j + 1 : tokens.start])))
    if words and words[-1].lower_ in vocab.ROLE_NOUNS:
        _add_role_phrase(article, index, k, words)


def _title_words(index: TokenIndex, words: list) -> list:
    """The run of title words ending at the name: capitalised words, names, and TITLE_MODIFIERS."""
    kept: list = []
    for tok in reversed(words):
        ok = (
            tok.is_title
            or tok.is_upper
            or tok.lower_ in vocab.TITLE_MODIFIERS
            or tok.lower_ in vocab.ROLE_NOUNS
            or tok.tag_ == "POS"
            or index.cluster_of(tok) is not None
            or tok.ent_type_ in {"NORP", "GPE", "ORG"}
        )
        if not ok:
            break
        kept.insert(0, tok)
    return _trim(kept)


def _in_person_mention(index: TokenIndex, tok) -> bool:
    """Another person's name ends the title: "Massoud's" in "Massoud's ally X" is not a title."""
    return index.type_of(tok) == "PERSON"


def _head_chain_end(tok) -> int:
    """How far right a title word's chain of heads reaches (the name it ends on)."""
    seen = 0
    while tok.head.i > tok.i and seen < 6:
        tok, seen = tok.head, seen + 1
    return tok.i


# --- relations -------------------------------------------------------------------------------------


def _add_org_relation(index: TokenIndex, k: int, noun, words: list, span: Span) -> None:
    relation = vocab.ROLE_NOUNS.get(noun.lower_)
    if relation is None:
        return
    for org in index.clusters_in(words):
        if index.clusters[org].type != "ORG":
            continue
        index.clusters[k].add_relation(_relation_to(index, org, noun, words, relation), org, span)
        parent = _parent_org(index, org)
        if parent is not None and parent != org:
            index.clusters[k].add_relation("member_of", parent, span)


def _relation_to(index: TokenIndex, org: int, noun, words: list, relation: str) -> str:
    """The role's relation when it is about the organisation itself ("Taliban spokesman",
    "head of the NRF"); member_of when the organisation only qualifies a unit of it ("head of the
    NRF Foreign Relations": he heads a department, not the NRF)."""
    org_root = next(
        (
            tokens.root
            for k, tokens in index.mentions
            if k == org and tokens.start >= words[0].i and tokens.end <= words[-1].i + 1
        ),
        None,
    )
    if org_root is None:  # the organisation is only partly inside the role phrase: nothing qualifies it
        return relation
    qualified = org_root.dep_ == "compound" and org_root.head.i != noun.i and org_root.head in words
    return "member_of" if qualified else relation


def _parent_org(index: TokenIndex, org: int) -> int | None:
    """ "NRF Foreign Relations" is part of the NRF: an ORG whose first word names another ORG."""
    first_words = {n.split()[0] for n in index.clusters[org].names if len(n.split()) > 1}
    for k, c in enumerate(index.clusters):
        if k != org and c.type == "ORG" and first_words & set(c.names):
            return k
    return None


def _add_kinship(index: TokenIndex, k: int, kin, words: list, span: Span) -> None:
    """ "Massoud's father" / "the son of Ahmad Shah Massoud": the other person, and the direction."""
    others = [o for o in index.clusters_in(words) if o != k and index.clusters[o].type == "PERSON"]
    if not others:
        others = _pronoun_possessor(index, kin, k)
    if not others:
        return
    other = others[0]
    way = vocab.KINSHIP[kin.lower_]
    if way == "kin_is_parent":
        index.clusters[k].add_relation("parent_of", other, span)
    elif way == "kin_is_child":
        index.clusters[other].add_relation("parent_of", k, span)
    else:
        index.clusters[k].add_relation("sibling_of", other, span)
        index.clusters[other].add_relation("sibling_of", k, span)


def _pronoun_possessor(index: TokenIndex, kin, k: int) -> list[int]:
    """ "His son, Ahmad Massoud": the person "his" stands for, where references.py finds it safe."""
    possessor = next((c for c in kin.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    if possessor is None or possessor.lower_ not in {"his", "her"}:
        return []
    found = resolve_possessive(index, possessor, exclude=k)
    return [] if found is None else [found]


def _verb_relations(article: Article, index: TokenIndex) -> None:
    """ "the NRF that Massoud founded", "Massoud founded the NRF", "the NRF, founded by Massoud"."""
    for tok in article.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or (lemma not in vocab.FOUNDING_VERBS and lemma not in vocab.LEADING_VERBS):
            continue
        person, org = _verb_arguments(index, tok)
        if person is None or org is None:
            continue
        relation = "founder_of" if lemma in vocab.FOUNDING_VERBS else "leader_of"
        ends = [tok.i, *(i for t in (person, org) for i in index.mention_bounds(t))]
        span = char_span(article.doc[min(ends) : max(ends) + 1])
        p, o = index.cluster_of(person), index.cluster_of(org)
        if p is None or o is None:
            continue
        index.clusters[p].add_relation(relation, o, span)
        word = "founder" if relation == "founder_of" else "leader"
        index.clusters[p].add_role(Role(f"{word} of {index.clusters[o].canonical}", span))


def _verb_arguments(index: TokenIndex, verb):
    """The person who founds/leads and the organisation, from subject, object or relative clause."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl":
        objects.append(verb.head)
    if any(c.dep_ == "nsubjpass" for c in verb.children):  # "the NRF, founded by Massoud"
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    elif verb.dep_ == "acl":
        objects = [verb.head]
        subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    person = next((s for s in subjects if index.type_of(s) == "PERSON"), None)
    org = next((o for o in objects if index.type_of(o) == "ORG"), None)
    return person, org
