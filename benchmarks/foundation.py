"""Foundation benchmark: the whole ingest path next to bare spaCy over the same texts, same run.

    .venv/bin/python benchmarks/foundation.py ../shared/eval/quotes-polnear/data/train/text --n 120

Prints articles per second for `wirescope ingest` (read, clean, annotate, store in SQLite) and
for spaCy's `nlp.pipe` alone on the same texts, and the ratio, of wall time and of CPU time
(the process's, all threads: the ingest's writer thread runs beside the main one, so on a quiet
machine its wall time is under its CPU time; on a loaded one the CPU ratio is the steadier).
What is loaded once per process (the spaCy model, the gazetteer's tables, the sentence encoder)
is loaded before either clock starts, by running the pipeline on one short text, so both figures
are of steady-state work.

With --claims-cost the ingest runs a second time without the claims annotator (the claims'
cross-article resolution then has nothing to group), and what claims add is printed:

    .venv/bin/python benchmarks/foundation.py ../shared/eval/quotes-polnear/data/train/text --n 120 --claims-cost
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from wirescope.annotate import build_pipeline
from wirescope.annotate.embeddings import encode
from wirescope.annotate.entities.model import load_model
from wirescope.clean import clean
from wirescope.run import ingest
from wirescope.settings import Settings
from wirescope.sources import RawDocument, read_paths
from wirescope.store import open_store

WARM_UP = "Fighters clashed near Kabul and Mazar-i-Sharif on Monday, the governor of Balkh told reporters."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path, help="a folder of article texts")
    parser.add_argument("--n", type=int, default=120, help="how many articles (default 120)")
    parser.add_argument("--claims-cost", action="store_true", help="also ingest without the claims annotator")
    args = parser.parse_args()
    files = sorted(p for p in args.texts.iterdir() if p.is_file())[: args.n]
    settings = Settings()
    nlp = load_model(settings.model)
    build_pipeline(settings)(clean(RawDocument("warm-up", WARM_UP.encode())))
    encode([WARM_UP])  # the sentence encoder claims resolution loads once per process

    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare, bare_cpu = time.perf_counter() - start, time.process_time() - cpu

    cpu = time.process_time()
    full, report = timed_ingest(files, settings)
    full_cpu = time.process_time() - cpu
    n = len(files)
    print(f"articles: {n} ({len(report.stored)} stored, {len(report.rejected)} rejected)")
    print(f"bare spaCy nlp.pipe: {bare:.1f} s, {n / bare:.1f} articles/s ({bare_cpu:.1f} CPU-s)")
    print(f"wirescope ingest:    {full:.1f} s, {n / full:.1f} articles/s ({full_cpu:.1f} CPU-s, all threads)")
    print(f"ratio ingest / bare spaCy: {full / bare:.2f}x wall, {full_cpu / bare_cpu:.2f}x CPU")
    if args.claims_cost:
        steps = [name for name in build_pipeline(settings).names if name != "claims"]
        without, _ = timed_ingest(files, Settings(pipeline=",".join(steps)))
        print(f"wirescope ingest without claims: {without:.1f} s, {n / without:.1f} articles/s")
        print(f"claims add: {(full - without) / without:+.1%} to ingest time")


def timed_ingest(files: list[Path], settings: Settings):
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        report = ingest(read_paths([str(f) for f in files]), store, settings)
        return time.perf_counter() - start, report


if __name__ == "__main__":
    main()
