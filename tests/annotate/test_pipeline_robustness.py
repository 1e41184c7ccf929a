"""Real articles that once broke an annotator go through the whole pipeline (regression tests)."""

from __future__ import annotations

import pytest

import wirescope
from tests.conftest import EVAL, need_shared

TRAIN = EVAL / "quotes-polnear" / "data" / "train" / "text"


@pytest.mark.parametrize(
    "name, bug",
    [
        (
            "breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt",
            "reported content ran past the parser's sentence",
        ),
        (
            "breitbart_2016-08-11_if-you-re-not-voting-for-trump-y.txt",
            "reported content ran past the parser's sentence",
        ),
        (
            "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
            "a role phrase held only part of an organisation",
        ),
        ("huff-post_2016-04-27_why-does-israel-refuse-to-recogn.txt", "an event dated to a decade written '198'"),
    ],
)
def test_article_that_broke_an_annotator_is_annotated(name, bug):
    text = (need_shared(TRAIN) / name).read_text(encoding="utf-8")
    article = wirescope.process(text)
    for quote in article.quotes:
        assert 0 <= quote.span.start < quote.span.end <= len(article.text), bug


def test_a_failing_annotator_is_named_in_the_error(tmp_path):
    from wirescope.annotate import Pipeline, annotator
    from wirescope.errors import AnnotatorError

    @annotator("broken", requires=("text",), adds=())
    def broken(article):
        raise KeyError("boom")

    with pytest.raises(AnnotatorError, match="annotator 'broken' failed: KeyError"):
        Pipeline([broken])(wirescope.process("Fighting was reported near Kabul on Monday, officials said."))
