"""The written claims suite (src/wirescope/demo/claims_suite.json): pairs of short reports in the
project's own words, each labelled with how its two main claims relate. Every text goes through the
whole pipeline (annotation, then resolve/claims.py); the pairwise accuracy must reach 0.90."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import wirescope
from wirescope.annotate.embeddings import encode
from wirescope.resolve.claims import from_claim, pair_relation

SUITE = Path(wirescope.__file__).parent / "demo" / "claims_suite.json"
TARGET = 0.90


def main_claim(article):
    """The claim a one-sentence report is about: its first claim with a normalised form, else its first."""
    assert article.claims, f"no claim found in {article.text!r}"
    structured = [c for c in article.claims if c.kind != "statement"]
    return from_claim(article, (structured or list(article.claims))[0])


@pytest.fixture(scope="module")
def judged():
    pairs = json.loads(SUITE.read_text(encoding="utf-8"))["pairs"]
    results = []
    for n, pair in enumerate(pairs):
        a = wirescope.process(pair["a"]["text"], published=pair["a"]["published"], url=f"https://suite.example/{n}/a")
        b = wirescope.process(pair["b"]["text"], published=pair["b"]["published"], url=f"https://suite.example/{n}/b")
        found, reason = pair_relation(main_claim(a), main_claim(b), encode)
        results.append((pair, found, reason))
    return results


def test_the_suite_has_every_kind_of_pair_asked_for():
    pairs = json.loads(SUITE.read_text(encoding="utf-8"))["pairs"]
    kinds = Counter(p["kind"] for p in pairs)
    assert len(pairs) >= 30
    assert {"agreement", "denial", "figures", "retraction", "look-alike"} <= set(kinds)


def test_pairwise_accuracy_reaches_the_target(judged):
    wrong = [
        (p["a"]["text"], p["b"]["text"], p["label"], found, why) for p, found, why in judged if found != p["label"]
    ]
    accuracy = 1 - len(wrong) / len(judged)
    assert accuracy >= TARGET, f"accuracy {accuracy:.3f}; wrong: {wrong}"


def test_a_contradiction_keeps_its_reason(judged):
    reasons = [why for p, found, why in judged if found == "contradicts"]
    assert any("denies what" in r for r in reasons)
    assert any("incompatible figures" in r for r in reasons)
