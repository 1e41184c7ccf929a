"""`wirescope eval rams` and `eval wikievents`: token offsets, format traps, argument scores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.eval import rams, wikievents
from wirescope.eval.arguments import GoldArgument, PredictedArgument, detokenise, score
from wirescope.record import Span

RAMS = EVAL / "events-rams" / "dev.jsonlines"
WIKI = EVAL / "events-wikievents" / "dev_info.jsonl"


def test_detokenised_text_keeps_every_token_offset():
    sentences = [["He", "did", "n't", "go", "(", "to", "the", "U.S.", ")", "."], ["Then", "he", "left", "."]]
    tokens = detokenise(sentences)
    assert tokens.text == "He didn't go (to the U.S.). Then he left."
    assert [tokens.text[s.start : s.end] for s in tokens.spans] == [t for s in sentences for t in s]
    assert tokens.sentence[-1] == 1
    assert tokens.token_span(Span(13, 25)) == (4, 7) and tokens.token_span(Span(9, 9)) is None


@pytest.mark.parametrize(
    ("role", "name"), [("evt089arg01victim", "victim"), ("evt005arg02target", "target"), ("evt011arg04place", "place")]
)
def test_rams_roles_lose_their_event_id_prefix(role, name):
    assert rams.role_name(role) == name


def test_wikievents_text_is_rebuilt_from_sentences_not_from_its_glued_text():
    sentences = [
        [[["Bomb", 0, 4], ["kills", 5, 10], ["two", 11, 14]], "Bomb kills two"],
        [[["Police", 15, 21], ["came", 22, 26]], "Police came"],
    ]
    tokens = wikievents.rebuild_text(sentences)
    assert tokens.text == "Bomb kills two Police came"
    assert [tokens.text[s.start : s.end] for s in tokens.spans] == ["Bomb", "kills", "two", "Police", "came"]


def gold(role, span, cross=False, *coreferent):
    return GoldArgument(role, (span, *coreferent), cross)


@pytest.mark.parametrize(
    ("level", "mode", "split", "expected"),
    [
        ("Arg-I", "exact", "all", (2, 3, 3)),  # the victim, and the attacker's span (Arg-I ignores the role)
        ("Arg-C", "exact", "all", (1, 3, 3)),  # the attacker (5, 5) predicted as target: wrong role
        ("Arg-C", "head", "all", (1, 3, 3)),
        ("Arg-I", "coref", "cross", (1, 1, 1)),  # (9, 9) is a coreferent mention of the cross-sentence place
        ("Arg-I", "head", "cross", (0, 1, 1)),
        ("Arg-I", "exact", "same", (2, 2, 2)),
        ("Arg-C", "coref", "all", (2, 3, 3)),
    ],
)
def test_argument_scores(level, mode, split, expected):
    golds = [gold("victim", (1, 2)), gold("attacker", (5, 5)), gold("place", (20, 21), True, (9, 9))]
    preds = [
        PredictedArgument("victim", (1, 2), False),
        PredictedArgument("target", (5, 5), False),
        PredictedArgument("place", (9, 9), True),
    ]
    counts = score(preds, golds, level, mode, split)
    assert (counts.matched, counts.predicted, counts.gold) == expected


def test_the_rams_command_writes_one_line_per_example(tmp_path):
    from wirescope.cli import cli

    out = tmp_path / "rams.jsonl"
    result = CliRunner().invoke(cli, ["eval", "rams", str(need_shared(RAMS)), "--limit", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Arg-C  exact  cross" in result.output
    assert [json.loads(line)["id"][:5] for line in out.read_text().splitlines()] == ["nw_RC", "nw_RC"]
