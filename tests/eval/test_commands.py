"""Every `wirescope eval` subcommand is registered, documented with an example, and takes --limit."""

from __future__ import annotations

import pytest

from wirescope.eval.cli import eval_group

EVENT_COMMANDS = ("events", "muc", "rams", "wikievents", "plover")


@pytest.mark.parametrize("name", sorted(eval_group.commands))
def test_every_eval_command_help_ends_with_an_example(name):
    assert "Example: wirescope eval " + name in (eval_group.commands[name].help or "")


@pytest.mark.parametrize("name", EVENT_COMMANDS)
def test_every_event_evaluation_takes_limit_and_out(name):
    options = {p.name for p in eval_group.commands[name].params}
    assert "limit" in options
    assert "out" in options


def test_eval_events_writes_its_predictions(tmp_path):
    import json

    from click.testing import CliRunner

    from wirescope.cli import cli

    tsv, out = tmp_path / "case.tsv", tmp_path / "case.jsonl"
    tsv.write_text("id\tEventSnippet\tSubType\n7\tPolice arrested five men in the capital.\tARREST\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", str(tsv), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"id": "7", "gold": "ARREST", "predicted": "ARREST"}
