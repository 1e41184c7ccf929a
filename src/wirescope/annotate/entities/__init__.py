"""Entities: the spaCy parse of the article and its named-entity mentions.

Adds `doc` (the parse, never stored), `sentences` and `mentions` (PERSON, ORG, GPE, LOC, NORP...),
with conflict-news fixes to spaCy's entities (patterns.py, vocabulary in vocabulary.py).
"""

from wirescope.annotate.entities.model import conflict_model, load_model
from wirescope.annotate.entities.parse import Parse

__all__ = ["Parse", "conflict_model", "load_model"]
