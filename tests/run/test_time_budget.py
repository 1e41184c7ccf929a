"""A document over the per-document time budget is rejected with that reason; the batch goes on."""

from __future__ import annotations

import time

import wirescope
from wirescope.annotate import Pipeline, annotator
from wirescope.clean import clean
from wirescope.errors import DocumentTooSlow
from wirescope.run import ingest
from wirescope.run.budget import time_budget
from wirescope.settings import Settings
from wirescope.sources import RawDocument

SLOW_WORD = "Slowtown"


@annotator("slow_on_one", requires=("text",), adds=())
def slow_on_one(article):
    if SLOW_WORD in article.text:
        time.sleep(5)
    return article


def docs():
    return [
        RawDocument("fast-1.txt", b"Fighters held Kabul on Monday, officials said."),
        RawDocument("slow.txt", f"Fighters held {SLOW_WORD} on Monday, officials said.".encode()),
        RawDocument("fast-2.txt", b"Fighters left Bazarak on Tuesday, officials said."),
    ]


def test_document_over_the_time_budget_is_rejected_and_the_batch_goes_on():
    with wirescope.open_store("memory") as store:
        start = time.perf_counter()
        report = ingest(docs(), store, Settings(doc_timeout=0.5), pipeline=Pipeline([slow_on_one]))
        assert time.perf_counter() - start < 4
    assert [r.uri for r in report.rejected] == ["slow.txt"]
    assert "time budget" in report.rejected[0].reason
    assert len(report.stored) == 2


def test_time_budget_raises_document_too_slow_naming_the_document():
    try:
        with time_budget(0.2, "loop.txt"):
            while True:
                pass
    except DocumentTooSlow as exc:
        assert exc.uri == "loop.txt" and "0.2 s time budget" in exc.reason
    else:
        raise AssertionError("the budget did not stop the loop")


def test_zero_budget_means_no_limit():
    with time_budget(0, "x.txt"):
        time.sleep(0.05)
    assert clean(RawDocument("x.txt", b"Fighters held Kabul on Monday.")).text
