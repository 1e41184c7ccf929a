"""A proposition retold by many outlets keeps about one link per claim, not one per pair, and its
sides and contradictions are those that judging and keeping every pair would give."""

from __future__ import annotations

from itertools import combinations

from wirescope.resolve.claims import Link, StoredClaim, group_claims, relation, sides


def _control(n: int, subject: str, stance: str = "asserts", day: str = "2021-09-06") -> StoredClaim:
    """The n-th outlet's report of who controls the valley."""
    return StoredClaim(
        id=f"claim_{subject[:3].lower()}_{stance}_{n:03d}",
        article_id=f"art_{subject[:3].lower()}_{n:03d}",
        text=f"{subject} controls the valley",
        stance=stance,
        kind="control",
        predicate="control",
        claimant_id=f"actor_spokesman_{subject[:3].lower()}",
        claimant_name=f"a {subject} spokesman",
        subject_id=f"actor_{subject.lower()}",
        subject_name=subject,
        place_name="Panjshir Valley",
        date=day,
    )


def _every_pair(claims: list[StoredClaim]) -> list[Link]:
    ordered = sorted(claims, key=lambda c: c.id)
    return [Link(a.id, b.id, *relation(a, b)) for a, b in combinations(ordered, 2)]


def _retold():
    """Forty outlets say the Taliban hold the valley, twelve that the resistance does, and five
    report the Taliban's claim three days later (only related: control changes)."""
    return (
        [_control(n, "Taliban") for n in range(40)]
        + [_control(n, "Resistance") for n in range(12)]
        + [_control(n, "Taliban", day="2021-09-09") for n in range(40, 45)]
    )


def test_a_proposition_told_by_many_outlets_keeps_a_link_per_claim_not_per_pair():
    claims = _retold()
    (group,) = group_claims(claims)
    assert len(group.claim_ids) == 57
    assert len(_every_pair(claims)) == 57 * 56 // 2
    # 39 + 11 + 4 agreements join the three sides, one contradiction sets the first two apart, one
    # related link joins the later reports: 56, one fewer than the claims.
    assert len(group.links) == 56


def test_the_kept_links_give_the_sides_every_pair_gives():
    claims = _retold()
    (group,) = group_claims(claims)
    kept = sides(claims, group.links)
    assert kept == sides(claims, _every_pair(claims))
    assert [len(s.claim_ids) for s in kept] == [40, 12, 5]  # three days on is another moment: related
    assert group.contested


def test_each_two_sides_in_contradiction_keep_one_contradiction_with_its_reason():
    claims = _retold()
    (group,) = group_claims(claims)
    contradictions = [x for x in group.links if x.relation == "contradicts"]
    assert len(contradictions) == 1
    assert contradictions[0].reason.startswith("two controllers of Panjshir Valley on one day")


def test_a_claim_only_related_to_the_rest_is_still_joined_to_its_proposition():
    claims = [_control(n, "Taliban") for n in range(3)] + [_control(9, "Taliban", day="2021-09-20")]
    (group,) = group_claims(claims)
    related = [x for x in group.links if x.relation == "related"]
    assert len(related) == 1 and "days apart" in related[0].reason
    assert len(group.links) == 3  # two agreements among the three, one related link to the late claim
