"""ECB+ mentions as the resolver's EventReports: the parse, the lemmas, the vectors, the arguments.

Each selected sentence is parsed by the bare spaCy model from its own tokens (ECB+ is
pre-tokenised; one Doc per sentence). A mention's trigger is the lemma of its head token (the
token whose syntactic head lies outside the mention). Its arguments are the argument mentions the
annotators marked in the same sentence (ECB+ does not link arguments to events): participants and
places by their head lemma, times by their words. With gold mentions the events are the gold
ACTION mentions; end-to-end they are the triggers wirescope's own event annotator finds in the
same parses (annotate/events `find_triggers`), matched to a gold mention when the trigger token
lies inside one and otherwise scored as a mention the gold does not have.

Vectors (MiniLM, annotate/embeddings): the trigger's words, its sentence, and the document's
selected sentences (their first LEDE_WORDS words) as the
document's lede.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from wirescope.annotate.embeddings import encode
from wirescope.annotate.entities.model import load_model
from wirescope.annotate.events.extract import find_triggers
from wirescope.eval.ecbplus_data import EcbDocument
from wirescope.resolve.events import EventReport
from wirescope.settings import SPACY_MODEL

LEDE_WORDS = 200


@dataclass(frozen=True)
class Mentions:
    """Reports in one order, each with its scoring key and its document's index."""

    reports: list[EventReport]
    keys: list[tuple[str, str]]  # (document, gold m_id or "system/<sentence>/<token>")
    documents: list[int]


@dataclass
class Parsed:
    documents: list[EcbDocument]
    parses: dict[tuple[int, int], Doc]  # (document index, sentence) -> parse
    sentence_vectors: dict[tuple[int, int], np.ndarray]
    lede_vectors: list[np.ndarray]


def parse_documents(documents: list[EcbDocument], threads: int = 1) -> Parsed:
    nlp = load_model(SPACY_MODEL)
    where = [(i, s) for i, d in enumerate(documents) for s in sorted(d.selected) if s in d.sentences]
    docs = [Doc(nlp.vocab, words=[w or "_" for w in documents[i].sentences[s]]) for i, s in where]
    parses = dict(zip(where, nlp.pipe(docs, batch_size=256), strict=True))
    vectors = encode([p.text for p in parses.values()], threads=threads)
    sentence_vectors = dict(zip(where, vectors, strict=True))
    ledes = [
        " ".join(parses[(i, s)].text for s in sorted(d.selected) if (i, s) in parses) for i, d in enumerate(documents)
    ]
    ledes = [" ".join(lede.split(" ")[:LEDE_WORDS]) for lede in ledes]
    lede_vectors = list(encode(ledes, threads=threads))
    return Parsed(documents, parses, sentence_vectors, lede_vectors)


def head_of(doc: Doc, positions: tuple[int, ...]):
    inside = set(positions)
    heads = [doc[p] for p in positions if p < len(doc) and (doc[p].head.i not in inside or doc[p].head.i == p)]
    return heads[0] if heads else doc[min(positions[-1], len(doc) - 1)]


def _argument_keys(parsed: Parsed, index: int, sentence: int) -> dict[str, frozenset[str]]:
    doc = parsed.parses[(index, sentence)]
    kinds = parsed.documents[index].arguments.get(sentence, {})
    out: dict[str, frozenset[str]] = {}
    for kind, mentions in kinds.items():
        if kind == "time":
            out[kind] = frozenset(" ".join(doc[p].lower_ for p in m if p < len(doc)) for m in mentions)
        else:
            out[kind] = frozenset(head_of(doc, m).lemma_.lower() for m in mentions)
    return out


def _report(parsed: Parsed, index: int, sentence: int, positions: tuple[int, ...], name: str) -> EventReport:
    doc = parsed.parses[(index, sentence)]
    arguments = _argument_keys(parsed, index, sentence)
    return EventReport(
        id=name,
        document=parsed.documents[index].name,
        trigger=head_of(doc, positions).lemma_.lower(),
        participants=arguments.get("participant", frozenset()),
        times=arguments.get("time", frozenset()),
        places=arguments.get("place", frozenset()),
        sentence_vector=parsed.sentence_vectors[(index, sentence)],
        document_vector=parsed.lede_vectors[index],
    )


def _with_trigger_vectors(reports: list[EventReport], words: list[str], threads: int) -> list[EventReport]:
    from dataclasses import replace

    vectors = encode(words, threads=threads)
    return [replace(r, trigger_vector=v) for r, v in zip(reports, vectors, strict=True)]


def gold_mentions(parsed: Parsed, threads: int = 1) -> Mentions:
    reports: list[EventReport] = []
    keys: list[tuple[str, str]] = []
    documents: list[int] = []
    words: list[str] = []
    for i, document in enumerate(parsed.documents):
        for mention in document.events:
            reports.append(_report(parsed, i, mention.sentence, mention.positions, f"{document.name}/{mention.m_id}"))
            keys.append(mention.key)
            documents.append(i)
            words.append(document.words(mention.sentence, mention.positions))
    return Mentions(_with_trigger_vectors(reports, words, threads), keys, documents)


def predicted_mentions(parsed: Parsed, threads: int = 1) -> Mentions:
    """Our own event triggers in the selected sentences, keyed as the gold mention they fall in."""
    reports: list[EventReport] = []
    keys: list[tuple[str, str]] = []
    documents: list[int] = []
    words: list[str] = []
    for i, document in enumerate(parsed.documents):
        gold_at = {(m.sentence, p): m.key for m in document.events for p in m.positions}
        seen: set[tuple[str, str]] = set()
        for sentence in sorted(document.selected):
            if (i, sentence) not in parsed.parses:
                continue
            doc = parsed.parses[(i, sentence)]
            for found in find_triggers(doc[:]):
                token = found[0]
                key = gold_at.get((sentence, token.i), (document.name, f"system/{sentence}/{token.i}"))
                if key in seen:
                    continue
                seen.add(key)
                reports.append(_report(parsed, i, sentence, (token.i,), f"{document.name}/{key[1]}"))
                keys.append(key)
                documents.append(i)
                words.append(token.text)
    return Mentions(_with_trigger_vectors(reports, words, threads) if reports else [], keys, documents)


__all__ = ["Mentions", "Parsed", "gold_mentions", "parse_documents", "predicted_mentions"]
