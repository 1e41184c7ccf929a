"""`wirescope correct`, `wirescope corrections list|export|import` and `wirescope reprocess`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import DEMO
from tests.query.see_fixtures import QUOTE, hand_article, span
from wirescope.cli import cli
from wirescope.store import open_store

ARTICLE = hand_article()


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    with open_store(path) as store:
        store.save(ARTICLE, ["tests@1"])
    return path


def events(db) -> dict[str, dict]:
    return {e["id"]: e for e in jsonl(run("events", "--db", db, "--format", "jsonl").stdout)}


def test_correct_sets_a_field_with_a_reason_and_an_author(db):
    result = run(
        "correct", "event_test_claimed", "--db", db, "--set", "modality=asserted", "--reason", "seen", "--author", "ana"
    )
    assert result.exit_code == 0 and "set event event_test_claimed modality" in result.stdout
    assert events(db)["event_test_claimed"]["modality"] == "asserted"
    (listed,) = jsonl(run("corrections", "list", "--db", db, "--format", "jsonl").stdout)
    assert (listed["author"], listed["reason"], listed["machine"], listed["status"]) == (
        "ana",
        "seen",
        "claimed",
        "applied",
    )


def test_correct_rejects_and_the_event_leaves_the_acled_export(db):
    def acled_rows():
        text = run("export", "--db", db, "--format", "acled-csv", "--include-unasserted").stdout
        return [line for line in text.splitlines()[1:] if line]

    before = acled_rows()
    assert run("correct", "event_test_hypothetical", "--db", db, "--reject").exit_code == 0
    assert "event_test_hypothetical" not in events(db)
    assert len(acled_rows()) == len(before) - 1


def test_correct_adds_a_missed_quote_by_its_offsets(db):
    said = span("If the talks fail, the Northern Front could attack Kabul.")
    result = run(
        "correct",
        ARTICLE.id,
        "--db",
        db,
        "--add",
        "quote",
        "--span",
        f"{said.start}:{said.end}",
        "--set",
        "speaker=Ahmad Karimi",
    )
    assert result.exit_code == 0, result.output
    quotes = jsonl(run("quotes", "--db", db, "--format", "jsonl").stdout)
    assert any(q["start"] == said.start and q["speaker"]["id"] == "actor_test_karimi" for q in quotes)


@pytest.mark.parametrize(
    "args, message",
    [
        (["event_test_claimed", "--set", "modality=probably"], "modality must be one of"),
        (["event_test_claimed", "--set", "colour=red"], "has no field 'colour'"),
        (["evt_nowhere", "--reject"], "no event, quote, time, event record or claim with id 'evt_nowhere'"),
        (["event_test_claimed"], "give one of --set, --reject, --confirm or --add"),
    ],
)
def test_a_bad_correction_is_one_line_saying_what_would_do(db, args, message):
    result = CliRunner().invoke(cli, ["correct", *args, "--db", db])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_an_exported_log_imports_into_another_store_and_applies_there(db, tmp_path, fmt):
    run("correct", "event_test_claimed", "--db", db, "--set", "modality=asserted", "--reason", "seen")
    run("correct", QUOTE.id, "--db", db, "--set", "speaker=Northern Front")
    run("correct", "event_test_negated", "--db", db, "--reject")
    out = tmp_path / f"log.{fmt}"
    assert run("corrections", "export", "--db", db, "--format", fmt, "--out", str(out)).exit_code == 0
    other = str(tmp_path / "other.db")
    with open_store(other) as store:
        store.save(ARTICLE, ["tests@1"])
    for _ in range(2):  # twice: the second import finds every correction there already
        assert run("corrections", "import", str(out), "--db", other, "--format", fmt).exit_code == 0
    assert events(other).keys() == events(db).keys()
    assert events(other)["event_test_claimed"]["modality"] == "asserted"
    with open_store(db) as a, open_store(other) as b:
        assert [c.id for c in a.corrections()] == [c.id for c in b.corrections()]


def test_label_studio_tasks_round_trip_a_reviewer_s_changes(db, tmp_path):
    run("correct", "event_test_claimed", "--db", db, "--set", "modality=asserted")
    (task,) = jsonl(run("corrections", "export", "--db", db, "--format", "label-studio").stdout)
    assert task["data"]["text"] == ARTICLE.text
    predicted = {r["id"]: r for r in task["predictions"][0]["result"] if r["from_name"] == "modality"}
    reviewed = {r["id"]: r for r in task["annotations"][0]["result"] if r["from_name"] == "modality"}
    assert predicted["event_test_claimed"]["value"]["choices"] == ["claimed"]
    assert reviewed["event_test_claimed"]["value"]["choices"] == ["asserted"]
    # In Label Studio a reviewer drops the hypothetical event and makes the negated one claimed.
    results = task["annotations"][0]["result"]
    results = [r for r in results if r["id"] != "event_test_hypothetical"]
    for r in results:
        if r["id"] == "event_test_negated" and r["from_name"] == "modality":
            r["value"]["choices"] = ["claimed"]
    task["annotations"].append({"result": results, "completed_by": "reviewer@example.org"})
    path = tmp_path / "label-studio.json"
    path.write_text(json.dumps([task]))
    assert run("corrections", "import", str(path), "--db", db, "--format", "label-studio").exit_code == 0
    now = events(db)
    assert "event_test_hypothetical" not in now and now["event_test_negated"]["modality"] == "claimed"
    assert now["event_test_claimed"]["modality"] == "asserted"
    count = len(jsonl(run("corrections", "list", "--db", db, "--format", "jsonl").stdout))
    run("corrections", "import", str(path), "--db", db, "--format", "label-studio")
    assert len(jsonl(run("corrections", "list", "--db", db, "--format", "jsonl").stdout)) == count


def test_training_export_writes_reviewed_events_and_rejections_as_examples(db):
    run("correct", "event_test_claimed", "--db", db, "--set", "modality=asserted")
    run("correct", "event_test_negated", "--db", db, "--reject")
    examples = jsonl(run("corrections", "export", "--db", db, "--format", "training").stdout)
    by_text = {x["text"]: x for x in examples}
    claimed = by_text["attacked the army garrison in Charikar"]
    assert (claimed["event"], claimed["type"], claimed["modality"]) == (True, "ASSAULT", "asserted")
    assert claimed["sentence"][claimed["start"] : claimed["end"]] == claimed["text"]
    assert by_text["had attacked Charikar"]["event"] is False


def test_reprocess_runs_the_pipeline_again_and_keeps_the_corrections(tmp_path):
    db = str(tmp_path / "demo.db")
    article = DEMO / "2021-09-03-bellwether-post-panjshir-rival-claims.html"
    assert run("ingest", str(article), "--db", db).exit_code == 0
    first = next(iter(events(db).values()))
    wanted = "negated" if first["modality"] != "negated" else "asserted"
    run("correct", first["id"], "--db", db, "--set", f"modality={wanted}")
    assert run("reprocess", "--db", db).exit_code == 0
    once = events(db)
    assert once[first["id"]]["modality"] == wanted and once[first["id"]]["machine"] == {"modality": first["modality"]}
    assert run("reprocess", "--db", db).exit_code == 0
    assert events(db) == once
    result = run("reprocess", "--db", db, "--stale")
    assert result.exit_code == 0 and "reprocessed 0 article(s)" in result.stderr


def test_the_report_shows_a_corrected_event_marked_reviewed_with_the_machine_value(db):
    run("correct", "event_test_claimed", "--db", db, "--set", "modality=asserted")
    report = run("report", "--db", db, "--format", "md").stdout
    # asserted now, it is a key event (a numbered line), marked as a person's correction
    line = next(x for x in report.splitlines() if "attacked the army garrison" in x and x[:1].isdigit())
    assert "*(reviewed; machine: modality claimed)*" in line


class Crash(Exception):
    """Stands for the process dying between two articles."""


def test_a_reprocess_that_crashed_is_finished_by_running_it_again_with_stale(tmp_path):
    from wirescope.run.reprocess import reprocess
    from wirescope.settings import Settings

    db = str(tmp_path / "crash.db")
    names = ["2021-08-24-northern-ledger-andarab.txt", "2021-09-05-upland-times-dashti-ceasefire.txt"]
    assert run("ingest", *(str(DEMO / n) for n in names), "--db", db).exit_code == 0
    with open_store(db) as store:
        for article in store.articles():
            store.save(store.article(article.id), ["an-older-pipeline@0"])  # as an older wirescope stored them
        done: list = []

        def die_after_the_first(item) -> None:
            done.append(item)
            raise Crash

        with pytest.raises(Crash):
            reprocess(store, Settings(batch_size=1), stale_only=True, on_done=die_after_the_first)
        assert sorted(p == ["an-older-pipeline@0"] for p in store.pipelines().values()) == [False, True]
        report = reprocess(store, Settings(batch_size=1), stale_only=True)
        assert len(report.stored) == 1 and report.ok
        assert "an-older-pipeline@0" not in {step for p in store.pipelines().values() for step in p}
