"""One embedding pass per sentence, shared by every learned component that reads an article.

Embedding every sentence of every article would cost more than the whole spaCy parse (see
docs/benchmarks.md), so nothing is embedded up front. A component asks for the sentences it needs
(`sentence_vectors(article, spans)`); the ones not yet embedded are encoded in one batch and kept in
`article.vectors`, a dict keyed by the sentence's Span that travels with the article through the
pipeline like `article.doc` and, like it, is never stored. A later component asking for the same
sentence gets the same row without a second pass.

The cache trusts that `article.text` does not change once annotation starts (no annotator edits
the clean text); a span is looked up, not re-read.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wirescope.annotate.embeddings.encoder import DIMENSIONS, encode
from wirescope.record import Article, Span


def sentence_vectors(article: Article, spans: Sequence[Span], *, threads: int = 1) -> np.ndarray:
    """Unit vectors for `spans` of `article` (one row each, in order), embedding only the new ones."""
    cache: dict[Span, np.ndarray] = article.vectors
    missing = list(dict.fromkeys(s for s in spans if s not in cache))
    if missing:
        rows = encode([article.text_of(s) for s in missing], threads=threads)
        cache.update(zip(missing, rows, strict=True))
    if not spans:
        return np.zeros((0, DIMENSIONS), np.float32)
    return np.stack([cache[s] for s in spans])
