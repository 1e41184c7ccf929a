"""Corrections of claims, event records and cluster membership, through a real store.

The hand-annotated article of tests/query/see_fixtures.py is stored (SQLite, and PostgreSQL when
WIRESCOPE_TEST_POSTGRES_URL is set); "a machine run" is storing it again as ingest and reprocess do.
"""

from __future__ import annotations

import io

import pytest

from tests.query.see_fixtures import hand_article
from wirescope.corrections.kinds import BadValue
from wirescope.corrections.overlay import machine_article
from wirescope.query.browse import filtered
from wirescope.query.corrections import correct
from wirescope.query.event_records import write_acled_csv
from wirescope.store import open_store, schema

ARTICLE = hand_article()
PIPELINE = ["tests@1"]


@pytest.fixture
def store(any_store_url):
    with open_store(any_store_url) as s:
        s.save(ARTICLE, PIPELINE)
        yield s


def claims(store) -> dict[str, dict]:
    return {r["id"]: r for r in store.claim_rows()}


def records(store) -> list[dict]:
    return list(filtered(store, "event_records"))


def record_of(store, event_id: str) -> dict | None:
    return next((r for r in records(store) if event_id in r["mentions"]), None)


def acled(store) -> str:
    out = io.StringIO()
    write_acled_csv(records(store), out)
    return out.getvalue()


def test_a_claims_stance_set_by_a_reviewer_stands_over_a_machine_run(store):
    correct(store, "claim_test_denied", "set", "stance", "questions", author="ana")
    store.save(ARTICLE, PIPELINE)
    assert claims(store)["claim_test_denied"]["stance"] == "questions"
    (article,) = store.load([ARTICLE.id])
    assert machine_article(article).claims == ARTICLE.claims  # the machine's claims one undo away


def test_a_rejected_claim_leaves_the_store_and_a_new_claimant_gets_the_stored_actors_id(store):
    correct(store, "claim_test_asserted", "reject", reason="Karimi reports it, he does not claim it")
    correct(store, "claim_test_denied", "set", "claimant", "Ahmad Karimi")
    rows = claims(store)
    assert "claim_test_asserted" not in rows
    (article,) = store.load([ARTICLE.id])
    (denied,) = [c for c in article.claims if c.id == "claim_test_denied"]
    assert denied.claimant is not None and denied.claimant.name == "Ahmad Karimi" and denied.claimant.actor_id


def test_a_stance_outside_the_three_is_refused_saying_which_are(store):
    with pytest.raises(BadValue, match="stance must be one of asserts, denies, questions"):
        correct(store, "claim_test_denied", "set", "stance", "maybe")


def test_an_event_record_follows_the_corrected_modality_of_its_mention_into_the_acled_export(store):
    assert record_of(store, "event_test_claimed")["modality"] == "claimed"
    assert "event_test_claimed" not in acled(store) and acled(store).count("\n") == 1 + sum(
        r["happened"] for r in records(store)
    )
    before = acled(store).count("\n")
    correct(store, "event_test_claimed", "set", "modality", "asserted", reason="the video shows it")
    store.save(ARTICLE, PIPELINE)  # a machine run
    record = record_of(store, "event_test_claimed")
    assert (record["modality"], record["happened"], record["reviewed"]) == ("asserted", True, True)
    assert record["machine"]["modality"] == "claimed"
    assert acled(store).count("\n") == before + 1


def test_rejecting_an_events_only_mention_takes_its_record_out_of_listings_and_the_acled_export(store):
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    rows_with = acled(store).count("\n")
    correct(store, "event_test_claimed", "reject", reason="a denial, not an event")
    assert record_of(store, "event_test_claimed") is None
    assert acled(store).count("\n") == rows_with - 1
    (article,) = store.load([ARTICLE.id])
    assert machine_article(article).event_records == ARTICLE.event_records


def test_a_records_own_fields_are_corrected_and_its_own_correction_stands_over_its_mentions(store):
    rec = record_of(store, "event_test_claimed")
    correct(store, rec["id"], "set", "fatalities", "4", reason="the ministry's figure")
    correct(store, "event_test_claimed", "set", "modality", "asserted")
    correct(store, rec["id"], "set", "modality", "reported")
    store.save(ARTICLE, PIPELINE)
    record = record_of(store, "event_test_claimed")
    assert record["fatalities"]["normalized"] == 4 and record["modality"] == "reported"
    assert record["reviewed"] and record["machine"]["modality"] == "claimed"
    (article,) = store.load([ARTICLE.id])
    assert machine_article(article).event_records == ARTICLE.event_records


def machine_cluster(store, members: list[str]) -> None:
    """What a resolution run (store/event_links.py recluster) writes: the reports it linked, one cluster."""
    c = schema.event_clusters
    with store.engine.begin() as conn:
        conn.execute(c.delete().where(c.c.event_id.in_(members)))
        conn.execute(c.insert(), [{"event_id": e, "cluster_id": f"evc_machine_{min(members)}"} for e in members])


def test_a_report_taken_out_of_its_cluster_stays_out_after_the_next_resolution(store):
    from wirescope.store.event_links import apply_cluster_corrections

    claimed, negated = (record_of(store, e)["id"] for e in ("event_test_claimed", "event_test_negated"))
    both = sorted([claimed, negated])
    machine_cluster(store, both)
    # Named by one of its mentions: clusters hold event records, and the mention stands for its record.
    c = correct(store, "event_test_negated", "set", "cluster", "", reason="another clash")
    assert c.kind == "cluster" and c.annotation_id == negated and c.machine == f"evc_machine_{both[0]}"
    clusters = store.event_clusters(both)
    assert clusters[claimed] != clusters[negated]
    machine_cluster(store, both)  # the next resolution run links them again
    with store.engine.begin() as conn:
        apply_cluster_corrections(conn)  # as resolve_reports ends
    clusters = store.event_clusters(both)
    assert clusters[claimed] != clusters[negated]
    assert store.cluster_members(clusters[negated])[0] == [negated]


def test_a_report_put_into_another_cluster_joins_it_named_by_its_smallest_member(store):
    claimed, negated = (record_of(store, e)["id"] for e in ("event_test_claimed", "event_test_negated"))
    correct(store, negated, "set", "cluster", "event_test_claimed")
    clusters = store.event_clusters([claimed, negated])
    assert clusters[claimed] == clusters[negated]
    members, _links = store.cluster_members(clusters[claimed])
    assert members == sorted([claimed, negated])
    with pytest.raises(BadValue, match="one of: set"):
        correct(store, negated, "reject", "cluster")


def test_a_claims_reviewed_stance_is_a_training_example_the_stance_trainer_reads(store, tmp_path):
    import json

    from wirescope.annotate.claims.train import correction_pairs
    from wirescope.query.corrections import export_corrections

    correct(store, "claim_test_denied", "set", "stance", "questions")
    correct(store, "claim_test_asserted", "confirm")
    lines = [x for x in export_corrections(store, "training") if x["task"] == "stance"]
    assert sorted(x["stance"] for x in lines) == ["agree", "discuss"]
    path = tmp_path / "training.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert sorted(p.label for p in correction_pairs(path)) == ["agree", "discuss"]
