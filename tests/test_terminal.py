"""A newline in a file name cannot forge output lines; escape sequences in a title never reach the terminal."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wirescope.cli import cli
from wirescope.terminal import multi_line, one_line

FORGED = "stored 99 article(s) in x.db; 0 failed"
ESCAPES = "\x1b[2J\x1b]0;pwned\x07"
BODY = "<p>" + "Fighters held the Panjshir valley on Monday, the governor told reporters in Kabul. " * 4 + "</p>"


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_newline_in_a_file_name_does_not_forge_an_output_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"bad.txt\n{FORGED}").write_bytes(b"")
    result = run("ingest", str(folder), "--db", str(tmp_path / "w.db"))
    lines = result.output.splitlines()
    assert FORGED not in lines
    assert len([line for line in lines if line.startswith("error: ")]) == 1
    assert lines[-1].startswith("stored 0 article(s)") and lines[-1].endswith("1 failed")


SENTENCE = "Fighters held the Panjshir valley on Monday, the governor told reporters in Kabul."


@pytest.fixture
def evil_db(tmp_path):
    """A title given as metadata (as a feed or --title gives it: not cleaned) with escape sequences."""
    scrape = tmp_path / "evil.txt"
    scrape.write_text(f"{SENTENCE} {SENTENCE}\n\n{SENTENCE}\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    title = f"Valley {ESCAPES} held by [bold]fighters[/bold]"
    assert run("ingest", str(scrape), "--db", db, "--title", title).exit_code == 0
    return db


def no_raw_sequence(output: str) -> bool:
    # rich styles its own output with escape codes; the document's must not appear raw
    return "\x1b[2J" not in output and "\x1b]0;" not in output and "\x07" not in output


def test_escape_sequences_in_a_title_never_reach_the_terminal_raw(evil_db):
    records = [json.loads(line) for line in run("articles", "--db", evil_db, "--format", "jsonl").output.splitlines()]
    assert ESCAPES in records[0]["title"]  # the record keeps the title as given; only printing escapes it
    table = run("articles", "--db", evil_db)
    assert table.exit_code == 0 and no_raw_sequence(table.output)
    assert "[bold]fighters[/bold]" in table.output  # shown as written, not taken as markup
    shown = run("show", records[0]["id"], "--db", evil_db)
    assert shown.exit_code == 0 and no_raw_sequence(shown.output) and "\u241b[2J" in shown.output


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("a\nb", "a\u240ab"),
        ("\x1b[31m", "\u241b[31m"),
        ("x\u202ey", "x\ufffdy"),
        ("\x9b31m", "\ufffd31m"),
        ("caf\u00e9 \u0627\u0644\u0633\u0644\u0627\u0645", "caf\u00e9 \u0627\u0644\u0633\u0644\u0627\u0645"),
    ],
)
def test_one_line_makes_controls_visible_one_character_for_one(raw, shown):
    assert one_line(raw) == shown and len(one_line(raw)) == len(raw)


def test_multi_line_keeps_newlines_and_tabs():
    assert multi_line("a\n\tb\x1b") == "a\n\tb\u241b"
