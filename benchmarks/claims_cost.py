"""Where claims' time goes inside one ingest: the per-batch cross-article resolution, the part of
it spent embedding, how many claim texts it embedded, and how many it took from the vectors the
pipeline had already computed for the batch's sentences instead.

    .venv/bin/python benchmarks/claims_cost.py ../shared/eval/quotes-polnear/data/train/text --n 40
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import wirescope
import wirescope.run.local as local
from wirescope.annotate import build_pipeline
from wirescope.annotate.embeddings import encode
from wirescope.clean import clean
from wirescope.resolve import claims as claim_resolution
from wirescope.run import ingest
from wirescope.settings import Settings
from wirescope.sources import RawDocument, read_paths


class Timed:
    """A callable that adds up the time spent in it (and the texts, for an encoder)."""

    def __init__(self, fn) -> None:
        self.fn, self.seconds, self.texts, self.calls = fn, 0.0, 0, 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1
            self.texts += len(args[0]) if args and isinstance(args[0], list) else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path, help="a folder of article texts")
    parser.add_argument("--n", type=int, default=40, help="how many articles (default 40)")
    args = parser.parse_args()
    files = sorted(p for p in args.texts.iterdir() if p.is_file())[: args.n]
    settings = Settings()
    pipeline = build_pipeline(settings)
    pipeline(clean(RawDocument("warm-up", b"The governor said fighting had stopped in Kabul on Monday.")))
    encode(["warm-up"])
    embedded = Timed(encode)
    resolution = Timed(claim_resolution.resolve_claim_batch)
    asked: list[Timed] = []
    reusing = claim_resolution.reusing

    def counted_reusing(articles, embed):
        asked.append(Timed(reusing(articles, embed)))
        return asked[-1]

    claim_resolution.reusing = counted_reusing  # type: ignore[assignment]
    local.resolve_claim_batch = lambda store, batch, _embed: resolution(store, batch, embedded)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "cost.db")) as store:
        started = time.perf_counter()
        report = ingest(read_paths([str(f) for f in files]), store, settings, pipeline=pipeline)
        total = time.perf_counter() - started
        claims = len(store.claim_rows())
    wanted = sum(a.texts for a in asked)
    print(f"articles: {len(report.stored)} stored, claims: {claims}")
    print(f"ingest: {total:.1f} s")
    print(
        f"claims resolution, per batch, in all: {resolution.seconds:.2f} s ({resolution.seconds / total:.1%} of ingest)"
    )
    print(f"  embedding: {embedded.seconds:.2f} s for {embedded.texts} claim texts")
    print(f"  claim texts wanted: {wanted}, taken from the pipeline's sentence vectors: {wanted - embedded.texts}")


if __name__ == "__main__":
    main()
