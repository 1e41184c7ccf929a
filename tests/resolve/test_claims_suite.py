"""The written claims suite (src/wirescope/demo/claims_suite.json): pairs of short reports in the
project's own words, each labelled with how its two main claims relate. Every text goes through the
whole pipeline (annotation, then resolve/claims.py); the pairwise accuracy must reach 0.90."""

from __future__ import annotations

from collections import Counter

import pytest

from wirescope.eval.claims_suite import accuracy, judge, load_pairs

TARGET = 0.90


@pytest.fixture(scope="module")
def judged():
    return judge(load_pairs())


def test_the_suite_has_every_kind_of_pair_asked_for():
    pairs = load_pairs()
    kinds = Counter(p["kind"] for p in pairs)
    assert len(pairs) >= 30
    assert {"agreement", "denial", "figures", "retraction", "look-alike", "control", "paraphrase"} <= set(kinds)
    assert set(Counter(p["label"] for p in pairs)) == {"agrees", "contradicts", "related", "unrelated"}


def test_pairwise_accuracy_reaches_the_target(judged):
    wrong = [
        (j.pair["a"]["text"], j.pair["b"]["text"], j.pair["label"], j.found, j.reason) for j in judged if not j.right
    ]
    assert accuracy(judged) >= TARGET, f"accuracy {accuracy(judged):.3f}; wrong: {wrong}"


def test_a_contradiction_keeps_its_reason(judged):
    reasons = [j.reason for j in judged if j.found == "contradicts"]
    assert any("denies what" in r for r in reasons)
    assert any("incompatible figures" in r for r in reasons)
    assert any("two controllers" in r for r in reasons)
    assert any(r.startswith("retraction") for r in reasons)


def test_claims_that_only_look_alike_are_not_one_proposition(judged):
    look_alike = [j for j in judged if j.pair["kind"] == "look-alike"]
    assert sum(j.found == "unrelated" for j in look_alike) >= len(look_alike) - 1
