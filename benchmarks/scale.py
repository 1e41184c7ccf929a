"""How the store answers at scale: bulk-load variants of real annotated articles, time every page.

The demo corpus is ingested once (the real pipeline, 11 articles), then `--articles` variants of
its articles (store/synthetic.py: new ids, dates spread over a year, actors and places given one
of 50 look-alike ids) go into an empty store through the store's own bulk write path
(`Store.save_many`). Then every API listing (limit 50, no filter and each single filter), the
timeline, map and network (API and pages), search, the report for one place and the exports are
timed; each request is repeated `--repeat` times and its p50 and p99 printed.

    python benchmarks/scale.py                       # 2,000 articles on SQLite (a few minutes)
    python benchmarks/scale.py --postgres URL        # the same on PostgreSQL as well
    python benchmarks/scale.py --full --postgres URL # 200,000 articles (~1.6M events): hours here
    python benchmarks/scale.py --exports-only        # only the exports: records/s and peak memory

The default size is small so that it runs in minutes on a shared 2-core machine; --full is the
issue's size. Requests go through the real ASGI app in-process (FastAPI's TestClient), so the
figures include routing, validation and JSON, not the network.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import wirescope
from wirescope.query.browse import Filter
from wirescope.query.export import export
from wirescope.query.report import render_report
from wirescope.run import ingest
from wirescope.sources import read_paths
from wirescope.store.synthetic import variant

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "wirescope" / "demo" / "corpus"
BATCH = 500
DEFAULT_ARTICLES, FULL_ARTICLES = 2_000, 200_000


def demo_articles() -> list:
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "demo.db")) as store:
        report = ingest(read_paths([str(DEMO)]), store)
        assert report.ok, report.rejected
        return list(store.articles())


def bulk_load(store, articles: list, count: int) -> float:
    started = time.perf_counter()
    batch = []
    for n in range(count):
        batch.append(variant(articles[n % len(articles)], n // len(articles)))
        if len(batch) == BATCH:
            store.save_many(batch)
            batch = []
    store.save_many(batch)
    return time.perf_counter() - started


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    call()  # warm the caches once, as a server that has been up a while has them
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return percentiles(times)


def requests(sample: dict) -> list[str]:
    """Every endpoint and page, with each single filter on the listings."""
    paths = []
    for kind in ("articles", "actors", "quotes", "events", "places", "times"):
        paths.append(f"/api/{kind}?limit=50")
    for query in (
        "type=ASSAULT",
        "modality=negated",
        f"actor={sample['actor']}",
        f"place={sample['place']}",
        "since=2021-10-01&until=2021-10-31",
    ):
        paths.append(f"/api/events?limit=50&{query}")
    paths += [f"/api/quotes?limit=50&actor={sample['actor']}", "/api/actors?limit=50&type=PERSON"]
    paths += ["/api/timeline", "/api/network", "/api/search?q=Panjshir", f"/api/events/{sample['event']}"]
    paths += ["/", "/list/events", "/timeline", "/map", "/network", "/quotes"]
    return paths


def measure(url: str, count: int, repeat: int, articles: list) -> None:
    from fastapi.testclient import TestClient

    from wirescope.web.app import create_app

    with wirescope.open_store(url) as store:
        print(f"\n== {store.dialect}: {count} articles", flush=True)
        seconds = bulk_load(store, articles, count)
        counts = store.counts()
        print(f"bulk load: {seconds:.1f} s ({count / seconds:.0f} articles/s); store holds {counts}", flush=True)
        sample = {"actor": "Taliban", "place": "Panjshir", "event": store.page("events", Filter(), 1).ids[0]}
        with TestClient(create_app(store)) as client:
            for path in requests(sample):
                p50, p99 = timed(lambda p=path: client.get(p).raise_for_status(), repeat)
                print(f"{path:55s} p50 {p50 * 1000:8.1f} ms   p99 {p99 * 1000:8.1f} ms", flush=True)
        place = Filter(place="Panjshir Valley")
        p50, p99 = timed(lambda: render_report(store, place, "html"), max(1, repeat // 10))
        print(f"{'report --place Panjshir Valley':55s} p50 {p50:8.2f} s    p99 {p99:8.2f} s", flush=True)
        measure_exports(store)


EXPORTS = (
    ("jsonl", "events"),
    ("csv", "events"),
    ("csv", "quotes"),
    ("csv", "times"),
    ("csv", "actors"),
    ("csv", "places"),
    ("csv", "articles"),
    ("parquet", "events"),
    ("geojson", "events"),
    ("acled-csv", "events"),
    ("ftm", "events"),
    ("gexf", "events"),
)


def records_in(path: Path, fmt: str) -> int:
    """How many records an export file holds: lines of JSONL, CSV rows, GeoJSON features, Parquet
    rows, GEXF nodes and edges."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_metadata(path).num_rows
    if fmt == "gexf":
        text = path.read_text(encoding="utf-8")
        return text.count("<node ") + text.count("<edge ")
    with path.open(encoding="utf-8", newline="") as f:
        if fmt in ("jsonl", "ftm"):
            return sum(1 for _ in f)
        if fmt == "geojson":
            return len(json.load(f)["features"])
        return max(0, sum(1 for _ in csv.reader(f)) - 1)  # rows after the header


def _export_to_file(store, fmt: str, kind: str, path: Path, traced: bool) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak traced bytes) of one export written to `path`."""
    with path.open("wb") if fmt == "parquet" else path.open("w", encoding="utf-8", newline="") as out:
        if traced:
            tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        export(store, fmt, out, Filter(), kind, True)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        if traced:
            tracemalloc.stop()
    return seconds, cpu, peak


def measure_exports(store) -> None:
    """Each export of every event to a file, twice: timed (records/s over wall-clock and over
    this process's CPU time, which on a shared machine is the fairer one; for PostgreSQL it leaves
    out the server's), then under tracemalloc for the peak of Python memory (tracing slows every
    allocation, so that run is not timed). The output goes to disk: it is not counted as memory."""
    for fmt, kind in EXPORTS:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"export.{fmt}"
            name = f"{fmt} {kind}" if fmt in ("csv", "parquet") else fmt
            seconds, cpu, _ = _export_to_file(store, fmt, kind, path, traced=False)
            count = records_in(path, fmt)
            _, _, peak = _export_to_file(store, fmt, kind, path, traced=True)
        print(
            f"export {name:14s}: {count} records in {seconds:.1f} s = {count / seconds:,.0f} records/s "
            f"(CPU {cpu:.1f} s = {count / max(cpu, 1e-9):,.0f} records/s), peak Python memory {peak / 2**20:.1f} MiB",
            flush=True,
        )


def measure_exports_only(url: str, count: int, articles: list) -> None:
    with wirescope.open_store(url) as store:
        print(f"\n== {store.dialect}: {count} articles", flush=True)
        seconds = bulk_load(store, articles, count)
        print(f"bulk load: {seconds:.1f} s; store holds {store.counts()}", flush=True)
        measure_exports(store)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="articles to load")
    parser.add_argument("--full", action="store_true", help=f"the issue's size: {FULL_ARTICLES:,} articles")
    parser.add_argument("--repeat", type=int, default=20, help="times each request is made")
    parser.add_argument("--postgres", metavar="URL", help="also measure a PostgreSQL database (emptied schema)")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument("--exports-only", action="store_true", help="measure the exports alone (no pages)")
    args = parser.parse_args(argv[1:])
    count = FULL_ARTICLES if args.full else args.articles
    articles = demo_articles()

    def run(url: str) -> None:
        if args.exports_only:
            measure_exports_only(url, count, articles)
        else:
            measure(url, count, args.repeat, articles)

    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            run(str(Path(tmp) / "scale.db"))
    if args.postgres:
        from wirescope.store.scratch import scratch_schema

        with scratch_schema(args.postgres, "scale") as url:
            run(url)


if __name__ == "__main__":
    main(sys.argv)
