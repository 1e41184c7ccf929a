"""The language of an article's clean text, told offline by py3langid (its model ships inside the package).

Only English has an annotation pipeline; an article in another language is stored with its
language, clean text and metadata, and is not annotated (run/local.py). The detector is a naive
Bayes model over byte n-grams (langid.py, 97 languages), about 4 ms for a 2,500-character article.

On a short or mixed text it is unsure, and what it guesses then is often wrong ("Kabul, Monday."
comes out as Uzbek): a text it is unsure of is taken as English (the pipeline's language) unless
most of its letters are in a script English is not written in, which no guess can get wrong.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

ENGLISH = "en"
# Below this normalised probability the detector's guess is not trusted (fitted by eye on the
# demo corpus and hand-written sentences in tests/clean/test_language.py, not on a gold set).
MIN_CONFIDENCE = 0.9
# Enough text for the decision: n-gram counts over 20,000 characters are as sure as over all of it,
# and a 10 MB document is not scanned whole.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("en", "ar", "ps", "ru", "zh", ...)."""
    sample = text[:SAMPLE_CHARS]
    language, confidence = _identifier().classify(sample)
    if language == ENGLISH or confidence >= MIN_CONFIDENCE:
        return language
    return language if non_latin_share(sample) > 0.5 else ENGLISH


def non_latin_share(text: str) -> float:
    """The share of letters that are not Latin (Arabic, Cyrillic, Han, ...)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN")) / len(letters)


__all__ = ["ENGLISH", "detect_language"]
