"""Claims across sources: which claims are one proposition, and how each pair in it relates.

Structure first: two claims with a normalised form are one proposition when they share the
predicate (control, killed, fighting, a PLOVER type) and a compatible place (the same place key,
"Panjshir Valley" and "Panjshir" being one), or, with no place, the same subject. Claims without a
normalised form (statements) are one proposition when their MiniLM sentence embeddings are close
(PARAPHRASE, cosine), so paraphrases meet and two claims that only share words do not.

Within a proposition each pair is:
- contradicts: one denies what the other asserts; incompatible figures (3 vs 30 killed); two
  different controllers of one place on one day; a claimant retracting what it asserted;
- agrees: the same stance and compatible values;
- related: same proposition, but one only questions it, or the control claims are days apart.
The reason is kept with each link. Claims that contradict are never merged into one fact: each
side keeps its own claims, claimants and stories (sides()). Every pair is judged, but only a
spanning set of the links is kept (`kept_links`: enough agreements to join each side, the first
contradiction between two sides, enough of the rest to join the sides), so a proposition retold by
n outlets holds about n links, not n squared, and its sides are those of every pair.

A pure function of the stored claims (not of the order articles arrived in): `group_claims` over
every claim is the reference answer. The store keeps it up to date incrementally
(store/claim_links.py): a batch's claims are compared only with the stored claims that share a
blocking key with them (`structured_key`, `paraphrase_words`), and the propositions those belong
to are recomputed; the answer is the same as grouping the whole store again (tests/store/
test_claims_incremental.py). A claim's vector is a pure function of its words (each text embedded
alone: the int8 encoder quantises its activations per batch, so a batch-mate would move it), kept
in the store once computed, so no claim is embedded twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import numpy as np

from wirescope.record import Article, Claim, stable_id

PARAPHRASE = 0.8  # cosine of MiniLM embeddings above which two statements are one proposition
FIGURE_RATIO = 1.5  # two death tolls further apart than this (and by more than 2) contradict
CONTROL_DAYS = 1  # control claims this many days apart or less are about the same moment
_GENERIC_PLACE_WORDS = frozenset({"valley", "province", "district", "city", "region", "town", "the"})

PARAPHRASE_CHARS = 160  # characters of a claim's words its embedding reads
SHARED_WORDS = 2  # content words two claims must share before their embeddings are compared
OVERLAP = 0.4  # ... and at least this share of the shorter claim's content words
# Words of four letters or more that say nothing about what a claim is about, left out of the words
# two claims must share before their embeddings are compared (below). A fixed list, not
# a count over the store: the answer must not depend on how many claims are stored (a word crossing
# a count would split propositions already made), and the store looks claims up by each word.
_PARAPHRASE_STOPWORDS = frozenset(
    {
        "about", "after", "again", "also", "been", "before", "being", "could", "does", "done",
        "from", "have", "having", "here", "into", "just", "like", "more", "most", "much", "must",
        "only", "other", "over", "said", "says", "should", "some", "such", "than", "that", "their",
        "them", "then", "there", "these", "they", "this", "those", "told", "under", "very", "were",
        "what", "when", "where", "which", "while", "will", "with", "would", "your", "ours", "it's",
        "we're", "they're", "there's", "that's", "we've", "they've",
    }
)  # fmt: skip
_WORD = re.compile(r"[\w'’-]+")
_NEGATION = re.compile(r"\b(no|not|never|nobody|none|nothing|without)\b|n't", re.IGNORECASE)

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """What resolution needs of one stored claim."""

    id: str
    article_id: str
    text: str
    stance: str
    kind: str
    predicate: str
    claimant_id: str | None = None
    claimant_name: str | None = None
    subject_id: str | None = None
    subject_name: str | None = None
    place_name: str | None = None
    time: str | None = None
    count: int | None = None
    date: str | None = None
    story_id: str | None = None
    negation_in_text: bool = False  # denies because its own words negate it ("no fighting"), not by a cue


@dataclass(frozen=True, slots=True)
class Link:
    """How two claims of one proposition relate, and why."""

    claim_id: str
    other_id: str
    relation: str  # agrees, contradicts, related
    reason: str


@dataclass(frozen=True, slots=True)
class PropositionGroup:
    """Claims found to be about one proposition, with the links between them."""

    id: str
    label: str
    claim_ids: tuple[str, ...]
    links: tuple[Link, ...]
    stories: int = 0  # independent stories summed over its sides: what contested points are ranked by

    @property
    def contested(self) -> bool:
        return any(link.relation == "contradicts" for link in self.links)


def place_key(name: str | None) -> str | None:
    """A place's name without its generic words: "Panjshir Valley" and "Panjshir" are one key."""
    if not name:
        return None
    words = [w for w in re.findall(r"[\w'’-]+", name.casefold()) if w not in _GENERIC_PLACE_WORDS]
    return " ".join(words) or name.casefold()


def _subject_key(c: StoredClaim) -> str | None:
    return c.subject_id or (c.subject_name.casefold() if c.subject_name else None)


# --- one pair ---------------------------------------------------------------------------------------


def same_proposition(a: StoredClaim, b: StoredClaim) -> bool:
    """Structured claims: same predicate, and the same place or (with no place) the same subject."""
    if a.kind == "statement" or b.kind == "statement" or a.predicate != b.predicate:
        return False
    pa, pb = place_key(a.place_name), place_key(b.place_name)
    if pa and pb:
        return pa == pb and _times_compatible(a.time, b.time)
    if a.kind == "control" or pa or pb:
        return False  # control of no named place, or a place on one side only: cannot be told the same
    sa, sb = _subject_key(a), _subject_key(b)
    return sa is not None and sa == sb


def relation(a: StoredClaim, b: StoredClaim) -> tuple[str, str]:
    """How two claims of one proposition relate, with the reason in words."""
    if "statement" in (a.kind, b.kind):
        return _paraphrase_relation(a, b)
    who_a, who_b = a.claimant_name or "an unattributed source", b.claimant_name or "an unattributed source"
    if {a.stance, b.stance} == {"asserts", "denies"}:
        if a.claimant_id and a.claimant_id == b.claimant_id:
            first, later = sorted((a, b), key=lambda c: c.date or "")
            if first.date != later.date and later.stance == "denies":
                return "contradicts", f"retraction: {who_a} later denies what it asserted"
        asserting, denying = (a, b) if a.stance == "asserts" else (b, a)
        return "contradicts", f"{denying.claimant_name or 'an unattributed source'} denies what " + (
            f"{asserting.claimant_name or 'an unattributed source'} asserts"
        )
    if "questions" in (a.stance, b.stance):
        return "related", "one only questions it"
    if a.kind == "casualties" and a.count and b.count and _figures_conflict(a.count, b.count):
        return "contradicts", f"incompatible figures: {a.count} vs {b.count} killed"
    if a.kind == "control":
        return _control_relation(a, b, who_a, who_b)
    if a.stance == b.stance == "denies":
        return "agrees", f"{who_a} and {who_b} both deny it"
    return "agrees", f"{who_a} and {who_b} both assert it"


def _paraphrase_relation(a: StoredClaim, b: StoredClaim) -> tuple[str, str]:
    """Claims joined by their words: the words carry their own negation, so only a denial cue
    (not a "no" in the words) sets one against the other."""
    who_a, who_b = a.claimant_name or "an unattributed source", b.claimant_name or "an unattributed source"
    if "questions" in (a.stance, b.stance):
        return "related", "one only questions it"
    if _says_no(a) != _says_no(b):
        return "contradicts", f"one denies, in other words, what the other asserts ({who_a}, {who_b})"
    return "agrees", f"{who_a} and {who_b} say it in other words"


def _says_no(c: StoredClaim) -> bool:
    """Whether the claim, words and cue together, says the thing is not so: "denied that Bazarak
    had fallen" and "Bazarak had not fallen" both do."""
    denied_by_cue = c.stance == "denies" and not c.negation_in_text
    return denied_by_cue != bool(_NEGATION.search(c.text))


def _control_relation(a: StoredClaim, b: StoredClaim, who_a: str, who_b: str) -> tuple[str, str]:
    days = _days_apart(a.time or a.date, b.time or b.date)
    if days is not None and days > CONTROL_DAYS:
        return "related", f"control of {a.place_name} claimed {days} days apart"
    sa, sb = _subject_key(a), _subject_key(b)
    if a.stance == b.stance == "asserts" and sa and sb and sa != sb:
        return "contradicts", f"two controllers of {a.place_name} on one day: {a.subject_name} and {b.subject_name}"
    return "agrees", f"{who_a} and {who_b} agree on who controls {a.place_name}"


def _figures_conflict(x: int, y: int) -> bool:
    low, high = sorted((x, y))
    return high - low > 2 and high > FIGURE_RATIO * low


def _times_compatible(x: str | None, y: str | None) -> bool:
    """Unknown times fit anything; known ones must share their common prefix (2021-09 fits 2021-09-06)."""
    if not x or not y or not x[:1].isdigit() or not y[:1].isdigit():
        return True
    n = min(len(x), len(y), 10)
    return x[:n] == y[:n]


def _days_apart(x: str | None, y: str | None) -> int | None:
    try:
        return abs((date.fromisoformat((x or "")[:10]) - date.fromisoformat((y or "")[:10])).days)
    except ValueError:
        return None


# --- the whole set ----------------------------------------------------------------------------------


def _repeat_key(c: StoredClaim) -> tuple:
    """What makes two claims of one article the same claim said again: every normalised part, and
    the words themselves for a statement (which has no normalised form)."""
    words = c.text if c.kind == "statement" else None
    return (
        c.article_id,
        c.stance,
        c.kind,
        c.predicate,
        c.claimant_id,
        c.subject_id,
        place_key(c.place_name),
        c.time,
        c.count,
        c.negation_in_text,
        words,
    )


def _first_of_repeats(claims: Sequence[StoredClaim]) -> tuple[list[StoredClaim], dict[str, str]]:
    """One claim of each set of repeats (the smallest id), and each repeat's first claim. Pairs are
    compared among first claims only, so an article saying one thing 2,000 times costs one claim,
    not 2,000 squared pairs; its repeats then join their first claim's side."""
    first: dict[tuple, StoredClaim] = {}
    for c in sorted(claims, key=lambda c: c.id):
        first.setdefault(_repeat_key(c), c)
    return list(first.values()), {c.id: first[_repeat_key(c)].id for c in claims}


@dataclass(frozen=True, slots=True)
class Settled:
    """What is already decided among some of the claims given to `group_claims` (the store's
    incremental resolution): every claim not in `fresh` is in one of `groups` (or in none with
    another). Only pairs with a fresh claim are looked for to join propositions; within each
    proposition every pair is judged again (a pair's relation is a cheap pure function of the pair,
    and only the links `kept_links` keeps are stored, so the others are not at hand)."""

    fresh: frozenset[str]
    groups: tuple[tuple[str, ...], ...] = ()


def group_claims(
    claims: Sequence[StoredClaim],
    embed: Embed | None = None,
    vectors: dict[str, np.ndarray] | None = None,
    settled: Settled | None = None,
) -> list[PropositionGroup]:
    """Every proposition with two or more claims, and the relation of each pair of its claims
    (a repeat within one article is linked to its first claim only: it relates as that one does).
    `vectors` holds the claims' known vectors by id; those `embed` computes are added to it."""
    distinct, first_of = _first_of_repeats(claims)
    fresh = None if settled is None else settled.fresh
    vectors = {} if vectors is None else vectors
    pairs = _structured_pairs(distinct, fresh) + _paraphrase_pairs(distinct, embed, vectors, fresh)
    parent = {c.id: c.id for c in claims}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined = [(a.id, b.id) for a, b in pairs] + [(i, f) for i, f in first_of.items() if i != f]
    joined += [(g[0], other) for g in (settled.groups if settled else ()) for other in g[1:] if g[0] in parent]
    for a, b in joined:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[StoredClaim]] = {}
    for c in claims:
        members.setdefault(root(c.id), []).append(c)
    groups = [_group(m, first_of) for m in members.values() if len(m) > 1]
    return sorted(groups, key=lambda g: g.id)


def structured_key(c: StoredClaim) -> str | None:
    """The block a claim with a normalised form is compared in: its predicate and its place (or,
    with no place, its subject). Two claims `same_proposition` finds alike share it; the store
    indexes it (store/claim_links.py)."""
    if c.kind == "statement":
        return None
    return f"{c.predicate}\x1f{place_key(c.place_name) or _subject_key(c)}"


def paraphrase_words(text: str) -> frozenset[str]:
    """The content words of a claim that paraphrase candidates must share (the store indexes them)."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if len(w) > 3 and w not in _PARAPHRASE_STOPWORDS)


def paraphrase_text(c: StoredClaim) -> str:
    """What a claim's embedding reads: long quotes cut to their opening words, which state the
    proposition (the encoder's cost grows with the length of the text)."""
    return c.text[:PARAPHRASE_CHARS]


def _structured_pairs(
    claims: Sequence[StoredClaim], fresh: frozenset[str] | None = None
) -> list[tuple[StoredClaim, StoredClaim]]:
    """Pairs of one block that are one proposition (with `fresh`, only pairs with a fresh claim)."""
    blocks: dict[str, list[StoredClaim]] = {}
    for c in claims:
        if (key := structured_key(c)) is not None:
            blocks.setdefault(key, []).append(c)
    return [
        (a, b)
        for block in blocks.values()
        for a, b in combinations(block, 2)
        if (fresh is None or a.id in fresh or b.id in fresh) and same_proposition(a, b)
    ]


def _paraphrase_pairs(
    claims: Sequence[StoredClaim],
    embed: Embed | None,
    vectors: dict[str, np.ndarray],
    fresh: frozenset[str] | None = None,
) -> list[tuple[StoredClaim, StoredClaim]]:
    """Pairs of a statement and any other claim whose words are paraphrases of each other. Only
    claims sharing SHARED_WORDS content words with a claim of another article are embedded:
    paraphrases keep most of their nouns, and encoding every claim would cost more than the
    claims annotator itself (docs/benchmarks.md)."""
    candidates = _word_candidates(claims, fresh)
    if embed is None or not candidates:
        return []
    for i in sorted({i for pair in candidates for i in pair}):
        if claims[i].id not in vectors:  # each alone: its vector must not depend on its batch-mates
            vectors[claims[i].id] = embed([paraphrase_text(claims[i])])[0]
    return [
        (claims[i], claims[j])
        for i, j in sorted(candidates)
        if float(vectors[claims[i].id] @ vectors[claims[j].id]) >= PARAPHRASE
    ]


def _word_candidates(claims: Sequence[StoredClaim], fresh: frozenset[str] | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims from different articles, one a statement, sharing enough words
    (a paraphrase says "give up" for "surrender" but keeps "people", "valley", "weapons"). With
    `fresh`, only pairs with a fresh claim: each fresh claim counts the words it shares with the
    claims holding them, not every pair of the set."""
    words = [paraphrase_words(c.text) for c in claims]
    by_word: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            by_word.setdefault(w, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    if fresh is None:
        for ids in by_word.values():
            for i, j in combinations(ids, 2):
                shared[(i, j)] = shared.get((i, j), 0) + 1
    else:
        new = {i for i, c in enumerate(claims) if c.id in fresh}
        for i in sorted(new):
            for w in words[i]:
                for j in by_word[w]:
                    if j == i or (j in new and j < i):  # two fresh claims: counted from the smaller index
                        continue
                    key = (i, j) if i < j else (j, i)
                    shared[key] = shared.get(key, 0) + 1
    return {
        (i, j)
        for (i, j), n in shared.items()
        if n >= SHARED_WORDS
        and n >= OVERLAP * min(len(words[i]), len(words[j]))
        and claims[i].article_id != claims[j].article_id
        and "statement" in (claims[i].kind, claims[j].kind)
    }


def _group(members: list[StoredClaim], first_of: dict[str, str]) -> PropositionGroup:
    members = sorted(members, key=lambda c: c.id)
    judged = [
        Link(a.id, b.id, *relation(a, b)) for a, b in combinations([c for c in members if first_of[c.id] == c.id], 2)
    ]
    links = kept_links(judged)
    for c in members:
        if first_of[c.id] != c.id:
            links.append(Link(first_of[c.id], c.id, "agrees", "the same claim, said again in the same article"))
    return PropositionGroup(
        stable_id("prop", members[0].id),
        _label(members),
        tuple(c.id for c in members),
        tuple(links),
        side_stories(members, links),
    )


def side_stories(claims: Sequence[StoredClaim], links: Sequence[Link]) -> int:
    """The independent stories of each side of a proposition, summed (a story on two sides counts
    on each): the key contested points are ranked by, most first."""
    return sum(s.stories for s in sides(claims, links))


def kept_links(judged: Sequence[Link]) -> list[Link]:
    """The links a proposition keeps of its judged pairs, in their order: enough agreements to join
    each side (a spanning forest: the sides are the same as with every pair), the first
    contradiction between each two sides (or within one), and enough of the rest to join the sides
    into one proposition. Every pair is judged, but a proposition retold by n outlets keeps about n
    links, not n squared: stored, read and shown, every pair would grow with the square of its
    retellings (docs/benchmarks.md, the report at 1M events)."""
    side: dict[str, str] = {}
    kept = []
    for link in judged:
        if link.relation == "agrees" and _join(side, link.claim_id, link.other_id):
            kept.append(link)
    of = {i: _find_in(side, i) for link in judged for i in (link.claim_id, link.other_id)}
    contradicted: set[tuple[str, str]] = set()
    joined: dict[str, str] = {}
    for link in judged:
        low, high = sorted((of[link.claim_id], of[link.other_id]))
        if link.relation == "contradicts" and (low, high) not in contradicted:
            contradicted.add((low, high))
            _join(joined, low, high)
            kept.append(link)
    for link in judged:
        if link.relation == "related" and _join(joined, of[link.claim_id], of[link.other_id]):
            kept.append(link)
    return sorted(kept, key=lambda x: (x.claim_id, x.other_id))


def _find_in(parent: dict[str, str], x: str) -> str:
    while parent.get(x, x) != x:
        x = parent[x]
    return x


def _join(parent: dict[str, str], a: str, b: str) -> bool:
    """Union of a's and b's sets; whether they were apart."""
    ra, rb = _find_in(parent, a), _find_in(parent, b)
    if ra == rb:
        return False
    low, high = sorted((ra, rb))
    parent[high] = low
    return True


def _label(members: list[StoredClaim]) -> str:
    """What the proposition is about, in a few words: "control — Panjshir Valley"."""
    first = members[0]
    if first.kind == "statement":
        return first.text[:80]
    about = next((c.place_name for c in members if c.place_name), None) or first.subject_name or ""
    return f"{first.predicate} — {about}" if about else first.predicate


# --- sides of a contested proposition ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Side:
    """Claims of one proposition that agree with each other, and what stands behind them."""

    claim_ids: tuple[str, ...]
    stories: int  # independent stories: syndicated copies count once
    claimants: int  # distinct claimants: one spokesman three times is one
    unattributed: int  # claims no one is named for


def sides(claims: Sequence[StoredClaim], links: Sequence[Link]) -> list[Side]:
    """The sides of a proposition: claims joined by `agrees` links, most independent stories first."""
    parent = {c.id: c.id for c in claims}
    for link in links:
        if link.relation == "agrees" and link.claim_id in parent and link.other_id in parent:
            a, b = sorted((_find(parent, link.claim_id), _find(parent, link.other_id)))
            parent[b] = a
    by_side: dict[str, list[StoredClaim]] = {}
    for c in claims:
        by_side.setdefault(_find(parent, c.id), []).append(c)
    result = [_side(group) for group in by_side.values()]
    return sorted(result, key=lambda s: (-s.stories, -s.claimants, s.claim_ids))


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        x = parent[x]
    return x


def _side(group: list[StoredClaim]) -> Side:
    stories = {c.story_id or c.article_id for c in group}
    claimants = {c.claimant_id for c in group if c.claimant_id}
    return Side(
        tuple(sorted(c.id for c in group)), len(stories), len(claimants), sum(1 for c in group if not c.claimant_id)
    )


# --- from records -----------------------------------------------------------------------------------


def from_claim(article: Article, claim: Claim, story_id: str | None = None) -> StoredClaim:
    """What resolution reads of one claim of an annotated article (the store reads the same from rows)."""
    return StoredClaim(
        id=claim.id,
        article_id=article.id,
        text=article.text_of(claim.span),
        stance=claim.stance,
        kind=claim.kind,
        predicate=claim.predicate,
        claimant_id=claim.claimant.actor_id if claim.claimant else None,
        claimant_name=claim.claimant.name if claim.claimant else None,
        subject_id=claim.subject.actor_id if claim.subject else None,
        subject_name=claim.subject.name if claim.subject else None,
        place_name=claim.place.name if claim.place else None,
        time=claim.time,
        count=claim.count,
        date=claim.date,
        story_id=story_id,
        negation_in_text=claim.stance == "denies" and claim.stance_evidence not in (None, claim.cue),
    )


def pair_relation(a: StoredClaim, b: StoredClaim, embed: Embed | None = None) -> tuple[str, str]:
    """How two claims relate, "unrelated" when they are not one proposition."""
    if any(group.contested or group.links for group in group_claims([a, b], embed)):
        return relation(a, b)
    return "unrelated", "not the same proposition"


def from_row(row: dict) -> StoredClaim:
    """What resolution reads of one stored claim row (store/claim_links.py `claim_rows`)."""
    stance_evidence = (row["stance_start"], row["stance_end"])
    return StoredClaim(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        stance=row["stance"],
        kind=row["kind"],
        predicate=row["predicate"],
        claimant_id=row["source_id"],
        claimant_name=row["source_name"],
        subject_id=row["subject_id"],
        subject_name=row["subject"] or None,
        place_name=row["place_name"],
        time=row["time_value"],
        count=row["count"],
        date=row["date"],
        story_id=row["story_id"],
        negation_in_text=row["stance"] == "denies"
        and stance_evidence[0] is not None
        and stance_evidence != (row["cue_start"], row["cue_end"]),
    )


def resolve_claims(store, embed: Embed | None = None) -> list[PropositionGroup]:
    """Group every stored claim into propositions and store the answer: the recomputation over
    the whole store that the incremental resolution (`resolve_claim_batch`) must equal. `embed` is
    the sentence encoder for paraphrase; the vectors the store holds are used, not recomputed."""
    claims = [from_row(r) for r in store.claim_rows()]
    groups = group_claims(claims, embed, store.claim_vectors([c.id for c in claims]))
    store.save_propositions(groups)
    return groups


def reusing(articles: Sequence[Article], embed: Embed) -> Embed:
    """`embed`, answering from the vectors the pipeline already computed for these articles
    (`article.vectors`, annotate/embeddings) where a claim's words are one of those sentences:
    the project's one embedding pass per sentence. The rest are embedded."""
    known = {a.text_of(span): vector for a in articles for span, vector in a.vectors.items()}

    def embed_or_reuse(texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in known]
        fresh = dict(zip(missing, embed(missing), strict=True)) if missing else {}
        return np.stack([known[t] if t in known else fresh[t] for t in texts])

    return embed_or_reuse


def resolve_claim_batch(store, articles: Sequence[Article], embed: Embed | None = None) -> list[PropositionGroup]:
    """After a batch is stored, resolve its claims (and any a crash left queued) against the
    stored claims sharing a key with them (store/claim_links.py); returns the propositions redone."""
    return store.resolve_claims([a.id for a in articles], reusing(articles, embed) if embed else None)
