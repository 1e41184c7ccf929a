"""How long the situation report takes at scale, on scale.py's synthetic store.

The demo corpus is ingested once, then `--articles` variants of its articles (store/synthetic.py)
are bulk-loaded into a SQLite file (kept with --keep, reused when it exists), and the report is
rendered over the whole store in HTML, Markdown and PDF; each is timed once after a warm-up.

    python benchmarks/report_scale.py --articles 122000 --db /tmp/report-scale.db --keep   # ~1M events
    python benchmarks/report_scale.py --db /tmp/report-scale.db --keep --resolve  # then with clusters

--resolve first gives the store the wire stories, event clusters and propositions that a bulk
load does not write (benchmarks/synthetic_resolution.py); `--resolve events` only the clusters
(a resolution stopped half-way goes on where it stopped).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks import synthetic_resolution
from benchmarks.scale import bulk_load, demo_articles

import wirescope
from wirescope.query import desk
from wirescope.query.browse import Filter
from wirescope.query.report import FORMATS, render_pdf, render_report


def build(db: str, count: int) -> None:
    if Path(db).exists():
        return
    articles = demo_articles()
    with wirescope.open_store(db) as store:
        seconds = bulk_load(store, articles, count)
    print(f"loaded {count:,} articles in {seconds:.0f} s", flush=True)


def timed(label: str, call) -> None:
    started = time.perf_counter()
    out = call()
    print(f"{label}: {time.perf_counter() - started:.2f} s ({len(out):,} bytes)", flush=True)


def parts(store, f: Filter) -> None:
    """Each of the report's SQL pieces timed alone (what the report's time is made of)."""
    excluded = desk.exclusions(store, f)
    timed_parts = {
        "dead doers": lambda: desk.exclusions(store, f),
        "key events": lambda: desk.key_events(store, f, 25, excluded),
        "events per day": lambda: store.digest("happened_per_day_by_type", f),
        "places by story": lambda: store.digest("place_stories", f, 60),
        "methods tally": lambda: store.digest("tally", f, excluded["dead"], excluded["outlets"]),
        "contested": lambda: desk.contested_points(store, f),
        "speakers and quotes": lambda: desk.quotes_of_speakers(store, f, store.digest("top_speakers", f, 8)),
        "scope sizes": lambda: store.digest("scope_sizes", f),
        "tolls": lambda: store.digest("fatality_reports", f, 5),
    }
    for label, call in timed_parts.items():
        started = time.perf_counter()
        call()
        print(f"  {label}: {time.perf_counter() - started:.2f} s", flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--db", default="/tmp/report-scale.db")
    parser.add_argument("--keep", action="store_true", help="keep the store for the next run")
    parser.add_argument("--parts", action="store_true", help="also time each part of the report alone")
    parser.add_argument(
        "--resolve",
        nargs="*",
        choices=synthetic_resolution.STAGES,
        help="first write these (default all): wire stories, event clusters (resumed), propositions",
    )
    parser.add_argument("--place", default="Panjshir", help="the place of the one-place report")
    parser.add_argument(
        "--format", choices=(*FORMATS, "place"), action="append", help="time only these (repeatable; default all)"
    )
    args = parser.parse_args(argv)
    build(args.db, args.articles)
    wanted = args.format or [*FORMATS, "place"]
    one_place = Filter(place=args.place)
    with wirescope.open_store(args.db, create=False) as store:
        if args.resolve is not None:
            synthetic_resolution.resolve(store, tuple(args.resolve) or synthetic_resolution.STAGES)
        counts = store.counts() | synthetic_resolution.resolved_counts(store)
        print(
            f"store: {counts['articles']:,} articles, {counts['events']:,} events, {counts['stories']:,} stories, "
            f"{counts['event clusters']:,} event clusters, {counts['propositions']:,} propositions"
        )
        render_report(store, Filter(), "html")  # warm: the actor dictionary's death dates, SQLite's cache
        runs = {
            "html": ("report html", lambda: render_report(store, Filter(), "html")),
            "md": ("report md", lambda: render_report(store, Filter(), "md")),
            "pdf": ("report pdf", lambda: render_pdf(store, Filter())),
            "place": (f"report html, place {args.place!r}", lambda: render_report(store, one_place, "html")),
        }
        for name in wanted:
            timed(*runs[name])
        if args.parts:
            parts(store, one_place if wanted == ["place"] else Filter())
    if not args.keep:
        Path(args.db).unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
