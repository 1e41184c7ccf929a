"""A contested point retold by many outlets: the report shows each side by a few of its claimants
and says how many more claims stand on it; the sides still count every story."""

from __future__ import annotations

import re

import pytest

import wirescope
from tests.query.see_fixtures import hand_article
from wirescope.query.browse import Filters
from wirescope.query.claims import ClaimFilter, contested
from wirescope.query.desk import CLAIMS_PER_SIDE
from wirescope.query.report import render_report
from wirescope.resolve.claims import resolve_claims
from wirescope.store import open_store
from wirescope.store.synthetic import variant

OUTLETS = 15  # copies of the hand article's asserted and denied claim, each with its own claimant ids


def test_each_side_shows_a_few_claimants_and_counts_the_rest(tmp_path):
    with open_store(str(tmp_path / "retold.db")) as store:
        store.save_many([variant(hand_article(), n) for n in range(OUTLETS)])
        (group,) = resolve_claims(store, embed=None)
        assert len(group.claim_ids) == 2 * OUTLETS
        assert len(group.links) < 2 * OUTLETS  # a spanning set, not every pair
        html = render_report(store, Filters(place="Charikar"), "html")
        md = render_report(store, Filters(place="Charikar"), "md")
    section = html.split('id="contested"')[1].split("</section>")[0]
    assert section.count("Says so:") == CLAIMS_PER_SIDE and section.count("Denies:") == CLAIMS_PER_SIDE
    assert section.count(f"and {OUTLETS - CLAIMS_PER_SIDE} more claims on this side") == 2
    assert re.findall(r"Side \d: (\d+) independent stories", section) == [str(OUTLETS)] * 2
    assert md.count(f"- and {OUTLETS - CLAIMS_PER_SIDE} more claims on this side") == 2


@pytest.fixture(scope="module")
def demo_articles(demo_db):
    with wirescope.open_store(demo_db) as store:
        return list(store.articles())


def test_the_best_backed_few_are_read_a_page_at_a_time_and_are_the_first_of_all(any_store, demo_articles):
    for article in demo_articles:
        any_store.save(article, link=False)
    resolve_claims(any_store, embed=None)
    whole = contested(any_store)
    assert len(whole) >= 2
    for limit in range(1, len(whole) + 1):
        assert contested(any_store, limit=limit) == whole[:limit]
    panjshir = ClaimFilter(place="Panjshir")
    assert contested(any_store, panjshir, limit=1) == contested(any_store, panjshir)[:1]
    ranked = any_store.ranked_contested(len(whole))
    assert [p["id"] for p in ranked] == [p["id"] for p in whole]
    assert [p["stories"] for p in ranked] == [sum(s["stories"] for s in p["sides"]) for p in whole]
