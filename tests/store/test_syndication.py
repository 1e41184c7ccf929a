"""Syndicated and lightly edited copies group into one story; different reports stay apart."""

from __future__ import annotations

import hashlib

import pytest

from wirescope.record import Article, Source, Span, stable_id
from wirescope.store.syndication import THRESHOLD, shingles, signature

REPORT = (
    "Taliban fighters entered the town of Gulbahar at the mouth of the Panjshir Valley on Tuesday, "
    "residents said, after a night of shelling from the surrounding hills. Resistance commanders "
    "told reporters that their forces had withdrawn to prepared positions further up the valley to "
    "spare civilians. A shopkeeper said that families had begun leaving before dawn, carrying what "
    "they could on foot, and that the main road north was closed by a checkpoint. The provincial "
    "hospital reported four wounded and asked for medicine. A spokesman for the movement said its "
    "fighters would not harm anyone who stayed in their homes, a promise residents met with doubt."
)
OTHER = (
    "The interim cabinet announced in Kabul on Tuesday includes no women and several men under "
    "international sanctions, diplomats noted. The acting prime minister promised an amnesty and "
    "said that foreign embassies could reopen, while the ministry for women's affairs was replaced "
    "by a ministry for the propagation of virtue. Donor governments said they would judge the new "
    "authorities by their deeds, and the central bank remained without access to its reserves."
)

THIRD = (
    "Aid agencies said on Wednesday that flights into the capital had resumed for relief cargo but "
    "that warehouses in the north were running low on flour and cooking oil. A coordinator for one "
    "agency said that staff were negotiating safe passage with local commanders district by district, "
    "and that women employees had been told to stay home until further notice. Prices of staple food "
    "in the markets had doubled since the start of the month, traders reported."
)


def light_edit(text: str) -> str:
    """What a republishing site does: new dateline, one sentence cut, a line of its own added."""
    sentences = text.split(". ")
    return (
        "GULBAHAR (Ridgeline Dispatch) - "
        + ". ".join(sentences[:3] + sentences[4:])
        + " Our correspondent adds detail."
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (REPORT, REPORT, True),
        (REPORT, light_edit(REPORT), True),
        (REPORT, REPORT.upper(), True),  # case is not a difference
        (REPORT, OTHER, False),
        (REPORT, REPORT[: len(REPORT) // 3], False),  # a third of a story is a teaser, not a copy
    ],
)
def test_near_duplicates_are_told_by_estimated_jaccard(a, b, same):
    assert (signature(a).jaccard(signature(b)) >= THRESHOLD) is same


def test_shingles_of_a_short_text_are_the_text_itself():
    assert shingles("Flag raised") == {"flag raised"}


def article(text: str, name: str) -> Article:
    raw = f"{name}\n{text}".encode()
    source = Source(f"{name}.txt", "text/plain", hashlib.sha256(raw).hexdigest(), "utf-8", raw)
    return Article(stable_id("art", name), text, source, publisher=name, paragraphs=(Span(0, len(text)),))


def test_copies_share_a_story_and_source_counts_count_reports(any_store):
    from wirescope.query import records

    courier, ridgeline, ledger = (
        article(REPORT, "courier"),
        article(light_edit(REPORT), "ridgeline"),
        article(OTHER, "ledger"),
    )
    for a in (courier, ledger, ridgeline):
        any_store.save(a)
    stories = {r["id"]: r["story_id"] for r in records(any_store, "articles")}
    assert stories[courier.id] == stories[ridgeline.id] != stories[ledger.id]
    assert any_store.counts()["articles"] == 3
    assert any_store.counts()["stories"] == 2


def test_the_story_id_does_not_depend_on_the_ingest_order(tmp_path):
    from wirescope.store import open_store

    items = [article(REPORT, "a"), article(light_edit(REPORT), "b"), article(OTHER, "c")]
    found = []
    for order in (items, items[::-1]):
        with open_store(str(tmp_path / f"{len(found)}.db")) as store:
            for a in order:
                store.save(a)
            found.append(store.story_ids())
    assert found[0] == found[1]


def test_an_article_that_bridges_two_stories_merges_them(any_store):
    # REPORT + OTHER and REPORT + THIRD are under the threshold to each other, but REPORT alone
    # is over it to both: the copy that arrives last joins the two stories into one.
    left, right, core = (
        article(REPORT + " " + OTHER, "left"),
        article(REPORT + " " + THIRD, "right"),
        article(REPORT, "core"),
    )
    any_store.save(left)
    any_store.save(right)
    before = any_store.story_ids()
    assert before[left.id] != before[right.id]
    any_store.save(core)
    assert len(set(any_store.story_ids().values())) == 1


def test_the_demo_corpus_syndicated_pair_is_one_story(tmp_path):
    """The demo corpus marks one article as a copy of another (`syndicated_of` in corpus.json)."""
    import json

    from tests.conftest import DEMO
    from wirescope.clean import clean
    from wirescope.sources import read_paths
    from wirescope.store import open_store

    meta = json.loads((DEMO.parent / "corpus.json").read_text(encoding="utf-8"))
    pairs = {m["file"]: m["syndicated_of"] for m in meta if m["syndicated_of"]}
    assert pairs, "the demo corpus should hold a syndicated pair"
    with open_store(str(tmp_path / "demo.db")) as store:
        by_file = {}
        for document in read_paths([str(DEMO)]):
            a = clean(document)
            store.save(a)
            by_file[document.uri.rsplit("/", 1)[-1]] = a.id
        stories = store.story_ids()
    for copy, original in pairs.items():
        assert stories[by_file[copy]] == stories[by_file[original]]
    assert len(set(stories.values())) == len(by_file) - len(pairs)
