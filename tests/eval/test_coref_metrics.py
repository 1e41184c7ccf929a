"""MUC, B-cubed and CEAF-e against figures worked out by hand, and their edge cases."""

from __future__ import annotations

import pytest

from wirescope.eval.coref_metrics import as_clusters, b_cubed, ceaf_e, muc, score

# Key {a b c} {d e f g}; response {a b} {c d} {f g h i}: the response misses e and adds h and i.
KEY = as_clusters(["abc", "defg"])
RESPONSE = as_clusters(["ab", "cd", "fghi"])


def test_muc_by_hand():
    # Recall: {a b c} is cut into 2 parts (3 - 2 = 1 link kept), {d e f g} into 3 ({d}, {e} missing,
    # {f g}): 1 link; 2 of 2 + 3 key links. Precision: {a b} 1 of 1, {c d} 0 of 1, {f g h i} is
    # {f g} + h + i: 1 of 3; 2 of 5.
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5) and s.precision == pytest.approx(2 / 5)


def test_b_cubed_by_hand():
    # Recall: a, b 2/3 each, c 1/3; d 1/4, e 0, f, g 2/4 each: (5/3 + 5/4) / 7 = 35/84.
    # Precision: a, b 2/2; c, d 1/2; f, g 2/4; h, i 0: 4 / 8.
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(35 / 84) and s.precision == pytest.approx(0.5)


def test_ceaf_e_by_hand():
    # phi4: {abc}~{ab} 4/5, {abc}~{cd} 2/5, {defg}~{cd} 2/6, {defg}~{fghi} 4/8. The best
    # one-to-one alignment is {abc}-{ab} and {defg}-{fghi}: 0.8 + 0.5 = 1.3 over 2 key and 3
    # response clusters.
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2) and s.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three_f1s():
    s = score(KEY, RESPONSE)
    assert s.conll == pytest.approx((s.muc.f1 + s.b3.f1 + s.ceaf_e.f1) / 3)
    assert s.muc.f1 == pytest.approx(0.4)


def test_a_perfect_response_scores_one_and_singletons_carry_no_muc_link():
    key = as_clusters(["ab", "c", "d"])
    s = score(key, key)
    assert (s.muc.f1, s.b3.f1, s.ceaf_e.f1) == (pytest.approx(1.0), pytest.approx(1.0), pytest.approx(1.0))
    only_singletons = as_clusters(["a", "b"])
    assert muc(only_singletons, only_singletons).recall == 0.0  # no links to find: 0/0 is reported as 0


def test_all_singletons_against_one_cluster():
    key = as_clusters(["abcd"])
    response = as_clusters(["a", "b", "c", "d"])
    assert muc(key, response).recall == 0.0
    assert b_cubed(key, response).recall == pytest.approx(0.25) and b_cubed(key, response).precision == 1.0
    assert ceaf_e(key, response).recall == pytest.approx(2 / 5) and ceaf_e(key, response).precision == pytest.approx(
        2 / 5 / 4
    )
