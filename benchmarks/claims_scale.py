"""Claim resolution per batch as the store grows, next to resolving the whole store each time.

A folder of real articles (PolNeAR train texts by default: claim-dense political news) is ingested
once through the real pipeline, and every claim's paraphrase vector computed once (each claim
alone, as resolution does). The store is then grown with variants of those articles
(store/synthetic.py: new ids, the same words) through the bulk write path, each variant claim given
the vector of the claim it copies (a claim's vector is a pure function of its words), so growing
costs no embedding; a variant is a copy of its article's claims told by another outlet. At each
size a fresh batch of BATCH variant articles is stored and `Store.resolve_claims` timed on it (the
indexed candidate look-ups, regrouping the propositions they touch, writing them), and then
`resolve_claims` over the whole store, which is what every ingest did before claims were resolved
a batch at a time. Embedding a batch's own new claims is O(batch) and left out of both.

    python benchmarks/claims_scale.py ../shared/eval/quotes-polnear/data/train/text --n 40 --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

import wirescope
from wirescope.annotate.embeddings import encode
from wirescope.resolve.claims import from_claim, paraphrase_text, resolve_claims
from wirescope.run import ingest
from wirescope.sources import read_paths
from wirescope.store import schema
from wirescope.store.synthetic import variant

BATCH = 16  # articles per timed batch: one ingest batch (settings.batch_size)
REPEAT = 3
LOAD_CHUNK = 40


def stored_claims(store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(schema.claims)) or 0


def base_vectors(articles: list) -> dict[tuple[str, int], np.ndarray]:
    """The vector of each claim of the ingested articles, by (article id, claim position)."""
    return {(a.id, i): encode([paraphrase_text(from_claim(a, c))])[0] for a in articles for i, c in enumerate(a.claims)}


def add_variants(store, articles: list, base: dict, start: int, count: int) -> list:
    """Store variants start.. start + count (bulk), with the vectors of the claims they copy."""
    chunk = [
        (variant(articles[n % len(articles)], n // len(articles)), articles[n % len(articles)])
        for n in range(start, start + count)
    ]
    store.save_many([v for v, _ in chunk])
    rows = [
        {"claim_id": c.id, "article_id": v.id, "vector": base[(of.id, i)].astype(np.float32).tobytes()}
        for v, of in chunk
        for i, c in enumerate(v.claims)
    ]
    if rows:
        with store.engine.begin() as conn:
            conn.execute(schema.claim_vectors.insert(), rows)
    return [v for v, _ in chunk]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path, help="a folder of article texts")
    parser.add_argument("--n", type=int, default=40, help="how many articles to annotate (default 40)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    args = parser.parse_args()
    files = sorted(p for p in args.texts.iterdir() if p.is_file())[: args.n]
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "claims.db")) as store:
        ingest(read_paths([str(f) for f in files]), store)
        articles = [a for a in store.articles() if a.claims]
        base = base_vectors(articles)
        print(f"annotated: {len(files)} articles, {len(base)} claims")
        print(
            f"{'stored claims':>14} {'batch claims':>13} {'p50 s/batch':>12} {'max s/batch':>12} {'whole store s':>14}"
        )
        grown = len(articles)  # variant numbers from here on are new ids
        for size in sorted(args.sizes):
            while stored_claims(store) < size:
                add_variants(store, articles, base, grown, LOAD_CHUNK)
                grown += LOAD_CHUNK
            store.resolve_claims([], encode)  # what the load queued: not timed
            times, counted = [], 0
            for _ in range(REPEAT):
                batch = add_variants(store, articles, base, grown, BATCH)
                grown += BATCH
                counted = sum(len(a.claims) for a in batch)
                started = time.perf_counter()
                store.resolve_claims([a.id for a in batch], encode)
                times.append(time.perf_counter() - started)
            started = time.perf_counter()
            resolve_claims(store, encode)
            whole = time.perf_counter() - started
            print(
                f"{stored_claims(store):>14,} {counted:>13} {statistics.median(times):>12.3f} "
                f"{max(times):>12.3f} {whole:>14.3f}"
            )


if __name__ == "__main__":
    main()
