"""ECB+ read the standard way: the selected sentences, singletons kept, the URL sentence left out."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import EVAL, need_shared
from wirescope.eval.ecbplus import gold_clusters, within_documents
from wirescope.eval.ecbplus_data import DEV_TOPICS, TRAIN_TOPICS, read_split

ECB = EVAL / "coref-ecbplus"


@pytest.fixture(scope="module")
def dev():
    return read_split(need_shared(ECB), "dev")


def test_the_splits_hold_the_event_mentions_published_for_them(dev):
    # Barhom et al. (2019) report 3,808 train and 1,245 dev event mentions in the selected sentences.
    assert sum(len(d.events) for d in dev) == 1245
    assert sum(len(d.events) for d in read_split(ECB, "train")) == 3808
    assert not set(TRAIN_TOPICS) & set(DEV_TOPICS) and {d.topic for d in dev} == set(DEV_TOPICS)


def test_the_url_of_an_ecbplus_document_is_not_a_sentence(dev):
    plus = next(d for d in dev if d.subtopic == "ecbplus")
    assert 0 not in plus.sentences and "http" not in plus.text.split("\n")[0][:10]


def test_cross_document_clusters_span_documents_and_within_document_ones_do_not(dev):
    clusters = gold_clusters(dev)
    assert max(len({key[0] for key in c}) for c in clusters) > 5  # one event told by many documents
    assert all(len({key[0] for key in c}) == 1 for c in within_documents(clusters))
    sizes = Counter(len(c) for c in clusters)
    assert sizes[1] > 200  # singletons are kept


def test_an_unknown_split_says_which_exist():
    from wirescope.errors import EvalDataError

    with pytest.raises(EvalDataError, match="unknown ECB") as raised:
        read_split(need_shared(ECB), "test")
    assert "dev" in raised.value.hint and "train" in raised.value.hint
