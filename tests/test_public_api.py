"""The public surface is `wirescope.__all__`, and everything in it exists and works."""

from __future__ import annotations

import subprocess
import sys

import pytest

import wirescope
from wirescope.annotate import Pipeline, annotator
from wirescope.errors import ConfigError


def test_all_names_exist():
    assert [name for name in wirescope.__all__ if not hasattr(wirescope, name)] == []


def test_process_returns_an_article_whose_spans_slice_its_text():
    article = wirescope.process(
        "<html><body><article><p>Taliban fighters entered Bazarak on Monday, "
        "the group's spokesman Zabihullah Mujahid said in Kabul.</p></article></body></html>",
        published="2021-09-06",
        url="https://news.example/a",
    )
    assert article.source.content_type == "text/html" and article.url == "https://news.example/a"
    assert article.mentions
    for mention in article.mentions:
        assert article.text_of(mention.span).strip()


# Text given as is: an evaluation scores our spans against gold offsets into this very string.
AS_GIVEN = (
    "  KABUL, Aug 16 -- Taliban fighters attacked a police post in Kandahar on Monday, "
    "officials said.\n\n   Two policemen were killed, the ministry said.\n"
)


def test_process_as_given_keeps_every_offset_of_the_input():
    article = wirescope.process(AS_GIVEN, published="2021-08-16", clean=False)
    assert article.text == AS_GIVEN and not article.repairs and not article.removed
    assert [article.text_of(p).strip() for p in article.paragraphs] == [part.strip() for part in AS_GIVEN.split("\n\n")]
    assert article.events and article.times and article.places
    spans = [e.evidence for e in article.events] + [t.span for t in article.times] + [m.span for m in article.mentions]
    assert all(0 <= s.start < s.end <= len(AS_GIVEN) for s in spans)
    assert "Kandahar" in {article.text_of(m) for p in article.places for m in p.mentions}


def test_process_cleans_by_default_and_the_spans_index_the_clean_text():
    article = wirescope.process(AS_GIVEN, published="2021-08-16")
    assert article.text != AS_GIVEN
    assert all(article.text_of(t.span) in article.text for t in article.times)


def test_process_many_batches_and_keeps_the_input_order():
    texts = ["Police arrested two men in Kandahar on Friday.", ("Gunmen killed a policeman yesterday.", "2021-09-01")]
    articles = list(wirescope.process_many(texts))
    assert [a.text for a in articles] == [texts[0], texts[1][0]]
    assert articles[1].published.isoformat() == "2021-09-01"
    assert [t.value for t in articles[1].times] == ["2021-08-31"]


def test_records_gives_the_jsonl_contract_by_kind():
    article = wirescope.process(AS_GIVEN, published="2021-08-16", clean=False)
    recs = wirescope.records(article)
    assert set(recs) == {"articles", "actors", "quotes", "events", "event_records", "times", "places"}
    assert recs["articles"][0]["text"] == AS_GIVEN
    for quote in recs["quotes"]:
        assert AS_GIVEN[quote["start"] : quote["end"]] == quote["text"]
    assert {e["article_id"] for e in recs["events"]} == {article.id}
    assert {e["article_id"] for e in recs["event_records"]} == {article.id}
    assert {m for r in recs["event_records"] for m in r["mentions"]} == {e["id"] for e in recs["events"]}


def test_open_store_creates_a_sqlite_file(tmp_path):
    with wirescope.open_store(str(tmp_path / "x.db")) as store:
        assert store.counts()["articles"] == 0
    assert (tmp_path / "x.db").exists()


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "wirescope", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout


def test_a_pipeline_that_needs_what_nothing_added_is_refused():
    @annotator("needs-quotes", requires=("quotes",), adds=("claims",))
    def needs_quotes(article):
        return article

    with pytest.raises(ConfigError, match="requires \\['quotes'\\]"):
        Pipeline([needs_quotes])
