"""Claims in one article: attributed propositions with claimant, cue, stance and evidence.

The seed (../shared/seed) is the specification: Mujahid's two claims about Panjshir take opposite
stances toward fighting there, and the NRF says no one can conquer the valley."""

from __future__ import annotations

import pytest

import wirescope
from wirescope.record import Span


def spans_of(claim):
    parts = [claim.span, claim.cue, claim.stance_evidence, claim.time_evidence, claim.count_evidence]
    parts += [p.span for p in (claim.claimant, claim.subject, claim.object, claim.place) if p is not None]
    return [s for s in parts if s is not None]


def by(article, name):
    return [c for c in article.claims if c.claimant is not None and c.claimant.name == name]


def test_mujahid_claims_fighting_in_panjshir_then_denies_it(seed_article):
    fighting = [c for c in by(seed_article, "Zabihullah Mujahid") if c.predicate == "fighting"]
    about_panjshir = [c for c in fighting if c.place is not None and c.place.name.startswith("Panjshir")]
    stances = {seed_article.text_of(c.span): c.stance for c in about_panjshir}
    assert stances == {
        "The enemy is under siege in Panjshir": "asserts",
        "there had been no exchange of gunfire yet": "denies",
    }
    denial = next(c for c in about_panjshir if c.stance == "denies")
    assert seed_article.text_of(denial.stance_evidence) == "no"
    assert seed_article.text_of(denial.cue) == "told"
    siege = next(c for c in about_panjshir if c.stance == "asserts")
    assert seed_article.text_of(siege.cue) == "tweeted"
    assert seed_article.text_of(siege.place.span) == "Panjshir"


def test_the_nrf_says_no_one_can_conquer_the_valley(seed_article):
    nrf = [
        c
        for c in seed_article.claims
        if c.claimant and c.claimant.name in ("Ali Nazary", "National Resistance Front of Afghanistan")
    ]
    conquest = [c for c in nrf if c.kind == "control"]
    assert len(conquest) == 1
    claim = conquest[0]
    assert claim.stance == "denies"
    assert claim.place is not None and claim.place.name == "Panjshir Valley"
    assert "conquer" in seed_article.text_of(claim.span)
    speaker = seed_article.actor(claim.claimant.actor_id)
    assert any(r.relation == "member_of" for r in speaker.relations)  # Nazary speaks for the NRF


def test_every_claim_span_re_verifies_against_the_clean_text(seed_article):
    text = seed_article.text
    for claim in seed_article.claims:
        for span in spans_of(claim):
            assert 0 <= span.start < span.end <= len(text), (claim, span)
        if claim.claimant is not None:
            assert text[claim.claimant.span.start : claim.claimant.span.end].strip(), claim


def test_every_claimant_is_a_known_actor(seed_article):
    for claim in seed_article.claims:
        assert claim.claimant is None or seed_article.actor(claim.claimant.actor_id) is not None


def test_narration_that_attributes_nothing_makes_no_claim():
    article = wirescope.process("Taliban fighters captured Bazarak on Monday.", published="2021-09-06")
    assert article.claims == ()


def test_an_unfound_claimant_is_unattributed_never_the_nearest_name():
    article = wirescope.process(
        "Ahmad Massoud was in the valley. Sources said the Taliban had captured Bazarak.", published="2021-09-06"
    )
    capture = [c for c in article.claims if c.kind == "control"]
    assert capture and all(c.claimant is None for c in capture)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The Taliban said they had captured Bazarak.", "asserts"),
        ("The National Resistance Front denied that Bazarak had been captured.", "denies"),
        ("Western diplomats questioned whether the Taliban had captured Bazarak.", "questions"),
        ("Zabihullah Mujahid said there had been no fighting in Bazarak.", "denies"),
    ],
)
def test_stance_toward_the_proposition(text, stance):
    article = wirescope.process(text, published="2021-09-06")
    structured = [c for c in article.claims if c.kind != "statement"]
    assert structured, article.claims
    assert structured[0].stance == stance


def test_a_denial_of_a_claim_just_made_takes_its_proposition():
    article = wirescope.process(
        # the demo corpus's Wayfarer Herald, 2021-09-06
        "The Taliban said on Monday that they had taken full control of the Panjshir Valley, the last pocket "
        "of armed opposition to their rule, a claim that the National Resistance Front swiftly rejected. "
        "The NRF said on Twitter that its forces still held strategic positions across the valley.",
        published="2021-09-06",
    )
    control = [c for c in article.claims if c.kind == "control"]
    assert [(c.claimant.name, c.stance) for c in control] == [
        ("Taliban", "asserts"),
        ("National Resistance Front of Afghanistan", "denies"),
        ("National Resistance Front of Afghanistan", "asserts"),  # its forces hold the valley
    ]
    assert {c.place.name for c in control} == {"Panjshir Valley"}
    assert isinstance(control[1].span, Span) and "rejected" in article.text_of(control[1].span)


def test_a_statement_before_its_verb_of_declaring_is_no_claim_to_a_position():
    # MUC-4 DEV-MUC3-0355, reworded: "president" inside the reported words is no position claimed
    article = wirescope.process(
        "THE MEASURES ADOPTED BY THE GOVERNMENT OF PRESIDENT VIRGILIO BARCO WILL PERMIT THE POLICE "
        "TO CONFRONT THE WAVE OF VIOLENCE THAT HAS GRIPPED COLOMBIA, HE DECLARED."
    )
    assert [c for c in article.claims if c.predicate == "holds"] == []
