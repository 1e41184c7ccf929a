"""The Dask runner: a LocalCluster of two worker processes gives the same record as the local runner."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import DEMO
from wirescope.cli import cli
from wirescope.query import records
from wirescope.store import open_store

distributed = pytest.importorskip("distributed")

DOCUMENTS = 6


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local


def corpus() -> list[str]:
    return [str(p) for p in sorted(DEMO.iterdir())[:DOCUMENTS]]


def record_of(db: str) -> dict[str, list]:
    with open_store(db) as store:
        return {kind: records(store, kind) for kind in ("articles", "quotes", "events", "actors", "places")}


@pytest.mark.slow
def test_two_workers_store_what_one_process_stores(cluster, tmp_path):
    local_db, dask_db = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    runner = CliRunner()
    local = runner.invoke(cli, ["ingest", *corpus(), "--db", local_db, "--batch-size", "1"])
    assert local.exit_code == 0, local.output
    # batch size 1: six batches over two workers, so each worker gets several
    on_cluster = runner.invoke(
        cli, ["ingest", *corpus(), "--db", dask_db, "--batch-size", "1", "--cluster", cluster.scheduler_address]
    )
    assert on_cluster.exit_code == 0, on_cluster.output
    assert "stored 6 article(s)" in on_cluster.output
    assert record_of(dask_db) == record_of(local_db)

    with distributed.Client(cluster) as client:
        builds = client.run(lambda: __import__("wirescope.run.dask", fromlist=["x"]).PIPELINE_BUILDS)
        batches = client.run(lambda: __import__("wirescope.run.dask", fromlist=["x"])._PIPELINES.__len__())
    assert sorted(builds.values()) == [1, 1], "each worker builds its pipeline (and loads the model) once"
    assert sorted(batches.values()) == [1, 1]


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", corpus()[0], "--db", str(tmp_path / "x.db"), "--cluster", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.output


def _fails(*_args):
    raise MemoryError("worker ran out of memory")


def test_a_batch_whose_task_fails_rejects_its_documents_and_the_ingest_goes_on(cluster):
    from wirescope.run.dask import _results_or_rejections
    from wirescope.sources.document import RawDocument

    batch = [RawDocument("a.txt", b"text"), RawDocument("b.txt", b"text")]
    with distributed.Client(cluster) as client:
        results = _results_or_rejections(client.submit(_fails, batch, pure=False), batch)
    assert [r.uri for r in results] == ["a.txt", "b.txt"]
    assert all("worker failed on its batch: MemoryError: worker ran out of memory" in r.reason for r in results)
