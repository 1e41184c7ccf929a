"""Features of a (claim, text) pair for the stance classifier: MiniLM geometry plus lexical cues.

The text is cut into sentences (a light punctuation rule, so that `wirescope.stance` works on any
string without a parse) and every sentence is compared with the claim. From the embeddings: the
claim times the best-matching sentence, their absolute difference, the claim times the text's mean
vector, and the sorted top cosines. From the words: how much of the claim's content the best
sentences and the whole text repeat, and how often refuting, negating, hedging and confirming
words (stance_vocabulary.py) occur in the claim, in the three best-matching sentences and in the
text; which cue words (each one) the best sentences and the claim hold; and the best sentence's
vector minus the claim's. Unrelated pairs show in the cosines and the overlap; agree / disagree /
discuss mostly in the cue words near the matching sentences and in the products.

Two heads of the classifier read different columns (stance.py): a long text (an article body) is
read through the embedding products and the cue counts (BODY_COLUMNS); a short one (a headline or
a sentence, at most HEADLINE_WORDS words) through the cues, the word bag and the difference vector
(HEADLINE_COLUMNS), because on headlines the products let a model memorise claims rather than
learn how outlets assert, hedge and deny (docs/models.md has the comparison).

`featurize` embeds each distinct claim and sentence once per call, so a training set whose bodies
recur across many pairs costs one pass per body.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from wirescope.annotate.claims.stance_vocabulary import CONFIRMING, HEDGING, NEGATION, REFUTING, STOP_WORDS
from wirescope.annotate.embeddings import DIMENSIONS, encode

MAX_SENTENCES = 40  # longer texts: the first 40 sentences (news puts the claim up front)
TOP = 3
# A sentence ends at . ! or ? (and any closing quote or bracket) before white space and a capital,
# digit or opening quote; a line break always ends one. Abbreviations like "U.S. officials" split
# wrongly; a stray split costs a little recall on one match, not the pair.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[A-Z0-9\"“‘'(])|\s*\n+\s*")
_WORD = re.compile(r"[a-z0-9]+(?:n't|'[a-z]+)?")
CUE_SETS = (REFUTING, NEGATION, HEDGING, CONFIRMING)
CUE_WORDS = (*sorted(REFUTING | NEGATION | HEDGING | CONFIRMING), "n't", "?")
_CUE_INDEX = {w: i for i, w in enumerate(CUE_WORDS)}


def split_sentences(text: str) -> list[str]:
    """The text's sentences (at most MAX_SENTENCES), stripped, none empty."""
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p][:MAX_SENTENCES] or [text.strip() or "."]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP_WORDS and len(w) > 1}


def _cue_rates(tokens: list[str]) -> list[float]:
    """Per cue set: the share of tokens in it (n't counts as a negation)."""
    size = max(len(tokens), 1)
    rates = [sum(t in cues for t in tokens) / size for cues in CUE_SETS]
    rates[1] += sum(t.endswith("n't") for t in tokens) / size
    return rates


def _cue_present(tokens: list[str]) -> list[float]:
    return [float(any(t in cues for t in tokens)) for cues in CUE_SETS] + [
        float(any(t.endswith("n't") for t in tokens))
    ]


def _overlap(claim: set[str], other: set[str]) -> float:
    return len(claim & other) / max(len(claim), 1)


def lexical_features(claim: str, sentences: list[str], best: list[int]) -> list[float]:
    """Overlap with the claim and cue words, in the claim, the best sentences and the whole text."""
    claim_words, claim_tokens = content_words(claim), words(claim)
    near = " ".join(sentences[i] for i in best)
    whole = " ".join(sentences)
    near_tokens, whole_tokens = words(near), words(whole)
    return [
        _overlap(claim_words, content_words(sentences[best[0]])),
        _overlap(claim_words, content_words(near)),
        _overlap(claim_words, content_words(whole)),
        float("?" in sentences[best[0]]),
        float("?" in claim),
        float("?" in whole),
        *_cue_present(claim_tokens),
        *_cue_present(near_tokens),
        *_cue_present(whole_tokens),
        *_cue_rates(near_tokens),
        *_cue_rates(whole_tokens),
        math.log1p(len(claim_tokens)),
        math.log1p(len(whole_tokens)),
        math.log1p(len(sentences)),
        float(len(sentences) == 1),
    ]


def cue_bag(text: str) -> np.ndarray:
    """Which cue words (and a question mark, and any n't) the text holds: one 0/1 column each."""
    bag = np.zeros(len(CUE_WORDS), np.float32)
    for token in words(text):
        if token in _CUE_INDEX:
            bag[_CUE_INDEX[token]] = 1.0
        if token.endswith("n't"):
            bag[_CUE_INDEX["n't"]] = 1.0
    bag[_CUE_INDEX["?"]] = float("?" in text)
    return bag


# A text of at most this many words is read like a headline. Emergent's headlines run to 68 words
# (99% within 28) and an eighth of them are cut into two "sentences" ("Report: ..."); FNC-1's
# bodies are a median 304 words. Routing by sentence count sent those headlines to the body head.
HEADLINE_WORDS = 40


def is_headline(text: str) -> bool:
    return len(text.split()) <= HEADLINE_WORDS


def pair_features(claim_vec: np.ndarray, sentence_vecs: np.ndarray, claim: str, sentences: list[str]) -> np.ndarray:
    """One feature row for a claim and the sentences of a text (their vectors in the same order)."""
    cosines = sentence_vecs @ claim_vec
    order = [int(i) for i in np.argsort(-cosines, kind="stable")]
    best, top = sentence_vecs[order[0]], cosines[order[:TOP]]
    mean = sentence_vecs.mean(axis=0)
    mean /= max(float(np.linalg.norm(mean)), 1e-9)
    padded = np.concatenate([top, np.full(TOP - len(top), top[-1])])
    scalars = [*padded, float(cosines.mean()), float(cosines[0]), float(mean @ claim_vec)]
    lexical = lexical_features(claim, sentences, order[:TOP])
    near = " ".join(sentences[i] for i in order[:TOP])
    return np.concatenate(
        [
            claim_vec * best,
            np.abs(claim_vec - best),
            claim_vec * mean,
            np.array(scalars + lexical, np.float32),
            cue_bag(near),
            cue_bag(claim),
            best - claim_vec,
        ]
    ).astype(np.float32)


def featurize(claims: Sequence[str], texts: Sequence[str], *, threads: int = 1) -> np.ndarray:
    """Feature rows for the pairs (claims[i], texts[i]), embedding each distinct string once."""
    split = {t: split_sentences(t) for t in dict.fromkeys(texts)}
    strings = list(dict.fromkeys([*claims, *(s for sents in split.values() for s in sents)]))
    vectors = encode(strings, threads=threads) if strings else np.zeros((0, DIMENSIONS), np.float32)
    row = {s: i for i, s in enumerate(strings)}
    out = [
        pair_features(vectors[row[c]], vectors[[row[s] for s in split[t]]], c, split[t])
        for c, t in zip(claims, texts, strict=True)
    ]
    return np.stack(out) if out else np.zeros((0, feature_count()), np.float32)


def headline_flags(texts: Sequence[str]) -> np.ndarray:
    """True where the text is short (a headline or a sentence): the pair goes to the headline head."""
    return np.array([is_headline(t) for t in texts], bool)


SCALARS = TOP + 3 + len(lexical_features("a", ["a"], [0]))
BODY_COLUMNS = (0, 3 * DIMENSIONS + SCALARS)
HEADLINE_COLUMNS = (3 * DIMENSIONS, 3 * DIMENSIONS + SCALARS + 2 * len(CUE_WORDS) + DIMENSIONS)


def feature_count() -> int:
    return HEADLINE_COLUMNS[1]
