"""Which stored actors are one actor across articles: the rules, decided from the stored set alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirescope.resolve.actors import StoredActor, blocking_keys, cross_article_merges, ids_needing_details


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


POOL = [
    ("Fahim Dashti", "PERSON", ()),
    ("Faheem Dashti", "PERSON", ()),
    ("Dashti", "PERSON", ()),
    ("Ahmad Massoud", "PERSON", ()),
    ("Ahmad Shah Massoud", "PERSON", ()),
    ("Massoud", "PERSON", ()),
    ("Ahmad", "PERSON", ()),
    ("Zabihullah Mujahid", "PERSON", ()),
    ("Zabiullah Mujahed", "PERSON", ()),
    ("Mujahid", "PERSON", ()),
    ("National Resistance Front", "ORG", ("NRF",)),
    ("National Resistance Front of Afghanistan", "ORG", ()),
    ("NRF", "ORG", ()),
    ("N.R.F.", "ORG", ()),
    ("United Nations", "ORG", ("UN",)),
    ("UN", "ORG", ()),
    ("Taliban", "ORG", ()),
]


@given(
    st.lists(st.sampled_from(range(len(POOL))), unique=True, max_size=12),
    st.lists(st.sampled_from(range(len(POOL))), unique=True, max_size=4),
    st.lists(
        st.sets(st.sampled_from(["leader", "commander", "spokesman", "nrf"]), max_size=2), min_size=17, max_size=17
    ),
)
def test_deciding_only_among_actors_sharing_a_key_gives_the_whole_set_answer(stored, new, roles):
    def actor(i: int, copy: str) -> StoredActor:
        name, type_, aliases = POOL[i]
        return person(f"{copy}{i}", name, roles[i], mentions=i % 3, type_=type_, aliases=aliases)

    before = [actor(i, "s") for i in stored]
    added = [actor(i, "n") for i in new]
    after = before + added
    keys = {a.id: blocking_keys(a.name, a.type, a.aliases) for a in after}
    queued = set().union(*(keys[a.id] for a in added)) if added else set()
    touched = [a for a in after if keys[a.id] & queued]
    context_keys = set().union(*(keys[a.id] for a in touched)) if touched else set()
    context = [a for a in after if keys[a.id] & context_keys]
    whole, old, local = cross_article_merges(after), cross_article_merges(before), cross_article_merges(context)
    for a in after:
        if a in touched:
            assert local.get(a.id) == whole.get(a.id), a.name
        elif a in before:
            assert old.get(a.id) == whole.get(a.id), f"{a.name}: changed although it shares no key with the batch"
