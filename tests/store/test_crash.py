"""Killing `wirescope ingest` at any moment, then running it again, loses nothing and stores nothing twice.

Part of the demo corpus is ingested once without interruption; into a second store it is ingested with
SIGKILL at random moments (before the model is loaded, mid-batch, mid-transaction), then run once
more to the end. Both stores must then hold the same rows, table by table, except for the
timestamps of when things were written.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import DEMO
from wirescope.store import open_store, schema

KILLS = 3
DOCUMENTS = 6  # a part of the demo corpus, HTML and text scrapes both, to keep the test under a minute
TIMESTAMPS = {"ingested_at", "applied_at"}


def ingest_command(db: Path) -> list[str]:
    corpus = sorted(DEMO.iterdir())[:DOCUMENTS]
    return [sys.executable, "-m", "wirescope", "ingest", *map(str, corpus), "--db", str(db)]


def run_to_the_end(db: Path) -> float:
    started = time.monotonic()
    subprocess.run(ingest_command(db), check=True, capture_output=True, timeout=300)
    return time.monotonic() - started


def run_and_kill_after(db: Path, seconds: float) -> bool:
    """Start an ingest and SIGKILL it after `seconds`; False if it had already finished."""
    process = subprocess.Popen(ingest_command(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order, without write timestamps."""
    with open_store(str(db)) as store, store.engine.connect() as conn:
        contents = {}
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in TIMESTAMPS]
            contents[table.name] = sorted(tuple(repr(v) for v in row) for row in conn.execute(select(*columns)))
        return contents


@pytest.mark.slow
def test_ingest_killed_at_random_moments_then_rerun_matches_an_uninterrupted_run(tmp_path):
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    reference, crashed = tmp_path / "reference.db", tmp_path / "crashed.db"
    full_time = run_to_the_end(reference)
    kill_times = sorted(rng.uniform(0.3, full_time) for _ in range(KILLS))
    killed = [run_and_kill_after(crashed, t) for t in kill_times]
    run_to_the_end(crashed)
    assert any(killed), f"no run was killed (seed {seed}, kill times {kill_times})"
    expected, found = table_contents(reference), table_contents(crashed)
    for name in expected:
        assert found[name] == expected[name], f"table {name} differs (seed {seed}, kills at {kill_times})"
