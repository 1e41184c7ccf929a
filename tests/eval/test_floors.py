"""Quality gates: every event evaluation command on a fixed small subset of its dev set, with a
floor a little below the figure measured when the floor was set, so that a regression fails CI.

The subsets are the first documents of each dev file in its own order (the figures beside each
floor, and the commands that print the full-split figures, are in docs/benchmarks.md "Floors in
CI"). Raise a floor when event extraction improves; never lower one to make a change pass
without saying why in docs/benchmarks.md. The whole file runs in about a minute on 2 cores.
"""

from __future__ import annotations

import json

from tests.conftest import EVAL, need_shared
from wirescope.eval import events, muc, plover, rams, wikievents

MUC_DEV = EVAL / "events-muc4" / "raw" / "TASK" / "CORPORA" / "tst1"
MUC_GRIT_DEV = EVAL / "events-muc4" / "grit" / "dev.json"
RAMS_DEV = EVAL / "events-rams" / "dev.jsonlines"
WIKI_DEV = EVAL / "events-wikievents" / "dev_info.jsonl"
PLOVER_GOLD = EVAL / "events-plover-gsr"
CASE = EVAL / "events-case2021"

# Floors, each a little below the figure measured on its subset on 2026-12-02 (issue 13, types and
# modality), the figure in the comment.
# MUC-4, first 20 tst1 messages: ours all slots 0.276, type 0.552, GRIT 0.038; baseline all slots 0.359.
# Ours all slots 0.302 once a record's place passes over "the U.S. embassy", "LA" and capitals that
# are no place (wt13d, 2026-12-02; type and GRIT unchanged).
# With reports in capitals parsed in their usual case (2026-12-03): all slots 0.321, type 0.485 (4
# more incidents found, none more matched, on these 20; over all 200 dev messages type rose 0.621 ->
# 0.649, all slots 0.369 -> 0.404: docs/benchmarks.md).
# With the task definition's tests of relevance (eval/muc_relevance.py, 2026-12-03): all slots 0.339,
# type 0.500, GRIT 0.203.
MUC_FLOOR = {"ours_all": 0.32, "ours_type": 0.48, "baseline_all": 0.33, "ours_grit": 0.18}
# RAMS, first 40 dev examples: an event at 11 triggers, Arg-C exact F1 0.146.
RAMS_FLOOR = {"found": 10, "argc_exact": 0.13}
# WikiEvents, first 2 dev_info documents (70 events): Arg-C head F1 0.143, coref 0.190 with the
# mention's own arguments; 0.128 head once event records offer their cross-sentence arguments
# (merge of issue 13's two halves, 2026-12-02; docs/benchmarks.md says why it fell); 0.133 head,
# 0.178 coref once a weapon is no actor and a country's institution no place (wt13d, 2026-12-02).
WIKI_FLOOR = {"argc_head": 0.125, "argc_coref": 0.16}
# PLOVER gold records, first 60: accuracy 0.417, macro F1 0.498, actor match F1 0.652.
PLOVER_FLOOR = {"accuracy": 0.39, "macro_f1": 0.47, "actor_f1": 0.62}
# CASE 2021 task 2, first 200 snippets (the development view, docs/benchmarks.md): micro F1 0.608, macro 0.528.
CASE_FLOOR = {"micro_f1": 0.58, "macro_f1": 0.50}


def test_muc4_dev_floor():
    report = muc.evaluate([need_shared(MUC_DEV)], limit=20, grit_path=need_shared(MUC_GRIT_DEV))
    assert report.documents == 20 and report.failures == []
    assert report.overall("wirescope").prf()[2] >= MUC_FLOOR["ours_all"]
    assert report.slots["wirescope"]["type"].prf()[2] >= MUC_FLOOR["ours_type"]
    assert report.overall("baseline").prf()[2] >= MUC_FLOOR["baseline_all"]
    assert report.grit_overall("wirescope").prf()[2] >= MUC_FLOOR["ours_grit"]


def test_rams_dev_floor():
    report = rams.evaluate(need_shared(RAMS_DEV), limit=40)
    assert report.failures == []
    assert report.events == 40 and report.found >= RAMS_FLOOR["found"]
    assert report.counts[("Arg-C", "exact", "all")].prf()[2] >= RAMS_FLOOR["argc_exact"]


def test_wikievents_dev_floor(tmp_path):
    out = tmp_path / "wiki.jsonl"
    report = wikievents.evaluate(need_shared(WIKI_DEV), limit=2, out=out)
    assert report.failures == [] and len(out.read_text().splitlines()) == report.events
    assert report.counts[("Arg-C", "head", "all")].prf()[2] >= WIKI_FLOOR["argc_head"]
    assert report.counts[("Arg-C", "coref", "all")].prf()[2] >= WIKI_FLOOR["argc_coref"]


def test_plover_gold_floor(tmp_path):
    out = tmp_path / "plover.jsonl"
    report = plover.evaluate(need_shared(PLOVER_GOLD), limit=60, out=out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert report.failures == []
    assert len(lines) == 60 and lines[0]["id"] == "PLOVER-GSR01-AGREE-0001"
    assert report.accuracy() >= PLOVER_FLOOR["accuracy"]
    assert report.macro_f1() >= PLOVER_FLOOR["macro_f1"]
    assert report.actor.prf()[2] >= PLOVER_FLOOR["actor_f1"]


def test_case_2021_floor():
    report = events.evaluate(need_shared(CASE), limit=200)
    assert report.failures == []
    assert report.micro()[2] >= CASE_FLOOR["micro_f1"]
    assert report.macro_f1() >= CASE_FLOOR["macro_f1"]
