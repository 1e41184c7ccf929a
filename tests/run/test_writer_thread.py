"""The local runner stores one batch while it annotates the next: the store must end the same as
when every batch waits for the last, and the caller hears of each document in input order."""

from __future__ import annotations

from tests.conftest import DEMO
from tests.run.tables import differences, dump_tables
from wirescope.annotate import build_pipeline
from wirescope.record import Article
from wirescope.run import ingest
from wirescope.settings import Settings
from wirescope.sources import read_paths
from wirescope.store import open_store


def ingest_demo(db: str, batch_size: int, pipeline) -> list[str]:
    heard: list[str] = []
    settings = Settings(batch_size=batch_size)
    with open_store(db) as store:
        report = ingest(read_paths([str(DEMO)]), store, settings, pipeline, heard.append)
    assert report.ok and len(report.stored) == len(heard)
    return [item.source.uri if isinstance(item, Article) else item.uri for item in heard]


def test_storing_a_batch_while_the_next_is_annotated_gives_the_record_of_one_batch_at_a_time(tmp_path):
    pipeline = build_pipeline(Settings())
    overlapped = ingest_demo(str(tmp_path / "pairs.db"), 2, pipeline)  # six batches, five overlaps
    whole = ingest_demo(str(tmp_path / "whole.db"), 100, pipeline)  # one batch: nothing overlaps
    assert overlapped == whole  # in input order
    first, second = dump_tables(str(tmp_path / "pairs.db")), dump_tables(str(tmp_path / "whole.db"))
    assert first["events"] and first["event_links"]
    assert differences(first, second) == {}


def test_only_the_in_memory_store_is_written_one_batch_at_a_time(tmp_path):
    # Its one connection is shared by every caller, so no writer thread may use it beside the reader.
    for db in ("memory", ":memory:"):
        with open_store(db) as store:
            assert store.one_connection
    with open_store(str(tmp_path / "file.db")) as store:
        assert not store.one_connection
