"""The exports stream rows (store/exporting.py, query/export_rows.py) instead of rebuilding Articles:
what they write must be what the record builders give, on the demo corpus with corrections applied,
on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

import wirescope
from tests.conftest import BACKENDS, empty_store_url
from wirescope.cli import cli
from wirescope.query import export as export_module
from wirescope.query.browse import Filter, filtered, ids_of
from wirescope.query.event_records import write_acled_csv
from wirescope.query.export import (
    export,
    flatten,
    geojson,
    streamed_annotations,
    streamed_records,
    web_annotations,
)
from wirescope.query.geojson import place_feature
from wirescope.query.timeline import located_events

FILTERS = [
    Filter(),
    Filter(place="Panjshir"),
    Filter(type="ASSAULT"),
    Filter(actor="Taliban"),
    Filter(modality="negated"),
    Filter(actor="mass", match="substring"),
    Filter(since=date(2021, 9, 1), until=date(2021, 9, 30)),
]


def _corrections(db: str) -> None:
    """One correction of each kind a record shows: set, confirm, reject, a record following its
    corrected mention, a set on an event record."""
    with wirescope.open_store(db, create=False) as store:
        events = store.page("events", Filter(), 3).ids
        quotes = store.page("quotes", Filter(), 2).ids
        records = store.page("event_records", Filter(), 1).ids
        (article,) = store.load([store.owners("events", events[:1])[events[0]]], ("mentions", "place_mentions"))
    mention = next(m for m in article.mentions if m.actor_id)
    place = article.places[0].mentions[0]
    commands = [
        [events[0], "--set", "modality=hypothetical"],
        [events[1], "--confirm"],
        [quotes[0], "--set", "speaker=Ahmad Massoud"],
        [quotes[1], "--reject"],
        [f"{article.id}/mention/{mention.span.start}-{mention.span.end}", "--confirm"],
        [f"{article.id}/place/{place.start}-{place.end}", "--confirm"],
        [records[0], "--set", "modality=negated"],
    ]
    for args in commands:
        result = CliRunner().invoke(cli, ["correct", *args, "--db", db, "--reason", "test", "--author", "t"])
        assert result.exit_code == 0, result.output


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, demo_db, tmp_path_factory):
    """The demo corpus, corrected, on each backend (PostgreSQL: its articles saved there)."""
    tmp = tmp_path_factory.mktemp("streams")
    with empty_store_url(request.param, tmp) as url:
        if request.param == "sqlite":
            shutil.copy(demo_db, url)
        else:
            with wirescope.open_store(demo_db, create=False) as demo, wirescope.open_store(url) as target:
                for article in demo.articles():
                    target.save(article)
        _corrections(url)
        with wirescope.open_store(url, create=False) as s:
            yield s


def test_the_corrections_show_in_the_records(store):
    reviewed = [r for r in filtered(store, "events") if r["reviewed"]]
    assert {r["machine"] is None for r in reviewed} == {True, False}  # a confirmation and a set
    assert any(r["reviewed"] for r in filtered(store, "event_records"))


@pytest.mark.parametrize("kind", ["events", "quotes", "event_records", "times"])
@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_streamed_records_are_the_record_builders_records(store, kind, f):
    assert list(streamed_records(store, kind, f)) == filtered(store, kind, f)


@pytest.mark.parametrize("kind", ["events", "quotes", "event_records", "times"])
def test_small_chunks_stream_the_same_records(store, kind):
    """Chunks of 7 rows cut through articles (times are in article order, the others by day):
    each chunk still carries the articles and reviews of its rows."""
    from wirescope.query.export_rows import owned_records
    from wirescope.store.exporting import stream_owned

    small = [r for rs in owned_records(stream_owned(store.engine.connect, kind, chunk=7), kind) for r in rs]
    assert len(small) > 7 and small == [r for rs in owned_records(store.export_rows(kind), kind) for r in rs]


def test_only_what_happened_is_read_when_only_that_is_written(store):
    happened = [r for r in filtered(store, "event_records") if r["happened"]]
    assert happened and list(streamed_records(store, "event_records", Filter(), happened_only=True)) == happened


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_streamed_web_annotations_are_the_articles_annotations(store, f):
    scope = Filter(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match)
    built = [a for article in store.articles(ids_of(store, "articles", scope)) for a in web_annotations(article)]
    assert built and list(streamed_annotations(store, f)) == built


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_each_jsonl_line_is_the_json_of_the_articles_annotation(store, f):
    """The lines written from a template are json.dumps of the Web Annotations, byte for byte."""
    scope = Filter(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match)
    built = [a for article in store.articles(ids_of(store, "articles", scope)) for a in web_annotations(article)]
    expected = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in built)
    assert _exported(store, "jsonl", f) == expected
    assert any(a["motivation"] == "assessing" for a in built) or f != Filter()  # claims, as dicts


def _exported(store, fmt: str, f: Filter, kind: str = "events", only_happened: bool = True) -> str:
    out = io.StringIO()
    export(store, fmt, out, f, kind, only_happened)
    return out.getvalue()


def _csv_of_listing(store, kind: str, f: Filter) -> str:
    """The CSV of every record the listing gives (query/browse.py), flattened: the columns of the
    first record, then each new one where it first appears, a cell empty where a record has none;
    no records, nothing (not even a header)."""
    rows = [flatten(r) for r in filtered(store, kind, f)]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    expected = io.StringIO()
    if rows:
        writer = csv.DictWriter(expected, fieldnames=columns)
        writer.writeheader()
        writer.writerows({c: r.get(c) for c in columns} for r in rows)
    return expected.getvalue()


@pytest.mark.parametrize("kind", ["events", "quotes", "event_records", "times", "places"])
@pytest.mark.parametrize("f", FILTERS[:3], ids=str)
def test_csv_has_every_column_in_the_order_it_first_appears(store, kind, f):
    """The CSV written a row at a time is the table of every record flattened."""
    assert _exported(store, "csv", f, kind) == _csv_of_listing(store, kind, f)


@pytest.mark.parametrize("kind", ["actors", "places", "articles"])
@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_csv_of_actors_places_and_articles_is_the_listings_table(store, kind, f):
    """Actors (with every mention, role and relation, the merged actors), places (every mention)
    and articles (text, paragraphs, what cleaning removed and repaired): the CSV is exactly the
    listing's records flattened, whatever the filter."""
    written = _exported(store, "csv", f, kind)
    assert written == _csv_of_listing(store, kind, f)
    assert written.count("\n") > 3 or f != Filter()


@pytest.mark.parametrize("kind", ["events", "quotes", "event_records", "times", "places", "actors", "claims"])
@pytest.mark.parametrize("f", FILTERS[:3], ids=str)
def test_parquet_written_a_row_group_at_a_time_is_the_table_of_every_record(store, kind, f, monkeypatch):
    """Read back, the Parquet file is the one table of every record flattened (every column in
    the order it first appears, None where a record has none, the types pyarrow infers from all
    the rows), though it was written in row groups of 7 spooled rows."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(export_module, "SPOOL_ROWS", 7)
    rows = [flatten(r) for r in export_module._records(store, kind, f)]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    expected = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
    out = io.BytesIO()
    export(store, "parquet", out, f, kind)
    written = pq.ParquetFile(io.BytesIO(out.getvalue()))
    assert written.metadata.num_row_groups == max(1, -(-len(rows) // 7))
    table = written.read()
    assert table.schema.equals(expected.schema) and table.equals(expected)
    assert len(rows) > 7 or f != Filter()


def test_an_empty_parquet_is_the_empty_table(store):
    pq = pytest.importorskip("pyarrow.parquet")
    out = io.BytesIO()
    export(store, "parquet", out, Filter(actor="nobody at all"), "events")
    assert pq.read_table(io.BytesIO(out.getvalue())).num_rows == 0


@pytest.mark.parametrize("f", FILTERS[:4], ids=str)
def test_ftm_entities_from_rows_are_those_of_the_articles(store, f):
    """The FtM export streamed from rows holds, article by article, the Article, its actors
    (the first time any article names them), a Mention per mention naming an actor (numbered
    among all its mentions), its Events and its claims' Notes, with what the Article model says."""
    pytest.importorskip("followthemoney")
    from wirescope.query.ftm import SCHEMA_BY_ACTOR_TYPE, ftm_id

    scope = Filter(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match)
    written = [json.loads(line) for line in _exported(store, "ftm", f).splitlines()]
    expected, facts, seen = [], {}, set()
    for article in store.articles(ids_of(store, "articles", scope)):
        expected.append(ftm_id(article.id))
        facts[ftm_id(article.id)] = {"title": [article.title], "bodyText": [article.text]}
        for actor in article.actors:
            if actor.type in SCHEMA_BY_ACTOR_TYPE and actor.id not in seen:
                seen.add(actor.id)
                expected.append(ftm_id(actor.id))
                if actor.type == "PERSON" and actor.roles:
                    facts[ftm_id(actor.id)] = {"position": sorted({r.role for r in actor.roles})}
        for i, m in enumerate(article.mentions):
            if m.actor_id:
                expected.append(ftm_id(article.id, f"m{i}"))
                facts[expected[-1]] = {"name": [article.text_of(m.span)]}
        expected += [ftm_id(e.id) for e in article.events] + [ftm_id(c.id) for c in article.claims]
    assert [e["id"] for e in written] == expected and (expected or f != Filter())
    by_id = {e["id"]: e["properties"] for e in written}
    for ident, properties in facts.items():
        for name, values in properties.items():
            assert sorted(set(by_id[ident][name])) == sorted(set(values)), (ident, name)


def _built_collection(store, f: Filter) -> dict:
    """The GeoJSON of the record builders: every place record, then each located event's Point."""
    places = [place_feature(p) for p in filtered(store, "places", f)]
    events = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
            "properties": {
                "kind": "event",
                **{k: e[k] for k in ("id", "article_id", "type", "modality", "historical", "happened", "day")},
                "place": e["place_name"],
                "actor": (e["actor"] or {}).get("name"),
                "target": (e["target"] or {}).get("name"),
                "evidence": e["evidence"]["text"],
                "start": e["evidence"]["start"],
                "end": e["evidence"]["end"],
            },
        }
        for e in located_events(store, f)
    ]
    places = [{**p, "properties": {"kind": "place", **p["properties"]}} for p in places]
    return {"type": "FeatureCollection", "features": places + events}


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_geojson_written_a_feature_at_a_time_is_the_built_collection(store, f):
    expected = _built_collection(store, f)
    assert any(x["properties"]["kind"] == "event" for x in expected["features"]) or f != Filter()
    assert _exported(store, "geojson", f) == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    assert geojson(store, f) == expected


def test_an_empty_geojson_is_the_empty_collection(store):
    assert json.loads(_exported(store, "geojson", Filter(actor="nobody at all"))) == {
        "type": "FeatureCollection",
        "features": [],
    }


@pytest.mark.parametrize("only_happened", [True, False])
@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_acled_rows_are_those_of_the_built_records(store, f, only_happened):
    expected = io.StringIO()
    write_acled_csv(filtered(store, "event_records", f), expected, only_happened)
    assert _exported(store, "acled-csv", f, only_happened=only_happened) == expected.getvalue()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled-csv"])
def test_an_in_memory_store_is_read_while_its_export_streams(demo_db, tmp_path, fmt):
    """Regression: a stream that kept its connection while the CSV counted each event's reports
    failed on the in-memory store, whose one connection was then begun twice. It writes what a
    file store holding the same articles writes."""
    with (
        wirescope.open_store(demo_db, create=False) as demo,
        wirescope.open_store("memory") as memory,
        wirescope.open_store(str(tmp_path / "same.db")) as same,
    ):
        for article in demo.articles():
            memory.save(article)
            same.save(article)
        written = _exported(memory, fmt, Filter())
        assert written and written == _exported(same, fmt, Filter())


@pytest.mark.parametrize("kind", ["actors", "places", "articles"])
@pytest.mark.parametrize("f", FILTERS[:4], ids=str)
def test_csv_built_in_small_batches_is_the_same_table(store, kind, f, monkeypatch):
    """Batches of actors or places of at most 5 detail rows (most actors alone), pages of 3
    articles, spool blocks cut at 500 characters: the same CSV."""
    monkeypatch.setattr(export_module, "DETAIL_ROWS", 5)
    monkeypatch.setattr(export_module, "ARTICLE_PAGE", 3)
    monkeypatch.setattr(export_module, "SPOOL_CHARS", 500)
    assert _exported(store, "csv", f, kind) == _csv_of_listing(store, kind, f)


@pytest.mark.parametrize("kind", ["actors", "places"])
def test_detail_counts_are_the_rows_the_records_are_built_from(store, kind):
    """Counted in SQL, each actor's mentions, roles and relations (with the actors merged into
    it), each place's mentions: the rows Store.actor_details / place_details read for it."""
    ids = ids_of(store, kind)
    counts = store.detail_counts(kind, ids)
    details = store.actor_details if kind == "actors" else store.place_details
    sample = ids[:: max(1, len(ids) // 25)]
    for record_id in sample:
        d = details([record_id])
        assert counts[record_id] == len(d.mentions) + len(d.roles) + len(d.relations), record_id
    assert sum(counts.values()) > len(ids) and len(sample) > 10
    assert store.detail_counts(kind, []) == {}
