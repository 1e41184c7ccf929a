"""Which stored actors are one actor across articles: the rules, decided from the stored set alone."""

from __future__ import annotations

import pytest

from wirescope.resolve.actors import StoredActor, cross_article_merges, ids_needing_details


def person(id_, name, roles=(), mentions=1, type_="PERSON", aliases=()):
    return StoredActor(id_, name, type_, tuple(aliases), frozenset(roles), mentions)


@pytest.mark.parametrize(
    "actors, expected",
    [
        # a single name and the one full name that has it
        ([person("a", "Fahim Dashti"), person("b", "Dashti")], {"b": "a"}),
        # two full names share it: kept apart, unless roles tell
        ([person("a", "Ahmad Massoud"), person("b", "Ahmad Shah Massoud"), person("c", "Massoud")], {}),
        (
            [
                person("a", "Ahmad Massoud", {"leader"}),
                person("b", "Ahmad Shah Massoud", {"commander"}),
                person("c", "Massoud", {"leader", "nrf"}),
            ],
            {"c": "a"},
        ),
        # two different full names sharing a surname are never merged
        ([person("a", "Ahmad Massoud"), person("b", "Ahmad Shah Massoud")], {}),
        # spelling variants of one full name join the most mentioned spelling
        ([person("a", "Fahim Dashti", mentions=5), person("b", "Faheem Dashti", mentions=1)], {"b": "a"}),
        # an acronym and the one organisation having it
        (
            [person("a", "National Resistance Front", type_="ORG", aliases=("NRF",)), person("b", "NRF", type_="ORG")],
            {"b": "a"},
        ),
    ],
)
def test_cross_article_merges(actors, expected):
    merges = cross_article_merges(actors)
    assert {k: m.into for k, m in merges.items()} == expected
    assert all(0 < m.confidence < 1 and m.reason for m in merges.values())


@pytest.mark.parametrize(
    "actors, needed",
    [
        ([person("a", "Fahim Dashti"), person("b", "Dashti")], set()),  # one candidate: no need to compare roles
        ([person("a", "Ahmad Massoud"), person("b", "Ahmad Shah Massoud"), person("c", "Massoud")], {"a", "b", "c"}),
        ([person("a", "Fahim Dashti"), person("b", "Faheem Dashti")], {"a", "b"}),
    ],
)
def test_the_store_reads_roles_and_counts_only_where_the_rules_compare_them(actors, needed):
    assert ids_needing_details(actors) == needed


def test_cross_article_merges_do_not_depend_on_order():
    actors = [person("a", "Fahim Dashti", mentions=2), person("b", "Dashti"), person("c", "Faheem Dashti")]
    assert cross_article_merges(actors) == cross_article_merges(list(reversed(actors)))
