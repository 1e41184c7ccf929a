"""Exports, each read back by the reader its users have: csv, pyarrow, json, networkx (GEXF), followthemoney."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

import wirescope
from tests.query.see_fixtures import EVENTS, see_db  # noqa: F401 (see_db is a fixture)
from wirescope.query.browse import Filters, filtered
from wirescope.query.export import export

HAND = Filters(place="Charikar")  # the hand-annotated article is the one that names Charikar


@pytest.fixture(scope="module")
def store(see_db):  # noqa: F811 (the fixture imported above)
    with wirescope.open_store(see_db) as s:
        yield s


def exported(store, fmt: str, f: Filters = Filters(), kind: str = "events", only_happened: bool = True) -> str:
    out = io.StringIO()
    export(store, fmt, out, f, kind, only_happened)
    return out.getvalue()


def test_jsonl_is_web_annotations_whose_selectors_agree_with_the_text(store):
    annotations = [json.loads(line) for line in exported(store, "jsonl").splitlines()]
    texts = {a.id: a.text for a in store.articles()}
    assert len({a["target"]["wirescope:article_id"] for a in annotations}) == len(texts)
    for a in annotations:
        assert a["type"] == "Annotation" and a["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
        text = texts[a["target"]["wirescope:article_id"]]
        assert a["target"]["wirescope:text_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        position, quote = a["target"]["selector"]
        assert (position["type"], quote["type"]) == ("TextPositionSelector", "TextQuoteSelector")
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(
            quote["suffix"]
        )


def test_jsonl_carries_each_events_modality(store):
    annotations = [json.loads(line) for line in exported(store, "jsonl", HAND).splitlines()]
    events = {a["wirescope:record"]["id"]: a for a in annotations if a["wirescope:kind"] == "event"}
    assert {i: a["wirescope:record"]["modality"] for i, a in events.items()} == {e.id: e.modality for e in EVENTS}
    negated = events["event_test_negated"]["target"]["selector"][1]
    assert negated["exact"] == "had attacked Charikar" and negated["prefix"].endswith("Northern Front ")


def test_csv_flattens_records_to_dotted_columns(store):
    rows = list(csv.DictReader(io.StringIO(exported(store, "csv", HAND))))
    assert {r["id"] for r in rows} == {"event_test_claimed", "event_test_negated"}
    claimed = next(r for r in rows if r["id"] == "event_test_claimed")
    assert (claimed["actor.name"], claimed["modality"], claimed["evidence.text"]) == (
        "Northern Front",
        "claimed",
        "attacked the army garrison in Charikar",
    )


def test_parquet_opens_in_pyarrow_with_typed_columns(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        export(store, "parquet", out, Filters(), "events")
    table = pq.read_table(path)
    assert table.num_rows == len(filtered(store, "events"))
    assert str(table.schema.field("evidence.start").type) == "int64"
    assert str(table.schema.field("happened").type) == "bool"


def test_geojson_follows_rfc_7946(store):
    collection = json.loads(exported(store, "geojson"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    located = [f for f in collection["features"] if f["geometry"] is not None]  # RFC 7946 3.2: null is allowed
    assert located
    for feature in located:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    charikar = next(f for f in collection["features"] if f["properties"].get("id") == "place_test_charikar")
    assert charikar["geometry"]["coordinates"] == [69.1714, 35.0136]  # [longitude, latitude]
    doha_meeting = next(f for f in collection["features"] if f["properties"].get("id") == "event_test_asserted")
    assert doha_meeting["properties"]["modality"] == "asserted" and doha_meeting["properties"]["happened"]


def test_gexf_opens_in_networkx_with_typed_attributes(store, tmp_path):
    networkx = pytest.importorskip("networkx")
    path = tmp_path / "network.gexf"
    path.write_text(exported(store, "gexf", Filters(actor="Ahmad Karimi")), encoding="utf-8")
    graph = networkx.read_gexf(path)
    assert graph.nodes["actor_test_karimi"]["label"] == "Ahmad Karimi"
    assert isinstance(graph.nodes["actor_test_karimi"]["articles"], int)
    edge = graph.edges["actor_test_army", "actor_test_karimi"]
    assert edge["tie"] == "meets" and edge["asserted"] is True and edge["evidence"] == 1


def test_ftm_entities_validate_in_followthemoney(store):
    followthemoney = pytest.importorskip("followthemoney")
    entities = [json.loads(line) for line in exported(store, "ftm").splitlines()]
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    schemata = {e["schema"] for e in entities}
    assert schemata == {"Article", "Person", "Organization", "Mention", "Event", "Note"}  # Note: a claim
    for data in entities:
        proxy = followthemoney.model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert all(data["properties"].get(p) for p in proxy.schema.required), (data["schema"], data["id"])
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (data["id"], prop.name)  # every reference resolves
    meeting = next(e for e in entities if e["id"] == "wirescope-event-test-asserted")
    assert set(meeting["properties"]["involved"]) == {"wirescope-actor-test-army", "wirescope-actor-test-karimi"}
    mentions = [e for e in entities if e["schema"] == "Mention"]
    assert all(m["properties"].get("document") for m in mentions)
    negated = next(e for e in entities if e["id"] == "wirescope-event-test-negated")
    assert "negated" in negated["properties"]["keywords"]


def test_acled_csv_marks_what_did_not_happen(store):
    assert list(csv.DictReader(io.StringIO(exported(store, "acled-csv", HAND)))) == []  # claimed, negated
    doha = list(csv.DictReader(io.StringIO(exported(store, "acled-csv", Filters(place="Doha")))))
    assert [(r["location"], r["notes"]) for r in doha] == [("Doha", "met Ahmad Karimi in Doha")]
    rows = list(csv.DictReader(io.StringIO(exported(store, "acled-csv", HAND, only_happened=False))))
    assert len(rows) == 2
    notes = sorted(r["notes"] for r in rows)
    assert notes[0].startswith("[CLAIMED]") and notes[1].startswith("[NEGATED]")
    assert {r["location"] for r in rows} == {"Charikar"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "parquet"], "--format parquet is binary: give --out FILE"),
        (["--format", "xml"], "'xml' is not one of"),
    ],
)
def test_the_cli_says_what_is_wrong(see_db, args, message):  # noqa: F811
    from click.testing import CliRunner

    from wirescope.cli import cli

    result = CliRunner().invoke(cli, ["export", "--db", see_db, *args])
    assert result.exit_code == 2 and message in result.output


def test_the_cli_writes_an_export_file(see_db, tmp_path):  # noqa: F811
    from click.testing import CliRunner

    from wirescope.cli import cli

    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        cli, ["export", "--db", see_db, "--format", "geojson", "--place", "Doha", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["id"] for f in features} == {"place_test_doha", "event_test_asserted"}


def test_jsonl_assesses_each_claim_with_its_claimant_and_stance(store):
    annotations = [json.loads(line) for line in exported(store, "jsonl", HAND).splitlines()]
    claims = [a for a in annotations if a["wirescope:kind"] == "claim"]
    assert {a["motivation"] for a in claims} == {"assessing"}
    denied = next(a for a in claims if a["wirescope:record"]["id"] == "claim_test_denied")
    assert denied["body"]["value"].startswith("Afghan Army denies fighting @ Charikar")
    assert denied["target"]["selector"][1]["exact"] == "had attacked Charikar"


def test_csv_of_claims_has_one_row_per_claim_with_its_proposition(store):
    rows = list(csv.DictReader(io.StringIO(exported(store, "csv", HAND, kind="claims"))))
    by_id = {r["id"]: r for r in rows}
    assert {"claim_test_asserted", "claim_test_denied"} <= set(by_id)
    assert by_id["claim_test_denied"]["stance"] == "denies"
    assert by_id["claim_test_denied"]["proposition_id"] == by_id["claim_test_asserted"]["proposition_id"] != ""


def test_ftm_notes_carry_the_claimant(store):
    pytest.importorskip("followthemoney")
    entities = [json.loads(line) for line in exported(store, "ftm", HAND).splitlines()]
    note = next(e for e in entities if e["id"] == "wirescope-claim-test-denied")
    assert note["schema"] == "Note" and note["properties"]["entity"] == ["wirescope-actor-test-army"]
    assert "denies" in note["properties"]["keywords"]
