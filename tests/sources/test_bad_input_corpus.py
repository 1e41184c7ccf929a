"""Every kind of bad input in the generated corpus (tests/sources/bad_input_corpus.py) gets one
clear line naming it and its reason, or is stored whole; the rest of the batch is stored; no
partial rows; the whole batch within bounded time and memory."""

from __future__ import annotations

import resource
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import DEMO, ROOT
from tests.sources.bad_input_corpus import CASES, MAX_BYTES, write_corpus
from wirescope.terminal import one_line

TIME_LIMIT_S = 400  # ~80 s on the 2-core machine; the bound is that nothing hangs or grows without limit
MEMORY_LIMIT_KB = 4_000_000
GOOD = sorted(DEMO.glob("*.txt"))[:2]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "in"
    folder.mkdir()
    written = write_corpus(folder)
    for good in GOOD:
        shutil.copy(good, folder / f"good-{good.name}")
    db = folder.parent / "w.db"
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from wirescope.cli import main; main()",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--max-bytes",
            str(MAX_BYTES),
        ],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(folder.parent)},
    )
    seconds = time.monotonic() - start
    with sqlite3.connect(db) as conn:
        uris = {row[0] for row in conn.execute("SELECT uri FROM articles")}
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "sources")}
        orphans = conn.execute(
            "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    return {
        "proc": proc,
        "seconds": seconds,
        "uris": uris,
        "counts": counts,
        "orphans": orphans,
        "written": {c.name: p for c, p in written},
        "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }


def test_the_corpus_has_at_least_sixty_kinds():
    assert len(CASES) >= 60 and len({c.name for c in CASES}) == len(CASES)


def test_batch_exits_1_within_bounded_time_and_memory(batch):
    assert batch["proc"].returncode == 1, batch["proc"].stderr[-2000:]
    assert batch["seconds"] < TIME_LIMIT_S and batch["maxrss_kb"] < MEMORY_LIMIT_KB


def test_every_stderr_line_is_one_error_or_the_closing_count(batch):
    lines = batch["proc"].stderr.splitlines()
    assert all(line.startswith("error: ") for line in lines[:-1]), lines
    rejected = sum(1 for c in CASES if c.reason)
    assert len(lines) - 1 == rejected
    assert lines[-1].endswith(f"; {rejected} failed")


@pytest.mark.parametrize("case", [c for c in CASES if c.reason], ids=lambda c: one_line(c.name)[:40])
def test_bad_input_gets_one_line_naming_it_and_the_reason(batch, case):
    named = case.names or (one_line(str(batch["written"][case.name])),)
    lines = [line for line in batch["proc"].stderr.splitlines() if any(f"error: {n}" in line for n in named)]
    assert len(lines) == 1, (case.name, lines)
    assert case.reason in lines[0]
    assert not any(str(batch["written"][case.name]) == uri or uri in case.names for uri in batch["uris"])


@pytest.mark.parametrize("case", [c for c in CASES if not c.reason], ids=lambda c: one_line(c.name)[:40])
def test_awkward_but_readable_input_is_stored(batch, case):
    for uri in case.names or (str(batch["written"][case.name]),):
        assert uri in batch["uris"], uri


def test_the_rest_of_the_batch_is_stored_and_nothing_is_partial(batch):
    for good in GOOD:
        assert str(batch["written"][CASES[0].name].parent / f"good-{good.name}") in batch["uris"]
    assert batch["counts"]["articles"] == batch["counts"]["sources"] == len(batch["uris"])
    assert batch["orphans"] == 0
