"""The store refuses what is not its own before writing anything, opens a read-only store
read-only for reading, and a reading command never creates a store where there was none."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from tests.conftest import DEMO
from wirescope.cli import cli
from wirescope.errors import StoreError
from wirescope.store import open_store

READING_COMMANDS = [
    ["summary"],
    ["articles"],
    ["actors"],
    ["quotes"],
    ["events"],
    ["places"],
    ["times"],
    ["show", "art_x"],
    ["report", "--out", "-"],
    ["export", "--format", "jsonl"],
]
ONE_ARTICLE = str(sorted(DEMO.glob("*.txt"))[0])


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_mistyped_db_on_a_reading_command_is_an_error_and_creates_nothing(tmp_path, command):
    db = tmp_path / "wirescpoe.db"
    result = run(*command, "--db", str(db))
    assert result.exit_code != 0
    assert f"error: no store at {db}; ingest first or check --db" in result.output
    assert list(tmp_path.iterdir()) == []


def other_application_db(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('ada')")
    return path


@pytest.mark.parametrize("command", [["summary"], ["articles"], ["ingest", ONE_ARTICLE]], ids=lambda c: c[0])
def test_another_applications_sqlite_file_gets_no_wirescope_tables(tmp_path, command):
    db = other_application_db(tmp_path / "app.db")
    before = digest(db)
    result = run(*command, "--db", str(db))
    assert result.exit_code != 0 and "another application's SQLite database (tables: users)" in result.output
    assert digest(db) == before
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["users"]


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n")
    result = run("ingest", ONE_ARTICLE, "--db", str(db))
    assert result.exit_code != 0 and "is not a SQLite database" in result.output
    assert db.read_text() == "my notes, not a database\n"


@pytest.fixture
def read_only_store(tmp_path, demo_db):
    db = tmp_path / "ro.db"
    with open_store(demo_db):  # checkpoint the WAL into the file before copying it
        pass
    shutil.copy(demo_db, db)
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield db
    db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_store_is_readable_by_reading_commands(read_only_store):
    before = digest(read_only_store)
    result = run("summary", "--db", str(read_only_store))
    assert result.exit_code == 0, result.output
    assert "11 articles" in result.output
    listing = run("articles", "--db", str(read_only_store), "--format", "jsonl")
    assert listing.exit_code == 0 and len(listing.output.strip().splitlines()) == 11
    assert digest(read_only_store) == before


def test_read_only_store_refuses_ingest_with_the_reason(read_only_store):
    result = run("ingest", ONE_ARTICLE, "--db", str(read_only_store))
    assert result.exit_code != 0 and "is read-only" in result.output


def test_open_store_for_reading_never_creates_a_file(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "none.db"), create=False)
    assert not (tmp_path / "none.db").exists()


def test_open_store_for_writing_still_creates_a_new_store(tmp_path):
    with open_store(str(tmp_path / "new.db")) as store:
        assert store.counts()["articles"] == 0
