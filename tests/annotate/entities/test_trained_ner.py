"""The shipped NER: how CoNLL gold becomes its training labels, that training writes a component
the pipeline loads, and that the parse runs it in place of sm's NER (one NER, not two).

The CoNLL lines below are written for these tests, in eng.train's format.
"""

from __future__ import annotations

import pytest

from wirescope.annotate.entities.model import (
    TRAINED_NER,
    build_model,
    conflict_model,
    load_fresh_model,
    load_model,
)
from wirescope.annotate.entities.train import MISC_LABELS, reference_doc, relabel, train
from wirescope.eval.ner import read_conll
from wirescope.settings import SPACY_MODEL

CONLL = """-DOCSTART- -X- -X- O

Leeds NNP I-NP I-ORG
beat VBD I-VP O
Chelsea NNP I-NP I-ORG
2-1 CD I-NP O
on IN I-PP O
Saturday NNP I-NP O
in IN I-PP O
London NNP I-NP I-LOC
. . O O

Mark NNP I-NP I-PER
Hughes NNP I-NP I-PER
watched VBD I-VP O
the DT I-NP O
Premier NNP I-NP I-MISC
League NNP I-NP I-MISC
match NN I-NP O
with IN I-PP O
12,000 CD I-NP O
fans NNS I-NP O
. . O O
"""


@pytest.mark.parametrize(
    "gold, sm, label",
    [
        ("PER", None, "PERSON"),
        ("PER", "ORG", "PERSON"),
        ("ORG", "GPE", "ORG"),  # a team named by its city
        ("LOC", "FAC", "FAC"),
        ("LOC", "PERSON", "GPE"),
        ("LOC", None, "GPE"),
        ("MISC", "NORP", "NORP"),
        ("MISC", "EVENT", "EVENT"),
        ("MISC", "GPE", "MISC"),
        ("MISC", None, "MISC"),
    ],
)
def test_conll_gold_is_relabelled_to_ontonotes(gold, sm, label):
    assert relabel(gold, sm) == label


@pytest.fixture()
def conll_file(tmp_path):
    path = tmp_path / "mini" / "train" / "eng.train"
    path.parent.mkdir(parents=True)
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_a_training_document_has_the_gold_names_and_sms_numbers(conll_file):
    [document] = read_conll(conll_file)
    doc = reference_doc(load_model(SPACY_MODEL), document)
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Leeds"] == "ORG" and ents["Chelsea"] == "ORG"
    assert ents["London"] in {"GPE", "LOC"} and ents["Mark Hughes"] == "PERSON"
    assert ents["Premier League"] in MISC_LABELS | {"MISC"}
    assert ents.get("Saturday") == "DATE" and ents.get("12,000") == "CARDINAL"  # sm's, kept as silver
    names = {"Leeds", "Chelsea", "London", "Mark Hughes", "Premier League"}
    assert all(e.label_ in {"DATE", "CARDINAL", "TIME", "QUANTITY"} for e in doc.ents if e.text not in names)


def test_training_writes_a_component_the_pipeline_loads(conll_file, tmp_path):
    config = tmp_path / "train.cfg"
    config.write_text(
        '[data]\ntrain = "train/eng.train"\ndev = "train/eng.train"\n\n'
        "[training]\nseed = 1\nepochs = 6\npatience = 6\ndropout = 0.0\nbatch_size = 1\nlearn_rate = 0.001\n",
        encoding="utf-8",
    )
    out = tmp_path / "ner"
    run = train(conll_file.parent.parent, tmp_path / "work", out, config, log=lambda _: None)
    assert [h["epoch"] for h in run.history] == [1, 2, 3, 4, 5, 6]
    assert run.best_epoch >= 1 and run.dev_f1 > 0  # fitting the one document beats sm's NER on it
    nlp = load_fresh_model(SPACY_MODEL)
    nlp.get_pipe("ner").from_disk(out, exclude=["vocab"])
    assert "MISC" in nlp.get_pipe("ner").labels
    assert not (out / "vocab").exists()  # weights and labels only
    assert (tmp_path / "work" / "train.spacy").is_file()  # the relabelled text stays in the work folder


def test_the_parse_runs_the_shipped_ner_in_place_of_sms():
    ours, bare = conflict_model(SPACY_MODEL), load_model(SPACY_MODEL)
    assert TRAINED_NER.joinpath("model").is_file()
    assert [n for n, p in ours.pipeline if p.__class__.__name__ == "EntityRecognizer"] == ["ner"]
    assert "MISC" in ours.get_pipe("ner").labels and "MISC" not in bare.get_pipe("ner").labels
    assert set(bare.get_pipe("ner").labels) <= set(ours.get_pipe("ner").labels)  # dates, numbers kept


@pytest.mark.parametrize(
    "text, name, label",
    [
        # sports teams named by their city: ORG in CoNLL, GPE to the bare model
        ("Leeds beat Chelsea 2-1 at Elland Road on Saturday.", "Chelsea", "ORG"),
        ("Kenneth Carlsen of Denmark beat Mark Philippoussis in straight sets.", "Kenneth Carlsen", "PERSON"),
        ("Fighting resumed in Herat on Monday, officials said.", "Monday", "DATE"),
    ],
)
def test_the_trained_ner_alone_on_news_sentences(text, name, label):
    nlp = build_model(SPACY_MODEL, ruler=False, repairs=False)
    assert {e.text: e.label_ for e in nlp(text).ents}.get(name) == label


@pytest.mark.parametrize(
    "text, name, label",
    [
        # regressions of the trained NER on conflict-news sentences, fixed by repairs (patterns.py)
        ("The rebels captured Kunduz after a week of fighting.", "Kunduz", "GPE"),  # ORG: "X beat Y"
        ("Massoud Asks the West for Weapons as Panjshir Resistance Takes Shape", "Massoud", "PERSON"),
        ("Planes left Hamid Karzai International Airport at dawn.", "Hamid Karzai International Airport", "FAC"),
        ("Fighters attacked a checkpoint in Pul-e-Khumri on Thursday.", "Pul-e-Khumri", "GPE"),
        ("Fighting was reported near Mazar-i-Sharif overnight.", "Mazar-i-Sharif", "GPE"),
        ("Fighting was reported in Nad-e Ali on Monday.", "Nad-e Ali", "GPE"),  # "Ali" PERSON before
        ("Police patrolled in Deh-e Sabz after the attack.", "Deh-e Sabz", "GPE"),  # "Deh-e" GPE before
        ("Crowds gathered outside Kabul Serena Hotel.", "Kabul Serena Hotel", "FAC"),  # ORG: a hotel is a place
    ],
)
def test_the_parse_repairs_the_trained_ners_conflict_news_errors(text, name, label):
    assert {e.text: e.label_ for e in conflict_model(SPACY_MODEL)(text).ents}.get(name) == label


def test_training_on_the_dev_file_too_runs_a_fixed_epoch_count_and_keeps_the_last(conll_file, tmp_path):
    conll_file.with_name("eng.testa").write_text(conll_file.read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "train.cfg"
    config.write_text(
        '[data]\ntrain = "train/eng.train"\ndev = "train/eng.testa"\n\n'
        "[training]\nseed = 1\nepochs = 6\npatience = 1\ndropout = 0.0\nbatch_size = 1\nlearn_rate = 0.001\n",
        encoding="utf-8",
    )
    folder, out = conll_file.parent.parent, tmp_path / "ner"
    with pytest.raises(ValueError, match="fixed epoch count"):
        train(folder, tmp_path / "work", out, config, log=lambda _: None, with_dev=True)
    run = train(folder, tmp_path / "work", out, config, log=lambda _: None, with_dev=True, epochs=3)
    assert run.train_documents == 2  # eng.train's document and eng.testa's
    assert [h["epoch"] for h in run.history] == [1, 2, 3] and run.best_epoch == 3
    assert (out / "model").is_file()
