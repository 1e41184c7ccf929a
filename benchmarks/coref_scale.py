"""Event resolution per batch as the store grows: flat from 1k to 100k stored event reports.

The demo corpus is ingested once through the real pipeline (its events are resolved then), and
each of its event reports, with its MiniLM vectors, is kept. The store is then grown with
variants of those articles (store/synthetic.py: new ids, actors and places given one of 50
look-alike ids) through the bulk write path: each chunk of variants is saved and its reports (the
reports of the article it copies, with their vectors, on the day of its place in a steady stream of
DAILY articles a day) resolved with `Store.resolve_events`, as a run resolves each stored batch, so
that the store holds the links and clusters of every report it holds and growing it costs no
embedding. At each size a fresh batch of BATCH variant articles is stored and
`Store.resolve_events` timed on it: the blocked candidate look-ups, the pair scores, the links and
the reclustering.

    python benchmarks/coref_scale.py                    # 1k, 10k and 100k reports on SQLite
    python benchmarks/coref_scale.py --sizes 1000 10000 # a quicker run
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

import wirescope
from wirescope.resolve.event_reports import DAY_WINDOW
from wirescope.resolve.events import EventReport
from wirescope.run import ingest
from wirescope.sources import read_paths
from wirescope.store import schema
from wirescope.store.synthetic import variant

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "wirescope" / "demo" / "corpus"
BATCH = 20  # articles per timed batch (a feed poll's worth)
REPEAT = 3
LOAD_CHUNK = 500
START = date(2021, 1, 1)
DAILY = 40  # articles a day, about 330 event reports


def days_around(day: str) -> frozenset[str]:
    d = date.fromisoformat(day)
    return frozenset((d + timedelta(days=k)).isoformat() for k in range(-DAY_WINDOW, DAY_WINDOW + 1))


def copied_reports(base: list[EventReport], article, n: int) -> list[EventReport]:
    """Variant n's reports: the reports of the article it copies (its event records, in order,
    under new ids), with its ids, on day n // DAILY after START: the store grows as news does, a steady
    number of reports a day, so that a block (a type, a week, a region) holds as many reports at
    100k as at 1k; only the store's size changes."""
    day = (START + timedelta(days=n // DAILY)).isoformat()
    return [
        dataclasses.replace(
            r, id=e.id, document=article.id, day=day, times=days_around(day) if r.times else frozenset()
        )
        for r, e in zip(base, article.event_records, strict=False)
    ]


def variants(articles: list, start: int, count: int) -> list[tuple]:
    """(variant, the id of the demo article it copies, n) for variant numbers start, start + 1..."""
    return [
        (variant(articles[n % len(articles)], n // len(articles)), articles[n % len(articles)].id, n)
        for n in range(start, start + count)
    ]


def stored_reports(store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(schema.event_reports)) or 0


def grow(store, articles: list, base: dict, start: int, wanted: int) -> int:
    """Add variants (articles, their reports resolved) until the store holds `wanted` reports."""
    per_article = sum(len(v) for v in base.values()) / len(articles)
    n = start
    while (held := stored_reports(store)) < wanted:
        # no more articles than the size still wants, so that 1k means about 1k
        count = max(1, min(LOAD_CHUNK, round((wanted - held) / per_article)))
        chunk = variants(articles, n, count)
        n += count
        store.save_many([a for a, _, _ in chunk])
        store.resolve_events(
            [a.id for a, _, _ in chunk], [r for a, of, k in chunk for r in copied_reports(base[of], a, k)]
        )
    return n


def time_batch(store, articles: list, base: dict, start: int) -> tuple[float, int]:
    batch = variants(articles, start, BATCH)
    store.save_many([a for a, _, _ in batch])
    reports = [r for a, of, k in batch for r in copied_reports(base[of], a, k)]
    started = time.perf_counter()
    store.resolve_events([a.id for a, _, _ in batch], reports)
    return time.perf_counter() - started, len(reports)


def base_reports(store) -> dict[str, list[EventReport]]:
    """Each demo article's stored reports (with vectors), in its event records' order."""
    from wirescope.store.event_links import report_from

    with store.engine.connect() as conn:
        rows = [report_from(r) for r in conn.execute(select(schema.event_reports))]
    by_id = {r.id: r for r in rows}
    # keyed by position: a variant's records are its article's, in order, under new ids
    return {a.id: [by_id[r.id] for r in a.event_records if r.id in by_id] for a in store.articles()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "coref.db")) as store:
        report = ingest(read_paths([str(DEMO)]), store)
        assert report.ok, report.rejected
        articles = list(store.articles())
        base = base_reports(store)
        print(f"demo corpus: {len(articles)} articles, {sum(len(v) for v in base.values())} event reports")
        print(f"{'stored reports':>15} {'batch reports':>14} {'p50 s/batch':>12} {'max s/batch':>12}")
        grown = 0
        for size in sorted(args.sizes):
            grown = grow(store, articles, base, grown, size)
            times, counted = [], 0
            for _ in range(REPEAT):  # the next articles of the stream: the newest days
                seconds, counted = time_batch(store, articles, base, grown)
                grown += BATCH
                times.append(seconds)
            print(f"{stored_reports(store):>15,} {counted:>14} {statistics.median(times):>12.3f} {max(times):>12.3f}")


if __name__ == "__main__":
    main()
