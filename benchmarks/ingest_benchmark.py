"""Ingest throughput at scale: 1 and 2 workers, SQLite and PostgreSQL, next to bare spaCy.

    .venv/bin/python benchmarks/ingest_benchmark.py ../shared/eval/quotes-polnear/data/train/text \\
        --n 120 --postgres postgresql://USER@127.0.0.1:PORT/DB

Every configuration reads, cleans, annotates and stores the same texts in the same run; the bare
figure is spaCy's `nlp.pipe` alone over those texts (the model wirescope uses, same batch size).
Models are loaded before any clock starts (on every Dask worker too), so the figures are of
steady-state work. CPU seconds are given beside wall time because on a shared machine wall time
measures the neighbours too; CPU time is what the work itself costs. "local" is the default runner
in this process; "dask N" is a LocalCluster of N single-threaded worker processes with this process
as the one writer. Peak RSS is each worker process's own high-water mark (for "local", this
process's, which also holds the bare run).
Without --postgres (or WIRESCOPE_TEST_POSTGRES_URL) the PostgreSQL rows are skipped.
Complements benchmarks/foundation.py, which times the local runner alone.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from wirescope.annotate import build_pipeline
from wirescope.annotate.entities.model import load_model
from wirescope.run import ingest as local_ingest
from wirescope.settings import Settings
from wirescope.sources import read_paths
from wirescope.store import open_store
from wirescope.store.scratch import scratch_schema


def peak_rss_mb() -> float:
    """This process's resident high-water mark. Read from /proc (VmHWM) because getrusage's
    ru_maxrss survives exec on Linux, so a spawned worker would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def fresh_db(backend: str, tmp: Path, postgres: str | None):
    """An empty store: a new SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if backend == "sqlite":
        yield str(tmp / f"{uuid.uuid4().hex}.db")
        return
    with scratch_schema(postgres, "bench") as url:
        yield url


def cpu_seconds() -> float:
    return time.process_time()


def time_bare(texts: list[str], settings: Settings) -> tuple[float, float]:
    nlp = load_model(settings.model)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def warm_local(files: list[str], settings: Settings):
    """The pipeline, run once over a few texts so lazy loading (model, vocabularies) is not timed."""
    pipeline = build_pipeline(settings)
    with open_store("memory") as store:
        local_ingest(read_paths(files[:2]), store, settings, pipeline)
    return pipeline


def time_local(
    files: list[str],
    db: str,
    settings: Settings,
    pipeline,
    keep: list | None = None,
) -> tuple[float, float, int, list[float]]:
    with open_store(db) as store:
        start, cpu = time.perf_counter(), cpu_seconds()
        report = local_ingest(
            read_paths(files), store, settings, pipeline, on_done=keep.append if keep is not None else None
        )
        return time.perf_counter() - start, cpu_seconds() - cpu, len(report.stored), [peak_rss_mb()]


def time_store_only(articles: list, db: str) -> tuple[float, float, int, list[float]]:
    """Storing already annotated articles: what the store alone costs of an ingest."""
    from wirescope.record import Article

    articles = [a for a in articles if isinstance(a, Article)]
    with open_store(db) as store:
        start, cpu = time.perf_counter(), cpu_seconds()
        for article in articles:
            store.save(article)
        return time.perf_counter() - start, cpu_seconds() - cpu, len(articles), [peak_rss_mb()]


def time_dask(client, files: list[str], db: str, settings: Settings) -> tuple[float, float, int, list[float]]:
    """Wall time, and CPU time summed over the workers and this process (the writer)."""
    from wirescope.run.dask import ingest as dask_ingest

    with open_store(db) as store:
        workers_before = sum(client.run(cpu_seconds).values())
        start, cpu = time.perf_counter(), cpu_seconds()
        report = dask_ingest(read_paths(files), store, client, settings)
        elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        cpu += sum(client.run(cpu_seconds).values()) - workers_before
    return elapsed, cpu, len(report.stored), sorted(client.run(peak_rss_mb).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path, help="a folder of article texts")
    parser.add_argument("--n", type=int, default=120, help="how many articles (default 120)")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("WIRESCOPE_TEST_POSTGRES_URL"),
        help="a PostgreSQL server to benchmark (a schema is made and dropped)",
    )
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    from wirescope.run.dask import warm_up

    files = [str(p) for p in sorted(p for p in args.texts.iterdir() if p.is_file())[: args.n]]
    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    settings = Settings()
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    rows = []
    pipeline = warm_local(files, settings)
    bare, bare_cpu = time_bare(texts, settings)
    rows.append(("bare spaCy nlp.pipe", "-", bare, bare_cpu, len(texts), [peak_rss_mb()]))
    with tempfile.TemporaryDirectory() as tmp:
        annotated: list = []
        for backend in backends:
            with fresh_db(backend, Path(tmp), args.postgres) as db:
                keep = annotated if backend == backends[0] else None  # one copy of each article
                rows.append(("local runner", backend, *time_local(files, db, settings, pipeline, keep)))
        for backend in backends:
            with fresh_db(backend, Path(tmp), args.postgres) as db:
                rows.append(("store only (save of annotated articles)", backend, *time_store_only(annotated, db)))
        for workers in (1, 2):
            with (
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                ) as cluster,
                Client(cluster) as client,
            ):
                client.run(warm_up, settings)
                for backend in backends[:1]:  # first use of the pipeline on each worker, untimed
                    with fresh_db(backend, Path(tmp), args.postgres) as db:
                        time_dask(client, files[: 2 * workers], db, replace(settings, batch_size=1))
                for backend in backends:
                    with fresh_db(backend, Path(tmp), args.postgres) as db:
                        rows.append((f"dask, {workers} worker(s)", backend, *time_dask(client, files, db, settings)))

    print(f"{len(files)} articles, batch size {settings.batch_size}, model {settings.model}\n")
    print(
        "| run | store | wall s | articles/s | x bare wall | CPU s | x bare CPU | stored | peak RSS per worker (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, backend, seconds, cpu, stored, rss in rows:
        print(
            f"| {name} | {backend} | {seconds:.1f} | {len(files) / seconds:.2f} | {seconds / bare:.2f} | "
            f"{cpu:.1f} | {cpu / bare_cpu:.2f} | {stored} | {', '.join(f'{r:.0f}' for r in rss)} |"
        )


if __name__ == "__main__":
    main()
