"""Name keys shared by the annotators and the cross-article stage: initials, acronyms, spelling keys.

They live here, not in annotate/, because resolution across stored articles (resolve/actors.py)
needs them without loading the annotators.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_VOWELS = set("aeiouy")
_NON_LETTERS = re.compile(r"[^a-z ]+")


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def is_acronym_of(short: str, name: str) -> bool:
    """ "NRF" of "National Resistance Front of Afghanistan": capital initials, in order, from the start."""
    letters = short.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and len(name.split()) >= 2 and initials(name).startswith(letters)


@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> tuple[str, ...]:
    """A spelling-insensitive key per word, for names written in Latin letters from Arabic script.

    "Mujahid"/"Mujahed", "Massoud"/"Masood"/"Masud", "Zabihullah"/"Zabiullah" share keys: keep the
    first letter, drop an "h" between vowels, drop the other vowels, collapse doubled letters.
    Two names match only when they have the same number of words and every word matches, so
    "Ahmad Massoud" never matches "Ahmad Shah Massoud". Different people whose names differ only
    in vowels would collide; callers give such a match a lower confidence.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = _NON_LETTERS.sub(" ", plain.replace("-", " "))
    return tuple(_word_key(w) for w in plain.split() if w not in {"al", "el", "the"})


def _word_key(word: str) -> str:
    kept = [
        c
        for i, c in enumerate(word)
        if not (c == "h" and 0 < i < len(word) - 1 and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS)
    ]
    skeleton = kept[0] + "".join(c for c in kept[1:] if c not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", skeleton)
