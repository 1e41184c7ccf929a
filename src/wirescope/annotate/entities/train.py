"""Train the NER the parse annotator ships with: en_core_web_sm's NER fine-tuned on CoNLL-2003.

    nice -n 10 .venv/bin/wirescope train ner ../shared/eval/ner-conll2003 > /tmp/ner-training.log

Settings (data files inside that folder, epochs, dropout, batch size, seed) are in
trained/train.cfg; what came out, with its figures, in trained/MODEL_CARD.md.

The gold (CoNLL-2003 eng.train) has four types; the parse's readers (actors, places, times) need
the OntoNotes labels the sm model gives, numbers and dates included. So each training document is
relabelled, and the model keeps sm's label set plus MISC:

- a gold PER is PERSON and a gold ORG is ORG, whatever sm said (sports teams named by their
  city, companies sm calls PERSON: the confusions the fine-tuning is for);
- a gold LOC takes sm's label when sm gave the same span GPE, LOC or FAC, and GPE otherwise;
- a gold MISC takes sm's label when sm gave the same span NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE
  or PRODUCT, and the label MISC otherwise (MISC maps to CoNLL's MISC and names no actor or place);
- outside the gold names, sm's numeric entities (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL,
  CARDINAL) are kept as silver labels, and every other token is outside any entity (CoNLL
  annotates every name, so a name sm found that the gold does not have is sm's error).

The component starts from sm's own NER weights (same architecture, its own CNN tok2vec, no static
vectors), so the other components of the installed pipeline are untouched and the shipped
component replaces sm's NER at the same cost. The epoch with the best dev F1 is kept. Documents
are given as `wirescope eval ner` gives them (tokens joined by spaces, one sentence per line) and
tokenised by the model's own tokenizer. No training text is written into the package: the
relabelled documents go to a work folder, only the weights to the output folder.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import filter_spans, load_config, minibatch

from wirescope.annotate.entities.model import TRAINED_NER
from wirescope.errors import EvalDataError
from wirescope.eval.ner import NerDocument, read_conll
from wirescope.settings import SPACY_MODEL

CONFIG = Path(__file__).parent / "trained" / "train.cfg"
LOC_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISC_LABELS = frozenset({"NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass
class Training:
    """What a training run did: the epoch kept and its dev F1, every epoch's figures, where it wrote."""

    out: Path
    train_documents: int
    dev_documents: int
    best_epoch: int = 0
    dev_f1: float = 0.0
    history: list[dict] = field(default_factory=list)
    minutes: float = 0.0


def relabel(gold_type: str, sm_label: str | None) -> str:
    """The OntoNotes label a CoNLL gold entity is trained as (sm's label on the same span, if any)."""
    if gold_type == "PER":
        return "PERSON"
    if gold_type == "LOC":
        return sm_label if sm_label in LOC_LABELS else "GPE"
    if gold_type == "MISC":
        return sm_label if sm_label in MISC_LABELS else "MISC"
    return gold_type


def reference_doc(nlp: Language, document: NerDocument) -> Doc:
    """The document tokenised by the model, with the relabelled gold and sm's numeric entities."""
    predicted = nlp(document.text)
    sm_labels = {(e.start_char, e.end_char): e.label_ for e in predicted.ents}
    doc = nlp.make_doc(document.text)
    spans = []
    for start, end, t in sorted(document.gold):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, relabel(t, sm_labels.get((start, end)))))
    taken = {i for s in spans for i in range(s.start, s.end)}
    for e in predicted.ents:
        if e.label_ in NUMERIC_LABELS and not taken & set(range(e.start, e.end)):
            spans.append(Span(doc, e.start, e.end, e.label_))
    doc.ents = filter_spans(spans)
    return doc


def prepared(nlp: Language, path: Path, cache: Path) -> list[Doc]:
    """The relabelled documents of a CoNLL file, kept in `cache` (a DocBin) for the next run."""
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    if not path.is_file():
        raise EvalDataError(f"{path}: no such CoNLL file (see trained/train.cfg)")
    docs = [reference_doc(nlp, d) for d in read_conll(path)]
    DocBin(docs=docs).to_disk(cache)
    return docs


def dev_f1(nlp: Language, examples: list[Example]) -> float:
    with nlp.select_pipes(enable=["ner"]):
        return float(nlp.evaluate(examples)["ents_f"])


def train(
    folder: Path,
    work: Path,
    out: Path = TRAINED_NER,
    config: Path = CONFIG,
    log: Callable[[str], None] = print,
    with_dev: bool = False,
    epochs: int | None = None,
) -> Training:
    """Fine-tune sm's NER on the CoNLL-2003 folder's training file; write the best epoch to `out`.

    With `with_dev` the dev file is trained on too (after eng.train), and then no epoch can be
    chosen on it: `epochs` must be given (the one an earlier run chose), every epoch is trained,
    and the last is written. The dev F1 is still logged, as a fitted-on figure.
    """
    if with_dev and epochs is None:
        raise ValueError("training on the dev file needs a fixed epoch count (no epoch can be chosen on it)")
    cfg = load_config(config)
    settings = cfg["training"]
    random.seed(settings["seed"])
    spacy.util.fix_random_seed(settings["seed"])
    nlp = spacy.load(SPACY_MODEL)
    work.mkdir(parents=True, exist_ok=True)
    train_docs = prepared(nlp, folder / cfg["data"]["train"], work / "train.spacy")
    dev_docs = prepared(nlp, folder / cfg["data"]["dev"], work / "dev.spacy")
    if with_dev:
        train_docs = [*train_docs, *dev_docs]
    run = Training(out, len(train_docs), len(dev_docs))
    examples = [Example(nlp.make_doc(d.text), d) for d in train_docs]
    dev = [Example(nlp.make_doc(d.text), d) for d in dev_docs]
    ner: EntityRecognizer = nlp.get_pipe("ner")
    ner.add_label("MISC")
    optimizer = nlp.resume_training()
    optimizer.learn_rate = settings["learn_rate"]
    started = time.perf_counter()
    run.dev_f1 = dev_f1(nlp, dev)
    log(f"{_now()} epoch 0 (sm's NER as installed) dev F1 {run.dev_f1:.4f}")
    for epoch in range(1, (epochs or settings["epochs"]) + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for batch in minibatch(examples, size=settings["batch_size"]):
                nlp.update(batch, drop=settings["dropout"], sgd=optimizer, losses=losses)
        f1 = dev_f1(nlp, dev)
        run.history.append({"epoch": epoch, "loss": round(float(losses["ner"]), 1), "dev_f1": round(f1, 4)})
        log(f"{_now()} epoch {epoch} loss {losses['ner']:.1f} dev F1 {f1:.4f}")
        if epochs is not None:
            if epoch == epochs:
                run.dev_f1, run.best_epoch = f1, epoch
                ner.to_disk(out, exclude=["vocab"])
        elif f1 > run.dev_f1:
            run.dev_f1, run.best_epoch = f1, epoch
            ner.to_disk(out, exclude=["vocab"])  # the labels are in `moves`; the strings are sm's
        elif epoch - run.best_epoch >= settings["patience"]:
            break
    run.minutes = round((time.perf_counter() - started) / 60, 1)
    (work / "training.json").write_text(json.dumps(run.__dict__, default=str, indent=2) + "\n", encoding="utf-8")
    return run


def _now() -> str:
    return f"{datetime.now(UTC):%H:%M:%S}"
