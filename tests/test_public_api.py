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
    article = wirescope.process("<html><body><article><p>Taliban fighters entered Bazarak on Monday, "
                                "the group's spokesman Zabihullah Mujahid said in Kabul.</p></article></body></html>",
                                published="2021-09-06", url="https://news.example/a")
    assert article.source.content_type == "text/html" and article.url == "https://news.example/a"
    assert article.mentions
    for mention in article.mentions:
        assert article.text_of(mention.span).strip()


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
