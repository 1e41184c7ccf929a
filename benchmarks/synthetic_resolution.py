"""Event clusters, propositions and wire stories for a bulk-loaded store of synthetic variants.

`Store.save_many` (the bulk write path scale.py and report_scale.py load with) resolves nothing,
so a synthetic store of 1M events has no event clusters, no propositions and no syndicated
copies: the report then reads its fallbacks, and what clusters and contested claims cost at that
size is not measured. `resolve(store)` gives such a store what runs would have left:

- **Event clusters**: every stored variant's event records are resolved with
  `Store.resolve_events`, 500 articles at a time in the order of their variant number, as a run
  resolves each stored batch. A variant's reports are those of the first variant of the same demo
  article (read back once and embedded once: the vectors are a pure function of the words, which
  a variant keeps), under the variant's own record ids, on the day of its place in a steady stream
  of coref_scale.DAILY articles a day (coref_scale.py explains why: the blocks then hold as many
  reports at 1M as at 1k).
- **Propositions**: the claims of each stream day's articles are grouped by the real grouping
  (resolve/claims.py `group_claims`, each claim with the vector of the claim it copies) and all
  are written with `Store.save_propositions`. The store's own incremental claim resolution would
  find every copy of a claim in the whole store (a variant keeps its article's words), one
  proposition of thousands of copies, which no real store holds; a day is what one news cycle's
  reports of one story look like.
- **Wire stories**: every STORY_COPIES consecutive variants of one demo article are one story
  (the later ones its syndicated copies), so that stories and articles are not the same count.

Variants are found by their source uri (store/synthetic.py: ``variant-N-URI``); ids follow
synthetic.py's scheme, and `resolve` checks it against the stored rows before it writes anything.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections import defaultdict
from datetime import timedelta

import numpy as np
from benchmarks.coref_scale import DAILY, START, days_around
from sqlalchemy import bindparam, func, select, update

from wirescope.annotate.embeddings import encode
from wirescope.record import stable_id
from wirescope.resolve.claims import from_row, group_claims, paraphrase_text
from wirescope.resolve.event_reports import reports_of
from wirescope.resolve.events import EventReport
from wirescope.store import claim_links, schema

CHUNK = 500  # variants resolved together, as one stored batch of a bulk run
STORY_COPIES = 3  # consecutive copies of one demo article that are one wire story
_VARIANT = re.compile(r"^variant-(\d+)-(.*)$")


@dataclasses.dataclass(frozen=True)
class Variant:
    n: int  # its place in the stream: copy k of the i-th demo article (by uri) is k * 11 + i
    article_id: str
    original: str  # the uri of the demo article it copies


def stored_variants(store) -> list[Variant]:
    """Every stored variant, copy by copy as the bulk load wrote them (within one copy number, by
    uri). The uri holds the copy's number k (`variant(article, k)`), shared by the k-th copies of
    every demo article; a variant's place is k times the number of demo articles plus its
    article's place among them, so a stream day holds coref_scale.DAILY articles."""
    found = []
    with store.engine.connect() as conn:
        for article_id, uri in conn.execute(select(schema.articles.c.id, schema.articles.c.uri)):
            match = _VARIANT.match(uri)
            if match:
                found.append((int(match.group(1)), match.group(2), article_id))
    originals = sorted({uri for _, uri, _ in found})
    place = {uri: i for i, uri in enumerate(originals)}
    return sorted(
        (Variant(k * len(originals) + place[uri], article_id, uri) for k, uri, article_id in found), key=lambda v: v.n
    )


def stream_day(n: int) -> str:
    return (START + timedelta(days=n // DAILY)).isoformat()


def first_variants(variants: list[Variant]) -> dict[str, Variant]:
    """The first variant of each demo article: its reports and claims are read and embedded once."""
    first: dict[str, Variant] = {}
    for v in variants:
        first.setdefault(v.original, v)
    return first


def base_reports(store, first: dict[str, Variant]) -> dict[str, dict[int, EventReport]]:
    """Each demo article's reports with their vectors, by the position of their event record."""
    base = {}
    for uri, v in first.items():
        article = next(iter(store.articles([v.article_id])))
        position = {r.id: i for i, r in enumerate(article.event_records)}
        if any(r.id != stable_id("rec", v.article_id, i) for i, r in enumerate(article.event_records)):
            raise SystemExit(f"{uri}: event record ids do not follow store/synthetic.py's scheme")
        base[uri] = {position[r.id]: r for r in reports_of(article)}
    return base


def copied_reports(base: dict[int, EventReport], v: Variant) -> list[EventReport]:
    day = stream_day(v.n)
    return [
        dataclasses.replace(
            r,
            id=stable_id("rec", v.article_id, i),
            document=v.article_id,
            day=day,
            times=days_around(day) if r.times else frozenset(),
        )
        for i, r in sorted(base.items())
    ]


def resolved_articles(store) -> set[str]:
    """Articles whose event reports are stored: a resolution stopped half-way goes on from there."""
    with store.engine.connect() as conn:
        return set(conn.scalars(select(schema.event_reports.c.article_id).distinct()))


def resolve_events(store, variants: list[Variant], base: dict[str, dict[int, EventReport]]) -> None:
    started = time.perf_counter()
    done = resolved_articles(store)
    variants = [v for v in variants if v.article_id not in done]
    print(f"  events: {len(done):,} articles resolved before, {len(variants):,} to go", flush=True)
    for at in range(0, len(variants), CHUNK):
        chunk = variants[at : at + CHUNK]
        store.resolve_events(
            [v.article_id for v in chunk], [r for v in chunk for r in copied_reports(base[v.original], v)]
        )
        if (at // CHUNK) % 20 == 0:
            print(f"  events: {at + len(chunk):,} articles resolved, {time.perf_counter() - started:.0f} s", flush=True)


def base_claim_vectors(store, first: dict[str, Variant]) -> dict[str, list[np.ndarray]]:
    """Each demo article's claim vectors, by claim position (a claim embedded alone, as resolution does)."""
    vectors = {}
    with store.engine.connect() as conn:
        for uri, v in first.items():
            claims = {r["id"]: from_row(r) for r in claim_links.claim_rows(conn, article_ids=[v.article_id])}
            ordered = []
            for i in range(len(claims)):
                claim = claims.get(stable_id("claim", v.article_id, i))
                if claim is None:
                    raise SystemExit(f"{uri}: claim ids do not follow store/synthetic.py's scheme")
                ordered.append(claim)
            vectors[uri] = list(encode([paraphrase_text(c) for c in ordered])) if ordered else []
    return vectors


def propositions(store, variants: list[Variant], base: dict[str, list[np.ndarray]]) -> int:
    """Group each stream day's claims; write every group at once. Returns how many were written."""
    by_day: dict[str, list[Variant]] = defaultdict(list)
    for v in variants:
        by_day[stream_day(v.n)].append(v)
    groups = []
    started = time.perf_counter()
    with store.engine.connect() as conn:
        for k, (_, day_variants) in enumerate(sorted(by_day.items())):
            rows = claim_links.claim_rows(conn, article_ids=[v.article_id for v in day_variants])
            claims = [from_row(r) for r in rows]
            vectors = {
                stable_id("claim", v.article_id, i): vector
                for v in day_variants
                for i, vector in enumerate(base[v.original])
            }
            groups += group_claims(claims, encode, vectors)  # every vector is given: encode is not called
            if k % 200 == 0:
                print(
                    f"  claims: {k + 1:,} days grouped, {len(groups):,} propositions, "
                    f"{time.perf_counter() - started:.0f} s",
                    flush=True,
                )
    store.save_propositions(groups)
    return len(groups)


def assign_stories(store, variants: list[Variant]) -> None:
    """Every STORY_COPIES consecutive variants of one demo article share the first one's story id."""
    copies: dict[str, list[Variant]] = defaultdict(list)
    for v in variants:
        copies[v.original].append(v)
    rows = [
        {"key": v.article_id, "story": stable_id("story", run[0].article_id)}
        for same in copies.values()
        for start in range(0, len(same), STORY_COPIES)
        for run in [same[start : start + STORY_COPIES]]
        for v in run
    ]
    a = schema.articles
    with store.engine.begin() as conn:
        conn.execute(update(a).where(a.c.id == bindparam("key")).values(story_id=bindparam("story")), rows)


def resolved_counts(store) -> dict[str, int]:
    """Event reports, clusters and propositions held (Store.counts does not count them)."""
    counted = {
        "event reports": select(func.count()).select_from(schema.event_reports),
        "event clusters": select(func.count(schema.event_clusters.c.cluster_id.distinct())),
        "propositions": select(func.count()).select_from(schema.propositions),
    }
    with store.engine.connect() as conn:
        return {name: conn.scalar(query) or 0 for name, query in counted.items()}


STAGES = ("stories", "events", "claims")


def resolve(store, stages: tuple[str, ...] = STAGES) -> None:
    """Write the stages asked for (wire stories, event clusters, propositions), in that order."""
    variants = stored_variants(store)
    first = first_variants(variants)
    print(f"{len(variants):,} variants of {len(first)} demo articles", flush=True)
    steps = {
        "stories": lambda: assign_stories(store, variants),
        "events": lambda: resolve_events(store, variants, base_reports(store, first)),
        "claims": lambda: print(f"  {propositions(store, variants, base_claim_vectors(store, first)):,} written"),
    }
    for stage in (s for s in STAGES if s in stages):
        started = time.perf_counter()
        steps[stage]()
        print(f"{stage}: {time.perf_counter() - started:.0f} s", flush=True)
