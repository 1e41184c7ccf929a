"""The local runner: documents in, cleaned, annotated in batches, each stored in one transaction.

A document that fails is reported as Rejected with its reason and the batch goes on. Nothing is
half-written: an article is either stored whole (with every annotation) or not at all.

While a batch is stored and resolved across articles (the store's writes and the sentence
encoder, which leave the interpreter free while SQLite, PostgreSQL or onnxruntime work), the next
batch is cleaned and annotated: one writer thread takes the batches in order, so the store sees
the same writes in the same order as when each batch waited for the last. Cleaning and annotation
stay in the main thread, where the per-document time budget (SIGALRM) can interrupt them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from wirescope.annotate import Pipeline, build_pipeline
from wirescope.annotate.embeddings import encode
from wirescope.clean import clean
from wirescope.clean.language import ENGLISH
from wirescope.errors import AnnotatorError, DocumentTooSlow, Rejected, WirescopeError
from wirescope.record import Article
from wirescope.resolve.claims import resolve_claim_batch
from wirescope.run.budget import time_budget
from wirescope.settings import Settings
from wirescope.sources.document import RawDocument
from wirescope.store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # article ids
    rejected: list[Rejected] = field(default_factory=list)
    not_annotated: list[str] = field(default_factory=list)  # ids of stored articles not in English

    @property
    def ok(self) -> bool:
        return not self.rejected


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _clean_or_reject(doc: RawDocument | Rejected, max_bytes: int, budget: float = 0) -> Article | Rejected:
    if isinstance(doc, Rejected):
        return doc
    try:
        with time_budget(budget, doc.uri, "document to clean"):
            return clean(doc, max_bytes)
    except WirescopeError as exc:
        return Rejected(doc.uri, getattr(exc, "reason", str(exc)))
    except Exception as exc:  # a bug in a cleaner must not stop the batch; say what it was
        return Rejected(doc.uri, f"cannot clean: {exc.__class__.__name__}: {exc}")


def annotate_batch(pipeline: Pipeline, articles: list[Article], budget: float = 0) -> list[Article | Rejected]:
    """Annotate a batch; if one article breaks it (or the batch outruns its articles' budgets
    added up), redo them one by one, each within its own budget, to isolate that one."""
    try:
        with time_budget(budget * len(articles), "batch", "batch"):
            return list(pipeline.pipe(articles))
    except Exception:
        return [_annotate_one(pipeline, article, budget) for article in articles]


def _annotate_one(pipeline: Pipeline, article: Article, budget: float) -> Article | Rejected:
    try:
        with time_budget(budget, article.source.uri, "document to annotate"):
            return pipeline(article)
    except (AnnotatorError, DocumentTooSlow) as exc:
        return Rejected(article.source.uri, getattr(exc, "reason", str(exc)))


def ingest(
    documents: Iterable[RawDocument | Rejected],
    store: Store,
    settings: Settings = Settings(),
    pipeline: Pipeline | None = None,
    on_done: Callable[[Article | Rejected], None] | None = None,
) -> IngestReport:
    pipeline = pipeline or build_pipeline(settings)
    report = IngestReport()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirescope-writer") as writer:
        storing: Future | None = None
        for chunk in _batches(documents, settings.batch_size):
            prepared = prepare_batch(chunk, pipeline, settings)
            if storing:
                storing.result()  # the last batch is stored (or its error is raised) before the next
            storing = writer.submit(store_batch, store, pipeline, prepared, settings, report, on_done)
            if store.one_connection:  # the in-memory store: its one connection, one user at a time
                storing.result()
        if storing:
            storing.result()
    return report


@dataclass
class PreparedBatch:
    """A batch cleaned and annotated, in input order: what the writer stores."""

    rejected: list[Rejected]  # by the cleaner
    annotated: list[Article | Rejected]  # English articles (or their rejection by an annotator)
    unannotated: list[Article]  # articles in a language with no pipeline yet


def prepare_batch(chunk: list, pipeline: Pipeline, settings: Settings) -> PreparedBatch:
    cleaned = [_clean_or_reject(doc, settings.max_bytes, settings.doc_timeout) for doc in chunk]
    articles = [c for c in cleaned if isinstance(c, Article)]
    english = [a for a in articles if a.language == ENGLISH]
    return PreparedBatch(
        rejected=[c for c in cleaned if isinstance(c, Rejected)],
        annotated=annotate_batch(pipeline, english, settings.doc_timeout),
        unannotated=[a for a in articles if a.language != ENGLISH],
    )


def store_batch(
    store: Store,
    pipeline: Pipeline,
    batch: PreparedBatch,
    settings: Settings,
    report: IngestReport,
    on_done: Callable[[Article | Rejected], None] | None,
) -> None:
    """Store a batch article by article, then resolve it across articles (actors, events, claims)."""
    results: list[Article | Rejected] = list(batch.rejected)
    results += [_save(store, item, pipeline) if isinstance(item, Article) else item for item in batch.annotated]
    results += [_save_unannotated(store, a) for a in batch.unannotated]
    link_batch(store, results)
    resolve_batch(store, results, settings.embed_threads)
    resolve_claim_batch(store, [item for item in results if isinstance(item, Article)], encode)
    for item in results:
        record_result(report, item, on_done)


def record_result(report: IngestReport, item: Article | Rejected, on_done) -> None:
    """Count a stored or rejected document and tell the caller (the CLI prints rejections)."""
    if isinstance(item, Rejected):
        report.rejected.append(item)
    else:
        report.stored.append(item.id)
        if item.language != ENGLISH:
            report.not_annotated.append(item.id)
    if on_done:
        on_done(item)


def _save(store: Store, article: Article, pipeline: Pipeline) -> Article | Rejected:
    """Store one article; actors are linked across articles once per batch (`link_batch`)."""
    try:
        store.save(article, [f"{s.name}@{getattr(s, 'version', '1')}" for s in pipeline.steps], link=False)
        return article
    except WirescopeError as exc:
        return Rejected(article.source.uri, str(exc))


def _save_unannotated(store: Store, article: Article) -> Article | Rejected:
    """Store an article in a language with no pipeline yet: its clean text, language and metadata,
    with an empty pipeline list, which is what marks it as not annotated. English facts read off
    another language are garbage (an Arabic speech verb taken for a PERSON), so none are made."""
    try:
        store.save(article, [], link=False)
        return article
    except WirescopeError as exc:
        return Rejected(article.source.uri, str(exc))


def link_batch(store: Store, results: list[Article | Rejected]) -> None:
    """After a batch is stored, link its actors to the registry. Linking is recomputed from the
    whole store, so a crash before it loses nothing: the next batch or run links everything."""
    if any(isinstance(item, Article) for item in results):
        store.link_actors()


LEFT_OVER_BATCH = 50  # stored-but-unresolved articles read back and resolved together


def resolve_batch(store: Store, results: list[Article | Rejected], threads: int = 1) -> None:
    """After a batch is stored, resolve its events against the stored ones: one event, many
    reports (resolve/events.py, store/event_links.py). Only indexed candidates are compared.
    Articles an earlier run stored but did not resolve (it was killed in between) are read back
    from the store and resolved after it, a few at a time."""
    from wirescope.resolve.event_reports import reports_of

    stored = [item for item in results if isinstance(item, Article)]
    if not stored:
        return
    store.resolve_events([a.id for a in stored], [r for a in stored for r in reports_of(a, threads)])
    # Read back a few at a time: after migration 16 every stored article waits here once.
    for ids in _batches(store.awaiting_resolution(), LEFT_OVER_BATCH):
        articles = list(store.articles(ids))
        store.resolve_events(ids, [r for a in articles for r in reports_of(a, threads)])
