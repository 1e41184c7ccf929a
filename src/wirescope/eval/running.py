"""Running wirescope over an evaluation set's texts, through the public API, one bad text at a time.

`wirescope.process_many` annotates a batch in one spaCy `pipe`; when an annotator fails on one
text the batch is annotated again one text at a time, so the failure costs that text only: it
is yielded as None, its error kept in `failures`, and the report prints it (a bug to report).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import wirescope
from wirescope.errors import ConfigError
from wirescope.record import Article
from wirescope.settings import Settings, load_settings

BATCH = 16


def annotate_all(
    items: Sequence[tuple[str, date | None]], ids: Sequence[str], failures: list[str]
) -> Iterator[Article | None]:
    """Articles for (text, published) items in order; the text is taken as given (spans index it)."""
    settings = load_settings()
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        try:
            yield from list(wirescope.process_many(batch, settings=settings))
        except ConfigError:
            raise  # a wrong setting is not one text's fault: stop and say so
        except Exception:  # one text broke the batch: find which, keep the others
            yield from one_by_one(batch, ids[start : start + BATCH], settings, failures)


def one_by_one(
    batch: Sequence[tuple[str, date | None]], ids: Sequence[str], settings: Settings, failures: list[str]
) -> Iterator[Article | None]:
    for (text, published), doc_id in zip(batch, ids, strict=True):
        try:
            yield wirescope.process(text, published=published, clean=False, settings=settings)
        except Exception as exc:  # any annotator bug; counted and shown, not hidden
            failures.append(f"{doc_id}: {type(exc).__name__}: {exc}")
            yield None
