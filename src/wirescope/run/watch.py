"""Watching feeds: poll each on an interval, ingest only the entries not seen before.

Each poll is a conditional request (If-None-Match with the last ETag, If-Modified-Since with the
last Last-Modified), so an unchanged feed costs the server a 304 and us nothing. New entries are
fetched (when the feed carries only a teaser), annotated with a pipeline built once for the
whole watch, and stored; only then are they marked as seen, so a watch killed mid-poll ingests
them again on restart rather than never (storing an article again changes nothing).
An entry whose page could not be fetched is not marked, and is tried again at the next poll.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wirescope.annotate import Pipeline, build_pipeline
from wirescope.errors import DocumentError, Rejected
from wirescope.run.local import ingest
from wirescope.settings import Settings
from wirescope.sources.document import RawDocument
from wirescope.sources.feeds import entry_document, entry_metadata, parse_feed
from wirescope.sources.urls import Fetcher, FetchRefused
from wirescope.store import Store
from wirescope.store.feeds import load_state, save_state


@dataclass(frozen=True, slots=True)
class PollResult:
    feed: str
    status: str  # "new", "unchanged" (304 or nothing new) or "failed"
    stored: tuple[str, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    reason: str | None = None

    def __str__(self) -> str:
        if self.status == "failed":
            return f"{self.feed}: poll failed: {self.reason}"
        if self.status == "unchanged":
            return f"{self.feed}: nothing new"
        return f"{self.feed}: {len(self.stored)} new article(s) stored, {len(self.rejected)} failed"


def poll(
    feed_url: str,
    store: Store,
    fetcher: Fetcher,
    pipeline: Pipeline,
    settings: Settings,
    on_done: Callable | None = None,
) -> PollResult:
    """One conditional poll of one feed; new entries are ingested and then remembered."""
    state = load_state(store, feed_url)
    try:
        fetched = fetcher.get(feed_url, headers=state.conditional_headers())
    except FetchRefused as exc:
        return PollResult(feed_url, "failed", reason=str(exc))
    if fetched.status == 304:
        save_state(store, feed_url, state.etag, state.last_modified, ())
        return PollResult(feed_url, "unchanged")
    if fetched.status != 200:
        return PollResult(feed_url, "failed", reason=f"HTTP {fetched.status}")
    try:
        feed = parse_feed(fetched.body, feed_url)
    except DocumentError as exc:
        return PollResult(feed_url, "failed", reason=exc.reason)
    new = [e for e in feed.entries if e.key not in state.seen]
    planned = [entry_document(feed, e) or _page_of(feed, e, fetcher) for e in new]
    items = list(fetcher.resolve(planned))
    report = ingest(items, store, settings, pipeline, on_done)
    save_state(
        store,
        feed_url,
        fetched.etag,
        fetched.last_modified,
        [e.key for e, plan, item in zip(new, planned, items, strict=True) if not _fetch_failed(plan, item)],
    )
    if not new:
        return PollResult(feed_url, "unchanged")
    return PollResult(feed_url, "new", tuple(report.stored), tuple(report.rejected))


def _page_of(feed, entry, fetcher: Fetcher):
    if entry.link:
        return fetcher.deferred(entry.link, entry_metadata(feed, entry))
    return Rejected(f"{feed.uri}#{entry.key}", "feed entry has only a teaser and no link")


def _fetch_failed(plan, item) -> bool:
    """A page that could not be fetched now may be fetched at the next poll: it stays unseen."""
    return not isinstance(plan, (RawDocument, Rejected)) and isinstance(item, Rejected)


def watch(
    feeds: Iterable[str],
    store: Store,
    fetcher: Fetcher,
    settings: Settings = Settings(),
    interval: float = 900.0,
    polls: int | None = None,
    report: Callable[[PollResult], None] = print,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll every feed, then wait `interval` seconds, `polls` times (forever when None)."""
    feeds = list(feeds)
    pipeline = build_pipeline(settings)  # one pipeline, one model load, for the whole watch
    done = 0
    while polls is None or done < polls:
        for feed_url in feeds:
            report(poll(feed_url, store, fetcher, pipeline, settings))
        done += 1
        if polls is None or done < polls:
            sleep(interval)


__all__ = ["PollResult", "poll", "watch"]
