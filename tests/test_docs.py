"""The docs are kept true: every contract field, command and setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import wirescope
from wirescope.cli import cli
from wirescope.query import KINDS, records
from wirescope.settings import SETTING_HELP, Settings

ROOT = Path(__file__).resolve().parents[1]
RECORD_DOC = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def documented_fields(kind: str) -> set[str]:
    """Field names in the `### kind` table of docs/record.md."""
    section = RECORD_DOC.split(f"### {kind}\n", 1)[1].split("\n#", 1)[0]
    return {name for cell in re.findall(r"^\| ([^|]+) \|", section, re.M) for name in re.findall(r"`(\w+)`", cell)}


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_the_contract_prints_is_documented(kind, demo_db):
    with wirescope.open_store(demo_db) as store:
        produced = {key for record in records(store, kind) for key in record}
    assert produced, f"the demo corpus gives no {kind}"
    assert produced <= documented_fields(kind), f"undocumented {kind} fields: {produced - documented_fields(kind)}"


def test_every_record_type_is_documented():
    types = {name for name in wirescope.__all__ if name[0].isupper() and name not in ("Settings", "Store")}
    table = RECORD_DOC.split("## The JSON contract")[0]
    assert {t for t in types if f"| {t} |" not in table} == set()


def test_every_command_is_in_the_readme():
    def commands(group, prefix=""):
        for name, command in group.commands.items():
            yield f"{prefix}{name}"
            if hasattr(command, "commands"):
                yield from commands(command, f"{prefix}{name} ")

    assert [c for c in commands(cli) if f"wirescope {c}" not in README] == []


def test_every_command_help_ends_with_an_example():
    missing = [
        name
        for name, command in cli.commands.items()
        if not hasattr(command, "commands") and "Example:" not in (command.help or "")
    ]
    assert missing == []


def test_every_setting_has_help():
    assert set(SETTING_HELP) == set(Settings.__dataclass_fields__)


def test_the_readme_gives_exactly_two_quick_start_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\s{4}(make \w+)", quick, re.M) == ["make demo", "make test"]
