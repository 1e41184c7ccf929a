"""`wirescope ingest` and the listings: bad documents get one line each, the rest is stored."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from tests.conftest import SEED, need_shared
from wirescope.cli import cli

GOOD = (
    "Fighters clashed near Kabul on Monday, officials said.\n\n"
    "The talks in Doha ended without a deal, according to the mediators.\n"
)


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _unreadable(path):
    """A file that cannot be read. Root reads any file whatever its mode, so use a symlink loop there."""
    if os.geteuid() == 0:
        path.symlink_to(path)
    else:
        path.write_text(GOOD)
        path.chmod(0)


BAD_INPUTS = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty file"),
    "blank.txt": (lambda p: p.write_bytes(b"  \n\n \n"), "empty file"),
    "image.png": (
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        "binary file",
    ),
    "broken.txt": (
        lambda p: p.write_bytes("Kabul – café ".encode() + b"\xff\xfe bad bytes " + GOOD.encode()),
        "invalid UTF-8",
    ),
    "huge.txt": (lambda p: p.write_bytes(b"word " * 4_200_000), "over the 10 MB limit"),
    "locked.txt": (_unreadable, "cannot read"),
    "empty-page.html": (
        lambda p: p.write_text(
            "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
        ),
        "HTML page with no article text",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_document_gets_one_clear_line_and_the_batch_goes_on(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    make, reason = BAD_INPUTS[name]
    make(folder / name)
    (folder / "good.txt").write_text(GOOD)
    db = str(tmp_path / "w.db")
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert str(folder / name) in errors[0] and reason in errors[0]
    assert [a["uri"] for a in jsonl(run("articles", "--format", "jsonl", "--db", db))] == [str(folder / "good.txt")]


def test_a_failed_batch_leaves_what_was_stored_before(tmp_path):
    db = str(tmp_path / "w.db")
    (tmp_path / "a.txt").write_text(GOOD)
    assert run("ingest", str(tmp_path / "a.txt"), "--db", db).exit_code == 0
    (tmp_path / "b.txt").write_bytes(b"")
    assert run("ingest", str(tmp_path / "b.txt"), "--db", db).exit_code == 1
    assert len(jsonl(run("articles", "--format", "jsonl", "--db", db))) == 1


def test_a_latin1_file_is_decoded_by_detection(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        (
            "Le président a déclaré à Kaboul que les négociations étaient terminées, "
            "a-t-il dit aux journalistes réunis devant le ministère.\n"
        ).encode("latin-1")
    )
    db = str(tmp_path / "w.db")
    assert run("ingest", str(path), "--db", db).exit_code == 0
    assert "président" in jsonl(run("articles", "--format", "jsonl", "--db", db))[0]["text"]


def test_stdin_is_read_when_the_path_is_a_dash(tmp_path):
    db = str(tmp_path / "w.db")
    assert run("ingest", "-", "--db", db, "--published", "2021-08-30", input=GOOD).exit_code == 0
    [article] = jsonl(run("articles", "--format", "jsonl", "--db", db))
    assert article["uri"] == "-" and article["published"] == "2021-08-30"


def test_reingesting_is_idempotent(tmp_path):
    db = str(tmp_path / "w.db")
    (tmp_path / "a.txt").write_text(GOOD)
    run("ingest", str(tmp_path / "a.txt"), "--db", db)
    before = {kind: jsonl(run(kind, "--format", "jsonl", "--db", db)) for kind in ("articles", "actors")}
    run("ingest", str(tmp_path / "a.txt"), "--db", db)
    after = {kind: jsonl(run(kind, "--format", "jsonl", "--db", db)) for kind in ("articles", "actors")}
    assert before == after


def test_seed_ingest_then_articles_jsonl_meets_the_contract(tmp_path, seed_gold):
    seed = need_shared(SEED) / "panjshir_dailybeast_2021.txt"
    db = str(tmp_path / "w.db")
    assert run("ingest", str(seed), "--published", "2021-08-25", "--db", db).exit_code == 0
    [article] = jsonl(run("articles", "--format", "jsonl", "--db", db))
    assert article["title"] == seed_gold["metadata"]["title"]
    assert article["published"] == "2021-08-25"
    contract = {"id", "url", "title", "publisher", "published", "language", "text", "paragraphs", "removed", "repairs"}
    assert contract <= set(article)
    for start, end in article["paragraphs"]:
        assert article["text"][start:end].strip()
    for repair in article["repairs"]:
        assert article["text"][repair["start"] : repair["end"]] == repair["after"]


@pytest.mark.parametrize("fmt", ["table", "jsonl", "json", "csv"])
@pytest.mark.parametrize("kind", ["articles", "actors", "quotes", "events", "times", "places"])
def test_every_listing_prints_every_format(tmp_path, kind, fmt):
    db = str(tmp_path / "w.db")
    (tmp_path / "a.txt").write_text(GOOD)
    run("ingest", str(tmp_path / "a.txt"), "--db", db)
    result = run(kind, "--format", fmt, "--db", db)
    assert result.exit_code == 0
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)


def test_show_marks_an_article_and_unknown_ids_get_a_hint(tmp_path):
    db = str(tmp_path / "w.db")
    (tmp_path / "a.txt").write_text(GOOD)
    run("ingest", str(tmp_path / "a.txt"), "--db", db)
    [article] = jsonl(run("articles", "--format", "jsonl", "--db", db))
    shown = run("show", article["id"], "--db", db)
    assert shown.exit_code == 0 and "Fighters clashed near Kabul" in shown.stdout
    missing = CliRunner().invoke(cli, ["show", "art_nope", "--db", db])
    assert missing.exit_code == 2
    assert "error: no article with id 'art_nope'" in missing.stderr and "hint:" in missing.stderr


def test_a_bad_published_flag_is_refused_before_any_work(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--published", "25/08/2021"])
    assert result.exit_code == 2 and "is not a date like 2021-08-25" in result.stderr


def test_an_eval_subcommand_reports_bad_gold_as_one_line_with_a_hint(tmp_path):
    (tmp_path / "notes.txt").write_text("not a gold file\n")
    result = CliRunner().invoke(cli, ["eval", "ner", str(tmp_path / "notes.txt")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'notes.txt'}: neither re3d JSON folders nor CoNLL files (-DOCSTART- first) in it",
        "hint: give a re3d folder (with entities.json) or CoNLL files (-DOCSTART- on the first line)",
    ]
