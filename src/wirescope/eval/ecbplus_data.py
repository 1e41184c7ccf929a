"""ECB+ read as documents of event mentions with their gold clusters (../shared/eval/coref-ecbplus).

The corpus (SOURCE.md there) is CAT/CROMER XML, one file per document under `ECB+/<topic>/`,
pre-tokenised with no raw text. The traps it warns of, and what is done about each:

- in `*ecbplus.xml` files sentence 0 is the page's URL, tokenised: it is never a selected sentence,
  and it is left out of the document's text;
- annotation was aimed at the sentences of `ECBplus_coreference_sentences.train-dev.csv`; as its
  README asks, only mentions in those sentences are kept (the standard evaluation setup);
- elements without token anchors are instances (cluster descriptors), not mentions;
- a mention's gold cluster is the `note` of its CROSS_DOC_COREF relation; else its
  INTRA_DOC_COREF chain (a document-local id); else it is a singleton (singletons are kept,
  as Cybulska & Vossen 2015 and Barhom et al. 2019 score them);
- event mentions are the ACTION_* and NEG_ACTION_* tags; HUMAN_PART*, NON_HUMAN_PART*, TIME_* and
  LOC_* mentions are kept as the arguments found in each sentence.

Splits (SOURCE.md): train = 25 topics, dev = 8; the test topics 36-45 are not in ../shared.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from wirescope.errors import EvalDataError

TRAIN_TOPICS = (1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33)
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
SPLITS = {"train": TRAIN_TOPICS, "dev": DEV_TOPICS}
SENTENCE_INDEX = "ECBplus_coreference_sentences.train-dev.csv"
EVENT_TAGS = ("ACTION_", "NEG_ACTION_")
ARGUMENT_KINDS = {"HUMAN_PART": "participant", "NON_HUMAN_PART": "participant", "TIME_": "time", "LOC_": "place"}


@dataclass(frozen=True, slots=True)
class EcbMention:
    """One annotated mention: its document, sentence, token positions in that sentence, and gold cluster."""

    document: str  # "1_10ecbplus"
    m_id: str
    tag: str
    sentence: int
    positions: tuple[int, ...]  # token numbers inside the sentence, in order
    cluster: str  # gold cluster id (cross-document note, intra-document chain, or the mention's own key)

    @property
    def key(self) -> tuple[str, str]:
        return (self.document, self.m_id)


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str  # "1_10ecbplus"
    topic: int
    subtopic: str  # "ecb" or "ecbplus": the two seminal events of a topic (gold; never shown to the resolver)
    sentences: dict[int, tuple[str, ...]]  # every sentence's words (sentence 0 of ecbplus files left out)
    selected: frozenset[int]  # the sentences annotation aimed at
    events: tuple[EcbMention, ...]  # event mentions in selected sentences
    arguments: dict[int, dict[str, tuple[tuple[int, ...], ...]]]  # sentence -> kind -> token positions

    def words(self, sentence: int, positions: tuple[int, ...]) -> str:
        words = self.sentences[sentence]
        return " ".join(words[p] for p in positions if p < len(words))

    @property
    def text(self) -> str:
        return "\n".join(" ".join(words) for _, words in sorted(self.sentences.items()))


def selected_sentences(root: Path) -> dict[str, set[int]]:
    """Document name -> the sentence numbers annotation aimed at."""
    path = root / SENTENCE_INDEX
    if not path.exists():
        raise EvalDataError(f"{path} is missing", hint="give the coref-ecbplus folder of ../shared/eval")
    selected: dict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return selected


def _gold_clusters(relations, name: str) -> dict[str, str]:
    """m_id -> cluster id; cross-document notes win over intra-document chains."""
    found: dict[str, str] = {}
    for relation in relations.iter("INTRA_DOC_COREF"):
        target = relation.find("target")
        chain = f"{name}/intra/{target.get('m_id') if target is not None else relation.get('r_id')}"
        for source in relation.iter("source"):
            found[source.get("m_id")] = chain
    for relation in relations.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            found[source.get("m_id")] = relation.get("note")
    return found


def _argument_kind(tag: str) -> str | None:
    return next((kind for prefix, kind in ARGUMENT_KINDS.items() if tag.startswith(prefix)), None)


def read_document(path: Path, selected: set[int]) -> EcbDocument:
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise EvalDataError(f"{path}: not ECB+ XML: {exc}") from exc
    name = path.stem
    plus = name.endswith("ecbplus")
    tokens: dict[str, tuple[int, int]] = {}
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentence, number = int(token.get("sentence")), int(token.get("number"))
        tokens[token.get("t_id")] = (sentence, number)
        sentences[sentence].append(token.text or "")
    if plus:
        sentences.pop(0, None)  # the URL
    relations = root.find("Relations")
    gold = _gold_clusters(relations, name) if relations is not None else {}
    events: list[EcbMention] = []
    arguments: dict[int, dict[str, list[tuple[int, ...]]]] = defaultdict(lambda: defaultdict(list))
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        anchors = [tokens[a.get("t_id")] for a in element.iter("token_anchor") if a.get("t_id") in tokens]
        if not anchors or anchors[0][0] not in selected or anchors[0][0] not in sentences:
            continue
        sentence, positions = anchors[0][0], tuple(sorted(n for s, n in anchors if s == anchors[0][0]))
        m_id = element.get("m_id")
        if element.tag.startswith(EVENT_TAGS):
            cluster = gold.get(m_id) or f"{name}/single/{m_id}"
            events.append(EcbMention(name, m_id, element.tag, sentence, positions, cluster))
        elif kind := _argument_kind(element.tag):
            arguments[sentence][kind].append(positions)
    topic = int(name.split("_")[0])
    return EcbDocument(
        name,
        topic,
        "ecbplus" if plus else "ecb",
        {s: tuple(w) for s, w in sentences.items()},
        frozenset(selected),
        tuple(sorted(events, key=lambda m: (m.sentence, m.positions))),
        {s: {k: tuple(v) for k, v in kinds.items()} for s, kinds in arguments.items()},
    )


def read_split(root: Path, split: str) -> list[EcbDocument]:
    """The documents of the split's topics that have selected sentences, in name order."""
    if split not in SPLITS:
        raise EvalDataError(f"unknown ECB+ split {split!r}", hint=f"choose one of {sorted(SPLITS)}")
    corpus = root / "ECB+"
    if not corpus.is_dir():
        raise EvalDataError(f"{corpus} is missing", hint="give the coref-ecbplus folder of ../shared/eval")
    selected = selected_sentences(root)
    documents = []
    for topic in SPLITS[split]:
        for path in sorted((corpus / str(topic)).glob("*.xml")):
            if selected.get(path.stem):
                documents.append(read_document(path, selected[path.stem]))
    return documents


__all__ = ["DEV_TOPICS", "SPLITS", "TRAIN_TOPICS", "EcbDocument", "EcbMention", "read_document", "read_split"]
