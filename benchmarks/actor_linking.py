"""How long linking one batch's actors takes as the store grows (store/actor_links.py).

A store is filled with `--sizes` people of made-up two-word names (one small article each,
through the bulk write path) and linked once; then the demo corpus's articles are stored one
batch at a time (`--batch` articles) and each batch's `Store.link_actors()` is timed. Linking
reads only the actors sharing a name key with the batch, so the time per batch should not grow
with the store. SQLite by default; `--postgres URL` runs the same on PostgreSQL.

    python benchmarks/actor_linking.py --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import tempfile
import time
from datetime import date
from pathlib import Path

import wirescope
from wirescope.record import Actor, Article, Mention, Source, Span, stable_id
from wirescope.run import ingest
from wirescope.sources import read_paths

DEMO = Path(wirescope.__file__).parent / "demo" / "corpus"


def made_up_people(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)

    def word() -> str:
        return rng.choice("BDFGKLMNPRSTVZ") + "".join(rng.choice(string.ascii_lowercase) for _ in range(7))

    people = []
    for i in range(n):
        name = f"{word()} {word()}"
        actor_id = stable_id("actor", "made-up", i)
        text = f"{name} spoke."
        people.append(
            Article(
                id=stable_id("art", "made-up", i),
                text=text,
                source=Source(f"made-up-{i}.txt", "text/plain", stable_id("sha", "made-up", i), raw=text.encode()),
                published=date(2021, 9, 1),
                actors=(Actor(actor_id, name, "PERSON"),),
                mentions=(Mention(Span(0, len(name)), "PERSON", actor_id),),
            )
        )
    return people


def demo_articles(workdir: Path) -> list[Article]:
    path = str(workdir / "demo.db")
    with wirescope.open_store(path) as store:
        ingest(read_paths([str(DEMO)]), store)
        return [store.article(i) for i in store.article_ids()]


def time_batches(url: str, size: int, articles: list[Article], batch: int) -> list[float]:
    with wirescope.open_store(url) as store:
        people = made_up_people(size)
        for start in range(0, len(people), 5000):
            store.save_many(people[start : start + 5000])
        store.link_actors()
        seconds = []
        for start in range(0, len(articles), batch):
            for article in articles[start : start + batch]:
                store.save(article, link=False)
            began = time.perf_counter()
            store.link_actors()
            seconds.append(time.perf_counter() - began)
        return seconds


def print_row(backend: str, size: int, times: list[float]) -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"| {backend} | {size:,} | {len(times)} | {median:.1f} | {worst:.1f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--batch", type=int, default=3)
    parser.add_argument("--postgres", help="a PostgreSQL URL to run the same against (a scratch schema is used)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        articles = demo_articles(workdir)
        print(f"{len(articles)} demo articles, {args.batch} a batch; link time per batch (ms)")
        print("| backend | stored people | batches | median ms | max ms |")
        print("|---|---|---|---|---|")
        for size in args.sizes:
            print_row("sqlite", size, time_batches(str(workdir / f"people-{size}.db"), size, articles, args.batch))
            if args.postgres:
                from wirescope.store.scratch import scratch_schema

                with scratch_schema(args.postgres, "bench") as url:
                    print_row("postgresql", size, time_batches(url, size, articles, args.batch))


if __name__ == "__main__":
    main()
