"""The Dask runner: cleaning and annotation on a cluster's workers, storage by one writer.

Batches of raw documents go to the workers; each worker builds the pipeline (and so loads the
spaCy model) once, on its first batch, and keeps it for every later one. Annotated articles
come back to this process, which alone writes to the store, one article per transaction, so the
store sees one writer however many workers there are, and a worker that dies loses only a batch
that Dask then gives to another worker.

`--workers N` starts a local cluster of N single-threaded processes (spaCy releases little of the
GIL, so threads would not help); `--cluster tcp://HOST:PORT` uses a running scheduler, whose
workers must have wirescope installed with the same model.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from itertools import islice

from wirescope.annotate import Pipeline, build_pipeline
from wirescope.annotate.embeddings import encode
from wirescope.errors import MissingExtra, Rejected, WirescopeError
from wirescope.record import Article
from wirescope.resolve.claims import resolve_claim_batch
from wirescope.run.local import (
    IngestReport,
    _batches,
    _clean_or_reject,
    _save,
    annotate_batch,
    link_batch,
    record_result,
    resolve_batch,
)
from wirescope.settings import Settings
from wirescope.sources.document import RawDocument
from wirescope.store import Store

# Batches in flight per worker: enough to keep each busy while results are stored, few enough that
# a generator over a large archive is not read into memory ahead of the workers.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "10s"  # to reach a --cluster scheduler

# One pipeline per worker process, per settings: built on the first batch, reused after.
_PIPELINES: dict[Settings, Pipeline] = {}
PIPELINE_BUILDS = 0  # how many times this process built a pipeline (read by the tests)


def _pipeline(settings: Settings) -> Pipeline:
    global PIPELINE_BUILDS
    if settings not in _PIPELINES:
        _PIPELINES[settings] = build_pipeline(settings)
        PIPELINE_BUILDS += 1
    return _PIPELINES[settings]


def warm_up(settings: Settings) -> None:
    """On a worker: build the pipeline and load the model now, before the first batch arrives."""
    from wirescope.annotate.entities.model import load_model

    _pipeline(settings)
    load_model(settings.model)


def process_batch(documents: list[RawDocument | Rejected], settings: Settings) -> list[Article | Rejected]:
    """On a worker: clean and annotate one batch. The spaCy Doc stays behind (it is not stored)."""
    pipeline = _pipeline(settings)
    cleaned = [_clean_or_reject(doc, settings.max_bytes) for doc in documents]
    annotated = iter(annotate_batch(pipeline, [c for c in cleaned if isinstance(c, Article)]))
    results = [c if isinstance(c, Rejected) else next(annotated) for c in cleaned]
    return [dataclasses.replace(r, doc=None) if isinstance(r, Article) else r for r in results]


@contextmanager
def dask_client(workers: int | None = None, cluster: str | None = None):
    """A Dask client: on a new local cluster of `workers` processes, or on the scheduler at `cluster`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingExtra("--workers and --cluster", "dask") from exc
    if cluster:
        try:
            client = Client(cluster, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise WirescopeError(
                f"cannot reach the Dask scheduler at {cluster}: {exc}",
                hint="start one with `dask scheduler`, or use --workers N",
            ) from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as local,
        Client(local) as client,
    ):
        yield client


def ingest(
    documents: Iterable[RawDocument | Rejected],
    store: Store,
    client,
    settings: Settings = Settings(),
    on_done: Callable[[Article | Rejected], None] | None = None,
) -> IngestReport:
    """Annotate on the cluster behind `client`; store here, one article per transaction.

    Results are stored in input order, not in the order workers finish: what the store holds
    then depends on the input alone (the actor registry keeps what it saw first), never on which
    worker was faster.
    """
    steps = build_pipeline(settings)  # for the step names stored with each article; loads no model
    report = IngestReport()
    limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
    batches = _batches(documents, settings.batch_size)
    submit = lambda batch: (client.submit(process_batch, batch, settings, pure=False), batch)  # noqa: E731
    in_flight = deque(submit(batch) for batch in islice(batches, limit))
    while in_flight:
        future, batch = in_flight.popleft()
        results = _results_or_rejections(future, batch)
        in_flight.extend(submit(batch) for batch in islice(batches, 1))
        stored = [_save(store, item, steps) if isinstance(item, Article) else item for item in results]
        link_batch(store, stored)
        resolve_batch(store, stored, settings.embed_threads)
        resolve_claim_batch(store, [item for item in stored if isinstance(item, Article)], encode)
        for item in stored:
            record_result(report, item, on_done)
    return report


def _results_or_rejections(future, batch: list[RawDocument | Rejected]) -> list[Article | Rejected]:
    """A batch's results; if its task failed (a worker died on it more than Dask allows, or the
    task raised), each of its documents is rejected with the reason and the ingest goes on."""
    try:
        return future.result()
    except Exception as exc:
        reason = f"worker failed on its batch: {exc.__class__.__name__}: {exc}"
        return [doc if isinstance(doc, Rejected) else Rejected(doc.uri, reason) for doc in batch]
    finally:
        future.release()


__all__ = ["dask_client", "ingest", "process_batch", "warm_up"]
