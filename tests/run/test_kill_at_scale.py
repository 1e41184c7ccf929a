"""kill -9 at 20 random points during a 200-article ingest, on SQLite and on PostgreSQL: after
resuming each time, every table equals a clean run's (write timestamps aside).

200 real articles: the demo corpus and PolNeAR training texts, read from ../shared at test time.
Each resumed run ingests the files not yet stored (what a user re-running a file list does; ingest
itself re-stores whatever it is given, so resuming from the whole list 20 times would cost 20
ingests) plus the last file stored, so that the end-of-batch actor linking a kill may have cut
short runs again.
Then the resumed store is reprocessed (`wirescope reprocess`) with 20 more kills, and compared with
the clean run again: a reprocess of unchanged input by the same pipeline must leave the same record.
Cost: about three runs over 200 articles per database, and 40 model loads.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import DEMO, EVAL, ROOT, empty_store_url, need_shared
from tests.run.tables import differences, dump_tables
from wirescope.store import engine_url

ARTICLES = 200
KILLS = 20
POLNEAR = EVAL / "quotes-polnear" / "data" / "train" / "text"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """200 article files in one folder (copied at test time into a temporary folder, never into the repository)."""
    folder = tmp_path_factory.mktemp("kill-corpus")
    demo = sorted(DEMO.iterdir())
    polnear = sorted(need_shared(POLNEAR).iterdir())[: ARTICLES - len(demo)]
    for path in demo + polnear:
        shutil.copy(path, folder / path.name)
    files = sorted(folder.iterdir())
    assert len(files) == ARTICLES
    return files


def wirescope(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "wirescope", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def ingest(files: list[Path], db: str) -> subprocess.Popen:
    return wirescope("ingest", *map(str, files), "--db", db)


def reprocess(db: str) -> subprocess.Popen:
    return wirescope("reprocess", "--db", db)


def stored_uris(db: str) -> list[str]:
    engine = create_engine(engine_url(db))
    try:
        with engine.connect() as conn:
            if not engine.dialect.has_table(conn, "articles"):
                return []
            return [row[0] for row in conn.execute(text("SELECT uri FROM articles ORDER BY ingested_at, uri"))]
    finally:
        engine.dispose()


def resume_list(files: list[Path], db: str) -> list[Path]:
    stored = stored_uris(db)
    remaining = [f for f in files if str(f) not in set(stored)]
    return ([Path(stored[-1])] if stored else []) + remaining


def kill_and_resume(start, clean_seconds: float, rng: random.Random) -> int:
    """Run `start()` 20 times, each killed with SIGKILL at a random moment (unless it ended first),
    then once to the end; returns how many runs were killed."""
    killed = 0
    for _ in range(KILLS):
        process = start()
        try:
            process.wait(timeout=rng.uniform(0.5, 6 + 2 * clean_seconds / KILLS))
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            killed += 1
    final = start()
    _, err = final.communicate(timeout=3600)
    assert final.returncode == 0, err.decode()[-2000:]
    return killed


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_at_20_random_points_in_a_200_article_ingest_and_then_in_a_reprocess_loses_and_duplicates_nothing(
    corpus, backend, tmp_path
):
    seed = random.randrange(10**6)
    with empty_store_url(backend, tmp_path) as clean_db:
        start = time.monotonic()
        clean = ingest(corpus, clean_db)
        _, err = clean.communicate(timeout=3600)
        assert clean.returncode == 0, err.decode()[-2000:]
        clean_seconds = time.monotonic() - start
        expected = dump_tables(clean_db)
    assert len(expected["articles"]) == ARTICLES
    (tmp_path / "killed").mkdir()
    with empty_store_url(backend, tmp_path / "killed") as killed_db:
        rng = random.Random(seed)
        killed = kill_and_resume(lambda: ingest(resume_list(corpus, killed_db), killed_db), clean_seconds, rng)
        assert killed >= KILLS // 2, f"only {killed} ingest runs were killed (seed {seed})"
        assert differences(expected, dump_tables(killed_db)) == {}, f"after the killed ingests (seed {seed})"
        # The same pipeline over the same stored input gives the same record, however often a
        # reprocess is cut short (each run starts again from the first stored article).
        killed = kill_and_resume(lambda: reprocess(killed_db), clean_seconds, rng)
        assert killed >= KILLS // 2, f"only {killed} reprocess runs were killed (seed {seed})"
        assert differences(expected, dump_tables(killed_db)) == {}, f"after the killed reprocess runs (seed {seed})"
