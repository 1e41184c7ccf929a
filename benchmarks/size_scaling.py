"""Size-scaling benchmark: ingest time for one input of 10 KB, 100 KB, 1 MB and 10 MB.

    PYTHONPATH=src .venv/bin/python benchmarks/size_scaling.py --sizes 10000 100000 1000000 10000000

Each input is the bundled demo corpus's text files joined and repeated up to the size (a long
multi-paragraph plain-text scrape), with a little mojibake put into every paragraph so that the
repairs run. For each size it prints the seconds spent cleaning, annotating and storing, and
seconds per MB: work that is linear in the input keeps that ratio flat (the target: within 2x
from the smallest to the largest). `--stages clean` times only reading and cleaning, for sizes
where annotating would take longer than one wants to wait. Models and tables are loaded before
any clock starts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from wirescope.annotate import build_pipeline
from wirescope.clean import clean
from wirescope.run.local import annotate_batch
from wirescope.settings import Settings
from wirescope.sources import RawDocument
from wirescope.store import open_store

DEMO = Path(__file__).resolve().parent.parent / "src" / "wirescope" / "demo" / "corpus"
WARM_UP = "Fighters clashed near Kabul on Monday, the governor of Balkh told reporters."
# A right single quote saved as UTF-8 and read as cp1252: the commonest mojibake in scrapes.
MOJIBAKE = "\u00e2\u20ac\u2122"


def scrape_of_size(size: int) -> bytes:
    """Demo texts joined and repeated up to `size` bytes, one mojibake apostrophe per paragraph."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    damaged = [p.replace("'", MOJIBAKE, 1) for p in paragraphs]
    out, total, i = [], 0, 0
    while total < size:
        piece = damaged[i % len(damaged)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out).encode("utf-8")[:size]


def time_one(data: bytes, settings: Settings, pipeline, stages: str) -> dict[str, float]:
    doc = RawDocument(f"scaling-{len(data)}.txt", data)
    start = time.perf_counter()
    article = clean(doc, max_bytes=len(data) + 1)
    timings = {"clean": time.perf_counter() - start}
    if stages == "clean":
        return timings
    start = time.perf_counter()
    [annotated] = annotate_batch(pipeline, [article])
    timings["annotate"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "scaling.db")) as store:
        start = time.perf_counter()
        store.save(annotated, pipeline.names)
        timings["store"] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--stages", choices=["all", "clean"], default="all")
    args = parser.parse_args()
    settings = Settings()
    pipeline = build_pipeline(settings)
    pipeline(clean(RawDocument("warm-up", WARM_UP.encode())))
    clean(RawDocument("warm-up.txt", scrape_of_size(20_000)))
    rates = []
    for size in args.sizes:
        timings = time_one(scrape_of_size(size), settings, pipeline, args.stages)
        total = sum(timings.values())
        rates.append(total / (size / 1e6))
        parts = "  ".join(f"{k} {v:7.2f} s" for k, v in timings.items())
        print(f"{size:>10,} bytes  {parts}  total {total:7.2f} s  {rates[-1]:7.2f} s/MB", flush=True)
    print(f"largest / smallest s/MB: {max(rates) / min(rates):.2f}x")


if __name__ == "__main__":
    main()
