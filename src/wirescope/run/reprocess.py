"""`wirescope reprocess`: the pipeline run again over the stored articles, from their stored input.

Each stored article's raw bytes are cleaned and annotated again, exactly as ingest would (the
metadata stored with it is given back, so a --published given at ingest is kept), and stored in
one transaction per article, replacing the old copy; human corrections are re-applied on the way
in (store/corrections.py). Running it twice stores the same record; after a crash, running it
again finishes the job: with `stale_only`, the articles already stored by this pipeline are
skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from wirescope.annotate import build_pipeline
from wirescope.record import Article
from wirescope.run.local import IngestReport, ingest
from wirescope.settings import Settings
from wirescope.sources.document import Metadata, RawDocument
from wirescope.store import Store


def stored_documents(store: Store, ids: list[str]) -> Iterator[RawDocument]:
    """The stored input of each article, as the document ingest read, one at a time."""
    for article_id in ids:
        a = store.article(article_id)
        meta = Metadata(title=a.title, url=a.url, publisher=a.publisher, published=a.published)
        yield RawDocument(a.source.uri, a.source.raw, meta, a.source.encoding)


def reprocess(
    store: Store,
    settings: Settings = Settings(),
    *,
    stale_only: bool = False,
    on_done: Callable[[Article | object], None] | None = None,
) -> IngestReport:
    """Re-run the pipeline over every stored article (or only those another pipeline stored)."""
    pipeline = build_pipeline(settings)
    ids = store.article_ids()
    if stale_only:
        current = [f"{s.name}@{getattr(s, 'version', '1')}" for s in pipeline.steps]
        stored = store.pipelines()
        ids = [i for i in ids if stored.get(i) not in (current, [])]
    return ingest(stored_documents(store, ids), store, settings, pipeline, on_done)
