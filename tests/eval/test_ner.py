"""NER: the conflict-news fixes, and `wirescope eval ner` (CoNLL and re3d scorers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.cli import cli
from wirescope.eval.ner import (
    CONLL_TYPES,
    RE3D_TYPES,
    NerDocument,
    Scores,
    evaluate,
    iob_entities,
    is_name,
    read_conll,
    read_gold,
    read_re3d,
    snap_to_tokens,
)
from wirescope.settings import SPACY_MODEL

MODEL = SPACY_MODEL


# --- the fixes, sentence by sentence -------------------------------------------------------------


def entities(text: str) -> dict[str, str]:
    from wirescope.annotate.entities.model import conflict_model

    return {e.text: e.label_ for e in conflict_model(MODEL)(text).ents}


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("The Taliban entered the city on Monday.", "Taliban", "ORG"),
        ("He was killed by Al-Qaeda operatives in 2001.", "Al-Qaeda", "ORG"),
        ("Fighters loyal to the NRF held the pass.", "NRF", "ORG"),
        ("Hazaras have fled the district in large numbers.", "Hazaras", "NORP"),
        ("The spokesman posted the statement on Twitter late on Tuesday.", "Twitter", "ORG"),
        ("Reporters asked Fahim Dashti about the talks.", "Fahim Dashti", "PERSON"),
        ("Local men took control of three Andarab districts overnight.", "Andarab districts", "GPE"),
        # a name and its surname carry one label in a document
        ("Habib Kohistani runs a bakery. Kohistani said bread prices had doubled.", "Kohistani", "PERSON"),
        ("Fighting was reported in Herat on Monday.", "Herat", "GPE"),  # ORG to the bare model
    ],
)
def test_conflict_ner_labels(text, name, label):
    assert entities(text).get(name) == label


def test_a_missed_surname_is_found_when_the_document_names_the_person_in_full():
    from spacy.tokens import Span as SpacySpan

    from wirescope.annotate.entities.model import load_model
    from wirescope.annotate.entities.patterns import add_missed_surnames

    doc = load_model(MODEL)("Fahim Dashti spoke on Friday. Later, Dashti said the valley was calm.")
    only_full_name = [SpacySpan(doc, 0, 2, label="PERSON")]  # as if the model had missed the surname
    found = add_missed_surnames(doc, only_full_name)
    assert [(e.text, e.label_) for e in found] == [("Fahim Dashti", "PERSON"), ("Dashti", "PERSON")]


@pytest.mark.parametrize(
    "text, epithet",
    [
        ("Massoud was tapped as the “Lion of Panjshir” after the war.", "Lion of Panjshir"),
        (
            "The elder Massoud, remembered across the north as the Lion of Panjshir, held the valley.",
            "Lion of Panjshir",
        ),
        ("He became known as the Butcher of Kabul.", "Butcher of Kabul"),
    ],
)
def test_epithets_are_not_organisations(text, epithet):
    assert not any(epithet in name for name in entities(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Planes left Hamid Karzai International Airport at dawn.", "Hamid Karzai International Airport"),
    ],
)
def test_facilities_named_after_people_are_not_people(text, name):
    assert entities(text).get(name) != "PERSON"


def test_the_bare_model_is_left_untouched():
    from wirescope.annotate.entities.model import conflict_model, load_model

    conflict_model(MODEL)
    assert "wirescope_entity_ruler" not in load_model(MODEL).pipe_names


# --- reading gold -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),  # IOB2
        (["I-PER", "I-PER", "O", "I-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),  # IOB1: same entities
        (["I-LOC", "B-LOC", "I-LOC"], [(0, 1, "LOC"), (1, 3, "LOC")]),  # IOB1: B- between two entities
        (["I-ORG", "I-PER"], [(0, 1, "ORG"), (1, 2, "PER")]),  # a type change starts an entity
        (["O", "I-MISC"], [(1, 2, "MISC")]),
    ],
)
def test_iob1_and_iob2_give_the_same_entities(tags, spans):
    assert iob_entities(tags) == spans


CONLL = """-DOCSTART- -X- -X- O

KABUL NNP I-NP I-LOC
, , O O
Aug NNP I-NP O
15 CD I-NP O

Ashraf NNP I-NP I-PER
Ghani NNP I-NP I-PER
left NN I-NP O
. . O O
-DOCSTART- -X- -X- O

Taliban NNP I-NP I-ORG
"""


def test_read_conll_documents_and_offsets(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(CONLL, encoding="utf-8")
    docs = read_conll(path)
    assert len(docs) == 2
    first = docs[0]
    assert first.text == "KABUL , Aug 15\nAshraf Ghani left .\n"
    assert sorted(first.text[s:e] + "/" + t for s, e, t in first.gold) == ["Ashraf Ghani/PER", "KABUL/LOC"]


def test_read_conll_refuses_a_line_that_is_not_conll(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("-DOCSTART- -X- -X- O\n\nKabul NNP I-NP X-LOC\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"bad.conll:3: not a CoNLL line"):
        read_conll(path)


def write_re3d(folder: Path) -> None:
    folder.mkdir()
    text = "Syria accused Israel. The army said Sana reported it."
    (folder / "documents.json").write_text("\ufeff" + json.dumps({"_id": "d1", "text": text}) + "\n", encoding="utf-8")
    rows = [
        {"documentId": "d1", "begin": 0, "end": 5, "type": "Location", "confidence": 0},
        {"documentId": "d1", "begin": 0, "end": 5, "type": "Organisation", "confidence": 0.97},
        {"documentId": "d1", "begin": 14, "end": 20, "type": "Location", "confidence": 1},
        {"documentId": "d1", "begin": 22, "end": 30, "type": "Organisation", "confidence": 1},  # "The army"
        {"documentId": "d1", "begin": 36, "end": 40, "type": "Organisation", "confidence": 1},  # "Sana"
        {"documentId": "d1", "begin": 50, "end": 52, "type": "Organisation", "confidence": 1},  # "it"
        {"documentId": "d1", "begin": 14, "end": 20, "type": "Weapon", "confidence": 1},
    ]
    (folder / "entities.json").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")


def test_read_re3d_best_type_names_only(tmp_path):
    write_re3d(tmp_path / "src")
    [doc] = read_re3d(tmp_path)
    assert sorted((doc.text[s:e], t) for s, e, t in doc.gold) == [("Israel", "LOC"), ("Sana", "ORG"), ("Syria", "ORG")]
    [every] = read_re3d(tmp_path, all_spans=True)
    assert ("The army", "ORG") in {(every.text[s:e], t) for s, e, t in every.gold}


@pytest.mark.parametrize(
    "text, name",
    [("Damascus", True), ("the Coalition", True), ("the army", False), ("It", False), ("thousands of fighters", False)],
)
def test_is_name(text, name):
    assert is_name(text) is name


def test_read_gold_tells_the_formats_apart(tmp_path):
    write_re3d(tmp_path / "src")
    assert list(read_gold(tmp_path)) == [f"re3d ({tmp_path.name})"]
    with pytest.raises(Exception, match="neither re3d JSON folders nor CoNLL files"):
        read_gold(tmp_path / "src" / "documents.json")


# --- scoring ----------------------------------------------------------------------------------------


def test_scores_precision_recall_f1():
    s = Scores()
    s.add({(0, 5, "PER"), (6, 9, "LOC")}, {(0, 5, "PER"), (6, 9, "ORG")})
    assert s.prf("PER") == (1.0, 1.0, 1.0)
    assert s.prf("LOC") == (0.0, 0.0, 0.0)
    assert s.prf() == (0.5, 0.5, 0.5)


def test_a_prediction_counts_on_the_gold_tokens_it_covers():
    doc = NerDocument("d", "U.S. troops", set(), [0, 5], [4, 11])
    assert snap_to_tokens({(0, 3, "LOC")}, doc) == {(0, 4, "LOC")}


def test_evaluate_scores_both_systems_on_the_same_documents(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(CONLL, encoding="utf-8")
    scores = evaluate(read_conll(path), MODEL, CONLL_TYPES)
    assert set(scores) == {"bare", "trim", "trained", "ours"}
    assert scores["ours"].prf("ORG")[1] == 1.0  # the ruler finds "Taliban" even alone


def test_cli_prints_both_columns_per_type(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    assert "bare P" in result.output and "ours P" in result.output
    assert [line.split()[0] for line in result.output.splitlines()[2:] if line.strip()] == [
        "LOC",
        "ORG",
        "PER",
        "overall",
    ]


def test_cli_names_the_path_it_cannot_read(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "ner", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "nowhere: no such file or folder" in result.output


# --- quality gates on the real sets (floors a regression must not cross) -------------------------


def test_re3d_ours_beats_bare(tmp_path):
    docs = read_re3d(need_shared(EVAL / "ner-re3d-conflict") / "BBC Online")
    scores = evaluate(docs, MODEL, RE3D_TYPES)
    assert scores["ours"].prf()[2] >= scores["bare"].prf()[2] + 0.05
    assert scores["ours"].prf("ORG")[2] >= scores["bare"].prf("ORG")[2]


def test_conll_the_trained_ner_is_well_above_bare():
    # Full sets (docs/benchmarks.md): CrossWeigh test 0.842 against bare 0.609, eng.testb 0.827 against 0.673.
    docs = read_conll(need_shared(EVAL / "ner-conll2003") / "non_tabular" / "eng.testb")[:25]
    scores = evaluate(docs, MODEL, CONLL_TYPES)
    assert scores["trained"].prf()[2] >= scores["bare"].prf()[2] + 0.10
    assert scores["ours"].prf()[2] >= scores["bare"].prf()[2] + 0.10
    assert scores["ours"].prf("ORG")[2] >= scores["bare"].prf("ORG")[2] + 0.15
